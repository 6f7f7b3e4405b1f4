//! The build's last step, run by the site tool (`crates/site`) on the folder Trunk built:
//! 1. hardens `index.html` for the Content-Security-Policy (`reader::site::harden`),
//!    inlining `boot.js` and the stylesheet (each allowed by its hash: one round trip fewer
//!    before the first paint), putting `panic.js` first in the start-up
//!    script, and writing the policy to `csp.txt` for operators who send it as a header;
//! 2. pre-renders the list into `index.html` (with several pages of the series also each
//!    page's list into `p/<number>/index.html` and every page's into `p/all/index.html`) and
//!    every article into `a/<id>/index.html` with Yew's server renderer, so pages show
//!    before the WASM runs and without JavaScript at all; the app then hydrates them; and `404.html`, the not-found page;
//!    every page carries the app's data (`reader_core::content::bundle`: its own page's
//!    articles, the series' catalogue, the search tables; the WASM holds no content) as JSON,
//!    and each page's articles go into a file of their own (`data/pages-<digest>/page-N.json`),
//!    which the other pages fetch when a reader asks for them; article pages carry their sharing metadata (`reader::share_meta`: Open Graph,
//!    keywords, JSON-LD; the canonical address when `PUBLIC_ORIGIN` names the site's origin);
//! 3. writes `.gz` and `.br` siblings of every HTML, CSS, JS and WASM file
//!    (`reader::precompress`), for hosts that serve precompressed files.
//!
//! Fails the build, naming the file, when anything cannot be done.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use reader_core::content::bundle::{index_at, series_at, site_files, Bundle, SearchIndex};
use reader_core::content::index_files::index_files;

use reader::app::{App, AppProps, Prerender};
use reader::catalog::Catalog;
use reader::components::not_found::{NotFound, NotFoundProps};
use reader::content::{embedded, Library};
use reader::minify::minify_js;
use reader::route::{PageChoice, Route, View};
use reader::share_meta::{article_head, public_origin, ArticleMeta};
use reader::site::{csp, fill, harden, script_hash, Inline, Prerendered};
use reader::view::screen::document_title;

/// The script inlined into every page (see `src/web/boot.js`).
const BOOT: &str = "boot.js";
/// Put first in the start-up script: the notice when the WASM traps (see the file).
const PANIC: &str = include_str!("../web/panic.js");

