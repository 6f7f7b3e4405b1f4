//! A speech engine in virtual time that misbehaves as real ones do, driving the pure
//! player (`reader::listen::player`) as the browser side does: utterances last their
//! characters at a pace; an utterance longer than a cut-off stops there with no `end` and
//! stalls the queue until `cancel()` (Chrome's network voices, ~15 s); a `speak()` soon
//! after `cancel()` is dropped without a word; `cancel()` fires `error` events; some
//! utterances never start; some engines send no `start`. It records what was heard.

use std::collections::{BTreeMap, VecDeque};

use reader::listen::player::{Command, Fault, Input, Phase, Player};

/// How the engine misbehaves.
#[derive(Debug, Clone)]
pub struct Faults {
    /// Milliseconds a character at rate 1.
    pub ms_per_char: f64,
    /// An utterance longer than this stops there, with no `end`; the queue stalls.
    pub cutoff_ms: Option<f64>,
    /// A `speak()` this soon after `cancel()` is dropped silently.
    pub drop_after_cancel_ms: f64,
    /// `cancel()` fires `error` (interrupted, canceled) on the utterances it removes.
    pub error_on_cancel: bool,
    /// Whether `start` events fire.
    pub start_events: bool,
    /// Every n-th `speak()` never starts, and the queue stalls behind it.
    pub stall_every: Option<usize>,
}

