//! The read-aloud button among the article's tools (a plain render function): 朗读全文 /
//! 停止朗读 where the device can read Chinese; where it cannot, 朗读不可用, which opens why
//! and what helps. Its place is kept, invisible, until the browser has said (the
//! pre-rendered page has the same placeholder, so nothing moves).

use yew::prelude::*;

use crate::hooks::use_listening::{Choice, Listening};
use crate::listen::player::Input;
use crate::speech::engine::Availability;

/// The id of the explanation, for `aria-controls`.
const WHY_ID: &str = "read-aloud-why";

/// Why this device cannot read aloud, and what helps.
fn why(availability: &Availability) -> &'static str {
    match availability {
        Availability::Missing => {
            "这个浏览器不能朗读。在微信等应用里，请点右上角“…”，选“在浏览器打开”；也可以用手机自带的浏览器打开本页。"
        }
        _ => "这台设备没有中文朗读语音，所以不能朗读。可以在手机“设置”的“文字转语音”（或“语音”）里下载中文语音包；也可以用手机自带的浏览器打开本页。",
    }
}

/// The button, or why there is none.
pub fn read_aloud(listening: &Listening) -> Html {
    let shown = &listening.shown;
    match &shown.availability {
        Availability::Waiting => html! {
            <button type="button" class="button read-aloud waiting" disabled=true aria-hidden="true" tabindex="-1">
                { "朗读全文" }
            </button>
        },
        Availability::Ready(_) => {
            let (label, input, keys) = match listening.active() {
                true => ("停止朗读", Input::Stop, None),
                false => ("朗读全文", Input::Play(0), Some("Alt+X")),
            };
            let onclick = listening.send.reform(move |_: MouseEvent| input);
            html! { <button type="button" class="button read-aloud" aria-keyshortcuts={keys} {onclick}>{ label }</button> }
        }
        unavailable => {
            let open = shown.why;
            let onclick = listening.choose.reform(move |_: MouseEvent| Choice::Why(!open));
            html! {
                <>
                    <button type="button" class="button read-aloud unavailable" aria-expanded={open.to_string()} aria-controls={WHY_ID} {onclick}>
                        { "朗读不可用" }
                    </button>
                    <p id={WHY_ID} class="read-aloud-why" hidden={!open}>{ why(unavailable) }</p>
                </>
            }
        }
    }
}
