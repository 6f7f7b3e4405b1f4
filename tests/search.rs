//! Search quality over the real content: what a reader types → the article they want
//! first. Native; the same core runs in the browser.
#![cfg(not(target_arch = "wasm32"))]

use reader::content::Article;
use reader::search::Index;

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/search_cases.rs"]
mod search_cases;
#[path = "support/third_page.rs"]
mod third_page;

use search_cases::*;

fn articles() -> Vec<Article> {
    third_page::third_page_articles()
}

// The case lists keep their breadth: checked when the tests compile, not at run time.
const _: () = assert!(TOP.len() >= 30 && FORGIVING.len() >= 40 && NONSENSE.len() >= 20);

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
}

#[test]
fn forgiving_queries_find_the_expected_article_first() {
    let articles = articles();
    let index = Index::build(&articles);
    let mut failures = Vec::new();
    for (query, want, kind) in FORGIVING {
        let hits = index.search(query);
        let top = hits.first().map(|h| (&*articles[h.article].id, if h.approximate { Approximate } else { Exact }));
        if !top.is_some_and(|(id, k)| want.contains(&id) && k == *kind) {
            let got: Vec<String> = hits
                .iter()
                .take(3)
                .map(|h| format!("{}{}", articles[h.article].id, if h.approximate { "~" } else { "" }))
                .collect();
            failures.push(format!("{query:?}: want {want:?} {kind:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), FORGIVING.len(), failures.join("\n"));
}

#[test]
fn nonsense_finds_nothing() {
    let index = Index::build(&articles());
    let found: Vec<String> = NONSENSE
        .iter()
        .filter_map(|q| {
            let hits = index.search(q);
            (!hits.is_empty()).then(|| format!("{q:?} found {}", hits.len()))
        })
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn exact_hits_come_first_and_approximate_ones_are_marked() {
    let articles = articles();
    let index = Index::build(&articles);
    for (query, exact, near) in [("职能", 2, 1), ("预算 预酸", 0, 1), ("法律援助", 1, 0), ("教育局党委书记", 0, 1)]
    {
        let results = index.search_top(query, 20, |_| true);
        let kinds: Vec<bool> = results.hits.iter().map(|h| h.approximate).collect();
        assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{query}: exact first, {kinds:?}");
        assert_eq!((results.exact, results.near()), (exact, near), "{query}: {kinds:?}");
        assert_eq!(results.exact, kinds.iter().filter(|a| !**a).count(), "{query}");
    }
}

#[test]
fn a_page_of_exact_hits_needs_no_second_pass_and_a_filter_changes_no_match() {
    let articles = corpus::synthetic(&articles(), 100);
    let index = Index::build(&articles);
    let many = index.search_top("党委书记", 20, |_| true);
    assert!(many.exact >= 20 && many.near() == 0, "{} exact, {} near", many.exact, many.near());
    for query in ["社区矫证", "律师 法律援住", "党委书记", "学校"] {
        let all = index.search_top(query, 20, |_| true);
        let some = index.search_top(query, 20, |a| a % 7 == 0);
        assert_eq!(some.matching, all.matching, "{query}: what matches does not depend on the filter");
        assert!(some.hits.iter().all(|h| h.article % 7 == 0), "{query}");
        assert!(!all.matching.is_empty(), "{query}");
    }
}

#[test]
fn approximate_hits_highlight_what_they_matched() {
    let articles = articles();
    let index = Index::build(&articles);
    let marked = |query: &str| -> Vec<String> {
        let hit = &index.search(query)[0];
        hit.excerpt.marks.iter().map(|m| hit.excerpt.text[m.clone()].to_owned()).collect()
    };
    let homophone = marked("社区矫证");
    assert!(!homophone.is_empty() && homophone.iter().all(|m| m == "社区矫正"), "{homophone:?}");
    assert!(marked("预酸").contains(&"预算".to_owned()));
    assert!(marked("开创工作新局而").contains(&"开创工作新局面".to_owned()), "the slip is marked too");
    let short = &index.search("人社局")[0];
    let dept = &articles[short.article].department;
    let through: Vec<&str> = short.department_marks.iter().map(|m| &dept[m.clone()]).collect();
    assert_eq!(through, ["人", "社", "局"], "a short name marks its characters in the printed name");
    let across = &index.search("教育局党委书记")[0];
    let dept = &articles[across.article].department;
    assert_eq!(across.department_marks.iter().map(|m| &dept[m.clone()]).collect::<Vec<_>>(), ["教育局"]);
    let posts = articles[across.article].posts.join("、");
    assert_eq!(across.posts_marks.iter().map(|m| &posts[m.clone()]).collect::<Vec<_>>(), ["党委书记"], "the posts too");
    // Two terms, one approximate: the excerpt shows the approximate one, what the note is about.
    assert!(marked("律师 法律援住").contains(&"法律援助".to_owned()), "{:?}", marked("律师 法律援住"));
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

const _: () = assert!(OFFICIALS.len() >= 12 && NO_SUCH_OFFICIAL.len() >= 10);

#[test]
fn a_surname_with_a_post_finds_that_official_and_no_other() {
    // Exactly these, and nothing approximate either ("~" marks an approximate hit).
    let failures = found_exactly(OFFICIALS, NO_SUCH_OFFICIAL, |h| format!("{}{}", h.1, if h.0 { "~" } else { "" }));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The failures of `cases` (query, every article it must find, sorted) and of `nothing`
/// (queries that must find nothing), each hit named by `name` from (approximate, id);
/// a name of "" is not counted.
fn found_exactly(cases: &[(&str, &[&str])], nothing: &[&str], name: impl Fn((bool, &str)) -> String) -> Vec<String> {
    let articles = articles();
    let index = Index::build(&articles);
    let mut failures = Vec::new();
    for (query, want) in cases {
        let hits = index.search(query);
        let mut got: Vec<String> =
            hits.iter().map(|h| name((h.approximate, &articles[h.article].id))).filter(|n| !n.is_empty()).collect();
        got.sort();
        if got != *want {
            failures.push(format!("{query:?}: want {want:?}, got {got:?}"));
        }
    }
    for query in nothing {
        let hits = index.search(query);
        if !hits.is_empty() {
            let got: Vec<&str> = hits.iter().map(|h| &*articles[h.article].id).collect();
            failures.push(format!("{query:?}: want nothing, got {got:?}"));
        }
    }
    failures
}

#[test]
fn a_surname_with_a_post_highlights_the_name_and_the_post() {
    let articles = articles();
    let index = Index::build(&articles);
    let marked = |query: &str| {
        let hit = index.search(query).into_iter().next().expect(query);
        let a = &articles[hit.article];
        let posts = a.posts_line();
        let author: Vec<&str> = hit.author_marks.iter().map(|r| &a.author[r.clone()]).collect();
        let posts: Vec<String> = hit.posts_marks.iter().map(|r| posts[r.clone()].to_owned()).collect();
        (author, posts)
    };
    assert_eq!(marked("黄局长"), (vec!["黄"], vec!["局长".to_owned()]));
    assert_eq!(marked("郑部长"), (vec!["郑"], vec!["部长".to_owned()]), "the 部长 of 副部长, not 组织部's 部");
    assert_eq!(marked("朱主任"), (vec!["朱"], vec!["主任".to_owned()]));
    assert_eq!(marked("谢建青"), (vec!["谢建青"], vec![]), "the name as typed, as before");
}

const _: () = assert!(FULL_NAMES.len() >= 12 && NO_SUCH_BODY.len() >= 5);

#[test]
fn a_department_by_its_full_name_with_or_without_the_district() {
    // The exact hits; the forgiving pass may add near ones.
    let failures = found_exactly(FULL_NAMES, NO_SUCH_BODY, |h| if h.0 { String::new() } else { h.1.to_owned() });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_department_has_a_full_name_for_each_body() {
    for a in articles() {
        let bodies = reader::content::bodies::bodies(&a.department);
        let full_names: Vec<&str> = reader::content::model::names(&a.full_names).collect();
        assert_eq!(full_names.len(), bodies.len(), "{}: {full_names:?}", a.department);
        for (full, (_, body)) in full_names.iter().zip(&bodies) {
            assert!(full.starts_with("拱墅区") && full.len() > "拱墅区".len(), "{body} → {full}");
        }
    }
}

#[test]
fn a_full_name_highlights_the_department_as_printed() {
    let articles = articles();
    let index = Index::build(&articles);
    let marked = |query: &str| {
        let hit = index.search(query).into_iter().next().expect(query);
        let a = &articles[hit.article];
        hit.department_marks.iter().map(|r| a.department[r.clone()].to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(marked("拱墅区住房和城乡建设局"), ["区住建局、区人防办（区民防局）"], "the department, whole");
    assert_eq!(marked("拱墅区司法局"), ["区司法局"]);
    assert_eq!(marked("招商"), ["招商"], "what the printed name spells, as before");
}

const _: () = assert!(SYNONYMS.len() >= 8 && NO_SYNONYM.len() >= 3);

#[test]
fn the_publics_words_find_the_offices_below_exact_hits() {
    let articles = articles();
    let index = Index::build(&articles);
    let mut failures = Vec::new();
    for (query, want) in SYNONYMS {
        let hits = index.search(query);
        let exact = hits.iter().take_while(|h| !h.approximate).count();
        let near: Vec<&str> = hits[exact..].iter().map(|h| &*articles[h.article].id).collect();
        if hits[exact..].iter().any(|h| !h.approximate) || near.first() != Some(want) {
            let got: Vec<String> = hits
                .iter()
                .map(|h| format!("{}{}", articles[h.article].id, if h.approximate { "~" } else { "" }))
                .collect();
            failures.push(format!("{query:?}: want {want}~ first among the near ones, got {got:?}"));
        }
    }
    for query in NO_SYNONYM {
        if !index.search(query).is_empty() {
            failures.push(format!("{query:?}: want nothing"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const _: () = assert!(NUMBERS.len() >= 15 && NO_SUCH_NUMBER.len() >= 6);

#[test]
fn a_number_finds_its_count_written_either_way() {
    let failures = found_exactly(NUMBERS, NO_SUCH_NUMBER, |h| if h.0 { String::new() } else { h.1.to_owned() });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_number_written_the_other_way_highlights_the_printed_count() {
    let articles = articles();
    let index = Index::build(&articles);
    let marked = |query: &str| {
        let hit = index.search(query).into_iter().next().expect(query);
        hit.excerpt.marks.iter().map(|m| hit.excerpt.text[m.clone()].to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(marked("十家")[0], "10家");
    assert_eq!(marked("3所"), ["三所"]);
    assert_eq!(marked("二〇二〇年"), ["2020年"]);
}

const _: () = assert!(PINYIN_SLIPS.len() >= 10 && NO_SUCH_PINYIN.len() >= 8);

#[test]
fn pinyin_with_a_slip_finds_what_it_meant_approximately() {
    let articles = articles();
    let index = Index::build(&articles);
    let mut failures = Vec::new();
    for (query, want) in PINYIN_SLIPS {
        let hits = index.search(query);
        let first = hits.first().map(|h| (&*articles[h.article].id, h.approximate));
        if first != Some((want, true)) {
            let got: Vec<String> = hits
                .iter()
                .map(|h| format!("{}{}", articles[h.article].id, if h.approximate { "~" } else { "" }))
                .collect();
            failures.push(format!("{query:?}: want {want}~ first, got {got:?}"));
        }
    }
    for query in NO_SUCH_PINYIN {
        let hits = index.search(query);
        if !hits.is_empty() {
            let got: Vec<&str> = hits.iter().map(|h| &*articles[h.article].id).collect();
            failures.push(format!("{query:?}: want nothing, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
