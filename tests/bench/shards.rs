//! The sharded index at the archive's scale, natively: `cargo bench --bench shards --
//! CONTENT_SPEC [BUCKET_BYTES]` (content files and folders, `:` between them, as the site
//! tool takes them). Builds the index over every article of the series, then for each
//! query reports what the app would fetch for its first answer (buckets, then the best
//! candidates' texts, their bytes brotli-compressed as nginx serves them), and whether
//! its answer is the full engine's over the whole series. A benchmark reports; it asserts
//! nothing.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use reader::content::Article;
use reader::search::shard::{self, search::search};
use reader::search::{Index, SHOWN_RESULTS};
use reader_core::bake;

/// Departments, names, phrases, pinyin, initials, several terms, numbers, near matches,
/// common words and a miss.
const QUERIES: &[&str] = &[
    "残联",
    "教育局",
    "张三",
    "社区矫正",
    "法律援助",
    "残疾人 服务",
    "垂直绿化",
    "canlian",
    "jiaoyu",
    "czj",
    "2019年",
    "十家",
    "发展",
    "工作",
    "社区矫证",
    "预酸",
    "老百姓",
    "minzehng",
    "足球",
];

fn brotli(bytes: &[u8]) -> usize {
    compress::brotli(bytes).len()
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let spec = args.next().unwrap_or_else(|| "content".into());
    let bucket_bytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(8_000);
    // The pages and their tables, without the insights (which the index does not use).
    let pages = bake::content_files(Path::new("."), &spec).and_then(|files| bake::read_pages(&files));
    let pages = pages.unwrap_or_else(|e| panic!("{e}"));
    let tables = bake::SearchTables::of(&pages).unwrap_or_else(|e| panic!("{e}"));
    reader::search::tables::install(Box::leak(Box::new(tables)).tables());
    let articles: Vec<Article> = pages.iter().flat_map(|p| p.articles.iter().cloned()).collect();
    let n = articles.len() as u32;

    let t = Instant::now();
    let (files, buckets, _) = shard::build_sized(&articles, bucket_bytes);
    let built = t.elapsed();
    let sizes: Vec<usize> = files.iter().map(|f| f.len()).collect();
    let fragments: Vec<Vec<u8>> = articles.iter().map(|a| serde_json::to_vec(a).expect("serializes")).collect();
    // Compressed as they are needed: compressing thousands of files at brotli's best takes
    // minutes, and only a sample is needed for the totals.
    let br = |b: u32| brotli(&files[b as usize]);
    let fragment_br = |a: u32| brotli(&fragments[a as usize]);
    let step = (buckets as usize / 200).max(1);
    let sample: Vec<usize> = (0..buckets).step_by(step).map(br).collect();
    let text_sample: Vec<usize> = (0..n).step_by((n as usize / 200).max(1)).map(fragment_br).collect();
    let mean = |v: &[usize]| v.iter().sum::<usize>() / v.len().max(1);
    println!(
        "{} pages, {n} articles; index in {buckets} buckets (built in {:.1} s): {} B raw, about {} KB brotli (a bucket {} B on average, {}–{} in a sample of {}); article texts about {} B brotli each",
        pages.len(),
        built.as_secs_f32(),
        sizes.iter().sum::<usize>(),
        mean(&sample) * buckets as usize / 1000,
        mean(&sample),
        sample.iter().min().unwrap_or(&0),
        sample.iter().max().unwrap_or(&0),
        sample.len(),
        mean(&text_sample),
    );

    let full = Index::build(&articles);
    full.warm_pinyin();
    let decoded: Vec<shard::Bucket> =
        files.iter().enumerate().map(|(b, f)| shard::read(f, b as u32, buckets).expect("reads")).collect();
    println!("| query | buckets | bytes | candidates (strict + near) | texts | bytes | first answer, brotli | native ms | found (full engine) | of the full engine's first ten |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for q in QUERIES {
        let t = Instant::now();
        let through = search(
            q,
            n,
            full.avg_len,
            buckets,
            |b| decoded.get(b as usize).cloned(),
            |a| articles.get(a as usize).cloned(),
        );
        let ms = t.elapsed().as_secs_f32() * 1000.0;
        let want = full.search_top(q, SHOWN_RESULTS, |_| true);
        let bucket_bytes: usize = through.buckets.iter().map(|&b| br(b)).sum();
        let text_bytes: usize = through.articles.iter().map(|&a| fragment_br(a)).sum();
        let plan = shard::Plan::of(q);
        let c = shard::search::candidates(&plan, n, buckets, |b| decoded.get(b as usize));
        let shown = shard::search::FETCHED;
        let best: Vec<usize> = want.hits.iter().take(shown).map(|h| h.article).collect();
        let same = through.results.hits.iter().take(shown).filter(|h| best.contains(&h.article)).count();
        println!(
            "| {q} | {} | {:.1} KB | {} + {} | {} | {:.1} KB | {:.1} KB | {ms:.0} | {}{} ({}) | {same} of {} |",
            through.buckets.len(),
            bucket_bytes as f32 / 1000.0,
            c.strict.len(),
            c.near.len(),
            through.articles.len(),
            text_bytes as f32 / 1000.0,
            (bucket_bytes + text_bytes) as f32 / 1000.0,
            through.results.total,
            if through.complete { "" } else { " est." },
            want.total,
            best.len(),
        );
        let _ = std::io::stdout().flush();
    }
}
