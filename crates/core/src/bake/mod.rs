//! The build's side of the content (feature `build`): reads and checks the content files and
//! computes the insights and the search tables, which the site's pages carry for the app
//! (`crate::content::bundle`).
//! Every failure is one line naming the file (and line) and what is wrong.

mod files;
mod tables;

pub use crate::search::tables::SearchTables;
pub use files::{content_files, read_pages};

use std::path::Path;

use crate::content::model::{Insight, Page, Related};
use crate::content::Library;
use crate::insight::{self, Source};

/// The pages of `spec` (files and folders under `root`, `:` between them), read and
/// checked, with their insights and the search tables for their characters: what a site's
/// pages carry (`crate::content::bundle`).
pub fn content(root: &Path, spec: &str) -> Result<(Library, SearchTables), String> {
    let pages = read_pages(&content_files(root, spec)?)?;
    let tables = SearchTables::of(&pages)?;
    Ok((Library { insights: insights(&pages).into(), pages: pages.into(), ..Library::default() }, tables))
}

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
