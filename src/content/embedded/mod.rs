//! The content the app shows, which is not compiled into it: the app's code is the same
//! bytes whatever `content/` holds (issue 27).
//! - In the browser (`page_data`): the data the pre-rendered page carries, a
//!   `<script type="application/json" id="reader-data">` the build writes
//!   (`reader_core::content::bundle`), parsed by the browser's `JSON.parse`, read once.
//! - Natively (`files`: pre-rendering, tests): the content files, read, checked and derived
//!   as the site's build does (`site`: every page, and the tables of them all).
//!
//! In the browser, the files of other pages of the series are read here too (`read_file`);
//! `hooks::use_archive` fetches them.
//!
//! Either way the first read installs the search tables that come with the pages.

#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(not(target_arch = "wasm32"))]
mod files;
#[cfg(target_arch = "wasm32")]
mod page_data;
#[cfg(target_arch = "wasm32")]
pub mod read;

use std::borrow::Cow;

use super::Library;

#[cfg(not(target_arch = "wasm32"))]
pub use files::{site, third_page};
#[cfg(target_arch = "wasm32")]
pub use page_data::{load_json, read_file};

/// The `id` of the element that carries a page's data.
pub const DATA_ID: &str = "reader-data";

/// The content, read on the first call: the page's data in the browser, the content files
/// natively. An error says why there is none (no data in the page, or data that does not
/// read); the app then leaves the pre-rendered page as it is.
pub fn load() -> Result<&'static Library, &'static str> {
    #[cfg(target_arch = "wasm32")]
    let loaded = page_data::load();
    #[cfg(not(target_arch = "wasm32"))]
    let loaded = files::load();
    loaded
}

/// The content (borrowed, so a copy costs nothing), or none when it could not be read.
pub fn library() -> Library {
    load().map(borrowed).unwrap_or_default()
}

fn borrowed(library: &'static Library) -> Library {
    Library {
        pages: Cow::Borrowed(&library.pages[..]),
        insights: Cow::Borrowed(&library.insights[..]),
        series: Cow::Borrowed(&library.series[..]),
        bylines: Cow::Borrowed(&library.bylines[..]),
        index: library.index.clone(),
    }
}
