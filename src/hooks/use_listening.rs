//! Read-aloud for the article being read: which voice (or why none), the player of its
//! chunks (`speech::driver`), the listener's speed and 连续播放 (remembered), the place
//! to go on from when the article is opened again, the keys (`Alt+X` play or pause,
//! `Alt+Z` / `Alt+C` the previous / next sentence, `Esc` stop), and stopping when the
//! page is left.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::content::Article;
use crate::listen::player::{Input, Phase};
use crate::listen::script::Script;
use crate::settings::{Rate, FOLLOW_ON_KEY, RATE_KEY};
use crate::speech::driver::{Driver, Snapshot};
use crate::speech::engine::{watch_voices, Availability};
use crate::speech::places;
use crate::storage::{remove, store, stored};

thread_local! {
    /// The link 连续播放 opened: that article starts reading by itself.
    static AUTOPLAY: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The article id a link (`#/a/3-10?dept=…`) opens, if it opens one.
fn linked_id(href: &str) -> Option<&str> {
    let rest = &href[href.find("/a/")? + 3..];
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

/// Whether 连续播放 opened `id` and it should read now (when it can: `ready`). A link to
/// another article is forgotten: the listener went elsewhere.
fn autoplay(id: &str, ready: bool) -> bool {
    AUTOPLAY.with(|a| {
        let mut a = a.borrow_mut();
        let meant = a.as_deref().map(|h| linked_id(h) == Some(id));
        match meant {
            Some(true) if ready => {
                *a = None;
                true
            }
            Some(false) => {
                *a = None;
                false
            }
            _ => false,
        }
    })
}

/// What the listener chose in the player, besides what the player itself takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Choice {
    /// A speaking rate (remembered).
    Rate(Rate),
    /// 连续播放 on or off (remembered).
    FollowOn(bool),
    /// No, thanks, to the offer to go on.
    Dismiss,
    /// Show or hide why this device cannot read aloud.
    Why(bool),
}

/// Everything the view shows of read-aloud, in one state (one hook, not six).
#[derive(Clone, PartialEq, Default)]
pub struct Shown {
    /// Whether, and with which voice, the device can read.
    pub availability: Availability,
    /// What the player is doing.
    pub now: Snapshot,
    /// The chunk to go on from, when the article was left part-way (shown while idle).
    pub offer: Option<usize>,
    /// The speaking rate.
    pub rate: Rate,
    /// Whether the next article follows at the end.
    pub follow_on: bool,
    /// Whether why the device cannot read is shown.
    pub why: bool,
}

/// What changes what is shown.
pub enum Change {
    /// The device's voices said.
    Availability(Availability),
    /// The player moved.
    Now(Snapshot),
    /// The offer to go on.
    Offer(Option<usize>),
    /// The stored rate and 连续播放.
    Stored(Rate, bool),
    /// The listener chose.
    Chose(Choice),
}

impl Reducible for Shown {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Availability(a) => next.availability = a,
            Change::Now(now) => next.now = now,
            Change::Offer(offer) => next.offer = offer,
            Change::Stored(rate, follow_on) => (next.rate, next.follow_on) = (rate, follow_on),
            Change::Chose(Choice::Rate(rate)) => next.rate = rate,
            Change::Chose(Choice::FollowOn(on)) => next.follow_on = on,
            Change::Chose(Choice::Dismiss) => next.offer = None,
            Change::Chose(Choice::Why(why)) => next.why = why,
        }
        Rc::new(next)
    }
}

/// Read-aloud as the article view shows it.
#[derive(Clone, PartialEq)]
pub struct Listening {
    /// What to show.
    pub shown: Shown,
    /// What is read, in chunks.
    pub script: Rc<Script>,
    /// Tells the player what the listener did.
    pub send: Callback<Input>,
    /// Takes the listener's other choices.
    pub choose: Callback<Choice>,
}

impl Listening {
    /// Whether reading is under way (playing or paused).
    pub fn active(&self) -> bool {
        matches!(self.shown.now.phase, Phase::Playing | Phase::Paused)
    }
}

