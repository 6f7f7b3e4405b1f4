//! What the whole screen shows for a route: the document title, the brand's link home,
//! the masthead over the list, the notice about what a link names that the content
//! lacks, the body (the list, an article, not found, or waiting for its page), the notice
//! about pages being fetched (or not arriving) and the footer. Pure: the root
//! component renders it (`components/screen_view.rs`), native tests check it.

use std::rc::Rc;

use super::article_page::{article_page, ArticlePage};
use super::links::Links;
use super::listing::{listing, unknown_notice, Listing};
use crate::archive::{Archive, Pending};
use crate::catalog::{Catalog, Filter};
use crate::content::model::shorten;
use crate::route::{Route, View};
use crate::search::Results;
use crate::texts::{document_title as titled, MISSING_PAGE, MISSING_TITLE};

/// The titles above the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masthead {
    /// The campaign title.
    pub campaign: String,
    /// The page title, or the series' for every page.
    pub title: String,
}

/// What the main part of the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// The list of articles.
    List(Rc<Listing>),
    /// One article.
    Article(Rc<ArticlePage>),
    /// Not found: an article id no article has (`id`, shortened), or an address that is
    /// no page's (none).
    NotFound {
        /// The id asked for.
        id: Option<String>,
        /// The way back.
        back: String,
    },
    /// An article on a page not at hand yet (`Screen::pending` says how it goes).
    Waiting,
}

/// The screen's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    /// The document title: what the tab, history and bookmarks show.
    pub title: String,
    /// The brand's link: the list, keeping filter and query.
    pub home: String,
    /// Over the list only.
    pub masthead: Option<Masthead>,
    /// What the route names that the content lacks.
    pub notice: Option<String>,
    /// The main part.
    pub body: Body,
    /// While the route needs pages not at hand: fetching them, or why they did not come.
    pub pending: Option<Pending>,
    /// The footer's account of what the reader holds.
    pub footer: String,
}

/// The screen for `route`, given the search `results` for its query (`shown` of them
/// shown, `use_paging`) and the state of fetching what is not at hand (`waiting`: the route
/// needs files not at hand, `across::needs`). `missing`: the address itself is no page's
/// (the site's 404 page, with no route in its hash).
pub fn screen(
    catalog: &Catalog,
    route: &Route,
    (results, shown): (&Results, usize),
    links: Links,
    missing: bool,
    (archive, waiting): (&Archive, bool),
) -> Screen {
    let (filter, unknown) = catalog.filter(route);
    let home = links.href(&route.with_view(View::List));
    let (title, masthead, body) = match &route.view {
        // The site is served from the root of its host (`location::article_url`).
        View::List if missing => (titled(MISSING_PAGE), None, Body::NotFound { id: None, back: "/".to_owned() }),
        View::List => {
            let searched = crate::across::searched_pages(catalog, archive, &route.query, &filter);
            let listed = catalog.lists_departments(&filter, route.is_searching());
            let held = listed.then(|| crate::across::department_statements(catalog, archive, &filter)).flatten();
            let list = listing(catalog, route, &filter, (results, &searched, shown, held.as_deref()), links);
            (document_title(catalog, route), Some(masthead(catalog, &filter)), Body::List(Rc::new(list)))
        }
        View::Article(id) => (
            document_title(catalog, route),
            None,
            match article_page(catalog, route, &filter, links) {
                Some(page) => Body::Article(Rc::new(page)),
                None if waiting => Body::Waiting,
                None => Body::NotFound { id: Some(shorten(id, 40, "…")), back: home.clone() },
            },
        ),
    };
    let pending = archive.pending(waiting);
    Screen { title, home, masthead, notice: unknown_notice(&unknown), body, pending, footer: footer(catalog) }
}

/// The titles above the list: the page's, or for every page the series' with the
/// newest page's campaign.
pub fn masthead(catalog: &Catalog, filter: &Filter) -> Masthead {
    let pages = &catalog.pages;
    let newest = pages.last();
    match filter.page.and_then(|n| catalog.page(n)).or(newest.filter(|_| pages.len() == 1)) {
        Some(p) => Masthead { campaign: p.campaign.clone(), title: p.title.clone() },
        None => Masthead {
            campaign: newest.map(|p| p.campaign.clone()).unwrap_or_default(),
            title: format!("{}（全部 {} 期）", newest.map_or("", |p| p.series_title.as_str()), pages.len()),
        },
    }
}

/// The document title for a route. The pre-rendered pages and the app use the same one.
pub fn document_title(catalog: &Catalog, route: &Route) -> String {
    match &route.view {
        View::List => titled(&masthead(catalog, &catalog.filter(route).0).title),
        View::Article(id) => match catalog.position(id) {
            Some(p) => {
                let a = &catalog.articles[p];
                let page = catalog.page_of(p).map_or("", |page| page.title.as_str());
                titled(&format!("{} {}：{page}", a.department_short, a.author))
            }
            None => titled(MISSING_TITLE),
        },
    }
}

