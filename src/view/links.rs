//! How the views link to routes: URL hashes in the running app; on a pre-rendered page,
//! relative paths to the other pre-rendered pages, which work with JavaScript off
//! (hydration then sets the hashes).

use std::rc::Rc;

use crate::route::{PageChoice, Route};

/// A link as a view shows it: what it says and where it goes (shared, not copied, when
/// rendered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// "区残联 · 谢建青", a keyword, a page title.
    pub label: Rc<str>,
    /// Its target (see [`Links::href`]).
    pub href: Rc<str>,
}

/// How links are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    /// In the running app: the route's hash.
    #[default]
    Hash,
    /// On a page pre-rendered `depth` directories below the site root.
    Static {
        /// 0 for the root's page, 2 for `a/<id>/` and `p/<n>/`.
        depth: usize,
    },
}

impl Links {
    /// The link to `route`. On a pre-rendered page a search (which needs the app) is the
    /// list's page with the route in its hash; any other route, its own page.
    pub fn href(self, route: &Route) -> String {
        match self {
            Links::Hash => route.to_hash(),
            Links::Static { depth } if route.is_searching() => {
                format!("{}{}", Route::default().to_static_href(depth), route.to_hash())
            }
            Links::Static { depth } => route.to_static_href(depth),
        }
    }

    /// The link to the list of each page, keeping `route`'s departments and query.
    pub fn page_href(self, route: &Route) -> impl Fn(PageChoice) -> String + '_ {
        let hashes = matches!(self, Links::Hash).then(|| route.page_hashes());
        move |page| match &hashes {
            Some(hash) => hash(page),
            None => self.href(&route.on_page(page)),
        }
    }

    /// A link labelled `label` to `route`.
    pub fn to(self, label: String, route: &Route) -> Link {
        Link { label: label.into(), href: self.href(route).into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_in_the_app_paths_on_pre_rendered_pages_searches_through_the_list() {
        let cases = [
            ("#/", Links::Hash, "#/"),
            ("#/a/3-01?dept=区残联", Links::Hash, "#/a/3-01?dept=%E5%8C%BA%E6%AE%8B%E8%81%94"),
            ("#/", Links::Static { depth: 0 }, "./"),
            ("#/", Links::Static { depth: 2 }, "../../"),
            ("#/?page=4", Links::Static { depth: 2 }, "../../p/4/"),
            ("#/a/3-01", Links::Static { depth: 2 }, "../../a/3-01/"),
            ("#/?q=学校", Links::Static { depth: 2 }, "../../#/?q=%E5%AD%A6%E6%A0%A1"),
            ("#/?q=学校", Links::Static { depth: 0 }, "./#/?q=%E5%AD%A6%E6%A0%A1"),
        ];
        for (hash, links, href) in cases {
            assert_eq!(links.href(&Route::parse(hash)), href, "{hash} {links:?}");
        }
    }
}
