//! The articles most related to one: cosine similarity of their phrase weights (tf × idf,
//! over the telling phrases two or more articles share, but not most), and as the reason
//! the phrases they share that stand out in one of them and weigh most in both,
//! preferring each one's keywords.

use std::collections::{BTreeMap, BTreeSet};

use super::phrases::Counted;

/// Most related articles an article gets.
pub const RELATED: usize = 3;
/// Most shared phrases given as the reason.
pub const REASONS: usize = 3;

/// Each article's weights, their norms, and for each phrase the articles that weigh it
/// ([`related`]'s input): an article is compared with those sharing a phrase with it, through
/// the phrases' lists, not with every other (at 10,000 statements, 100 million pairs).
pub struct Vectors<'a> {
    /// Per article: its weight for each phrase.
    weights: Vec<BTreeMap<&'a str, f64>>,
    /// Per article: the norm of its weights.
    norms: Vec<f64>,
    /// Per phrase: the articles that weigh it, ascending, with their weights.
    postings: BTreeMap<&'a str, Vec<(usize, f64)>>,
}

/// Each article's weights ([`related`]'s input).
pub fn vectors(counted: &Counted) -> Vectors<'_> {
    let weights: Vec<BTreeMap<&str, f64>> = (0..counted.articles()).map(|b| vector(counted, b)).collect();
    let norms = weights.iter().map(|v| v.values().map(|w| w * w).sum::<f64>().sqrt()).collect();
    let mut postings: BTreeMap<&str, Vec<(usize, f64)>> = BTreeMap::new();
    for (b, v) in weights.iter().enumerate() {
        for (&p, &w) in v {
            postings.entry(p).or_default().push((b, w));
        }
    }
    Vectors { weights, norms, postings }
}

/// Up to three articles most related to `a` (never itself, none that shares no weighed
/// phrase with it), best first, with the phrases shared: of those that stand out in one
/// of the two (`salient`, each article's best ranked).
pub fn related(
    counted: &Counted,
    vectors: &Vectors,
    a: usize,
    keywords: &[Vec<String>],
    salient: &[BTreeSet<String>],
) -> Vec<(String, Vec<String>)> {
    // The dot product with every article sharing a phrase, summed in `a`'s phrase order
    // (as a pair's cosine would sum it).
    let mut dot = vec![0.0; vectors.weights.len()];
    for (p, w) in &vectors.weights[a] {
        for &(b, v) in vectors.postings.get(p).map_or(&[][..], Vec::as_slice) {
            dot[b] += w * v;
        }
    }
    let cosine = |b: usize, dot: f64| match vectors.norms[a] * vectors.norms[b] {
        0.0 => 0.0,
        n => dot / n,
    };
    // Only articles that share something weighed; ties by id, whatever the order given.
    let mut others: Vec<(usize, f64)> = dot
        .into_iter()
        .enumerate()
        .filter(|&(b, dot)| b != a && dot > 0.0)
        .map(|(b, dot)| (b, cosine(b, dot)))
        .filter(|&(_, similarity)| similarity > 0.0)
        .collect();
    others.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| counted.ids[x.0].cmp(&counted.ids[y.0])));
    let weights = &vectors.weights;
    others
        .into_iter()
        .take(RELATED)
        .map(|(b, _)| {
            let whole = |p: &str| {
                counted.whole(a, p) && counted.whole(b, p) && (salient[a].contains(p) || salient[b].contains(p))
            };
            (b, shared(&weights[a], &weights[b], &keywords[a], &keywords[b], whole))
        })
        .map(|(b, reasons)| (counted.ids[b].clone(), reasons))
        .collect()
}

/// Article `b`'s weight for each telling phrase it shares with another article, but with
/// no more than half of them (words every other statement uses say nothing of a topic).
fn vector(counted: &Counted, b: usize) -> BTreeMap<&str, f64> {
    let most = (counted.articles() / 2).max(2) as u32;
    counted.tf[b]
        .iter()
        .filter(|(p, _)| (2..=most).contains(&counted.df[p.as_str()]) && counted.telling(b, p))
        .map(|(p, &n)| (p.as_str(), f64::from(n) * counted.idf(p)))
        .collect()
}

/// The phrases two articles share that weigh most in both (keywords of either first),
/// none inside another.
fn shared(
    x: &BTreeMap<&str, f64>,
    y: &BTreeMap<&str, f64>,
    kx: &[String],
    ky: &[String],
    whole: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut both: Vec<(&str, f64)> = x
        .iter()
        .filter(|(p, _)| whole(p))
        .filter_map(|(p, w)| y.get(p).map(|v| (*p, w * v)))
        .map(|(p, s)| {
            let keyword = kx.iter().chain(ky).any(|k| k == p);
            (p, if keyword { s * 4.0 } else { s } * (p.chars().count() as f64))
        })
        .collect();
    both.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let mut chosen: Vec<String> = Vec::new();
    for (p, _) in both {
        if chosen.len() == REASONS {
            break;
        }
        if !chosen.iter().any(|c| c.contains(p) || p.contains(c.as_str())) {
            chosen.push(p.to_owned());
        }
    }
    chosen
}
