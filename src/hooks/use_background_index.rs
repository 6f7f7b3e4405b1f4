//! Builds the search index after the first paint, one article per task, so the page never
//! stalls for it and it is ready long before anyone types (a search before then finishes
//! it at once: `Catalog::index`).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Catalog;

/// Indexes `catalog` in the background, stopping if the component goes away.
#[hook]
pub fn use_background_index(catalog: Rc<Catalog>) {
    use_effect_with((), move |_| {
        let alive = Rc::new(Cell::new(true));
        let running = alive.clone();
        yew::platform::spawn_local(async move {
            loop {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                if !running.get() || catalog.index_step(1) {
                    break;
                }
            }
        });
        move || alive.set(false)
    });
}
