//! Lookup in the content at hand, ordered once each time it grows: the pages of the series
//! (at hand or not), the articles in order, the departments with their article counts, the
//! filter a route asks for (a page, or every page, and departments), counts within it,
//! neighbours, and the pages a route needs that are not at hand yet. What a screen makes of
//! it is `view`'s; the search index's life is `indexing`'s, fetching pages `use_archive`'s.
//! Pure: no web crates, tested natively.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::content::bundle::SearchIndex;
use crate::content::model::{Insight, List};
use crate::content::{Article, Byline, Entry, Library};
use crate::route::{PageChoice, Route, View};
use crate::search::SHOWN_RESULTS;

/// How many pages the list of every page shows without a query, newest first, and how
/// many more each 显示更早的期次 adds: a series of hundreds is browsed a few pages at a
/// time, each fetched when it is shown, not all at once.
pub const PAGES_AT_ONCE: usize = 3;

/// A department in the filter bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Department {
    /// The canonical short name, e.g. "区教育局".
    pub name: String,
    /// How many articles it has (in the page shown; of the search's matches while searching).
    pub count: usize,
}

/// One page of the series, as the reader names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesPage {
    /// Its number in the series.
    pub number: u32,
    /// "第三期".
    pub label: String,
    /// The campaign title printed above the page title.
    pub campaign: String,
    /// The page title as printed.
    pub title: String,
    /// The page title without its number.
    pub series_title: String,
    /// How many articles it has.
    pub articles: usize,
}

/// The articles, pages and departments of the embedded content.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The pages, by number: the newest is the last.
    pub pages: Vec<SeriesPage>,
    /// Articles in page order, then print order.
    pub articles: Vec<Rc<Article>>,
    /// The page number of each article in `articles`.
    page_numbers: Vec<u32>,
    /// The numbers of the pages whose articles are all at hand, ascending (looked up on
    /// every render).
    held: Vec<u32>,
    /// Whether every page of the series is at hand.
    complete: bool,
    /// Departments in order of first appearance.
    pub departments: Vec<Department>,
    /// What the build derived for the articles (keywords, related articles).
    insights: List<Insight>,
    /// Articles on pages not at hand that those at hand are related to.
    bylines: List<Byline>,
    /// Where the pages not at hand are (none: every page is at hand).
    series: List<Entry>,
    /// The series' sharded search index.
    index: SearchIndex,
    /// The number in the series of each page's first article, in page order.
    starts: Vec<u32>,
}

impl PartialEq for Catalog {
    /// Departments and insights are derived from the pages, so comparing them suffices.
    fn eq(&self, other: &Catalog) -> bool {
        self.pages == other.pages && self.articles == other.articles && self.page_numbers == other.page_numbers
    }
}

/// What the list shows: one page or every page, and the department filter within it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// The page shown; `None`: every page.
    pub page: Option<u32>,
    /// Selected short department names (only known ones); empty means all.
    pub departments: BTreeSet<String>,
}

impl Filter {
    /// Whether an article of `department` passes the department filter.
    pub fn fits_department(&self, department: &str) -> bool {
        self.departments.is_empty() || self.departments.contains(department)
    }
}

/// What a link asked for that the content does not have.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unknown {
    /// A page number no page has.
    pub page: Option<u32>,
    /// Departments no article has.
    pub departments: Vec<String>,
}

/// A page in the page selector, with its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCount {
    /// The page's number.
    pub number: u32,
    /// "第三期".
    pub label: String,
    /// Its articles in the department filter (of the search's matches while searching);
    /// unknown for a page not at hand, unless it is the catalogue's count of its articles.
    pub count: Option<usize>,
}

