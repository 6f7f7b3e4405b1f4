//! The search results for the route: searched once per distinct query, filter and number
//! of results shown (`use_paging`), not on every render. Across an archive searched
//! through its sharded index, the count is estimated while candidates are not at hand
//! (`across::estimate`).

use std::rc::Rc;

use yew::prelude::*;

use crate::across::estimate;
use crate::archive::Archive;
use crate::catalog::Catalog;
use crate::indexing::Indexing;
use crate::route::{is_search, Route};
use crate::search::Results;

/// The results for `route`'s query within its filter, `shown` of them in full.
#[hook]
pub fn use_results(
    catalog: &Rc<Catalog>,
    indexing: &Rc<Indexing>,
    route: &Route,
    shown: usize,
    archive: &UseReducerHandle<Archive>,
) -> Rc<Results> {
    let filter = catalog.filter(route).0;
    let (catalog, indexing) = (catalog.clone(), indexing.clone());
    // Searched again when pages join the catalog (their articles join the index), and the
    // count estimated again as buckets come.
    let articles = catalog.articles.len();
    // The handle, not a copy of the state: this runs on every render.
    let across = filter.page.is_none().then(|| archive.clone());
    let buckets = archive.buckets.len() + archive.failed.len();
    use_memo((route.query.clone(), filter, shown, articles, buckets), move |(q, filter, limit, ..)| {
        // No query, no index: building it must not hold up the first render.
        if !is_search(q) {
            return Results::default();
        }
        let mut results = indexing.index().search_top(q, *limit, |a| catalog.fits(filter, a));
        let estimated = across.and_then(|archive| estimate(&catalog, &archive, q, filter, results.total));
        if let Some(total) = estimated.filter(|&total| total > results.total) {
            // The candidates not searched yet: most likely exact matches.
            results.exact += total - results.total;
            results.total = total;
            results.estimated = true;
        }
        results
    })
}
