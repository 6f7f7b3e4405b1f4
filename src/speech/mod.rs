//! Read-aloud, the browser side: `engine` (speech synthesis, voices, one utterance),
//! `driver` (runs the pure player of `listen::player` against it), `places` (where
//! listening stopped, in storage) and `wake_lock` (the screen stays on while speaking).

pub mod driver;
pub mod engine;
pub mod places;
pub mod wake_lock;
