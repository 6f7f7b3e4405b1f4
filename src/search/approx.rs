//! approx: the second pass, for when the strict match finds too little. A term of
//! characters may match
//!
//! - **as it sounds or with a slip:** a run of the text as long as the term, every
//!   character the same or sounding alike (`sounds`), or, in longer terms, one wrong in
//!   four to seven, two in eight or more; at least half of them exactly the same, and two
//!   adjacent ones the same or alike (社区矫证 → 社区矫正, 预酸 → 预算);
//! - **in pieces:** words of it (two tokens or more, or one word of letters) found in one
//!   article, in any of its fields, covering three quarters of it or more
//!   (教育局党委书记 → 区教育局 + 党委书记; 社区矫正工作站 → 社区矫正 + 工作).
//!
//! What shares with the articles only single characters, or sound-alike pairs that are
//! not together in one run of text, matches nothing. Approximate matches carry a quality
//! below an exact one's, so ranking puts them under exact ones; and an approximate hit that
//! scores under [`CUTOFF`] of the best hit is left out (a common word of a long term, found
//! in an article about something else).
//!
//! | term       | text       | matches              |
//! |------------|------------|----------------------|
//! | `预酸`      | `预算`      | yes: 酸 sounds suan  |
//! | `鱼蒜`      | `预算`      | no: nothing the same |
//! | `残联足球`  | `残联`      | no: half of it       |
//! | `社区娇正`  | `社区矫正`  | yes: 娇 sounds jiao  |
//! | `社区X正`   | `社区矫正`  | yes: one slip in four |
//! | `社X`       | `社区`      | no: a slip in two    |

use super::index::{Index, Posting};
use super::query::{phrase_matches, Match, Term};
use super::sounds::homophones;
use super::tokenize::{Key, Token};

/// The least score of an approximate hit, as a share of the best hit's, exact or not.
pub const CUTOFF: f32 = 0.5;

/// Longest term, in tokens, given a second pass: longer ones are pasted text, not typed.
pub const MAX_TOKENS: usize = 16;

/// The approximate matches of `term`, in no particular order.
pub fn find(index: &Index, term: &Term) -> Vec<Match> {
    let q = &term.tokens;
    if q.len() < 2 || q.len() > MAX_TOKENS {
        return Vec::new();
    }
    let mut found = alike_runs(index, q);
    // An article where the whole term sounds right needs no pieces of it.
    let whole: Vec<u32> = found.iter().map(|m| index.passages[m.passage as usize].article).collect();
    found.extend(pieces(index, q).into_iter().filter(|m| !whole.contains(&index.passages[m.passage as usize].article)));
    found
}

