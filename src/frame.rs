//! The browser side of embedding (see `embed.rs` for the formats): reports the content
//! height to the parent whenever it changes, answers the parent's messages, and asks the
//! parent to scroll the frame into view after navigation.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, ResizeObserver, Window};

use crate::embed::{from_parent, EmbedConfig, Envelope, FromParent, ToParent};

/// Whether this page is inside a frame.
pub fn is_framed() -> bool {
    let window = gloo::utils::window();
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        // A cross-origin top that cannot even be read is certainly another page.
        _ => true,
    }
}

/// Reads the embed settings of this page load.
pub fn config() -> EmbedConfig {
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    let referrer = gloo::utils::document().referrer();
    EmbedConfig::parse(&search, is_framed(), &referrer)
}

/// The messages boot.js kept before the app started, as (origin, data), taken once:
/// `window.__gongshuEarly`, an array of two-string arrays (anything else is ignored).
fn early_messages() -> Vec<(String, String)> {
    let window = gloo::utils::window();
    let key = JsValue::from_str("__gongshuEarly");
    let Ok(list) = js_sys::Reflect::get(&window, &key) else { return Vec::new() };
    let _ = js_sys::Reflect::delete_property(&window, &key);
    if !js_sys::Array::is_array(&list) {
        return Vec::new();
    }
    js_sys::Array::from(&list)
        .iter()
        .filter(js_sys::Array::is_array)
        .map(|item| js_sys::Array::from(&item))
        .filter_map(|pair| Some((pair.get(0).as_string()?, pair.get(1).as_string()?)))
        .collect()
}

/// A message's envelope, read by the browser's own `JSON.parse` (see [`Envelope`]).
fn read_envelope(data: &str) -> Option<Envelope> {
    let value = js_sys::JSON::parse(data).ok()?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return None;
    }
    let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok();
    Some(Envelope { kind: field("type")?.as_string()?, version: field("version")?.as_f64()? })
}

struct Shared {
    config: EmbedConfig,
    /// The id an iframe-resizer parent assigned, once it said hello.
    resizer_id: RefCell<Option<String>>,
    /// The last height sent, so unchanged sizes are not re-sent.
    last: Cell<(u32, u32)>,
}

impl Shared {
    /// The parent window; none when the page is not framed (embed mode forced on a
    /// top-level page), where `window.parent` is the page itself.
    fn parent(&self) -> Option<Window> {
        let window = gloo::utils::window();
        window.parent().ok().flatten().filter(|p| !js_sys::Object::is(p, &window))
    }

    fn post(&self, message: ToParent, resizer_event: &str) {
        let Some(parent) = self.parent() else { return };
        let json = JsValue::from_str(&message.to_json(&self.config.id));
        let resizer =
            self.resizer_id.borrow().as_ref().map(|id| JsValue::from_str(&message.to_resizer(id, resizer_event)));
        // Sizes are not secret, but when the portal named its origins, only they hear them.
        let targets: Vec<&str> = if self.config.origins.is_empty() {
            vec!["*"]
        } else {
            self.config.origins.iter().map(String::as_str).collect()
        };
        for target in targets {
            let _ = parent.post_message(&json, target);
            if let Some(r) = &resizer {
                let _ = parent.post_message(r, target);
            }
        }
    }

    /// Answers one message from the parent (see [`from_parent`]).
    fn receive(&self, origin: &str, data: &str) {
        match from_parent(&self.config, origin, data, read_envelope) {
            Some(FromParent::RequestHeight) => self.send_height("request", true),
            Some(FromParent::ResizerInit { id }) => {
                *self.resizer_id.borrow_mut() = Some(id);
                self.send_height("init", true);
            }
            None => {}
        }
    }

    fn send_height(&self, event: &str, force: bool) {
        let document = gloo::utils::document();
        let Some(body) = document.body() else { return };
        let height = body.scroll_height().max(0) as u32;
        let width = document.document_element().map_or(0, |e| e.client_width().max(0) as u32);
        if force || self.last.get() != (height, width) {
            self.last.set((height, width));
            self.post(ToParent::Height { height, width }, event);
        }
    }
}

/// A running connection to the parent page; dropping it stops everything.
pub struct Frame {
    shared: Rc<Shared>,
    observer: Option<ResizeObserver>,
    _on_resize: Option<Closure<dyn FnMut(js_sys::Array, ResizeObserver)>>,
    _on_message: EventListener,
}

impl Frame {
    /// Starts reporting the height and listening to the parent.
    pub fn start(config: EmbedConfig) -> Frame {
        let shared = Rc::new(Shared { config, resizer_id: RefCell::new(None), last: Cell::new((0, 0)) });
        let on_resize = {
            let shared = shared.clone();
            Closure::<dyn FnMut(js_sys::Array, ResizeObserver)>::new(move |_, _| {
                shared.send_height("resizeObserver", false)
            })
        };
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(body)) = (&observer, gloo::utils::document().body()) {
            observer.observe(&body);
        }
        let on_message = {
            let shared = shared.clone();
            EventListener::new(&gloo::utils::window(), "message", move |e| {
                let Some(e) = e.dyn_ref::<MessageEvent>() else { return };
                // Only strings are read; objects and anything else are ignored.
                if let Some(data) = e.data().as_string() {
                    shared.receive(&e.origin(), &data);
                }
            })
        };
        shared.send_height("init", true);
        // What arrived before the app started (boot.js kept it): an iframe-resizer parent
        // says hello as soon as this page has loaded, often before the WASM has.
        for (origin, data) in early_messages() {
            shared.receive(&origin, &data);
        }
        Frame { shared, observer, _on_resize: Some(on_resize), _on_message: on_message }
    }

    /// Asks the parent to bring the frame's top into view.
    pub fn scroll_top(&self) {
        self.shared.post(ToParent::ScrollTop, "scrollToOffset");
    }

    /// Asks the parent to put the point `top` pixels below the frame's top at the top of
    /// its window (the frame itself does not scroll: it is as tall as its content).
    pub fn scroll_to(&self, top: u32) {
        self.shared.post(ToParent::ScrollTo { top }, "scrollToOffset");
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// The connection to the portal, for components deep in the page (a context: the cell
/// is empty when the page is not framed). Equal when it is the same cell.
#[derive(Clone)]
pub struct PortalFrame(pub Rc<RefCell<Option<Frame>>>);

impl PartialEq for PortalFrame {
    fn eq(&self, other: &PortalFrame) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