/// The footer's account of what the reader holds.
fn footer(catalog: &Catalog) -> String {
    match catalog.pages.as_slice() {
        [page] => format!("{}，共 {} 篇。", page.title, page.articles),
        pages => format!("本系列共 {} 期、{} 篇。", pages.len(), catalog.total()),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::catalog::tests::{one_page, two_pages};

    fn show(c: &Catalog, hash: &str, missing: bool) -> Screen {
        screen(
            c,
            &Route::parse(hash),
            (&Results::default(), crate::search::SHOWN_RESULTS),
            Links::Hash,
            missing,
            (&Archive::default(), !c.missing(&Route::parse(hash), crate::search::SHOWN_RESULTS).is_empty()),
        )
    }

    /// The body's kind, and its way back where it has one.
    fn kind(s: &Screen) -> (&str, Option<&str>) {
        match &s.body {
            Body::List(_) => ("list", None),
            Body::Article(a) => ("article", Some(&*a.back)),
            Body::NotFound { id: Some(_), back } => ("no article", Some(back.as_str())),
            Body::NotFound { id: None, back } => ("no page", Some(back.as_str())),
            Body::Waiting => ("waiting", None),
        }
    }

    #[test]
    fn each_route_shows_its_body_with_the_masthead_over_the_list_only() {
        let c = one_page();
        #[rustfmt::skip]
        let cases = [
            ("#/", false, ("list", None), true),
            ("#/a/3-01", false, ("article", Some("#/")), false),
            ("#/a/3-99?dept=区残联", false, ("no article", Some("#/?dept=%E5%8C%BA%E6%AE%8B%E8%81%94")), false),
            // The 404 page: its address is no page's, until a route says otherwise.
            ("#/", true, ("no page", Some("/")), false),
            ("#/a/3-01", true, ("article", Some("#/")), false),
            ("#/?q=学校", false, ("list", None), true),
        ];
        for (hash, missing, want, masthead) in cases {
            let s = show(&c, hash, missing);
            assert_eq!((kind(&s), s.masthead.is_some()), (want, masthead), "{hash} missing={missing}");
        }
        assert_eq!(show(&c, "#/", true).title, "没有找到这个页面 · 拱墅区");
        let long = format!("#/a/{}", "x".repeat(60));
        let Body::NotFound { id: Some(id), .. } = show(&c, &long, false).body else { panic!("not found") };
        assert_eq!(id, format!("{}…", "x".repeat(40)), "an id from the URL is shown, never at any length");
    }

    #[test]
    fn home_keeps_the_filter_and_the_notice_names_what_is_unknown() {
        let c = two_pages();
        let s = show(&c, "#/a/3-01?page=9&dept=区教育局", false);
        assert_eq!(s.home, "#/?page=9&dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80");
        assert_eq!(s.notice.as_deref(), Some("链接中的第 9 期不在本站中，已忽略。"));
        assert_eq!(show(&c, "#/", false).notice, None);
        let pre = screen(
            &c,
            &Route::default(),
            (&Results::default(), crate::search::SHOWN_RESULTS),
            Links::Static { depth: 0 },
            false,
            (&Archive::default(), false),
        );
        assert_eq!(pre.home, "./");
    }

    #[test]
    fn mastheads_and_footers_name_the_page_or_the_series() {
        let one = one_page();
        let s = show(&one, "#/", false);
        let masthead = s.masthead.unwrap();
        assert_eq!(masthead.title, "各部门党委(党组)成员召开集中学习交流会（三）");
        assert_eq!(masthead.campaign, "解放思想勇开拓 争先创优敢担当 加快实现大城北崛起");
        assert_eq!(s.footer, "各部门党委(党组)成员召开集中学习交流会（三），共 10 篇。");
        let two = two_pages();
        assert_eq!(
            show(&two, "#/?page=all", false).masthead.unwrap().title,
            "各部门党委(党组)成员召开集中学习交流会（全部 2 期）"
        );
        assert_eq!(show(&two, "#/", false).footer, "本系列共 2 期、15 篇。");
    }

    #[test]
    fn document_titles_name_the_page() {
        let c = one_page();
        let title = |hash: &str| document_title(&c, &Route::parse(hash));
        assert_eq!(title("#/"), "各部门党委(党组)成员召开集中学习交流会（三） · 拱墅区");
        assert_eq!(title("#/a/3-01"), "区残联 谢建青：各部门党委(党组)成员召开集中学习交流会（三） · 拱墅区");
        assert_eq!(title("#/a/nope"), "未找到文章 · 拱墅区");
        let c = two_pages();
        let title = |hash: &str| document_title(&c, &Route::parse(hash));
        assert_eq!(title("#/"), "各部门党委(党组)成员召开集中学习交流会（四） · 拱墅区");
        assert_eq!(title("#/?page=3"), "各部门党委(党组)成员召开集中学习交流会（三） · 拱墅区");
        assert_eq!(title("#/?page=all"), "各部门党委(党组)成员召开集中学习交流会（全部 2 期） · 拱墅区");
        assert_eq!(title("#/a/4-01"), "区教育局 徐旭勇：各部门党委(党组)成员召开集中学习交流会（四） · 拱墅区");
    }
}
