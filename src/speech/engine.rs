//! The browser's speech synthesis as the player needs it: whether there is one, which
//! voice reads Chinese (waiting for voices that arrive late), and one utterance spoken
//! with its events reported, tagged with its generation.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::listen::player::Fault;
use crate::listen::voice::{choose, VoiceInfo};

/// How often the voices are looked at while none has come (some engines never fire
/// `voiceschanged`).
const POLL_MS: u32 = 250;
/// How long voices may take to arrive before the device is taken to have none.
const WAIT_MS: u32 = 3000;

/// The browser's speech synthesis, if it has one (Android WebView and many in-app
/// browsers have none).
pub fn synthesis() -> Option<SpeechSynthesis> {
    let window = gloo::utils::window();
    let has = js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis")).unwrap_or(false);
    if has {
        window.speech_synthesis().ok()
    } else {
        None
    }
}

/// Whether this device can read the article aloud.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Availability {
    /// Not known yet: voices may still arrive.
    #[default]
    Waiting,
    /// This voice reads Chinese.
    Ready(SpeechSynthesisVoice),
    /// Speech synthesis, but no Chinese voice (or no voice at all).
    NoChinese,
    /// No speech synthesis at all.
    Missing,
}

/// The Chinese voice among the engine's, if any; `None` while it lists no voice at all.
fn look(synth: &SpeechSynthesis) -> Option<Availability> {
    let voices: Vec<SpeechSynthesisVoice> =
        synth.get_voices().iter().filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok()).collect();
    if voices.is_empty() {
        return None;
    }
    let infos: Vec<VoiceInfo> = voices.iter().map(|v| VoiceInfo { lang: v.lang(), local: v.local_service() }).collect();
    Some(match choose(&infos) {
        Some(i) => Availability::Ready(voices[i].clone()),
        None => Availability::NoChinese,
    })
}

/// Watches the engine's voices; dropping it stops watching.
pub struct VoiceWatch {
    _changed: Option<EventListener>,
    _poll: Rc<RefCell<Option<Interval>>>,
}

/// Reports what the device can do now and whenever its voices change: at once where it
/// has no speech synthesis or already lists voices, else when they arrive, or as
/// [`Availability::NoChinese`] when none has come within [`WAIT_MS`] (voices arriving
/// later, with a `voiceschanged` event, still count).
pub fn watch_voices(report: impl Fn(Availability) + 'static) -> VoiceWatch {
    let Some(synth) = synthesis() else {
        report(Availability::Missing);
        return VoiceWatch { _changed: None, _poll: Rc::default() };
    };
    let report = Rc::new(report);
    if let Some(now) = look(&synth) {
        report(now);
    }
    let changed = {
        let (synth, report) = (synth.clone(), report.clone());
        EventListener::new(&synth.clone(), "voiceschanged", move |_| {
            if let Some(found) = look(&synth) {
                report(found);
            }
        })
    };
    // Until voices come (or the wait is over): then the poll drops itself.
    let poll: Rc<RefCell<Option<Interval>>> = Rc::default();
    if look(&synth).is_none() {
        let (slot, mut waited) = (poll.clone(), 0);
        *poll.borrow_mut() = Some(Interval::new(POLL_MS, move || {
            waited += POLL_MS;
            let found = match look(&synth) {
                Some(found) => found,
                None if waited >= WAIT_MS => Availability::NoChinese,
                None => return,
            };
            report(found);
            slot.borrow_mut().take();
        }));
    }
    VoiceWatch { _changed: Some(changed), _poll: poll }
}

/// What an utterance reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Heard {
    /// It started.
    Started,
    /// It ended.
    Ended,
    /// It failed.
    Failed(Fault),
}

/// An utterance being spoken, and its listeners. Kept alive while it speaks: Chrome
/// forgets the events of an utterance that was garbage-collected.
pub struct Speaking {
    _utterance: SpeechSynthesisUtterance,
    _listeners: [EventListener; 3],
}

/// The kind of an `error` event (its `error` field, read without web-sys's enum).
fn fault(event: &web_sys::Event) -> Fault {
    let code = js_sys::Reflect::get(event, &JsValue::from_str("error")).ok().and_then(|v| v.as_string());
    match code.as_deref() {
        Some("canceled" | "interrupted") => Fault::Cancelled,
        Some("not-allowed") => Fault::NotAllowed,
        _ => Fault::Other,
    }
}

/// Speaks `text` with `voice` at `rate`, reporting its events to `heard`.
pub fn speak(
    synth: &SpeechSynthesis,
    text: &str,
    voice: Option<&SpeechSynthesisVoice>,
    rate: f32,
    heard: impl Fn(Heard) + 'static,
) -> Option<Speaking> {
    let utterance = SpeechSynthesisUtterance::new_with_text(text).ok()?;
    // Both: a voice alone leaves some engines reading in the page's language.
    utterance.set_voice(voice);
    utterance.set_lang(&voice.map_or_else(|| "zh-CN".to_owned(), |v| v.lang().replace('_', "-")));
    utterance.set_rate(rate);
    let heard = Rc::new(heard);
    let on = |name: &'static str, what: fn(&web_sys::Event) -> Heard| {
        let heard = heard.clone();
        EventListener::new(&utterance, name, move |e| heard(what(e)))
    };
    let listeners =
        [on("start", |_| Heard::Started), on("end", |_| Heard::Ended), on("error", |e| Heard::Failed(fault(e)))];
    synth.speak(&utterance);
    Some(Speaking { _utterance: utterance, _listeners: listeners })
}
