//! What the reading view of one article shows, besides the article itself: the page of
//! the series it is on (a link to that page's list), the way back, the previous and next
//! articles on its page within the department filter, its keywords (each a search across
//! every page) and the articles most related to it, with why. Pure: tested natively with
//! tables of routes and the links they make.

use std::rc::Rc;

use super::links::{Link, Links};
use crate::catalog::{Catalog, Filter};
use crate::content::Article;
use crate::route::{PageChoice, Route, View};

/// A related article as the view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// "区教育局 · 徐旭勇" and its link.
    pub to: Link,
    /// "都谈到：学校、教师", or "内容相近".
    pub reason: Rc<str>,
}

/// The article page's data.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePage {
    /// The article.
    pub article: Rc<Article>,
    /// Its page of the series, linked to that page's list (the list, while there is one).
    pub page: Option<Link>,
    /// "返回文章列表": the list the reader came from, unless that list shows another page
    /// (the newest, by default): then the article's own page.
    pub back: Rc<str>,
    /// The article before it on its page, in the department filter.
    pub prev: Option<Link>,
    /// The article after it.
    pub next: Option<Link>,
    /// Its keywords, each a search for it across every page.
    pub keywords: Vec<Link>,
    /// The articles most related to it.
    pub related: Vec<Related>,
}

/// How an article is named in a link to it.
fn label(department_short: &str, author: &str) -> String {
    format!("{department_short} · {author}")
}

