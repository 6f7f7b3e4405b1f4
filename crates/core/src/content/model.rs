//! The content model: one printed page of the series and the articles on it, as stored in
//! `content/*.json` and carried by the site's pages for the app.
//!
//! Text and lists are copy-on-write: owned when ingest makes a page or JSON is read (the
//! content files, and the data a pre-rendered page carries: `super::bundle`), borrowed where
//! tests and fixtures write `'static` text.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A string of the model: owned, or `'static` text.
pub type Text = Cow<'static, str>;
/// A list of the model: owned, or a `'static` slice.
pub type List<T> = Cow<'static, [T]>;

/// Characters per minute assumed for the reading-time estimate: a common figure for
/// silent reading of modern Chinese prose by adult readers (studies put it at 300–500).
/// We take the low end because many of our readers are older.
pub const CHARS_PER_MINUTE: usize = 300;

/// One printed page of the series, e.g. "各部门党委(党组)成员召开集中学习交流会（三）".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// The campaign title printed above the page title, phrases separated by single spaces.
    pub campaign: Text,
    /// The page title as printed, including its number in the series.
    pub title: Text,
    /// The page's number in the series: （三） → 3.
    pub number: u32,
    /// The raw text this page was ingested from, relative to the project root.
    pub source: Text,
    /// The articles in print order.
    pub articles: List<Article>,
}

/// One department head's statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable id, usable in URLs: `<page number>-<position on the page, two digits>`.
    pub id: Text,
    /// The department as printed in the signature, e.g. "区商务局（区旅游局）".
    pub department: Text,
    /// The canonical short department: the first body named, without the parenthesised
    /// alternative names, e.g. "区商务局".
    pub department_short: Text,
    /// Everyday short names of the department by rule (区人力社保局 → 区人社局), for the
    /// search: derived when a page is read ([`super::short_names`]), not part of a content file
    /// (the page's data carries them: `super::bundle::Names`).
    #[serde(skip)]
    pub short_names: List<Text>,
    /// The full official name of each body of the department (区住建局 →
    /// 拱墅区住房和城乡建设局), in the bodies' order, for the search: derived when a page is
    /// read ([`super::full_names`]), not part of a content file; joined by "、" ([`NAMES_SEPARATOR`]),
    /// one string being lighter in the WASM than a list of them.
    #[serde(skip)]
    pub full_names: Text,
    /// The author's name.
    pub author: Text,
    /// How people name the author, surname and post (黄局长), for the search: derived when
    /// a page is read ([`super::addresses`]), not part of a content file; joined by "、" too.
    #[serde(skip)]
    pub addresses: Text,
    /// The author's posts in printed order, e.g. ["党委书记", "局长"].
    pub posts: List<Text>,
    /// An editor's headline for the article; the source prints none, so ingest never sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_title: Option<Text>,
    /// The paragraphs before the first numbered section heading.
    pub lead: List<Text>,
    /// The numbered sections (一、二、…), in order.
    pub sections: List<Section>,
    /// The signature line as printed: department and posts, a space, the name.
    pub signature: Text,
    /// Number of characters in the article text (lead, headings and paragraphs).
    pub chars: usize,
    /// Estimated reading time in whole minutes, at [`CHARS_PER_MINUTE`], at least 1.
    pub reading_minutes: usize,
    /// The line of the source file on which the article's text starts.
    pub source_line: usize,
}

/// A numbered section: its heading as printed and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading, numeral included, e.g. "一、迎接新挑战，提升干部情怀。".
    pub heading: Text,
    /// The body paragraphs of the section.
    pub paragraphs: List<Text>,
}

/// What the build derives for one article (`src/insight/`): shipped with the content, never
/// stored in `content/*.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Insight {
    /// The article's id.
    pub id: Text,
    /// At most six keywords (four, where it has as many candidates), best first.
    pub keywords: List<Text>,
    /// At most three related other articles, best first.
    pub related: List<Related>,
}

/// An article related to another, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    /// Its id.
    pub id: Text,
    /// The phrases the two share that stand out (may be none: related by their words at large).
    pub shared: List<Text>,
}

impl AsRef<Article> for Article {
    fn as_ref(&self) -> &Article {
        self
    }
}

impl Article {
    /// The article's heading: an editor's title, else the department as printed.
    pub fn title(&self) -> &str {
        self.editor_title.as_deref().unwrap_or(&self.department)
    }

