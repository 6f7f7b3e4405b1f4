//! The Gongshu reader: a pure content core (`content`), plus the Yew UI on wasm32.

pub mod content;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
