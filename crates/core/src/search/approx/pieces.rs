//! Pieces: words of a term (two tokens or more, or one word of letters) found in one
//! article, in any of its fields, covering three quarters of the term or more
//! (教育局党委书记 → 区教育局 + 党委书记; 社区矫正工作站 → 社区矫正 + 工作).

use super::super::index::Index;
use super::super::query::{phrase_matches, Match};
use super::super::rank::{quality, KNOBS};
use super::super::tokenize::{Key, Token};

/// Words of the term found in one article, in any field, covering most of the term.
pub(super) fn pieces(index: &Index, q: &[Token]) -> Vec<Match> {
    let n = q.len();
    // Three characters or fewer: parts of two leave too little of the term covered.
    if n < 4 && q.iter().all(|t| matches!(t.key, Key::Han(_))) {
        return Vec::new();
    }
    // Every part of the term that occurs, each grown from the one a token shorter (a
    // longer part occurs only where a shorter one does).
    let mut parts: Vec<(usize, usize, Vec<Match>)> = Vec::new();
    for i in 0..n {
        // A word the term repeats (服务服务) is one piece of text, not two.
        if (0..i).any(|h| same_keys(&q[h..], &q[i..])) {
            continue;
        }
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
    let least = (KNOBS.cover * n as f32).ceil() as usize;
    let uncovered = n - least.min(n);
    let mut positions: Vec<(usize, usize)> = (0..n)
        .map(|p| (parts.iter().filter(|(i, j, _)| (*i..*j).contains(&p)).map(|(_, _, f)| f.len()).sum(), p))
        .collect();
    crate::search::sort_by(&mut positions, |a, b| a.cmp(b));
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
        if covered >= least {
            let quality = quality(KNOBS.near * KNOBS.apart * covered as f32 / n as f32);
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

/// Whether two runs of the term start with the same keys for as long as the shorter lasts
/// past its first token (a repeated word).
fn same_keys(a: &[Token], b: &[Token]) -> bool {
    let len = a.len().min(b.len()).min(2);
    a[..len].iter().zip(&b[..len]).all(|(x, y)| x.key == y.key)
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