/// Read-aloud for `article`; `next` is the next article's link, which 连续播放 opens.
#[hook]
pub fn use_listening(article: Rc<Article>, next: Option<AttrValue>) -> Listening {
    let id = article.id.to_string();
    let shown = use_reducer_eq(Shown::default);
    let next_href = use_mut_ref(|| None::<AttrValue>);
    *next_href.borrow_mut() = next.clone();

    let script = use_memo(id.clone(), move |_| Rc::new(Script::of(&article)));
    let driver = {
        let (script, report, start_rate) = ((*script).clone(), shown.dispatcher(), shown.rate.value());
        use_memo(id.clone(), move |id| {
            Driver::new(
                id,
                script,
                start_rate,
                move |s| report.dispatch(Change::Now(s)),
                move || open_next(next_href.borrow().as_ref()),
            )
        })
    };

    // Stored choices and the device's voices, once the page is in the browser.
    {
        let dispatch = shown.dispatcher();
        use_effect_with((), move |_| {
            let rate = stored(RATE_KEY).map(|k| Rate::from_key(&k)).unwrap_or_default();
            dispatch.dispatch(Change::Stored(rate, stored(FOLLOW_ON_KEY).is_some()));
            let watch = watch_voices(move |a| dispatch.dispatch(Change::Availability(a)));
            move || drop(watch)
        });
    }
    let ready = match &shown.availability {
        Availability::Ready(voice) => {
            driver.set_voice(voice.clone());
            true
        }
        _ => false,
    };
    // A new article: the place to go on from, and reading by itself after 连续播放.
    {
        let (driver, script, dispatch) = (driver.clone(), script.clone(), shown.dispatcher());
        use_effect_with((id.clone(), ready), move |(id, ready)| {
            dispatch.dispatch(Change::Now(driver.snapshot()));
            let place = places::find(id).map(|(block, offset)| script.chunk_at(block, offset)).filter(|&c| c > 0);
            if autoplay(id, *ready) {
                driver.send(Input::Play(0));
                dispatch.dispatch(Change::Offer(None));
            } else {
                dispatch.dispatch(Change::Offer(place));
            }
        });
    }
    // The rate and 连续播放 reach the player; leaving the page stops it (the place is kept).
    {
        let driver = driver.clone();
        let follow_on = shown.follow_on && next.is_some();
        use_effect_with((shown.rate, follow_on, driver.clone()), move |(rate, follow_on, _)| {
            driver.send(Input::SetRate(rate.value()));
            driver.send(Input::SetFollowOn(*follow_on));
            let listener = EventListener::new(&gloo::utils::window(), "pagehide", move |_| driver.send(Input::Stop));
            move || drop(listener)
        });
    }
    // One callback per driver, so the keys' listener is not replaced on every render.
    // Nothing starts without a Chinese voice (an offer kept from an earlier visit, say).
    let can_speak = use_mut_ref(|| false);
    *can_speak.borrow_mut() = ready;
    let send = {
        let dispatch = shown.dispatcher();
        use_memo(driver.clone(), move |driver| {
            let driver = driver.clone();
            Callback::from(move |input: Input| {
                if matches!(input, Input::Play(_) | Input::Toggle(_)) {
                    if !*can_speak.borrow() {
                        return;
                    }
                    dispatch.dispatch(Change::Offer(None));
                }
                driver.send(input);
            })
        })
    };
    let send = (*send).clone();
    use_listening_keys(driver.clone(), send.clone(), ready, shown.offer);
    let choose = {
        let dispatch = shown.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |choice: Choice| {
                match choice {
                    Choice::Rate(rate) => store(RATE_KEY, rate.key()),
                    Choice::FollowOn(true) => store(FOLLOW_ON_KEY, "on"),
                    Choice::FollowOn(false) => remove(FOLLOW_ON_KEY),
                    _ => {}
                }
                dispatch.dispatch(Change::Chose(choice));
            })
        })
    };
    Listening { shown: (*shown).clone(), script: (*script).clone(), send, choose: (*choose).clone() }
}

/// Opens the next article (a hash link: the page, and the right to speak, stay).
fn open_next(href: Option<&AttrValue>) {
    let Some(href) = href else { return };
    AUTOPLAY.with(|a| *a.borrow_mut() = Some(href.to_string()));
    let location = gloo::utils::window().location();
    let _ = match href.strip_prefix('#') {
        Some(hash) => location.set_hash(hash),
        None => location.assign(href),
    };
}

/// The player's keys, on the whole page while the article is open.
#[hook]
fn use_listening_keys(driver: Rc<Driver>, send: Callback<Input>, ready: bool, offer: Option<usize>) {
    use_effect_with((driver, send, ready, offer), move |(driver, send, ready, offer)| {
        let (driver, send, ready, offer) = (driver.clone(), send.clone(), *ready, *offer);
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            let active = driver.snapshot().phase != Phase::Idle;
            let input = match (e.alt_key(), e.code().as_str(), e.key().as_str()) {
                (true, "KeyX", _) if ready => Input::Toggle(offer.unwrap_or(0)),
                (true, "KeyZ", _) if active => Input::Prev,
                (true, "KeyC", _) if active => Input::Next,
                (false, _, "Escape") if active => Input::Stop,
                _ => return,
            };
            e.prevent_default();
            send.emit(input);
        });
        move || drop(listener)
    });
}
