//! The URL hash as the single source of truth for what the reader shows: the view, the
//! department filter and the search query. Pure: parses and formats strings only.
//!
//! | hash                              | view            | departments          | query |
//! |-----------------------------------|-----------------|----------------------|-------|
//! | `` or `#/`                        | list            | all                  |       |
//! | `#/?dept=区教育局&dept=区财政局`  | list            | 区教育局, 区财政局   |       |
//! | `#/a/3-01?dept=区教育局`          | article `3-01`  | 区教育局             |       |
//! | `#/?q=残联`                       | list            | all                  | 残联  |
//! | `#/nonsense`                      | list            | all                  |       |
//!
//! Values are percent-encoded UTF-8 when written; reading accepts raw or encoded text and
//! keeps malformed escapes literally, so no hash can fail to parse.

use std::collections::BTreeSet;

/// Longest query kept from a URL, in characters: a pasted novel is cut, not processed.
pub const MAX_QUERY_CHARS: usize = 200;
/// Longest article id kept from a URL; real ids are a few characters.
const MAX_ID_CHARS: usize = 100;
/// Most departments kept from a URL; more can only be noise.
const MAX_DEPARTMENTS: usize = 64;

/// Which screen the reader shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum View {
    /// The article cards.
    #[default]
    List,
    /// One article, by id (which may be unknown: the app shows "not found").
    Article(String),
}

/// Everything the URL says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    /// The screen.
    pub view: View,
    /// Selected short department names; empty means all.
    pub departments: BTreeSet<String>,
    /// The search query as typed.
    pub query: String,
}

impl Route {
    /// Parses a location hash (with or without the leading `#`). Never fails.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, params) = hash.split_once('?').unwrap_or((hash, ""));
        let path = decode(path);
        let view = match path.trim_start_matches('/').split_once('/') {
            Some(("a", id)) if !id.is_empty() => {
                View::Article(id.trim_end_matches('/').chars().take(MAX_ID_CHARS).collect())
            }
            _ => View::List,
        };
        let mut route = Route { view, ..Route::default() };
        for pair in params.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "dept" => {
                    for dept in value.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                        if route.departments.len() < MAX_DEPARTMENTS {
                            route.departments.insert(dept.to_owned());
                        }
                    }
                }
                "q" => route.query = value.chars().take(MAX_QUERY_CHARS).collect(),
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
        let mut params: Vec<String> = self.departments.iter().map(|d| format!("dept={}", encode(d))).collect();
        if !self.query.is_empty() {
            params.push(format!("q={}", encode(&self.query)));
        }
        if !params.is_empty() {
            out.push('?');
            out.push_str(&params.join("&"));
        }
        out
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
    fn formats_and_round_trips() {
        let route = Route {
            view: View::Article("3-01".into()),
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
    fn toggling_departments() {
        let route = Route::default().toggling("区残联").toggling("区财政局");
        assert_eq!(route.departments, depts(&["区残联", "区财政局"]));
        assert_eq!(route.toggling("区残联").departments, depts(&["区财政局"]));
        assert!(route.all_departments().departments.is_empty());
    }
}
