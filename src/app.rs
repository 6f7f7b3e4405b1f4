//! The root component: owns the state, listens to the URL hash, applies and remembers the
//! reading settings, keeps scroll positions, and picks the view to render.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::catalog::Catalog;
use crate::components::article_view::{ArticleView, Neighbour};
use crate::components::list_view::{Card, ListView};
use crate::components::not_found::NotFound;
use crate::components::reading_controls::ReadingControls;
use crate::components::search_box::SEARCH_INPUT_ID;
use crate::content::embedded;
use crate::content::model::shorten;
use crate::embed::EmbedConfig;
use crate::frame::{self, Frame};
use crate::hooks::use_search_to_top::use_search_to_top;
use crate::route::{Route, View};
use crate::search::SHOWN_RESULTS;
use crate::settings::{TextSize, Theme, TEXT_SIZE_KEY, THEME_KEY};
use crate::state::{Action, State};

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
}

/// The reader application.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The content is compiled in: the catalog only orders and counts it, once per mount.
    let catalog = use_memo((), |_| Catalog::new(&embedded::library()));
    let prerender = props.prerender.clone();
    let embed = use_memo((), move |_| if prerender.is_some() { EmbedConfig::default() } else { frame::config() });
    html! { <Reader {catalog} embed={embed.clone()} prerender={props.prerender.clone()} /> }
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
}

fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// What this document shows: its hash, or for a pre-rendered article page, its path.
fn current_route() -> Route {
    let location = gloo::utils::window().location();
    Route::locate(&location.pathname().unwrap_or_default(), &current_hash())
}

thread_local! {
    /// What the reader typed into the pre-rendered search box before the app started;
    /// searched once hydration is done (searching before would change the first render).
    static TYPED_EARLY: RefCell<Option<String>> = const { RefCell::new(None) };
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
        let typed = gloo::utils::document()
            .get_element_by_id(SEARCH_INPUT_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .filter(|v| !v.trim().is_empty());
        TYPED_EARLY.with(|t| *t.borrow_mut() = typed);
        yew::Renderer::<App>::with_root(root).hydrate();
    } else {
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
        yew::Renderer::<App>::with_root(root).render();
    }
}

/// Goes to `route`: a new history entry, or replacing the current one (filter changes
/// and typing, which should not make Back step through every toggle or keystroke).
///
/// A replacement takes effect at once: `history.replaceState` plus a synchronous
/// `hashchange`, not `location.replace`, whose event arrives a task later. Typing relies on
/// it: a late event would re-render the search box with the query as it was a few
/// keystrokes ago and eat what was typed since.
fn navigate(route: &Route, replace: bool) {
    let window = gloo::utils::window();
    let hash = route.to_hash();
    if !replace {
        let _ = window.location().set_hash(&hash);
        return;
    }
    let replaced =
        window.history().and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash)));
    match (replaced, web_sys::Event::new("hashchange")) {
        (Ok(()), Ok(event)) => {
            let _ = window.dispatch_event(&event);
        }
        _ => {
            let _ = window.location().replace(&hash);
        }
    }
}

fn initial_state(embed: &EmbedConfig, prerender: Option<&Prerender>) -> State {
    if let Some(p) = prerender {
        return State { route: p.route.clone(), ..State::default() };
    }
    let stored_theme = || stored(THEME_KEY).map(|k| Theme::from_key(&k)).unwrap_or_default();
    State {
        route: current_route(),
        text_size: stored(TEXT_SIZE_KEY).map(|k| TextSize::from_key(&k)).unwrap_or_default(),
        theme: embed.theme.unwrap_or_else(stored_theme),
    }
}

/// A setting the reader chose earlier, if the browser lets us read storage. Settings are
/// stored as JSON strings (`"dark"`), the form boot.js parses before the first paint.
fn stored(key: &str) -> Option<String> {
    let value = web_sys::window()?.local_storage().ok()??.get_item(key).ok()??;
    Some(value.strip_prefix('"')?.strip_suffix('"')?.to_owned())
}

/// Remembers a setting (see [`stored`]); a browser that refuses storage just forgets it.
/// Keys are plain words, so quoting them makes the JSON string.
fn store(key: &str, value: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(key, &format!("\"{value}\""));
    }
}

