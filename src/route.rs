//! The URL hash as the single source of truth for what the reader shows: the view, the
//! page of the series, the department filter and the search query; and the paths of the
//! pre-rendered pages. Pure: parses and formats strings only.
//!
//! | hash                              | view            | page of the series | departments          | query |
//! |-----------------------------------|-----------------|--------------------|----------------------|-------|
//! | `` or `#/`                        | list            | (the default)      | all                  |       |
//! | `#/?page=4`                       | list            | 4                  | all                  |       |
//! | `#/?page=all&dept=区教育局`       | list            | every page         | 区教育局             |       |
//! | `#/?dept=区教育局&dept=区财政局`  | list            | (the default)      | 区教育局, 区财政局   |       |
//! | `#/a/3-01?dept=区教育局`          | article `3-01`  | (the default)      | 区教育局             |       |
//! | `#/?q=残联`                       | list            | (the default)      | all                  | 残联  |
//! | `#/nonsense`                      | list            | (the default)      | all                  |       |
//!
//! Which page the default means (the newest, or every page while searching) is the
//! catalog's business (`Catalog::filter`): the route only records what the URL says.
//!
//! Values are percent-encoded UTF-8 when written; reading accepts raw or encoded text and
//! keeps malformed escapes literally, so no hash can fail to parse. Reading also bounds
//! every value and drops control and bidi-override characters, which could only disguise
//! what a link shows; [`Route::canonical`] says when the address bar should be rewritten.

use std::collections::BTreeSet;

/// Longest query kept from a URL, in characters: a pasted novel is cut, not processed. The
/// search's own limit, so what the URL keeps is exactly what is searched.
pub use crate::search::query::MAX_QUERY_CHARS;
/// Longest article id kept from a URL; real ids are a few characters.
const MAX_ID_CHARS: usize = 100;
/// Most departments kept from a URL; more can only be noise.
const MAX_DEPARTMENTS: usize = 64;
/// Longest department name kept from a URL; real ones are under 20 characters.
const MAX_DEPARTMENT_CHARS: usize = 50;

/// Whether `query` asks for a search: it is not only spaces.
pub fn is_search(query: &str) -> bool {
    !query.trim().is_empty()
}

/// Which screen the reader shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum View {
    /// The article cards.
    #[default]
    List,
    /// One article, by id (which may be unknown: the app shows "not found").
    Article(String),
}

/// A page of the series the URL asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageChoice {
    /// The page with this number (which may be unknown: the catalog falls back).
    Number(u32),
    /// Every page.
    All,
}

/// Everything the URL says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    /// The screen.
    pub view: View,
    /// The page of the series the list shows; `None`: the default.
    pub page: Option<PageChoice>,
    /// Selected short department names; empty means all.
    pub departments: BTreeSet<String>,
    /// The search query as typed.
    pub query: String,
}

impl Route {
    /// Whether the route asks for a search: a query that is not only spaces.
    pub fn is_searching(&self) -> bool {
        is_search(&self.query)
    }

