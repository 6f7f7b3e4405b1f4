//! Ingest: one printed page as extracted text → a [`Page`].
//!
//! Stages, each in its own file: decode the bytes (UTF-8, BOM and CRLF tolerated) → read
//! the header → cut articles at their [`signature`] lines → [`reflow`] each article's
//! printed lines into paragraphs and numbered sections, using facts about the [`print`].

pub mod command;
pub mod error;
pub mod print;
pub mod reflow;
pub mod signature;

pub use error::{ErrorKind, IngestError};

use crate::content::addresses::addresses;
use crate::content::full_names::full_names;
use crate::content::model::NAMES_SEPARATOR;
use crate::content::model::{reading_minutes, series_numeral, Article, Page};
use crate::content::short_names::short_names;
use reflow::Line;
use signature::Parsed;

/// Turns the bytes of one source file into a page. `file` names the file in errors and is
/// stored as the page's `source`.
pub fn ingest(file: &str, bytes: &[u8]) -> Result<Page, IngestError> {
    let fail = |line: usize, kind: ErrorKind| IngestError { file: file.to_owned(), line, kind };
    let (text, _) = decode(bytes).map_err(|byte| {
        let line = bytes[..byte].iter().filter(|&&b| b == b'\n').count() + 1;
        fail(line, ErrorKind::InvalidUtf8 { byte })
    })?;
    // `lines()` also drops the '\r' of CRLF endings.
    let lines: Vec<Line<'_>> = text
        .lines()
        .enumerate()
        .map(|(i, text)| Line { number: i + 1, text })
        .filter(|l| !l.text.trim().is_empty())
        .collect();
    if let Some((line, ch)) =
        lines.iter().find_map(|l| l.text.chars().find(|&c| c.is_control() && c != '\t').map(|ch| (l.number, ch)))
    {
        return Err(fail(line, ErrorKind::ControlCharacter { ch }));
    }
    let (header, rest) = match lines.as_slice() {
        [] => return Err(fail(1, ErrorKind::Empty)),
        [only] => return Err(fail(only.number, ErrorKind::MissingHeader { found: only.text.trim().to_owned() })),
        [campaign, title, rest @ ..] => ((campaign, title), rest),
    };
    let (campaign, title) = header;
    let missing_header = |l: &Line<'_>| fail(l.number, ErrorKind::MissingHeader { found: l.text.trim().to_owned() });
    if ends_like_prose(campaign.text) {
        return Err(missing_header(campaign));
    }
    let number = series_number(title.text.trim()).ok_or_else(|| missing_header(title))?;

    let mut articles: Vec<Article> = Vec::new();
    let mut start = 0;
    // A name run onto the posts (no space before it) counts as a signature only where a
    // signature stands: on a line of its own, shorter or longer than the column that lines
    // of prose fill, or right after a paragraph's last sentence. (A printed line of prose
    // that happens to end in posts and a name does neither.)
    let column = reflow::column_width(rest);
    let stands_alone = |i: usize| {
        (print::width(rest[i].text) - column).abs() > reflow::SHORT_LINE_MARGIN
            || i.checked_sub(1).is_some_and(|p| print::ends_sentence(rest[p].text))
    };
    for (i, line) in rest.iter().enumerate() {
        let sig = match signature::parse(line.text) {
            Parsed::Prose => continue,
            Parsed::RunOn(sig) if stands_alone(i) => sig,
            Parsed::RunOn(_) => continue,
            Parsed::MissingName => {
                return Err(fail(line.number, ErrorKind::SignatureWithoutName { line: line.text.trim().to_owned() }))
            }
            Parsed::Signature(sig) => sig,
        };
        let body_lines = &rest[start..i];
        start = i + 1;
        let Some(first) = body_lines.first() else {
            return Err(fail(line.number, ErrorKind::EmptyArticle { signature: line.text.trim().to_owned() }));
        };
        let body = reflow::body(reflow::paragraphs(body_lines));
        let mut article = Article {
            id: format!("{number}-{:02}", articles.len() + 1).into(),
            short_names: short_names(&sig.department).into_iter().map(Into::into).collect(),
            full_names: full_names(&sig.department).join(NAMES_SEPARATOR).into(),
            addresses: addresses(&sig.name, &sig.posts).join(NAMES_SEPARATOR).into(),
            department: sig.department.into(),
            department_short: sig.department_short.into(),
            author: sig.name.into(),
            posts: sig.posts.into_iter().map(Into::into).collect(),
            editor_title: None,
            lead: body.lead.into_iter().map(Into::into).collect(),
            sections: body.sections.into(),
            signature: collapse_spaces(line.text).into(),
            chars: 0,
            reading_minutes: 0,
            source_line: first.number,
        };
        article.chars = article.count_chars();
        article.reading_minutes = reading_minutes(article.chars);
        if let Some(twin) = articles.iter().find(|a| a.lead == article.lead && a.sections == article.sections) {
            return Err(fail(first.number, ErrorKind::DuplicateArticle { first_line: twin.source_line }));
        }
        articles.push(article);
    }
    if let Some(unsigned) = rest.get(start) {
        return Err(fail(unsigned.number, ErrorKind::NoSignature));
    }
    Ok(Page {
        campaign: collapse_spaces(campaign.text).into(),
        title: collapse_spaces(title.text).into(),
        number,
        source: file.to_owned().into(),
        articles: articles.into(),
    })
}

