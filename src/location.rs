//! The browser side of the route: reading the address bar and changing it. The URL hash is
//! the single source of truth (see `route.rs`); the app follows its `hashchange` events. One
//! exception, for speed: a keystroke shows its results first and is written to the address
//! bar right after (`replace_soon`).

use std::cell::RefCell;

use crate::route::Route;

thread_local! {
    /// The hash `replace_soon` will write, and the hash it will write over.
    static PENDING: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// The location's hash, `#…` or empty.
pub fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// What this document shows: its hash, or for a pre-rendered article page, its path.
pub fn current_route() -> Route {
    let location = gloo::utils::window().location();
    Route::locate(&location.pathname().unwrap_or_default(), &current_hash())
}

/// Goes to `route`: a new history entry, or replacing the current one (filter changes
/// and typing, which should not make Back step through every toggle or keystroke).
///
/// A replacement takes effect at once: `history.replaceState` plus a synchronous
/// `hashchange`, not `location.replace`, whose event arrives a task later: a late event
/// would re-render the search box with the query as it was a moment ago and eat what was
/// typed since. (Typing itself goes through `replace_soon`.)
pub fn navigate(route: &Route, replace: bool) {
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

/// Writes `route` to the address bar a task from now, replacing the current entry, for a
/// keystroke whose results the caller has already shown (`Action::RouteChanged`).
/// `history.replaceState` saves the scroll position and so lays out the page the keystroke
/// just changed: done at once it cost more than the search and the render together. Keystrokes
/// in between write only the last; a navigation in between (a link, Back) wins, and nothing
/// is written over it.
pub fn replace_soon(route: &Route) {
    let hash = route.to_hash();
    let first = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let first = p.is_none();
        let over = p.take().map_or_else(current_hash, |(_, over)| over);
        *p = Some((hash, over));
        first
    });
    if first {
        gloo::timers::callback::Timeout::new(0, || {
            let Some((hash, over)) = PENDING.with(|p| p.borrow_mut().take()) else { return };
            if current_hash() == over {
                let history = gloo::utils::window().history();
                let _ = history.and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash)));
            }
        })
        .forget();
    }
}

/// The address of an article's own pre-rendered page on this host (the site is served
/// from the root of its host), what a reader shares. Empty while pre-rendering.
pub fn article_url(id: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let origin = gloo::utils::window().location().origin().unwrap_or_default();
        format!("{origin}/a/{}/", crate::route::encode(id))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        String::new()
    }
}

/// This page without the embed parameters, keeping the current view: the portal frame's
/// link to the full reader.
pub fn full_reader_url() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{}", current_hash())
}
