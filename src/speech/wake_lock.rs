//! Keeps the screen on while reading aloud (the Screen Wake Lock API, where the browser
//! has it; read through `Reflect`, since web-sys has it only among its unstable APIs).
//! The browser drops the lock when the page is hidden; asking again on the next chunk
//! takes it back.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `target[name](arg)`, if it is a function.
fn call(target: &JsValue, name: &str, arg: Option<&str>) -> Option<JsValue> {
    let f = get(target, name)?.dyn_into::<js_sys::Function>().ok()?;
    match arg {
        Some(a) => f.call1(target, &JsValue::from_str(a)).ok(),
        None => f.call0(target).ok(),
    }
}

/// The screen's wake lock, held or not.
#[derive(Default)]
pub struct WakeLock {
    /// The `WakeLockSentinel`, once granted.
    sentinel: Rc<RefCell<Option<JsValue>>>,
    /// Whether the lock is wanted (a grant arriving after a release is let go).
    wanted: Rc<Cell<bool>>,
    asking: Rc<Cell<bool>>,
    /// Refused while the page showed (a policy, a frame without `allow="screen-wake-lock"`):
    /// not asked again. A refusal while hidden is only the moment.
    refused: Rc<Cell<bool>>,
}

/// Whether the page's permissions policy lets it ask (`document.featurePolicy`, where the
/// browser has it: asking where it may not logs a violation each time).
fn allowed() -> bool {
    let document: JsValue = gloo::utils::document().into();
    match get(&document, "featurePolicy") {
        Some(policy) => {
            call(&policy, "allowsFeature", Some("screen-wake-lock")).and_then(|a| a.as_bool()).unwrap_or(true)
        }
        None => true,
    }
}

impl WakeLock {
    /// Asks for the lock unless it is held.
    pub fn hold(&self) {
        self.wanted.set(true);
        let held = self
            .sentinel
            .borrow()
            .as_ref()
            .is_some_and(|s| get(s, "released").and_then(|r| r.as_bool()) == Some(false));
        if held || self.asking.get() || self.refused.get() || !allowed() {
            return;
        }
        let navigator = get(&gloo::utils::window(), "navigator").unwrap_or(JsValue::UNDEFINED);
        let Some(promise) = get(&navigator, "wakeLock").and_then(|w| call(&w, "request", Some("screen"))) else {
            return;
        };
        let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return };
        self.asking.set(true);
        let (sentinel, wanted, asking) = (self.sentinel.clone(), self.wanted.clone(), self.asking.clone());
        let refused = self.refused.clone();
        yew::platform::spawn_local(async move {
            // Refused (the page is hidden, a policy): reading goes on with the screen's own timeout.
            let granted = wasm_bindgen_futures::JsFuture::from(promise).await;
            asking.set(false);
            match granted {
                Ok(s) if wanted.get() => *sentinel.borrow_mut() = Some(s),
                Ok(s) => drop(call(&s, "release", None)),
                // Refused while the page shows: a policy, not the moment. Ask no more.
                Err(_) => refused.set(!gloo::utils::document().hidden()),
            }
        });
    }

    /// Lets the screen turn off again.
    pub fn release(&self) {
        self.wanted.set(false);
        if let Some(s) = self.sentinel.borrow_mut().take() {
            call(&s, "release", None);
        }
    }
}
