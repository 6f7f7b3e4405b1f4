//! Tier 2: native tests over the real `content/` — the checked-in JSON is what ingest
//! produces now, and the page reads like the print, character for character.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;

use reader::content::ingest::{ingest, print, summary};
use reader::content::{page_file_name, Page};

const SOURCE: &str = "content/source/000_a4935d0b10a14e09.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn source_text() -> String {
    std::fs::read_to_string(root().join(SOURCE)).expect("source text")
}

fn page() -> Page {
    ingest(SOURCE, source_text().as_bytes()).expect("the real page ingests")
}

/// The directories of pages: the real content, and the test pages of the series that
/// the multi-page test site is built from (`READER_CONTENT`, see build.rs).
const PAGE_DIRS: [&str; 2] = ["content", "tests/fixtures/series"];

fn sources(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir).join("source"))
        .unwrap_or_else(|e| panic!("{dir}/source: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn checked_in_json_is_what_ingest_produces() {
    for dir in PAGE_DIRS {
        let mut expected = BTreeSet::new();
        for path in sources(dir) {
            let rel = path.strip_prefix(root()).unwrap().to_str().unwrap().to_owned();
            let page = ingest(&rel, &std::fs::read(&path).unwrap()).unwrap_or_else(|e| panic!("{e}"));
            let json = serde_json::to_string_pretty(&page).unwrap() + "\n";
            let name = page_file_name(page.number);
            let run = format!("cargo run --bin ingest -- --out {dir} {rel}");
            let stored = std::fs::read_to_string(root().join(dir).join(&name))
                .unwrap_or_else(|e| panic!("{dir}/{name}: {e} (run: {run})"));
            assert!(stored == json, "{dir}/{name} is out of date: run `{run}`");
            expected.insert(name);
        }
        let present: BTreeSet<String> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".json"))
            .collect();
        assert_eq!(present, expected, "every {dir}/*.json comes from a source in {dir}/source/");
    }
}

#[test]
fn the_real_content_holds_no_test_page() {
    for path in sources("content") {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("测试样例"), "{} is a test page (tests/support/series.mjs)", path.display());
    }
    assert_eq!(sources("tests/fixtures/series").len(), 2, "the test site has the real page and two more");
}

#[test]
fn page_header() {
    let page = page();
    assert_eq!(page.campaign, "解放思想勇开拓 争先创优敢担当 加快实现大城北崛起");
    assert_eq!(page.title, "各部门党委(党组)成员召开集中学习交流会（三）");
    assert_eq!(page.number, 3);
    assert_eq!(page.source, SOURCE);
    page.check().expect("the ingested page passes the model's checks");
}

#[test]
fn ten_articles_ten_authors_nine_departments() {
    let page = page();
    let authors: Vec<&str> = page.articles.iter().map(|a| &*a.author).collect();
    assert_eq!(
        authors,
        ["谢建青", "俞志栋", "葛彤", "朱永红", "陈劲松", "徐旭勇", "赵群筠", "郑国庆", "黄仁", "陈小蕾"]
    );
    let departments: BTreeSet<&str> = page.articles.iter().map(|a| &*a.department_short).collect();
    assert_eq!(departments.len(), 9);
    let education = page.articles.iter().filter(|a| a.department_short == "区教育局").count();
    assert_eq!(education, 2);
    let ids: Vec<&str> = page.articles.iter().map(|a| &*a.id).collect();
    assert_eq!(ids, ["3-01", "3-02", "3-03", "3-04", "3-05", "3-06", "3-07", "3-08", "3-09", "3-10"]);
    assert!(page.articles.iter().all(|a| a.editor_title.is_none()), "the source prints no headlines");
}

#[test]
fn article_text_is_the_source_minus_header_and_signatures() {
    let page = page();
    let signatures: BTreeSet<&str> = page.articles.iter().map(|a| &*a.signature).collect();
    let source = source_text();
    let mut lines = source.lines().filter(|l| !l.trim().is_empty());
    lines.next(); // campaign title
    lines.next(); // page title
    let expected: String = lines
        .filter(|l| !signatures.contains(l.split_whitespace().collect::<Vec<_>>().join(" ").as_str()))
        .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
        .collect();
    let actual: String =
        page.articles.iter().flat_map(|a| a.blocks()).flat_map(|b| b.chars()).filter(|c| !c.is_whitespace()).collect();
    assert_eq!(signatures.len(), 10);
    assert_eq!(actual.chars().count(), expected.chars().count());
    assert!(actual == expected, "article text differs from the source");
}