/// The page for the article `route` shows, within `filter` (the route's, see
/// [`Catalog::filter`]); none when no article has its id.
pub fn article_page(catalog: &Catalog, route: &Route, filter: &Filter, links: Links) -> Option<ArticlePage> {
    let View::Article(id) = &route.view else { return None };
    let position = catalog.position(id)?;
    let article = catalog.articles[position].clone();
    let neighbour = |a: &Rc<Article>| {
        links.to(label(&a.department_short, &a.author), &route.with_view(View::Article(a.id.to_string())))
    };
    let (prev, next) = catalog.neighbours(id, filter);
    let own_page = catalog.page_of(position);
    let page_list = |number| match catalog.pages.len() {
        1 => Route::default(),
        _ => Route::default().on_page(PageChoice::Number(number)),
    };
    // The list's page: the filter does not depend on the view.
    let back = match own_page {
        Some(p) if route.page.is_none() && filter.page.is_some_and(|n| n != p.number) => {
            route.on_page(PageChoice::Number(p.number))
        }
        _ => route.with_view(View::List),
    };
    let insight = catalog.insight(id);
    let keywords = insight
        .map(|i| &i.keywords[..])
        .unwrap_or_default()
        .iter()
        .map(|k| links.to(k.to_string(), &Route { query: k.to_string(), ..Route::default() }));
    let related = insight.map(|i| &i.related[..]).unwrap_or_default().iter().filter_map(|r| {
        // On a page not at hand, the article's byline names it.
        let label = match catalog.article(&r.id) {
            Some(a) => label(&a.department_short, &a.author),
            None => catalog.byline(&r.id).map(|b| label(&b.department_short, &b.author))?,
        };
        Some(Related {
            to: links.to(label, &Route { view: View::Article(r.id.to_string()), ..Route::default() }),
            reason: match r.shared.is_empty() {
                true => "内容相近".into(),
                false => format!("都谈到：{}", r.shared.join("、")).into(),
            },
        })
    });
    Some(ArticlePage {
        page: own_page.map(|p| links.to(p.title.clone(), &page_list(p.number))),
        back: links.href(&back).into(),
        prev: prev.map(neighbour),
        next: next.map(neighbour),
        keywords: keywords.collect(),
        related: related.collect(),
        article,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::catalog::tests::{one_page, two_pages};

    /// The page for `hash`, with its filter, as the app makes it.
    fn page(c: &Catalog, hash: &str, links: Links) -> Option<ArticlePage> {
        let route = Route::parse(hash);
        article_page(c, &route, &c.filter(&route).0, links)
    }

    fn href(link: &Option<Link>) -> Option<&str> {
        link.as_ref().map(|l| &*l.href)
    }

    #[test]
    fn back_returns_to_the_list_the_reader_came_from_or_the_articles_own_page() {
        let one = one_page();
        let two = two_pages();
        #[rustfmt::skip]
        let cases = [
            (&one, "#/a/3-02", "#/"),
            (&one, "#/a/3-02?dept=区商务局&q=招商", "#/?dept=%E5%8C%BA%E5%95%86%E5%8A%A1%E5%B1%80&q=%E6%8B%9B%E5%95%86"),
            // Two pages: the default list is the newest page, so an article of page 3 goes
            // back to page 3's list; one of page 4, to the default list.
            (&two, "#/a/3-02", "#/?page=3"),
            (&two, "#/a/4-02", "#/"),
            // A page chosen in the route is the list the reader came from.
            (&two, "#/a/3-02?page=all", "#/?page=all"),
            (&two, "#/a/3-02?page=4", "#/?page=4"),
            // Searching lists every page, the article's among them.
            (&two, "#/a/3-02?q=学校", "#/?q=%E5%AD%A6%E6%A0%A1"),
        ];
        for (c, hash, back) in cases {
            assert_eq!(&*page(c, hash, Links::Hash).unwrap().back, back, "{hash}");
        }
        assert_eq!(&*page(&two, "#/a/3-02", Links::Static { depth: 2 }).unwrap().back, "../../p/3/");
        assert_eq!(&*page(&two, "#/a/4-02", Links::Static { depth: 2 }).unwrap().back, "../../");
    }

    #[test]
    fn the_page_line_links_the_articles_page_of_the_series() {
        let (one, two) = (one_page(), two_pages());
        #[rustfmt::skip]
        let cases = [
            (&one, "#/a/3-01", Links::Hash, "各部门党委(党组)成员召开集中学习交流会（三）", "#/"),
            (&two, "#/a/3-01", Links::Hash, "各部门党委(党组)成员召开集中学习交流会（三）", "#/?page=3"),
            (&two, "#/a/4-01?dept=区教育局", Links::Hash, "各部门党委(党组)成员召开集中学习交流会（四）", "#/?page=4"),
            (&two, "#/a/4-01", Links::Static { depth: 2 }, "各部门党委(党组)成员召开集中学习交流会（四）", "../../p/4/"),
            (&one, "#/a/3-01", Links::Static { depth: 2 }, "各部门党委(党组)成员召开集中学习交流会（三）", "../../"),
        ];
        for (c, hash, links, title, href) in cases {
            let line = page(c, hash, links).unwrap().page.unwrap();
            assert_eq!((&*line.label, &*line.href), (title, href), "{hash} {links:?}");
        }
    }

    #[test]
    fn previous_and_next_stay_on_the_articles_page_keeping_the_filter() {
        let (one, two) = (one_page(), two_pages());
        #[rustfmt::skip]
        let cases = [
            (&one, "#/a/3-01", Links::Hash, None, Some("#/a/3-02")),
            (&one, "#/a/3-05", Links::Hash, Some("#/a/3-04"), Some("#/a/3-06")),
            (&one, "#/a/3-10", Links::Hash, Some("#/a/3-09"), None),
            (&one, "#/a/3-07?dept=区教育局&dept=区财政局", Links::Hash,
                Some("#/a/3-06?dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80&dept=%E5%8C%BA%E8%B4%A2%E6%94%BF%E5%B1%80"),
                Some("#/a/3-09?dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80&dept=%E5%8C%BA%E8%B4%A2%E6%94%BF%E5%B1%80")),
            // An article outside the filter has no neighbours.
            (&one, "#/a/3-01?dept=区教育局", Links::Hash, None, None),
            (&two, "#/a/3-10", Links::Hash, Some("#/a/3-09"), None),
            (&two, "#/a/4-01", Links::Static { depth: 2 }, None, Some("../../a/4-02/")),
        ];
        for (c, hash, links, prev, next) in cases {
            let p = page(c, hash, links).unwrap();
            assert_eq!((href(&p.prev), href(&p.next)), (prev, next), "{hash} {links:?}");
        }
        let p = page(&one, "#/a/3-05", Links::Hash).unwrap();
        assert_eq!(&*p.prev.unwrap().label, "区招商局 · 朱永红");
    }

    #[test]
    fn keywords_search_every_page_and_related_articles_say_why() {
        let c = one_page();
        let p = page(&c, "#/a/3-06?dept=区教育局", Links::Hash).unwrap();
        assert!(!p.keywords.is_empty());
        for k in &p.keywords {
            assert_eq!(&*k.href, Route { query: k.label.to_string(), ..Route::default() }.to_hash(), "no filter kept");
        }
        assert!(!p.related.is_empty());
        let insight = c.insight("3-06").unwrap();
        for (r, want) in p.related.iter().zip(insight.related.iter()) {
            assert_eq!(&*r.to.href, format!("#/a/{}", want.id));
            assert_eq!(&*r.to.label, {
                let a = c.article(&want.id).unwrap();
                label(&a.department_short, &a.author)
            });
            assert!(&*r.reason == "内容相近" || r.reason.starts_with("都谈到："), "{}", r.reason);
        }
        let p = page(&c, "#/a/3-06", Links::Static { depth: 2 }).unwrap();
        let first = &p.keywords[0];
        assert_eq!(
            &*first.href,
            format!("../../{}", Route { query: first.label.to_string(), ..Route::default() }.to_hash())
        );
        assert!(p.related.iter().all(|r| r.to.href.starts_with("../../a/") && r.to.href.ends_with('/')));
    }

    #[test]
    fn no_page_for_an_unknown_article_or_the_list() {
        let c = one_page();
        assert_eq!(page(&c, "#/a/3-99", Links::Hash), None);
        assert_eq!(page(&c, "#/", Links::Hash), None);
    }
}
