//! Pinyin slips: a term of pinyin with a letter transposed, missing or extra in a syllable
//! of three letters or more, as phone keyboards make them. Every character takes its whole
//! reading, as typed or with one slip; a slip is allowed in one syllable of two at most,
//! two in all, and never in one of one or two letters (there, a slip makes another
//! syllable).
//!
//! | term        | matches      | why                              |
//! |-------------|--------------|----------------------------------|
//! | `minzehng`  | 民政          | zheng with h and e swapped       |
//! | `canlan`    | 残联          | lian without its i               |
//! | `jiiuye`    | 就业          | jiu with an extra i              |
//! | `jiaoyuu`   | nothing      | yu has two letters               |
//! | `mnizehng`  | nothing      | a slip in each of two syllables  |
//! | `cl`        | nothing      | initials: too little to forgive  |

use super::super::index::{Index, Posting};
use super::super::pinyin::reading_set;
use super::super::query::Match;
use super::super::rank::{quality, KNOBS};
use super::super::tokenize::Token;

/// The shortest reading a slip may be in.
const SLIPPABLE: usize = 3;
/// The most slips in a term; also what keeps the search of ways to read it small.
const MAX_SLIPS: usize = 2;

/// Where `pinyin`, read with slips, matches.
pub(super) fn slipped(index: &Index, pinyin: &str) -> Vec<Match> {
    // A match starts at a character read as the term begins, as typed or slipped, before
    // one whose reading starts with the next letter, or the one after it (a slip at the
    // start of the second syllable: minhzeng). A second syllable missing its first letter
    // (minheng) is not found: it would take every pair of characters as a start.
    let mut starts: Vec<Posting> = Vec::new();
    for syllable in index.syllables() {
        for (taken, _) in takes(syllable, pinyin) {
            for &next in pinyin.as_bytes().get(taken..).unwrap_or_default().iter().take(2) {
                starts.extend_from_slice(index.pinyin_pair_postings(syllable, next));
            }
        }
    }
    super::super::sort_by(&mut starts, |a, b| (a.passage, a.token).cmp(&(b.passage, b.token)));
    starts.dedup();
    let near = quality(KNOBS.near);
    let mut out = Vec::new();
    for Posting { passage, token } in starts {
        let p = &index.passages[passage as usize];
        if let Some(last) = go(&p.tokens, &p.readings, token as usize, None, pinyin, 0, 0) {
            out.push(Match { passage, first: token, last: last as u32, quality: near });
        }
    }
    out
}

/// Matches `q` from token `i` on, each character taking its whole reading, as typed or
/// with a slip; `slips` and `syllables` so far. Returns the last token used.
fn go(
    tokens: &[Token],
    readings: &[u16],
    i: usize,
    prev: Option<u32>,
    q: &str,
    slips: usize,
    syllables: usize,
) -> Option<usize> {
    let token = tokens.get(i)?;
    if prev.is_some_and(|p| token.pos != p + 1) {
        return None;
    }
    let syllables = syllables + 1;
    for reading in reading_set(*readings.get(i)?) {
        for (taken, slip) in takes(reading, q) {
            let slips = slips + usize::from(slip);
            if slips > MAX_SLIPS {
                continue;
            }
            let rest = &q[taken..];
            if rest.is_empty() {
                if slips > 0 && slips * 2 <= syllables {
                    return Some(i);
                }
            } else if let Some(last) = go(tokens, readings, i + 1, Some(token.pos), rest, slips, syllables) {
                return Some(last);
            }
        }
    }
    None
}

/// How much of `q` a character read `reading` can take: the reading as typed, and the
/// reading with one slip (whether it slipped).
fn takes<'a>(reading: &'a str, q: &'a str) -> impl Iterator<Item = (usize, bool)> + 'a {
    let exact = q.starts_with(reading).then_some((reading.len(), false));
    let n = reading.len();
    let slipped = (n >= SLIPPABLE).then(|| [n - 1, n, n + 1]).into_iter().flatten().filter_map(move |k| {
        let typed = q.get(..k)?;
        one_slip(reading.as_bytes(), typed.as_bytes()).then_some((k, true))
    });
    exact.into_iter().chain(slipped)
}

/// Whether `typed` is `reading` with two adjacent letters swapped, one letter missing or one
/// extra.
fn one_slip(reading: &[u8], typed: &[u8]) -> bool {
    let same = reading.iter().zip(typed).take_while(|(a, b)| a == b).count();
    match typed.len() as isize - reading.len() as isize {
        0 => {
            same + 1 < reading.len()
                && typed[same] == reading[same + 1]
                && typed[same + 1] == reading[same]
                && typed[same + 2..] == reading[same + 2..]
        }
        -1 => typed[same..] == reading[same + 1..],
        1 => typed[same + 1..] == reading[same..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_is_a_swap_a_gap_or_an_extra_letter() {
        for (reading, typed, slip) in [
            ("zheng", "zehng", true),
            ("zheng", "zhegn", true),
            ("lian", "lan", true),
            ("lian", "lina", true),
            ("jiu", "jiiu", true),
            ("jiu", "ijiu", true),
            ("zheng", "zheng", false),
            ("zheng", "zhang", false),
            ("zheng", "zenhg", false),
            ("lian", "li", false),
        ] {
            assert_eq!(one_slip(reading.as_bytes(), typed.as_bytes()), slip, "{reading} {typed}");
        }
        let takes: Vec<(usize, bool)> = takes("yu", "yuu").collect();
        assert_eq!(takes, [(2, false)], "no slip in a syllable of two letters");
    }
}