#[test]
fn no_whitespace_between_cjk_characters() {
    let is_cjk = |c: char| !c.is_ascii() && !c.is_whitespace();
    for a in page().articles.iter() {
        for block in a.blocks() {
            let chars: Vec<char> = block.chars().collect();
            for w in chars.windows(3) {
                assert!(!(w[1].is_whitespace() && is_cjk(w[0]) && is_cjk(w[2])), "{}: {:?} in {block}", a.id, w);
            }
            assert_eq!(block.trim(), block, "{}: untrimmed block", a.id);
        }
    }
}

#[test]
fn every_paragraph_ends_with_closing_punctuation() {
    for a in page().articles.iter() {
        let paragraphs = a.lead.iter().chain(a.sections.iter().flat_map(|s| s.paragraphs.iter()));
        for p in paragraphs {
            assert!(
                print::ends_sentence(p),
                "{}: paragraph does not end a sentence: …{}",
                a.id,
                p.chars().rev().take(12).collect::<String>().chars().rev().collect::<String>()
            );
        }
    }
}

#[test]
fn every_numbered_heading_is_found() {
    let printed: Vec<String> = source_text()
        .lines()
        .filter(|l| print::starts_heading(l))
        .map(|l| l.trim().chars().take(6).collect())
        .collect();
    let found: Vec<String> =
        page().articles.iter().flat_map(|a| a.sections.iter()).map(|s| s.heading.chars().take(6).collect()).collect();
    assert_eq!(found, printed);
    assert_eq!(found.len(), 30);
    let page = page();
    let sections: Vec<usize> = page.articles.iter().map(|a| a.sections.len()).collect();
    assert_eq!(sections, [3, 5, 5, 0, 4, 6, 0, 0, 4, 3]);
}

#[test]
fn paragraphs_match_the_print_where_we_checked_by_eye() {
    let page = page();
    let first = &page.articles[0];
    assert_eq!(first.lead.len(), 3);
    assert!(first.lead[0].starts_with("近期，根据区委《“解放思想勇开拓、争先创优敢担当”大讨论活动方案》"));
    assert_eq!(first.sections[0].heading, "一、坚持问题导向，认清开展大讨论活动的必要性。");
    assert_eq!(first.sections[2].paragraphs.len(), 2);
    // Justification spaces inside a number are dropped: “8 0后” → “80后”.
    assert!(page.articles[5].sections[2].paragraphs[0].contains("“80后”年轻干部开展竞岗"));
    // Inline enumerations stay inside their paragraph.
    assert!(page.articles[2].sections[0].paragraphs[0].contains("。二是落实普法责任制"));
    assert_eq!(*page.articles[1].posts, ["党委书记", "局长"]);
    assert_eq!(page.articles[4].department, "区住建局、区人防办（区民防局）");
}

fn expect_error(name: &str, bytes: &[u8], line: usize, needle: &str) {
    let err = ingest(name, bytes).expect_err(name);
    let message = err.to_string();
    assert_eq!(err.line, line, "{message}");
    assert!(message.starts_with(&format!("{name}:{line}: ")), "{message}");
    assert!(message.contains(needle), "{message} should mention {needle:?}");
}

