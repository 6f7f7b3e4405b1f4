//! The real page the tests are written against, page 3, read from its content file: they
//! keep their meaning when editors add pages of the series to `content/`.

use crate::content::model::{parse_content_file, Article, List, Page, Text};

/// Page 3, as its content file `content/page-003.json` reads.
pub fn third_page() -> Page {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/page-003.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_content_file("content/page-003.json", &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Installs the search tables the build makes for page 3 (once: later calls do nothing),
/// as the app installs its own.
#[cfg(feature = "build")]
pub fn install_third_page_tables() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let baked = crate::bake::SearchTables::of(&[third_page()]).unwrap_or_else(|e| panic!("{e}"));
        crate::search::tables::install(Box::leak(Box::new(baked)).tables());
    });
}

/// An article of a made-up department whose lead paragraphs are `text`.
pub fn article(text: &[&'static str]) -> Article {
    Article {
        id: "1-01".into(),
        department: "区某局".into(),
        department_short: "区某局".into(),
        short_names: List::Borrowed(&[]),
        full_names: Text::Borrowed(""),
        addresses: Text::Borrowed(""),
        author: "某某".into(),
        posts: List::Borrowed(&[]),
        editor_title: None,
        lead: text.iter().map(|&t| Text::from(t)).collect(),
        sections: List::Borrowed(&[]),
        signature: Text::Borrowed(""),
        chars: 0,
        reading_minutes: 1,
        source_line: 1,
    }
}
