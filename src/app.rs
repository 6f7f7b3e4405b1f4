//! The root component: one reducer for the state, the hooks that tie it to the browser
//! (`src/hooks/`), and the choice of view. `mount` hydrates a pre-rendered page or renders
//! afresh; `Prerender` props serve the build.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::screen_view::{screen_view, Controls};
use crate::components::search_box::SEARCH_INPUT_ID;
use crate::content::{embedded, Library};
use crate::embed::EmbedConfig;
use crate::frame::{self, PortalFrame};
use crate::hooks::use_archive::use_archive;
use crate::hooks::use_document_title::use_document_title;
use crate::hooks::use_paging::use_paging;
use crate::hooks::use_portal_frame::use_portal_frame;
use crate::hooks::use_results::use_results;
use crate::hooks::use_route_listener::use_route_listener;
use crate::hooks::use_scroll_memory::use_scroll_memory;
use crate::hooks::use_search_index::use_search_index;
use crate::hooks::use_search_to_top::use_search_to_top;
use crate::hooks::use_settings_sync::{initial_settings, use_settings_sync};
use crate::hooks::use_slash_focus::use_slash_focus;
use crate::hooks::use_started::use_started;
use crate::location::{current_hash, current_route, navigate, replace_soon};
use crate::route::{is_route_hash, Route, MAX_QUERY_CHARS};
use crate::state::{Action, State};
use crate::view::links::Links;
use crate::view::screen::screen;

/// A page rendered ahead of time (`--features ssr`, see `src/bin/postbuild.rs`).
#[derive(Debug, Clone)]
pub struct Prerender {
    /// What the page shows.
    pub route: Route,
    /// How many directories below the site root the page lives (`a/<id>/` is 2), so
    /// its links can be relative paths that work without JavaScript.
    pub depth: usize,
    /// What the page carries (its data): the app in the browser starts from it alone.
    pub library: Rc<Library>,
}

/// The library is the same when it is the same allocation: it is never changed in place,
/// and comparing pages of articles field by field would cost the WASM a kilobyte.
impl PartialEq for Prerender {
    fn eq(&self, other: &Self) -> bool {
        self.route == other.route && self.depth == other.depth && Rc::ptr_eq(&self.library, &other.library)
    }
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
    // The content is the page's data, read once (on the build machine, what the page will carry).
    let library = {
        let prerender = props.prerender.clone();
        use_memo((), move |_| prerender.map_or_else(embedded::library, |p| (*p.library).clone()))
    };
    let prerender = props.prerender.clone();
    let embed = use_memo((), move |_| if prerender.is_some() { EmbedConfig::default() } else { frame::config() });
    html! {
        <Reader {library} embed={embed.clone()} prerender={props.prerender.clone()} typed_early={props.typed_early.clone()} missing={props.missing} />
    }
}

/// Props of [`Reader`].
#[derive(Properties)]
pub struct ReaderProps {
    /// The content the page carries.
    pub library: Rc<Library>,
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

/// As [`Prerender`]'s: the library by its allocation.
impl PartialEq for ReaderProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library)
            && (&self.embed, &self.prerender, &self.typed_early, self.missing)
                == (&other.embed, &other.prerender, &other.typed_early, other.missing)
    }
}

