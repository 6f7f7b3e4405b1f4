//! plan: from a query to the keys it needs, and from the articles filed under them to the
//! articles worth fetching and searching in full, best first.
//!
//! Each term of the query has alternatives (as typed; its numbers written the other way;
//! as pinyin), each a set of groups, each group met by any of its keys (`keys`). An article
//! is a **strict candidate** when, for every term, it meets every group of one
//! alternative: every article the full search matches exactly is one (and a few more,
//! which the full search then drops: a pair of sounds that is a homophone's, keys that
//! collide, characters apart).
//!
//! When the strict candidates are too few for a page of results, **near candidates** are
//! the articles that meet, for every term, at least one group of it or of its office word
//! (`approx::synonyms`): where a run with a slip, pieces of the term or the office's word
//! can be. They come after the strict ones, and only the best are fetched: the near pass
//! over the archive sees fewer articles than over the pages at hand. Pinyin with a slip
//! (`approx::slips`) is not looked for: the keys of every reading that can start a term
//! with a slip made nearly every article a candidate (at 100 pages: 26–50 KB of buckets,
//! 999 of 1,000 articles, 3 of the best 10), so it is forgiven on the pages at hand only
//! (`tests/search_sharded.rs` lists what differs).
//!
//! Candidates are ranked by BM25 over their keys: each group's articles across the series
//! (its idf), and each article's weight for it (`Weight`: the term's part of BM25 as the
//! full engine computes it, made at build time).

use super::super::approx;
use super::super::query::{parse, Term};
use super::super::tokenize::{tokenize, Key};
use super::file::{Filed, Weight};
use super::keys::{phrase_needs, pinyin_needs, word, ShardKey};

/// A set of groups: all must be met, each by any of its keys.
type Needs = Vec<Vec<ShardKey>>;

/// What one term needs.
#[derive(Debug, Clone, Default)]
struct TermPlan {
    /// Any of these, all groups met: a strict candidate.
    strict: Vec<Needs>,
    /// Any group of any of these met: a near candidate (the term as typed and its office
    /// word; not pinyin, whose pairs apart say nothing).
    near: Vec<Needs>,
}

/// What a query needs of the sharded index.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    terms: Vec<TermPlan>,
}

/// Articles worth searching in full, best first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidates {
    /// Those that may match exactly: (article, score).
    pub strict: Vec<(u32, f32)>,
    /// Those that may match approximately, when the strict ones are too few.
    pub near: Vec<(u32, f32)>,
}

impl Plan {
    /// The plan of `query`; none when the query has nothing searchable.
    pub fn of(query: &str) -> Plan {
        Plan { terms: parse(query).iter().map(term_plan).collect() }
    }

    /// Whether the query has nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every key the plan looks up, ascending, once each.
    pub fn keys(&self) -> Vec<ShardKey> {
        let mut keys: Vec<ShardKey> =
            self.terms.iter().flat_map(|t| t.strict.iter().chain(&t.near)).flatten().flatten().copied().collect();
        crate::search::sort_by(&mut keys, u32::cmp);
        keys.dedup();
        keys
    }

