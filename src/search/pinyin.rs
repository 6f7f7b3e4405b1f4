//! Pinyin matching: a query of Latin letters finds Han text whose readings spell it, as
//! full pinyin with or without spaces (`canlian`), initials (`cl`), or a mix (`canl`).
//! Polyphones accept every reading (`行` is hang, heng and xing), since a per-character
//! table cannot know which one the context takes.
//!
//! Each character consumes its full reading or its initial (its first letter, or `zh`,
//! `ch`, `sh`: readers type `s` and `sh` alike); the last character may also consume any
//! prefix of a reading, so results appear while the reader is still typing.
//!
//! | query     | matches `残联` (can lian) |
//! |-----------|---------------------------|
//! | `canlian` | yes                       |
//! | `cl`      | yes                       |
//! | `canli`   | yes (typing in progress)  |
//! | `cali`    | no (`ca` is neither `can` nor its initial) |

use super::tables::PINYIN;
use super::tokenize::{Key, Token};

/// Longest pinyin query matched, in letters; longer terms are not pinyin.
pub const MAX_PINYIN_LETTERS: usize = 64;

/// Every reading of `c`, empty when it has none.
pub fn readings(c: char) -> &'static [&'static str] {
    match PINYIN.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => PINYIN[i].1,
        Err(_) => &[],
    }
}

/// The initial of a reading: `zh`, `ch`, `sh`, or its first letter.
pub fn initial(reading: &str) -> &str {
    for two in ["zh", "ch", "sh"] {
        if reading.starts_with(two) {
            return two;
        }
    }
    reading.get(..1).unwrap_or(reading)
}

/// Whether a query term can be pinyin: ASCII letters only, at least two of them.
pub fn is_pinyin_query(term: &str) -> bool {
    (2..=MAX_PINYIN_LETTERS).contains(&term.len()) && term.bytes().all(|b| b.is_ascii_lowercase())
}

/// Matches `query` against the Han tokens starting at `start`; returns the index of the
/// last token used. Tokens must be adjacent (no break between them).
pub fn match_at(tokens: &[Token], start: usize, query: &str) -> Option<usize> {
    go(tokens, start, None, query)
}

fn go(tokens: &[Token], i: usize, prev_pos: Option<u32>, q: &str) -> Option<usize> {
    let token = tokens.get(i)?;
    let Key::Han(c) = token.key else { return None };
    if prev_pos.is_some_and(|p| token.pos != p + 1) {
        return None;
    }
    for r in readings(c) {
        if r.starts_with(q) {
            return Some(i);
        }
        if let Some(rest) = q.strip_prefix(r) {
            if let Some(end) = go(tokens, i + 1, Some(token.pos), rest) {
                return Some(end);
            }
        }
        let long = initial(r);
        let short = r.get(..1).unwrap_or(r);
        for ini in [long, short].into_iter().filter(|ini| ini.len() < r.len()) {
            if let Some(rest) = q.strip_prefix(ini) {
                if let Some(end) = go(tokens, i + 1, Some(token.pos), rest) {
                    return Some(end);
                }
            }
            if long == short {
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::tokenize;
    use super::*;

    fn matches(text: &str, query: &str) -> bool {
        let tokens = tokenize(text);
        (0..tokens.len()).any(|i| match_at(&tokens, i, query).is_some())
    }

    #[test]
    fn pinyin_like_the_table() {
        for (text, query, hit) in [
            ("残联", "canlian", true),
            ("残联", "cl", true),
            ("残联", "canli", true),
            ("残联", "canl", true),
            ("残联", "cali", false),
            ("残联", "canlianx", false),
            ("区残联党组", "canliandangzu", true),
            ("行业联盟", "hangye", true),
            ("行业联盟", "xingye", true),
            ("行业联盟", "hylm", true),
            ("长远", "zhangyuan", true),
            ("长远", "changyuan", true),
            ("残，联", "canlian", false),
            ("区商务局", "swj", true),
            ("区商务局", "shangwuju", true),
            ("区商务局", "shwj", true),
        ] {
            assert_eq!(matches(text, query), hit, "{text} / {query}");
        }
    }

    #[test]
    fn initials_and_query_shape() {
        assert_eq!(initial("zhang"), "zh");
        assert_eq!(initial("an"), "a");
        assert!(is_pinyin_query("cl"));
        assert!(!is_pinyin_query("c"));
        assert!(!is_pinyin_query("c1"));
        assert!(!is_pinyin_query(&"a".repeat(MAX_PINYIN_LETTERS + 1)));
    }
}
