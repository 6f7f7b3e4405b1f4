//! The real page the tests are written against, page 3 (`reader::content::embedded::third_page`,
//! with the app's search tables installed): tests of search quality and of the catalog keep their
//! meaning when editors add pages of the series to `content/`.

use reader::content::{Article, Page};

/// Page 3 as its content file holds it.
pub fn third_page() -> Page {
    reader::content::embedded::third_page().pages.into_owned().remove(0)
}

/// Page 3's articles, in print order.
#[allow(dead_code)]
pub fn third_page_articles() -> Vec<Article> {
    third_page().articles.into_owned()
}
