//! Search quality over the real content: what a reader types → the article they want
//! first. Native; the same core runs in the browser.
#![cfg(not(target_arch = "wasm32"))]

use reader::content::Article;
use reader::search::Index;

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/third_page.rs"]
mod third_page;

fn articles() -> Vec<Article> {
    third_page::third_page_articles()
}

/// (query, acceptable top articles). What each case covers is in the comment beside it.
const TOP: &[(&str, &[&str])] = &[
    // Departments, as printed and canonical.
    ("残联", &["3-01"]),
    ("商务局", &["3-02"]),
    ("旅游局", &["3-02"]),
    ("司法局", &["3-03"]),
    ("经合办", &["3-04"]),
    ("人防办", &["3-05"]),
    ("教育局", &["3-06", "3-07"]),
    ("人力社保局", &["3-08"]),
    ("财政局", &["3-09"]),
    // Authors.
    ("谢建青", &["3-01"]),
    ("葛彤", &["3-03"]),
    ("赵群筠", &["3-07"]),
    ("陈小蕾", &["3-10"]),
    // Words that span a printed line break.
    ("开创工作新局面", &["3-01"]),
    ("新零售项目落地", &["3-02"]),
    ("海绵区域化", &["3-05"]),
    // Words broken by justification spaces in the source.
    ("文渊小学", &["3-06"]),
    ("乐英专修", &["3-06"]),
    ("80后", &["3-06"]),
    ("党的知识", &["3-06"]),
    // Headings.
    ("迎接新挑战", &["3-02"]),
    ("紧箍咒", &["3-09"]),
    // Full pinyin, with and without spaces, any case.
    ("canlian", &["3-01"]),
    ("can lian", &["3-01"]),
    ("XieJianqing", &["3-01"]),
    ("zhaoshangju", &["3-04"]),
    ("huang ren", &["3-09"]),
    // Initials.
    ("czj", &["3-09"]),
    ("mzj", &["3-10"]),
    ("sfj", &["3-03"]),
    ("xjq", &["3-01"]),
    // Polyphones: 长 read zhang or chang.
    ("juzhang zhuyongh", &["3-04"]),
    // Traditional characters.
    ("殘聯", &["3-01"]),
    ("財政局", &["3-09"]),
    ("區教育局", &["3-06", "3-07"]),
    // Full-width digits and letters.
    ("１３００套", &["3-05"]),
    ("１２３４８", &["3-03"]),
    ("ＢＩＭ", &["3-05"]),
    // Mixed Chinese and English, and numbers.
    ("BIM技术", &["3-05"]),
    ("1+N", &["3-06"]),
    // Several words: all required.
    ("残疾人 服务", &["3-01"]),
    ("律师 法律援助", &["3-03"]),
    ("养老 民政", &["3-10"]),
    ("垂直绿化 海绵", &["3-05"]),
];

/// Queries that must find nothing.
const NOTHING: &[&str] = &["足球", "xyzzy", "残联 足球", "，。", "", "   ", "联残", "q", "残联足球"];

#[test]
fn every_query_finds_the_expected_article_first() {
    let articles = articles();
    let index = Index::build(&articles);
    let mut failures = Vec::new();
    for (query, want) in TOP {
        let hits = index.search(query);
        let top = hits.first().map(|h| &*articles[h.article].id);
        if !top.is_some_and(|t| want.contains(&t)) {
            let got: Vec<&str> = hits.iter().take(3).map(|h| &*articles[h.article].id).collect();
            failures.push(format!("{query:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), TOP.len(), failures.join("\n"));
    assert!(TOP.len() >= 30);
}

#[test]
fn queries_that_must_find_nothing() {
    let index = Index::build(&articles());
    for query in NOTHING {
        assert!(index.search(query).is_empty(), "{query:?} found something");
    }
}

#[test]
fn excerpts_highlight_what_was_typed() {
    let articles = articles();
    let index = Index::build(&articles);
    let hit = &index.search("殘疾人 服務")[0];
    let marked: Vec<&str> = hit.excerpt.marks.iter().map(|m| &hit.excerpt.text[m.clone()]).collect();
    assert!(marked.contains(&"残疾人") || marked.contains(&"服务"), "{marked:?}");
    assert!(marked.iter().all(|m| ["残疾人", "服务"].contains(m)), "{marked:?}");
    let by_author = &index.search("葛彤")[0];
    assert_eq!(by_author.author_marks, vec![0.."葛彤".len()]);
    assert!(by_author.excerpt.marks.is_empty(), "only the author matched: the excerpt is the opening");
    assert!(articles[by_author.article].lead[0].starts_with(&by_author.excerpt.text));
    let by_dept = &index.search("zhaoshang")[0];
    let dept = &articles[by_dept.article].department;
    assert_eq!(by_dept.department_marks.iter().map(|m| &dept[m.clone()]).collect::<Vec<_>>(), ["招商"]);
}

#[test]
fn matching_lists_every_match_whatever_the_callers_filter() {
    let index = Index::build(&articles());
    let all = index.search_top("学校", 20, |_| true);
    let only_first = index.search_top("学校", 20, |a| a == all.matching[0]);
    assert!(all.matching.len() >= 2, "{:?}", all.matching);
    assert_eq!((only_first.total, only_first.hits.len()), (1, 1), "the filter narrows the hits");
    assert_eq!(only_first.matching, all.matching, "but not what matches");
    assert!(all.matching.windows(2).all(|w| w[0] < w[1]), "article order: {:?}", all.matching);
    let mut ranked: Vec<usize> = all.hits.iter().map(|h| h.article).collect();
    ranked.sort_unstable();
    assert_eq!(ranked, all.matching, "the same articles as the hits");
    assert!(index.search_top("没有这个词语", 20, |_| true).matching.is_empty());
}

#[test]
fn the_bench_corpus_is_deterministic_and_sized() {
    let real = articles();
    let a = corpus::synthetic(&real, 50);
    assert_eq!(a.len(), 50);
    assert_eq!(a, corpus::synthetic(&real, 50));
    assert_eq!(a[49].id, "s-0049");
    assert!(a.iter().all(|x| x.chars > 100));
}
