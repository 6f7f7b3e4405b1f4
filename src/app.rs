//! The root component: one reducer for the state, the hooks that tie it to the browser
//! (`src/hooks/`), and the choice of view. `mount` hydrates a pre-rendered page or renders
//! afresh; `Prerender` props serve the build.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Catalog;
use crate::components::article_more::RelatedLink;
use crate::components::article_view::{ArticleView, Neighbour, PageLine};
use crate::components::list_view::ListView;
use crate::components::not_found::NotFound;
use crate::components::reading_controls::ReadingControls;
use crate::components::search_box::SEARCH_INPUT_ID;
use crate::content::embedded;
use crate::content::model::{shorten, Insight};
use crate::embed::EmbedConfig;
use crate::frame::{self, PortalFrame};
use crate::hooks::use_background_index::use_background_index;
use crate::hooks::use_document_title::use_document_title;
use crate::hooks::use_paging::use_paging;
use crate::hooks::use_portal_frame::use_portal_frame;
use crate::hooks::use_route_listener::use_route_listener;
use crate::hooks::use_scroll_memory::use_scroll_memory;
use crate::hooks::use_search_to_top::use_search_to_top;
use crate::hooks::use_settings_sync::{initial_settings, use_settings_sync};
use crate::hooks::use_slash_focus::use_slash_focus;
use crate::hooks::use_started::use_started;
use crate::listing::{listing, unknown_notice};
use crate::location::{article_url, current_hash, current_route, full_reader_url, navigate};
use crate::route::{PageChoice, Route, View, MAX_QUERY_CHARS};
use crate::state::{Action, State};
use crate::texts::{document_title, MISSING_PAGE, SITE_NAME};

/// A page rendered ahead of time (`--features ssr`, see `src/bin/postbuild.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prerender {
    /// What the page shows.
    pub route: Route,
    /// How many directories below the site root the page lives (`a/<id>/` is 2), so
    /// its links can be relative paths that work without JavaScript.
    pub depth: usize,
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set when rendering on the build machine; never in the browser.
    #[prop_or_default]
    pub prerender: Option<Prerender>,
    /// What the reader typed into the pre-rendered search box before the app started.
    #[prop_or_default]
    pub typed_early: Option<String>,
    /// Started on the not-found page (`404.html`, marked `data-missing`): the address is
    /// no page's, so while no route hash says otherwise it shows the not-found view.
    #[prop_or_default]
    pub missing: bool,
}

/// The reader application.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The content is compiled in: the catalog only orders and counts it, once per mount.
    let catalog = use_memo((), |_| Catalog::new(&embedded::library()));
    let prerender = props.prerender.clone();
    let embed = use_memo((), move |_| if prerender.is_some() { EmbedConfig::default() } else { frame::config() });
    html! {
        <Reader {catalog} embed={embed.clone()} prerender={props.prerender.clone()} typed_early={props.typed_early.clone()} missing={props.missing} />
    }
}

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The content to show.
    pub catalog: Rc<Catalog>,
    /// What the portal asked for, when framed.
    pub embed: Rc<EmbedConfig>,
    /// Set when rendering ahead of time.
    #[prop_or_default]
    pub prerender: Option<Prerender>,
    /// See [`AppProps::typed_early`].
    #[prop_or_default]
    pub typed_early: Option<String>,
    /// See [`AppProps::missing`].
    #[prop_or_default]
    pub missing: bool,
}

