//! The pages compiled into the binary from `content/*.json` (see `build.rs`, which has
//! already parsed and checked every file and packed it with [`super::packed::pack`], so
//! loading here only fails on a build bug).

use super::model::Page;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The embedded pages in page order, with the articles of all pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    /// Every page, in page order.
    pub pages: Vec<Page>,
}

/// Why the embedded content could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The content file, e.g. `content/page-003.json`.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// Unpacks the embedded pages.
pub fn load() -> Result<Library, LoadError> {
    let pages = PAGES
        .iter()
        .map(|(name, packed)| {
            super::packed::unpack(packed).map_err(|message| LoadError { file: format!("content/{name}"), message })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Library { pages })
}

impl Library {
    /// All articles of all pages, in page order then print order.
    pub fn articles(&self) -> impl Iterator<Item = &super::model::Article> {
        self.pages.iter().flat_map(|p| p.articles.iter())
    }
}
