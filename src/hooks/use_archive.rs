//! The pages of the series at hand, and fetching what a route needs: the page's own data to
//! start with; when the route shows a page not at hand (its list, the list of every page)
//! or an article elsewhere, their files; for a search across the archive, the buckets of
//! the sharded index its query needs and then the files of its best candidates (`across`),
//! or every page where the series has no index. Files are fetched at once, in parallel
//! (`content::embedded::fetch`), joining the catalog in batches as they arrive (see
//! `archive`). A file that does not come is a fault the screen shows with its remedy
//! (`archive::Pending`), and is not asked for again until the reader retries; the page at
//! hand reads and searches on.

use std::rc::Rc;

use yew::prelude::*;

use crate::across;
use crate::archive::{Archive, Remedy, Step, Want};
use crate::catalog::Catalog;
use crate::content::Library;
use crate::route::Route;

/// The catalog of the pages at hand, the state of fetching the rest, whether the route
/// waits for files not at hand, and what the notice's button does; `shown`: how many search
/// results the list shows.
#[hook]
pub fn use_archive(
    library: Rc<Library>,
    route: &Route,
    shown: usize,
) -> (Rc<Catalog>, (UseReducerHandle<Archive>, bool), Callback<Remedy>) {
    let archive = use_reducer(move || Archive::new(library));
    // Pages and articles only ever join, so their count says when the catalog is another.
    let at_hand = archive.library.articles().count();
    let catalog = {
        let library = archive.library.clone();
        use_memo(at_hand, move |_| Catalog::new(&library))
    };
    let wanted = across::needs(&catalog, &archive, route, shown);
    let waiting = !wanted.is_empty();
    {
        let (catalog, state, dispatcher) = (catalog.clone(), archive.clone(), archive.dispatcher());
        use_effect_with((wanted, archive.tries), move |(wanted, _)| {
            // Not what is on its way, arrived, or failed (until the reader retries).
            let todo: Vec<Want> = wanted.iter().copied().filter(|&w| !state.asked(w)).collect();
            if !todo.is_empty() {
                dispatcher.dispatch(Step::Started(todo.clone()));
            }
            #[cfg(target_arch = "wasm32")]
            for want in todo {
                let (dispatcher, catalog) = (dispatcher.clone(), catalog.clone());
                yew::platform::spawn_local(async move {
                    use crate::content::embedded::fetch;
                    let index = catalog.index();
                    let step = match want {
                        Want::Page(n) => match catalog.entry(n) {
                            Some(entry) => fetch::page(entry).await.map(|page| Step::Arrived(want, page)),
                            None => return,
                        },
                        Want::Bucket(b) => fetch::bucket(index, b).await.map(|b| Step::Bucket(b.0, Rc::new(b.1))),
                        Want::Text(n) => fetch::text(index, n).await.map(|article| Step::Arrived(want, article)),
                    };
                    dispatcher.dispatch(step.unwrap_or_else(|fault| Step::Failed(want, fault)));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = catalog;
        });
    }
    let dispatcher = archive.dispatcher();
    let remedy = Callback::from(move |remedy| match remedy {
        Remedy::Retry => dispatcher.dispatch(Step::Retry),
        Remedy::Reload => {
            let _ = gloo::utils::window().location().reload();
        }
    });
    (catalog, (archive, waiting), remedy)
}
