//! Cutting a block of text into chunks short enough for any speech engine to finish.
//!
//! Chrome's network voices stop an utterance after about 15 s of speech and never say
//! so; a chunk of at most [`MAX_CHARS`] characters lasts under 13 s even at the slowest
//! speed offered (0.7×) with a voice of 3.3 characters a second (those voices speak 4–6). A block is cut at sentence
//! ends first, and a sentence longer than the limit at its clauses, packed back together
//! while they fit; only a clause longer than the limit is cut between characters.
//!
//! | text | chunks |
//! | --- | --- |
//! | `一是抓学习。二是抓落实！` | `一是抓学习。` · `二是抓落实！` |
//! | `他说：“好。”然后走了。` | `他说：“好。”` · `然后走了。` |
//! | a 60-character sentence, commas every 12 | clauses packed up to the limit |
//! | 70 characters without punctuation | three even pieces, never inside `2023` or `Web` |
//!
//! The chunks are byte ranges that cover the text exactly, in order: joined, they give
//! it back, so the reading view can mark each one in the printed text.

use std::ops::Range;

/// The most characters a chunk holds.
pub const MAX_CHARS: usize = 30;

/// Characters that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '!' | '?' | ';')
}

/// Characters after which a long sentence may be cut.
fn ends_clause(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | ',' | ':' | '—')
}

/// Closing quotes and brackets, which stay with the punctuation before them.
fn closes(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〉' | '"' | '\'' | ']')
}

/// Letters and digits of a Latin word or number, which a hard cut never splits.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '％')
}

/// The text cut into chunks of at most `max` characters (`max` ≥ 1), as byte ranges
/// that cover `text` exactly, in order. Empty text has no chunks.
pub fn split(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut out = Vec::new();
    for sentence in pieces(text, 0..text.len(), ends_sentence) {
        if chars(text, &sentence) <= max {
            out.push(sentence);
            continue;
        }
        // A long sentence: its clauses, packed while they fit; an overlong clause cut.
        let mut clauses = Vec::new();
        for clause in pieces(text, sentence, ends_clause) {
            if chars(text, &clause) <= max {
                clauses.push(clause);
            } else {
                clauses.extend(hard_cut(text, clause, max));
            }
        }
        out.extend(pack(text, clauses, max));
    }
    out
}

fn chars(text: &str, r: &Range<usize>) -> usize {
    text[r.clone()].chars().count()
}

/// `range` of `text` cut after each character `ends` accepts (with the closers and
/// further ending characters that follow it).
fn pieces(text: &str, range: Range<usize>, ends: fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut iter = text[range.clone()].char_indices().map(|(i, c)| (i + range.start, c)).peekable();
    while let Some((_, c)) = iter.next() {
        if !ends(c) {
            continue;
        }
        let mut end = iter.peek().map_or(range.end, |&(i, _)| i);
        while let Some(&(i, next)) = iter.peek() {
            if !(closes(next) || ends(next) || next == ' ') {
                break;
            }
            iter.next();
            end = i + next.len_utf8();
        }
        out.push(start..end);
        start = end;
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

/// Consecutive ranges joined while the result stays within `max` characters.
fn pack(text: &str, ranges: Vec<Range<usize>>, max: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if chars(text, &(last.start..r.end)) <= max => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

/// A clause with no punctuation to cut at, in even pieces of at most `max` characters,
/// each cut moved back to the start of a Latin word or number it would split (unless the
/// word alone is longer than a piece).
fn hard_cut(text: &str, range: Range<usize>, max: usize) -> Vec<Range<usize>> {
    let bounds: Vec<(usize, char)> = text[range.clone()].char_indices().map(|(i, c)| (i + range.start, c)).collect();
    let n = bounds.len();
    let count = n.div_ceil(max);
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        // What is left, shared evenly among the pieces still to come.
        let left = (count.saturating_sub(out.len())).max((n - start).div_ceil(max));
        let mut cut = (start + (n - start).div_ceil(left)).min(n);
        if cut < n {
            let mut back = cut;
            while back > start && is_word(bounds[back].1) && is_word(bounds[back - 1].1) {
                back -= 1;
            }
            if back > start {
                cut = back;
            }
        }
        let end = if cut < n { bounds[cut].0 } else { range.end };
        out.push(bounds[start].0..end);
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, max: usize) -> Vec<&str> {
        split(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_then_clauses_then_characters() {
        let cases: &[(&str, usize, &[&str])] = &[
            ("", 30, &[]),
            ("一是抓学习。二是抓落实！", 30, &["一是抓学习。", "二是抓落实！"]),
            ("他说：“好。”然后走了。", 30, &["他说：“好。”", "然后走了。"]),
            ("问题在哪里？？答案……在这里", 30, &["问题在哪里？？", "答案……", "在这里"]),
            ("甲乙丙，丁戊己，庚辛壬。", 8, &["甲乙丙，丁戊己，", "庚辛壬。"]),
            ("甲乙丙，丁戊己，庚辛壬。", 5, &["甲乙丙，", "丁戊己，", "庚辛壬。"]),
            ("一二三四五六七八九十", 4, &["一二三四", "五六七", "八九十"]),
            ("建成2023个站点", 4, &["建成", "2023", "个站点"]),
            ("Hello world. Fine!", 30, &["Hello world. Fine!"]),
        ];
        for &(text, max, want) in cases {
            assert_eq!(texts(text, max), want, "{text:?} at {max}");
        }
    }

    #[test]
    fn a_word_longer_than_a_piece_is_cut_anyway() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        let got = texts(text, 10);
        assert!(got.iter().all(|c| c.chars().count() <= 10), "{got:?}");
        assert_eq!(got.concat(), text);
    }
}
