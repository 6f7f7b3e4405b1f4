//! Keeps the current choice of a horizontally scrolling strip in view: on a phone the
//! department filter is one scrolling line, and the selected department (or 全部) must
//! never sit out of sight, e.g. after a shared link selected the last department. So must
//! the item a keyboard focuses: Chromium leaves an item half out of view (and under the
//! strip's faded edge) when part of it shows. (Not one a press focuses: see below.)

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Room left beside the chosen item, so it clears the strip's faded edge.
const EDGE_PX: f64 = 40.0;

/// After each render in which `key` changed, scrolls the element behind `strip` sideways
/// (only sideways, never the page) so that its first child matching `selector` is in view;
/// and whenever focus moves into the strip, so that the focused element is.
#[hook]
pub fn use_keep_in_view<K: PartialEq + Clone + 'static>(strip: NodeRef, selector: &'static str, key: K) {
    {
        let strip = strip.clone();
        use_effect_with(key, move |_| {
            if let Some(strip) = strip.cast::<HtmlElement>() {
                if let Ok(Some(item)) = strip.query_selector(selector) {
                    bring_into_strip(&strip, &item);
                }
            }
        });
    }
    use_effect_with((), move |_| {
        let listener = strip.cast::<HtmlElement>().map(|element| {
            EventListener::new(&element.clone(), "focusin", move |e| {
                // Keyboard focus only: a press focuses its toggle too, and moving the strip
                // between press and release would send the click elsewhere.
                let item = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                if let Some(item) = item.filter(|i| i.matches(":focus-visible").unwrap_or(false)) {
                    bring_into_strip(&element, &item);
                }
            })
        });
        move || drop(listener)
    });
}

fn bring_into_strip(strip: &HtmlElement, item: &Element) {
    if strip.scroll_width() <= strip.client_width() {
        return; // Not scrolling: everything is in view.
    }
    let (outer, inner) = (strip.get_bounding_client_rect(), item.get_bounding_client_rect());
    let left = inner.left() - outer.left();
    let right = inner.right() - outer.right();
    let by = if left < 0.0 {
        left - EDGE_PX
    } else if right > -EDGE_PX {
        // Past the right edge, or under its fade: scroll just enough, never past its start.
        (right + EDGE_PX).min(left - EDGE_PX).max(0.0)
    } else {
        return;
    };
    let element: &Element = strip.unchecked_ref();
    element.set_scroll_left(element.scroll_left() + by.round() as i32);
}
