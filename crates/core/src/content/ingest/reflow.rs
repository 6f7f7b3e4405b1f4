//! Rebuilds an article's paragraphs and numbered sections from its printed lines.
//!
//! Print lost the paragraph indents, so a paragraph break is inferred: after a line that
//! ends a sentence and is clearly shorter than the column (the short last line of a
//! paragraph), or that is followed by a numbered heading. The column is measured per
//! article, because the page sets articles in columns of different widths.
//!
//! | printed lines                                   | result                                   |
//! |-------------------------------------------------|------------------------------------------|
//! | `……开创我区残疾人事业` / `新局面。`             | one paragraph ending "……事业新局面。"    |
//! | `一、坚持问题导向，认清……的必要` / `性。深入……` | heading "一、……必要性。", body "深入……" |
//! | `……一是探索多元发展模式……`                      | stays inside its paragraph               |

use super::print::{ends_sentence, first_sentence_len, is_justified, join_lines, starts_heading, width};
use crate::content::model::Section;

/// How much shorter than the column (in ems) a line must be to count as a paragraph's
/// last line. Punctuation compression makes full lines vary by about one em.
pub const SHORT_LINE_MARGIN: f32 = 1.5;
/// The column is this quantile of the widths of unjustified lines: robust against the
/// short last lines and the few over-full lines.
const COLUMN_QUANTILE: f32 = 0.75;

/// A printed line with its 1-based line number in the source.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// 1-based line number in the source file.
    pub number: usize,
    /// The line as printed.
    pub text: &'a str,
}

/// The article body: paragraphs before the first heading, then the numbered sections.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Body {
    /// Paragraphs before the first numbered heading.
    pub lead: Vec<String>,
    /// Numbered sections in order.
    pub sections: Vec<Section>,
}

/// Estimates the column width in ems from the article's lines.
pub fn column_width(lines: &[Line<'_>]) -> f32 {
    let mut widths: Vec<f32> = lines.iter().filter(|l| !is_justified(l.text)).map(|l| width(l.text)).collect();
    if widths.is_empty() {
        return f32::INFINITY;
    }
    widths.sort_by(f32::total_cmp);
    let at = ((widths.len() - 1) as f32 * COLUMN_QUANTILE).round() as usize;
    widths[at]
}

/// Splits printed lines into paragraphs (each the joined text of its lines).
pub fn paragraphs(lines: &[Line<'_>]) -> Vec<String> {
    let column = column_width(lines);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        let breaks = last
            || (ends_sentence(line.text)
                && ((!is_justified(line.text) && width(line.text) + SHORT_LINE_MARGIN <= column)
                    || starts_heading(lines[i + 1].text)));
        if breaks {
            out.push(join_lines(lines[start..=i].iter().map(|l| l.text)));
            start = i + 1;
        }
    }
    out
}

/// Groups paragraphs into the lead and numbered sections. A heading runs to the end of its
/// first sentence; what follows it in the same paragraph is the section's first paragraph.
pub fn body(paragraphs: Vec<String>) -> Body {
    let mut body = Body::default();
    for p in paragraphs {
        if starts_heading(&p) {
            let cut = first_sentence_len(&p).unwrap_or(p.len());
            let (heading, rest) = p.split_at(cut);
            body.sections.push(Section {
                heading: heading.to_owned().into(),
                paragraphs: if rest.is_empty() { Vec::new() } else { vec![rest.to_owned().into()] }.into(),
            });
        } else if let Some(section) = body.sections.last_mut() {
            section.paragraphs.to_mut().push(p.into());
        } else {
            body.lead.push(p);
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
        texts.iter().enumerate().map(|(i, t)| Line { number: i + 1, text: t }).collect()
    }

    #[test]
    fn breaks_after_short_sentence_end_only() {
        let cases: &[(&[&str], &[&str])] = &[
            // A short last line ends the paragraph.
            (&["一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十一二三四五六七八九十", "完了。", "下一段一二三四五六七八九十一二三四五六七"], &["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十完了。", "下一段一二三四五六七八九十一二三四五六七"]),
            // A full line that happens to end a sentence does not.
            (&["一二三四五六七八九十一二三四五六七八九。", "一二三四五六七八九十一二三四五六七八九十", "完了。"], &["一二三四五六七八九十一二三四五六七八九。一二三四五六七八九十一二三四五六七八九十完了。"]),
            // A short line without closing punctuation does not.
            (&["一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十一二三四五六七八九十", "没有句号", "一二三四五六七八九十一二三四五六七八九十"], &["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十没有句号一二三四五六七八九十一二三四五六七八九十"]),
            // A numbered heading after a sentence end starts a new paragraph even after a full line.
            (&["一二三四五六七八九十一二三四五六七八九。", "二、标题。正文一二三四五六七八九十一二三"], &["一二三四五六七八九十一二三四五六七八九。", "二、标题。正文一二三四五六七八九十一二三"]),
        ];
        for (input, want) in cases {
            assert_eq!(paragraphs(&lines(input)), *want);
        }
    }

    #[test]
    fn headings_split_from_their_paragraph() {
        let b = body(vec!["导语。".into(), "一、标题，续。正文。".into(), "又一段。".into(), "二、只有标题".into()]);
        assert_eq!(b.lead, ["导语。"]);
        assert_eq!(b.sections.len(), 2);
        assert_eq!(b.sections[0].heading, "一、标题，续。");
        assert_eq!(*b.sections[0].paragraphs, ["正文。", "又一段。"]);
        assert_eq!(b.sections[1].heading, "二、只有标题");
        assert!(b.sections[1].paragraphs.is_empty());
    }
}
