//! 分享: the system share sheet where the browser has one (phones: WeChat and the rest),
//! else the article's link copied, saying so, or where that fails, showing the link.
//! Through `js_sys::Reflect`: the Web Share and Clipboard APIs are called only if present.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the outcome of copying is said: a live region beside the button.
const STATUS_ID: &str = "share-status";

/// The share button for `title` at `url`, and its status line. A plain function, not a
/// component: the one thing it keeps, what it last said, it writes into the status line
/// directly. The view renders that line empty, keyed by the article's address, so a new
/// article starts with a new, empty line.
pub fn share_button(title: &AttrValue, url: &AttrValue) -> Html {
    let key = url.clone();
    let (title, url) = (title.clone(), url.clone());
    let onclick = Callback::from(move |_: MouseEvent| {
        let window: JsValue = gloo::utils::window().into();
        let navigator = Reflect::get(&window, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.as_str().into());
        let _ = Reflect::set(&data, &"url".into(), &url.as_str().into());
        // The share sheet is its own confirmation, and a reader who closes it (AbortError)
        // needs none; where it is refused (a portal's frame without `allow="web-share"`),
        // the link is copied instead.
        match call(&navigator, "share", &data) {
            Some(promise) => {
                let url = url.to_string();
                let refused = move |e: JsValue| {
                    let name = Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
                    if name.as_deref() != Some("AbortError") {
                        copy(&url);
                    }
                };
                settle(&promise, None, Closure::once_into_js(refused));
            }
            None => copy(&url),
        }
    });
    html! {
        <>
            <button key="share" type="button" class="button" {onclick}>{ "分享" }</button>
            <span key={key.as_str()} id={STATUS_ID} class="share-status" role="status"></span>
        </>
    }
}

/// Copies `url` to the clipboard and says whether it worked; where it did not, shows the
/// address to copy by hand (in a portal's frame the address bar shows the portal's).
fn copy(url: &str) {
    let window: JsValue = gloo::utils::window().into();
    let navigator = Reflect::get(&window, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let failed = format!("未能自动复制，本文地址：{url}");
    match call(&clipboard, "writeText", &url.into()) {
        Some(promise) => settle(
            &promise,
            Some(Closure::once_into_js(|_: JsValue| say("链接已复制，可以粘贴给朋友"))),
            Closure::once_into_js(move |_: JsValue| say(&failed)),
        ),
        None => say(&failed),
    }
}

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

/// `promise.then(ok, failed)`: each a function made by `Closure::once_into_js` (which
/// frees itself once called; one never called stays, a few bytes a click).
fn settle(promise: &JsValue, ok: Option<JsValue>, failed: JsValue) {
    if let Some(then) = Reflect::get(promise, &"then".into()).ok().and_then(|t| t.dyn_into::<Function>().ok()) {
        let _ = then.call2(promise, &ok.unwrap_or(JsValue::UNDEFINED), &failed);
    }
}
