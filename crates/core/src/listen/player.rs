//! The read-aloud player as a pure state machine: what the listener and the speech engine
//! say ([`Input`]) turns into what to do next ([`Command`]), which the browser side
//! (`src/speech/`) carries out. Nothing here touches the engine, so every fault of the
//! field is tested natively, in virtual time (see the tests below).
//!
//! The rules that make listening hold up on real engines:
//! - one chunk at a time; the next is spoken from the previous one's `end`;
//! - every utterance has a generation: events of a cancelled one are ignored, and an
//!   `error` is never taken for an end;
//! - pause is a cancel that keeps the chunk (Android's `pause()` is a cancel anyway);
//!   resume speaks that chunk again, from its start;
//! - a watchdog restarts a chunk that does not start or end in time ([`super::pace`]),
//!   after a short gap once `cancel()` was called ([`GAP_MS`]); while the engine says it
//!   is speaking with nothing queued, the wait is extended first (once for a late end,
//!   twice for an engine that sends no `start`); after [`MAX_RETRIES`] restarts it
//!   pauses and says so rather than loop;
//! - from silence (play, resume) it speaks at once, inside the listener's tap.

use super::pace::{Pace, START_MS};

/// The pause between `cancel()` and the next `speak()`, which Chrome otherwise drops;
/// doubled with each retry of a chunk.
pub const GAP_MS: f64 = 250.0;
/// How often one chunk is restarted before the player gives up and pauses.
pub const MAX_RETRIES: u8 = 3;
/// Seconds of the countdown before the next article is read (连续播放).
pub const COUNTDOWN_S: u8 = 5;

/// What the player is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    /// Not reading.
    #[default]
    Idle,
    /// Reading the current chunk.
    Playing,
    /// Stopped at the current chunk, to go on from it.
    Paused,
    /// The article was read to its end; the next one starts in this many seconds.
    Countdown(u8),
}

/// Why the player paused on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Something else stopped the speech (another app, a call, the system).
    Interrupted,
    /// The engine did not start or finish a chunk, several times.
    NoResponse,
    /// The engine reported errors, several times.
    Failed,
    /// The browser wants a tap before it speaks.
    NotAllowed,
}

/// An `error` event's kind, as far as the player cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `canceled` or `interrupted`.
    Cancelled,
    /// `not-allowed`: no user activation.
    NotAllowed,
    /// Anything else (`synthesis-failed`, `network`, `audio-busy`…).
    Other,
}

/// What happens to the player.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    /// Read from chunk `n` (the start, a remembered place, a tapped paragraph).
    Play(usize),
    /// Pause if playing, go on if paused, else read from chunk `n`.
    Toggle(usize),
    /// Pause at the current chunk.
    Pause,
    /// Go on from the current chunk.
    Resume,
    /// The next chunk (上一句 / 下一句 move by chunks).
    Next,
    /// The previous chunk.
    Prev,
    /// Stop reading (the place is kept).
    Stop,
    /// Open and read the next article now, without waiting for the countdown.
    NextArticle,
    /// A new speaking rate, used from the next chunk on.
    SetRate(f32),
    /// Whether the next article follows at the end (连续播放, and there is one).
    SetFollowOn(bool),
    /// The engine started utterance `gen` at time `at` (ms).
    Started {
        /// Its generation.
        gen: u32,
        /// When.
        at: f64,
    },
    /// The engine finished utterance `gen` at time `at` (ms).
    Ended {
        /// Its generation.
        gen: u32,
        /// When.
        at: f64,
    },
    /// The engine reported an error on utterance `gen`.
    Failed {
        /// Its generation.
        gen: u32,
        /// Which kind.
        fault: Fault,
    },
    /// The timer armed for `gen` fired; `speaking` and `pending` are the engine's own
    /// flags at that moment.
    Timeout {
        /// The generation it was armed for.
        gen: u32,
        /// `speechSynthesis.speaking`.
        speaking: bool,
        /// `speechSynthesis.pending`: something is queued, not started (a stalled queue).
        pending: bool,
    },
}

