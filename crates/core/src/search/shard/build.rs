//! build: the sharded index of a series, at build time. Every article is read the way the
//! search reads it (the passages `Index` makes of it: department and its names, author,
//! posts and addresses, headings, paragraphs), its keys (`keys`) counted with the fields
//! they are in, and each key's articles written to the bucket its hash falls in, with the
//! key's weight in the article as the full engine's ranking would give a term that is the
//! key (`Weight::of`: BM25's part for one term, fields weighed, lengths against the
//! series' averages); and each article under its department.

use super::super::hash::FxHashMap;
use super::super::index::{Index, FIELDS};
use super::file::{write, Filed, Weight};
use super::keys::{department, text_keys, ShardKey};
use crate::content::Article;

/// One article's keys: how often each is in each field, and the fields' lengths.
pub struct Held {
    /// (key, occurrences per field), ascending by key.
    pub keys: Vec<(ShardKey, [u16; FIELDS])>,
    /// Tokens per field, as ranking counts them.
    pub field_len: [u32; FIELDS],
}

/// The keys of one article, read as the search reads it.
pub fn article_keys(article: &Article) -> Held {
    let index = Index::build(&[article]);
    let mut held: FxHashMap<ShardKey, [u16; FIELDS]> = FxHashMap::default();
    let mut keys = Vec::new();
    for passage in &index.passages {
        keys.clear();
        text_keys(&passage.tokens, &mut keys);
        for &k in &keys {
            let c = &mut held.entry(k).or_default()[passage.field as usize];
            *c = c.saturating_add(1);
        }
    }
    let mut keys: Vec<(ShardKey, [u16; FIELDS])> = held.into_iter().collect();
    keys.sort_unstable_by_key(|&(k, _)| k);
    Held { keys, field_len: index.field_len[0] }
}

/// The series' average field lengths, from its articles' keys.
pub fn average_lengths(held: &[Held]) -> [f32; FIELDS] {
    let n = held.len().max(1) as f32;
    std::array::from_fn(|f| held.iter().map(|h| h.field_len[f] as f32).sum::<f32>() / n)
}

/// The buckets of the index over `articles` (numbered in this order), `buckets` of them.
pub fn build<A: AsRef<Article>>(articles: &[A], buckets: u32) -> Vec<Vec<u8>> {
    split(filed(articles).0, buckets)
}

/// The index over `articles` in as many buckets as make about `bucket_bytes` each: the
/// buckets, their number, and the articles' average field lengths (what ranking weighs
/// against). The articles are read once (reading them is most of the work).
pub fn build_sized<A: AsRef<Article>>(articles: &[A], bucket_bytes: usize) -> (Vec<Vec<u8>>, u32, [f32; FIELDS]) {
    let (mut keys, avg) = filed(articles);
    keys.sort_unstable_by_key(|(k, _)| *k);
    let whole = write(0, 1, &keys).len();
    let buckets = (whole / bucket_bytes.max(1)).max(1) as u32;
    (split(keys, buckets), buckets, avg)
}

/// Every key with the articles filed under it (ascending), and the articles' average field
/// lengths.
fn filed<A: AsRef<Article>>(articles: &[A]) -> (Vec<(ShardKey, Vec<Filed>)>, [f32; FIELDS]) {
    let held: Vec<Held> = articles.iter().map(|a| article_keys(a.as_ref())).collect();
    let avg = average_lengths(&held);
    let mut by_key: FxHashMap<ShardKey, Vec<Filed>> = FxHashMap::default();
    for (n, h) in held.iter().enumerate() {
        for &(key, counts) in &h.keys {
            let weight = Weight::of(&counts, &h.field_len, &avg);
            by_key.entry(key).or_default().push(Filed { article: n as u32, weight });
        }
    }
    // Each article under its department: what a search held to departments keeps.
    for (n, a) in articles.iter().enumerate() {
        let filed = Filed { article: n as u32, weight: Weight(1) };
        by_key.entry(department(&a.as_ref().department_short)).or_default().push(filed);
    }
    (by_key.into_iter().collect(), avg)
}

/// The keys in `buckets` buckets, each written.
fn split(keys: Vec<(ShardKey, Vec<Filed>)>, buckets: u32) -> Vec<Vec<u8>> {
    let mut split: Vec<Vec<(ShardKey, Vec<Filed>)>> = vec![Vec::new(); buckets as usize];
    for (key, filed) in keys {
        split[bucket_of(key, buckets) as usize].push((key, filed));
    }
    split
        .into_iter()
        .enumerate()
        .map(|(b, mut keys)| {
            keys.sort_unstable_by_key(|(k, _)| *k);
            write(b as u32, buckets, &keys)
        })
        .collect()
}

/// The bucket a key is in.
pub fn bucket_of(key: ShardKey, buckets: u32) -> u32 {
    // The low bits of FNV are its weakest; fold the high ones in.
    (key ^ (key >> 16)) % buckets.max(1)
}