    /// The line under the heading: the posts in printed order, then the name
    /// ("党组书记、理事长 谢建青").
    pub fn byline(&self) -> String {
        format!("{} {}", self.posts_line(), self.author)
    }

    /// The posts in printed order, joined by "、" ("党组书记、理事长"): the text the search
    /// indexes them as, and which its highlights of the posts (`Hit::posts_marks`) index.
    pub fn posts_line(&self) -> String {
        self.posts.join("、")
    }

    /// The article's text in reading order: lead paragraphs, then each heading followed by
    /// its paragraphs.
    pub fn blocks(&self) -> impl Iterator<Item = &str> {
        self.lead.iter().map(|p| &**p).chain(
            self.sections.iter().flat_map(|s| std::iter::once(&*s.heading).chain(s.paragraphs.iter().map(|p| &**p))),
        )
    }

    /// The first `max` characters of the article's text, with "……" when cut.
    pub fn excerpt(&self, max: usize) -> String {
        shorten(self.blocks().next().unwrap_or_default(), max, "……")
    }

    /// Counts the characters of [`Article::blocks`], the figure stored in `chars`.
    pub fn count_chars(&self) -> usize {
        self.blocks().map(|b| b.chars().filter(|c| !c.is_whitespace()).count()).sum()
    }
}

/// A page title split at its closing brackets: "……交流会（三）" → ("……交流会", "三");
/// `None` when the title does not end in a bracketed numeral.
fn split_series_title(title: &str) -> Option<(&str, &str)> {
    let inner = title.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let numeral = inner[open..].trim_start_matches(['（', '(']);
    (!numeral.is_empty()).then_some((&inner[..open], numeral))
}

/// The numeral in a page title's closing brackets, as printed: "……交流会（三）" → "三",
/// "……交流会(4)" → "4".
pub fn series_numeral(title: &str) -> Option<&str> {
    split_series_title(title).map(|(_, n)| n)
}

/// How the reader names page `number` whose title prints `numeral`: "第三期" (the numeral as
/// printed), or "第12期" (the number, when the title prints none).
pub fn label(number: u32, numeral: Option<&str>) -> String {
    format!("第{}期", numeral.map_or_else(|| number.to_string(), str::to_owned))
}

impl Page {
    /// How the reader names the page in short, from its printed number: "第三期".
    pub fn label(&self) -> String {
        label(self.number, series_numeral(&self.title))
    }

    /// The title without its number ("各部门党委(党组)成员召开集中学习交流会"): what the
    /// pages of the series share.
    pub fn series_title(&self) -> &str {
        split_series_title(&self.title).map_or(&self.title, |(t, _)| t)
    }
}

/// At most `max` characters of `text`, with `mark` after them when cut.
pub fn shorten(text: &str, max: usize, mark: &str) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}{mark}", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Reading time in whole minutes for `chars` characters, rounded up, never zero.
pub fn reading_minutes(chars: usize) -> usize {
    chars.div_ceil(CHARS_PER_MINUTE).max(1)
}

/// A semantic problem in a content file that parsed as JSON, found by [`Page::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError {
    /// A string whose `occurrence`-th appearance in the file locates the problem.
    pub needle: String,
    /// Which appearance of `needle` (1-based): a repeated id is found at its second.
    pub occurrence: usize,
    /// What is wrong.
    pub message: String,
}

