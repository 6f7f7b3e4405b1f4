//! Facts about the printed column: character widths, justification spaces, closing
//! punctuation and numbered headings. Everything here looks at one printed line or one
//! character; [`super::reflow`] uses it to rebuild paragraphs.
//!
//! | printed line (source)                         | [`width`] | [`ends_sentence`] |
//! |-----------------------------------------------|-----------|-------------------|
//! | `新局面。`                                    | 4         | yes               |
//! | `冲刺”，实现2018年招商工作圆满“收官”。`       | 20        | yes               |
//! | `为 深 入学习贯 彻习近平 新 时代中国特 色社`  | 18        | no                |

/// Closing punctuation that can end a paragraph.
const SENTENCE_END: &[char] = &['。', '！', '？', '；', '…', '!', '?', ';'];
/// Closing quotes and brackets that may follow the sentence end, as in `……。”`.
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '〉', '】'];
/// Numerals that open a numbered section heading such as `三、`.
const HEADING_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Width of a line in ems, whitespace ignored: ASCII prints half-width, everything else
/// (Han characters, full-width punctuation) a full em.
pub fn width(line: &str) -> f32 {
    line.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// Whether the line has whitespace between visible characters: the sign of a justified
/// (therefore full) line, since extraction turned wide letter-spacing into spaces.
pub fn is_justified(line: &str) -> bool {
    line.trim().contains(char::is_whitespace)
}

/// Whether the text ends a sentence: closing punctuation, optionally followed by closing
/// quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(CLOSERS);
    t.ends_with(SENTENCE_END)
}

/// Byte length of the first sentence of `text`, closing quotes after its end included;
/// `None` when no sentence end occurs.
pub fn first_sentence_len(text: &str) -> Option<usize> {
    let (i, c) = text.char_indices().find(|&(_, c)| SENTENCE_END.contains(&c))?;
    let rest = &text[i + c.len_utf8()..];
    let closers = rest.len() - rest.trim_start_matches(CLOSERS).len();
    Some(i + c.len_utf8() + closers)
}

/// Whether the text opens with a numbered section heading: Chinese numerals then `、`.
pub fn starts_heading(text: &str) -> bool {
    let rest = text.trim_start().trim_start_matches(HEADING_NUMERALS);
    rest.len() < text.trim_start().len() && rest.starts_with('、')
}

/// Joins printed lines into one run of text, dropping line breaks and the justification
/// spaces print inserted. A space survives only between two ASCII alphanumerics that are
/// not both digits ("BIM 技术" loses it, "Windows 10" keeps it, "8 0后" becomes "80后").
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for line in lines {
        for c in line.chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space && keeps_space(out.chars().next_back(), c) {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
        // A line break never carries a space: a printed Latin word broken across lines
        // would be hyphenated, and CJK needs none.
        pending_space = false;
    }
    out
}

fn keeps_space(before: Option<char>, after: char) -> bool {
    match before {
        Some(b) => {
            b.is_ascii_alphanumeric()
                && after.is_ascii_alphanumeric()
                && !(b.is_ascii_digit() && after.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        for (line, w) in [("新局面。", 4.0), ("育体验活动16场360人次等。", 12.5), ("为 深 入", 3.0), ("", 0.0)]
        {
            assert_eq!(width(line), w, "{line}");
        }
    }

    #[test]
    fn sentence_ends() {
        for (text, ends) in [
            ("新局面。", true),
            ("“低效要问责”。", true),
            ("他说：“好。”", true),
            ("升任务；", true),
            ("“收官”", false),
            ("争先创优敢担", false),
            ("勇开拓　", false),
            ("", false),
        ] {
            assert_eq!(ends_sentence(text), ends, "{text}");
        }
    }

    #[test]
    fn first_sentences() {
        for (text, first) in [
            ("一、迎接新挑战，提升干部情怀。习总书记", Some("一、迎接新挑战，提升干部情怀。")),
            ("一、他说：“好。”然后", Some("一、他说：“好。”")),
            ("一、没有句号", None),
        ] {
            assert_eq!(first_sentence_len(text).map(|n| &text[..n]), first, "{text}");
        }
    }

    #[test]
    fn headings() {
        for (text, heading) in [
            ("一、迎接新挑战", true),
            ("十二、第十二", true),
            ("一是探索多元发展模式", false),
            ("、开头", false),
            ("区一、", false),
            ("", false),
        ] {
            assert_eq!(starts_heading(text), heading, "{text}");
        }
    }

    #[test]
    fn joining_drops_print_spaces_and_keeps_latin_ones() {
        for (lines, joined) in [
            (vec!["为 深 入学习贯 彻", "习近平"], "为深入学习贯彻习近平"),
            (vec!["“8 0后”年 轻"], "“80后”年轻"),
            (vec!["Windows 10 与 BIM 技术"], "Windows 10与BIM技术"),
            (vec!["open  source"], "open source"),
            (vec!["勇开拓　", "争先"], "勇开拓争先"),
            (vec!["  开头", "结尾  "], "开头结尾"),
            (vec!["web", "site"], "website"),
        ] {
            assert_eq!(join_lines(lines.iter().copied()), joined);
        }
    }
}
