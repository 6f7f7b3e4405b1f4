//! The pages compiled into the binary from `content/*.json` (see `build.rs`, which has
//! already parsed and checked every file, so loading here only fails on a build bug).

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
    /// What is wrong, with line and column.
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// Parses the embedded JSON.
pub fn load() -> Result<Library, LoadError> {
    let pages = PAGES
        .iter()
        .map(|(name, json)| {
            serde_json::from_str::<Page>(json).map_err(|e| LoadError {
                file: format!("content/{name}"),
                message: format!("{}:{}: {e}", e.line(), e.column()),
            })
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