/// What the browser side must do, in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Command {
    /// `speechSynthesis.cancel()`, and drop a [`Command::Speak`] still waiting out its delay.
    Cancel,
    /// Speak chunk `chunk` as utterance `gen` at `rate`, after `delay_ms`.
    Speak {
        /// The chunk.
        chunk: usize,
        /// Its generation, which its events must carry.
        gen: u32,
        /// The speaking rate.
        rate: f32,
        /// How long to wait first (after a cancel).
        delay_ms: f64,
    },
    /// (Re)arm the one timer: in `ms`, send [`Input::Timeout`] with `gen`.
    Arm {
        /// The generation the timeout is for.
        gen: u32,
        /// After how long.
        ms: f64,
    },
    /// Disarm the timer.
    Disarm,
    /// Remember chunk `n` as the place to go on from.
    Remember(usize),
    /// Forget the place: the article was heard to its end.
    Forget,
    /// Open the next article and read it.
    OpenNext,
}

/// The player of one article's chunks.
#[derive(Debug, Clone, PartialEq)]
pub struct Player {
    total: usize,
    /// The chunk being read, paused at, or last read.
    pub chunk: usize,
    /// What it is doing.
    pub phase: Phase,
    /// Why it paused on its own, until the listener goes on.
    pub trouble: Option<Trouble>,
    gen: u32,
    started_at: Option<f64>,
    started: bool,
    /// Whether the end's wait was already extended once for an engine still speaking.
    extended: bool,
    retries: u8,
    rate: f32,
    follow_on: bool,
    pace: Pace,
    /// The characters of each chunk, for the watchdog.
    lengths: Vec<usize>,
}

impl Player {
    /// A player for chunks of these lengths (in characters), at `rate`.
    pub fn new(lengths: Vec<usize>, rate: f32) -> Player {
        Player {
            total: lengths.len(),
            chunk: 0,
            phase: Phase::Idle,
            trouble: None,
            gen: 0,
            started_at: None,
            started: false,
            extended: false,
            retries: 0,
            rate,
            follow_on: false,
            pace: Pace::default(),
            lengths,
        }
    }

    /// Whether the player is reading or paused (its controls are shown).
    pub fn is_active(&self) -> bool {
        matches!(self.phase, Phase::Playing | Phase::Paused)
    }

    /// The commands for `input`.
    pub fn step(&mut self, input: Input) -> Vec<Command> {
        let mut out = Vec::new();
        match input {
            Input::Play(n) if self.total > 0 => {
                self.chunk = n.min(self.total - 1);
                self.retries = 0;
                // From silence, speak at once: still inside the listener's tap, which
                // some engines (iOS Safari) need for the first utterance.
                let playing = self.phase == Phase::Playing;
                self.go(&mut out, playing);
            }
            Input::Toggle(n) => match self.phase {
                Phase::Playing => return self.step(Input::Pause),
                Phase::Paused => return self.step(Input::Resume),
                Phase::Countdown(_) => return self.step(Input::NextArticle),
                Phase::Idle => return self.step(Input::Play(n)),
            },
            Input::Pause if self.phase == Phase::Playing => {
                self.phase = Phase::Paused;
                self.halt(&mut out);
                out.push(Command::Remember(self.chunk));
            }
            Input::Resume if self.phase == Phase::Paused => {
                self.retries = 0;
                // The pause already cancelled: speak at once, inside the tap.
                self.go(&mut out, false);
            }
            Input::Next | Input::Prev if self.is_active() => {
                let last = self.total - 1;
                let forward = input == Input::Next;
                if forward && self.chunk == last && self.phase == Phase::Playing {
                    out.push(Command::Cancel);
                    self.finish(&mut out);
                    return out;
                }
                self.chunk = if forward { (self.chunk + 1).min(last) } else { self.chunk.saturating_sub(1) };
                self.retries = 0;
                match self.phase {
                    Phase::Playing => self.go(&mut out, true),
                    _ => out.push(Command::Remember(self.chunk)),
                }
            }
            Input::Stop => match self.phase {
                Phase::Playing | Phase::Paused => {
                    self.phase = Phase::Idle;
                    self.halt(&mut out);
                    out.push(if self.chunk > 0 { Command::Remember(self.chunk) } else { Command::Forget });
                }
                Phase::Countdown(_) => {
                    self.phase = Phase::Idle;
                    self.gen += 1;
                    out.push(Command::Disarm);
                }
                Phase::Idle => {}
            },
            Input::NextArticle if matches!(self.phase, Phase::Countdown(_)) => {
                self.phase = Phase::Idle;
                self.gen += 1;
                out.extend([Command::Disarm, Command::OpenNext]);
            }
            Input::SetRate(rate) => self.rate = rate,
            Input::SetFollowOn(on) => self.follow_on = on,
            Input::Started { gen, at } if self.current(gen) => {
                self.started = true;
                self.started_at = Some(at);
                out.push(Command::Arm { gen, ms: self.pace.end_ms(self.lengths[self.chunk], self.rate) });
            }
            Input::Ended { gen, at } if self.current(gen) => {
                if let Some(start) = self.started_at {
                    self.pace.observe(self.lengths[self.chunk], self.rate, at - start);
                }
                self.retries = 0;
                if self.chunk + 1 < self.total {
                    self.chunk += 1;
                    self.go(&mut out, false);
                } else {
                    self.finish(&mut out);
                }
            }
            Input::Failed { gen, fault } if self.current(gen) => match fault {
                Fault::NotAllowed => self.give_up(&mut out, Trouble::NotAllowed),
                // A cancel before the chunk started is Chrome's dropped `speak()`: retry.
                Fault::Cancelled if self.started || self.retries >= MAX_RETRIES => {
                    self.give_up(&mut out, Trouble::Interrupted)
                }
                _ if self.retries >= MAX_RETRIES => self.give_up(&mut out, Trouble::Failed),
                _ => self.retry(&mut out),
            },
            Input::Timeout { gen, speaking, pending } if gen == self.gen => match self.phase {
                // Speaking with nothing queued, but no `start` came (an engine that sends
                // none) or the end is late (a voice slower than any seen yet): wait once
                // more for the end. A stalled engine says it speaks too; it fails next time.
                Phase::Playing if speaking && !pending && !self.extended => {
                    self.extended = self.started;
                    self.started = true;
                    out.push(Command::Arm { gen, ms: self.pace.end_ms(self.lengths[self.chunk], self.rate) });
                }
                Phase::Playing if self.retries >= MAX_RETRIES => self.give_up(&mut out, Trouble::NoResponse),
                Phase::Playing => self.retry(&mut out),
                Phase::Countdown(n) if n > 1 => {
                    self.phase = Phase::Countdown(n - 1);
                    out.push(Command::Arm { gen, ms: 1000.0 });
                }
                Phase::Countdown(_) => {
                    self.phase = Phase::Idle;
                    self.gen += 1;
                    out.push(Command::OpenNext);
                }
                _ => {}
            },
            _ => {}
        }
        out
    }

