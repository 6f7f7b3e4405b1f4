//! How long the engine may take over a chunk before the watchdog restarts it: learnt from
//! the engine's own pace, so a fast engine's stall is caught in seconds and a slow voice
//! is never cut off.
//!
//! The watchdog waits [`START_MS`] for the engine to start a chunk (Chrome drops a
//! `speak()` that comes too soon after `cancel()`, and says nothing), then
//! [`Pace::end_ms`] for it to end: [`FLOOR_MS`] plus [`SLACK`] times the time the chunk
//! takes at the slowest pace seen over the last [`SAMPLES`] chunks (at the rate used).

/// How long the engine may take to start speaking a chunk.
pub const START_MS: f64 = 3000.0;
/// The pace assumed until one is measured, in milliseconds a character at rate 1: a slow
/// voice (3.3 characters a second; Chinese voices speak 4–5).
pub const DEFAULT_MS_PER_CHAR: f64 = 300.0;
/// Time every chunk may take on top of its characters (pauses, a network voice's start).
pub const FLOOR_MS: f64 = 1500.0;
/// How many times its expected length a chunk may take.
pub const SLACK: f64 = 2.0;
/// How many recent chunks the pace is taken from.
pub const SAMPLES: usize = 6;
/// Chunks shorter than this (a title) tell little about the pace and are not sampled.
pub const MIN_SAMPLE_CHARS: usize = 6;

/// The engine's pace over the last few chunks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pace {
    /// Milliseconds a character at rate 1, oldest first.
    samples: Vec<f64>,
}

impl Pace {
    /// Records that `chars` characters at `rate` took `elapsed_ms` from start to end.
    pub fn observe(&mut self, chars: usize, rate: f32, elapsed_ms: f64) {
        if chars < MIN_SAMPLE_CHARS || !(elapsed_ms.is_finite() && elapsed_ms > 0.0) {
            return;
        }
        if self.samples.len() == SAMPLES {
            self.samples.remove(0);
        }
        self.samples.push(elapsed_ms * f64::from(rate) / chars as f64);
    }

    /// The slowest recent pace, in milliseconds a character at rate 1.
    pub fn ms_per_char(&self) -> f64 {
        self.samples.iter().copied().reduce(f64::max).unwrap_or(DEFAULT_MS_PER_CHAR)
    }

    /// How long a started chunk of `chars` characters at `rate` may take to end.
    pub fn end_ms(&self, chars: usize, rate: f32) -> f64 {
        FLOOR_MS + SLACK * chars as f64 * self.ms_per_char() / f64::from(rate.max(0.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watchdog_follows_the_slowest_recent_pace() {
        let mut pace = Pace::default();
        assert_eq!(pace.end_ms(30, 1.0), FLOOR_MS + 2.0 * 30.0 * 300.0);
        pace.observe(3, 1.0, 5000.0);
        assert_eq!(pace.ms_per_char(), DEFAULT_MS_PER_CHAR, "a title is not sampled");
        pace.observe(20, 1.0, 100.0);
        assert_eq!(pace.ms_per_char(), 5.0);
        assert_eq!(pace.end_ms(30, 0.5), FLOOR_MS + 2.0 * 30.0 * 10.0, "slower rate, longer wait");
        pace.observe(10, 1.25, 1000.0);
        assert_eq!(pace.ms_per_char(), 125.0, "the slowest sample counts");
        for _ in 0..SAMPLES {
            pace.observe(10, 1.0, 50.0);
        }
        assert_eq!(pace.ms_per_char(), 5.0, "old samples age out");
        pace.observe(10, 1.0, f64::NAN);
        assert_eq!(pace.ms_per_char(), 5.0);
    }
}
