//! 分享: the system share sheet where the browser has one (phones: WeChat and the rest),
//! else the article's link copied, with a visible confirmation whether or not it worked.
//! Through `js_sys::Reflect`: the Web Share and Clipboard APIs are called only if present.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the outcome of copying is said: a live region beside the button.
const STATUS_ID: &str = "share-status";

/// The share button for `title` at `url`, and its status line. A plain function, not a
/// component: the one thing it keeps, what it last said, it writes into the status line
/// directly (the view renders that line empty and never changes it, so it stays).
pub fn share_button(title: &AttrValue, url: &AttrValue) -> Html {
    let (title, url) = (title.clone(), url.clone());
    let onclick = Callback::from(move |_: MouseEvent| {
        let window: JsValue = gloo::utils::window().into();
        let navigator = Reflect::get(&window, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.as_str().into());
        let _ = Reflect::set(&data, &"url".into(), &url.as_str().into());
        // The share sheet is its own confirmation; a reader who closes it needs none.
        if let Some(promise) = call(&navigator, "share", &data) {
            settle(&promise, Closure::once_into_js(|_: JsValue| {}), Closure::once_into_js(|_: JsValue| {}));
            return;
        }
        let clipboard = Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
        match call(&clipboard, "writeText", &url.as_str().into()) {
            Some(promise) => settle(
                &promise,
                Closure::once_into_js(|_: JsValue| say("链接已复制，可以粘贴给朋友")),
                Closure::once_into_js(|_: JsValue| say(COPY_FAILED)),
            ),
            None => say(COPY_FAILED),
        }
    });
    html! {
        <>
            <button type="button" class="button" {onclick}>{ "分享" }</button>
            <span id={STATUS_ID} class="share-status" role="status"></span>
        </>
    }
}

/// What the status line says when the link could not be copied.
const COPY_FAILED: &str = "未能复制，请复制地址栏中的链接";

fn say(text: &str) {
    if let Some(status) = gloo::utils::document().get_element_by_id(STATUS_ID) {
        status.set_text_content(Some(text));
    }
}

/// `target[name](arg)`, when it is a function; what it returns (a promise, for these).
fn call(target: &JsValue, name: &str, arg: &JsValue) -> Option<JsValue> {
    let f = Reflect::get(target, &name.into()).ok()?.dyn_into::<Function>().ok()?;
    f.call1(target, arg).ok()
}

/// `promise.then(ok, failed)`: each a function made by `Closure::once_into_js`.
fn settle(promise: &JsValue, ok: JsValue, failed: JsValue) {
    if let Some(then) = Reflect::get(promise, &"then".into()).ok().and_then(|t| t.dyn_into::<Function>().ok()) {
        let _ = then.call2(promise, &ok, &failed);
    }
}