    fn current(&self, gen: u32) -> bool {
        gen == self.gen && self.phase == Phase::Playing
    }

    /// Speaks the current chunk as a new utterance, after a cancel when `cancel`.
    fn go(&mut self, out: &mut Vec<Command>, cancel: bool) {
        self.phase = Phase::Playing;
        self.trouble = None;
        self.gen += 1;
        self.started = false;
        self.extended = false;
        self.started_at = None;
        if cancel {
            out.push(Command::Cancel);
        }
        // Longer after each retry, for an engine that drops a `speak()` for longer.
        let delay_ms = if cancel { GAP_MS * f64::from(1u32 << self.retries.min(4)) } else { 0.0 };
        out.push(Command::Remember(self.chunk));
        out.push(Command::Speak { chunk: self.chunk, gen: self.gen, rate: self.rate, delay_ms });
        out.push(Command::Arm { gen: self.gen, ms: delay_ms + START_MS });
    }

    fn retry(&mut self, out: &mut Vec<Command>) {
        self.retries += 1;
        self.go(out, true);
    }

    /// Silences the engine; every event of the utterance is stale from now on.
    fn halt(&mut self, out: &mut Vec<Command>) {
        self.gen += 1;
        out.extend([Command::Cancel, Command::Disarm]);
    }

    fn give_up(&mut self, out: &mut Vec<Command>, trouble: Trouble) {
        self.phase = Phase::Paused;
        self.trouble = Some(trouble);
        self.halt(out);
        out.push(Command::Remember(self.chunk));
    }