impl Page {
    /// Checks what JSON parsing cannot: ids unique and URL-safe, required text present,
    /// stored counts consistent with the text, no control characters anywhere.
    pub fn check(&self) -> Result<(), CheckError> {
        let err = |needle: &str, message: String| Err(CheckError { needle: needle.to_owned(), occurrence: 1, message });
        if self.articles.is_empty() {
            return err("\"articles\"", "the page has no articles".into());
        }
        for (field, value) in [("campaign", &self.campaign), ("title", &self.title), ("source", &self.source)] {
            if value.contains(char::is_control) {
                return err(&format!("\"{field}\""), format!("the page's {field} contains a control character"));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for a in self.articles.iter() {
            let id = format!("\"{}\"", a.id);
            if a.id.is_empty() || !a.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return err(&id, format!("article id {:?} must be non-empty ASCII letters, digits and '-'", a.id));
            }
            if !seen.insert(&*a.id) {
                let message = format!("article id {:?} is used twice", a.id);
                return Err(CheckError { needle: id, occurrence: 2, message });
            }
            for (field, value) in
                [("author", &a.author), ("department", &a.department), ("department_short", &a.department_short)]
            {
                if value.trim().is_empty() {
                    return err(&id, format!("article {:?} has an empty {field}", a.id));
                }
            }
            let fields = [&a.id, &a.department, &a.department_short, &a.author, &a.signature].into_iter();
            let mut fields = fields.chain(a.posts.iter()).chain(&a.editor_title).map(|f| &**f).chain(a.blocks());
            if let Some(text) = fields.find(|f| f.contains(char::is_control)) {
                return err(&id, format!("article {:?} has a control character in {text:?}", a.id));
            }
            if a.lead.is_empty() && a.sections.is_empty() {
                return err(&id, format!("article {:?} has no text", a.id));
            }
            if let Some(b) = a.blocks().find(|b| b.trim().is_empty()) {
                return err(&id, format!("article {:?} has an empty paragraph or heading {b:?}", a.id));
            }
            let counted = a.count_chars();
            if a.chars != counted {
                return err(&id, format!("article {:?} says chars = {} but its text has {counted}", a.id, a.chars));
            }
            if a.reading_minutes != reading_minutes(counted) {
                return err(
                    &id,
                    format!(
                        "article {:?} says reading_minutes = {} but {counted} chars give {}",
                        a.id,
                        a.reading_minutes,
                        reading_minutes(counted)
                    ),
                );
            }
        }
        Ok(())
    }
}

/// What joins the names an article keeps as one string (`Article::full_names`, `addresses`).
pub const NAMES_SEPARATOR: &str = "、";

/// The names of such a string, in order.
pub fn names(joined: &str) -> impl Iterator<Item = &str> {
    joined.split(NAMES_SEPARATOR).filter(|n| !n.is_empty())
}

/// Parses and checks one content file. The error names the file (as `shown`), the line
/// and what is wrong; `build.rs` fails the build with it.
pub fn parse_content_file(shown: &str, text: &str) -> Result<Page, String> {
    let mut page: Page = serde_json::from_str(text).map_err(|e| format!("{shown}:{}:{}: {e}", e.line(), e.column()))?;
    for a in page.articles.to_mut() {
        a.short_names = super::short_names::short_names(&a.department).into_iter().map(Text::from).collect();
        a.addresses = super::addresses::addresses(&a.author, &a.posts).join(NAMES_SEPARATOR).into();
        a.full_names = super::full_names::full_names(&a.department).join(NAMES_SEPARATOR).into();
    }
    page.check().map_err(|e| {
        let at = text.match_indices(&e.needle).nth(e.occurrence - 1).map(|(at, _)| at);
        let line = at.map_or(1, |at| text[..at].matches('\n').count() + 1);
        format!("{shown}:{line}: {}", e.message)
    })?;
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_on_characters() {
        let a = Article {
            id: "1-01".into(),
            department: "区局".into(),
            department_short: "区局".into(),
            short_names: List::Borrowed(&[]),
            full_names: Text::Borrowed(""),
            addresses: Text::Borrowed(""),
            author: "某某".into(),
            posts: List::Borrowed(&[]),
            editor_title: None,
            lead: vec!["一二三四五".into()].into(),
            sections: List::Borrowed(&[]),
            signature: Text::Borrowed(""),
            chars: 5,
            reading_minutes: 1,
            source_line: 1,
        };
        for (max, want) in [(0, "……"), (3, "一二三……"), (5, "一二三四五"), (9, "一二三四五")] {
            assert_eq!(a.excerpt(max), want, "{max}");
        }
    }

    #[test]
    fn page_labels_and_the_series_title() {
        let page = |title: &str| Page {
            campaign: "".into(),
            title: title.to_owned().into(),
            number: 4,
            source: "".into(),
            articles: List::Borrowed(&[]),
        };
        let p = page("各部门党委(党组)成员召开集中学习交流会（三）");
        assert_eq!((p.label(), p.series_title()), ("第三期".to_owned(), "各部门党委(党组)成员召开集中学习交流会"));
        assert_eq!(page("交流会(12)").label(), "第12期");
        let bare = page("交流会（）");
        assert_eq!((bare.label(), bare.series_title()), ("第4期".to_owned(), "交流会（）"), "no numeral: the number");
        assert_eq!(series_numeral("交流会"), None);
    }

    #[test]
    fn reading_minutes_rounds_up_and_is_never_zero() {
        for (chars, minutes) in [(0, 1), (1, 1), (300, 1), (301, 2), (1500, 5), (1501, 6)] {
            assert_eq!(reading_minutes(chars), minutes, "{chars} chars");
        }
    }
}
