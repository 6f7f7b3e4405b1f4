//! The real page the tests are written against, page 3 (`reader_core::fixtures`), with the
//! app's search tables installed: tests of search quality and of the catalog keep their
//! meaning when editors add pages of the series to `content/`.

use reader::content::{Article, Page};

/// Page 3 as its content file holds it.
pub fn third_page() -> Page {
    reader::content::embedded::install_tables();
    reader_core::fixtures::third_page()
}

/// Page 3's articles, in print order.
#[allow(dead_code)]
pub fn third_page_articles() -> Vec<Article> {
    third_page().articles.into_owned()
}
