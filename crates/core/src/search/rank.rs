//! rank: BM25 over an article's fields, each weighted, summed over the query's terms; an
//! approximate match counts as its quality (a fraction of an exact one). All knobs live in
//! [`Knobs`].

use super::index::{Index, FIELDS};
use super::query::{Match, EXACT};

/// The ranking knobs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Knobs {
    /// BM25 term-frequency saturation: higher lets repeated matches count longer.
    pub k1: f32,
    /// BM25 length normalisation: 0 ignores field length, 1 divides by it fully.
    pub b: f32,
    /// Weight per field, in `Field` order: department, author, heading, body. A reader
    /// who types a department or a name means that article, so those fields dominate.
    pub weights: [f32; FIELDS],
    /// The approximate pass (`approx`): what it finds counts this much of an exact match at
    /// most, so exact hits stay above.
    pub near: f32,
    /// How much of a character of the term a sound-alike one counts (a slip: nothing).
    pub sound_alike: f32,
    /// How much of the term words of it must cover to match in pieces.
    pub cover: f32,
    /// How much words of the term apart count, against the same words together.
    pub apart: f32,
    /// The least score of an approximate hit, as a share of the best hit's in the same
    /// ranking: less is a common word of a long term, in an article about something else.
    pub near_cutoff: f32,
}

/// The knobs in use.
pub const KNOBS: Knobs = Knobs {
    k1: 1.2,
    b: 0.75,
    weights: [4.0, 4.0, 2.0, 1.0],
    near: 0.9,
    sound_alike: 0.7,
    cover: 0.75,
    apart: 0.9,
    near_cutoff: 0.5,
};

/// A match's quality (see `query::Match`) from its share of an exact one.
pub fn quality(share: f32) -> u8 {
    (share.clamp(0.0, 1.0) * f32::from(EXACT)) as u8
}

/// Scores articles that match every term. `matches[t]` lists term `t`'s matches. Returns
/// (article, score) best first, ties in article order.
pub fn rank(index: &Index, matches: &[Vec<Match>], knobs: &Knobs) -> Vec<(u32, f32)> {
    let n = index.articles as usize;
    if matches.is_empty() || n == 0 {
        return Vec::new();
    }
    let (all, avg_len) = index.collection();
    let all = all.max(n as u32) as f32;
    let mut scores = vec![0f32; n];
    let mut terms_hit = vec![0usize; n];
    for term in matches {
        // Term frequency per article and field.
        let mut tf = vec![[0f32; FIELDS]; n];
        for m in term {
            let p = &index.passages[m.passage as usize];
            tf[p.article as usize][p.field as usize] += f32::from(m.quality) / f32::from(EXACT);
        }
        let df = tf.iter().filter(|f| f.iter().any(|&c| c > 0.0)).count() as f32;
        let idf = (1.0 + (all - df + 0.5) / (df + 0.5)).ln();
        for (a, fields) in tf.iter().enumerate() {
            if fields.iter().all(|&c| c == 0.0) {
                continue;
            }
            terms_hit[a] += 1;
            for (f, &c) in fields.iter().enumerate() {
                if c == 0.0 {
                    continue;
                }
                let len = index.field_len[a][f] as f32;
                let avg = avg_len[f].max(1.0);
                let norm = knobs.k1 * (1.0 - knobs.b + knobs.b * len / avg);
                scores[a] += knobs.weights[f] * idf * c * (knobs.k1 + 1.0) / (c + norm);
            }
        }
    }
    let mut ranked: Vec<(u32, f32)> =
        (0..n).filter(|&a| terms_hit[a] == matches.len()).map(|a| (a as u32, scores[a])).collect();
    super::sort_by(&mut ranked, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    ranked
}
