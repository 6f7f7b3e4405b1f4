//! The labelled search box. It reports the query as typed, but not while an IME
//! composition is in progress (Chinese is typed through an IME: the letters in between
//! are not what the reader means). `Esc` clears it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The id of the input, for the `/` shortcut and the label.
pub const SEARCH_INPUT_ID: &str = "search";

/// Props of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query in the URL.
    pub query: AttrValue,
    /// Called with the new query.
    pub onsearch: Callback<String>,
    /// Called when the box gets focus (the app brings it to the top of a phone's screen).
    #[prop_or_default]
    pub onfocus: Callback<FocusEvent>,
}

fn input_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value())
}

/// The search box.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    // Survives re-renders without causing them.
    let composing: Rc<RefCell<bool>> = use_mut_ref(|| false);
    let oninput = {
        let (composing, onsearch) = (composing.clone(), props.onsearch.clone());
        Callback::from(move |e: InputEvent| {
            if !*composing.borrow() && !e.is_composing() {
                if let Some(v) = input_value(&e) {
                    onsearch.emit(v);
                }
            }
        })
    };
    let input_ref = use_node_ref();
    {
        // Yew has no composition listeners, so attach them to the element directly.
        let (composing, onsearch, input_ref) = (composing.clone(), props.onsearch.clone(), input_ref.clone());
        use_effect_with(props.onsearch.clone(), move |_| {
            let listeners = input_ref.cast::<HtmlInputElement>().map(|input| {
                let start = {
                    let composing = composing.clone();
                    EventListener::new(&input, "compositionstart", move |_| *composing.borrow_mut() = true)
                };
                let end = EventListener::new(&input, "compositionend", move |e| {
                    *composing.borrow_mut() = false;
                    if let Some(v) = input_value(e) {
                        onsearch.emit(v);
                    }
                });
                (start, end)
            });
            move || drop(listeners)
        });
    }
    let onkeydown = {
        let onsearch = props.onsearch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    input.set_value("");
                }
                onsearch.emit(String::new());
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for={SEARCH_INPUT_ID} class="search-label">{ "搜索" }</label>
            <input
                ref={input_ref}
                id={SEARCH_INPUT_ID}
                class="search-input"
                type="search"
                value={props.query.clone()}
                maxlength={crate::route::MAX_QUERY_CHARS.to_string()}
                placeholder="词语、姓名或拼音"
                autocomplete="off"
                enterkeyhint="search"
                aria-describedby="search-hint"
                {oninput}
                {onkeydown}
                onfocus={props.onfocus.clone()}
            />
            <p id="search-hint" class="search-hint">{ "也可用拼音或首字母，如 canlian、cl。按 / 键直接搜索，Esc 清除。" }</p>
        </form>
    }
}
