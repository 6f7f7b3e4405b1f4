//! The content: the model of a page and its articles (`model`), their short and full
//! names (`short_names`, `full_names`, a body at a time: `bodies`), how their authors are addressed (`addresses`), a set of pages and the series they belong to (`Library`), the digest that names a data file (`digest`), what a pre-rendered page carries for the app (`bundle`), the sharded search index's files (`index_files`), and, natively, the ingest that builds a
//! page from printed text (`ingest`).

pub mod addresses;
pub mod bodies;
pub mod bundle;
pub mod digest;
pub mod full_names;
pub mod index_files;
#[cfg(feature = "build")]
pub mod ingest;
mod library;
pub mod model;
pub mod short_names;

pub use digest::digest;
pub use library::{departments, Byline, Entry, Library};
pub use model::{Article, Page, Section};

/// The file name a page is stored under in `content/`: page 3 → `page-003.json`.
pub fn page_file_name(number: u32) -> String {
    format!("page-{number:03}.json")
}
