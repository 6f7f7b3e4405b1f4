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

/// What readers type that the strict match misses (approximate: shown under "相近") or
/// that it now finds (exact), → the article they want first.
const FORGIVING: &[(&str, &[&str], Kind)] = &[
    // A homophone picked in a pinyin IME (the text's word in the comment).
    ("社区矫证", &["3-03"], Approximate), // 社区矫正
    ("法律援住", &["3-03"], Approximate), // 法律援助
    ("预酸", &["3-09"], Approximate),     // 预算; 酸 is not in the content
    ("垂直绿画", &["3-05"], Approximate), // 垂直绿化
    ("海棉区域化", &["3-05"], Approximate),
    ("基础设是建设", &["3-05"], Approximate),
    ("小学生延迟半小时上雪", &["3-07"], Approximate),
    ("紧箍周", &["3-09"], Approximate),
    ("牛鼻字", &["3-09"], Approximate),
    ("硬古头", &["3-09"], Approximate),
    ("残急人", &["3-01"], Approximate),
    ("区委政发委委员", &["3-03"], Approximate), // 区委政法委委员, in the posts
    // Names as they sound.
    ("谢建清", &["3-01"], Approximate),
    ("葛同", &["3-03"], Approximate),
    ("徐旭永", &["3-06"], Approximate),
    ("赵群军", &["3-07"], Approximate),
    ("陈小雷", &["3-10"], Approximate),
    ("郑国青", &["3-08"], Approximate),
    ("朱勇红", &["3-04"], Approximate),
    ("余志栋", &["3-02"], Approximate),
    ("黄人", &["3-09"], Approximate),
    ("陈劲送", &["3-05"], Approximate),
    // One wrong character (not a homophone: a slip of the hand) in four or more.
    ("社区矫治", &["3-03"], Approximate),
    ("法律援手", &["3-03"], Approximate),
    ("新零售项日落地", &["3-02"], Approximate),
    ("开创工作新局而", &["3-01"], Approximate),
    // Everyday short names, by rule from the printed name.
    ("人社局", &["3-08"], Exact),
    ("人社", &["3-08"], Exact),
    ("区人社局", &["3-08"], Exact),
    // Across fields: department, posts, name.
    ("教育局党委书记", &["3-06"], Approximate),
    ("教育局局长", &["3-07"], Approximate),
    ("残联理事长", &["3-01"], Approximate),
    ("司法局局长", &["3-03"], Approximate),
    ("财政局黄仁", &["3-09"], Approximate),
    ("民政局陈小蕾", &["3-10"], Approximate),
    ("商务局俞志栋", &["3-02"], Approximate),
    ("招商局局长朱永红", &["3-04"], Approximate),
    ("住建局党委书记", &["3-05"], Approximate),
    ("人社局郑国庆", &["3-08"], Approximate),
    ("人社局局长", &["3-08"], Approximate),
    // Most of a longer term.
    ("社区矫正工作站", &["3-03"], Approximate),
    // Several terms, one of them approximate.
    ("律师 法律援住", &["3-03"], Approximate),
    // Pinyin with characters.
    ("minzheng局", &["3-10"], Exact),
    ("残lian", &["3-01"], Exact),
    ("cai政局", &["3-09"], Exact),
    ("司fa局", &["3-03"], Exact),
    ("jiaoyu局", &["3-06", "3-07"], Exact),
    ("谢jianqing", &["3-01"], Exact),
    // ü typed as v, or with its marks from a pinyin table.
    ("lvyou", &["3-02"], Exact),
    ("lǚyóu", &["3-02"], Exact),
    ("LÜYOU", &["3-02"], Exact),
    ("lvshi", &["3-03"], Exact),
];

/// Whether a forgiving case's best hit is approximate.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Exact,
    Approximate,
}
use Kind::{Approximate, Exact};

