//! What the list view shows, derived from the catalog, the route and the search results:
//! the cards (every article in the filter, grouped by page when every page is shown, or
//! the search's hits within it, highlighted, the approximate ones under a heading that
//! says so), the page selector and the department counts
//! (of the matches while searching), and the notice about what a link names that the
//! content lacks. Pure: the app renders it, native tests check it.

use std::collections::BTreeSet;
use std::ops::Range;
use std::rc::Rc;

use super::links::Links;
use super::page_choices::{page_choices, PageChoices};
pub use super::page_choices::{PageGroup, PageLink};
use crate::catalog::{Catalog, Department, Filter, Unknown};
use crate::content::model::shorten;
use crate::content::Article;
use crate::route::{PageChoice, Route, View};
use crate::search::{Excerpt, Results};

/// One card to show, with what search found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The article.
    pub article: Rc<Article>,
    /// Its link, keeping filter and query.
    pub href: String,
    /// The page it is on ("第三期"), when there are several.
    pub page: Option<String>,
    /// The highlighted excerpt of a search hit; the article's opening when none.
    pub excerpt: Option<Excerpt>,
    /// Highlighted byte ranges of the department.
    pub department_marks: Vec<Range<usize>>,
    /// Highlighted byte ranges of the author.
    pub author_marks: Vec<Range<usize>>,
    /// Highlighted byte ranges of the posts, joined by "、".
    pub posts_marks: Vec<Range<usize>>,
}

/// What a search shows over its approximate hits when it found nothing exactly.
pub const ONLY_APPROXIMATE: &str = "没有完全匹配的结果，以下是相近的文章";
/// What a search shows over its approximate hits below exact ones.
pub const MORE_APPROXIMATE: &str = "以下是相近的文章";

/// Cards under one heading: a page's title when every page is listed, or the note over a
/// search's approximate hits.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The heading over the group; none for a single list or a search's exact hits.
    pub heading: Option<String>,
    /// Whether these are a search's approximate hits (the heading is a note, not a title).
    pub approximate: bool,
    /// The cards, in order.
    pub cards: Vec<Card>,
}

/// The list view's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The cards, in groups.
    pub groups: Vec<Group>,
    /// The page selector's chips, newest first and every page last; empty with a single
    /// page (`page_choices`).
    pub pages: Vec<PageLink>,
    /// Every page by tens, past a handful of pages (`page_choices`).
    pub directory: Vec<PageGroup>,
    /// The departments of the page shown with their counts: their articles, or while
    /// searching their matches (whatever the department filter, so a reader sees where
    /// else the words occur).
    pub departments: Vec<Department>,
    /// What 全部 counts: all articles of the page shown, or all matches on it.
    pub total: usize,
    /// The label of the one page shown among several ("第三期"); none for every page or
    /// while there is one.
    pub page: Option<String>,
    /// The selected departments (known ones only).
    pub selected: BTreeSet<String>,
    /// The search query (blank: no search).
    pub query: String,
    /// How many articles the search found in the filter (all of them, not only the cards).
    pub found: usize,
    /// How many of them only approximately.
    pub near: usize,
    /// Whether `found` is an estimate (a search across an archive not all at hand).
    pub about: bool,
    /// Browsing every page without a query: what it shows and what is left (none
    /// otherwise).
    pub browsing: Browsing,
}

/// What the list of every page shows without a query, newest first: the newest pages, or
/// held to departments their newest statements (`Catalog::lists_departments`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Browsing {
    /// How many it shows: pages, or statements.
    pub shown: usize,
    /// How many older ones 显示更早的… has still to show.
    pub left: usize,
    /// Whether it counts statements (held to departments), not pages.
    pub statements: bool,
}

impl Listing {
    /// Every card, in order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.groups.iter().flat_map(|g| g.cards.iter())
    }
}

