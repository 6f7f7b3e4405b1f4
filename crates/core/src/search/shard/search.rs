//! search: a query across the archive through the sharded index, in the two steps the app
//! takes them (each one round of requests): the buckets of the query's keys, then the
//! texts of the best candidates, searched in full by `Index`.

use super::super::index::FIELDS;
use super::super::{Index, Results, SHOWN_RESULTS};
use super::build::bucket_of;
use super::file::Bucket;
use super::plan::{Candidates, Plan};
use crate::content::Article;

/// How many candidates' texts the first answer fetches at most: more than a phone's first
/// screen of results; the rest as the reader asks for more.
pub const FETCHED: usize = SHOWN_RESULTS / 2;

/// The first step: the buckets (of `buckets`) the query's keys are in, ascending.
pub fn buckets_of(plan: &Plan, buckets: u32) -> Vec<u32> {
    let mut v: Vec<u32> = plan.keys().into_iter().map(|k| bucket_of(k, buckets)).collect();
    crate::search::sort_by(&mut v, u32::cmp);
    v.dedup();
    v
}

/// The second step: the candidates, from the buckets fetched (`got(b)`: bucket `b`).
pub fn candidates<'a>(plan: &Plan, articles: u32, buckets: u32, got: impl Fn(u32) -> Option<&'a Bucket>) -> Candidates {
    plan.candidates(articles, SHOWN_RESULTS, |key| got(bucket_of(key, buckets)).map_or(&[], |b| b.get(key)))
}

/// The candidates whose texts to fetch first: the best strict ones, then near ones while
/// there is room, in series order.
pub fn to_fetch(c: &Candidates) -> Vec<u32> {
    let mut v: Vec<u32> = c.strict.iter().chain(&c.near).take(FETCHED).map(|&(a, _)| a).collect();
    crate::search::sort_by(&mut v, u32::cmp);
    v
}

/// What a search through the shards found: the full engine's results over the articles
/// fetched (hits' `article` is the number in the series), and what it took.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Results, numbered in the series.
    pub results: Results,
    /// Whether every candidate was searched, so counts are exact; else `results.total`
    /// and `exact` are estimates: the candidates not searched are counted as matching in
    /// the share the searched ones did.
    pub complete: bool,
    /// Buckets fetched.
    pub buckets: Vec<u32>,
    /// Articles fetched.
    pub articles: Vec<u32>,
}

fn got(fetched: &[(u32, Option<Bucket>)], b: u32) -> Option<&Bucket> {
    fetched.iter().find(|(n, _)| *n == b).and_then(|(_, x)| x.as_ref())
}

/// The whole search in one call over `articles` articles whose average field lengths are
/// `avg_len` (what ranking weighs against), `bucket` and `article` standing for the fetches (tests
/// and benchmarks; the app takes the steps apart). None of a fetch that fails: a bucket
/// missing finds nothing under its keys, an article missing is not searched.
pub fn search(
    query: &str,
    articles: u32,
    avg_len: [f32; FIELDS],
    buckets: u32,
    bucket: impl Fn(u32) -> Option<Bucket>,
    article: impl Fn(u32) -> Option<Article>,
) -> Found {
    let plan = Plan::of(query);
    if plan.is_empty() {
        return Found { complete: true, ..Found::default() };
    }
    let wanted = buckets_of(&plan, buckets);
    let fetched: Vec<(u32, Option<Bucket>)> = wanted.iter().map(|&b| (b, bucket(b))).collect();
    let c = candidates(&plan, articles, buckets, |b| got(&fetched, b));
    let numbers = to_fetch(&c);
    let texts: Vec<(u32, Article)> = numbers.iter().filter_map(|&n| Some((n, article(n)?))).collect();
    let mut index = Index::build(&texts.iter().map(|(_, a)| a).collect::<Vec<_>>());
    index.corpus = Some((articles, avg_len));
    let mut results = index.search_top(query, usize::MAX, |_| true);
    let global = |i: usize| texts[i].0 as usize;
    for hit in &mut results.hits {
        hit.article = global(hit.article);
    }
    results.matching = results.matching.iter().map(|&i| global(i)).collect();
    let complete = numbers.len() == c.strict.len() + c.near.len();
    if !complete {
        // The candidates not searched, counted as matching as often as the searched ones did.
        let searched = texts.len().max(1);
        let unsearched = (c.strict.len() + c.near.len()).saturating_sub(texts.len());
        let share = |found: usize| (unsearched * found + searched / 2) / searched;
        let (total, exact) = (results.total, results.exact);
        results.total += share(total);
        results.exact += share(exact);
        results.estimated = true;
    }
    Found { results, complete, buckets: wanted, articles: numbers }
}