impl Catalog {
    /// Builds the catalog from the content at hand.
    pub fn new(library: &Library) -> Catalog {
        let mut pages: Vec<&crate::content::Page> = library.pages.iter().collect();
        pages.sort_by_key(|p| p.number);
        let at_hand: Vec<(u32, usize)> = pages.iter().map(|p| (p.number, p.articles.len())).collect();
        let (mut articles, mut page_numbers) = (Vec::new(), Vec::new());
        for p in &pages {
            articles.extend(p.articles.iter().cloned().map(Rc::new));
            page_numbers.resize(articles.len(), p.number);
        }
        let departments: Vec<Department> = crate::content::departments(articles.iter().map(|a| &**a))
            .into_iter()
            .map(|(name, count)| Department { name: name.to_owned(), count: count as usize })
            .collect();
        let series_page = |p: &crate::content::Page, articles: usize| SeriesPage {
            number: p.number,
            label: p.label(),
            campaign: p.campaign.to_string(),
            title: p.title.to_string(),
            series_title: p.series_title().to_owned(),
            articles,
        };
        let pages: Vec<SeriesPage> = match library.series.is_empty() {
            true => pages.iter().map(|p| series_page(p, p.articles.len())).collect(),
            false => {
                let mut entries: Vec<&Entry> = library.series.iter().collect();
                crate::search::sort_by(&mut entries, |a, b| a.number.cmp(&b.number));
                // A page not at hand is named by its entry until its file comes (which has its
                // title): the series' campaign and title are those of the pages at hand.
                let known = pages.first();
                let campaign = known.map(|p| p.campaign.to_string()).unwrap_or_default();
                let series_title = known.map(|p| p.series_title().to_owned()).unwrap_or_default();
                let named = |e: &Entry| SeriesPage {
                    number: e.number,
                    label: e.label(),
                    campaign: campaign.clone(),
                    title: e.label(),
                    series_title: series_title.clone(),
                    articles: e.articles as usize,
                };
                let own = |e: &Entry| pages.iter().find(|p| p.number == e.number);
                entries
                    .into_iter()
                    .map(|e| own(e).map_or_else(|| named(e), |p| series_page(p, e.articles as usize)))
                    .collect()
            }
        };
        // A page is at hand when all its articles are: a search across the archive fetches
        // some articles of a page, not all.
        let held: Vec<u32> = at_hand
            .iter()
            .filter(|&&(n, count)| pages.iter().find(|p| p.number == n).is_none_or(|p| p.articles == count))
            .map(|&(n, _)| n)
            .collect();
        let complete = pages.iter().all(|p| p.articles == 0 || held.binary_search(&p.number).is_ok());
        let starts: Vec<u32> = pages
            .iter()
            .scan(0u32, |first, p| {
                let at = *first;
                *first += p.articles as u32;
                Some(at)
            })
            .collect();
        Catalog {
            pages,
            articles,
            page_numbers,
            held,
            complete,
            departments,
            insights: library.insights.clone(),
            bylines: library.bylines.clone(),
            series: library.series.clone(),
            index: library.index.clone(),
            starts,
        }
    }

    /// The series' sharded search index (its `dir` empty: none).
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The page of the article numbered `n` in the series (pages in order, then articles),
    /// as the sharded index numbers them.
    pub fn page_holding(&self, n: u32) -> Option<u32> {
        let after = self.starts.partition_point(|&first| first <= n);
        let page = self.pages.get(after.checked_sub(1)?)?;
        (n < self.starts[after - 1] + page.articles as u32).then_some(page.number)
    }

    /// Whether the page with this number has its articles at hand.
    pub fn at_hand(&self, number: u32) -> bool {
        self.held.binary_search(&number).is_ok() || self.page(number).is_some_and(|p| p.articles == 0)
    }

    /// Whether every page of the series is at hand.
    pub fn complete(&self) -> bool {
        self.complete
    }

    /// Where the file of a page not at hand is, and what it must be.
    pub fn entry(&self, number: u32) -> Option<&Entry> {
        self.series.iter().find(|e| e.number == number)
    }

