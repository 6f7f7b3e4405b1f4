//! Pinyin matching: a query of Latin letters finds Han text whose readings spell it, as
//! full pinyin with or without spaces (`canlian`), initials (`cl`), or a mix (`canl`).
//! Polyphones accept every reading (`行` is hang, heng and xing), since a per-character
//! table cannot know which one the context takes.
//!
//! Each character consumes its full reading or its initial (its first letter, or `zh`,
//! `ch`, `sh`: readers type `s` and `sh` alike); the last of two or more characters may
//! also consume any prefix of a reading, so results appear while the reader is still
//! typing. A single character matches only its whole reading (`can`, not `ca`): one
//! letter or two would otherwise match a large share of all characters.
//!
//! | query     | matches `残联` (can lian) |
//! |-----------|---------------------------|
//! | `canlian` | yes                       |
//! | `cl`      | yes                       |
//! | `canli`   | yes (typing in progress)  |
//! | `cali`    | no (`ca` is neither `can` nor its initial) |
//! | `can`     | matches `残` alone        |

use super::tables::installed;
use super::tokenize::{Key, Token};

/// Longest pinyin query matched, in letters; longer terms are not pinyin.
pub const MAX_PINYIN_LETTERS: usize = 64;

/// No readings: the entry for tokens that are not Han or not in the table.
pub const NO_READINGS: u16 = u16::MAX;

/// The readings of one character, its everyday reading first.
pub type Readings = std::str::SplitTerminator<'static, char>;

/// The table row of `c`'s readings, looked up once per token at indexing time.
pub fn reading_id(c: char) -> u16 {
    let row = u16::try_from(u32::from(c)).ok().and_then(|unit| installed().pinyin_chars().binary_search(&unit).ok());
    row.map_or(NO_READINGS, |i| i as u16)
}

/// How many rows [`reading_id`] can return.
pub fn reading_rows() -> u16 {
    installed().pinyin_chars().len() as u16
}

/// The readings of a row from [`reading_id`].
pub fn reading_set(id: u16) -> Readings {
    let t = installed();
    let text =
        t.row_bounds().get(usize::from(id)).map_or("", |&(start, end)| &t.tables.pinyin_text[start.into()..end.into()]);
    text.split_terminator(' ')
}

/// The reading rows of each token ([`NO_READINGS`] for words).
pub fn token_readings(tokens: &[Token]) -> Vec<u16> {
    tokens
        .iter()
        .map(|t| match t.key {
            Key::Han(c) => reading_id(c),
            Key::Word(_) => NO_READINGS,
        })
        .collect()
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

/// What a character read `reading` can consume of a query that goes on past it: the
/// whole reading, its first letter, and `zh`/`ch`/`sh` where it has one.
pub fn consumptions(reading: &'static str) -> impl Iterator<Item = &'static str> {
    let long = initial(reading);
    let short = reading.get(..1).unwrap_or(reading);
    // At most three, distinct: the reading, then the initial(s) shorter than it.
    let initials =
        [long, short].into_iter().enumerate().filter(move |&(i, s)| s.len() < reading.len() && (i == 0 || s != long));
    std::iter::once(reading).chain(initials.map(|(_, s)| s)).filter(|s| !s.is_empty())
}

/// Packs a consumed prefix (at most 7 letters) and the next letter into one key.
pub fn pair_key(first: &str, next: u8) -> u64 {
    first.bytes().take(7).fold(0u64, |k, b| (k << 8) | u64::from(b)) << 8 | u64::from(next)
}

/// A word as pinyin, tone marks dropped and ü written v (`lǚ` → `lv`), if it can be pinyin.
pub fn as_pinyin(word: &str) -> Option<String> {
    const MARKED: [(&str, char); 6] =
        [("āáǎà", 'a'), ("ēéěè", 'e'), ("īíǐì", 'i'), ("ōóǒò", 'o'), ("ūúǔù", 'u'), ("üǖǘǚǜ", 'v')];
    let plain: String =
        word.chars().map(|c| MARKED.iter().find(|(marked, _)| marked.contains(c)).map_or(c, |&(_, p)| p)).collect();
    is_pinyin_query(&plain).then_some(plain)
}

/// Whether a query term can be pinyin: ASCII letters only, at least two of them.
pub fn is_pinyin_query(term: &str) -> bool {
    (2..=MAX_PINYIN_LETTERS).contains(&term.len()) && term.bytes().all(|b| b.is_ascii_lowercase())
}

/// Matches `query` against the Han tokens starting at `start` (`readings` from
/// [`token_readings`]); returns the index of the last token used. Tokens must be adjacent
/// (no break between them).
pub fn match_at(tokens: &[Token], readings: &[u16], start: usize, query: &str) -> Option<usize> {
    go(tokens, readings, start, None, query)
}

fn go(tokens: &[Token], readings: &[u16], i: usize, prev_pos: Option<u32>, q: &str) -> Option<usize> {
    let token = tokens.get(i)?;
    if prev_pos.is_some_and(|p| token.pos != p + 1) {
        return None;
    }
    for r in reading_set(*readings.get(i)?) {
        if r == q || (prev_pos.is_some() && r.starts_with(q)) {
            return Some(i);
        }
        if let Some(rest) = q.strip_prefix(r).filter(|rest| !rest.is_empty()) {
            if let Some(end) = go(tokens, readings, i + 1, Some(token.pos), rest) {
                return Some(end);
            }
        }
        let long = initial(r);
        let short = r.get(..1).unwrap_or(r);
        for ini in [long, short].into_iter().filter(|ini| ini.len() < r.len()) {
            if let Some(rest) = q.strip_prefix(ini) {
                if rest.is_empty() {
                    // The query ends inside this character: a prefix, fine after the first.
                    if prev_pos.is_some() {
                        return Some(i);
                    }
                } else if let Some(end) = go(tokens, readings, i + 1, Some(token.pos), rest) {
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
    use super::*;

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
