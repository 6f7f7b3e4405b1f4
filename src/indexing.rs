//! The search index's life: built an article at a time after the first paint (by the
//! hook `use_search_index`), or at once when a search comes first. Pure: tested natively.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use crate::catalog::Catalog;
use crate::search::Index;

/// The index of a catalog's articles, complete or being built.
#[derive(Debug)]
pub struct Indexing {
    catalog: Rc<Catalog>,
    /// The index, once complete.
    done: OnceCell<Index>,
    /// An index being built an article at a time.
    building: RefCell<Index>,
}

impl Indexing {
    /// Nothing indexed yet.
    pub fn new(catalog: Rc<Catalog>) -> Indexing {
        Indexing { catalog, done: OnceCell::new(), building: RefCell::new(Index::default()) }
    }

    /// The search index; hits refer to the catalog's articles by position. If the steps
    /// (see [`Indexing::step`]) have not finished it yet, the rest is built now.
    pub fn index(&self) -> &Index {
        self.done.get_or_init(|| {
            let mut index = self.building.take();
            for a in &self.catalog.articles[index.articles as usize..] {
                index.push(a);
            }
            index.finish();
            // Part of a series with a sharded index: ranked as the whole series would be,
            // so articles at hand and those a search fetches rank alike.
            if !self.catalog.complete() {
                index.corpus = crate::across::lengths(&self.catalog);
            }
            index
        })
    }

    /// Indexes the next `n` articles; true once the index is complete. The app calls this
    /// in small tasks after its first paint, so building never holds the page for more
    /// than a few milliseconds at a time, and the index is ready before anyone types.
    pub fn step(&self, n: usize) -> bool {
        if self.done.get().is_some() {
            return true;
        }
        let done = {
            let mut building = self.building.borrow_mut();
            let from = building.articles as usize;
            for a in self.catalog.articles.iter().skip(from).take(n) {
                building.push(a);
            }
            building.articles as usize >= self.catalog.articles.len()
        };
        if done {
            self.index();
        }
        done
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::catalog::tests::one_page;

    #[test]
    fn the_index_built_in_steps_equals_the_index_built_at_once() {
        let stepped = Indexing::new(Rc::new(one_page()));
        let mut steps = 0;
        while !stepped.step(3) {
            steps += 1;
        }
        assert_eq!(steps, 3, "10 articles, 3 at a time: done on the fourth step");
        let whole = Index::build(&one_page().articles);
        for q in ["残联", "jiaoyu", "谢建青 残疾人", "czj"] {
            let (a, b) = (stepped.index().search(q), whole.search(q));
            assert_eq!(
                a.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(),
                b.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(),
                "{q}"
            );
        }
        // A search in the middle of stepping finishes the build at once.
        let half = Indexing::new(Rc::new(one_page()));
        assert!(!half.step(4));
        assert_eq!(half.index().articles, 10);
        assert!(half.step(1), "nothing left to do");
    }
}
