//! The pages compiled into the binary from `content/*.json` (or what `READER_CONTENT` names): `build.rs` has parsed and
//! checked every file and written it out as `static` data of the model's own types, so
//! there is nothing to load, parse or fail at start-up.

use std::borrow::Cow;

use super::model::{Article, Insight, List, Page, Related, Section};

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// A set of pages: the embedded ones ([`library`]), or any others (tests, benchmarks).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    /// Every page.
    pub pages: List<Page>,
    /// What the build derived for the articles (keywords, related articles); may be none.
    pub insights: List<Insight>,
}

/// The embedded pages.
pub fn library() -> Library {
    Library { pages: Cow::Borrowed(PAGES), insights: Cow::Borrowed(INSIGHTS) }
}

impl Library {
    /// All articles of all pages, in page order then print order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.pages.iter().flat_map(|p| p.articles.iter())
    }
}

/// The real page the unit tests are written against, page 3, read from its content file:
/// they keep their meaning when editors add pages of the series to `content/`.
#[cfg(test)]
pub(crate) fn third_page() -> Library {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/page-003.json")).unwrap();
    let page = super::model::parse_content_file("content/page-003.json", &json).unwrap();
    Library { pages: vec![page].into(), insights: List::Borrowed(&[]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_pages_are_the_content_files() {
        let lib = library();
        assert!(matches!(lib.pages, Cow::Borrowed(_)), "static data, not a copy");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        assert_eq!(lib.pages.len(), files.len());
        for (page, file) in lib.pages.iter().zip(&files) {
            let shown = file.display().to_string();
            let parsed: Page =
                crate::content::model::parse_content_file(&shown, &std::fs::read_to_string(file).unwrap()).unwrap();
            assert_eq!(*page, parsed, "the compiled page equals {}, field for field", file.display());
        }
        assert_eq!(third_page().pages[0].number, 3);
        let ids: Vec<&str> = lib.articles().map(|a| &*a.id).collect();
        let with_insights: Vec<&str> = lib.insights.iter().map(|i| &*i.id).collect();
        assert_eq!(ids, with_insights, "every article has its insight, in order");
    }
}
