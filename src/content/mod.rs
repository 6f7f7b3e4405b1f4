//! The pure content core: the model of a page and its articles, and the ingest that
//! builds it from printed text. Imports `std` and `serde` only.

pub mod embedded;
pub mod ingest;
pub mod model;
pub mod short_names;

pub use model::{Article, Page, Section};

/// The file name a page is stored under in `content/`: page 3 → `page-003.json`.
pub fn page_file_name(number: u32) -> String {
    format!("page-{number:03}.json")
}
