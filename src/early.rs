//! What the app's first search will fetch, asked for before its first render. A reader who
//! typed a query into the pre-rendered page before the app started gets it searched right
//! after hydration (`hooks::use_started`), and only that render's effect would ask for the
//! files a search across the archive needs (`hooks::use_archive`): the round trip for the
//! index's buckets would wait for hydrating the page and searching the page at hand. Asked
//! for here, as the app starts, it overlaps them; the fetches take the answers up
//! (`content::embedded::fetch::start`).

use std::rc::Rc;

use crate::across;
use crate::archive::{Archive, Want};
use crate::catalog::Catalog;
use crate::content::embedded::{self, fetch};
use crate::route::Route;
use crate::search::SHOWN_RESULTS;

/// Starts the requests the app's first search of `route` will make.
pub fn start(route: &Route) {
    let library = embedded::library();
    let catalog = Catalog::new(&library);
    let archive = Archive::new(Rc::new(library));
    let index = catalog.index();
    let urls = across::needs(&catalog, &archive, route, SHOWN_RESULTS).into_iter().filter_map(|want| match want {
        Want::Page(n) => catalog.entry(n).map(|e| e.file.to_string()),
        Want::Bucket(b) => Some(fetch::bucket_url(index, b)),
        Want::Text(n) => Some(fetch::text_url(index, n)),
    });
    fetch::start(urls);
}
