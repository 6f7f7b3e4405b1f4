//! The pages compiled into the binary from `content/*.json` (or what `READER_CONTENT`
//! names): `build.rs` has parsed and checked every file and baked it (`reader_core::bake`)
//! as `static` data of the model's own types, with the search tables for its characters,
//! so there is nothing to load, parse or fail at start-up.

use std::borrow::Cow;

use super::Library;

mod baked {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
    include!(concat!(env!("OUT_DIR"), "/search_tables.rs"));
}

/// The embedded pages; the first call also installs their search tables.
pub fn library() -> Library {
    install_tables();
    Library { pages: Cow::Borrowed(baked::PAGES), insights: Cow::Borrowed(baked::INSIGHTS) }
}

/// Installs the search tables of the embedded pages (once; later calls do nothing).
pub fn install_tables() {
    reader_core::search::tables::install(baked::TABLES);
}

/// The real page the unit tests are written against, page 3, with its insights as the
/// build computes them and the embedded tables (which cover it) installed.
#[cfg(not(target_arch = "wasm32"))]
pub fn third_page() -> Library {
    install_tables();
    // Insights take a while (word segmentation): computed once for every test.
    static PAGE: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
    let page = PAGE.get_or_init(|| {
        let pages = vec![reader_core::fixtures::third_page()];
        Library { insights: reader_core::bake::insights(&pages).into(), pages: pages.into() }
    });
    page.clone()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use reader_core::bake;

    fn content_files() -> Vec<crate::content::Page> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"));
        bake::read_pages(&bake::content_files(root.as_ref(), "content").unwrap()).unwrap()
    }

    #[test]
    fn the_embedded_pages_are_the_content_files() {
        let lib = library();
        assert!(matches!(lib.pages, Cow::Borrowed(_)), "static data, not a copy");
        assert_eq!(*lib.pages, content_files(), "the compiled pages equal the files, field for field");
        assert_eq!(third_page().pages[0].number, 3);
    }

    #[test]
    fn the_embedded_insights_are_what_the_build_computes_now() {
        let lib = library();
        assert_eq!(*lib.insights, bake::insights(&content_files()), "one per article, in order");
    }

    #[test]
    fn the_embedded_tables_are_those_of_the_content() {
        let tables = bake::SearchTables::of(&content_files()).unwrap();
        assert_eq!(baked::TABLES, tables.tables());
        install_tables();
        assert_eq!(reader_core::search::tables::installed().tables, baked::TABLES);
    }
}