/// Queries that must find nothing: nonsense that shares with the articles only single
/// characters, sound-alikes that are not together in one run of text, or too little of
/// itself (noise, not results), and what is no query at all.
const NONSENSE: &[&str] = &[
    "足球",
    "xyzzy",
    "残联 足球",
    "残联足球",
    "联残",
    "q",
    "，。",
    "",
    "   ",
    "鱼酸",     // sounds like 预算, but no character of it is there
    "设曲交正", // sounds like 社区矫正, one character of four the same
    "事世",     // shi shi, like 实施 and 事实
    "足球比赛",
    "火箭发射",
    "量子计算机",
    "天气预报",
    "猫狗大战",
    "冰淇淋",
    "北京奥运会",
    "社足", // 足 is read ju only in old texts: not 社局
    "教物局",
    "残人联",
    "司法足球", // half of it
    "人社足球队",
    "区长球",
    "服务区", // two of three
    // Words of different articles, together in one term, or as terms.
    "残疾人律师",
    "紧箍咒楼宇",
    "社区矫正残联",
    "律师财政", // and not 落实财政: a slip and a sound-alike together
    "预酸 律师",
    "qwerty",
];

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

/// A surname with a post, as speech and the press name an official (`content::addresses`):
/// (query, every article it finds, exactly; none approximately).
const OFFICIALS: &[(&str, &[&str])] = &[
    ("黄局长", &["3-09"]),
    ("黄局", &["3-09"]),
    ("谢理事长", &["3-01"]),
    ("谢书记", &["3-01"]),
    ("徐书记", &["3-06"]),
    ("赵局长", &["3-07"]),
    ("朱主任", &["3-04"]), // 局长（主任）: the post in brackets too
    ("郑部长", &["3-08"]), // 区委组织部副部长: a deputy by the title alone
    ("郑副部长", &["3-08"]),
    ("葛委员", &["3-03"]),          // 区委政法委委员
    ("陈局长", &["3-05", "3-10"]),  // two officials named 陈, both 局长
    ("陈局长 加装电梯", &["3-05"]), // with a topic, as any other term
    ("陈局长 养老", &["3-10"]),
    ("黄局长 预算", &["3-09"]),
    ("俞局 旅游", &["3-02"]),
];

/// A surname no official has with that post, or a post the official with that surname
/// does not hold: nothing at all, not even approximately.
const NO_SUCH_OFFICIAL: &[&str] =
    &["王局长", "李书记", "张主任", "刘理事长", "徐局长", "赵书记", "黄主任", "谢局长", "陈理事长", "葛部长", "孙局"];

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

/// A department by its full official name, as notices and portals give it, with or without
/// the district (`content::full_names`): (query, every article it finds exactly; the
/// forgiving pass may add near ones after them, as for any query).
const FULL_NAMES: &[(&str, &[&str])] = &[
    ("住房和城乡建设局", &["3-05"]),
    ("拱墅区住房和城乡建设局", &["3-05"]),
    ("杭州市拱墅区住房和城乡建设局", &["3-05"]),
    ("区住房和城乡建设局", &["3-05"]),
    ("人民防空办公室", &["3-05"]),
    ("拱墅区人力资源和社会保障局", &["3-08"]),
    ("人力资源和社会保障局", &["3-08"]),
    ("残疾人联合会", &["3-01"]),
    ("拱墅区残疾人联合会", &["3-01"]),
    ("经济合作办公室", &["3-04"]),
    ("拱墅区司法局", &["3-03"]), // printed in full: the district in front is enough
    ("杭州市拱墅区教育局", &["3-06", "3-07"]),
    ("拱墅区财政局 预算", &["3-09"]),
];

/// Full names of bodies no statement is from, whose words the statements do not use
/// either: nothing, not even approximately. (发展和改革局 finds 3-09 approximately: it
/// speaks of 发展 and 改革, as the forgiving pass allows.)
const NO_SUCH_BODY: &[&str] =
    &["卫生健康局", "拱墅区卫生健康局", "市场监督管理局", "退役军人事务局", "归国华侨联合会", "医疗保障局"];

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