    /// The candidates among `articles` articles, `filed` giving the articles under a key;
    /// near ones only when the strict ones are fewer than `enough`.
    pub fn candidates<'a>(&self, articles: u32, enough: usize, filed: impl Fn(ShardKey) -> &'a [Filed]) -> Candidates {
        self.candidates_within(articles, enough, filed, |_| true)
    }

    /// The candidates that are `within` (a search held to departments: theirs), as
    /// `candidates`: near ones when the strict ones within are fewer than `enough`.
    pub fn candidates_within<'a>(
        &self,
        articles: u32,
        enough: usize,
        filed: impl Fn(ShardKey) -> &'a [Filed],
        within: impl Fn(u32) -> bool,
    ) -> Candidates {
        if self.terms.is_empty() {
            return Candidates::default();
        }
        let n = articles as usize;
        // Per term: each article's best strict score, and its best near score.
        let mut strict_all: Vec<Option<f32>> = vec![Some(0.0); n];
        let mut near_all: Vec<Option<f32>> = vec![Some(0.0); n];
        for term in &self.terms {
            let strict = best_of(&term.strict, n, &filed, true);
            let near = best_of(&term.near, n, &filed, false);
            for a in 0..n {
                strict_all[a] = strict_all[a].zip(strict[a]).map(|(x, y)| x + y);
                near_all[a] = near_all[a].zip(strict[a].or(near[a])).map(|(x, y)| x + y);
            }
        }
        let ranked = |scores: &[Option<f32>], skip: &dyn Fn(usize) -> bool| {
            let mut v: Vec<(u32, f32)> = scores
                .iter()
                .enumerate()
                .filter(|&(a, s)| s.is_some() && !skip(a))
                .map(|(a, s)| (a as u32, s.unwrap_or(0.0)))
                .collect();
            crate::search::sort_by(&mut v, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            v
        };
        let outside = |a: usize| !within(a as u32);
        let strict = ranked(&strict_all, &outside);
        let near = match strict.len() < enough {
            true => ranked(&near_all, &|a| strict_all[a].is_some() || outside(a)),
            false => Vec::new(),
        };
        Candidates { strict, near }
    }
}

/// Per article, the best score of any alternative: met in full (`all`), or in part (a
/// share of its groups, scaled by that share).
fn best_of<'a>(
    alternatives: &[Needs],
    n: usize,
    filed: &impl Fn(ShardKey) -> &'a [Filed],
    all: bool,
) -> Vec<Option<f32>> {
    let mut best: Vec<Option<f32>> = vec![None; n];
    for needs in alternatives {
        if needs.is_empty() {
            continue;
        }
        // Per article: groups met, and the least and most weight of them. A phrase occurs
        // no more often than its rarest pair, so a term met in full scores as the least
        // weight at the rarest group's idf; one met in part, as the most, by its share.
        let mut met = vec![0usize; n];
        let mut least = vec![f32::MAX; n];
        let mut most = vec![0f32; n];
        let mut idf = 0f32;
        for group in needs {
            // The group's weight per article: the most of any of its keys.
            let mut held: Vec<Option<Weight>> = vec![None; n];
            for &key in group {
                for f in filed(key) {
                    if let Some(slot) = held.get_mut(f.article as usize) {
                        let w = slot.get_or_insert(f.weight);
                        *w = (*w).max(f.weight);
                    }
                }
            }
            let df = held.iter().filter(|w| w.is_some()).count() as f32;
            idf = idf.max((1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln());
            for (a, w) in held.iter().enumerate() {
                if let Some(w) = w {
                    met[a] += 1;
                    least[a] = least[a].min(w.value());
                    most[a] = most[a].max(w.value());
                }
            }
        }
        for a in 0..n {
            let s = if met[a] == needs.len() {
                idf * least[a]
            } else if !all && met[a] > 0 {
                idf * most[a] * met[a] as f32 / needs.len() as f32
            } else {
                continue;
            };
            if best[a].is_none_or(|b| s > b) {
                best[a] = Some(s);
            }
        }
    }
    best
}

fn term_plan(term: &Term) -> TermPlan {
    let mut strict = match (&term.pinyin, &term.tokens[0].key) {
        // Pinyin alone: as a word of letters, or read any of its ways.
        (Some(pinyin), Key::Word(w)) => {
            let mut ways = vec![vec![vec![word(w)]]];
            ways.extend(pinyin_needs(pinyin));
            ways
        }
        _ => vec![phrase_needs(&term.tokens, &term.letters)],
    };
    for spelling in &term.numbers {
        strict.push(phrase_needs(spelling, &vec![None; spelling.len()]));
    }
    let mut near: Vec<Needs> = if term.pinyin.is_some() { Vec::new() } else { vec![strict[0].clone()] };
    if let Some(said) = approx::synonyms_said(&term.text()) {
        let tokens = tokenize(&said);
        near.push(phrase_needs(&tokens, &vec![None; tokens.len()]));
    }
    TermPlan { strict, near }
}