/// Mounts the app into `root`. A pre-rendered page whose route is the one the browser
/// is asked for is hydrated: the WASM takes over the DOM already shown. Anything else
/// (a hash deep link, a portal frame) is rendered afresh.
#[cfg(target_arch = "wasm32")]
pub fn mount(root: web_sys::Element) {
    use wasm_bindgen::JsCast;
    let prerendered = root.get_attribute("data-route").map(|hash| Route::parse(&hash));
    if prerendered.is_some_and(|r| r == current_route()) && !frame::config().embedded {
        // A reader who typed into the pre-rendered search box before the app started
        // keeps what they typed: hydration would reset the box to the URL's query.
        let typed_early = gloo::utils::document()
            .get_element_by_id(SEARCH_INPUT_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .filter(|v| crate::route::is_search(v));
        yew::Renderer::<App>::with_root_and_props(root, AppProps { typed_early, ..AppProps::default() }).hydrate();
    } else {
        let missing = root.has_attribute("data-missing");
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
        yew::Renderer::<App>::with_root_and_props(root, AppProps { missing, ..AppProps::default() }).render();
    }
}

/// The links after an article: each keyword a search for it across every page, each
/// related article with the phrases it shares. On a pre-rendered page (`depth`) the search
/// is the list's page with the query in its hash, which needs the app.
fn article_more_links(
    catalog: &Catalog,
    insight: &Insight,
    depth: Option<usize>,
) -> (Vec<Neighbour>, Vec<RelatedLink>) {
    let href = |route: &Route| match depth {
        Some(d) if route.query.is_empty() => route.to_static_href(d),
        Some(d) => format!("{}{}", Route::default().to_static_href(d), route.to_hash()),
        None => route.to_hash(),
    };
    let keywords = insight
        .keywords
        .iter()
        .map(|k| Neighbour {
            label: AttrValue::from(k.to_string()),
            href: AttrValue::from(href(&Route { query: k.to_string(), ..Route::default() })),
        })
        .collect();
    let related = insight
        .related
        .iter()
        .filter_map(|r| catalog.article(&r.id).map(|a| (a, r)))
        .map(|(a, r)| RelatedLink {
            to: Neighbour {
                label: AttrValue::from(format!("{} · {}", a.department_short, a.author)),
                href: AttrValue::from(href(&Route { view: View::Article(a.id.to_string()), ..Route::default() })),
            },
            reason: AttrValue::from(match r.shared.is_empty() {
                true => "内容相近".to_owned(),
                false => format!("都谈到：{}", r.shared.join("、")),
            }),
        })
        .collect();
    (keywords, related)
}

/// The footer's account of what the reader holds.
fn footer_line(catalog: &Catalog) -> String {
    match catalog.pages.as_slice() {
        [page] => format!("{}，共 {} 篇。", page.title, catalog.articles.len()),
        pages => format!("本系列共 {} 期、{} 篇。", pages.len(), catalog.articles.len()),
    }
}

fn initial_state(embed: &EmbedConfig, prerender: Option<&Prerender>) -> State {
    match prerender {
        Some(p) => State { route: p.route.clone(), ..State::default() },
        None => {
            let (text_size, theme) = initial_settings(embed);
            State { route: current_route(), text_size, theme }
        }
    }
}

/// The reader once content is loaded.
#[function_component(Reader)]
fn reader(props: &ReaderProps) -> Html {
    let state = {
        let (embed, prerender) = (props.embed.clone(), props.prerender.clone());
        use_reducer(move || initial_state(&embed, prerender.as_ref()))
    };
    let catalog = &props.catalog;
    let route = &state.route;
    // The order matters: the route listener must be in place before anything navigates.
    use_route_listener(state.dispatcher());
    use_slash_focus(SEARCH_INPUT_ID);
    use_background_index(catalog.clone());
    use_started(props.typed_early.clone());
    let frame = use_portal_frame(props.embed.clone());
    use_settings_sync(state.text_size, state.theme);
    // On the not-found page, the address itself shows the not-found view, until a route
    // hash (a link followed in the app) says what to show instead.
    let missing = props.missing && *route == Route::default() && !crate::route::is_route_hash(&current_hash());
    use_document_title(if missing { document_title(MISSING_PAGE) } else { catalog.document_title(route) });
    use_scroll_memory(route.clone(), frame.clone());
    let portal = PortalFrame(frame.clone());
    let onsearchfocus = use_search_to_top(frame);

    // Links: hashes in the browser; on a pre-rendered page, relative paths to the other
    // pre-rendered pages, which work with JavaScript off (hydration then sets the hashes).
    let depth = props.prerender.as_ref().map(|p| p.depth);
    let href = move |r: &Route| depth.map_or_else(|| r.to_hash(), |d| r.to_static_href(d));
    let list_href = AttrValue::from(href(&route.with_view(View::List)));
    let (filter, unknown) = catalog.filter(route);
    let (shown, onmore) = use_paging((route.query.clone(), filter.clone()));
    // Searching runs once per distinct query, filter and page size, not on every render.
    let results = {
        let catalog = catalog.clone();
        use_memo((route.query.clone(), filter.clone(), shown), move |(q, filter, limit)| {
            // No query, no index: building it must not hold up the first render.
            if !crate::route::is_search(q) {
                return crate::search::Results::default();
            }
            catalog.index().search_top(q, *limit, |a| catalog.fits(filter, a))
        })
    };
    let go = |to: Route| navigate(&to, true);
    let (r1, r2, r3) = (route.clone(), route.clone(), route.clone());
    let ontoggle = Callback::from(move |dept: String| go(r1.toggling(&dept)));
    let onall = Callback::from(move |()| go(r2.all_departments()));
    let onsearch =
        Callback::from(move |q: String| go(Route { query: q.chars().take(MAX_QUERY_CHARS).collect(), ..r3.clone() }));
    let dispatch = state.dispatcher();
    let onsize = Callback::from(move |size| dispatch.dispatch(Action::SetTextSize(size)));
    let dispatch = state.dispatcher();
    let ontheme = Callback::from(move |theme| dispatch.dispatch(Action::SetTheme(theme)));

    let body = match &route.view {
        // The site is served from the root of its host (`location::article_url`).
        View::List if missing => html! { <NotFound back_href={AttrValue::from("/")} /> },
        View::List => {
            let list = listing(catalog, route, &filter, &results, href);
            let page = filter.page.and_then(|n| catalog.page(n)).filter(|_| catalog.pages.len() > 1);
            html! {
                <ListView
                    pages={list.pages}
                    page={page.map(|p| AttrValue::from(p.label.clone()))}
                    departments={list.departments}
                    selected={filter.departments.clone()}
                    total={list.total}
                    query={AttrValue::from(route.query.clone())}
                    found={results.total}
                    near={results.near()}
                    groups={list.groups}
                    {onmore}
                    {ontoggle}
                    {onall}
                    {onsearch}
                    {onsearchfocus}
                />
            }
        }
        View::Article(id) => match catalog.position(id) {
            Some(position) => {
                let article = catalog.articles[position].clone();
                let (prev, next) = catalog.neighbours(id, &filter);
                let neighbour = |a: &Rc<crate::content::Article>| Neighbour {
                    label: AttrValue::from(format!("{} · {}", a.department_short, a.author)),
                    href: AttrValue::from(href(&route.with_view(View::Article(a.id.to_string())))),
                };
                let (prev, next) = (prev.map(neighbour), next.map(neighbour));
                // The article's page, linked to its list (the list, while there is one page).
                // "Back" returns to the list the reader came from, unless that list shows
                // another page (the newest, by default): then to the article's own page.
                let page = catalog.page_of(position);
                let page_list = |number| match catalog.pages.len() {
                    1 => Route::default(),
                    _ => Route::default().on_page(PageChoice::Number(number)),
                };
                // The list's page: the filter does not depend on the view.
                let from = filter.page;
                let back = match page {
                    Some(p) if route.page.is_none() && from.is_some_and(|n| n != p.number) => {
                        href(&route.on_page(PageChoice::Number(p.number)))
                    }
                    _ => list_href.to_string(),
                };
                let page = page.map(|p| PageLine {
                    title: AttrValue::from(p.title.clone()),
                    href: AttrValue::from(href(&page_list(p.number))),
                });
                let (keywords, related) =
                    catalog.insight(id).map(|i| article_more_links(catalog, i, depth)).unwrap_or_default();
                let url = AttrValue::from(article_url(id));
                // Keyed: another article is another reading view, its player and marks anew.
                let key = article.id.to_string();
                html! { <ArticleView {key} {article} back_href={AttrValue::from(back)} {page} {keywords} {related} {url} {prev} {next} /> }
            }
            None => html! { <NotFound id={AttrValue::from(shorten(id, 40, "…"))} back_href={list_href.clone()} /> },
        },
    };
    let onskip = Callback::from(|e: MouseEvent| {
        // The hash is the route, so the skip link moves focus instead of changing it.
        e.prevent_default();
        let main = gloo::utils::document().get_element_by_id("main");
        if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok()) {
            let _ = main.focus();
        }
    });
    let is_list = route.view == View::List && !missing;
    html! {
        <>
            <a class="skip-link" href="#main" onclick={onskip}>{ "跳到正文" }</a>
            <header class="site-header">
                <div class="bar">
                    <a class="brand" href={list_href}>{ SITE_NAME }</a>
                    if props.embed.embedded {
                        <a class="open-full" href={full_reader_url()} target="_top">{ "打开完整阅读器" }</a>
                    }
                    <ReadingControls text_size={state.text_size} theme={state.theme} {onsize} {ontheme} />
                </div>
                if let Some(masthead) = is_list.then(|| catalog.masthead(&filter)) {
                    <div class="masthead">
                        <p class="campaign">{ masthead.campaign }</p>
                        <h1 id="page-title" tabindex="-1">{ masthead.title }</h1>
                    </div>
                }
            </header>
            <main id="main" tabindex="-1" class={classes!(if is_list { "view-list" } else { "view-article" })}>
                if let Some(notice) = unknown_notice(&unknown) {
                    <p class="notice" role="status">{ notice }</p>
                }
                // The article's player asks the portal to keep the chunk being read in view.
                <ContextProvider<PortalFrame> context={portal}>{ body }</ContextProvider<PortalFrame>>
            </main>
            <footer class="site-footer">
                <p>{ footer_line(catalog) }</p>
                <p>{ "本站文字据报纸版面原文整理，未作删改。" }</p>
            </footer>
        </>
    }
}