/// The public's word for what the statements say in the office's (`approx::synonyms`):
/// (query, the first article found only so). Such hits are near ones, after every exact
/// hit (老百姓 is printed once, in 3-10; 群众 in others).
const SYNONYMS: &[(&str, &str)] = &[
    ("穷人", "3-09"),     // 困难群众
    ("找工作", "3-08"),   // 就业
    ("法律帮助", "3-03"), // 法律援助
    ("补贴", "3-09"),     // 补助
    ("残废", "3-01"),     // 残疾人
    ("公司", "3-04"),     // 企业, in the investment bureau's statement first
    ("老百姓", "3-03"),   // after 3-10, which prints 老百姓
    ("老师", "3-07"),     // after 3-03, which prints 老师
];

/// Public words whose office words the statements do not use: nothing.
const NO_SYNONYM: &[&str] = &["打官司", "看病", "低保"];

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

/// A count typed the other way from how it is printed (`search::numbers`): (query, every
/// article it finds exactly). Names and set phrases of numerals, typed as printed, find
/// what they did.
const NUMBERS: &[(&str, &[&str])] = &[
    ("十家", &["3-06"]),        // 10家
    ("六十九家", &["3-03"]),    // 69家
    ("3所", &["3-03"]),         // 三所
    ("两家", &["3-06"]),        // 2家
    ("2级", &["3-03"]),         // 两级
    ("4次", &["3-01"]),         // 四次
    ("5年", &["3-06", "3-07"]), // 五年
    ("十五万", &["3-05"]),      // 15万, not the 5万 of 1.5万 (3-02)
    ("一万个", &["3-05"]),      // 10000个
    ("一万平方米", &["3-05"]),  // 1万, not the 1万 of 14.1万人 (3-03)
    ("四十周年", &["3-02"]),    // 40周年
    ("二〇一九年", &["3-02", "3-04", "3-05"]),
    ("二〇二〇年", &["3-09"]),
    ("一千三百套", &["3-05"]), // 1300套
    ("一百零五条", &["3-03"]), // 105条
    ("七十名", &["3-06"]),     // 70名
    ("五百强", &["3-04"]),     // 500强
    ("完成1300套", &["3-05"]), // with words around it
    ("八八战略", &["3-01", "3-02", "3-10"]),
    ("百千万", &["3-06"]),
    ("六个不足", &["3-01"]),
    ("一案一评", &["3-03"]),
    ("七五", &["3-03"]),
];

/// Counts the statements do not give, either way: nothing, not even approximately.
/// (五万方 and 一万人 are in 1.5万方 and 14.1万人, as parts of other numbers.)
const NO_SUCH_NUMBER: &[&str] =
    &["十一家", "7所", "九十九名", "2021年", "六百强", "13所", "三万个", "88家", "五万方", "一万人"];

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

/// Pinyin with a slip as phone keyboards make them (`approx::slips`): (query, the first
/// article it finds, approximately).
const PINYIN_SLIPS: &[(&str, &str)] = &[
    ("minzehng", "3-10"),       // 民政: zheng, h and e swapped
    ("mnizheng", "3-10"),       // min, n and i swapped
    ("canlain", "3-01"),        // 残联: lian, a and i swapped
    ("canlan", "3-01"),         // lian without its i
    ("jaioyu", "3-06"),         // 教育 (the bureau of education first): jiao, i and a swapped
    ("zhaoshnag", "3-04"),      // 招商
    ("yusaun", "3-09"),         // 预算
    ("jiiuye", "3-08"),         // 就业: an extra i
    ("lvyuo", "3-02"),          // 旅游
    ("shequjiaozhegn", "3-03"), // 社区矫正
    ("dinati", "3-05"),         // 电梯: dian without its a
];

/// Pinyin nonsense, slips in short syllables or in every syllable, and slipped pinyin of
/// words the statements do not use: nothing. (hagntian, for 航天, finds 杭天 in a law
/// firm's name: a slip forgives the letters, and any character read so matches.)
const NO_SUCH_PINYIN: &[&str] =
    &["qwrtyp", "zzxxcc", "jiaoyuu", "mnizehng", "zuqiiu", "lianzgi", "dainnao", "yinyeu", "xkcdxkcd", "minzhengxx"];

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
