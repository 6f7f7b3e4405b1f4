//! Read-aloud, the pure part: what is read and in which chunks (`script`, `chunk`), the
//! player's rules against the faults of real speech engines (`player`, `pace`), which
//! voice reads (`voice`) and where a listener stopped (`place`). The browser side, which
//! carries out the player's commands on `speechSynthesis`, is `src/speech/`.

pub mod chunk;
pub mod pace;
pub mod place;
pub mod player;
pub mod script;
pub mod voice;
