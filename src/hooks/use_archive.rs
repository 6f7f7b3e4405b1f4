//! The pages of the series at hand, and fetching those a route needs: the page's own data
//! to start with; when the route shows a page not at hand, every page (a search, the list
//! of every page) or an article elsewhere, their files are fetched at once, in parallel
//! (`content::embedded::fetch`), joining the catalog in batches as they arrive (see
//! `archive`). A file that does
//! not come is a fault the screen shows with its remedy (`archive::Pending`), and is not
//! asked for again until the reader retries; the page at hand reads and searches on.

use std::rc::Rc;

use yew::prelude::*;

use crate::archive::{Archive, Remedy, Step};
use crate::catalog::Catalog;
use crate::content::Library;
use crate::route::Route;

/// The catalog of the pages at hand, the state of fetching the others, and what the
/// notice's button does.
#[hook]
pub fn use_archive(library: Rc<Library>, route: &Route) -> (Rc<Catalog>, UseReducerHandle<Archive>, Callback<Remedy>) {
    let archive = use_reducer(move || Archive::new(library));
    // Pages only ever join, so their count says when the catalog is another.
    let at_hand = archive.library.pages.len();
    let catalog = {
        let library = archive.library.clone();
        use_memo(at_hand, move |_| Catalog::new(&library))
    };
    let missing = catalog.missing(route);
    {
        let (catalog, state, dispatcher) = (catalog.clone(), archive.clone(), archive.dispatcher());
        use_effect_with((missing, archive.tries), move |(missing, _)| {
            // Not what is on its way, waiting to join, or failed (until the reader retries).
            let todo: Vec<_> =
                missing.iter().filter(|&&n| !state.asked(n)).filter_map(|&n| catalog.entry(n).cloned()).collect();
            if !todo.is_empty() {
                dispatcher.dispatch(Step::Started(todo.iter().map(|e| e.number).collect()));
            }
            #[cfg(target_arch = "wasm32")]
            for entry in todo {
                let dispatcher = dispatcher.clone();
                yew::platform::spawn_local(async move {
                    let outcome = crate::content::embedded::fetch::page(&entry).await;
                    dispatcher.dispatch(match outcome {
                        Ok(page) => Step::Arrived(page),
                        Err(fault) => Step::Failed(entry.number, fault),
                    });
                });
            }
        });
    }
    let dispatcher = archive.dispatcher();
    let remedy = Callback::from(move |remedy| match remedy {
        Remedy::Retry => dispatcher.dispatch(Step::Retry),
        Remedy::Reload => {
            let _ = gloo::utils::window().location().reload();
        }
    });
    (catalog, archive, remedy)
}
