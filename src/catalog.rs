//! What the reader shows, derived from the content once at start-up: the articles in
//! order, the departments with their article counts, the filter and neighbours within it.
//! Pure: no web crates, tested natively.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;

use crate::content::embedded::Library;
use crate::content::Article;
use crate::route::{Route, View};
use crate::search::Index;

/// A department in the filter bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Department {
    /// The canonical short name, e.g. "区教育局".
    pub name: String,
    /// How many articles it has.
    pub count: usize,
}

/// The titles above the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masthead {
    /// The campaign title.
    pub campaign: String,
    /// The page title.
    pub title: String,
}

/// The articles and departments of the embedded content, and the search index over them.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Titles of the first page.
    pub masthead: Masthead,
    /// Articles in page order, then print order.
    pub articles: Vec<Rc<Article>>,
    /// Departments in order of first appearance.
    pub departments: Vec<Department>,
    /// The search index, once complete (see [`Catalog::index`]).
    index: OnceCell<Index>,
    /// An index being built an article at a time (see [`Catalog::index_step`]).
    building: RefCell<Index>,
}

impl PartialEq for Catalog {
    /// The index is derived from the articles, so comparing them suffices.
    fn eq(&self, other: &Catalog) -> bool {
        self.masthead == other.masthead && self.articles == other.articles && self.departments == other.departments
    }
}

/// The department filter: an article fits when no department is selected or its own is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Selected short department names (only known ones); empty means all.
    pub departments: BTreeSet<String>,
}

impl Filter {
    /// Whether `article` passes the filter.
    pub fn fits(&self, article: &Article) -> bool {
        self.departments.is_empty() || self.departments.contains(&*article.department_short)
    }
}

impl Catalog {
    /// Builds the catalog from the loaded content.
    pub fn new(library: &Library) -> Catalog {
        let articles: Vec<Rc<Article>> = library.articles().cloned().map(Rc::new).collect();
        let mut departments: Vec<Department> = Vec::new();
        for a in &articles {
            match departments.iter_mut().find(|d| d.name == a.department_short) {
                Some(d) => d.count += 1,
                None => departments.push(Department { name: a.department_short.to_string(), count: 1 }),
            }
        }
        let masthead = library
            .pages
            .first()
            .map(|p| Masthead { campaign: p.campaign.to_string(), title: p.title.to_string() })
            .unwrap_or(Masthead { campaign: String::new(), title: String::new() });
        Catalog { masthead, articles, departments, index: OnceCell::new(), building: RefCell::new(Index::default()) }
    }