#[test]
fn bad_input_is_named_by_file_line_and_problem() {
    let source = source_text();
    expect_error("empty.txt", b"", 1, "empty");
    expect_error("blank.txt", b"\n\n  \n", 1, "empty");

    let mut invalid = source.as_bytes()[..200].to_vec();
    invalid.extend_from_slice(&[0xff, 0xfe]);
    let line = source.as_bytes()[..200].iter().filter(|&&b| b == b'\n').count() + 1;
    expect_error("latin1.txt", &invalid, line, "UTF-8");

    let headless: String = source.lines().skip(3).collect::<Vec<_>>().join("\n");
    expect_error("headless.txt", headless.as_bytes(), 1, "page header");

    let mut untitled: Vec<&str> = source.lines().collect();
    untitled[1] = "各部门党委(党组)成员召开集中学习交流会";
    expect_error("untitled.txt", untitled.join("\n").as_bytes(), 2, "page header");

    let unsigned = source.replace("区民政局党委书记、局长 陈小蕾", "");
    expect_error("unsigned.txt", unsigned.as_bytes(), 1123, "not closed by a signature");

    let no_signatures: String = source.lines().take(20).collect::<Vec<_>>().join("\n");
    expect_error("nosig.txt", no_signatures.as_bytes(), 4, "not closed by a signature");

    let nameless = source.replace("区财政局党委书记、局长 黄仁", "区财政局党委书记、局长");
    expect_error("nameless.txt", nameless.as_bytes(), 1121, "no author name");

    let lines: Vec<&str> = source.lines().collect();
    // Article 3-01 runs from line 4 to its signature on line 129; print it twice.
    let mut twice: Vec<&str> = lines[..129].to_vec();
    twice.extend_from_slice(&lines[3..129]);
    twice.extend_from_slice(&lines[129..]);
    expect_error("twice.txt", twice.join("\n").as_bytes(), 130, "repeats the article that starts on line 4");

    let no_text = source.replacen("近期，根据区委", "区残联党组书记、理事长 谢建青\n近期，根据区委", 1);
    expect_error("notext.txt", no_text.as_bytes(), 4, "no article text");

    let mut bell = lines.clone();
    bell[9] = "近期\u{7}，根据区委";
    expect_error("bell.txt", bell.join("\n").as_bytes(), 10, "control character U+0007");
    // A tab is whitespace, not an error.
    assert!(ingest("tab.txt", source.replacen("近期，", "近期，\t", 1).as_bytes()).is_ok());
    // Also inside the title line, which the content check would refuse if it were kept.
    let page = ingest("title-tab.txt", source.replacen("交流会", "交流会\t", 1).as_bytes()).unwrap();
    assert!(!page.title.contains('\t'), "{:?}", page.title);
}