/// Wrong characters allowed in a term of `n`.
fn slips(n: usize) -> usize {
    match n {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Runs of text as long as the term that sound like it, or differ by a slip.
fn alike_runs(index: &Index, q: &[Token]) -> Vec<Match> {
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
    // Where a run can start: at two adjacent characters of the text that are, or sound
    // like, two adjacent ones of the term. A run with w slips breaks at most 2w of the
    // term's pairs, so any 2w + 1 of them find it: the rarest.
    let pairs: Vec<Vec<Posting>> =
        (0..n - 1)
            .map(|i| {
                let mut at: Vec<Posting> = Vec::new();
                for &a in &alike[i] {
                    for &b in &alike[i + 1] {
                        let found = index.bigram_postings(a, b).iter();
                        at.extend(found.filter_map(|p| {
                            Some(Posting { passage: p.passage, token: p.token.checked_sub(i as u32)? })
                        }));
                    }
                }
                at
            })
            .collect();
    let mut rarest: Vec<usize> = (0..pairs.len()).collect();
    super::sort_by(&mut rarest, |&a, &b| pairs[a].len().cmp(&pairs[b].len()));
    let mut starts: Vec<Posting> =
        rarest.iter().take(2 * slips(n) + 1).flat_map(|&i| pairs[i].iter().copied()).collect();
    super::sort_by(&mut starts, |a, b| (a.passage, a.token).cmp(&(b.passage, b.token)));
    starts.dedup();
    let mut out = Vec::new();
    for Posting { passage, token } in starts {
        let tokens = &index.passages[passage as usize].tokens;
        let Some(run) = tokens.get(token as usize..token as usize + n).filter(|run| adjacent(run)) else { continue };
        let (mut same, mut sound) = (0, 0);
        for ((t, &c), alike) in run.iter().zip(&chars).zip(&alike) {
            match t.key {
                Key::Han(d) if d == c => same += 1,
                Key::Han(d) if alike.contains(&d) => sound += 1,
                _ => {}
            }
        }
        let wrong = n - same - sound;
        if same < n && 2 * same >= n && wrong <= slips(n) {
            // Each sound-alike counts most of a character, a slip nothing; under EXACT.
            let quality = (90 * (10 * same + 7 * sound) / (10 * n)) as u8;
            out.push(Match { passage, first: token, last: token + n as u32 - 1, quality });
        }
    }
    out
}

fn adjacent(tokens: &[Token]) -> bool {
    tokens.windows(2).all(|w| w[1].pos == w[0].pos + 1)
}

/// Words of the term found in one article, in any field, covering most of the term.
fn pieces(index: &Index, q: &[Token]) -> Vec<Match> {
    let n = q.len();
    // Every part of the term that occurs, each grown from the one a token shorter (a
    // longer part occurs only where a shorter one does).
    let mut parts: Vec<(usize, usize, Vec<Match>)> = Vec::new();
    for i in 0..n {
        let shortest = if matches!(q[i].key, Key::Word(_)) { i + 1 } else { i + 2 };
        if shortest > n {
            continue;
        }
        let mut found = phrase_matches(index, &q[i..shortest]);
        let mut j = shortest;
        // The whole term is the strict match's.
        while !found.is_empty() && j - i < n {
            let longer = (j < n).then(|| grown(index, &found, &q[j - 1], &q[j]));
            parts.push((i, j, found));
            let Some(longer) = longer else { break };
            (found, j) = (longer, j + 1);
        }
    }
    // An article that covers all but u tokens covers one of any u + 1 of them: take the
    // u + 1 whose parts occur least, and look only at the articles that hold those parts.
    let uncovered = n - (3 * n).div_ceil(4);
    let mut positions: Vec<(usize, usize)> = (0..n)
        .map(|p| (parts.iter().filter(|(i, j, _)| (*i..*j).contains(&p)).map(|(_, _, f)| f.len()).sum(), p))
        .collect();
    super::sort_by(&mut positions, |a, b| a.cmp(b));
    let article_of = |m: &Match| index.passages[m.passage as usize].article;
    let mut candidate = vec![false; index.articles as usize];
    for &(_, p) in positions.iter().take(uncovered + 1) {
        for (_, _, found) in parts.iter().filter(|(i, j, _)| (*i..*j).contains(&p)) {
            for m in found {
                candidate[article_of(m) as usize] = true;
            }
        }
    }
    // Per candidate article, the parts it holds and where.
    let mut held: Vec<Vec<(usize, Match)>> = vec![Vec::new(); index.articles as usize];
    for (k, (_, _, found)) in parts.iter().enumerate() {
        for m in found.iter().filter(|m| candidate[article_of(m) as usize]) {
            held[article_of(m) as usize].push((k, *m));
        }
    }
    let mut out = Vec::new();
    for mine in held.iter().filter(|h| !h.is_empty()) {
        let mut kinds: Vec<usize> = mine.iter().map(|&(k, _)| k).collect();
        kinds.dedup();
        let (covered, used) = best_cover(n, kinds.iter().map(|&k| (parts[k].0, parts[k].1, k)));
        if 4 * covered >= 3 * n {
            let quality = (80 * covered / n) as u8;
            out.extend(mine.iter().filter(|(k, _)| used.contains(k)).map(|&(_, m)| Match { quality, ..m }));
        }
    }
    out
}

/// The matches of a part, each grown by the term's next token where the text goes on with
/// it (`last` and `next` are the part's last token and the one after it in the term).
fn grown(index: &Index, found: &[Match], last: &Token, next: &Token) -> Vec<Match> {
    let gap = next.pos - last.pos;
    let goes_on = |m: &Match| {
        let tokens = &index.passages[m.passage as usize].tokens;
        let (was, then) = (&tokens[m.last as usize], tokens.get(m.last as usize + 1));
        then.is_some_and(|t| t.key == next.key && t.pos - was.pos == gap)
    };
    found.iter().filter(|m| goes_on(m)).map(|m| Match { last: m.last + 1, ..*m }).collect()
}

/// The most tokens of a term of `n` that non-overlapping parts `(from, to, id)` cover, and
/// the ids of the parts that do.
fn best_cover(n: usize, parts: impl Iterator<Item = (usize, usize, usize)> + Clone) -> (usize, Vec<usize>) {
    // best[k]: the most covered of the first k tokens, and the part ending there if used.
    let mut best: Vec<(usize, Option<(usize, usize)>)> = vec![(0, None); n + 1];
    for k in 1..=n {
        best[k] = (best[k - 1].0, None);
        for (from, _, id) in parts.clone().filter(|&(_, to, _)| to == k) {
            let covered = best[from].0 + (k - from);
            if covered > best[k].0 {
                best[k] = (covered, Some((from, id)));
            }
        }
    }
    let mut used = Vec::new();
    let mut k = n;
    while k > 0 {
        match best[k].1 {
            Some((from, id)) => {
                used.push(id);
                k = from;
            }
            None => k -= 1,
        }
    }
    (best[n].0, used)
}

#[cfg(test)]
mod tests {
    use super::best_cover;

    #[test]
    fn the_best_cover_takes_the_parts_that_cover_most() {
        // 教育局党委书记: 教育局 (0..3), 党委书记 (3..7), 育局党 (1..4).
        let parts = [(0, 3, 0), (3, 7, 1), (1, 4, 2)];
        let (covered, mut used) = best_cover(7, parts.iter().copied());
        used.sort_unstable();
        assert_eq!((covered, used), (7, vec![0, 1]));
        assert_eq!(best_cover(4, [].iter().copied()), (0, vec![]));
        assert_eq!(best_cover(5, [(1, 3, 9)].iter().copied()), (2, vec![9]));
    }
}
