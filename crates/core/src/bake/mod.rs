//! The build's side of the content (feature `build`): reads and checks the content files,
//! computes the insights and the search tables, and writes them as Rust for the app to
//! compile in (`build.rs` calls these), so the app starts with its data in place.
//! Every failure is one line naming the file (and line) and what is wrong.

mod files;
mod rust;
mod tables;

pub use files::{content_files, read_pages};
pub use rust::{content_rs, tables_rs};
pub use tables::SearchTables;

use crate::content::model::{Insight, Page, Related};
use crate::insight::{self, Source};

/// Keywords and related articles of every article of `pages`, in article order.
pub fn insights(pages: &[Page]) -> Vec<Insight> {
    let sources: Vec<Source> = pages.iter().flat_map(|p| p.articles.iter()).map(Source::of).collect();
    let texts = |v: Vec<String>| v.into_iter().map(Into::into).collect::<Vec<_>>().into();
    insight::insights(&sources)
        .into_iter()
        .map(|found| Insight {
            id: found.id.into(),
            keywords: texts(found.keywords),
            related: found
                .related
                .into_iter()
                .map(|(id, shared)| Related { id: id.into(), shared: texts(shared) })
                .collect::<Vec<_>>()
                .into(),
        })
        .collect()
}
