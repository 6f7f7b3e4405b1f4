//! Chinese full-text search, pure Rust: normalize → tokenize → index → query → rank →
//! excerpt, one file a stage. Searching never fails: any string yields ranked results or
//! none. When the strict match finds fewer than a page of results, a second pass
//! (`approx`) adds approximate ones below them: homophones, slips, words across fields.

pub mod approx;
pub mod excerpt;
pub mod hash;
mod hit;
pub mod index;
pub mod letters;
pub mod normalize;
pub mod numbers;
pub mod pinyin;
pub mod query;
pub mod rank;
pub mod shard;
pub mod sounds;
pub mod tables;
pub mod tokenize;

use std::cmp::Ordering;
use std::ops::Range;

pub use excerpt::Excerpt;
pub use index::{Field, Index};

use query::Match;

/// Sorts `v` by `cmp`, stably. Every sort in the search goes through one routine on `u32`
/// positions: std's sorts are generic, and each element type would add kilobytes of WASM.
pub fn sort_by<T: Clone>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    *v = order.iter().map(|&i| v[i as usize].clone()).collect();
}

fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    // Ties keep their order, so the unstable sort is stable here.
    order.sort_unstable_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
    order
}

/// One article that matches every term of a query, exactly or approximately.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the article in the indexed slice.
    pub article: usize,
    /// BM25 score; higher is better.
    pub score: f32,
    /// The best window of body or heading text, highlighted; the opening when only the
    /// department or author matched.
    pub excerpt: Excerpt,
    /// Byte ranges of the article's `department` that matched (or whose short name did).
    pub department_marks: Vec<Range<usize>>,
    /// Byte ranges of the article's `author` that matched.
    pub author_marks: Vec<Range<usize>>,
    /// Byte ranges of the article's posts, joined by "、", that matched.
    pub posts_marks: Vec<Range<usize>>,
    /// Whether it matches only approximately (see `approx`).
    pub approximate: bool,
}

/// How many results the UI shows at first (more on request): excerpts are built for
/// these only. A strict match that finds fewer calls for the approximate pass.
pub const SHOWN_RESULTS: usize = 20;

/// The outcome of a search: how many articles match, and the best ones in full.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Articles that match every term, exactly or approximately, and pass the caller's
    /// filter.
    pub total: usize,
    /// How many of them match exactly: they come first.
    pub exact: usize,
    /// The best of them, exact ones first, each kind best first, at most the requested
    /// number.
    pub hits: Vec<Hit>,
    /// Every article that matches, whether or not it passes the caller's filter, in
    /// article order: what the department counts follow.
    pub matching: Vec<usize>,
    /// Whether `total` and `exact` are estimates: a search across an archive through its
    /// sharded index, with candidates not yet searched (`shard`).
    pub estimated: bool,
}

impl Results {
    /// How many match only approximately.
    pub fn near(&self) -> usize {
        self.total - self.exact
    }
}

impl Index {
    /// Searches; every matching article, exact ones first, each kind best first. An empty
    /// or unsearchable query gives no hits.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_top(query, usize::MAX, |_| true).hits
    }

    /// Searches among the articles `keep` accepts, building excerpts for the best `limit`
    /// only: ranking is cheap, excerpts are not, and a reader sees a page at a time. The
    /// approximate pass runs when the strict match finds fewer than [`SHOWN_RESULTS`]
    /// articles in all, whatever `keep` accepts, so what matches never depends on it.
    pub fn search_top(&self, query: &str, limit: usize, keep: impl Fn(usize) -> bool) -> Results {
        let terms = query::parse(query);
        if terms.is_empty() {
            return Results::default();
        }
        let exact: Vec<Vec<Match>> = terms.iter().map(|t| query::find(self, t)).collect();
        let strict = rank::rank(self, &exact, &rank::KNOBS);
        // Too few for a page, and some article left for the second pass to look at.
        let (loose, near) = if strict.len() < SHOWN_RESULTS && strict.len() < self.articles as usize {
            self.approximate_pass(&terms, &exact, &strict)
        } else {
            Default::default()
        };
        // Per article: whether it matches approximately, if it matches.
        let mut kind: Vec<Option<bool>> = vec![None; self.articles as usize];
        for (found, approximate) in [(&strict, false), (&near, true)] {
            for &(a, _) in found {
                kind[a as usize] = Some(approximate);
            }
        }
        let ranked: Vec<(u32, f32)> = strict.iter().chain(&near).copied().filter(|&(a, _)| keep(a as usize)).collect();
        let exact_count = ranked.iter().take_while(|&&(a, _)| kind[a as usize] == Some(false)).count();
        let matching = (0..kind.len()).filter(|&a| kind[a].is_some()).collect();
        let hits = self.hits(&ranked[..limit.min(ranked.len())], &kind, &exact, &loose);
        Results { total: ranked.len(), exact: exact_count, hits, matching, estimated: false }
    }

    /// The second pass: each term's matches, exact and approximate, and the articles that
    /// match only so, best first, those under the cutoff of the best left out.
    fn approximate_pass(
        &self,
        terms: &[query::Term],
        exact: &[Vec<Match>],
        strict: &[(u32, f32)],
    ) -> (Vec<Vec<Match>>, Vec<(u32, f32)>) {
        let loose: Vec<Vec<Match>> = terms
            .iter()
            .zip(exact)
            .map(|(term, found)| {
                let mut all = found.clone();
                all.extend(approx::find(self, term, found));
                all
            })
            .collect();
        let ranked = rank::rank(self, &loose, &rank::KNOBS);
        let least = ranked.first().map_or(0.0, |&(_, best)| best * rank::KNOBS.near_cutoff);
        let mut is_strict = vec![false; self.articles as usize];
        for &(a, _) in strict {
            is_strict[a as usize] = true;
        }
        let near = ranked.into_iter().filter(|&(a, score)| !is_strict[a as usize] && score >= least).collect();
        (loose, near)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_by_is_stable_and_agrees_with_std() {
        let mut v: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1].iter().enumerate().map(|(i, &k)| (k, i)).collect();
        let mut want = v.clone();
        want.sort_by_key(|p| p.0);
        super::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, want);
        let mut empty: Vec<u8> = Vec::new();
        super::sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}
