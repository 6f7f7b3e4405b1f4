//! The real page the tests are written against, page 3, read from its content file: tests
//! of search quality and of the catalog keep their meaning when editors add pages of the
//! series to `content/` (the embedded library then holds those too).

use reader::content::model::parse_content_file;
use reader::content::{Article, Page};

/// Page 3 as its content file holds it.
pub fn third_page() -> Page {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/page-003.json");
    let text = std::fs::read_to_string(path).expect("content/page-003.json");
    parse_content_file("content/page-003.json", &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Page 3's articles, in print order.
#[allow(dead_code)]
pub fn third_page_articles() -> Vec<Article> {
    third_page().articles.into_owned()
}
