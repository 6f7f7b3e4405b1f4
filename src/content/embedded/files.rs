//! The content natively (pre-rendering, tests): the content files of `content/`, or of what
//! `READER_CONTENT` names (directories and files, `:` between them, relative to the project
//! root, e.g. `content/page-003.json:tests/fixtures/series`), read and checked, with the
//! insights and search tables the build computes, once.

use std::sync::OnceLock;

use reader_core::bake;
use reader_core::search::tables::{self, SearchTables};

use super::Library;

/// Where the pages come from, when not `content/`.
const CONTENT_VAR: &str = "READER_CONTENT";
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

static LOADED: OnceLock<Result<(Library, SearchTables), String>> = OnceLock::new();

/// Every page of the content files, with their insights, and the search tables of them
/// all, read on the first call: what the build writes into the pages and their files.
pub fn site() -> Result<&'static (Library, SearchTables), &'static str> {
    LOADED.get_or_init(read).as_ref().map_err(String::as_str)
}

/// The content files' pages, read on the first call (which installs their tables). The
/// error names the file, the line and what is wrong.
pub fn load() -> Result<&'static Library, &'static str> {
    let (library, found) = site()?;
    tables::install(found.tables());
    Ok(library)
}

fn read() -> Result<(Library, SearchTables), String> {
    let spec = std::env::var(CONTENT_VAR).unwrap_or_else(|_| "content".to_owned());
    bake::content(ROOT.as_ref(), &spec)
}

/// The real page the unit tests are written against, page 3, with its insights as the
/// build computes them and the tables of the content (which cover it) installed.
pub fn third_page() -> Library {
    let _ = load();
    // Insights take a while (word segmentation): computed once for every test.
    static PAGE: OnceLock<Library> = OnceLock::new();
    let page = PAGE.get_or_init(|| {
        let pages = vec![reader_core::fixtures::third_page()];
        Library { insights: bake::insights(&pages).into(), pages: pages.into(), ..Library::default() }
    });
    page.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded::library;
    use reader_core::content::bundle::Bundle;

    fn content_files() -> Vec<crate::content::Page> {
        bake::read_pages(&bake::content_files(ROOT.as_ref(), "content").unwrap()).unwrap()
    }

    #[test]
    fn the_pages_are_the_content_files() {
        assert_eq!(*library().pages, content_files(), "field for field");
        assert_eq!(third_page().pages[0].number, 3);
    }

    #[test]
    fn the_insights_are_what_the_build_computes_now() {
        assert_eq!(*library().insights, bake::insights(&content_files()), "one per article, in order");
    }

    #[test]
    fn the_installed_tables_are_those_of_the_content() {
        let found = SearchTables::of(&content_files()).unwrap();
        let _ = load();
        assert_eq!(tables::installed().tables, found.tables());
    }

    #[test]
    fn the_page_data_reads_back_as_the_content() {
        let (all, found) = site().unwrap();
        let json = Bundle::of(all, found.clone()).to_json();
        let bundle: Bundle = serde_json::from_str(&json).unwrap();
        let (read, found) = bundle.into_parts().unwrap();
        assert_eq!((read, &found), (library(), &site().unwrap().1));
    }
}
