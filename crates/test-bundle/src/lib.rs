//! The data a pre-rendered page of `content/` carries (`reader_core::content::bundle`), as
//! the site's build writes it, for the browser tests and benchmarks: their documents are the
//! test runner's, which carry none. `build.rs` makes it; the app's own build has no build
//! script, so its code is the same whatever the content is.

/// The JSON of `content/`'s pages, their names, insights and search tables.
pub const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundle.json"));
