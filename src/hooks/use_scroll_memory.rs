//! Where the page is scrolled when the view changes. The browser's own restoration is off:
//! the app remembers the position per hash, so going back to a list puts the reader where
//! they were, and opening an article starts at its top with focus on its title (screen
//! readers announce it). In a portal's frame the portal is asked to bring the frame's top
//! into view. The first view (often pre-rendered and already being read) and a new query
//! or filter within the list (the reader is typing or choosing right there) leave the
//! position alone: the page must not jump under them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::frame::Frame;
use crate::location::current_hash;
use crate::route::{Route, View};

/// Remembers scroll positions and applies them on each change of `route`'s view.
#[hook]
pub fn use_scroll_memory(route: Route, frame: Rc<RefCell<Option<Frame>>>) {
    let scrolls: Rc<RefCell<HashMap<String, f64>>> = use_mut_ref(HashMap::new);
    {
        let scrolls = scrolls.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let _ = window.history().map(|h| h.set_scroll_restoration(web_sys::ScrollRestoration::Manual));
            let on_scroll = EventListener::new(&window, "scroll", move |_| {
                let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
                scrolls.borrow_mut().insert(current_hash(), y);
            });
            move || drop(on_scroll)
        });
    }
    let last_view: Rc<RefCell<Option<View>>> = use_mut_ref(|| None);
    use_effect_with(route, move |route| {
        let previous = last_view.borrow_mut().replace(route.view.clone());
        if previous.is_none_or(|v| v == route.view) {
            return;
        }
        if let Some(frame) = frame.borrow().as_ref() {
            frame.scroll_top();
        }
        let window = gloo::utils::window();
        match route.view {
            View::List => {
                let y = scrolls.borrow().get(&current_hash()).copied().unwrap_or(0.0);
                window.scroll_to_with_x_and_y(0.0, y);
            }
            View::Article(_) => {
                window.scroll_to_with_x_and_y(0.0, 0.0);
                // Focus without scrolling: in a frame, focusing would scroll the portal
                // page too, fighting the scroll-top request above.
                let title = gloo::utils::document().get_element_by_id("page-title");
                if let Some(h1) = title.and_then(|h1| h1.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = h1.focus_with_options(&options);
                }
            }
        }
    });
}
