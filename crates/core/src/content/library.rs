//! A set of pages and what the build derived for their articles.

use super::model::{Article, Insight, List, Page};

/// A set of pages: the app's embedded ones, or any others (tests, benchmarks).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    /// Every page.
    pub pages: List<Page>,
    /// What the build derived for the articles (keywords, related articles); may be none.
    pub insights: List<Insight>,
}

impl Library {
    /// Pages with no insights.
    pub fn of_pages(pages: Vec<Page>) -> Self {
        Self { pages: pages.into(), insights: List::Borrowed(&[]) }
    }

    /// All articles of all pages, in page order then print order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.pages.iter().flat_map(|p| p.articles.iter())
    }
}
