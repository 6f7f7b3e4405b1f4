//! The last line of defence: when anything panics, log it and put a visible notice with a
//! way out on the page, instead of leaving a page that silently stopped responding. The
//! notice is built with plain DOM calls, outside Yew's tree, because after a panic Yew
//! (and, with `panic = "abort"`, the whole WASM instance) can no longer be trusted.

use wasm_bindgen::JsCast;

/// The notice's element id; there is only ever one.
pub const NOTICE_ID: &str = "panic-notice";

/// Installs the panic hook. Call once, before mounting the app: through Yew, which
/// would otherwise replace any hook with its own when the app is rendered.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("拱墅区阅读器内部错误: {info}").into());
        show_notice();
    }));
}

/// Shows the notice (once, however often it is called). Its link reloads the reader at
/// the article list: a full page load, which a hash-only link would not cause.
pub fn show_notice() {
    let document = gloo::utils::document();
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    let element = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(notice) = element("div", "panic-notice", "") else { return };
    notice.set_id(NOTICE_ID);
    let _ = notice.set_attribute("role", "alert");
    let location = gloo::utils::window().location();
    // Origin first: a path such as `//elsewhere.example/` must not become an off-site link.
    let reload = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let parts = [
        element("p", "panic-title", "页面出现问题"),
        element("p", "panic-text", "阅读器遇到意外错误，暂时无法操作。已显示的文字仍可阅读；重新加载即可恢复。"),
        element("a", "panic-reload", "重新加载"),
    ];
    for part in parts.into_iter().flatten() {
        if part.class_name() == "panic-reload" {
            let _ = part.set_attribute("href", if reload.is_empty() { "/" } else { &reload });
        }
        let _ = notice.append_child(&part);
    }
    let _ = body.insert_before(&notice, body.first_child().as_ref());
    // Whatever boot.js hid while the app was starting must be readable now.
    if let Some(root) = document.document_element() {
        let _ = root.remove_attribute("data-pending");
    }
    if let Some(link) =
        notice.query_selector(".panic-reload").ok().flatten().and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}
