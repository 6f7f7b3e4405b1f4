//! The search index, built after the first paint one article per task, so the page never
//! stalls for it and it is ready long before anyone types (a search before then finishes
//! it at once: `Indexing::index`).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Catalog;
use crate::indexing::Indexing;

/// The index of `catalog`'s articles, built in the background while the component lives,
/// and built anew when more pages join it (articles only ever join, so their count says).
#[hook]
pub fn use_search_index(catalog: Rc<Catalog>) -> Rc<Indexing> {
    let articles = catalog.articles.len();
    let indexing = use_memo(articles, move |_| Indexing::new(catalog));
    {
        let indexing = indexing.clone();
        use_effect_with(articles, move |_| {
            let alive = Rc::new(Cell::new(true));
            let running = alive.clone();
            yew::platform::spawn_local(async move {
                loop {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    if !running.get() || indexing.step(1) {
                        break;
                    }
                }
            });
            move || alive.set(false)
        });
    }
    indexing
}
