//! Trunk's post_build hook (see Trunk.toml), the build's last step, on the staged site:
//! 1. hardens `index.html` for the Content-Security-Policy (`reader::site::harden`);
//! 2. pre-renders the list into `index.html` and every article into `a/<id>/index.html`
//!    with Yew's server renderer, so pages show before the WASM runs and without
//!    JavaScript at all; the app then hydrates them.
//!
//! Fails the build, naming the file, when anything cannot be done.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reader::app::{App, AppProps, Prerender};
use reader::content::embedded;
use reader::route::{Route, View};
use reader::site::{fill, harden, Prerendered};

fn main() -> ExitCode {
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from).or_else(|| std::env::args_os().nth(1).map(PathBuf::from))
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
    let (template, assets) = harden(&template, public_url).map_err(|e| located(&e))?;
    for asset in assets {
        write(&dir.join(&asset.name), &asset.text)?;
    }

    let library = embedded::load().map_err(|e| format!("embedded content: {e}"))?;
    let page_title = library.pages.first().map(|p| p.title.clone()).unwrap_or_default();
    let list = Route::default();
    let html = fill(&template, &Prerendered { route_hash: &list.to_hash(), body: &render(list.clone(), 0)?, title: None, description: None })
        .map_err(|e| located(&e))?;
    write(&index, &html)?;
    let mut pages = 1;
    for article in library.articles() {
        let route = Route { view: View::Article(article.id.clone()), ..Route::default() };
        let title = format!("{} {}：{} · 拱墅区", article.department_short, article.author, page_title);
        let description = article.excerpt(120);
        let page = Prerendered { route_hash: &route.to_hash(), body: &render(route.clone(), 2)?, title: Some(&title), description: Some(&description) };
        let html = fill(&template, &page).map_err(|e| located(&e))?;
        write(&dir.join("a").join(&article.id).join("index.html"), &html)?;
        pages += 1;
    }
    Ok(pages)
}

/// The app's HTML for `route` on a page `depth` directories below the root.
fn render(route: reader::route::Route, depth: usize) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| format!("tokio: {e}"))?;
    let local = tokio::task::LocalSet::new();
    let props = AppProps { prerender: Some(Prerender { route, depth }) };
    Ok(runtime.block_on(local.run_until(yew::LocalServerRenderer::<App>::with_props(props).render())))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