    /// The search index; hits refer to `articles` by position. If the app's steps (see
    /// [`Catalog::index_step`]) have not finished it yet, the rest is built now.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut index = self.building.take();
            for a in &self.articles[index.articles as usize..] {
                index.push(a);
            }
            index.finish();
            index
        })
    }

    /// Indexes the next `n` articles; true once the index is complete. The app calls this
    /// in small tasks after its first paint, so building never holds the page for more
    /// than a few milliseconds at a time, and the index is ready before anyone types.
    pub fn index_step(&self, n: usize) -> bool {
        if self.index.get().is_some() {
            return true;
        }
        let done = {
            let mut building = self.building.borrow_mut();
            let from = building.articles as usize;
            for a in self.articles.iter().skip(from).take(n) {
                building.push(a);
            }
            building.articles as usize >= self.articles.len()
        };
        if done {
            self.index();
        }
        done
    }

    /// The document title for a view: what the tab, history and bookmarks show. The
    /// pre-rendered pages and the app use the same one.
    pub fn document_title(&self, view: &View) -> String {
        match view {
            View::List => format!("{} · 拱墅区", self.masthead.title),
            View::Article(id) => match self.article(id) {
                Some(a) => format!("{} {}：{} · 拱墅区", a.department_short, a.author, self.masthead.title),
                None => "未找到文章 · 拱墅区".to_owned(),
            },
        }
    }

    /// Every department in order, counting only the articles at `positions` (search
    /// matches): a department with none keeps its place with a count of 0.
    pub fn departments_among(&self, positions: &[usize]) -> Vec<Department> {
        let mut departments: Vec<Department> =
            self.departments.iter().map(|d| Department { name: d.name.clone(), count: 0 }).collect();
        for a in positions.iter().filter_map(|&p| self.articles.get(p)) {
            if let Some(d) = departments.iter_mut().find(|d| d.name == a.department_short) {
                d.count += 1;
            }
        }
        departments
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Rc<Article>> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Splits the route's departments into a filter of known ones and the unknown rest.
    pub fn filter(&self, route: &Route) -> (Filter, Vec<String>) {
        let (known, unknown): (BTreeSet<String>, BTreeSet<String>) =
            route.departments.iter().cloned().partition(|d| self.departments.iter().any(|k| &k.name == d));
        (Filter { departments: known }, unknown.into_iter().collect())
    }

    /// The articles that fit the filter, in order.
    pub fn filtered<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Rc<Article>> + 'a {
        self.articles.iter().filter(move |a| filter.fits(a))
    }

    /// The articles before and after `id` among those that fit the filter. An article
    /// outside the filter has no neighbours.
    pub fn neighbours(&self, id: &str, filter: &Filter) -> (Option<&Rc<Article>>, Option<&Rc<Article>>) {
        let fitting: Vec<&Rc<Article>> = self.articles.iter().filter(|a| filter.fits(a)).collect();
        match fitting.iter().position(|a| a.id == id) {
            Some(i) => (i.checked_sub(1).map(|p| fitting[p]), fitting.get(i + 1).copied()),
            None => (None, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded;

    fn catalog() -> Catalog {
        Catalog::new(&embedded::library())
    }

    fn ids<'a>(articles: impl Iterator<Item = &'a Rc<Article>>) -> Vec<&'a str> {
        articles.map(|a| &*a.id).collect()
    }

    #[test]
    fn departments_with_counts_in_print_order() {
        let c = catalog();
        let names: Vec<(&str, usize)> = c.departments.iter().map(|d| (d.name.as_str(), d.count)).collect();
        assert_eq!(
            names,
            [
                ("区残联", 1),
                ("区商务局", 1),
                ("区司法局", 1),
                ("区招商局", 1),
                ("区住建局", 1),
                ("区教育局", 2),
                ("区人力社保局", 1),
                ("区财政局", 1),
                ("区民政局", 1)
            ]
        );
        assert_eq!(c.masthead.title, "各部门党委(党组)成员召开集中学习交流会（三）");
    }

    #[test]
    fn filter_keeps_known_departments_and_reports_unknown_ones() {
        let c = catalog();
        let route = Route::parse("#/?dept=区教育局&dept=区财政局&dept=区外交部");
        let (filter, unknown) = c.filter(&route);
        assert_eq!(unknown, ["区外交部"]);
        assert_eq!(ids(c.filtered(&filter)), ["3-06", "3-07", "3-09"]);
        assert_eq!(ids(c.filtered(&Filter::default())).len(), 10);
    }

    #[test]
    fn the_index_built_in_steps_equals_the_index_built_at_once() {
        let stepped = catalog();
        let mut steps = 0;
        while !stepped.index_step(3) {
            steps += 1;
        }
        assert_eq!(steps, 3, "10 articles, 3 at a time: done on the fourth step");
        let whole = Index::build(&catalog().articles);
        for q in ["残联", "jiaoyu", "谢建青 残疾人", "czj"] {
            let (a, b) = (stepped.index().search(q), whole.search(q));
            assert_eq!(
                a.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(),
                b.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(),
                "{q}"
            );
        }
        // A search in the middle of stepping finishes the build at once.
        let half = catalog();
        assert!(!half.index_step(4));
        assert_eq!(half.index().articles, 10);
        assert!(half.index_step(1), "nothing left to do");
    }

    #[test]
    fn department_counts_follow_a_search() {
        let c = catalog();
        let counts =
            |positions: &[usize]| -> Vec<usize> { c.departments_among(positions).iter().map(|d| d.count).collect() };
        // 3-06 and 3-07 are both 区教育局's; 3-09 is 区财政局's.
        assert_eq!(counts(&[5, 6, 8]), [0, 0, 0, 0, 0, 2, 0, 1, 0]);
        assert_eq!(counts(&[]), [0; 9], "no match: every department stays, with none");
        assert_eq!(counts(&(0..10).collect::<Vec<_>>()), c.departments.iter().map(|d| d.count).collect::<Vec<_>>());
        assert_eq!(counts(&[99]), [0; 9], "a position past the end counts nowhere");
        let hits = c.index().search_top("学校", 20, |_| true);
        let among = c.departments_among(&hits.matching);
        assert_eq!(among.iter().map(|d| d.count).sum::<usize>(), hits.total);
        assert_eq!(
            among.iter().map(|d| &d.name).collect::<Vec<_>>(),
            c.departments.iter().map(|d| &d.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn document_titles() {
        let c = catalog();
        assert_eq!(c.document_title(&View::List), "各部门党委(党组)成员召开集中学习交流会（三） · 拱墅区");
        assert_eq!(
            c.document_title(&View::Article("3-01".into())),
            "区残联 谢建青：各部门党委(党组)成员召开集中学习交流会（三） · 拱墅区"
        );
        assert_eq!(c.document_title(&View::Article("nope".into())), "未找到文章 · 拱墅区");
    }

    #[test]
    fn neighbours_within_the_filter() {
        let c = catalog();
        let (filter, _) = c.filter(&Route::parse("#/?dept=区教育局&dept=区财政局"));
        let pair = |id| {
            let (p, n) = c.neighbours(id, &filter);
            (p.map(|a| &*a.id), n.map(|a| &*a.id))
        };
        assert_eq!(pair("3-06"), (None, Some("3-07")));
        assert_eq!(pair("3-07"), (Some("3-06"), Some("3-09")));
        assert_eq!(pair("3-09"), (Some("3-07"), None));
        assert_eq!(pair("3-01"), (None, None));
        let (p, n) = c.neighbours("3-01", &Filter::default());
        assert_eq!((p.map(|a| &*a.id), n.map(|a| &*a.id)), (None, Some("3-02")));
    }
}
