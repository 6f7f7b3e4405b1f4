//! Chinese full-text search, pure Rust: normalize → tokenize → index → query → rank →
//! excerpt, one file a stage. Searching never fails: any string yields ranked results or
//! none. When the strict match finds fewer than a page of results, a second pass
//! (`approx`) adds approximate ones below them: homophones, slips, words across fields.

pub mod approx;
pub mod excerpt;
pub mod hash;
pub mod index;
pub mod letters;
pub mod normalize;
pub mod pinyin;
pub mod query;
pub mod rank;
pub mod sounds;
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
    /// Byte ranges of the article's `department` that matched.
    pub department_marks: Vec<Range<usize>>,
    /// Byte ranges of the article's `author` that matched.
    pub author_marks: Vec<Range<usize>>,
    /// Whether it matches only approximately (see `approx`).
    pub approximate: bool,
}

/// How many results the UI shows at first (more on request): excerpts are built for
/// these only.
pub const SHOWN_RESULTS: usize = 20;

/// The outcome of a search: how many articles match, and the best ones in full.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Articles that match every term (and pass the caller's filter).
    pub total: usize,
    /// How many of them match exactly: they come first.
    pub exact: usize,
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
        let exact: Vec<Vec<Match>> = terms.iter().map(|t| query::find(self, t)).collect();
        // Each article once: exact matches first, then approximate ones.
        let mut approximate: Vec<Option<bool>> = vec![None; self.articles as usize];
        let mut ranked: Vec<(u32, f32)> = Vec::new();
        let mut take = |found: &[(u32, f32)], loose: bool| {
            for &(a, score) in found {
                approximate[a as usize] = Some(loose);
                if keep(a as usize) {
                    ranked.push((a, score));
                }
            }
            ranked.len()
        };
        let strict = rank::rank(self, &exact, &rank::KNOBS);
        let exact_count = take(&strict, false);
        let loose: Vec<Vec<Match>> = if exact_count < SHOWN_RESULTS {
            let loose: Vec<Vec<Match>> = terms
                .iter()
                .zip(&exact)
                .map(|(term, found)| [&found[..], &approx::find(self, term)].concat())
                .collect();
            let mut found = rank::rank(self, &loose, &rank::KNOBS);
            found.retain(|(a, _)| !strict.iter().any(|(b, _)| a == b));
            let best = strict.iter().chain(&found).map(|&(_, score)| score).fold(0.0, f32::max);
            let least = best * approx::CUTOFF;
            found.retain(|&(_, score)| score >= least);
            take(&found, true);
            loose
        } else {
            Vec::new()
        };
        let matching = (0..approximate.len()).filter(|&a| approximate[a].is_some()).collect();
        let top = &ranked[..limit.min(ranked.len())];
        // One pass over the matches, kept only for the articles shown: an exact hit shows
        // its exact matches, an approximate one its approximate ones.
        let mut shown: HashMap<u32, Vec<Match>> = top.iter().map(|&(a, _)| (a, Vec::new())).collect();
        for (loose_ones, matches) in [(false, &exact), (true, &loose)] {
            for m in matches.iter().flatten() {
                let a = self.passages[m.passage as usize].article;
                if approximate[a as usize] == Some(loose_ones) {
                    if let Some(list) = shown.get_mut(&a) {
                        list.push(*m);
                    }
                }
            }
        }
        let hits = top
            .iter()
            .map(|&(a, score)| Hit {
                approximate: approximate[a as usize] == Some(true),
                ..self.hit(a, score, &shown[&a])
            })
            .collect();
        Results { total: ranked.len(), exact: exact_count, hits, matching }
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
        // The department as printed, and through it what matched in its short names.
        let mut departments = passages().filter(|&p| field_of(p) == Field::Department);
        let department_marks = departments.next().map_or_else(Vec::new, |printed| {
            let text = &self.passages[printed as usize].text;
            let mut marks = ranges(printed);
            for short in departments {
                let short_text = &self.passages[short as usize].text;
                marks.extend(ranges(short).into_iter().flat_map(|r| excerpt::through(&short_text[r], text)));
            }
            excerpt::tidy(marks)
        });
        // The text passage with the best match and the most of them (earliest on ties),
        // else the opening.
        let mut best: Option<(u32, (u8, usize))> = None;
        for p in passages().filter(|&p| matches!(field_of(p), Field::Body | Field::Heading)) {
            let here = mine.iter().filter(|m| m.passage == p);
            let key = (here.clone().map(|m| m.quality).max().unwrap_or(0), here.count());
            if key.1 > 0 && best.is_none_or(|(_, b)| key > b) {
                best = Some((p, key));
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
            department_marks,
            author_marks: field_marks(Field::Author),
            approximate: false,
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
