//! Read-aloud through the browser's speech synthesis, with stop. Invisible (its place
//! kept) until the browser says it has speech synthesis, and where it has none. One utterance a paragraph: browsers cut very long utterances short.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};
use yew::prelude::*;

/// Speaking rate: a little slower than the default, for older listeners.
const RATE: f32 = 0.9;

/// Props of [`ReadAloud`].
#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// What to read, a paragraph an item.
    pub paragraphs: Rc<Vec<String>>,
}

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = gloo::utils::window();
    let has = js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis")).unwrap_or(false);
    if has {
        window.speech_synthesis().ok()
    } else {
        None
    }
}

/// The 朗读 / 停止朗读 button.
#[function_component(ReadAloud)]
pub fn read_aloud(props: &ReadAloudProps) -> Html {
    let speaking = use_state(|| false);
    // Asked after mounting, so the first render matches the pre-rendered page, which
    // cannot know the reader's browser.
    let supported = use_state(|| false);
    {
        let supported = supported.clone();
        use_effect_with((), move |_| supported.set(synthesis().is_some()));
    }
    let listener: Rc<RefCell<Option<EventListener>>> = use_mut_ref(|| None);
    {
        // Leaving the article stops reading it.
        use_effect_with(props.paragraphs.clone(), |_| {
            move || {
                if let Some(s) = synthesis() {
                    s.cancel();
                }
            }
        });
    }
    if !*supported {
        // Its place is kept, invisible, so that the button appearing once the browser says
        // it can speak moves nothing (the pre-rendered page has the same placeholder).
        return html! {
            <button type="button" class="button read-aloud waiting" disabled=true aria-hidden="true" tabindex="-1">
                { "朗读全文" }
            </button>
        };
    }
    let onclick = {
        let speaking = speaking.clone();
        let paragraphs = props.paragraphs.clone();
        let listener = listener.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(synth) = synthesis() else { return };
            synth.cancel();
            if *speaking {
                speaking.set(false);
                *listener.borrow_mut() = None;
                return;
            }
            let mut last = None;
            for text in paragraphs.iter() {
                let Ok(u) = SpeechSynthesisUtterance::new_with_text(text) else { continue };
                u.set_lang("zh-CN");
                u.set_rate(RATE);
                synth.speak(&u);
                last = Some(u);
            }
            if let Some(last) = last {
                let done = speaking.clone();
                *listener.borrow_mut() = Some(EventListener::once(&last, "end", move |_| done.set(false)));
                speaking.set(true);
            }
        })
    };
    let label = if *speaking { "停止朗读" } else { "朗读全文" };
    html! {
        <button type="button" class="button read-aloud" {onclick}>{ label }</button>
    }
}
