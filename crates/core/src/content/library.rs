//! A set of pages and what the build derived for their articles; on a site of several
//! pages, also the series they belong to (each page of it, carried or not) and the bylines
//! of articles on other pages that the carried ones are related to.

use serde::{Deserialize, Serialize};

use super::bundle::SearchIndex;
use super::model::{Article, Insight, List, Page, Text};
use crate::search::sort_by;

/// A set of pages: the app's (a page's data, with what it loaded since), or any others
/// (tests, benchmarks).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    /// The pages at hand.
    pub pages: List<Page>,
    /// What the build derived for their articles (keywords, related articles); may be none.
    pub insights: List<Insight>,
    /// Every page of the series, at hand or not, by number; none: `pages` are the series.
    pub series: List<Entry>,
    /// Articles that `insights` relate to on pages not at hand.
    pub bylines: List<Byline>,
    /// The series' sharded search index, if it has one.
    pub index: SearchIndex,
}

/// One page of the series in its catalogue: what lists and links to it need (its number
/// and how many articles), and the file that holds its articles (in a folder named by the
/// content of all of them, so it can be cached for good). Titles are not in it: every page
/// carries the catalogue, so an entry costs once a page per page of the series; a page's
/// title comes with its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `Page::number`.
    pub number: u32,
    /// The numeral its title prints (`model::series_numeral`: "三"), for its label; empty
    /// when the title prints none, or, read back from a page's catalogue, the number in
    /// digits then (`bundle::Series`: the same label).
    pub numeral: Text,
    /// How many articles it has.
    pub articles: u32,
    /// Its data's address, relative to the page that carries this entry
    /// (`<data folder>page-<number>.json`, `bundle::Series`); the file carries its digest.
    pub file: Text,
}

/// An article on another page, as a link to it names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Byline {
    /// `Article::id`.
    pub id: Text,
    /// `Article::department_short`.
    pub department_short: Text,
    /// `Article::author`.
    pub author: Text,
}

/// The departments of `articles` in order of first appearance, each with how many of them
/// it has.
pub fn departments<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<(&'a str, u32)> {
    let mut found: Vec<(&str, u32)> = Vec::new();
    for a in articles {
        match found.iter_mut().find(|(name, _)| *name == a.department_short) {
            Some((_, count)) => *count += 1,
            None => found.push((&a.department_short, 1)),
        }
    }
    found
}

impl Entry {
    /// How the reader names the page, as `Page::label` does: "第三期".
    pub fn label(&self) -> String {
        super::model::label(self.number, Some(&*self.numeral).filter(|n| !n.is_empty()))
    }
}

impl Library {
    /// Pages with no insights.
    pub fn of_pages(pages: Vec<Page>) -> Self {
        Self { pages: pages.into(), ..Self::default() }
    }

    /// All articles of all pages, in page order then print order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.pages.iter().flat_map(|p| p.articles.iter())
    }

    /// Whether the page with this number is at hand.
    pub fn has_page(&self, number: u32) -> bool {
        self.pages.iter().any(|p| p.number == number)
    }

    /// With the pages of `more` (another page's file, or an article's) at hand too, and
    /// their insights and bylines; an article already at hand is kept as it was, and the
    /// articles of a page held in part join it, in print order. The series stays this one's.
    pub fn with(&self, more: Library) -> Library {
        let held = |id: &str| self.articles().any(|a| a.id == id);
        let mut pages = self.pages.to_vec();
        let mut added: Vec<Text> = Vec::new();
        for p in more.pages.iter() {
            let new: Vec<Article> = p.articles.iter().filter(|a| !held(&a.id)).cloned().collect();
            added.extend(new.iter().map(|a| a.id.clone()));
            match pages.iter_mut().find(|at| at.number == p.number) {
                Some(at) => {
                    let articles = at.articles.to_mut();
                    articles.extend(new);
                    sort_by(articles, |a, b| a.id.cmp(&b.id));
                }
                None => pages.push(Page { articles: new.into(), ..p.clone() }),
            }
        }
        let is_new = |id: &str| added.iter().any(|a| **a == *id);
        // The search's one sort: std's sorts would add kilobytes of WASM a type.
        sort_by(&mut pages, |a, b| a.number.cmp(&b.number));
        let mut insights = self.insights.to_vec();
        insights.extend(more.insights.iter().filter(|i| is_new(&i.id)).cloned());
        let at_hand = |id: &str| is_new(id) || held(id);
        let mut bylines: Vec<Byline> = Vec::new();
        for b in self.bylines.iter().chain(more.bylines.iter()) {
            if !at_hand(&b.id) && !bylines.iter().any(|kept| kept.id == b.id) {
                bylines.push(b.clone());
            }
        }
        sort_by(&mut bylines, |a, b| a.id.cmp(&b.id));
        Library {
            pages: pages.into(),
            insights: insights.into(),
            series: self.series.clone(),
            bylines: bylines.into(),
            index: self.index.clone(),
        }
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::fixtures::third_page;

    fn page(number: u32, ids: &[&str]) -> Page {
        let real = third_page();
        let articles: Vec<Article> = ids
            .iter()
            .zip(real.articles.iter())
            .map(|(id, a)| Article { id: id.to_string().into(), ..a.clone() })
            .collect();
        Page { number, articles: articles.into(), ..real }
    }

    fn byline(id: &str) -> Byline {
        Byline { id: id.to_owned().into(), department_short: "区残联".into(), author: "谢建青".into() }
    }

    #[test]
    fn another_page_joins_in_order_with_its_insights_and_replaces_the_bylines_of_its_articles() {
        let insight = |id: &str| Insight {
            id: id.to_owned().into(),
            keywords: List::Borrowed(&[]),
            related: List::Borrowed(&[]),
        };
        let five = Library {
            pages: vec![page(5, &["5-01"])].into(),
            insights: vec![insight("5-01")].into(),
            bylines: vec![byline("3-01"), byline("4-01")].into(),
            ..Library::default()
        };
        let three = Library {
            pages: vec![page(3, &["3-01", "3-02"])].into(),
            insights: vec![insight("3-01"), insight("3-02")].into(),
            bylines: vec![byline("4-01"), byline("5-01")].into(),
            ..Library::default()
        };
        let both = five.with(three.clone());
        assert_eq!(both.pages.iter().map(|p| p.number).collect::<Vec<_>>(), [3, 5]);
        assert_eq!(both.insights.iter().map(|i| &*i.id).collect::<Vec<_>>(), ["5-01", "3-01", "3-02"]);
        assert_eq!(both.bylines.iter().map(|b| &*b.id).collect::<Vec<_>>(), ["4-01"], "only what is still elsewhere");
        assert!(both.has_page(3) && both.has_page(5) && !both.has_page(4));
        assert_eq!(both.with(three), both, "a page at hand is not taken twice");
    }

    #[test]
    fn articles_of_a_page_join_it_in_print_order_and_its_whole_file_completes_it() {
        let lone = |ids: &[&str]| Library { pages: vec![page(3, ids)].into(), ..Library::default() };
        let ids = |l: &Library| l.articles().map(|a| a.id.to_string()).collect::<Vec<_>>();
        let some = lone(&["3-02"]).with(lone(&["3-01"]));
        assert_eq!((some.pages.len(), ids(&some)), (1, vec!["3-01".to_owned(), "3-02".to_owned()]));
        let whole = some.with(lone(&["3-01", "3-02", "3-03"]));
        assert_eq!(ids(&whole), ["3-01", "3-02", "3-03"], "what was at hand is kept, the rest joins");
    }
}