    /// The pages the list of every page shows without a query, newest first, while the
    /// list shows `shown` search results (`use_paging`: a page of results for each step):
    /// [`PAGES_AT_ONCE`] for each step.
    pub fn browsed(&self, shown: usize) -> Vec<u32> {
        let pages = shown.div_ceil(SHOWN_RESULTS).max(1) * PAGES_AT_ONCE;
        self.pages.iter().rev().take(pages).map(|p| p.number).collect()
    }

    /// Whether the list of every page within `filter`, held to departments without a query,
    /// shows their statements newest first, [`SHOWN_RESULTS`] more a step, each fetched
    /// through the sharded index (`across::department_statements`), rather than the newest
    /// pages: a department has a statement or two a page, so three pages a step would show
    /// three cards or so.
    pub fn lists_departments(&self, filter: &Filter, searching: bool) -> bool {
        !searching && filter.page.is_none() && !filter.departments.is_empty() && !self.index.dir.is_empty()
    }

    /// The pages `route` shows that are not at hand, `shown` search results shown: the page
    /// of an article not at hand (by its id, `4-01`), the page a list shows, the pages the
    /// list of every page shows (`browsed`; none held to departments, `lists_departments`),
    /// or every page (searching them all where the series has no sharded index). Pages the
    /// series does not have are not asked for.
    pub fn missing(&self, route: &Route, shown: usize) -> Vec<u32> {
        let wanted: Vec<u32> = match &route.view {
            View::Article(id) if self.position(id).is_none() => {
                id.split_once('-').and_then(|(n, _)| n.parse().ok()).into_iter().collect()
            }
            View::Article(_) => Vec::new(),
            View::List => match self.filter(route).0 {
                Filter { page: Some(n), .. } => vec![n],
                // Held to departments, their statements come one by one (`across`).
                f if self.lists_departments(&f, route.is_searching()) => Vec::new(),
                // Through the sharded index, a search fetches what its query needs
                // (`across`), not every page.
                _ if route.is_searching() && !self.index.dir.is_empty() => Vec::new(),
                _ if route.is_searching() => self.pages.iter().map(|p| p.number).collect(),
                _ => self.browsed(shown),
            },
        };
        wanted.into_iter().filter(|&n| self.entry(n).is_some() && !self.at_hand(n)).collect()
    }

    /// How many articles the series has, at hand or not.
    pub fn total(&self) -> usize {
        self.pages.iter().map(|p| p.articles).sum()
    }

    /// The byline of an article on a page not at hand that one at hand is related to.
    pub fn byline(&self, id: &str) -> Option<&Byline> {
        self.bylines.iter().find(|b| b.id == id)
    }

    /// The page with this number (the pages are in order: a search asks of thousands of
    /// candidates' pages).
    pub fn page(&self, number: u32) -> Option<&SeriesPage> {
        self.pages.binary_search_by_key(&number, |p| p.number).ok().map(|i| &self.pages[i])
    }

    /// The number of the page of the article at `position`.
    pub fn page_number_of(&self, position: usize) -> Option<u32> {
        self.page_numbers.get(position).copied()
    }

    /// The page of the article at `position`.
    pub fn page_of(&self, position: usize) -> Option<&SeriesPage> {
        self.page_numbers.get(position).and_then(|&n| self.page(n))
    }

    /// The page label to show with the article at `position`: none while there is only
    /// one page, which the masthead names already.
    pub fn label_of(&self, position: usize) -> Option<&str> {
        (self.pages.len() > 1).then(|| self.page_of(position).map(|p| p.label.as_str())).flatten()
    }