#[cfg(test)]
mod tests {
    use super::super::{build, read};
    use super::*;
    use crate::fixtures::{article, install_third_page_tables};

    fn series() -> Vec<Article> {
        [&["区残联的工作。"][..], &["社区矫正。"], &["残疾人之家。"], &["群众的事。"]]
            .iter()
            .map(|t| article(t))
            .collect()
    }

    fn run(query: &str, lose: Option<u32>) -> Found {
        install_third_page_tables();
        let articles = series();
        let files = build(&articles, 4);
        let full = Index::build(&articles);
        search(
            query,
            articles.len() as u32,
            full.avg_len,
            4,
            |b| if Some(b) == lose { None } else { read(&files[b as usize], b, 4).ok() },
            |a| articles.get(a as usize).cloned(),
        )
    }

    #[test]
    fn finds_exact_sound_alike_and_office_words_fetching_only_candidates() {
        let exact = run("残联", None);
        assert_eq!((exact.results.hits.len(), exact.articles.clone(), exact.complete), (1, vec![0], true));
        assert_eq!(exact.results.hits[0].article, 0);
        let alike = run("社区矫证", None);
        assert_eq!(alike.results.hits.iter().map(|h| (h.article, h.approximate)).collect::<Vec<_>>(), [(1, true)]);
        let office = run("老百姓", None);
        assert_eq!(office.results.hits.iter().map(|h| h.article).collect::<Vec<_>>(), [3], "老百姓 → 群众");
        assert_eq!(run("足球", None).articles, Vec::<u32>::new(), "no candidate, nothing fetched");
        assert_eq!(run("", None), Found { complete: true, ..Found::default() });
    }

    #[test]
    fn each_article_is_filed_under_its_department_and_a_search_held_to_one_keeps_its_own() {
        use super::super::keys::department;
        install_third_page_tables();
        let mut articles = series();
        articles.push(article(&["区残联的服务。"]));
        articles[4].department_short = "区残联".into();
        let files = build(&articles, 4);
        let got = |b: u32| read(&files[b as usize], b, 4).ok();
        let filed = |key: u32| got(bucket_of(key, 4)).map(|b| b.get(key).iter().map(|f| f.article).collect::<Vec<_>>());
        assert_eq!(filed(department("区某局")), Some(vec![0, 1, 2, 3]));
        assert_eq!(filed(department("区残联")), Some(vec![4]));
        let plan = Plan::of("残联");
        let fetched: Vec<(u32, Option<Bucket>)> = buckets_of(&plan, 4).into_iter().map(|b| (b, got(b))).collect();
        let all = candidates(&plan, 5, 4, |b| got_of(&fetched, b));
        assert_eq!(all.strict.iter().map(|c| c.0).collect::<Vec<_>>().len(), 2, "区残联 in 0 and 4");
        let lookup = |key| {
            fetched
                .iter()
                .find(|(n, _)| *n == bucket_of(key, 4))
                .and_then(|(_, b)| b.as_ref())
                .map_or(&[][..], |b| b.get(key))
        };
        let within = plan.candidates_within(5, SHOWN_RESULTS, lookup, |a| a == 4);
        assert_eq!(within.strict.iter().map(|c| c.0).collect::<Vec<_>>(), [4], "only the department's");
        assert!(within.near.iter().all(|c| c.0 == 4), "near ones too");
    }

    fn got_of(fetched: &[(u32, Option<Bucket>)], b: u32) -> Option<&Bucket> {
        got(fetched, b)
    }

    #[test]
    fn a_bucket_missing_finds_nothing_under_its_keys_and_never_fails() {
        let wanted = buckets_of(&Plan::of("残联"), 4);
        let lost = run("残联", Some(wanted[0]));
        assert!(lost.results.hits.is_empty());
    }
}
