//! The pages compiled into the binary from `content/*.json`: `build.rs` has parsed and
//! checked every file and written it out as `static` data of the model's own types, so
//! there is nothing to load, parse or fail at start-up.

use std::borrow::Cow;

use super::model::{Article, List, Page, Section};

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// A set of pages: the embedded ones ([`library`]), or any others (tests, benchmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    /// Every page, in page order.
    pub pages: List<Page>,
}

/// The embedded pages.
pub fn library() -> Library {
    Library { pages: Cow::Borrowed(PAGES) }
}

impl Library {
    /// All articles of all pages, in page order then print order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.pages.iter().flat_map(|p| p.articles.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_pages_are_the_content_files() {
        let lib = library();
        assert_eq!(lib.pages.len(), 1);
        assert!(matches!(lib.pages, Cow::Borrowed(_)), "static data, not a copy");
        let page = &lib.pages[0];
        assert_eq!(page.number, 3);
        assert_eq!(lib.articles().count(), 10);
        let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/page-003.json")).unwrap();
        let parsed: Page = serde_json::from_str(&json).unwrap();
        assert_eq!(*page, parsed, "the compiled page equals its file, field for field");
    }
}
