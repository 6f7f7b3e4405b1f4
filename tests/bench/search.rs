//! Native search benchmark: `cargo bench --bench search` (or `./dev bench`). Prints index
//! build time, index size and per-query p50/p95 on the real content and on a synthetic
//! 1,000-article corpus. A benchmark reports; it asserts nothing about speed.

use std::hint::black_box;
use std::time::Instant;

use reader::content::{embedded, Article};
use reader::search::Index;

#[path = "../support/corpus.rs"]
mod corpus;
use corpus::synthetic;

/// A mix of what readers type: departments, names, phrases, pinyin, initials, several
/// words, traditional characters, and a miss.
const QUERIES: &[&str] = &[
    "残联",
    "教育局",
    "谢建青",
    "解放思想",
    "大讨论活动",
    "canlian",
    "can lian",
    "jiaoyu",
    "czj",
    "xjq",
    "残疾人 服务",
    "律师 法律援助",
    "殘聯",
    "區教育局",
    "BIM技术",
    "2019",
    "足球",
    "jiefangsixiang",
    "ch",
    "新时代中国特色社会主义",
];
/// What the second pass is for (`search::approx`): homophones, slips, words across fields,
/// pinyin with characters; and nonsense, which it must leave empty.
const FORGIVING: &[&str] = &[
    "社区矫证",
    "预酸",
    "法律援住",
    "小学生延迟半小时上雪",
    "谢建清",
    "开创工作新局而",
    "教育局党委书记",
    "招商局局长朱永红",
    "社区矫正工作站",
    "人社局",
    "minzheng局",
    "lvyou",
    "律师 法律援住",
    "量子计算机",
    "设曲交正",
    "足球比赛",
];
/// Rounds over the query list per corpus.
const ROUNDS: usize = 30;
/// Results the UI asks for at once (see `app.rs`).
const SHOWN: usize = reader::search::SHOWN_RESULTS;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn bench(name: &str, articles: &[Article]) {
    let chars: usize = articles.iter().map(|a| a.chars).sum();
    let t = Instant::now();
    let index = Index::build(articles);
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let mut builds: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            black_box(Index::build(articles));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    builds.sort_by(f64::total_cmp);
    // The pinyin postings are built by the first Latin-letter query; time that apart.
    let mut pinyin: Vec<f64> = (0..5)
        .map(|_| {
            let fresh = Index::build(articles);
            let t = Instant::now();
            fresh.warm_pinyin();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    pinyin.sort_by(f64::total_cmp);
    index.warm_pinyin();
    println!("## {name}: {} articles, {chars} characters", articles.len());
    println!(
        "index build: first {build_ms:.2} ms, median of 5 {:.2} ms; pinyin postings on first Latin query: median {:.2} ms; approx. size {} KiB",
        builds[2],
        pinyin[2],
        index.approx_bytes() / 1024
    );
    println!("search as the UI runs it (all matches ranked, excerpts for the first {SHOWN}):");
    for (mix, queries) in [("the usual mix", QUERIES), ("forgiving", FORGIVING)] {
        queries_bench(&index, mix, queries);
    }
    println!();
}

fn queries_bench(index: &Index, mix: &str, queries: &[&str]) {
    let mut times = Vec::new();
    let mut per_query: Vec<(&str, Vec<f64>, usize, usize)> = queries.iter().map(|q| (*q, Vec::new(), 0, 0)).collect();
    for _ in 0..ROUNDS {
        for (q, samples, hits, exact) in per_query.iter_mut() {
            let t = Instant::now();
            let found = black_box(index.search_top(q, SHOWN, |_| true));
            let us = t.elapsed().as_secs_f64() * 1e6;
            (*hits, *exact) = (found.total, found.exact);
            samples.push(us);
            times.push(us);
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{mix}: p50 {:.1} µs, p95 {:.1} µs, max {:.1} µs ({} searches)",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.last().unwrap(),
        times.len()
    );
    println!("| query | hits (exact) | p50 µs | p95 µs |");
    println!("|---|---|---|---|");
    for (q, mut samples, hits, exact) in per_query {
        samples.sort_by(f64::total_cmp);
        println!("| {q} | {hits} ({exact}) | {:.1} | {:.1} |", percentile(&samples, 0.5), percentile(&samples, 0.95));
    }
}

fn main() {
    let real: Vec<Article> = embedded::library().articles().cloned().collect();
    bench("real content", &real);
    bench("synthetic corpus", &synthetic(&real, 1000));
}
