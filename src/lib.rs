//! The Gongshu reader: a pure core (`content`, `catalog`, `route`, `search`, `settings`), plus the
//! Yew UI (`app`, `state`, `components`, `hooks`) on wasm32.

pub mod catalog;
pub mod content;
pub mod embed;
pub mod han;
// Keywords and related articles, computed by the build (build.rs includes the files);
// compiled into the library only for its tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod insight;
pub mod list_status;
pub mod listen;
pub mod listing;
// The build's last step, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod precompress;
pub mod route;
pub mod search;
pub mod settings;
// The build's last step, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod share_meta;
// The build's last step, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod state;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod components;
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
