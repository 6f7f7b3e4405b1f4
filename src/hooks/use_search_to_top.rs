//! On a phone, focusing the search box brings it to the top of the screen, so that the
//! status line and the results show right under it while the on-screen keyboard takes
//! the lower half. In a portal's frame the frame does not scroll (it is as tall as its
//! content), so the portal is asked to scroll instead.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::frame::{self, Frame};

/// Widths at which the search box moves up on focus; the same breakpoint as the phone
/// layout in `styles/main.css`.
const NARROW: &str = "(max-width: 40rem)";

/// The search box's focus handler: on a narrow screen, scrolls the search form (the
/// focused input's `form`) to the top of the window or, framed, of the portal's window.
#[hook]
pub fn use_search_to_top(frame: Rc<RefCell<Option<Frame>>>) -> Callback<FocusEvent> {
    // The frame's cell lives as long as the app, so one callback serves every render.
    let onfocus = use_memo((), move |_| Callback::from(move |e: FocusEvent| bring_to_top(&e, &frame)));
    (*onfocus).clone()
}

fn bring_to_top(e: &FocusEvent, frame: &RefCell<Option<Frame>>) {
    let window = gloo::utils::window();
    let narrow = window.match_media(NARROW).ok().flatten().is_some_and(|m| m.matches());
    let form = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|el| el.closest("form").ok().flatten());
    let (true, Some(form)) = (narrow, form) else { return };
    let top = form.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
    match frame.borrow().as_ref() {
        Some(frame) if frame::is_framed() => frame.scroll_to(top.max(0.0).round() as u32),
        _ => window.scroll_to_with_x_and_y(0.0, top),
    }
}
