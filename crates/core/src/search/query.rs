//! query: splits what the reader typed into terms and finds where each term occurs.
//!
//! Terms are separated by spaces and all are required (AND). A term's tokens must occur
//! consecutively (a run of Han characters matches as a phrase, never as scattered
//! characters). A term of two or more Latin letters may also match as pinyin (tone marks
//! and ü as typed from a pinyin table: `lǚyóu` is `lvyou`), and so may the letters of a
//! term that mixes them with characters (`minzheng局`).
//!
//! | query           | terms                             |
//! |-----------------|-----------------------------------|
//! | `残疾人 服务`    | `残疾人` AND `服务`                |
//! | `can lian`      | `can` AND `lian` (each also pinyin) |
//! | `BIM技术`        | one phrase: bim, 技, 术 (bim also pinyin) |
//! | `，，`           | no terms: no results               |
//!
//! A number in a term also matches written the other way (十家 finds 10家: `numbers`).
//!
//! This is the strict match; `approx` is the second pass, for when it finds too little.

use super::index::{Index, Posting};
use super::normalize::fold;
use super::numbers::{inside_a_number, spellings};
use super::pinyin::{as_pinyin, match_at};
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
    /// Each token as pinyin, where it is letters that can be (worked out once per query).
    pub letters: Vec<Option<String>>,
    /// The term with its numbers written the other way (十家 → 10家), see `numbers`.
    pub numbers: Vec<Vec<Token>>,
}

impl Term {
    /// Its Han characters, as folded (letters and digits left out).
    pub fn text(&self) -> String {
        self.tokens.iter().filter_map(|t| if let Key::Han(c) = t.key { Some(c) } else { None }).collect()
    }

    /// Whether it mixes characters with letters that may be pinyin (`minzheng局`).
    pub fn is_mixed(&self) -> bool {
        self.tokens.iter().any(|t| matches!(t.key, Key::Han(_))) && self.letters.iter().any(Option::is_some)
    }
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
    /// How well it matches, in percent: [`EXACT`], or less for an approximate match.
    pub quality: u8,
}

/// The quality of a match of exactly what was typed.
pub const EXACT: u8 = 100;

/// Parses a query into terms. Never fails; a query of nothing searchable has no terms.
pub fn parse(query: &str) -> Vec<Term> {
    let bounded: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let folded = fold(&bounded);
    folded
        .split(|f| f.c == ' ')
        .filter_map(|chunk| {
            // A full name as notices give it, 杭州市拱墅区…: the departments' full names
            // begin at the district (`content::full_names`), and a text with the city
            // before the district still has the district.
            let city = chunk.len() > 6 && chunk[..6].iter().map(|f| f.c).eq("杭州市拱墅区".chars());
            let chunk = if city { &chunk[3..] } else { chunk };
            let tokens = tokenize_folded(chunk);
            if tokens.is_empty() {
                return None;
            }
            let letters: Vec<Option<String>> = tokens
                .iter()
                .map(|t| match &t.key {
                    Key::Word(w) => as_pinyin(w),
                    Key::Han(_) => None,
                })
                .collect();
            // Punctuation around letters ("/canlian", "cl。") does not stop pinyin.
            let pinyin = if tokens.len() == 1 { letters[0].clone() } else { None };
            let numbers = spellings(&tokens);
            Some(Term { tokens, pinyin, letters, numbers })
        })
        .take(MAX_TERMS)
        .collect()
}

/// Every place `term` occurs in the index, in passage and token order.
pub fn find(index: &Index, term: &Term) -> Vec<Match> {
    let mut found = phrase_matches(index, &term.tokens);
    for spelling in &term.numbers {
        let counts = phrase_matches(index, spelling).into_iter();
        found.extend(counts.filter(|m| {
            let p = &index.passages[m.passage as usize];
            !inside_a_number(&p.text, &p.tokens, m)
        }));
    }
    if let Some(pinyin) = &term.pinyin {
        for at in pinyin_starts(index, pinyin) {
            let p = &index.passages[at.passage as usize];
            if let Some(last) = match_at(&p.tokens, &p.readings, at.token as usize, pinyin) {
                found.push(Match { passage: at.passage, first: at.token, last: last as u32, quality: EXACT });
            }
        }
    }
    if term.is_mixed() {
        found.extend(mixed_matches(index, &term.tokens, &term.letters));
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

/// Occurrences of a term of characters and pinyin, each token adjacent to the last: a
/// character matches itself, letters match themselves or as pinyin (`bim技shu`,
/// `2019年gongzuo`).
fn mixed_matches(index: &Index, q: &[Token], parts: &[Option<String>]) -> Vec<Match> {
    let mut starts = match (&q[0].key, &parts[0]) {
        (Key::Han(c), _) => index.han_postings(*c).to_vec(),
        (Key::Word(_), Some(pinyin)) => pinyin_starts(index, pinyin),
        (Key::Word(w), None) => index.word_postings(w).to_vec(),
    };
    if let (Key::Word(w), Some(_)) = (&q[0].key, &parts[0]) {
        starts.extend_from_slice(index.word_postings(w));
    }
    let mut out = Vec::new();
    for at in starts {
        let p = &index.passages[at.passage as usize];
        let mut next = at.token as usize;
        let mut prev: Option<u32> = None;
        let fits = q.iter().zip(parts).all(|(qt, part)| {
            let Some(token) = p.tokens.get(next).filter(|t| prev.is_none_or(|pos| t.pos == pos + 1)) else {
                return false;
            };
            let itself = (token.key == qt.key).then_some(next);
            let last =
                itself.or_else(|| part.as_deref().and_then(|pinyin| match_at(&p.tokens, &p.readings, next, pinyin)));
            last.inspect(|&last| {
                prev = Some(p.tokens[last].pos);
                next = last + 1;
            })
            .is_some()
        });
        if fits {
            out.push(Match { passage: at.passage, first: at.token, last: next as u32 - 1, quality: EXACT });
        }
    }
    out
}

/// Occurrences of the tokens as a phrase: same keys, same relative positions.
pub(super) fn phrase_matches(index: &Index, q: &[Token]) -> Vec<Match> {
    let Some((offset, anchors)) = anchor(index, q) else { return Vec::new() };
    let mut out = Vec::new();
    for &Posting { passage, token } in anchors {
        let Some(first) = (token as usize).checked_sub(offset) else { continue };
        let tokens = &index.passages[passage as usize].tokens;
        let Some(window) = tokens.get(first..first + q.len()) else { continue };
        let base = window[0].pos;
        let fits = window.iter().zip(q).all(|(t, qt)| t.key == qt.key && t.pos - base == qt.pos - q[0].pos);
        if fits {
            out.push(Match { passage, first: first as u32, last: (first + q.len() - 1) as u32, quality: EXACT });
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
    fn pinyin_as_typed_from_a_table_and_mixed_terms() {
        assert_eq!(shape("lǚyóu LÜYOU"), [(1, Some("lvyou".into())), (1, Some("lvyou".into()))]);
        let mixed: Vec<bool> =
            ["minzheng局", "BIM技术", "残联", "minzheng", "2019年"].iter().map(|q| parse(q)[0].is_mixed()).collect();
        assert_eq!(mixed, [true, true, false, false, false]);
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
