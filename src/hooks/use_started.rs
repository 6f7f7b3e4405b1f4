//! Once the app has rendered: shows what boot.js hid while a hash route loaded, says the
//! page is interactive (`data-ready`; tests wait for it), and searches what the reader
//! typed into the pre-rendered search box before the app started (searching earlier would
//! have changed the first render, which must match the pre-rendered page).

use yew::prelude::*;

use crate::location::{current_route, navigate};
use crate::route::{Route, MAX_QUERY_CHARS};

/// The route that searches `query`, typed before the app started, where the reader is.
pub fn typed_route(query: &str) -> Route {
    Route { query: query.chars().take(MAX_QUERY_CHARS).collect(), ..current_route() }
}

/// Runs once, after the first render.
#[hook]
pub fn use_started(typed_early: Option<String>) {
    use_effect_with((), move |_| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.remove_attribute("data-pending");
            let _ = root.set_attribute("data-ready", "");
        }
        if let Some(query) = typed_early {
            navigate(&typed_route(&query), true);
        }
    });
}
