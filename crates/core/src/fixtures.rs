//! The real page the tests are written against, page 3, read from its content file: they
//! keep their meaning when editors add pages of the series to `content/`.

use crate::content::model::{parse_content_file, Page};

/// Page 3, as its content file `content/page-003.json` reads.
pub fn third_page() -> Page {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/page-003.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_content_file("content/page-003.json", &text).unwrap_or_else(|e| panic!("{e}"))
}

/// The search tables the build makes for page 3, for the core's own tests.
#[cfg(all(test, feature = "build"))]
pub(crate) fn third_page_tables() -> crate::search::tables::Tables<'static> {
    let baked = crate::bake::SearchTables::of(&[third_page()]).unwrap_or_else(|e| panic!("{e}"));
    Box::leak(Box::new(baked)).tables()
}
