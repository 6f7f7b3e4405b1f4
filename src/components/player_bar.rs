//! The read-aloud player: a bar fixed to the bottom of the screen while listening (at the
//! top of the article in a portal's frame), with where reading is, 上一句 / 暂停 / 下一句 /
//! 停止, the way back to the chunk being read, and 语速 and 连续播放 in a disclosure.
//! Idle, it offers to go on from where the listener stopped last time; at the end of an
//! article with 连续播放, it counts down to the next one.

use yew::prelude::*;

use crate::hooks::use_listening::{Choice, Listening};
use crate::listen::player::{Input, Phase, Trouble};
use crate::settings::Rate;
use crate::speech::engine::Availability;

/// What the bar needs besides read-aloud's own state.
pub struct Around<'a> {
    /// The next article's label ("区残联 · 谢建青"), for 连续播放.
    pub next: Option<&'a str>,
    /// Whether the listener scrolled away from the chunk being read.
    pub detached: bool,
    /// Brings the chunk being read back into view.
    pub onreturn: &'a Callback<()>,
}

/// What the status line says.
fn status(phase: Phase, trouble: Option<Trouble>, place: &str) -> String {
    match (trouble, phase) {
        (Some(Trouble::Interrupted), _) => format!("朗读被打断，已暂停（{place}）。"),
        (Some(Trouble::NoResponse), _) => format!("朗读没有回应，已暂停（{place}）。请点“继续”再试。"),
        (Some(Trouble::Failed), _) => format!("朗读出错，已暂停（{place}）。请点“继续”再试。"),
        (Some(Trouble::NotAllowed), _) => format!("浏览器要求先点一下：请点“继续”（{place}）。"),
        (None, Phase::Paused) => format!("已暂停 · {place}"),
        (None, _) => format!("正在朗读 · {place}"),
    }
}

/// What the page's polite status says of reading (`article_view` keeps the region, so it
/// exists before its first message): the phase, where reading is or why it stopped, and
/// the next article once, not each second of the countdown.
pub fn announcement(listening: &Listening, next: Option<&str>) -> String {
    let shown = &listening.shown;
    match shown.now.phase {
        Phase::Idle => String::new(),
        Phase::Countdown(_) => format!("即将朗读下一篇：{}", next.unwrap_or("")),
        phase => status(phase, shown.now.trouble, &listening.script.where_is(shown.now.chunk)),
    }
}

/// Moves focus to the article's own read-aloud button: the bar is going away.
fn focus_read_aloud() {
    use wasm_bindgen::JsCast;
    let button = gloo::utils::document().query_selector(".article-tools .read-aloud").ok().flatten();
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

/// One of the player's buttons (one function, not the markup repeated for each).
#[inline(never)]
fn button(label: &'static str, main: bool, keys: Option<&'static str>, onclick: Callback<MouseEvent>) -> Html {
    let class = if main { "button player-main" } else { "button" };
    html! { <button type="button" {class} aria-keyshortcuts={keys} {onclick}>{ label }</button> }
}

/// The player (a plain render function), or nothing while idle with nothing to offer.
pub fn player_bar(listening: &Listening, around: Around) -> Html {
    let (shown, script) = (&listening.shown, &listening.script);
    let send = |input: Input| listening.send.reform(move |_: MouseEvent| input);
    let stop = listening.send.reform(|_: MouseEvent| {
        focus_read_aloud();
        Input::Stop
    });
    // An offer only where the device can read (a place kept from a visit with a voice).
    let offer = shown.offer.filter(|_| matches!(shown.availability, Availability::Ready(_)));
    let body = match (shown.now.phase, offer) {
        (Phase::Idle, Some(chunk)) => {
            let ondismiss = listening.choose.reform(|_: MouseEvent| {
                focus_read_aloud();
                Choice::Dismiss
            });
            html! {
                <>
                    <p class="player-status">{ format!("上次听到{}", script.where_is(chunk)) }</p>
                    <div class="player-controls">
                        { button("从上次位置继续", true, None, send(Input::Play(chunk))) }
                        { button("从头朗读", false, None, send(Input::Play(0))) }
                        { button("关闭", false, None, ondismiss) }
                    </div>
                </>
            }
        }
        (Phase::Idle, None) => return Html::default(),
        (Phase::Countdown(left), _) => html! {
            <>
                <p class="player-status">
                    { format!("{left} 秒后朗读下一篇：{}", around.next.unwrap_or("")) }
                </p>
                <div class="player-controls">
                    { button("立即朗读", true, None, send(Input::NextArticle)) }
                    { button("取消", false, None, stop) }
                </div>
            </>
        },
        (phase, _) => {
            let (toggle_label, toggle) = match phase {
                Phase::Playing => ("暂停", Input::Pause),
                _ => ("继续", Input::Resume),
            };
            let place = script.where_is(shown.now.chunk);
            html! {
                <>
                    <div class="player-line">
                        <p class="player-status">{ status(phase, shown.now.trouble, &place) }</p>
                        if around.detached {
                            <button type="button" class="button player-return" onclick={around.onreturn.reform(|_: MouseEvent| ())}>
                                { "回到朗读位置" }
                            </button>
                        }
                    </div>
                    <div class="player-controls">
                        { button("上一句", false, Some("Alt+Z"), send(Input::Prev)) }
                        { button(toggle_label, true, Some("Alt+X"), send(toggle)) }
                        { button("下一句", false, Some("Alt+C"), send(Input::Next)) }
                        { button("停止", false, Some("Escape"), stop) }
                    </div>
                    { more(listening) }
                </>
            }
        }
    };
    html! { <section class="player" aria-label="朗读">{ body }</section> }
}

/// 语速 and 连续播放, in a disclosure like the text size's.
fn more(listening: &Listening) -> Html {
    let shown = &listening.shown;
    let rates: Html = Rate::ALL
        .into_iter()
        .map(|rate| {
            let onclick = listening.choose.reform(move |_: MouseEvent| Choice::Rate(rate));
            let pressed = (rate == shown.rate).to_string();
            html! { <button type="button" class="seg" aria-pressed={pressed} {onclick}>{ rate.label() }</button> }
        })
        .collect();
    let follow_on = shown.follow_on;
    let onfollow = listening.choose.reform(move |_: MouseEvent| Choice::FollowOn(!follow_on));
    html! {
        <details class="player-more">
            <summary>{ "语速" }<span class="summary-more">{ "与连续播放" }</span>{ format!("：{}", shown.rate.label()) }</summary>
            <div class="player-more-panel">
                <div class="seg-group" role="group" aria-labelledby="rate-label">
                    <span id="rate-label" class="seg-label">{ "语速" }</span>
                    { rates }
                </div>
                <button type="button" class="seg follow-on" aria-pressed={follow_on.to_string()} onclick={onfollow}>
                    { "连续播放：读完自动读下一篇" }
                </button>
            </div>
        </details>
    }
}
