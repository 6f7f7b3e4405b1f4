//! Runs: stretches of text as long as the term, every character the same or sounding
//! alike (`sounds`), or, in longer terms, one wrong in four to seven, two in eight or more,
//! the rest the same; at least half of them exactly the same (社区矫证 → 社区矫正, 预酸 → 预算).

use super::super::index::{Index, Posting};
use super::super::query::Match;
use super::super::rank::{quality, KNOBS};
use super::super::sounds::homophones;
use super::super::tokenize::{Key, Token};
use super::{adjacent, slips};

/// Runs of text as long as the term that sound like it, or differ by a slip.
pub(super) fn alike_runs(index: &Index, q: &[Token]) -> Vec<Match> {
    let chars: Option<Vec<char>> = q
        .iter()
        .map(|t| match t.key {
            Key::Han(c) => Some(c),
            Key::Word(_) => None,
        })
        .collect();
    let Some(chars) = chars.filter(|_| adjacent(q)) else { return Vec::new() };
    let n = chars.len();
    let alike: Vec<Vec<char>> = chars.iter().map(|&c| homophones(c)).collect();
    let mut out = Vec::new();
    for Posting { passage, token } in run_starts(index, &alike) {
        let tokens = &index.passages[passage as usize].tokens;
        let Some(run) = tokens.get(token as usize..token as usize + n).filter(|run| adjacent(run)) else { continue };
        if let Some(quality) = run_quality(run, &alike) {
            out.push(Match { passage, first: token, last: token + n as u32 - 1, quality });
        }
    }
    out
}

/// Where a run can start: at two adjacent characters of the text that are, or sound like,
/// two adjacent ones of the term (`alike[i]`: the term's `i`th character first, then what
/// it may stand for). A run with w slips breaks at most 2w of the term's pairs, so any
/// 2w + 1 of them find it: the rarest. In a term of three or fewer (no slip, half or more
/// the same) every pair of a run holds a character the same: only those are looked up.
fn run_starts(index: &Index, alike: &[Vec<char>]) -> Vec<Posting> {
    let n = alike.len();
    // The postings of pair i: each list of a character pair it may stand for.
    let lists = |i: usize| {
        let combos = alike[i].iter().enumerate().flat_map(move |(j, &a)| {
            alike[i + 1].iter().enumerate().filter(move |&(k, _)| n > 3 || j == 0 || k == 0).map(move |(_, &b)| (a, b))
        });
        combos.map(move |(a, b)| index.bigram_postings(a, b))
    };
    let mut rarest: Vec<(usize, usize)> = (0..n - 1).map(|i| (lists(i).map(<[Posting]>::len).sum(), i)).collect();
    crate::search::sort_by(&mut rarest, |a, b| a.cmp(b));
    let mut starts: Vec<Posting> = Vec::new();
    for &(_, i) in rarest.iter().take(2 * slips(n) + 1) {
        let shifted = lists(i)
            .flatten()
            .filter_map(|p| Some(Posting { passage: p.passage, token: p.token.checked_sub(i as u32)? }));
        starts.extend(shifted);
    }
    crate::search::sort_by(&mut starts, |a, b| (a.passage, a.token).cmp(&(b.passage, b.token)));
    starts.dedup();
    starts
}

/// The quality of a run of text as the term (`alike` as in [`run_starts`]), if it is near
/// enough: not all the same, half or more the same, the rest sounding alike, or else the
/// rest slips, as many as allowed (one kind of mistake, not both). A sound-alike counts
/// part of a character, a slip nothing (`rank::Knobs`).
fn run_quality(run: &[Token], alike: &[Vec<char>]) -> Option<u8> {
    let n = alike.len();
    let (mut same, mut sound) = (0, 0);
    for (t, alike) in run.iter().zip(alike) {
        match t.key {
            Key::Han(d) if d == alike[0] => same += 1,
            Key::Han(d) if alike.contains(&d) => sound += 1,
            _ => {}
        }
    }
    let wrong = n - same - sound;
    let near = same < n && 2 * same >= n && (wrong == 0 || (sound == 0 && wrong <= slips(n)));
    near.then(|| quality(KNOBS.near * (same as f32 + KNOBS.sound_alike * sound as f32) / n as f32))
}