    /// Parses a location hash (with or without the leading `#`). Never fails.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, params) = hash.split_once('?').unwrap_or((hash, ""));
        let path = decode(path);
        let view = match path.trim_start_matches('/').split_once('/') {
            // An id that is empty once cleaned (`#/a//`, only control characters) is no id.
            Some(("a", id)) => Some(clean(id.trim_end_matches('/'), MAX_ID_CHARS))
                .filter(|id| !id.is_empty())
                .map_or(View::List, View::Article),
            _ => View::List,
        };
        let mut route = Route { view, ..Route::default() };
        for pair in params.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "dept" => {
                    for dept in value.split(',').map(|d| clean(d, MAX_DEPARTMENT_CHARS)) {
                        let dept = dept.trim();
                        if !dept.is_empty() && route.departments.len() < MAX_DEPARTMENTS {
                            route.departments.insert(dept.to_owned());
                        }
                    }
                }
                "q" => route.query = clean(&value, MAX_QUERY_CHARS),
                "page" => route.page = parse_page(&value),
                _ => {}
            }
        }
        route
    }

    /// Formats the route as a hash, `#/…`, that [`Route::parse`] reads back unchanged.
    pub fn to_hash(&self) -> String {
        let mut out = match &self.view {
            View::List => "#/".to_owned(),
            View::Article(id) => format!("#/a/{}", encode(id)),
        };
        let page = self.page.map(|p| format!("page={}", page_segment(p)));
        let departments = self.departments.iter().map(|d| format!("dept={}", encode(d)));
        let mut params: Vec<String> = page.into_iter().chain(departments).collect();
        if !self.query.is_empty() {
            params.push(format!("q={}", encode(&self.query)));
        }
        if !params.is_empty() {
            out.push('?');
            out.push_str(&params.join("&"));
        }
        out
    }

    /// The hash to put in the address bar instead of `hash`, when `hash` says more than
    /// the route it parses to (unknown parameters, over-long or invisible text, a path
    /// that is no view). `None` when only the percent-encoding differs, so a link is never
    /// rewritten for style alone.
    pub fn canonical(hash: &str) -> Option<String> {
        let canonical = Route::parse(hash).to_hash();
        let given = decode(hash.strip_prefix('#').unwrap_or(hash));
        let given = given.trim_end_matches('/');
        let want = decode(&canonical[1..]);
        // An empty hash is the list too; leave a bare URL bare.
        (given != want.trim_end_matches('/') && !given.is_empty()).then_some(canonical)
    }

    /// The route a pre-rendered page's path stands for when its URL has no hash:
    /// `…/a/<id>/` (or `…/a/<id>/index.html`) is that article, `…/p/<number>/` and
    /// `…/p/all/` a page's list and every page's, anything else the list.
    pub fn from_path(path: &str) -> Route {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let mut segments = path.trim_end_matches('/').rsplit('/');
        match (segments.next(), segments.next()) {
            (Some(id), Some("a")) => Route::parse(&format!("#/a/{id}")),
            (Some(page), Some("p")) => Route { page: parse_page(page), ..Route::default() },
            _ => Route::default(),
        }
    }

    /// The route the page at `path` with `hash` shows: the hash when it is a route
    /// (`#/…`, `#?…`), else the path. An in-page anchor such as the skip link's `#main`
    /// is no route, so it never turns a pre-rendered article into the list.
    pub fn locate(path: &str, hash: &str) -> Route {
        if is_route_hash(hash) {
            Route::parse(hash)
        } else {
            Route::from_path(path)
        }
    }

    /// The hash to put in the address bar of the page at `path` instead of `hash`, if
    /// any: a route hash in its canonical form ([`Route::canonical`]); no hash, or an
    /// in-page anchor (`is_anchor`, e.g. the skip link's `#main`), left alone; any other
    /// junk replaced by the page's own route.
    pub fn tidy(path: &str, hash: &str, is_anchor: impl Fn(&str) -> bool) -> Option<String> {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        if is_route_hash(hash) {
            Route::canonical(hash)
        } else if h.is_empty() || is_anchor(h) {
            None
        } else {
            Some(Route::from_path(path).to_hash())
        }
    }

    /// A link to this view's pre-rendered page, relative to a page `depth` directories
    /// below the site root: what links are when JavaScript never runs. Filters and
    /// queries need the app, so they are not part of it.
    pub fn to_static_href(&self, depth: usize) -> String {
        let up = "../".repeat(depth);
        match (&self.view, self.page) {
            (View::List, Some(page)) => format!("{up}p/{}/", page_segment(page)),
            (View::List, None) if depth == 0 => "./".to_owned(),
            (View::List, None) => up,
            (View::Article(id), _) => format!("{up}a/{}/", encode(id)),
        }
    }

    /// The list of page `page` (or every page), keeping filter and query.
    pub fn on_page(&self, page: PageChoice) -> Route {
        Route { view: View::List, page: Some(page), ..self.clone() }
    }

    /// The hash of the list of each page with this route's departments and query:
    /// `on_page(page).to_hash()`, the rest of it encoded once (the page directory links a
    /// thousand pages at each keystroke of a search).
    pub fn page_hashes(&self) -> impl Fn(PageChoice) -> String {
        let rest = Route { view: View::List, page: None, ..self.clone() }.to_hash();
        let rest = rest.strip_prefix("#/?").map_or(String::new(), |r| format!("&{r}"));
        move |page| format!("#/?page={}{rest}", page_segment(page))
    }

    /// The same filter and query on another view.
    pub fn with_view(&self, view: View) -> Route {
        Route { view, ..self.clone() }
    }

    /// The same view and query with department `dept` toggled in or out of the filter.
    pub fn toggling(&self, dept: &str) -> Route {
        let mut next = self.clone();
        if !next.departments.remove(dept) {
            next.departments.insert(dept.to_owned());
        }
        next
    }

    /// The same view and query with no department filter.
    pub fn all_departments(&self) -> Route {
        Route { departments: BTreeSet::new(), ..self.clone() }
    }
}

