//! The portal side of the app, when it runs in a portal's frame: the compact layout
//! (`data-embed`) and a hidden title, the portal's preset department filter, and the
//! connection that reports the height and answers the portal (`frame.rs`).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::embed::EmbedConfig;
use crate::frame::Frame;
use crate::location::{current_route, navigate};
use crate::route::Route;

/// Starts the connection when `embed` says the page is framed; the cell holds it (empty
/// when not framed) for whoever needs to ask the portal something.
#[hook]
pub fn use_portal_frame(embed: Rc<EmbedConfig>) -> Rc<RefCell<Option<Frame>>> {
    let frame: Rc<RefCell<Option<Frame>>> = use_mut_ref(|| None);
    {
        let frame = frame.clone();
        use_effect_with((), move |_| {
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
    frame
}