/// Mounts the app into `root`. A pre-rendered page whose route is the one the browser
/// is asked for is hydrated: the WASM takes over the DOM already shown. Anything else
/// (a hash deep link, a portal frame) is rendered afresh.
#[cfg(target_arch = "wasm32")]
pub fn mount(root: web_sys::Element) {
    use wasm_bindgen::JsCast;
    // Without its data (a page the build did not fill, data that does not read: said on the
    // console) the app cannot show the content; the pre-rendered page, links and all, reads
    // without it, so it is left as it is.
    if embedded::load().is_err() {
        return;
    }
    let prerendered = root.get_attribute("data-route").map(|hash| Route::parse(&hash));
    if prerendered.is_some_and(|r| r == current_route()) && !frame::config().embedded {
        // A reader who typed into the pre-rendered search box before the app started
        // keeps what they typed: hydration would reset the box to the URL's query.
        let typed_early = gloo::utils::document()
            .get_element_by_id(SEARCH_INPUT_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .filter(|v| crate::route::is_search(v));
        // What searching it across the archive needs, asked for while the page hydrates.
        if let Some(query) = &typed_early {
            crate::early::start(&crate::hooks::use_started::typed_route(query));
        }
        yew::Renderer::<App>::with_root_and_props(root, AppProps { typed_early, ..AppProps::default() }).hydrate();
    } else {
        let missing = root.has_attribute("data-missing");
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
        yew::Renderer::<App>::with_root_and_props(root, AppProps { missing, ..AppProps::default() }).render();
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

/// What the controls do: change the route (a filter or query replaces the history entry)
/// or a setting.
fn controls(state: &UseReducerHandle<State>, embedded: bool, portal: PortalFrame) -> Controls {
    let go = |to: Route| navigate(&to, true);
    let route = &state.route;
    let (r1, r2, r3) = (route.clone(), route.clone(), route.clone());
    let (d1, d2, d3) = (state.dispatcher(), state.dispatcher(), state.dispatcher());
    Controls {
        text_size: state.text_size,
        theme: state.theme,
        embedded,
        portal,
        onsize: Callback::from(move |size| d1.dispatch(Action::SetTextSize(size))),
        ontheme: Callback::from(move |theme| d2.dispatch(Action::SetTheme(theme))),
        ontoggle: Callback::from(move |dept: String| go(r1.toggling(&dept))),
        onall: Callback::from(move |()| go(r2.all_departments())),
        // The results at once, the address right after (`replace_soon`).
        onsearch: Callback::from(move |q: String| {
            let to = Route { query: q.chars().take(MAX_QUERY_CHARS).collect(), ..r3.clone() };
            replace_soon(&to);
            d3.dispatch(Action::RouteChanged(to));
        }),
        onsearchfocus: Callback::noop(),
        onmore: Callback::noop(),
        onremedy: Callback::noop(),
    }
}

/// The reader once content is loaded: the hooks that tie it to the browser, the screen
/// for the route (`view::screen`), and its rendering.
#[function_component(Reader)]
fn reader(props: &ReaderProps) -> Html {
    let state = {
        let (embed, prerender) = (props.embed.clone(), props.prerender.clone());
        use_reducer(move || initial_state(&embed, prerender.as_ref()))
    };
    let route = &state.route;
    // The order matters: the route listener must be in place before anything navigates.
    use_route_listener(state.dispatcher());
    // How many search results the list shows; more on request, and what a search across
    // the archive fetches follows it.
    let (shown, onmore) = use_paging((route.query.clone(), route.page, route.departments.clone()));
    let (catalog, (archive, waiting), onremedy) = use_archive(props.library.clone(), route, shown);
    let catalog = &catalog;
    use_slash_focus(SEARCH_INPUT_ID);
    let indexing = use_search_index(catalog.clone());
    use_started(props.typed_early.clone());
    let frame = use_portal_frame(props.embed.clone());
    use_settings_sync(state.text_size, state.theme);
    let results = use_results(catalog, &indexing, route, shown, &archive);
    // On the not-found page, the address itself shows the not-found view, until a route
    // hash (a link followed in the app) says what to show instead.
    let missing = props.missing && *route == Route::default() && !is_route_hash(&current_hash());
    // Links: hashes in the browser; relative paths on a pre-rendered page.
    let links = props.prerender.as_ref().map_or(Links::Hash, |p| Links::Static { depth: p.depth });
    let screen = screen(catalog, route, (&results, shown), links, missing, (&archive, waiting));
    use_document_title(screen.title.clone());
    use_scroll_memory(route.clone(), frame.clone());
    let onsearchfocus = use_search_to_top(frame.clone());
    let controls =
        Controls { onsearchfocus, onmore, onremedy, ..controls(&state, props.embed.embedded, PortalFrame(frame)) };
    screen_view(screen, controls)
}
