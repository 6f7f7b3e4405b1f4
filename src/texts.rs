//! Words the UI shows in more than one place, defined once: the site's name, how every
//! document title ends, and the not-found page's title.

/// The site's name: the header's brand, and the publisher in sharing metadata.
pub const SITE_NAME: &str = "拱墅区 · 学习交流";

/// What ends every document title.
pub const TITLE_SUFFIX: &str = " · 拱墅区";

/// The not-found page's heading, for an address that is no page's.
pub const MISSING_PAGE: &str = "没有找到这个页面";

/// The not-found view's heading, for an article id that is no article's.
pub const MISSING_ARTICLE: &str = "没有找到这篇文章";

/// The document title's name for an article id that is no article's.
pub const MISSING_TITLE: &str = "未找到文章";

/// A document title: `name` and the suffix.
pub fn document_title(name: &str) -> String {
    format!("{name}{TITLE_SUFFIX}")
}

/// A document title without its suffix: the headline sharing metadata gives.
pub fn headline(title: &str) -> &str {
    title.strip_suffix(TITLE_SUFFIX).unwrap_or(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_is_its_document_title_without_the_suffix() {
        assert_eq!(document_title("区残联"), "区残联 · 拱墅区");
        assert_eq!(headline(&document_title("区残联 · 拱墅区")), "区残联 · 拱墅区", "only the suffix goes");
        assert_eq!(headline("无后缀"), "无后缀");
    }
}
