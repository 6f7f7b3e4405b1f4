//! An article's keywords: phrases it repeats that the other articles rarely use (tf × idf,
//! longer phrases a little ahead), each as long as it runs (a phrase that occurs only
//! inside a longer one is that longer one), none inside another.

use super::phrases::Counted;

/// Most keywords an article gets.
pub const MOST: usize = 6;
/// Fewest keywords an article gets, when it has that many candidates.
pub const FEWEST: usize = 4;

/// The keywords of article `a`, best first.
pub fn keywords(counted: &Counted, a: usize) -> Vec<String> {
    let ranked = ranked(counted, a);
    let best = ranked.first().map_or(0.0, |(_, s)| *s);
    let mut chosen: Vec<String> = Vec::new();
    for (phrase, score) in ranked {
        if chosen.len() == MOST || (chosen.len() >= FEWEST && score < best / 2.0) {
            break;
        }
        if !chosen.iter().any(|c| c.contains(phrase.as_str()) || phrase.contains(c.as_str())) {
            chosen.push(phrase);
        }
    }
    chosen
}

/// Article `a`'s telling, whole phrases with their scores, best first (ties by phrase).
/// Phrases it repeats or puts in quotation marks come first; phrases it uses once and no
/// other article uses fill in.
pub fn ranked(counted: &Counted, a: usize) -> Vec<(String, f64)> {
    let tf = &counted.tf[a];
    let mut scored: Vec<(String, f64)> = tf
        .iter()
        .filter(|(p, _)| counted.telling(a, p) && counted.idf(p) > 0.0)
        .filter(|(p, _)| counted.whole(a, p))
        .filter(|(p, &n)| {
            n >= 2 || counted.quoted.contains(p.as_str()) || (counted.df[p.as_str()] == 1 && p.chars().count() >= 3)
        })
        .map(|(p, &n)| {
            let length = 1.0 + 0.25 * (p.chars().count() - 2) as f64;
            // Named twice, or in quotation marks: meant. Named once in passing: half.
            let repeated = if n >= 2 || counted.quoted.contains(p.as_str()) { 1.0 } else { 0.5 };
            (p.clone(), f64::from(n) * counted.idf(p) * length * repeated)
        })
        .collect();
    scored.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    scored
}