#[test]
fn bom_and_crlf_give_the_same_page() {
    let clean = page();
    let source = source_text();
    let crlf = source.replace('\n', "\r\n");
    let bom = format!("\u{feff}{source}");
    let both = format!("\u{feff}{crlf}");
    for (what, text) in [("CRLF", crlf), ("BOM", bom), ("BOM+CRLF", both)] {
        assert_eq!(ingest(SOURCE, text.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}")), clean, "{what}");
    }
}

#[test]
fn the_ingest_command_writes_nothing_on_error() {
    let dir = std::env::temp_dir().join(format!("ingest-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "只有一行").unwrap();
    let ingest = || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_ingest"));
        cmd.current_dir(root());
        cmd
    };
    let out = ingest().args([SOURCE.as_ref(), bad.as_os_str(), "--out".as_ref(), dir.as_os_str()]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("bad.txt:1: expected the page header"), "{stderr}");
    assert!(!dir.join("page-003.json").exists(), "a failing run wrote output");

    let out = ingest().args([SOURCE.as_ref(), "--out".as_ref(), dir.as_os_str()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(dir.join("page-003.json")).unwrap();
    assert!(
        written == std::fs::read_to_string(root().join("content/page-003.json")).unwrap(),
        "the command and the library disagree"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_embedded_content_is_the_checked_in_content() {
    let library = reader::content::embedded::library();
    assert_eq!(library.pages.iter().find(|p| p.number == 3), Some(&page()), "page 3 as ingest makes it");
    assert_eq!(library.pages.len(), sources("content").len(), "one page for each source");
}

#[test]
fn a_malformed_content_file_is_named_by_file_line_and_problem() {
    use reader::content::model::parse_content_file;
    let good = std::fs::read_to_string(root().join("content/page-003.json")).unwrap();
    let line_of = |needle: &str| good[..good.find(needle).unwrap()].matches('\n').count() + 1;
    let cases = [
        (good.replacen("\"lead\"", "\"leed\"", 1), line_of("\"lead\""), "unknown field `leed`"),
        (good.replacen("\"chars\": 1315", "\"chars\": 1316", 1), line_of("\"3-01\""), "says chars = 1316"),
        (good.replacen("\"3-02\"", "\"3-01\"", 1), line_of("\"3-02\""), "used twice"),
        (good.replacen("\"3-01\"", "\"3 01\"", 1), line_of("\"3-01\""), "ASCII letters"),
        (good.replacen("\"author\": \"谢建青\"", "\"author\": \" \"", 1), line_of("\"3-01\""), "empty author"),
        (good.replacen("\"number\": 3,", "\"number\": \"3\",", 1), line_of("\"number\""), "invalid type"),
        // Control characters would break the packed form the app embeds (and are never text).
        (good.replacen("\"局长\"", "\"局\\u001f长\"", 1), line_of("\"3-02\""), "control character in \"局\\u{1f}长\""),
        (
            good.replacen("各部门", "各\\u0007部门", 1),
            line_of("\"title\""),
            "the page's title contains a control character",
        ),
        (good[..good.len() / 2].to_owned(), good[..good.len() / 2].matches('\n').count() + 1, "EOF"),
    ];
    for (text, line, needle) in cases {
        let err = parse_content_file("content/x.json", &text).expect_err(needle);
        assert!(err.starts_with(&format!("content/x.json:{line}:")), "{err} (expected line {line})");
        assert!(err.contains(needle), "{err} should mention {needle}");
    }
    assert!(parse_content_file("content/x.json", &good).is_ok());
}

#[test]
fn a_signature_typed_without_its_space_still_ends_its_article() {
    let clean = page();
    let source = source_text();
    // One signature run together (the case that once merged two statements into one),
    // then every one of them.
    let one = source.replace("区残联党组书记、理事长 谢建青", "区残联党组书记、理事长谢建青");
    assert_ne!(one, source);
    let mut all = source.clone();
    for a in clean.articles.iter() {
        let printed = a.signature.to_string();
        all = all.replace(&printed, &printed.replace(' ', ""));
    }
    for (what, text) in [("one", one), ("all", all)] {
        let page = ingest(SOURCE, text.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(page.articles.len(), 10, "{what}: nothing merged");
        for (got, want) in page.articles.iter().zip(clean.articles.iter()) {
            assert_eq!((&got.author, &got.department, &got.posts), (&want.author, &want.department, &want.posts));
            assert_eq!((&got.lead, &got.sections), (&want.lead, &want.sections), "{what}: {}", want.id);
        }
    }
}

#[test]
fn the_summary_lists_every_article_and_warns_of_a_missed_signature() {
    let clean = page();
    let text = summary(&clean);
    assert!(text.starts_with("各部门党委(党组)成员召开集中学习交流会（三）: 10 articles\n"), "{text}");
    assert!(text.contains("  3-01  谢建青  区残联  "), "{text}");
    assert!(!text.contains("warning"), "{text}");
    // A signature no ingest could see: two statements read as one.
    let merged = source_text().replace("区残联党组书记、理事长 谢建青", "区残联的同志们，以上是我的发言。");
    let page = ingest(SOURCE, merged.as_bytes()).unwrap();
    assert_eq!(page.articles.len(), 9);
    let text = summary(&page);
    assert!(text.contains("warning: 3-01 (俞志栋)") && text.contains("more than twice the median"), "{text}");
}

#[test]
fn a_page_saved_as_gb18030_reads_the_same_and_says_so() {
    let clean = page();
    let source = source_text();
    let (gb, _, lossy) = encoding_rs::GB18030.encode(&source);
    assert!(!lossy && std::str::from_utf8(&gb).is_err(), "really another encoding");
    assert_eq!(ingest(SOURCE, &gb).expect("GB18030 ingests"), clean);
    assert_eq!(reader::content::ingest::decode(&gb).unwrap().1, "GB18030");
    assert_eq!(reader::content::ingest::decode(source.as_bytes()).unwrap().1, "UTF-8");
    // Neither: bytes no GB18030 text has either.
    expect_error("neither.txt", b"abc\n\xff\xff\xff", 2, "neither UTF-8 nor GB18030");
}

#[test]
fn the_summary_warns_of_a_statement_cut_in_two() {
    // A line taken for a signature early in the first statement cuts off a short piece.
    let source = source_text();
    let mut lines: Vec<&str> = source.lines().collect();
    let after = (3..40).find(|&i| print::ends_sentence(lines[i])).expect("a sentence end early on");
    lines.insert(after + 1, "区财政局局长张三");
    let page = ingest(SOURCE, lines.join("\n").as_bytes()).unwrap();
    assert_eq!(page.articles.len(), 11, "the inserted line reads as a signature");
    let text = summary(&page);
    assert!(text.contains("warning: 3-01 (张三)") && text.contains("less than half the median"), "{text}");
}

#[test]
fn gbk_whose_first_characters_happen_to_be_utf8_still_reads() {
    // 学习 in GBK is D1 A7 CF B0: its first pair is also valid UTF-8 (U+0467).
    let (gb, _, _) = encoding_rs::GB18030.encode("学习交流");
    assert!(std::str::from_utf8(&gb[..2]).is_ok(), "the case in question");
    let (text, encoding) = reader::content::ingest::decode(&gb).expect("read as GB18030");
    assert_eq!((&*text, encoding), ("学习交流", "GB18030"));
}
