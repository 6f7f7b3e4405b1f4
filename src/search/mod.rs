//! Chinese full-text search, pure Rust: normalize → tokenize → index → query → rank →
//! excerpt, one file a stage. Searching never fails: any string yields ranked results or
//! none.

pub mod excerpt;
pub mod hash;
pub mod index;
pub mod normalize;
pub mod pinyin;
pub mod query;
pub mod rank;
pub mod tables;
pub mod tokenize;

use std::cmp::Ordering;
use std::collections::HashMap;
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

/// One article that matches every term of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the article in the indexed slice.
    pub article: usize,
    /// BM25 score; higher is better.
    pub score: f32,
    /// The best window of body or heading text, highlighted; the opening when only the
    /// department or author matched.
    pub excerpt: Excerpt,
    /// Byte ranges of the article's `department` that matched.
    pub department_marks: Vec<Range<usize>>,
    /// Byte ranges of the article's `author` that matched.
    pub author_marks: Vec<Range<usize>>,
}

/// How many results the UI shows at first (more on request): excerpts are built for
/// these only.
pub const SHOWN_RESULTS: usize = 20;

/// The outcome of a search: how many articles match, and the best ones in full.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Articles that match every term (and pass the caller's filter).
    pub total: usize,
    /// The best of them, best first, at most the requested number.
    pub hits: Vec<Hit>,
    /// Every article that matches every term, whether or not it passes the caller's
    /// filter, in article order: what the department counts follow.
    pub matching: Vec<usize>,
}

impl Index {
    /// Searches; every matching article, best first. An empty or unsearchable query gives
    /// no hits.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_top(query, usize::MAX, |_| true).hits
    }

    /// Searches among the articles `keep` accepts, building excerpts for the best `limit`
    /// only: ranking is cheap, excerpts are not, and a reader sees a page at a time.
    pub fn search_top(&self, query: &str, limit: usize, keep: impl Fn(usize) -> bool) -> Results {
        let terms = query::parse(query);
        if terms.is_empty() {
            return Results::default();
        }
        let matches: Vec<Vec<Match>> = terms.iter().map(|t| query::find(self, t)).collect();
        let all = rank::rank(self, &matches, &rank::KNOBS);
        // Article order without a sort (each sort adds WASM, see `sort_by`).
        let mut is_match = vec![false; self.articles as usize];
        for &(a, _) in &all {
            is_match[a as usize] = true;
        }
        let matching = (0..is_match.len()).filter(|&a| is_match[a]).collect();
        let ranked: Vec<(u32, f32)> = all.into_iter().filter(|&(a, _)| keep(a as usize)).collect();
        let top = &ranked[..limit.min(ranked.len())];
        // One pass over the matches, kept only for the articles shown.
        let mut shown: HashMap<u32, Vec<Match>> = top.iter().map(|&(a, _)| (a, Vec::new())).collect();
        for m in matches.iter().flatten() {
            if let Some(list) = shown.get_mut(&self.passages[m.passage as usize].article) {
                list.push(*m);
            }
        }
        let hits = top.iter().map(|&(a, score)| self.hit(a, score, &shown[&a])).collect();
        Results { total: ranked.len(), hits, matching }
    }

    fn hit(&self, article: u32, score: f32, mine: &[Match]) -> Hit {
        let ranges = |passage: u32| -> Vec<Range<usize>> {
            let tokens = &self.passages[passage as usize].tokens;
            mine.iter()
                .filter(|m| m.passage == passage)
                .map(|m| tokens[m.first as usize].start as usize..tokens[m.last as usize].end as usize)
                .collect()
        };
        let passages = || self.article_passages[article as usize].clone();
        let field_of = |p: u32| self.passages[p as usize].field;
        // The first passage of a field is the printed department / the name.
        let field_marks = |field: Field| passages().find(|&p| field_of(p) == field).map(&ranges).unwrap_or_default();
        // The text passage with the most matches (earliest on ties), else the opening.
        let mut best: Option<(u32, usize)> = None;
        for p in passages().filter(|&p| matches!(field_of(p), Field::Body | Field::Heading)) {
            let n = mine.iter().filter(|m| m.passage == p).count();
            if n > best.map_or(0, |(_, b)| b) {
                best = Some((p, n));
            }
        }
        let excerpt = match best {
            Some((p, _)) => excerpt::excerpt(&self.passages[p as usize].text, &ranges(p)),
            None => passages()
                .find(|&p| field_of(p) == Field::Body)
                .map(|p| excerpt::excerpt(&self.passages[p as usize].text, &[]))
                .unwrap_or_default(),
        };
        Hit {
            article: article as usize,
            score,
            excerpt,
            department_marks: field_marks(Field::Department),
            author_marks: field_marks(Field::Author),
        }
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