    fn finish(&mut self, out: &mut Vec<Command>) {
        self.gen += 1;
        out.push(Command::Forget);
        if self.follow_on {
            self.phase = Phase::Countdown(COUNTDOWN_S);
            out.push(Command::Arm { gen: self.gen, ms: 1000.0 });
        } else {
            self.phase = Phase::Idle;
            out.push(Command::Disarm);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaks(out: &[Command]) -> Vec<(usize, u32)> {
        out.iter()
            .filter_map(|c| match c {
                Command::Speak { chunk, gen, .. } => Some((*chunk, *gen)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn one_chunk_at_a_time_and_stale_events_are_ignored() {
        let mut p = Player::new(vec![10, 10, 10], 0.9);
        let out = p.step(Input::Play(0));
        assert!(!out.contains(&Command::Cancel), "from silence, nothing to cancel: {out:?}");
        let at_once = |c: &Command| matches!(c, Command::Speak { chunk: 0, gen: 1, delay_ms, .. } if *delay_ms == 0.0);
        assert!(out.iter().any(at_once), "at once: {out:?}");
        let out = p.step(Input::Play(0));
        assert_eq!(out[0], Command::Cancel, "over speech, a cancel first");
        let after_gap = |c: &Command| matches!(c, Command::Speak { gen: 2, delay_ms, .. } if *delay_ms == GAP_MS);
        assert!(out.iter().any(after_gap), "then the gap: {out:?}");
        let mut p = Player::new(vec![10, 10, 10], 0.9);
        p.step(Input::Play(0));
        assert!(p.step(Input::Ended { gen: 0, at: 1.0 }).is_empty(), "an older utterance's end");
        assert!(p.step(Input::Failed { gen: 0, fault: Fault::Cancelled }).is_empty());
        let out = p.step(Input::Ended { gen: 1, at: 2.0 });
        assert_eq!(speaks(&out), [(1, 2)]);
        assert!(!out.contains(&Command::Cancel), "after an end the engine is idle: no cancel, no gap");
        assert_eq!(
            p.step(Input::Ended { gen: 2, at: 3.0 }).iter().filter(|c| matches!(c, Command::Speak { .. })).count(),
            1
        );
        let out = p.step(Input::Ended { gen: 3, at: 4.0 });
        assert_eq!((p.phase, out.contains(&Command::Forget)), (Phase::Idle, true));
    }

    #[test]
    fn pause_keeps_the_chunk_and_resume_speaks_it_again() {
        let mut p = Player::new(vec![10, 10, 10], 0.9);
        p.step(Input::Play(1));
        let out = p.step(Input::Pause);
        assert_eq!(out, [Command::Cancel, Command::Disarm, Command::Remember(1)]);
        assert!(p.step(Input::Ended { gen: 1, at: 0.0 }).is_empty(), "the cancelled chunk's end changes nothing");
        assert_eq!((p.phase, p.chunk), (Phase::Paused, 1));
        assert_eq!(speaks(&p.step(Input::Resume)), [(1, 3)]);
        assert_eq!(speaks(&p.step(Input::Toggle(0))), [], "toggle while playing pauses");
        assert_eq!(speaks(&p.step(Input::Toggle(0))), [(1, 5)], "and while paused goes on");
    }

    #[test]
    fn skipping_moves_by_chunks_and_stop_keeps_the_place() {
        let mut p = Player::new(vec![10, 10, 10], 0.9);
        p.step(Input::Play(0));
        assert_eq!(speaks(&p.step(Input::Prev)), [(0, 2)], "before the first: the first again");
        assert_eq!(speaks(&p.step(Input::Next)), [(1, 3)]);
        p.step(Input::Pause);
        assert_eq!(p.step(Input::Next), [Command::Remember(2)], "paused: moves, stays paused");
        assert_eq!(p.step(Input::Next), [Command::Remember(2)], "and stops at the last");
        assert_eq!(p.step(Input::Stop), [Command::Cancel, Command::Disarm, Command::Remember(2)]);
        assert_eq!(p.phase, Phase::Idle);
        p.step(Input::Play(2));
        let out = p.step(Input::Next);
        assert!(out.contains(&Command::Forget) && p.phase == Phase::Idle, "next after the last ends the article");
    }

    #[test]
    fn the_watchdog_restarts_then_gives_up() {
        let mut p = Player::new(vec![10, 10], 1.0);
        p.step(Input::Play(0));
        let mut gen = 1;
        for retry in 1..=MAX_RETRIES {
            let out = p.step(Input::Timeout { gen, speaking: false, pending: false });
            gen += 1;
            assert_eq!(speaks(&out), [(0, gen)], "retry {retry}");
        }
        p.step(Input::Timeout { gen, speaking: false, pending: false });
        assert_eq!((p.phase, p.trouble), (Phase::Paused, Some(Trouble::NoResponse)));
        assert_eq!(speaks(&p.step(Input::Resume)), [(0, gen + 2)], "the listener can try again");
        assert_eq!(p.trouble, None);
    }

    #[test]
    fn a_silent_start_waits_for_the_end() {
        let mut p = Player::new(vec![10], 1.0);
        p.step(Input::Play(0));
        let out = p.step(Input::Timeout { gen: 1, speaking: true, pending: false });
        assert!(matches!(out[..], [Command::Arm { gen: 1, .. }]), "{out:?}");
        let out = p.step(Input::Timeout { gen: 1, speaking: true, pending: false });
        assert!(matches!(out[..], [Command::Arm { gen: 1, .. }]), "a slow voice gets once more: {out:?}");
        assert_eq!(
            speaks(&p.step(Input::Timeout { gen: 1, speaking: true, pending: false })),
            [(0, 2)],
            "then it is a stall"
        );
        let out = p.step(Input::Timeout { gen: 2, speaking: true, pending: true });
        assert_eq!(speaks(&out), [(0, 3)], "queued behind a stuck utterance: no second wait");
        assert!(
            out.iter().any(|c| matches!(c, Command::Speak { delay_ms, .. } if *delay_ms == 4.0 * GAP_MS)),
            "{out:?}"
        );
    }

    #[test]
    fn errors_by_kind() {
        let mut p = Player::new(vec![10, 10], 1.0);
        p.step(Input::Play(0));
        assert_eq!(
            speaks(&p.step(Input::Failed { gen: 1, fault: Fault::Cancelled })),
            [(0, 2)],
            "dropped before start"
        );
        p.step(Input::Started { gen: 2, at: 0.0 });
        p.step(Input::Failed { gen: 2, fault: Fault::Cancelled });
        assert_eq!((p.phase, p.trouble), (Phase::Paused, Some(Trouble::Interrupted)), "cut off by someone else");
        p.step(Input::Resume);
        p.step(Input::Failed { gen: 4, fault: Fault::NotAllowed });
        assert_eq!(p.trouble, Some(Trouble::NotAllowed));
        p.step(Input::Resume);
        for gen in 6..6 + u32::from(MAX_RETRIES) {
            assert_eq!(speaks(&p.step(Input::Failed { gen, fault: Fault::Other })), [(0, gen + 1)]);
        }
        p.step(Input::Failed { gen: 6 + u32::from(MAX_RETRIES), fault: Fault::Other });
        assert_eq!(p.trouble, Some(Trouble::Failed));
    }

    #[test]
    fn a_new_rate_reaches_the_next_chunk() {
        let mut p = Player::new(vec![10, 10], 0.9);
        p.step(Input::Play(0));
        p.step(Input::SetRate(1.3));
        let out = p.step(Input::Ended { gen: 1, at: 0.0 });
        assert!(out.iter().any(|c| matches!(c, Command::Speak { chunk: 1, rate, .. } if *rate == 1.3)), "{out:?}");
    }

    #[test]
    fn follow_on_counts_down_then_opens_the_next() {
        let mut p = Player::new(vec![10], 1.0);
        p.step(Input::SetFollowOn(true));
        p.step(Input::Play(0));
        let out = p.step(Input::Ended { gen: 1, at: 0.0 });
        assert_eq!(p.phase, Phase::Countdown(COUNTDOWN_S));
        assert!(out.contains(&Command::Forget));
        for left in (1..COUNTDOWN_S).rev() {
            p.step(Input::Timeout { gen: 2, speaking: false, pending: false });
            assert_eq!(p.phase, Phase::Countdown(left));
        }
        assert_eq!(p.step(Input::Timeout { gen: 2, speaking: false, pending: false }), [Command::OpenNext]);
        assert_eq!(p.phase, Phase::Idle);
        p.step(Input::Play(0));
        p.step(Input::Ended { gen: 4, at: 0.0 });
        assert_eq!(p.phase, Phase::Countdown(COUNTDOWN_S));
        assert_eq!(p.step(Input::Toggle(0)), [Command::Disarm, Command::OpenNext], "play during it: the next now");
        p.step(Input::Play(0));
        p.step(Input::Ended { gen: 7, at: 0.0 });
        assert_eq!(p.phase, Phase::Countdown(COUNTDOWN_S));
        assert_eq!(p.step(Input::Stop), [Command::Disarm], "the countdown can be cancelled");
        assert!(p.step(Input::Timeout { gen: 8, speaking: false, pending: false }).is_empty());
    }
}
