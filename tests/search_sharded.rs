//! The search across an archive through the sharded index (`search::shard`), held to the
//! full engine's cases over page 3: for every query of every case list, the articles the
//! sharded search finds, and their order, against the full engine's. Where it differs is
//! listed in `DIFFERS`, with why: what a sharded index cannot do the same way.
#![cfg(not(target_arch = "wasm32"))]

use reader::content::Article;
use reader::search::shard::{self, search::search};
use reader::search::Index;

#[path = "support/search_cases.rs"]
mod search_cases;
#[path = "support/third_page.rs"]
mod third_page;

use search_cases::*;

/// Buckets for page 3's ten articles: few, so buckets hold many keys each, as they do at
/// scale.
const BUCKETS: u32 = 16;

/// Every query of the case lists.
fn queries() -> Vec<&'static str> {
    let mut q: Vec<&str> = TOP.iter().map(|c| c.0).collect();
    q.extend(FORGIVING.iter().map(|c| c.0));
    q.extend(NONSENSE);
    q.extend(OFFICIALS.iter().map(|c| c.0));
    q.extend(NO_SUCH_OFFICIAL);
    q.extend(FULL_NAMES.iter().map(|c| c.0));
    q.extend(NO_SUCH_BODY);
    q.extend(SYNONYMS.iter().map(|c| c.0));
    q.extend(NO_SYNONYM);
    q.extend(NUMBERS.iter().map(|c| c.0));
    q.extend(NO_SUCH_NUMBER);
    q.extend(PINYIN_SLIPS.iter().map(|c| c.0));
    q.extend(NO_SUCH_PINYIN);
    q
}

/// Queries whose answer through the shards is not the full engine's, and why. Each is
/// checked to still differ, so the list stays true.
const DIFFERS: &[(&str, &str)] = &[
    // Pinyin with a slip is forgiven on the pages at hand only (`search::shard::plan`):
    // every query of PINYIN_SLIPS that finds something.
    ("minzehng", "pinyin with a slip"),
    ("mnizheng", "pinyin with a slip"),
    ("canlain", "pinyin with a slip"),
    ("jaioyu", "pinyin with a slip"),
    ("yusaun", "pinyin with a slip"),
    ("jiiuye", "pinyin with a slip"),
    ("lvyuo", "pinyin with a slip"),
    ("dinati", "pinyin with a slip"),
];

/// The articles a search finds, best first, by id.
fn found(articles: &[Article], hits: impl Iterator<Item = usize>) -> Vec<String> {
    hits.map(|a| articles[a].id.to_string()).collect()
}

#[test]
fn the_sharded_search_finds_what_the_full_engine_finds() {
    let articles = third_page::third_page_articles();
    let full = Index::build(&articles);
    let files = shard::build(&articles, BUCKETS);
    let bucket = |b: u32| shard::read(&files[b as usize], b, BUCKETS).ok();
    let mut differs = Vec::new();
    for query in queries() {
        let want = found(&articles, full.search(query).iter().map(|h| h.article));
        let through =
            search(query, articles.len() as u32, full.avg_len, BUCKETS, bucket, |a| articles.get(a as usize).cloned());
        let got = found(&articles, through.results.hits.iter().map(|h| h.article));
        if got != want {
            differs.push(format!("{query}: full {want:?}, sharded {got:?}"));
        }
    }
    let known: Vec<&str> = DIFFERS.iter().map(|d| d.0).collect();
    let unexplained: Vec<&String> =
        differs.iter().filter(|d| !known.iter().any(|k| d.starts_with(&format!("{k}:")))).collect();
    assert!(
        unexplained.is_empty(),
        "{} of {} queries differ:\n{}",
        unexplained.len(),
        queries().len(),
        differs.join("\n")
    );
    for (query, why) in DIFFERS {
        assert!(differs.iter().any(|d| d.starts_with(&format!("{query}:"))), "{query} no longer differs ({why})");
    }
}