/// The list for `route` (within `filter`), given the search `results` for its query, the
/// pages not at hand whose matches are (`searched`, see `Catalog::pages_for`), how many
/// results are `shown` (browsing every page: how many pages, `Catalog::browsed`, or
/// statements), and, held to departments without a query, their statements across the
/// archive (`held`, `across::department_statements`; none while not known), which count
/// them on every page.
pub fn listing(
    catalog: &Catalog,
    route: &Route,
    filter: &Filter,
    (results, searched, shown, held): (&Results, &[u32], usize, Option<&[u32]>),
    links: Links,
) -> Listing {
    let href = |r: &Route| links.href(r);
    let searching = route.is_searching();
    let statements = catalog.lists_departments(filter, searching);
    let page_number = |p: &usize| catalog.page_number_of(*p).unwrap_or(0);
    // Every page without a query: the newest few pages, their articles the ones counted;
    // held to departments, their newest statements at hand (and how many are at hand).
    let (browsed, in_view, at_hand): (Vec<u32>, Vec<usize>, usize) =
        match !searching && filter.page.is_none() && catalog.pages.len() > 1 {
            false => Default::default(),
            true if statements => {
                let mut newest: Vec<usize> = catalog.filtered(filter).collect();
                crate::search::sort_by(&mut newest, |a, b| page_number(b).cmp(&page_number(a)));
                let at_hand = newest.len();
                newest.truncate(shown);
                let mut pages: Vec<u32> = newest.iter().map(page_number).collect();
                pages.dedup();
                (pages, newest, at_hand)
            }
            true => {
                let pages = catalog.browsed(shown);
                let in_view = (0..catalog.articles.len()).filter(|p| pages.contains(&page_number(p))).collect();
                (pages, in_view, 0)
            }
        };
    // What the departments count: the search's matches, or the articles of the pages shown;
    // every page of a series whose index names its departments, without a query, the series'
    // statements (`Catalog::departments_for`).
    let matching = searching.then_some(results.matching.as_slice());
    let series_wide = catalog.counts_series(filter);
    let shown_cards = (!browsed.is_empty() && !series_wide).then_some(in_view.as_slice());
    let counted = matching.or(shown_cards);
    let card = |position: usize| {
        let a = &catalog.articles[position];
        Card {
            article: a.clone(),
            href: href(&route.with_view(View::Article(a.id.to_string()))),
            page: catalog.label_of(position).map(str::to_owned),
            excerpt: None,
            department_marks: vec![],
            author_marks: vec![],
            posts_marks: vec![],
        }
    };
    let groups = if searching {
        let hit_cards = |approximate: bool| -> Vec<Card> {
            let hits = results.hits.iter().filter(|h| h.approximate == approximate);
            hits.map(|h| Card {
                excerpt: Some(h.excerpt.clone()),
                department_marks: h.department_marks.clone(),
                author_marks: h.author_marks.clone(),
                posts_marks: h.posts_marks.clone(),
                ..card(h.article)
            })
            .collect()
        };
        let exact = Group { heading: None, approximate: false, cards: hit_cards(false) };
        let note = if exact.cards.is_empty() { ONLY_APPROXIMATE } else { MORE_APPROXIMATE };
        let near = Group { heading: Some(note.to_owned()), approximate: true, cards: hit_cards(true) };
        [exact, near].into_iter().filter(|g| !g.cards.is_empty()).collect()
    } else if !browsed.is_empty() {
        browsed
            .iter()
            .filter_map(|&n| catalog.page(n))
            .map(|p| Group {
                heading: Some(p.title.clone()),
                approximate: false,
                cards: in_view
                    .iter()
                    .filter(|&q| page_number(q) == p.number && catalog.fits(filter, *q))
                    .map(|&q| card(q))
                    .collect(),
            })
            .filter(|g| !g.cards.is_empty())
            .collect()
    } else {
        vec![Group { heading: None, approximate: false, cards: catalog.filtered(filter).map(card).collect() }]
    };
    let mut page_counts = catalog.pages_for(filter, matching, searched);
    if let Some(held) = held.filter(|_| statements) {
        // The departments' statements on each page, at hand or not: by their pages, ascending.
        let mut pages: Vec<u32> = held.iter().filter_map(|&n| catalog.page_holding(n)).collect();
        pages.reverse();
        for p in &mut page_counts {
            p.count = Some(pages.partition_point(|&n| n <= p.number) - pages.partition_point(|&n| n < p.number));
        }
    }
    let every = page_counts.iter().map(|p| p.count).sum::<Option<usize>>();
    let page_link = links.page_href(route);
    let page_href = |n: Option<u32>| page_link(n.map_or(PageChoice::All, PageChoice::Number));
    let PageChoices { chips: pages, directory } = page_choices(page_counts, filter.page, page_href, every);
    let departments = catalog.departments_for(filter, counted);
    let on_page = Filter { departments: Default::default(), ..filter.clone() };
    let total = match counted {
        Some(c) => c.iter().filter(|&&p| catalog.fits(&on_page, p)).count(),
        None if series_wide => catalog.total(),
        None => catalog.filtered(&on_page).count(),
    };
    Listing {
        groups,
        pages,
        directory,
        departments,
        total,
        page: filter.page.and_then(|n| catalog.page(n)).filter(|_| catalog.pages.len() > 1).map(|p| p.label.clone()),
        selected: filter.departments.clone(),
        query: route.query.clone(),
        found: results.total,
        near: results.near(),
        about: results.estimated,
        browsing: match (browsed.len(), statements) {
            (0, _) => Browsing::default(),
            (_, true) => Browsing {
                shown: in_view.len(),
                left: held.map_or(at_hand, <[u32]>::len).saturating_sub(in_view.len()),
                statements,
            },
            (n, false) => Browsing { shown: n, left: catalog.pages.len() - n, statements },
        },
    }
}