/// A page choice from the URL: `all`, or a page number (at most 9 digits, not 0);
/// anything else is no choice.
fn parse_page(value: &str) -> Option<PageChoice> {
    match value {
        "all" => Some(PageChoice::All),
        n if (1..=9).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) => {
            n.parse().ok().filter(|&n| n > 0).map(PageChoice::Number)
        }
        _ => None,
    }
}

/// How a page choice is written in a hash and a path.
fn page_segment(page: PageChoice) -> String {
    match page {
        PageChoice::Number(n) => n.to_string(),
        PageChoice::All => "all".to_owned(),
    }
}

/// Whether a hash is a route (`#/…`, `#?…`) rather than an in-page anchor or nothing.
pub fn is_route_hash(hash: &str) -> bool {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    h.starts_with('/') || h.starts_with('?')
}

/// At most `max` characters of `text`, without control characters (C0, C1, DEL) and the
/// bidi embedding, override and isolate controls.
fn clean(text: &str, max: usize) -> String {
    text.chars()
        .filter(|&c| !c.is_control() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .take(max)
        .collect()
}

/// Percent-encodes everything but unreserved ASCII.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as space; malformed escapes and invalid UTF-8 are kept
/// or replaced, never rejected.
pub(crate) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() && hex(bytes[i + 1]).is_some() && hex(bytes[i + 2]).is_some() => {
                out.push(hex(bytes[i + 1]).unwrap_or(0) * 16 + hex(bytes[i + 2]).unwrap_or(0));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depts(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn each_page_s_hash_is_the_route_on_that_page() {
        for hash in
            ["#/", "#/?page=4", "#/a/3-01?dept=区残联", "#/?dept=区教育局&dept=区财政局&q=a&b", "#/?q=残联 服务"]
        {
            let route = Route::parse(hash);
            let hashes = route.page_hashes();
            for page in [PageChoice::Number(7), PageChoice::Number(1234), PageChoice::All] {
                assert_eq!(hashes(page), route.on_page(page).to_hash(), "{hash} {page:?}");
            }
        }
    }

    #[test]
    fn parses_hashes() {
        for (hash, view, departments, query) in [
            ("", View::List, depts(&[]), ""),
            ("#", View::List, depts(&[]), ""),
            ("#/", View::List, depts(&[]), ""),
            ("#/?dept=区教育局&dept=区财政局", View::List, depts(&["区教育局", "区财政局"]), ""),
            ("#/?dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80", View::List, depts(&["区教育局"]), ""),
            ("#/?dept=区教育局,区财政局", View::List, depts(&["区教育局", "区财政局"]), ""),
            ("#/a/3-01", View::Article("3-01".into()), depts(&[]), ""),
            ("#/a/3-01/?dept=区残联", View::Article("3-01".into()), depts(&["区残联"]), ""),
            ("#/a/", View::List, depts(&[]), ""),
            ("#/a//", View::List, depts(&[]), ""),
            ("#/a/%00%E2%80%AE", View::List, depts(&[]), ""),
            ("#/?q=can+lian", View::List, depts(&[]), "can lian"),
            ("#/?q=%E6%AE%8B%E8%81%94", View::List, depts(&[]), "残联"),
            ("#/nonsense/path?x=1", View::List, depts(&[]), ""),
            ("#/?q=%ZZ%E6%AE", View::List, depts(&[]), "%ZZ\u{fffd}"),
            ("#/?q=%", View::List, depts(&[]), "%"),
            ("#/?dept=&dept=,,", View::List, depts(&[]), ""),
        ] {
            let route = Route::parse(hash);
            assert_eq!(route.view, view, "{hash}");
            assert_eq!(route.departments, departments, "{hash}");
            assert_eq!(route.query, query, "{hash}");
        }
    }

    #[test]
    fn hostile_values_are_bounded_and_cleaned() {
        let long = format!("#/a/{}?dept={}&q={}", "x".repeat(5000), "区".repeat(5000), "残".repeat(100_000));
        let r = Route::parse(&long);
        assert_eq!(r.view, View::Article("x".repeat(MAX_ID_CHARS)));
        assert_eq!(r.departments.iter().next().map(|d| d.chars().count()), Some(MAX_DEPARTMENT_CHARS));
        assert_eq!(r.query.chars().count(), MAX_QUERY_CHARS);
        let r = Route::parse("#/?q=%E2%80%AEabc%E2%80%AC%00%07\u{1b}x%E2%81%A6y&dept=\u{202e}区残联");
        assert_eq!(r.query, "abcxy");
        assert_eq!(r.departments, depts(&["区残联"]));
        assert_eq!(
            Route::parse("#/?q=残\u{200b}联👨\u{200d}👩").query,
            "残\u{200b}联👨\u{200d}👩",
            "zero-width and emoji are text"
        );
        let many: String = (0..500).map(|i| format!("dept=d{i}&")).collect();
        assert_eq!(Route::parse(&format!("#/?{many}")).departments.len(), MAX_DEPARTMENTS);
    }

    #[test]
    fn canonical_rewrites_only_what_says_more_than_the_route() {
        assert_eq!(Route::canonical(""), None);
        assert_eq!(Route::canonical("#/"), None);
        assert_eq!(Route::canonical("#/?dept=区教育局&q=残联"), None, "raw and encoded are the same route");
        assert_eq!(Route::canonical("#/a/3-01/"), None);
        assert_eq!(Route::canonical("#/nonsense"), Some("#/".into()));
        assert_eq!(Route::canonical("#/?utm=1&q=x"), Some("#/?q=x".into()));
        assert_eq!(Route::canonical("#/?q=%ZZ"), None, "a malformed escape is kept as text");
        assert_eq!(Route::canonical("#/?q=a%E2%80%AEb"), Some("#/?q=ab".into()));
        let long = format!("#/?q={}", "残".repeat(10_000));
        assert_eq!(Route::canonical(&long).map(|h| Route::parse(&h).query.chars().count()), Some(MAX_QUERY_CHARS));
        for hash in ["#/nonsense", "#/?q=a%E2%80%AEb", &long] {
            let fixed = Route::canonical(hash).unwrap();
            assert_eq!(Route::canonical(&fixed), None, "a rewritten hash is stable: {fixed}");
        }
    }

    #[test]
    fn pre_rendered_paths() {
        assert_eq!(Route::from_path("/"), Route::default());
        assert_eq!(Route::from_path("/index.html"), Route::default());
        for path in ["/a/3-01/", "/a/3-01", "/reader/a/3-01/index.html"] {
            assert_eq!(Route::from_path(path).view, View::Article("3-01".into()), "{path}");
        }
        assert_eq!(Route::from_path("/a/"), Route::default());
        assert_eq!(Route::locate("/a/3-01/", "").view, View::Article("3-01".into()));
        assert_eq!(Route::locate("/a/3-01/", "#"), Route::locate("/a/3-01/", ""));
        assert_eq!(Route::locate("/a/3-01/", "#/"), Route::default(), "a hash wins over the path");
        assert_eq!(Route::locate("/a/3-01/", "#main").view, View::Article("3-01".into()), "an anchor is no route");
        assert_eq!(Route::locate("/", "#?q=x").query, "x");
        let article = Route::parse("#/a/3-02?dept=区残联&q=x");
        assert_eq!(article.to_static_href(0), "a/3-02/");
        assert_eq!(article.to_static_href(2), "../../a/3-02/");
        assert_eq!(Route::default().to_static_href(0), "./");
        assert_eq!(Route::default().to_static_href(2), "../../");
    }

    #[test]
    fn tidy_keeps_anchors_and_replaces_junk() {
        let anchor = |id: &str| id == "main";
        assert_eq!(Route::tidy("/a/3-01/", "", anchor), None);
        assert_eq!(Route::tidy("/a/3-01/", "#main", anchor), None);
        assert_eq!(Route::tidy("/a/3-01/", "#junk", anchor), Some("#/a/3-01".into()));
        assert_eq!(Route::tidy("/", "#junk", anchor), Some("#/".into()));
        assert_eq!(Route::tidy("/", "#/nonsense", anchor), Some("#/".into()));
        assert_eq!(Route::tidy("/", "#/?q=残联", anchor), None);
    }

    #[test]
    fn formats_and_round_trips() {
        let route = Route {
            view: View::Article("3-01".into()),
            page: None,
            departments: depts(&["区教育局"]),
            query: "残联 a&b=c".into(),
        };
        let hash = route.to_hash();
        assert_eq!(hash, "#/a/3-01?dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80&q=%E6%AE%8B%E8%81%94%20a%26b%3Dc");
        assert_eq!(Route::parse(&hash), route);
        assert_eq!(Route::default().to_hash(), "#/");
    }

    #[test]
    fn long_input_is_bounded() {
        let hash = format!("#/?q={}", "长".repeat(100_000));
        assert_eq!(Route::parse(&hash).query.chars().count(), MAX_QUERY_CHARS);
        let many: Vec<String> = (0..1000).map(|i| format!("dept=d{i}")).collect();
        assert_eq!(Route::parse(&format!("#/?{}", many.join("&"))).departments.len(), MAX_DEPARTMENTS);
        let id = Route::parse(&format!("#/a/{}", "x".repeat(100_000)));
        assert_eq!(id.view, View::Article("x".repeat(MAX_ID_CHARS)));
    }

    #[test]
    fn pages_in_hashes_and_paths() {
        assert_eq!(Route::parse("#/?page=4").page, Some(PageChoice::Number(4)));
        assert_eq!(Route::parse("#/?page=all&q=x").page, Some(PageChoice::All));
        for junk in ["0", "-1", "4x", "", "ALL", "1234567890", "99999999999999999999", "%E5%9B%9B"] {
            assert_eq!(Route::parse(&format!("#/?page={junk}")).page, None, "{junk}");
        }
        let route = Route::parse("#/?q=残联&dept=区残联&page=12");
        assert_eq!(route.to_hash(), "#/?page=12&dept=%E5%8C%BA%E6%AE%8B%E8%81%94&q=%E6%AE%8B%E8%81%94");
        assert_eq!(Route::parse(&route.to_hash()), route);
        assert_eq!(Route::canonical("#/?page=0&q=x"), Some("#/?q=x".into()), "a page that cannot be is dropped");
        assert_eq!(Route::from_path("/p/4/").page, Some(PageChoice::Number(4)));
        assert_eq!(Route::from_path("/reader/p/all/index.html").page, Some(PageChoice::All));
        assert_eq!(Route::from_path("/p/zz/"), Route::default());
        let list = Route::default().on_page(PageChoice::Number(3));
        assert_eq!(list.to_static_href(0), "p/3/");
        assert_eq!(list.to_static_href(2), "../../p/3/");
        assert_eq!(Route::default().on_page(PageChoice::All).to_static_href(2), "../../p/all/");
        assert_eq!(Route::from_path("/p/3/"), Route::parse(&list.to_hash()), "a page's path and hash agree");
        let article = Route::parse("#/a/4-01?page=4");
        assert_eq!(article.to_static_href(0), "a/4-01/", "an article's page is its own");
        assert_eq!(article.on_page(PageChoice::All).view, View::List);
    }

    #[test]
    fn toggling_departments() {
        let route = Route::default().toggling("区残联").toggling("区财政局");
        assert_eq!(route.departments, depts(&["区残联", "区财政局"]));
        assert_eq!(route.toggling("区残联").departments, depts(&["区财政局"]));
        assert!(route.all_departments().departments.is_empty());
    }
}
