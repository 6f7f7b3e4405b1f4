//! excerpt: the best window of a passage around its matches, with highlight ranges as
//! byte offsets into the excerpt text (always on character boundaries).
//!
//! The window holds [`WINDOW_CHARS`] characters and starts a little before the match it
//! is built around, chosen so that it covers as many matches as possible.

use std::ops::Range;

/// Characters in an excerpt.
pub const WINDOW_CHARS: usize = 72;
/// Characters of context kept before the first match in the window.
pub const LEAD_CHARS: usize = 12;

/// A piece of text with highlighted ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    /// The excerpt text.
    pub text: String,
    /// Byte ranges of `text` to highlight, sorted and disjoint.
    pub marks: Vec<Range<usize>>,
    /// Whether text was cut before the excerpt.
    pub cut_start: bool,
    /// Whether text was cut after it.
    pub cut_end: bool,
}

/// The window of `text` that covers the most of `matches` (byte ranges into `text`).
pub fn excerpt(text: &str, matches: &[Range<usize>]) -> Excerpt {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let chars = bounds.len() - 1;
    let char_at = |byte: usize| bounds.partition_point(|&b| b < byte);
    // Snap to character boundaries so slicing can never panic.
    let marks: Vec<Range<usize>> = matches
        .iter()
        .filter(|m| m.start < m.end && m.end <= text.len())
        .map(|m| bounds[char_at(m.start)]..bounds[char_at(m.end)])
        .filter(|m| m.start < m.end)
        .collect();
    let merged = tidy(marks);
    let (mut from, mut best) = (0usize, 0usize);
    for m in &merged {
        let start = char_at(m.start).saturating_sub(LEAD_CHARS);
        let end_byte = bounds[(start + WINDOW_CHARS).min(chars)];
        let covered = merged.iter().filter(|n| n.start >= bounds[start] && n.end <= end_byte).count();
        if covered > best {
            (from, best) = (start, covered);
        }
    }
    // A window near the end slides back so it stays full.
    let from = from.min(chars.saturating_sub(WINDOW_CHARS));
    let to = (from + WINDOW_CHARS).min(chars);
    let (a, b) = (bounds[from], bounds[to]);
    Excerpt {
        text: text[a..b].to_owned(),
        marks: merged.iter().filter(|m| m.start >= a && m.end <= b).map(|m| m.start - a..m.end - a).collect(),
        cut_start: from > 0,
        cut_end: to < chars,
    }
}

/// Marks sorted, overlapping ones merged, so the UI never nests them.
pub fn tidy(mut marks: Vec<Range<usize>>) -> Vec<Range<usize>> {
    super::sort_by(&mut marks, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for m in marks {
        match merged.last_mut() {
            Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
            _ => merged.push(m),
        }
    }
    merged
}

/// The byte ranges of `text` that spell `part` in order, in the shortest stretch that does
/// (a short name 人社局 through 区人力社保局, 区卫健局 through the second body of
/// 区商务局、区卫生健康局); none if no stretch does.
pub fn through(part: &str, text: &str) -> Vec<Range<usize>> {
    let spelt = |from: usize| -> Option<Vec<Range<usize>>> {
        let mut rest = text[from..].char_indices().map(|(i, c)| (from + i, c));
        part.chars().map(|c| rest.find(|&(_, d)| d == c).map(|(i, d)| i..i + d.len_utf8())).collect()
    };
    let first = part.chars().next();
    let starts = text.char_indices().filter(|&(_, c)| Some(c) == first).map(|(i, _)| i);
    let span = |r: &Vec<Range<usize>>| r.last().map_or(0, |l| l.end) - r.first().map_or(0, |f| f.start);
    starts
        .filter_map(spelt)
        .fold(None, |best: Option<Vec<Range<usize>>>, r| match best {
            Some(b) if span(&b) <= span(&r) => Some(b),
            _ => Some(r),
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // Reversed and single ranges are the point of these cases.
    #[allow(clippy::reversed_empty_ranges, clippy::single_range_in_vec_init)]
    fn windows_and_marks() {
        let text = "一二三四五六七八九十".repeat(20);
        let at = |c: usize| text.char_indices().nth(c).unwrap().0;
        let e = excerpt(&text, &[at(50)..at(52)]);
        assert_eq!(e.text.chars().count(), WINDOW_CHARS);
        assert!(e.cut_start && e.cut_end);
        assert_eq!(&e.text[e.marks[0].clone()], "一二");
        assert_eq!(e.text.chars().take_while(|_| true).count(), WINDOW_CHARS);
        let none = excerpt("短文。", &[]);
        assert_eq!((none.text.as_str(), none.marks.len(), none.cut_start, none.cut_end), ("短文。", 0, false, false));
        let overlapping = excerpt("残疾人", &[0..6, 3..9]);
        assert_eq!(overlapping.marks, [0..9]);
        let junk = excerpt("残疾人", &[7..100, 5..2]);
        assert!(junk.marks.is_empty());
        // Found by the property test: a reversed range starting past the end.
        let reversed = excerpt("残疾人", &[150..3]);
        assert!(reversed.marks.is_empty());
        let inside = excerpt("残疾人", &[1..4]);
        assert_eq!(inside.marks, [3..6], "snapped to whole characters");
    }

    #[test]
    fn a_short_name_marks_its_characters_in_the_printed_one() {
        let printed = "区人力社保局";
        let marked: Vec<&str> = through("人社局", printed).into_iter().map(|r| &printed[r]).collect();
        assert_eq!(marked, ["人", "社", "局"]);
        assert!(through("局人", printed).is_empty(), "out of order");
        let two = "区商务局（区旅游局）、区卫生健康局";
        let marked: Vec<&str> = through("区卫健局", two).into_iter().map(|r| &two[r]).collect();
        assert_eq!(marked, ["区", "卫", "健", "局"]);
        assert!(through("区卫健局", two)[0].start > two.find('、').unwrap(), "the body it came from");
        assert_eq!(tidy(vec![6..9, 0..3, 2..4]), [0..4, 6..9]);
    }
}