/// The reader once content is loaded.
#[function_component(Reader)]
fn reader(props: &ReaderProps) -> Html {
    let state = {
        let (embed, prerender) = (props.embed.clone(), props.prerender.clone());
        use_reducer(move || initial_state(&embed, prerender.as_ref()))
    };
    // Links: hashes in the browser; on a pre-rendered page, relative paths to the other
    // pre-rendered pages, which work with JavaScript off (hydration then sets the hashes).
    let link = {
        let depth = props.prerender.as_ref().map(|p| p.depth);
        move |route: &Route| AttrValue::from(depth.map_or_else(|| route.to_hash(), |d| route.to_static_href(d)))
    };
    // The connection to a portal page, when embedded.
    let frame: Rc<RefCell<Option<Frame>>> = use_mut_ref(|| None);
    // Scroll position per hash, so returning to a list puts the reader where they were.
    let scrolls: Rc<RefCell<HashMap<String, f64>>> = use_mut_ref(HashMap::new);

    {
        let dispatch = state.dispatcher();
        let scrolls = scrolls.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let _ = window.history().map(|h| h.set_scroll_restoration(web_sys::ScrollRestoration::Manual));
            // A hash that says more than its route (junk parameters, hidden characters, a
            // pasted essay) is replaced in the address bar by the route's own form, so
            // what the reader copies is what they see.
            let tidy = || {
                let path = gloo::utils::window().location().pathname().unwrap_or_default();
                let is_anchor = |id: &str| gloo::utils::document().get_element_by_id(id).is_some();
                if let Some(fixed) = Route::tidy(&path, &current_hash(), is_anchor) {
                    let _ = gloo::utils::window().location().replace(&fixed);
                }
            };
            tidy();
            let on_hash = EventListener::new(&window, "hashchange", move |_| {
                tidy();
                dispatch.dispatch(Action::RouteChanged(current_route()));
            });
            let on_scroll = EventListener::new(&window, "scroll", move |_| {
                let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
                scrolls.borrow_mut().insert(current_hash(), y);
            });
            // `/` jumps to the search box unless the reader is typing somewhere.
            let active = gloo::events::EventListenerOptions::enable_prevent_default();
            let on_key = EventListener::new_with_options(&window, "keydown", active, |e| {
                use wasm_bindgen::JsCast;
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let document = gloo::utils::document();
                let typing = document.active_element().is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.has_attribute("contenteditable")
                });
                if e.key() != "/" || typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                if let Some(input) = document
                    .get_element_by_id(SEARCH_INPUT_ID)
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    e.prevent_default();
                    let _ = input.focus();
                }
            });
            move || drop((on_hash, on_scroll, on_key))
        });
    }
    {
        // Build the search index after the first paint, one article per task, so the page
        // never stalls for it, and it is ready long before anyone types.
        let catalog = props.catalog.clone();
        use_effect_with((), move |_| {
            let alive = Rc::new(std::cell::Cell::new(true));
            let running = alive.clone();
            yew::platform::spawn_local(async move {
                loop {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    if !running.get() || catalog.index_step(1) {
                        break;
                    }
                }
            });
            move || alive.set(false)
        });
    }
    {
        let (embed, frame) = (props.embed.clone(), frame.clone());
        use_effect_with((), move |_| {
            if let Some(root) = gloo::utils::document().document_element() {
                // The app has rendered: show what boot.js hid while a hash route loaded,
                // and say the page is interactive (tests wait for it).
                let _ = root.remove_attribute("data-pending");
                let _ = root.set_attribute("data-ready", "");
            }
            if let Some(query) = TYPED_EARLY.with(|t| t.borrow_mut().take()) {
                let query: String = query.chars().take(crate::route::MAX_QUERY_CHARS).collect();
                navigate(&Route { query, ..current_route() }, true);
            }
            if let Some(root) = gloo::utils::document().document_element() {
                if embed.embedded {
                    let _ = root.set_attribute("data-embed", "");
                }
                if embed.hide_title {
                    let _ = root.set_attribute("data-hide-title", "");
                }
            }
            // A portal's preset filter applies when the frame opens on the plain list.
            if !embed.departments.is_empty() && current_route() == Route::default() {
                let departments = embed.departments.iter().cloned().collect();
                navigate(&Route { departments, ..Route::default() }, true);
            }
            if embed.embedded {
                *frame.borrow_mut() = Some(Frame::start((*embed).clone()));
            }
            move || drop(frame.borrow_mut().take())
        });
    }
    {
        let (text_size, theme) = (state.text_size, state.theme);
        // The first run applies what was loaded; only the reader's own choices are stored
        // (so a portal's theme parameter never overwrites the reader's preference).
        let first = use_mut_ref(|| true);
        use_effect_with((text_size, theme), move |_| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("data-text-size", text_size.key());
                let _ = root.set_attribute("data-theme", theme.key());
            }
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                store(TEXT_SIZE_KEY, text_size.key());
                store(THEME_KEY, theme.key());
            }
        });
    }
    {
        let scrolls = scrolls.clone();
        let frame = frame.clone();
        let catalog = props.catalog.clone();
        let last_view: Rc<RefCell<Option<View>>> = use_mut_ref(|| None);
        use_effect_with(state.route.clone(), move |route| {
            // Opening an article or going back: the portal scrolls the frame into view.
            let previous = last_view.borrow_mut().replace(route.view.clone());
            if previous.as_ref().is_some_and(|v| *v != route.view) {
                if let Some(frame) = frame.borrow().as_ref() {
                    frame.scroll_top();
                }
            }
            gloo::utils::document().set_title(&catalog.document_title(&route.view));
            // The first run is the page as loaded (often pre-rendered and already being
            // read): leave its scroll position and focus to the browser and the reader. So
            // does a new query or filter within the list: the reader is typing or choosing
            // right there, and the page must not jump under them.
            if previous.is_none() || previous == Some(View::List) && route.view == View::List {
                return;
            }
            let window = gloo::utils::window();
            match route.view {
                View::List => {
                    let y = scrolls.borrow().get(&current_hash()).copied().unwrap_or(0.0);
                    window.scroll_to_with_x_and_y(0.0, y);
                }
                View::Article(_) => {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                    // Move focus to the new page's title so screen readers announce it,
                    // without scrolling: in a frame, focusing would scroll the portal page
                    // too, fighting the scroll-top request above.
                    if let Some(h1) = gloo::utils::document().get_element_by_id("page-title") {
                        use wasm_bindgen::JsCast;
                        if let Ok(h1) = h1.dyn_into::<web_sys::HtmlElement>() {
                            let options = web_sys::FocusOptions::new();
                            options.set_prevent_scroll(true);
                            let _ = h1.focus_with_options(&options);
                        }
                    }
                }
            }
        });
    }

    let catalog = &props.catalog;
    let route = &state.route;
    let (filter, unknown) = catalog.filter(route);
    // How many results to show: a page at a time, back to one page for each new search.
    let shown = use_state_eq(|| SHOWN_RESULTS);
    {
        let shown = shown.clone();
        use_effect_with((route.query.clone(), filter.clone()), move |_| shown.set(SHOWN_RESULTS));
    }
    // Searching runs once per distinct query, filter and page size, not on every render.
    let results = {
        let catalog = catalog.clone();
        use_memo((route.query.clone(), filter.clone(), *shown), move |(q, filter, limit)| {
            // No query, no index: building it must not hold up the first render.
            if q.trim().is_empty() {
                return crate::search::Results::default();
            }
            catalog.index().search_top(q, *limit, |a| filter.fits(&catalog.articles[a]))
        })
    };
    let list_href = link(&route.with_view(View::List));
    let dispatch = state.dispatcher();
    let onsize = Callback::from(move |size| dispatch.dispatch(Action::SetTextSize(size)));
    let dispatch = state.dispatcher();
    let ontheme = Callback::from(move |theme| dispatch.dispatch(Action::SetTheme(theme)));
    let ontoggle = {
        let route = route.clone();
        Callback::from(move |dept: String| navigate(&route.toggling(&dept), true))
    };
    let onall = {
        let route = route.clone();
        Callback::from(move |()| navigate(&route.all_departments(), true))
    };
    let onsearch = {
        let route = route.clone();
        Callback::from(move |query: String| {
            let query: String = query.chars().take(crate::route::MAX_QUERY_CHARS).collect();
            navigate(&Route { query, ..route.clone() }, true)
        })
    };
    let onsearchfocus = use_search_to_top(frame.clone());
    let onmore = {
        let shown = shown.clone();
        Callback::from(move |()| shown.set(*shown + SHOWN_RESULTS))
    };
    let onskip = Callback::from(|e: MouseEvent| {
        // The hash is the route, so the skip link moves focus instead of changing it.
        e.prevent_default();
        if let Some(main) = gloo::utils::document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    });
    let notice = (!unknown.is_empty()).then(|| {
        // Strings from the URL are shown, but never at any length.
        let names: Vec<String> = unknown.iter().map(|d| format!("“{}”", shorten(d, 20, "…"))).collect();
        format!("链接中的部门{}不在本页中，已忽略。", names.join("、"))
    });

    let body = match &route.view {
        View::List => {
            let href = |a: &Rc<crate::content::Article>| link(&route.with_view(View::Article(a.id.to_string())));
            let cards: Vec<Card> = if route.query.trim().is_empty() {
                catalog
                    .filtered(&filter)
                    .map(|a| Card {
                        article: a.clone(),
                        href: href(a),
                        excerpt: None,
                        department_marks: vec![],
                        author_marks: vec![],
                    })
                    .collect()
            } else {
                results
                    .hits
                    .iter()
                    .map(|h| (&catalog.articles[h.article], h))
                    .map(|(a, h)| Card {
                        article: a.clone(),
                        href: href(a),
                        excerpt: Some(h.excerpt.clone()),
                        department_marks: h.department_marks.clone(),
                        author_marks: h.author_marks.clone(),
                    })
                    .collect()
            };
            // While searching, the departments count the matches, whatever the filter.
            let (departments, total) = if route.query.trim().is_empty() {
                (catalog.departments.clone(), catalog.articles.len())
            } else {
                (catalog.departments_among(&results.matching), results.matching.len())
            };
            html! {
                <ListView
                    {departments}
                    selected={filter.departments.clone()}
                    {total}
                    query={AttrValue::from(route.query.clone())}
                    found={results.total}
                    {cards}
                    {onmore}
                    {ontoggle}
                    {onall}
                    {onsearch}
                    onsearchfocus={onsearchfocus.clone()}
                />
            }
        }
        View::Article(id) => match catalog.article(id) {
            Some(article) => {
                let (prev, next) = catalog.neighbours(id, &filter);
                let neighbour = |a: &Rc<crate::content::Article>| Neighbour {
                    label: AttrValue::from(format!("{} · {}", a.department_short, a.author)),
                    href: link(&route.with_view(View::Article(a.id.to_string()))),
                };
                html! {
                    <ArticleView
                        article={article.clone()}
                        back_href={list_href.clone()}
                        prev={prev.map(neighbour)}
                        next={next.map(neighbour)}
                    />
                }
            }
            None => html! { <NotFound id={AttrValue::from(shorten(id, 40, "…"))} back_href={list_href.clone()} /> },
        },
    };
    let is_list = route.view == View::List;
    html! {
        <>
            <a class="skip-link" href="#main" onclick={onskip}>{ "跳到正文" }</a>
            <header class="site-header">
                <div class="bar">
                    <a class="brand" href={list_href.clone()}>{ "拱墅区 · 学习交流" }</a>
                    if props.embed.embedded {
                        <a class="open-full" href={full_reader_url()} target="_top">{ "打开完整阅读器" }</a>
                    }
                    <ReadingControls text_size={state.text_size} theme={state.theme} {onsize} {ontheme} />
                </div>
                if is_list {
                    <div class="masthead">
                        <p class="campaign">{ &catalog.masthead.campaign }</p>
                        <h1 id="page-title" tabindex="-1">{ &catalog.masthead.title }</h1>
                    </div>
                }
            </header>
            <main id="main" tabindex="-1" class={classes!(if is_list { "view-list" } else { "view-article" })}>
                if let Some(notice) = notice {
                    <p class="notice" role="status">{ notice }</p>
                }
                { body }
            </main>
            <footer class="site-footer">
                <p>{ format!("{}，共 {} 篇。", catalog.masthead.title, catalog.articles.len()) }</p>
                <p>{ "本站文字据报纸版面原文整理，未作删改。" }</p>
            </footer>
        </>
    }
}

/// This page without the embed parameters, keeping the current view.
fn full_reader_url() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{}", current_hash())
}