/// The notice for what a link names that the content lacks (a page, departments); none
/// when it lacks nothing. Names from the URL are shown, but never at any length.
pub fn unknown_notice(unknown: &Unknown) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(n) = unknown.page {
        parts.push(format!("第 {n} 期"));
    }
    if !unknown.departments.is_empty() {
        let names: Vec<String> = unknown.departments.iter().map(|d| format!("“{}”", shorten(d, 20, "…"))).collect();
        parts.push(format!("部门{}", names.join("、")));
    }
    (!parts.is_empty()).then(|| format!("链接中的{}不在本站中，已忽略。", parts.join("和")))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::catalog::tests::{long_series, long_series_library, one_page, two_pages};
    use crate::search::{Index, SHOWN_RESULTS};

    fn ids(l: &Listing) -> Vec<&str> {
        l.cards().map(|card| &*card.article.id).collect()
    }

    #[test]
    fn without_a_query_every_article_in_the_filter_in_order() {
        let c = one_page();
        let route = Route::parse("#/?dept=区教育局&dept=区财政局");
        let (filter, _) = c.filter(&route);
        let l = listing(&c, &route, &filter, (&Results::default(), &[], SHOWN_RESULTS, None), Links::Hash);
        assert_eq!(ids(&l), ["3-06", "3-07", "3-09"]);
        assert_eq!(l.groups.len(), 1);
        let first = l.cards().next().unwrap();
        assert!(first.href.starts_with("#/a/3-06?dept="), "{}", first.href);
        assert!(l.cards().all(|card| card.excerpt.is_none() && card.author_marks.is_empty() && card.page.is_none()));
        assert_eq!((l.total, l.departments), (10, c.departments.clone()));
        assert!(l.pages.is_empty(), "one page: no selector");
    }

    #[test]
    fn with_a_query_the_hits_highlighted_and_the_counts_of_the_matches() {
        let c = one_page();
        let route = Route::parse("#/?q=谢建青&dept=区财政局");
        let (filter, _) = c.filter(&route);
        let results = Index::build(&c.articles).search_top(&route.query, 20, |a| c.fits(&filter, a));
        let l = listing(&c, &route, &filter, (&results, &[], SHOWN_RESULTS, None), Links::Hash);
        assert!(ids(&l).is_empty(), "谢建青 is 区残联's, outside the filter");
        assert_eq!(l.total, 1, "全部 still counts the match");
        let counts: Vec<(&str, usize)> = l.departments.iter().map(|d| (d.name.as_str(), d.count)).collect();
        assert_eq!(counts[0], ("区残联", 1));
        assert!(counts[1..].iter().all(|&(_, n)| n == 0), "{counts:?}");
        let route = Route::parse("#/?q=谢建青");
        let results = Index::build(&c.articles).search_top(&route.query, 20, |_| true);
        let l = listing(&c, &route, &Filter::default(), (&results, &[], SHOWN_RESULTS, None), Links::Hash);
        assert_eq!(ids(&l), ["3-01"]);
        assert_eq!((l.found, l.near, l.query.as_str()), (1, 0, "谢建青"));
        let card = l.cards().next().unwrap();
        assert_eq!(&card.article.author[card.author_marks[0].clone()], "谢建青");
        assert!(card.excerpt.is_some());
        assert_eq!(card.href, Route::parse("#/a/3-01?q=谢建青").to_hash());
    }

    #[test]
    fn approximate_hits_under_a_note_after_the_exact_ones() {
        let c = one_page();
        let list = |hash: &str| {
            let route = Route::parse(hash);
            let results = Index::build(&c.articles).search_top(&route.query, 20, |_| true);
            listing(&c, &route, &Filter::default(), (&results, &[], SHOWN_RESULTS, None), Links::Hash)
        };
        let groups = |l: &Listing| -> Vec<(Option<String>, bool, Vec<String>)> {
            l.groups
                .iter()
                .map(|g| (g.heading.clone(), g.approximate, g.cards.iter().map(|c| c.article.id.to_string()).collect()))
                .collect()
        };
        let only = list("#/?q=社区矫证");
        assert_eq!(groups(&only), [(Some(ONLY_APPROXIMATE.to_owned()), true, vec!["3-03".to_owned()])]);
        assert_eq!(l_total(&only), 1, "an approximate match counts for its department too");
        let both = list("#/?q=律师 法律援助");
        assert!(both.groups.iter().all(|g| !g.approximate), "exact hits, nothing loose");
        let mixed = list("#/?q=职能");
        let kinds: Vec<(Option<String>, bool)> = groups(&mixed).into_iter().map(|(h, a, _)| (h, a)).collect();
        assert_eq!(kinds, [(None, false), (Some(MORE_APPROXIMATE.to_owned()), true)]);
        assert!(list("#/?q=鱼酸").groups.is_empty());
    }

    fn l_total(l: &Listing) -> usize {
        l.departments.iter().map(|d| d.count).sum()
    }

    #[test]
    fn several_pages_a_selector_labels_and_groups() {
        let c = two_pages();
        let list = |hash: &str| {
            let route = Route::parse(hash);
            let (filter, _) = c.filter(&route);
            let results = Index::build(&c.articles).search_top(&route.query, 50, |a| c.fits(&filter, a));
            listing(&c, &route, &filter, (&results, &[], SHOWN_RESULTS, None), Links::Hash)
        };
        let newest = list("#/");
        assert_eq!(ids(&newest), ["4-01", "4-02", "4-03", "4-04", "4-05"]);
        assert!(newest.cards().all(|card| card.page.as_deref() == Some("第四期")));
        let pages: Vec<(&str, Option<usize>, &str, bool)> =
            newest.pages.iter().map(|p| (p.label.as_str(), p.count, p.href.as_str(), p.current)).collect();
        assert_eq!(
            pages,
            [
                ("第四期", Some(5), "#/?page=4", true),
                ("第三期", Some(10), "#/?page=3", false),
                ("全部期次", Some(15), "#/?page=all", false)
            ]
        );
        assert_eq!(newest.total, 5);
        assert_eq!(newest.page.as_deref(), Some("第四期"));
        // The root's pre-rendered list links the other pre-rendered pages.
        let root = listing(
            &c,
            &Route::default(),
            &c.filter(&Route::default()).0,
            (&Results::default(), &[], SHOWN_RESULTS, None),
            Links::Static { depth: 0 },
        );
        assert_eq!(root.pages.iter().map(|p| p.href.as_str()).collect::<Vec<_>>(), ["p/4/", "p/3/", "p/all/"]);
        assert_eq!(root.cards().next().unwrap().href, "a/4-01/");
        let every = list("#/?page=all&dept=区教育局");
        assert_eq!((every.page.as_deref(), every.selected.len()), (None, 1), "every page: no page named");
        let groups: Vec<(Option<&str>, usize)> =
            every.groups.iter().map(|g| (g.heading.as_deref(), g.cards.len())).collect();
        assert_eq!(
            groups,
            [
                (Some("各部门党委(党组)成员召开集中学习交流会（四）"), 2),
                (Some("各部门党委(党组)成员召开集中学习交流会（三）"), 2)
            ],
            "newest first"
        );
        assert_eq!((every.browsing.shown, every.browsing.left), (2, 0), "both pages shown, none left");
        assert_eq!(newest.browsing, Browsing::default(), "one page: not browsing every page");
        let searched = list("#/?q=学校");
        assert_eq!(searched.groups.len(), 1, "search results are one ranked list");
        assert!(searched.cards().any(|card| card.page.as_deref() == Some("第三期")));
        assert!(searched.cards().any(|card| card.page.as_deref() == Some("第四期")));
        assert!(searched.pages.last().unwrap().current, "searching: every page");
        assert_eq!(Some(searched.total), searched.pages.last().unwrap().count);
        let within = list("#/?page=4&q=学校");
        assert!(within.cards().all(|card| card.article.id.starts_with("4-")));
        assert_eq!(
            within.pages.iter().map(|p| p.count).collect::<Vec<_>>(),
            searched.pages.iter().map(|p| p.count).collect::<Vec<_>>(),
            "page counts span every page"
        );
    }

    #[test]
    fn every_page_is_browsed_the_newest_first_a_few_at_a_time_counting_what_it_shows() {
        let c = long_series(10);
        let route = Route::parse("#/?page=all");
        let (filter, _) = c.filter(&route);
        let list = |shown: usize| listing(&c, &route, &filter, (&Results::default(), &[], shown, None), Links::Hash);
        let first = list(SHOWN_RESULTS);
        let pages = |shown, left| Browsing { shown, left, statements: false };
        assert_eq!(first.browsing, pages(3, 5), "pages 10, 9 and 8 shown, five older ones left");
        let headings: Vec<Option<&str>> = first.groups.iter().map(|g| g.heading.as_deref()).collect();
        assert_eq!(headings, [Some("各部门党委(党组)成员召开集中学习交流会（10）")], "9 and 8 are on their way");
        assert_eq!((first.total, l_total(&first)), (10, 10), "the departments count what is shown");
        assert_eq!(first.pages.last().map(|p| p.count), Some(Some(80)), "全部期次 counts the series");
        assert_eq!(list(3 * SHOWN_RESULTS).browsing, pages(8, 0));
    }

    #[test]
    fn every_page_held_to_departments_lists_their_newest_statements() {
        // Pages 3 to 10, each page 3's articles (区教育局: the sixth and seventh), 10 and 9
        // at hand, with an index.
        let mut library = long_series_library(10, &[10, 9]);
        library.index.dir = "data/index-0/".into();
        let c = Catalog::new(&library);
        let route = Route::parse("#/?page=all&dept=区教育局");
        let (filter, _) = c.filter(&route);
        let list =
            |shown: usize, held| listing(&c, &route, &filter, (&Results::default(), &[], shown, held), Links::Hash);
        // Each page's sixth and seventh (pages 3 to 10: articles 0 to 79).
        let all: Vec<u32> = (0..8).rev().flat_map(|p| [p * 10 + 6, p * 10 + 5]).collect();
        let three = list(3, Some(&all[..]));
        assert_eq!(ids(&three), ["10-06", "10-07", "9-06"], "the newest three, newest first");
        let headings: Vec<Option<&str>> = three.groups.iter().map(|g| g.heading.as_deref()).collect();
        assert_eq!(
            headings,
            [Some("各部门党委(党组)成员召开集中学习交流会（10）"), Some("各部门党委(党组)成员召开集中学习交流会（9）")]
        );
        assert_eq!(three.browsing, Browsing { shown: 3, left: 13, statements: true }, "of the 16 the index files");
        assert_eq!(list(3, None).browsing.left, 1, "not known yet: those at hand");
        assert_eq!(list(SHOWN_RESULTS, Some(&all[..])).browsing, Browsing { shown: 4, left: 12, statements: true });
        let counts: Vec<Option<usize>> = three.pages.iter().map(|p| p.count).collect();
        assert_eq!(counts, [Some(2), Some(2), Some(2), Some(2), Some(2), Some(16)], "every page counted by the index");
        let searching = Route::parse("#/?page=all&dept=区教育局&q=学校");
        assert!(!c.lists_departments(&c.filter(&searching).0, true), "a search ranks instead");
        assert!(!c.lists_departments(&c.filter(&Route::parse("#/?page=all")).0, false), "no department: pages");
        assert_eq!(c.missing(&route, SHOWN_RESULTS), [] as [u32; 0], "its statements come through the index");
    }

    #[test]
    fn the_notice_names_what_is_unknown_shortened() {
        assert_eq!(unknown_notice(&Unknown::default()), None);
        let long = "区".repeat(30);
        let notice = unknown_notice(&Unknown { page: None, departments: vec!["区外交部".into(), long] }).unwrap();
        assert_eq!(notice, format!("链接中的部门“区外交部”、“{}…”不在本站中，已忽略。", "区".repeat(20)));
        let both = Unknown { page: Some(9), departments: vec!["区外交部".into()] };
        assert_eq!(unknown_notice(&both).unwrap(), "链接中的第 9 期和部门“区外交部”不在本站中，已忽略。");
    }
}
