//! What a pre-rendered article page tells link previews (WeChat, social sites) and search
//! engines: Open Graph tags, the canonical address and `og:url` when the build knows the
//! site's public origin (omitted, not guessed, when it does not), meta keywords, and a
//! JSON-LD `NewsArticle`. Native only: the build's last step writes it into each page.

use serde_json::json;

/// The site's own name, as its header shows it: the publisher of these pages.
use crate::texts::SITE_NAME;

/// One article as its page's metadata describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleMeta<'a> {
    /// "区残联 谢建青：各部门……交流会（三）".
    pub headline: &'a str,
    /// The page's description.
    pub description: &'a str,
    /// The author's name.
    pub author: &'a str,
    /// The author's posts, "党组书记、理事长".
    pub job_title: &'a str,
    /// The department as printed.
    pub department: &'a str,
    /// The department's short name: the article's section.
    pub section: &'a str,
    /// The article's keywords.
    pub keywords: &'a [&'a str],
    /// The page's public address, when the build was given the site's origin.
    pub url: Option<&'a str>,
}

/// The tags for the page's `<head>`: HTML made from escaped values only.
pub fn article_head(m: &ArticleMeta<'_>) -> String {
    let mut head = String::new();
    let mut meta = |attr: &str, key: &str, value: &str| {
        head.push_str(&format!("<meta {attr}=\"{key}\" content=\"{}\">", escape(value)));
    };
    meta("property", "og:type", "article");
    meta("property", "og:title", m.headline);
    meta("property", "og:description", m.description);
    meta("property", "og:site_name", SITE_NAME);
    meta("property", "og:locale", "zh_CN");
    if let Some(url) = m.url {
        meta("property", "og:url", url);
    }
    if !m.keywords.is_empty() {
        meta("name", "keywords", &m.keywords.join(","));
    }
    if let Some(url) = m.url {
        head.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", escape(url)));
    }
    head.push_str("<script type=\"application/ld+json\">");
    // No `<` at all inside the script element (`</script>` would end it, `<!--<script>`
    // derail the parser): JSON spells it `\u003c`, and only strings hold one.
    head.push_str(&json_ld(m).to_string().replace('<', "\\u003c"));
    head.push_str("</script>");
    head
}

/// The schema.org `NewsArticle` for the article.
pub fn json_ld(m: &ArticleMeta<'_>) -> serde_json::Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": m.headline,
        "description": m.description,
        "author": {
            "@type": "Person",
            "name": m.author,
            "jobTitle": m.job_title,
            "worksFor": { "@type": "GovernmentOrganization", "name": m.department },
        },
        "publisher": { "@type": "Organization", "name": SITE_NAME },
        "articleSection": m.section,
        "keywords": m.keywords,
        "inLanguage": "zh-CN",
    });
    if let (Some(url), Some(object)) = (m.url, article.as_object_mut()) {
        object.insert("url".into(), json!(url));
        object.insert("mainEntityOfPage".into(), json!(url));
    }
    article
}

/// The site's public origin from the build's environment (`PUBLIC_ORIGIN`, e.g.
/// `https://reader.example.org`): `None` when unset, an error when it is no origin.
pub fn public_origin(value: Option<&str>) -> Result<Option<String>, String> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    let origin = value.trim_end_matches('/');
    let rest = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
    // A host name (letters, digits, dots, hyphens) and an optional port: nothing else.
    let valid = rest.is_some_and(|rest| {
        let (host, port) = rest.split_once(':').unwrap_or((rest, "1"));
        !host.is_empty()
            && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            && !port.is_empty()
            && port.len() <= 5
            && port.chars().all(|c| c.is_ascii_digit())
    });
    if valid {
        Ok(Some(origin.to_owned()))
    } else {
        Err(format!("PUBLIC_ORIGIN={value:?} is not an origin such as https://reader.example.org"))
    }
}

fn escape(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(url: Option<&'static str>) -> ArticleMeta<'static> {
        ArticleMeta {
            headline: "区残联 谢建青：交流会（三）",
            description: "说\"明\" </script><b><!--<script>",
            author: "谢建青",
            job_title: "党组书记、理事长",
            department: "区残联",
            section: "区残联",
            keywords: &["残疾人", "党和政府"],
            url,
        }
    }

    #[test]
    fn the_json_ld_is_a_news_article_of_schema_org_shape() {
        let ld = json_ld(&meta(Some("https://r.example/a/3-01/")));
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["author"]["@type"], "Person");
        assert_eq!(ld["author"]["jobTitle"], "党组书记、理事长");
        assert_eq!(ld["publisher"]["@type"], "Organization");
        assert_eq!(ld["articleSection"], "区残联");
        assert_eq!(ld["keywords"], json!(["残疾人", "党和政府"]));
        assert_eq!(ld["inLanguage"], "zh-CN");
        assert_eq!(ld["url"], "https://r.example/a/3-01/");
        assert!(json_ld(&meta(None)).get("url").is_none(), "no origin, no address");
    }

    #[test]
    fn the_head_escapes_every_value_and_the_script_cannot_be_closed() {
        let head = article_head(&meta(Some("https://r.example/a/3-01/")));
        assert!(head.contains("content=\"说&quot;明&quot; &lt;/script&gt;&lt;b&gt;&lt;!--&lt;script&gt;\""), "{head}");
        assert_eq!(head.matches('<').count(), head.matches("<meta ").count() + 3, "no `<` of the content: {head}");
        assert!(head.contains("<link rel=\"canonical\" href=\"https://r.example/a/3-01/\">"));
        let without = article_head(&meta(None));
        assert!(!without.contains("og:url") && !without.contains("canonical"));
        let json = head.split("application/ld+json\">").nth(1).unwrap().trim_end_matches("</script>");
        let parsed: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(parsed["description"], "说\"明\" </script><b><!--<script>");
    }

    #[test]
    fn the_public_origin_is_an_origin_or_nothing() {
        assert_eq!(public_origin(None), Ok(None));
        assert_eq!(public_origin(Some(" ")), Ok(None));
        assert_eq!(public_origin(Some("https://r.example/")), Ok(Some("https://r.example".into())));
        assert_eq!(public_origin(Some("http://127.0.0.1:8080")), Ok(Some("http://127.0.0.1:8080".into())));
        for bad in [
            "r.example",
            "https://",
            "https://r.example/reader",
            "https://u:pw@r.example",
            "https://a\\b",
            "https://a'b",
            "https://r.example:",
            "https://a\"b",
        ] {
            assert!(public_origin(Some(bad)).is_err(), "{bad}");
        }
    }
}