    /// The position of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// What the build derived for the article with this id.
    pub fn insight(&self, id: &str) -> Option<&Insight> {
        self.insights.iter().find(|i| i.id == id)
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Rc<Article>> {
        self.position(id).map(|p| &self.articles[p])
    }

    /// Whether the article at `position` passes `filter`.
    pub fn fits(&self, filter: &Filter, position: usize) -> bool {
        filter.page.is_none_or(|n| self.page_numbers.get(position) == Some(&n))
            && self.articles.get(position).is_some_and(|a| filter.fits_department(&a.department_short))
    }

    /// The filter a route asks for, and what it names that the content lacks. The page:
    /// the one asked for; else, by default, the newest page to browse, or every page to
    /// search (an unknown page number falls back to that default). With a single page,
    /// every page is that one.
    pub fn filter(&self, route: &Route) -> (Filter, Unknown) {
        // Until every page is at hand, a department may be on one that is not: kept, unless
        // the index names the series' departments.
        let series = &self.index.departments;
        let known = |d: &String| {
            self.departments.iter().any(|k| &k.name == d)
                || (!self.complete() && (series.is_empty() || series.iter().any(|k| k == d)))
        };
        let (known, unknown): (BTreeSet<String>, BTreeSet<String>) = route.departments.iter().cloned().partition(known);
        let unknown_page = match route.page {
            Some(PageChoice::Number(n)) if self.page(n).is_none() => Some(n),
            _ => None,
        };
        let newest = self.pages.last().map(|p| p.number);
        let page = match route.page {
            _ if self.pages.len() == 1 => newest,
            Some(PageChoice::Number(n)) if unknown_page.is_none() => Some(n),
            Some(PageChoice::All) => None,
            _ if !route.is_searching() => newest,
            _ => None,
        };
        (
            Filter { page, departments: known },
            Unknown { page: unknown_page, departments: unknown.into_iter().collect() },
        )
    }

    /// The positions of the articles that fit the filter, in order.
    pub fn filtered<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = usize> + 'a {
        (0..self.articles.len()).filter(move |&p| self.fits(filter, p))
    }

    /// The departments for the filter bar: every department with an article on the page
    /// shown (or a place in the filter), counting those articles, or only the ones at
    /// `counted` (a search's matches) when given. A department with none keeps its place
    /// with a count of 0. Every page of a series not all at hand: every department of the
    /// series (`series_departments`).
    pub fn departments_for(&self, filter: &Filter, counted: Option<&[usize]>) -> Vec<Department> {
        if self.counts_series(filter) {
            return self.series_departments(counted);
        }
        // One pass over the articles on the page: each department's articles there, and
        // (searching) its matches among them.
        let on_page = |p: usize| filter.page.is_none_or(|n| self.page_numbers[p] == n);
        let department_of =
            |p: usize| self.departments.iter().position(|d| d.name == self.articles[p].department_short);
        let mut present = vec![0; self.departments.len()];
        for i in (0..self.articles.len()).filter(|&p| on_page(p)).filter_map(department_of) {
            present[i] += 1;
        }
        let counts = match counted {
            None => present.clone(),
            Some(c) => {
                let mut counts = vec![0; self.departments.len()];
                let matches = c.iter().copied().filter(|&p| p < self.articles.len() && on_page(p));
                for i in matches.filter_map(department_of) {
                    counts[i] += 1;
                }
                counts
            }
        };
        self.departments
            .iter()
            .enumerate()
            .filter(|(i, d)| present[*i] > 0 || filter.departments.contains(&d.name))
            .map(|(i, d)| Department { name: d.name.clone(), count: counts[i] })
            .collect()
    }

    /// Whether the list within `filter` counts the whole series: every page of a series not
    /// all at hand whose index names its departments (its filter offers them all).
    pub fn counts_series(&self, filter: &Filter) -> bool {
        filter.page.is_none() && !self.complete() && !self.index.departments.is_empty()
    }

    /// Every department of a series not all at hand, as its index names them: each with its
    /// statements in the series, or its matches among those at `counted`.
    fn series_departments(&self, counted: Option<&[usize]>) -> Vec<Department> {
        let index = &self.index;
        let matches = |name: &str| {
            let at = |p: &&usize| self.articles.get(**p).is_some_and(|a| a.department_short == name);
            counted.map(|c| c.iter().filter(at).count())
        };
        let departments = index.departments.iter().zip(&index.statements);
        departments
            .map(|(name, &n)| Department { name: name.to_string(), count: matches(name).unwrap_or(n as usize) })
            .collect()
    }

