//! `/` jumps to the search box, unless the reader is typing somewhere or holds a modifier.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the element with id `target` on `/`, for the lifetime of the component.
#[hook]
pub fn use_slash_focus(target: &'static str) {
    use_effect_with((), move |_| {
        let active = EventListenerOptions::enable_prevent_default();
        let on_key = EventListener::new_with_options(&gloo::utils::window(), "keydown", active, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let document = gloo::utils::document();
            let typing = document.active_element().is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
            });
            if e.key() != "/" || typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            if let Some(input) =
                document.get_element_by_id(target).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                e.prevent_default();
                let _ = input.focus();
            }
        });
        move || drop(on_key)
    });
}
