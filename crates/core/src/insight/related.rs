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

/// Each article's weights ([`related`]'s input).
pub fn vectors(counted: &Counted) -> Vec<BTreeMap<&str, f64>> {
    (0..counted.articles()).map(|b| vector(counted, b)).collect()
}

/// Up to three articles most related to `a` (never itself, none that shares no weighed
/// phrase with it), best first, with the phrases shared: of those that stand out in one
/// of the two (`salient`, each article's best ranked).
pub fn related(
    counted: &Counted,
    vectors: &[BTreeMap<&str, f64>],
    a: usize,
    keywords: &[Vec<String>],
    salient: &[BTreeSet<String>],
) -> Vec<(String, Vec<String>)> {
    // Only articles that share something weighed; ties by id, whatever the order given.
    let mut others: Vec<(usize, f64)> = (0..counted.articles())
        .filter(|&b| b != a)
        .map(|b| (b, cosine(&vectors[a], &vectors[b])))
        .filter(|&(_, similarity)| similarity > 0.0)
        .collect();
    others.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| counted.ids[x.0].cmp(&counted.ids[y.0])));
    others
        .into_iter()
        .take(RELATED)
        .map(|(b, _)| {
            let whole = |p: &str| {
                counted.whole(a, p) && counted.whole(b, p) && (salient[a].contains(p) || salient[b].contains(p))
            };
            (b, shared(&vectors[a], &vectors[b], &keywords[a], &keywords[b], whole))
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

fn cosine(x: &BTreeMap<&str, f64>, y: &BTreeMap<&str, f64>) -> f64 {
    let dot: f64 = x.iter().filter_map(|(p, w)| y.get(p).map(|v| w * v)).sum();
    let norm = |v: &BTreeMap<&str, f64>| v.values().map(|w| w * w).sum::<f64>().sqrt();
    let n = norm(x) * norm(y);
    if n == 0.0 {
        0.0
    } else {
        dot / n
    }
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