    /// Every page with its count of articles in the department filter (of those at
    /// `counted`, a search's matches, when given); empty while there is only one page. A
    /// page not at hand has the catalogue's count of its articles when that is the count
    /// asked for, its matches at hand when the search knows it has no others (`searched`:
    /// the sharded index names no other candidate there; ascending), and none otherwise
    /// (not 0: its articles have not been looked at).
    pub fn pages_for(&self, filter: &Filter, counted: Option<&[usize]>, searched: &[u32]) -> Vec<PageCount> {
        if self.pages.len() < 2 {
            return Vec::new();
        }
        let whole = counted.is_none() && filter.departments.is_empty();
        let mut pages: Vec<PageCount> = self
            .pages
            .iter()
            .map(|p| {
                let known = counted.is_some() && searched.binary_search(&p.number).is_ok();
                let count = match self.held.binary_search(&p.number).is_ok() || known {
                    true => Some(0),
                    false => whole.then_some(p.articles),
                };
                PageCount { number: p.number, label: p.label.clone(), count }
            })
            .collect();
        let fits = |p: usize| self.articles.get(p).is_some_and(|a| filter.fits_department(&a.department_short));
        let mut count = |p: usize| {
            let at = self.page_numbers.get(p).and_then(|n| pages.binary_search_by_key(n, |page| page.number).ok());
            if let Some(page) = at.map(|i| &mut pages[i]) {
                page.count = page.count.map(|n| n + 1);
            }
        };
        match counted {
            Some(c) => c.iter().copied().filter(|&p| fits(p)).for_each(&mut count),
            None => (0..self.articles.len()).filter(|&p| fits(p)).for_each(&mut count),
        }
        pages
    }

