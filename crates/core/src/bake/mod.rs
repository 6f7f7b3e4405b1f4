//! The build's side of the content (feature `build`): reads and checks the content files and
//! computes the insights and the search tables, which the site's pages carry for the app
//! (`crate::content::bundle`).
//! Every failure is one line naming the file (and line) and what is wrong.

mod files;
mod tables;

pub use crate::search::tables::SearchTables;
pub use files::{content_files, read_pages};

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