impl Default for Faults {
    fn default() -> Faults {
        Faults {
            ms_per_char: 220.0,
            cutoff_ms: None,
            drop_after_cancel_ms: 0.0,
            error_on_cancel: false,
            start_events: true,
            stall_every: None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Utterance {
    id: u64,
    gen: u32,
    chunk: usize,
    rate: f32,
    stalls: bool,
}

#[derive(Debug, Clone, Copy)]
enum Event {
    Listener(Input),
    Deliver(Input),
    Speak { chunk: usize, gen: u32, rate: f32, token: u64 },
    Start(u64),
    End(u64),
    Cut(u64),
    Timer(u64, u32),
}

/// The engine, the player and the clock.
pub struct Sim {
    /// The player under test.
    pub player: Player,
    faults: Faults,
    lengths: Vec<usize>,
    now: f64,
    seq: u64,
    events: BTreeMap<(u64, u64), Event>,
    timer: Option<u64>,
    queue: VecDeque<Utterance>,
    current: Option<Utterance>,
    stuck: bool,
    last_cancel: f64,
    /// Counts cancels: a delayed speak from before the last one is dropped, as the driver does.
    cancels: u64,
    speaks: usize,
    next_id: u64,
    /// Chunks spoken to their end, in order.
    pub heard: Vec<usize>,
    /// Chunks the engine started (a restarted or resumed chunk twice).
    pub started: Vec<usize>,
    /// The rate each heard chunk was spoken at.
    pub rates: Vec<f32>,
    /// The place last remembered (`None` once forgotten).
    pub remembered: Option<usize>,
    /// Whether the next article was opened.
    pub opened_next: bool,
}

impl Sim {
    /// A player of chunks of these lengths at `rate`, on an engine with `faults`.
    pub fn new(lengths: Vec<usize>, rate: f32, faults: Faults) -> Sim {
        Sim {
            player: Player::new(lengths.clone(), rate),
            faults,
            lengths,
            now: 0.0,
            seq: 0,
            events: BTreeMap::new(),
            timer: None,
            queue: VecDeque::new(),
            current: None,
            stuck: false,
            last_cancel: f64::NEG_INFINITY,
            cancels: 0,
            speaks: 0,
            next_id: 0,
            heard: Vec::new(),
            started: Vec::new(),
            rates: Vec::new(),
            remembered: None,
            opened_next: false,
        }
    }

    /// The listener does `input` at `at` ms.
    pub fn at(&mut self, at: f64, input: Input) {
        self.schedule(at, Event::Listener(input));
    }

    fn schedule(&mut self, at: f64, event: Event) {
        self.seq += 1;
        self.events.insert(((at.max(self.now) * 1000.0) as u64, self.seq), event);
    }

    /// Runs until nothing is left to happen or `limit` ms have passed; returns the time.
    pub fn run(&mut self, limit: f64) -> f64 {
        while let Some((&(t, seq), _)) = self.events.iter().next() {
            let event = self.events.remove(&(t, seq)).expect("the first event");
            self.now = t as f64 / 1000.0;
            if self.now > limit {
                break;
            }
            self.happen(event);
        }
        self.now
    }

    fn happen(&mut self, event: Event) {
        match event {
            Event::Listener(input) | Event::Deliver(input) => self.tell(input),
            Event::Speak { chunk, gen, rate, token } if token == self.cancels => self.speak(chunk, gen, rate),
            Event::Speak { .. } => {}
            Event::Start(id) => {
                if let Some(u) = self.current.filter(|u| u.id == id) {
                    self.started.push(u.chunk);
                    if self.faults.start_events {
                        self.tell(Input::Started { gen: u.gen, at: self.now });
                    }
                }
            }
            Event::End(id) => {
                if let Some(u) = self.current.filter(|u| u.id == id) {
                    self.heard.push(u.chunk);
                    self.rates.push(u.rate);
                    self.current = None;
                    self.tell(Input::Ended { gen: u.gen, at: self.now });
                    self.pump();
                }
            }
            Event::Cut(id) => {
                if self.current.is_some_and(|u| u.id == id) {
                    self.stuck = true;
                }
            }
            Event::Timer(id, gen) => {
                if self.timer == Some(id) {
                    self.timer = None;
                    let speaking = self.current.is_some();
                    let pending = !self.queue.is_empty() || self.current.is_some_and(|u| u.stalls);
                    self.tell(Input::Timeout { gen, speaking, pending });
                }
            }
        }
    }

    fn tell(&mut self, input: Input) {
        for command in self.player.step(input) {
            match command {
                Command::Cancel => self.cancel(),
                Command::Speak { chunk, gen, rate, delay_ms } => {
                    self.schedule(self.now + delay_ms, Event::Speak { chunk, gen, rate, token: self.cancels })
                }
                Command::Arm { gen, ms } => {
                    self.next_id += 1;
                    self.timer = Some(self.next_id);
                    self.schedule(self.now + ms, Event::Timer(self.next_id, gen));
                }
                Command::Disarm => self.timer = None,
                Command::Remember(n) => self.remembered = Some(n),
                Command::Forget => self.remembered = None,
                Command::OpenNext => self.opened_next = true,
            }
        }
    }

    fn speak(&mut self, chunk: usize, gen: u32, rate: f32) {
        self.speaks += 1;
        if self.now - self.last_cancel < self.faults.drop_after_cancel_ms {
            return;
        }
        self.next_id += 1;
        let stalls = self.faults.stall_every.is_some_and(|n| self.speaks.is_multiple_of(n));
        self.queue.push_back(Utterance { id: self.next_id, gen, chunk, rate, stalls });
        self.pump();
    }

    fn pump(&mut self) {
        if self.current.is_some() || self.stuck {
            return;
        }
        let Some(u) = self.queue.pop_front() else { return };
        self.current = Some(u);
        if u.stalls {
            self.stuck = true;
            return;
        }
        let start = self.now + 30.0;
        self.schedule(start, Event::Start(u.id));
        let duration = self.lengths[u.chunk] as f64 * self.faults.ms_per_char / f64::from(u.rate);
        match self.faults.cutoff_ms {
            Some(cut) if duration > cut => self.schedule(start + cut, Event::Cut(u.id)),
            _ => self.schedule(start + duration, Event::End(u.id)),
        }
    }

    fn cancel(&mut self) {
        let removed: Vec<Utterance> = self.current.take().into_iter().chain(self.queue.drain(..)).collect();
        if self.faults.error_on_cancel {
            for u in removed {
                self.schedule(self.now + 1.0, Event::Deliver(Input::Failed { gen: u.gen, fault: Fault::Cancelled }));
            }
        }
        self.stuck = false;
        self.last_cancel = self.now;
        self.cancels += 1;
    }

    /// Whether the player is done: idle, with nothing left to hear.
    pub fn idle(&self) -> bool {
        self.player.phase == Phase::Idle
    }
}
