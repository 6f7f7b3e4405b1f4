//! What the list view shows, derived from the catalog, the route and the search results:
//! the cards (every article in the filter, or the search's hits within it, highlighted),
//! the department counts (of the matches while searching), and the notice about unknown
//! departments in a link. Pure: the app renders it, native tests check it.

use std::ops::Range;
use std::rc::Rc;

use crate::catalog::{Catalog, Department, Filter};
use crate::content::model::shorten;
use crate::content::Article;
use crate::route::{Route, View};
use crate::search::{Excerpt, Results};

/// One card to show, with what search found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The article.
    pub article: Rc<Article>,
    /// Its link, keeping filter and query.
    pub href: String,
    /// The highlighted excerpt of a search hit; the article's opening when none.
    pub excerpt: Option<Excerpt>,
    /// Highlighted byte ranges of the department.
    pub department_marks: Vec<Range<usize>>,
    /// Highlighted byte ranges of the author.
    pub author_marks: Vec<Range<usize>>,
}

/// The list view's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The cards, in order.
    pub cards: Vec<Card>,
    /// Every department with its count: its articles, or while searching its matches
    /// (whatever the filter, so a reader sees where else the words occur).
    pub departments: Vec<Department>,
    /// What 全部 counts: all articles, or all matches.
    pub total: usize,
}

/// The list for `route` (within `filter`), given the search `results` for its query;
/// `href` makes a link to a route.
pub fn listing(
    catalog: &Catalog,
    route: &Route,
    filter: &Filter,
    results: &Results,
    href: impl Fn(&Route) -> String,
) -> Listing {
    let link = |a: &Article| href(&route.with_view(View::Article(a.id.to_string())));
    if route.query.trim().is_empty() {
        let cards = catalog
            .filtered(filter)
            .map(|a| Card {
                article: a.clone(),
                href: link(a),
                excerpt: None,
                department_marks: vec![],
                author_marks: vec![],
            })
            .collect();
        return Listing { cards, departments: catalog.departments.clone(), total: catalog.articles.len() };
    }
    let cards = results
        .hits
        .iter()
        .map(|h| {
            let a = &catalog.articles[h.article];
            Card {
                article: a.clone(),
                href: link(a),
                excerpt: Some(h.excerpt.clone()),
                department_marks: h.department_marks.clone(),
                author_marks: h.author_marks.clone(),
            }
        })
        .collect();
    Listing { cards, departments: catalog.departments_among(&results.matching), total: results.matching.len() }
}

/// The notice for departments a link names that the content does not have; none when
/// there are none. Names from the URL are shown, but never at any length.
pub fn unknown_departments_notice(unknown: &[String]) -> Option<String> {
    if unknown.is_empty() {
        return None;
    }
    let names: Vec<String> = unknown.iter().map(|d| format!("“{}”", shorten(d, 20, "…"))).collect();
    Some(format!("链接中的部门{}不在本页中，已忽略。", names.join("、")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded;

    fn catalog() -> Catalog {
        Catalog::new(&embedded::library())
    }

    #[test]
    fn without_a_query_every_article_in_the_filter_in_order() {
        let c = catalog();
        let route = Route::parse("#/?dept=区教育局&dept=区财政局");
        let (filter, _) = c.filter(&route);
        let l = listing(&c, &route, &filter, &Results::default(), |r| r.to_hash());
        let ids: Vec<&str> = l.cards.iter().map(|card| &*card.article.id).collect();
        assert_eq!(ids, ["3-06", "3-07", "3-09"]);
        assert!(l.cards[0].href.starts_with("#/a/3-06?dept="), "{}", l.cards[0].href);
        assert!(l.cards.iter().all(|card| card.excerpt.is_none() && card.author_marks.is_empty()));
        assert_eq!((l.total, l.departments), (10, c.departments.clone()));
    }

    #[test]
    fn with_a_query_the_hits_highlighted_and_the_counts_of_the_matches() {
        let c = catalog();
        let route = Route::parse("#/?q=谢建青&dept=区财政局");
        let (filter, _) = c.filter(&route);
        let results = c.index().search_top(&route.query, 20, |a| filter.fits(&c.articles[a]));
        let l = listing(&c, &route, &filter, &results, |r| r.to_hash());
        assert!(l.cards.is_empty(), "谢建青 is 区残联's, outside the filter");
        assert_eq!(l.total, 1, "全部 still counts the match");
        let counts: Vec<(&str, usize)> = l.departments.iter().map(|d| (d.name.as_str(), d.count)).collect();
        assert_eq!(counts[0], ("区残联", 1));
        assert!(counts[1..].iter().all(|&(_, n)| n == 0), "{counts:?}");
        let route = Route::parse("#/?q=谢建青");
        let results = c.index().search_top(&route.query, 20, |_| true);
        let l = listing(&c, &route, &Filter::default(), &results, |r| r.to_static_href(0));
        assert_eq!(l.cards.len(), 1);
        let card = &l.cards[0];
        assert_eq!(&card.article.author[card.author_marks[0].clone()], "谢建青");
        assert!(card.excerpt.is_some());
        assert_eq!(card.href, Route::parse("#/a/3-01?q=谢建青").to_static_href(0));
    }

    #[test]
    fn the_notice_names_unknown_departments_shortened() {
        assert_eq!(unknown_departments_notice(&[]), None);
        let long = "区".repeat(30);
        let notice = unknown_departments_notice(&["区外交部".into(), long]).unwrap();
        assert_eq!(notice, format!("链接中的部门“区外交部”、“{}…”不在本页中，已忽略。", "区".repeat(20)));
    }
}
