//! The form a page takes inside the app: its fields in a fixed order, each ended by
//! U+001F (the unit separator), lists preceded by their length. `build.rs` packs each
//! checked `content/*.json` so; the app unpacks it with [`unpack`], a few hundred bytes of
//! WASM where a JSON parser costs tens of kilobytes. [`Page::check`] refuses control
//! characters in the text, so the separator never occurs inside a field.

use super::model::{Article, Page, Section};

/// Ends every field.
pub const SEPARATOR: char = '\u{1f}';

/// Packs a checked page.
pub fn pack(page: &Page) -> String {
    let mut out = Packer(String::new());
    out.text(&page.campaign);
    out.text(&page.title);
    out.number(page.number as usize);
    out.text(&page.source);
    out.number(page.articles.len());
    for a in &page.articles {
        for field in [&a.id, &a.department, &a.department_short, &a.author] {
            out.text(field);
        }
        out.list(&a.posts);
        // An absent title and an empty one differ: a flag, then the text.
        out.number(usize::from(a.editor_title.is_some()));
        out.text(a.editor_title.as_deref().unwrap_or_default());
        out.list(&a.lead);
        out.number(a.sections.len());
        for s in &a.sections {
            out.text(&s.heading);
            out.list(&s.paragraphs);
        }
        out.text(&a.signature);
        for n in [a.chars, a.reading_minutes, a.source_line] {
            out.number(n);
        }
    }
    out.0
}

struct Packer(String);

impl Packer {
    fn text(&mut self, s: &str) {
        self.0.push_str(s);
        self.0.push(SEPARATOR);
    }

    fn number(&mut self, n: usize) {
        self.text(&n.to_string());
    }

    fn list(&mut self, items: &[String]) {
        self.number(items.len());
        for item in items {
            self.text(item);
        }
    }
}

/// Unpacks what [`pack`] made. The error says which field was wrong, counted from 1.
pub fn unpack(packed: &str) -> Result<Page, String> {
    let mut u = Unpacker { fields: packed.split(SEPARATOR), at: 0 };
    let (campaign, title) = (u.text()?, u.text()?);
    let number = u32::try_from(u.number()?).map_err(|_| u.error("a page number"))?;
    let source = u.text()?;
    let articles = u.many(|u| {
        let (id, department, department_short, author) = (u.text()?, u.text()?, u.text()?, u.text()?);
        let posts = u.list()?;
        let editor_title = match (u.number()?, u.text()?) {
            (0, _) => None,
            (_, title) => Some(title),
        };
        let lead = u.list()?;
        let sections = u.many(|u| Ok(Section { heading: u.text()?, paragraphs: u.list()? }))?;
        let signature = u.text()?;
        let (chars, reading_minutes, source_line) = (u.number()?, u.number()?, u.number()?);
        Ok(Article {
            id,
            department,
            department_short,
            author,
            posts,
            editor_title,
            lead,
            sections,
            signature,
            chars,
            reading_minutes,
            source_line,
        })
    })?;
    // `split` yields one empty piece after the last separator, and nothing may follow it.
    match u.fields.next() {
        Some("") if u.fields.next().is_none() => Ok(Page { campaign, title, number, source, articles }),
        _ => Err(u.error("the end")),
    }
}

struct Unpacker<'a> {
    fields: std::str::Split<'a, char>,
    at: usize,
}

impl Unpacker<'_> {
    fn error(&self, wanted: &str) -> String {
        format!("field {}: expected {wanted}", self.at + 1)
    }

    fn text(&mut self) -> Result<String, String> {
        let field = self.fields.next().ok_or_else(|| self.error("text"))?;
        self.at += 1;
        Ok(field.to_owned())
    }

    fn number(&mut self) -> Result<usize, String> {
        let field = self.fields.next().and_then(|f| f.parse().ok()).ok_or_else(|| self.error("a number"))?;
        self.at += 1;
        Ok(field)
    }

    fn many<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T, String>) -> Result<Vec<T>, String> {
        let n = self.number()?;
        // The count comes from our own build, but a wrong one must not reserve gigabytes.
        let mut items = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            items.push(item(self)?);
        }
        Ok(items)
    }

    fn list(&mut self) -> Result<Vec<String>, String> {
        self.many(Self::text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Page {
        let article = |id: &str, editor_title: Option<&str>| Article {
            id: id.into(),
            department: "区商务局（区旅游局）".into(),
            department_short: "区商务局".into(),
            author: "某某".into(),
            posts: vec!["党委书记".into(), "局长".into()],
            editor_title: editor_title.map(Into::into),
            lead: vec!["第一段。".into()],
            sections: vec![
                Section { heading: "一、标题。".into(), paragraphs: vec!["甲".into(), "乙".into()] },
                Section { heading: "二、空节。".into(), paragraphs: vec![] },
            ],
            signature: "区商务局党委书记、局长 某某".into(),
            chars: 12,
            reading_minutes: 1,
            source_line: 40,
        };
        Page {
            campaign: "解放思想勇开拓 争先创优敢担当".into(),
            title: "交流会（三）".into(),
            number: 3,
            source: "content/source/x.txt".into(),
            articles: vec![article("3-01", None), article("3-02", Some("")), article("3-03", Some("题"))],
        }
    }

    #[test]
    fn round_trips() {
        let page = page();
        assert_eq!(unpack(&pack(&page)), Ok(page));
    }

    #[test]
    fn refuses_what_it_did_not_make() {
        let packed = pack(&page());
        let cut = packed.strip_suffix(&format!("40{SEPARATOR}")).unwrap();
        assert_eq!(unpack(cut), Err("field 71: expected a number".to_owned()));
        assert!(unpack(&format!("{packed}extra{SEPARATOR}")).unwrap_err().contains("expected the end"));
        assert_eq!(unpack(""), Err("field 2: expected text".to_owned()));
        let bad_count =
            packed.replacen(&format!("{SEPARATOR}3{SEPARATOR}3-01"), &format!("{SEPARATOR}x{SEPARATOR}3-01"), 1);
        assert_eq!(unpack(&bad_count), Err("field 5: expected a number".to_owned()));
    }
}
