//! The Gongshu reader: the pure core crate (`reader_core`: `content`, `search`, `listen`),
//! the app's pure parts (`catalog`, `indexing`, `route`, `view`, `settings`), plus the Yew UI (`app`, `state`, `components`, `hooks`) on wasm32.

pub use reader_core::{han, listen, search};

pub mod across;
pub mod archive;
pub mod catalog;
pub mod content;
pub mod embed;
pub mod indexing;
// The build's last step, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod minify;
// The build's last step, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod precompress;
pub mod route;
pub mod settings;
// The build's last step, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod share_meta;
// The build's last step, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod state;
pub mod texts;
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod early;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod frame;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod hooks;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod location;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod speech;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod storage;
