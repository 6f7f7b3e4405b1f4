//! query: splits what the reader typed into terms and finds where each term occurs.
//!
//! Terms are separated by spaces and all are required (AND). A term's tokens must occur
//! consecutively (a run of Han characters matches as a phrase, never as scattered
//! characters). A term of two or more Latin letters may also match as pinyin.
//!
//! | query           | terms                             |
//! |-----------------|-----------------------------------|
//! | `残疾人 服务`    | `残疾人` AND `服务`                |
//! | `can lian`      | `can` AND `lian` (each also pinyin) |
//! | `BIM技术`        | one phrase: bim, 技, 术            |
//! | `，，`           | no terms: no results               |

use super::index::{Index, Posting};
use super::normalize::fold;
use super::pinyin::{is_pinyin_query, match_at};
use super::tokenize::{tokenize_folded, Key, Token};

/// Longest query considered, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most terms considered; more add nothing a reader means.
pub const MAX_TERMS: usize = 12;

/// One required part of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term's tokens, positions relative to each other.
    pub tokens: Vec<Token>,
    /// The term as pinyin, when it is two or more Latin letters.
    pub pinyin: Option<String>,
}

/// Where a term occurs: a passage and the first and last token matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    /// Index into the index's passages.
    pub passage: u32,
    /// First token matched.
    pub first: u32,
    /// Last token matched.
    pub last: u32,
}

/// Parses a query into terms. Never fails; a query of nothing searchable has no terms.
pub fn parse(query: &str) -> Vec<Term> {
    let bounded: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let folded = fold(&bounded);
    folded
        .split(|f| f.c == ' ')
        .filter_map(|chunk| {
            let tokens = tokenize_folded(chunk);
            if tokens.is_empty() {
                return None;
            }
            // Punctuation around letters ("/canlian", "cl。") does not stop pinyin.
            let pinyin = match tokens.as_slice() {
                [Token { key: Key::Word(w), .. }] if is_pinyin_query(w) => Some(w.to_string()),
                _ => None,
            };
            Some(Term { tokens, pinyin })
        })
        .take(MAX_TERMS)
        .collect()
}

/// Every place `term` occurs in the index, in passage and token order.
pub fn find(index: &Index, term: &Term) -> Vec<Match> {
    let mut found = phrase_matches(index, &term.tokens);
    if let Some(pinyin) = &term.pinyin {
        for at in pinyin_starts(index, pinyin) {
            let p = &index.passages[at.passage as usize];
            if let Some(last) = match_at(&p.tokens, &p.readings, at.token as usize, pinyin) {
                found.push(Match { passage: at.passage, first: at.token, last: last as u32 });
            }
        }
    }
    super::sort_by(&mut found, Match::cmp);
    found.dedup_by_key(|m| (m.passage, m.first));
    found
}

/// Where a pinyin match can start: a character read exactly as the query, or a pair of
/// adjacent characters whose first can consume a prefix of the query (a reading or an
/// initial) and whose second starts with the letter after it.
fn pinyin_starts(index: &Index, q: &str) -> Vec<Posting> {
    /// The longest syllable, "zhuang", has six letters.
    const MAX_SYLLABLE: usize = 6;
    let mut starts: Vec<Posting> = index.syllable_postings(q).to_vec();
    for len in 1..=MAX_SYLLABLE.min(q.len() - 1) {
        starts.extend_from_slice(index.pinyin_pair_postings(&q[..len], q.as_bytes()[len]));
    }
    super::sort_by(&mut starts, |a, b| (a.passage, a.token).cmp(&(b.passage, b.token)));
    starts.dedup();
    starts
}

/// Occurrences of the tokens as a phrase: same keys, same relative positions.
fn phrase_matches(index: &Index, q: &[Token]) -> Vec<Match> {
    let Some((offset, anchors)) = anchor(index, q) else { return Vec::new() };
    let mut out = Vec::new();
    for &Posting { passage, token } in anchors {
        let Some(first) = (token as usize).checked_sub(offset) else { continue };
        let tokens = &index.passages[passage as usize].tokens;
        let Some(window) = tokens.get(first..first + q.len()) else { continue };
        let base = window[0].pos;
        let fits = window.iter().zip(q).all(|(t, qt)| t.key == qt.key && t.pos - base == qt.pos - q[0].pos);
        if fits {
            out.push(Match { passage, first: first as u32, last: (first + q.len() - 1) as u32 });
        }
    }
    out
}

/// The rarest postings list that every occurrence must appear in, and the offset of its
/// token within the phrase: a Han bigram if the phrase has one, else a word or a character.
fn anchor<'a>(index: &'a Index, q: &[Token]) -> Option<(usize, &'a [Posting])> {
    let mut best: Option<(usize, &[Posting])> = None;
    for (i, t) in q.iter().enumerate() {
        let list = match (&t.key, q.get(i + 1)) {
            (Key::Han(a), Some(Token { key: Key::Han(b), pos, .. })) if *pos == t.pos + 1 => {
                index.bigram_postings(*a, *b)
            }
            (Key::Han(a), _) => index.han_postings(*a),
            (Key::Word(w), _) => index.word_postings(w),
        };
        if best.is_none_or(|(_, b)| list.len() < b.len()) {
            best = Some((i, list));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(query: &str) -> Vec<(usize, Option<String>)> {
        parse(query).into_iter().map(|t| (t.tokens.len(), t.pinyin)).collect()
    }

    #[test]
    fn parses_like_the_table() {
        assert_eq!(shape("残疾人 服务"), [(3, None), (2, None)]);
        assert_eq!(shape("can lian"), [(1, Some("can".into())), (1, Some("lian".into()))]);
        assert_eq!(shape("BIM技术"), [(3, None)]);
        assert_eq!(shape("，，"), []);
        assert_eq!(shape(""), []);
        assert_eq!(shape("　ＣＬ　"), [(1, Some("cl".into()))]);
        assert_eq!(shape("/canlian。"), [(1, Some("canlian".into()))]);
        assert_eq!(shape("can1"), [(1, None)]);
        assert_eq!(shape(&"字 ".repeat(100)).len(), MAX_TERMS);
    }
}
