//! Runs the pure player (`listen::player`) against the browser: feeds it the engine's
//! events and the timer, carries out its commands on `speechSynthesis`, remembers the
//! place, holds the screen awake while speaking, and reports each change to the view.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use web_sys::SpeechSynthesisVoice;

use super::engine::{speak, synthesis, Heard, Speaking};
use super::places;
use super::wake_lock::WakeLock;
use crate::listen::player::{Command, Input, Phase, Player, Trouble};
use crate::listen::script::Script;

/// What the view shows of the player.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Snapshot {
    /// What it is doing.
    pub phase: Phase,
    /// The chunk being read or paused at.
    pub chunk: usize,
    /// Why it paused on its own.
    pub trouble: Option<Trouble>,
}

struct Inner {
    article: String,
    script: Rc<Script>,
    player: RefCell<Player>,
    voice: RefCell<Option<SpeechSynthesisVoice>>,
    /// The utterance speaking now, and the one before (whose listener may be running).
    speaking: RefCell<(Option<Speaking>, Option<Speaking>)>,
    /// The watchdog or countdown.
    timer: RefCell<Option<Timeout>>,
    /// A `speak()` waiting out the gap after a cancel.
    delayed: RefCell<Option<Timeout>>,
    /// Inputs that arrived while commands were being carried out (engines fire some
    /// events synchronously inside `cancel()`).
    queue: RefCell<VecDeque<Input>>,
    busy: Cell<bool>,
    wake: WakeLock,
    report: Box<dyn Fn(Snapshot)>,
    open_next: Box<dyn Fn()>,
}

/// The player of one article, running in the browser. Dropping it stops the speech.
pub struct Driver {
    inner: Rc<Inner>,
}

impl PartialEq for Driver {
    fn eq(&self, other: &Driver) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

impl Driver {
    /// A driver for `article`'s `script`, at `rate`; `report` hears every change and
    /// `open_next` is called when the next article is to be read.
    pub fn new(
        article: &str,
        script: Rc<Script>,
        rate: f32,
        report: impl Fn(Snapshot) + 'static,
        open_next: impl Fn() + 'static,
    ) -> Driver {
        let lengths = (0..script.len()).map(|i| script.text(i).chars().count()).collect();
        Driver {
            inner: Rc::new(Inner {
                article: article.to_owned(),
                script,
                player: RefCell::new(Player::new(lengths, rate)),
                voice: RefCell::new(None),
                speaking: RefCell::new((None, None)),
                timer: RefCell::new(None),
                delayed: RefCell::new(None),
                queue: RefCell::new(VecDeque::new()),
                busy: Cell::new(false),
                wake: WakeLock::default(),
                report: Box::new(report),
                open_next: Box::new(open_next),
            }),
        }
    }

    /// The voice to read with.
    pub fn set_voice(&self, voice: SpeechSynthesisVoice) {
        *self.inner.voice.borrow_mut() = Some(voice);
    }

    /// Tells the player what happened.
    pub fn send(&self, input: Input) {
        send(&self.inner, input);
    }

    /// What the player is doing now.
    pub fn snapshot(&self) -> Snapshot {
        snapshot(&self.inner.player.borrow())
    }
}

impl Drop for Driver {
    /// Leaving the article stops reading it, keeping the place; the view is gone, so
    /// nothing is reported.
    fn drop(&mut self) {
        let commands = self.inner.player.borrow_mut().step(Input::Stop);
        for command in commands {
            run(&self.inner, command);
        }
        self.inner.wake.release();
    }
}

fn snapshot(p: &Player) -> Snapshot {
    Snapshot { phase: p.phase, chunk: p.chunk, trouble: p.trouble }
}

fn send(inner: &Rc<Inner>, input: Input) {
    inner.queue.borrow_mut().push_back(input);
    if inner.busy.replace(true) {
        return;
    }
    loop {
        let next = inner.queue.borrow_mut().pop_front();
        let Some(input) = next else { break };
        let commands = inner.player.borrow_mut().step(input);
        for command in commands {
            run(inner, command);
        }
    }
    inner.busy.set(false);
    let now = snapshot(&inner.player.borrow());
    match now.phase {
        Phase::Playing => inner.wake.hold(),
        _ => inner.wake.release(),
    }
    (inner.report)(now);
}

fn run(inner: &Rc<Inner>, command: Command) {
    let weak = Rc::downgrade(inner);
    match command {
        Command::Cancel => {
            inner.delayed.borrow_mut().take();
            retire(inner, None);
            if let Some(synth) = synthesis() {
                synth.cancel();
            }
        }
        Command::Speak { chunk, gen, rate, delay_ms } if delay_ms > 0.0 => {
            let later = Timeout::new(delay_ms as u32, move || {
                if let Some(inner) = weak.upgrade() {
                    say(&inner, chunk, gen, rate);
                }
            });
            *inner.delayed.borrow_mut() = Some(later);
        }
        Command::Speak { chunk, gen, rate, .. } => say(inner, chunk, gen, rate),
        Command::Arm { gen, ms } => {
            let timer = Timeout::new(ms.max(0.0) as u32, move || {
                if let Some(inner) = weak.upgrade() {
                    let (speaking, pending) = synthesis().map_or((false, false), |s| (s.speaking(), s.pending()));
                    send(&inner, Input::Timeout { gen, speaking, pending });
                }
            });
            *inner.timer.borrow_mut() = Some(timer);
        }
        Command::Disarm => drop(inner.timer.borrow_mut().take()),
        Command::Remember(chunk) => {
            let (block, offset) = inner.script.place_of(chunk);
            places::remember(&inner.article, block, offset);
        }
        Command::Forget => places::forget(&inner.article),
        Command::OpenNext => (inner.open_next)(),
    }
}

/// Replaces the utterance speaking now, keeping the old one a little longer: its
/// listener may be the code running.
fn retire(inner: &Inner, next: Option<Speaking>) {
    let mut slots = inner.speaking.borrow_mut();
    let old = std::mem::replace(&mut slots.0, next);
    slots.1 = old;
}

fn say(inner: &Rc<Inner>, chunk: usize, gen: u32, rate: f32) {
    let Some(synth) = synthesis() else { return };
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let heard = move |h: Heard| {
        let Some(inner) = weak.upgrade() else { return };
        let input = match h {
            Heard::Started => Input::Started { gen, at: now() },
            Heard::Ended => Input::Ended { gen, at: now() },
            Heard::Failed(fault) => Input::Failed { gen, fault },
        };
        send(&inner, input);
    };
    let voice = inner.voice.borrow().clone();
    let speaking = speak(&synth, inner.script.text(chunk), voice.as_ref(), rate, heard);
    retire(inner, speaking);
}