/// What an editor checks at a glance after an ingest: each article's id, author,
/// department and length, and a warning for an article more than twice the median length
/// (a signature the ingest did not see: two statements read as one) or less than half of it
/// (a line taken for a signature: one statement cut in two).
pub fn summary(page: &Page) -> String {
    let mut lengths: Vec<usize> = page.articles.iter().map(|a| a.chars).collect();
    lengths.sort_unstable();
    let median = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    let mut out = format!("{}: {} articles\n", page.title, page.articles.len());
    for a in page.articles.iter() {
        out.push_str(&format!("  {}  {}  {}  {} 字\n", a.id, a.author, a.department, a.chars));
    }
    for a in page.articles.iter().filter(|_| page.articles.len() > 2) {
        if a.chars > 2 * median {
            out.push_str(&format!(
                "warning: {} ({}) has {} characters, more than twice the median {median}: is a signature \
missing before its end? Every statement must end with its own signature line.\n",
                a.id, a.author, a.chars
            ));
        } else if a.chars * 2 < median {
            out.push_str(&format!(
                "warning: {} ({}) has {} characters, less than half the median {median}: was a line of \
text taken for a signature and the statement cut in two?\n",
                a.id, a.author, a.chars
            ));
        }
    }
    out
}

/// Non-ASCII bytes of valid UTF-8 before the first invalid byte, below which the file may
/// still be GB18030: some pairs of GBK bytes are valid UTF-8 by chance (学 is D1 A7), but
/// a run of 21 Han characters in valid UTF-8 means a UTF-8 file damaged further on.
const GB18030_AFTER: usize = 64;

/// The text of a source file and the name of the encoding it was read in: UTF-8 (a
/// byte-order mark dropped), or else GB18030, which Chinese Windows tools save by default
/// (GBK and GB2312 are subsets). GB18030 is tried only when little before the first byte
/// that is not UTF-8 was beyond ASCII ([`GB18030_AFTER`]): a UTF-8 file damaged further on
/// is reported as such, not read as GB18030 nonsense. On failure, the offset of the first
/// bad byte.
pub fn decode(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, &'static str), usize> {
    let (bom, rest) = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let bad = match std::str::from_utf8(rest) {
        Ok(text) => return Ok((text.into(), "UTF-8")),
        Err(e) => e.valid_up_to(),
    };
    if bom == 0 && rest[..bad].iter().filter(|b| !b.is_ascii()).count() < GB18030_AFTER {
        let gb = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(rest);
        if let Some(text) = gb {
            return Ok((text, "GB18030"));
        }
    }
    Err(bom + bad)
}

/// A header line is a title, never a sentence: guards against a page whose first lines
/// are already article text.
fn ends_like_prose(line: &str) -> bool {
    print::ends_sentence(line) || line.contains(['，', '。'])
}

/// Trims the line and folds each whitespace run to one ASCII space.
fn collapse_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number in a page title's closing brackets: "……交流会（三）" → 3, "……（12）" → 12.
fn series_number(title: &str) -> Option<u32> {
    let numeral = series_numeral(title)?;
    let chinese = || crate::numerals::value(&numeral.chars().collect::<Vec<_>>());
    numeral.parse().ok().or_else(chinese).filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_numbers() {
        for (title, n) in [
            ("各部门党委(党组)成员召开集中学习交流会（三）", Some(3)),
            ("……交流会（十）", Some(10)),
            ("……交流会（十二）", Some(12)),
            ("……交流会（二十一）", Some(21)),
            ("……交流会(4)", Some(4)),
            ("……交流会（一百零五）", Some(105)),
            ("……交流会（0）", None),
            ("……交流会", None),
            ("近期，根据区委《方案》的总体安排部署，进", None),
        ] {
            assert_eq!(series_number(title), n, "{title}");
        }
    }
}
