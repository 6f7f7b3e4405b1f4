//! The search results for the route: searched once per distinct query, filter and number
//! of results shown, not on every render, and a page at a time (`use_paging`).

use std::rc::Rc;

use yew::prelude::*;

use super::use_paging::use_paging;
use crate::catalog::Catalog;
use crate::indexing::Indexing;
use crate::route::{is_search, Route};
use crate::search::Results;

/// The results for `route`'s query within its filter, and the callback that shows more.
#[hook]
pub fn use_results(catalog: &Rc<Catalog>, indexing: &Rc<Indexing>, route: &Route) -> (Rc<Results>, Callback<()>) {
    let filter = catalog.filter(route).0;
    let (shown, onmore) = use_paging((route.query.clone(), filter.clone()));
    let (catalog, indexing) = (catalog.clone(), indexing.clone());
    // Searched again when pages join the catalog (their articles join the index).
    let articles = catalog.articles.len();
    let results = use_memo((route.query.clone(), filter, shown, articles), move |(q, filter, limit, _)| {
        // No query, no index: building it must not hold up the first render.
        if !is_search(q) {
            return Results::default();
        }
        indexing.index().search_top(q, *limit, |a| catalog.fits(filter, a))
    });
    (results, onmore)
}