    /// The articles before and after `id` on its own page among those that fit the
    /// department filter. An article outside the filter has no neighbours.
    pub fn neighbours(&self, id: &str, filter: &Filter) -> (Option<&Rc<Article>>, Option<&Rc<Article>>) {
        let Some(position) = self.position(id) else { return (None, None) };
        let own = Filter { page: self.page_numbers.get(position).copied(), departments: filter.departments.clone() };
        let fitting: Vec<usize> = self.filtered(&own).collect();
        match fitting.iter().position(|&p| p == position) {
            Some(i) => {
                (i.checked_sub(1).map(|p| &self.articles[fitting[p]]), fitting.get(i + 1).map(|&p| &self.articles[p]))
            }
            None => (None, None),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::content::{embedded, Page};
    use crate::search::Index;

    /// The real page 3.
    pub(crate) fn one_page() -> Catalog {
        Catalog::new(&embedded::third_page())
    }

    /// The real page and a second one made of its articles 6 to 10 as page 4 (ids
    /// 4-01 to 4-05), listed newest first to show that the catalog orders pages itself.
    pub(crate) fn two_pages() -> Catalog {
        Catalog::new(&two_pages_library())
    }

    pub(crate) fn two_pages_library() -> Library {
        let real = embedded::third_page().pages[0].clone();
        let articles: Vec<Article> = real.articles[5..]
            .iter()
            .enumerate()
            .map(|(i, a)| Article { id: format!("4-{:02}", i + 1).into(), ..a.clone() })
            .collect();
        let fourth = Page {
            number: 4,
            title: real.title.replace("（三）", "（四）").into(),
            articles: articles.into(),
            ..real.clone()
        };
        Library { pages: vec![fourth, real].into(), ..Library::default() }
    }

    /// The same series as its list's page carries it: page 4 at hand, page 3 a catalogue entry.
    pub(crate) fn fourth_at_hand() -> Catalog {
        use reader_core::content::bundle::{site_files, Bundle};
        let both = two_pages_library();
        let (_, series) = site_files(&both);
        let bundle = Bundle::carrying(&both, &[4], Default::default(), series);
        Catalog::new(&bundle.into_parts().unwrap().0)
    }

    /// Pages 3 to `newest`, each page 3's articles renumbered, as the list of the newest
    /// carries them (only that page at hand).
    pub(crate) fn long_series(newest: u32) -> Catalog {
        Catalog::new(&long_series_library(newest, &[newest]))
    }

    /// Pages 3 to `newest` as [`long_series`] makes them, the pages `at_hand` at hand.
    pub(crate) fn long_series_library(newest: u32, at_hand: &[u32]) -> Library {
        use reader_core::content::bundle::{site_files, Bundle};
        let real = embedded::third_page().pages[0].clone();
        let page = |n: u32| Page {
            number: n,
            title: real.title.replace("（三）", &format!("（{n}）")).into(),
            articles: real
                .articles
                .iter()
                .map(|a| Article { id: format!("{n}-{}", &a.id[2..]).into(), ..a.clone() })
                .collect::<Vec<_>>()
                .into(),
            ..real.clone()
        };
        let all = Library { pages: (3..=newest).map(page).collect::<Vec<_>>().into(), ..Library::default() };
        let (_, series) = site_files(&all);
        Bundle::carrying(&all, at_hand, Default::default(), series).into_parts().unwrap().0
    }

    #[test]
    fn the_list_of_every_page_is_browsed_a_few_pages_at_a_time_newest_first() {
        let c = long_series(10);
        assert_eq!(c.browsed(SHOWN_RESULTS), [10, 9, 8]);
        assert_eq!(c.browsed(2 * SHOWN_RESULTS), [10, 9, 8, 7, 6, 5], "a step more: three pages more");
        assert_eq!(c.browsed(100 * SHOWN_RESULTS), [10, 9, 8, 7, 6, 5, 4, 3], "no more than there are");
        let missing = |hash: &str, shown: usize| c.missing(&Route::parse(hash), shown);
        assert_eq!(missing("#/?page=all", SHOWN_RESULTS), [9, 8], "the ones shown, not every page");
        assert_eq!(missing("#/?page=all&dept=区教育局", 2 * SHOWN_RESULTS), [9, 8, 7, 6, 5]);
        assert_eq!(missing("#/", 3 * SHOWN_RESULTS), [] as [u32; 0], "the newest page's list is one page");
    }

    #[test]
    fn a_page_not_at_hand_is_listed_counted_and_asked_for_when_a_route_needs_it() {
        let c = fourth_at_hand();
        assert_eq!(c.pages.iter().map(|p| (p.number, p.articles)).collect::<Vec<_>>(), [(3, 10), (4, 5)]);
        assert_eq!((c.articles.len(), c.total()), (5, 15));
        assert!(c.at_hand(4) && !c.at_hand(3) && !c.complete());
        let missing = |hash: &str| c.missing(&Route::parse(hash), SHOWN_RESULTS);
        assert_eq!(missing("#/"), [] as [u32; 0], "the newest page is at hand");
        assert_eq!(missing("#/a/4-02"), [] as [u32; 0]);
        assert_eq!(missing("#/?page=3"), [3]);
        assert_eq!(missing("#/?q=学校"), [3], "a search spans every page");
        assert_eq!(missing("#/?page=4&q=学校"), [] as [u32; 0]);
        assert_eq!(missing("#/?page=all"), [3]);
        assert_eq!(missing("#/a/3-01"), [3]);
        assert_eq!(missing("#/a/9-01"), [] as [u32; 0], "no page 9 to fetch");
        assert_eq!(missing("#/a/x"), [] as [u32; 0]);
        assert_eq!(c.entry(3).map(|e| e.articles), Some(10));
        let (third, fourth) = (&c.pages[0], &c.pages[1]);
        assert_eq!(
            (third.label.as_str(), third.title.as_str(), third.campaign.as_str(), third.series_title.as_str()),
            ("第三期", "第三期", &*fourth.campaign, &*fourth.series_title),
            "named by its entry, the series' titles of the page at hand, until its file comes"
        );
        let pages = c.pages_for(&c.filter(&Route::default()).0, None, &[]);
        assert_eq!(
            pages.iter().map(|p| p.count).collect::<Vec<_>>(),
            [Some(10), Some(5)],
            "page 3 counted by its entry"
        );
        let hits = Index::build(&c.articles).search_top("学校", 50, |_| true);
        let (searching, _) = c.filter(&Route::parse("#/?q=学校"));
        let among = c.pages_for(&searching, Some(&hits.matching), &[]);
        assert_eq!(
            among.iter().map(|p| p.count).collect::<Vec<_>>(),
            [None, Some(hits.matching.len())],
            "page 3 not searched"
        );
        let (education, _) = c.filter(&Route::parse("#/?dept=区教育局"));
        assert_eq!(c.pages_for(&education, None, &[])[0].count, None, "page 3's articles in a department: not known");
        let (filter, unknown) = c.filter(&Route::parse("#/?dept=区残联"));
        assert!(filter.departments.contains("区残联") && unknown.departments.is_empty(), "区残联 may be on page 3");
        let whole = Catalog::new(&two_pages_library());
        assert!(whole.complete() && whole.missing(&Route::parse("#/?page=all"), SHOWN_RESULTS).is_empty());
    }

    fn ids(c: &Catalog, positions: impl Iterator<Item = usize>) -> Vec<String> {
        positions.map(|p| c.articles[p].id.to_string()).collect()
    }

    fn counts(departments: &[Department]) -> Vec<(&str, usize)> {
        departments.iter().map(|d| (d.name.as_str(), d.count)).collect()
    }

    #[test]
    fn departments_with_counts_in_print_order() {
        let c = one_page();
        assert_eq!(
            counts(&c.departments),
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
        assert_eq!(c.pages.len(), 1);
        assert_eq!(c.label_of(0), None, "one page: cards need no label");
        assert!(c.pages_for(&Filter::default(), None, &[]).is_empty(), "one page: no page selector");
    }

    #[test]
    fn filter_keeps_known_departments_and_reports_unknown_ones() {
        let c = one_page();
        let route = Route::parse("#/?dept=区教育局&dept=区财政局&dept=区外交部&page=9");
        let (filter, unknown) = c.filter(&route);
        assert_eq!(unknown, Unknown { page: Some(9), departments: vec!["区外交部".into()] });
        assert_eq!(ids(&c, c.filtered(&filter)), ["3-06", "3-07", "3-09"]);
        assert_eq!(c.filtered(&Filter::default()).count(), 10);
        assert_eq!(c.filter(&Route::parse("#/?page=all")).0.page, Some(3), "one page is every page");
    }

    #[test]
    fn pages_ordered_with_the_newest_shown_by_default_and_every_page_searched() {
        let c = two_pages();
        let numbers: Vec<u32> = c.pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [3, 4]);
        assert_eq!(c.articles.len(), 15);
        assert_eq!((&*c.articles[10].id, c.page_of(10).map(|p| p.number)), ("4-01", Some(4)));
        assert_eq!(c.label_of(0), Some("第三期"));
        let page = |hash: &str| c.filter(&Route::parse(hash)).0.page;
        assert_eq!(page("#/"), Some(4), "browsing: the newest page");
        assert_eq!(page("#/?q=学校"), None, "searching: every page");
        assert_eq!(page("#/?q=%20"), Some(4), "a blank query is no search");
        assert_eq!(page("#/?page=3&q=学校"), Some(3), "a chosen page holds while searching");
        assert_eq!(page("#/?page=all"), None);
        assert_eq!(
            c.filter(&Route::parse("#/?page=7")),
            (Filter { page: Some(4), ..Filter::default() }, Unknown { page: Some(7), departments: vec![] })
        );
        let (filter, _) = c.filter(&Route::parse("#/?dept=区教育局"));
        assert_eq!(ids(&c, c.filtered(&filter)), ["4-01", "4-02"]);
        let (all, _) = c.filter(&Route::parse("#/?page=all&dept=区教育局"));
        assert_eq!(ids(&c, c.filtered(&all)), ["3-06", "3-07", "4-01", "4-02"]);
    }

    #[test]
    fn counts_across_pages_and_within_one() {
        let c = two_pages();
        let (page4, _) = c.filter(&Route::parse("#/?page=4&dept=区残联"));
        assert_eq!(
            counts(&c.departments_for(&page4, None)),
            [("区残联", 0), ("区教育局", 2), ("区人力社保局", 1), ("区财政局", 1), ("区民政局", 1)],
            "page 4's departments, and the selected one it lacks"
        );
        let pages = c.pages_for(&page4, None, &[]);
        let pages: Vec<(&str, Option<usize>)> = pages.iter().map(|p| (p.label.as_str(), p.count)).collect();
        assert_eq!(pages, [("第三期", Some(1)), ("第四期", Some(0))], "page counts follow the department filter");
        let (all, _) = c.filter(&Route::parse("#/?page=all"));
        assert_eq!(c.departments_for(&all, None).iter().map(|d| d.count).sum::<usize>(), 15);
        let hits = Index::build(&c.articles).search_top("学校", 50, |_| true);
        let (searching, _) = c.filter(&Route::parse("#/?q=学校"));
        let among = c.pages_for(&searching, Some(&hits.matching), &[]);
        assert_eq!(among.iter().filter_map(|p| p.count).sum::<usize>(), hits.matching.len());
        assert!(among.iter().all(|p| p.count > Some(0)), "学校 is on both pages: {among:?}");
    }

    #[test]
    fn department_counts_follow_a_search() {
        let c = one_page();
        let all = Filter::default();
        let counts = |positions: &[usize]| -> Vec<usize> {
            c.departments_for(&all, Some(positions)).iter().map(|d| d.count).collect()
        };
        // 3-06 and 3-07 are both 区教育局's; 3-09 is 区财政局's.
        assert_eq!(counts(&[5, 6, 8]), [0, 0, 0, 0, 0, 2, 0, 1, 0]);
        assert_eq!(counts(&[]), [0; 9], "no match: every department stays, with none");
        assert_eq!(counts(&(0..10).collect::<Vec<_>>()), c.departments.iter().map(|d| d.count).collect::<Vec<_>>());
        assert_eq!(counts(&[99]), [0; 9], "a position past the end counts nowhere");
        let hits = Index::build(&c.articles).search_top("学校", 20, |_| true);
        let among = c.departments_for(&all, Some(&hits.matching));
        assert_eq!(among.iter().map(|d| d.count).sum::<usize>(), hits.total);
        assert_eq!(
            among.iter().map(|d| &d.name).collect::<Vec<_>>(),
            c.departments.iter().map(|d| &d.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn neighbours_within_the_page_and_the_filter() {
        let c = one_page();
        let (filter, _) = c.filter(&Route::parse("#/?dept=区教育局&dept=区财政局"));
        let pair = |c: &Catalog, id, filter: &Filter| {
            let (p, n) = c.neighbours(id, filter);
            (p.map(|a| a.id.to_string()), n.map(|a| a.id.to_string()))
        };
        let s = |id: &str| Some(id.to_owned());
        assert_eq!(pair(&c, "3-06", &filter), (None, s("3-07")));
        assert_eq!(pair(&c, "3-07", &filter), (s("3-06"), s("3-09")));
        assert_eq!(pair(&c, "3-09", &filter), (s("3-07"), None));
        assert_eq!(pair(&c, "3-01", &filter), (None, None));
        assert_eq!(pair(&c, "3-01", &Filter::default()), (None, s("3-02")));
        let c = two_pages();
        let all = Filter::default();
        assert_eq!(pair(&c, "3-10", &all), (s("3-09"), None), "the pager stays on the page");
        assert_eq!(pair(&c, "4-01", &all), (None, s("4-02")));
        let other_page = Filter { page: Some(3), ..Filter::default() };
        assert_eq!(pair(&c, "4-02", &other_page), (s("4-01"), s("4-03")), "an article's own page, whatever the list's");
    }
}