fn main() -> ExitCode {
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::args_os().nth(1).map(PathBuf::from))
    else {
        eprintln!("usage: postbuild DIST_DIR (or run from Trunk with TRUNK_STAGING_DIR set)");
        return ExitCode::FAILURE;
    };
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    match run(&dir, &public_url) {
        Ok(pages) => {
            eprintln!("postbuild: {pages} pages pre-rendered into {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path, public_url: &str) -> Result<usize, String> {
    let index = dir.join("index.html");
    let located = |e: &dyn std::fmt::Display| format!("{}: {e}", index.display());
    let template = std::fs::read_to_string(&index).map_err(|e| located(&e))?;
    let boot_path = dir.join(BOOT);
    let boot = std::fs::read_to_string(&boot_path).map_err(|e| format!("{}: {e}", boot_path.display()))?;
    let boot = minify_js(&boot_path.display().to_string(), &boot)?;
    let hash = script_hash(&boot);
    let src = format!("{public_url}{BOOT}");
    // The stylesheet Trunk built (`main-<hash>.css`), inlined into every page too.
    let css_name = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find(|n| n.starts_with("main-") && n.ends_with(".css"))
        .ok_or_else(|| format!("{}: no main-*.css", dir.display()))?;
    let css = std::fs::read_to_string(dir.join(&css_name)).map_err(|e| format!("{css_name}: {e}"))?;
    let (css_src, css_hash) = (format!("{public_url}{css_name}"), script_hash(&css));
    let inline =
        [Inline { src: &src, text: &boot, hash: &hash }, Inline { src: &css_src, text: &css, hash: &css_hash }];
    let (template, assets) =
        harden(&template, public_url, &inline, &minify_js("src/web/panic.js", PANIC)?).map_err(|e| located(&e))?;
    for asset in assets {
        write(&dir.join(&asset.name), &asset.text)?;
    }
    std::fs::remove_file(&boot_path).map_err(|e| format!("{}: {e}", boot_path.display()))?;
    write(&dir.join("csp.txt"), format!("{}\n", csp(&[&hash], &[&css_hash])))?;

    // The site's public origin, for canonical addresses (`PUBLIC_ORIGIN`; none: none).
    let origin = public_origin(std::env::var("PUBLIC_ORIGIN").ok().as_deref())?;
    let library = embedded::load()?;
    let catalog = Catalog::new(library);
    // Each page's articles in a file of its own, sealed with its digest, in a folder named
    // by them all, for the pages that do not carry them; each pre-rendered page carries its
    // own articles, the catalogue of the series that names those files, and the search
    // tables.
    let (_, tables) = embedded::site()?;
    let (files, series) = site_files(library);
    for file in &files {
        write(&dir.join(&file.path), &file.text)?;
    }
    // With several pages, the sharded search index (buckets, each article's file), which a
    // search across the archive fetches a query's part of.
    let search_index = match catalog.pages.len() > 1 {
        true => {
            let (index, files) = index_files(library);
            for file in &files {
                write(&dir.join(&file.path), &file.bytes)?;
            }
            index
        }
        false => SearchIndex::default(),
    };
    // A page's list and its articles' pages carry the same data (the same pages, at the same
    // depth): made once each, not once a page (a page of the series has ten articles).
    let mut made: HashMap<(Vec<u32>, String), Carried> = HashMap::new();
    let mut carried = |numbers: &[u32], prefix: &str| -> Result<Carried, String> {
        if let Some(found) = made.get(&(numbers.to_vec(), prefix.to_owned())) {
            return Ok(found.clone());
        }
        let mut bundle = Bundle::carrying(library, numbers, tables.clone(), series_at(&series, prefix));
        bundle.index = index_at(&search_index, prefix);
        let found: Carried = (bundle.to_json().into(), Rc::new(bundle.into_parts()?.0));
        made.insert((numbers.to_vec(), prefix.to_owned()), found.clone());
        Ok(found)
    };
    let newest = catalog.pages.last().map(|p| p.number).into_iter().collect::<Vec<_>>();
    // One runtime for every page: the renderer awaits, nothing runs concurrently.
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| format!("tokio: {e}"))?;
    let mut pages = 0;
    let mut prerender =
        |route: &Route, numbers: &[u32], depth: usize, description: Option<&str>, head: Option<&str>, path: &Path| {
            let (data, library) = carried(numbers, &"../".repeat(depth))?;
            // The page renders from what it carries, as the app will when it takes it over.
            let title = document_title(&Catalog::new(&library), route);
            let page = Prerendered {
                route_hash: Some(&route.to_hash()),
                body: &render(&runtime, route.clone(), depth, library),
                title: Some(&title),
                description,
                head,
                data: &data,
            };
            pages += 1;
            write(path, &fill(&template, &page).map_err(|e| located(&e))?)
        };
    // The list (the newest page, or the only one) at the root; with several pages, each
    // page's list and every page's under `p/`.
    let list = Route::default();
    prerender(&list, &newest, 0, None, None, &index)?;
    if catalog.pages.len() > 1 {
        // The list of every page shows its newest few; it carries those.
        let every = catalog.browsed(reader::search::SHOWN_RESULTS);
        let choices = catalog.pages.iter().map(|p| (PageChoice::Number(p.number), vec![p.number]));
        for (choice, numbers) in choices.chain([(PageChoice::All, every)]) {
            let route = list.on_page(choice);
            let segment = route.to_static_href(0);
            prerender(&route, &numbers, 2, None, None, &dir.join(segment).join("index.html"))?;
        }
    }
    for (position, article) in catalog.articles.iter().enumerate() {
        let route = Route { view: View::Article(article.id.to_string()), ..Route::default() };
        let excerpt = article.excerpt(120);
        let description = match catalog.label_of(position) {
            Some(label) => format!("{label} · {} {}：{excerpt}", article.department_short, article.author),
            None => excerpt,
        };
        let keywords: Vec<&str> =
            catalog.insight(&article.id).map(|i| i.keywords.iter().map(|k| &**k).collect()).unwrap_or_default();
        let url = origin.as_ref().map(|o| format!("{o}{public_url}a/{}/", article.id));
        let title = document_title(&catalog, &route);
        let meta = ArticleMeta {
            headline: reader::texts::headline(&title),
            description: &description,
            author: &article.author,
            job_title: &article.posts_line(),
            department: &article.department,
            section: &article.department_short,
            keywords: &keywords,
            url: url.as_deref(),
        };
        let head = article_head(&meta);
        let own: Vec<u32> = catalog.page_of(position).map(|p| p.number).into_iter().collect();
        let path = dir.join("a").join(&*article.id).join("index.html");
        prerender(&route, &own, 2, Some(&description), Some(&head), &path)?;
    }
    // What a host answers, with status 404, for an address that has no page (nginx:
    // error_page). Served at any depth, so its one link is absolute; no route shows it, so
    // the app renders afresh there (the list, or an unknown article's notice).
    let missing = yew::LocalServerRenderer::<NotFound>::with_props(NotFoundProps {
        id: None,
        back_href: public_url.to_owned().into(),
    });
    let body = format!(
        "<main id=\"main\" tabindex=\"-1\" class=\"view-article\">{}</main>",
        runtime.block_on(missing.render())
    );
    // It is served at any depth: its catalogue names the files from the site's root.
    let (data, _) = carried(&newest, public_url)?;
    let page = Prerendered {
        route_hash: None,
        body: &body,
        title: Some(&reader::texts::document_title(reader::texts::MISSING_PAGE)),
        description: None,
        head: None,
        data: &data,
    };
    write(&dir.join("404.html"), &fill(&template, &page).map_err(|e| located(&e))?)?;
    reader::precompress::precompress_dir(dir)?;
    Ok(pages)
}

/// What a page carries: its data as JSON, and that data read back (what it renders from).
type Carried = (Rc<str>, Rc<Library>);

/// The app's HTML for `route` on a page `depth` directories below the root.
fn render(runtime: &tokio::runtime::Runtime, route: Route, depth: usize, library: Rc<Library>) -> String {
    let local = tokio::task::LocalSet::new();
    let props = AppProps { prerender: Some(Prerender { route, depth, library }), ..AppProps::default() };
    runtime.block_on(local.run_until(yew::LocalServerRenderer::<App>::with_props(props).render()))
}

fn write(path: &Path, text: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
