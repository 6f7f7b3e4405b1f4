//! Embeds `content/*.json` (or the directories and files `READER_CONTENT` names) into the app. Every file is parsed and checked here, so a
//! malformed content file fails the build with the file, the line and what is wrong; the
//! app gets each page as `static` Rust data in the model's own types (borrowed text, see
//! src/content/model.rs), so it starts with nothing to parse and no way to fail.
//!
//! Also generates the search tables for exactly the characters the content uses: every
//! pinyin reading of each Han character (from the `pinyin` crate; all readings, because
//! per-character data cannot know which one a polyphone takes in context), and the
//! traditional → simplified pairs whose simplified side occurs (OpenCC's Apache-2.0 tables,
//! through `ferrous-opencc`). So the WASM carries only what the content needs.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/han.rs"]
mod han;
#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;
/// The search's tokenizer, which the insights cut text with (their phrases are what a
/// search finds). Its traditional → simplified table is empty here: the content is
/// simplified already, and the app's table is generated below.
#[allow(dead_code)]
#[path = "src/search/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/search/tokenize.rs"]
mod tokenize;
mod tables {
    pub static T2S_FROM: [u16; 0] = [];
    pub static T2S_TO: [u16; 0] = [];
}
/// The paths the insights use (`crate::search::tokenize`).
mod search {
    pub(crate) use super::tokenize;
}
/// Keywords and related articles for every article.
#[allow(dead_code)]
#[path = "src/insight/mod.rs"]
mod insight;

/// Where the pages come from: `content/`, or the directories and files `READER_CONTENT`
/// names (separated by `:`, relative to the project root), e.g.
/// `content/page-003.json:tests/fixtures/series` for the test site of several pages.
const CONTENT_VAR: &str = "READER_CONTENT";

fn main() {
    // At run time, not compile time: cargo sets it for the build script it runs.
    let root = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed={CONTENT_VAR}");
    let dirs = std::env::var(CONTENT_VAR).unwrap_or_else(|_| "content".to_owned());
    let mut files = Vec::new();
    for dir in dirs.split(':').filter(|d| !d.is_empty()) {
        println!("cargo:rerun-if-changed={}", root.join(dir).display());
        if dir.ends_with(".json") {
            files.push((dir.to_owned(), root.join(dir)));
            continue;
        }
        let mut found: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| fail(&format!("{dir}/: {e}")))
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| (format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()), p))
            .collect();
        found.sort();
        files.extend(found);
    }
    if files.is_empty() {
        fail(&format!("{CONTENT_VAR}={dirs:?} names no page-*.json: run the ingest (see README.md)"));
    }
    let mut out = String::from("/// The embedded pages, in the order of their files (the catalog orders them by number).\npub static PAGES: &[Page] = &[\n");
    let mut numbers = std::collections::BTreeMap::new();
    let mut ids = std::collections::BTreeMap::new();
    let mut used = std::collections::BTreeSet::new();
    let mut sources = Vec::new();
    for (shown, path) in &files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        let page = model::parse_content_file(shown, &text).unwrap_or_else(|e| fail(&e));
        used.extend(page.articles.iter().flat_map(|a| {
            let fields = [&a.department, &a.author].into_iter().chain(a.posts.iter());
            fields.flat_map(|f| f.chars()).chain(a.blocks().flat_map(str::chars)).collect::<Vec<_>>()
        }));
        if let Some(other) = numbers.insert(page.number, shown.clone()) {
            fail(&format!("{shown}:1: page number {} is also used by {other}", page.number));
        }
        // Ids are unique within a page (`check`), and must be across pages: they are URLs.
        for a in page.articles.iter() {
            if let Some(other) = ids.insert(a.id.to_string(), shown.clone()) {
                let line = text.find(&format!("\"{}\"", a.id)).map_or(1, |at| text[..at].matches('\n').count() + 1);
                fail(&format!("{shown}:{line}: article id {:?} is also used by {other}", a.id));
            }
        }
        writeln!(out, "    {},", page_rs(&page)).unwrap();
        sources.extend(page.articles.iter().map(|a| insight::Source {
            id: a.id.to_string(),
            departments: vec![a.department.to_string(), a.department_short.to_string()],
            blocks: a.blocks().map(str::to_owned).collect(),
        }));
    }
    out.push_str("];\n");
    out.push_str("/// Keywords and related articles of every article (src/insight/), in article order.\n");
    out.push_str("pub static INSIGHTS: &[Insight] = &[\n");
    for found in insight::insights(&sources) {
        writeln!(out, "    {},", insight_rs(&found)).unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content.rs");
    std::fs::write(target, out).expect("write content.rs");
    let tables = search_tables(&used);
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("search_tables.rs");
    std::fs::write(target, tables).expect("write search_tables.rs");
}

/// A page as a Rust expression of the model's types, all text borrowed: compiled against
/// src/content/model.rs, so a field left out here fails the build, never the app.
fn page_rs(p: &model::Page) -> String {
    let text = |s: &str| format!("Cow::Borrowed({s:?})");
    let list = |items: Vec<String>| format!("Cow::Borrowed(&[{}])", items.join(", "));
    let texts = |v: &[model::Text]| list(v.iter().map(|s| text(s)).collect());
    let section = |s: &model::Section| {
        format!("Section {{ heading: {}, paragraphs: {} }}", text(&s.heading), texts(&s.paragraphs))
    };
    let article = |a: &model::Article| {
        format!(
            "Article {{ id: {}, department: {}, department_short: {}, author: {}, posts: {}, editor_title: {}, \
lead: {}, sections: {}, signature: {}, chars: {}, reading_minutes: {}, source_line: {} }}",
            text(&a.id),
            text(&a.department),
            text(&a.department_short),
            text(&a.author),
            texts(&a.posts),
            a.editor_title.as_deref().map_or("None".to_owned(), |t| format!("Some({})", text(t))),
            texts(&a.lead),
            list(a.sections.iter().map(section).collect()),
            text(&a.signature),
            a.chars,
            a.reading_minutes,
            a.source_line,
        )
    };
    format!(
        "Page {{ campaign: {}, title: {}, number: {}, source: {}, articles: {} }}",
        text(&p.campaign),
        text(&p.title),
        p.number,
        text(&p.source),
        list(p.articles.iter().map(article).collect())
    )
}

/// An article's insight as a Rust expression of the model's types.
fn insight_rs(found: &insight::Found) -> String {
    let text = |s: &str| format!("Cow::Borrowed({s:?})");
    let texts =
        |v: &[String]| format!("Cow::Borrowed(&[{}])", v.iter().map(|s| text(s)).collect::<Vec<_>>().join(", "));
    let related: Vec<String> = found
        .related
        .iter()
        .map(|(id, shared)| format!("Related {{ id: {}, shared: {} }}", text(id), texts(shared)))
        .collect();
    format!(
        "Insight {{ id: {}, keywords: {}, related: Cow::Borrowed(&[{}]) }}",
        text(&found.id),
        texts(&found.keywords),
        related.join(", ")
    )
}

/// Rust source for the pinyin and traditional → simplified tables, sorted by character.
/// Compact on purpose (they ship in the WASM): characters as UTF-16 units (every Han
/// character we take is in the Basic Multilingual Plane), each character's readings as a
/// space-separated run of one string.
fn search_tables(used: &std::collections::BTreeSet<char>) -> String {
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};
    use pinyin::ToPinyinMulti;

    let bmp = |c: char| u16::try_from(u32::from(c)).unwrap_or_else(|_| fail(&format!("{c:?} is outside the BMP")));
    let (mut chars, mut text, mut ends) = (Vec::new(), String::new(), Vec::new());
    // The tables hold UTF-16 units: Han characters beyond the BMP (none in the content so
    // far, and none a pinyin IME offers for these texts) get no readings.
    for &c in used.iter().filter(|&&c| han::is_han(c) && u32::from(c) <= 0xFFFF) {
        let readings: Vec<&str> =
            c.to_pinyin_multi().map(|m| m.into_iter().map(|p| p.plain()).collect()).unwrap_or_default();
        // Readers type ü as v (lü → lv), as every pinyin keyboard does.
        let mut readings: Vec<String> =
            readings.into_iter().map(|r| r.replace('ü', "v")).filter(|r| !r.is_empty()).collect();
        readings.sort_unstable();
        readings.dedup();
        if !readings.is_empty() {
            chars.push(bmp(c));
            text.push_str(&readings.join(" "));
            ends.push(
                u16::try_from(text.len())
                    .unwrap_or_else(|_| fail("pinyin readings exceed 64 KiB: widen PINYIN_ENDS to u32")),
            );
            text.push(' ');
        }
    }
    let mut out = String::new();
    writeln!(out, "/// Every Han character the content uses that has a pinyin reading, sorted.").unwrap();
    writeln!(out, "pub static PINYIN_CHARS: [u16; {}] = {chars:?};", chars.len()).unwrap();
    writeln!(out, "/// The readings of `PINYIN_CHARS[i]`: `PINYIN_TEXT[start..PINYIN_ENDS[i]]`, split at spaces,")
        .unwrap();
    writeln!(out, "/// where `start` is one past the previous row's end (0 for the first).").unwrap();
    writeln!(out, "pub static PINYIN_ENDS: [u16; {}] = {ends:?};", ends.len()).unwrap();
    writeln!(out, "/// Every toneless reading (ü typed as v) of each character, rows separated by spaces.").unwrap();
    writeln!(out, "pub static PINYIN_TEXT: &str = {text:?};").unwrap();

    let converters: Vec<OpenCC> = [BuiltinConfig::T2s, BuiltinConfig::Tw2s, BuiltinConfig::Hk2s]
        .into_iter()
        .map(|config| OpenCC::from_config(config).unwrap_or_else(|e| fail(&format!("OpenCC tables: {e}"))))
        .collect();
    let candidates = (0x3400u32..=0xFFFF).filter_map(char::from_u32).filter(|&c| han::is_han(c));
    let (mut traditional, mut simplified) = (Vec::new(), Vec::new());
    for c in candidates {
        let original = c.to_string();
        let found = converters.iter().map(|cc| cc.convert(&original)).find_map(|s| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(s), None) if s != c && used.contains(&s) => Some(s),
                _ => None,
            }
        });
        if let Some(s) = found {
            traditional.push(bmp(c));
            simplified.push(bmp(s));
        }
    }
    writeln!(
        out,
        "/// Traditional (and Taiwan/Hong Kong variant) characters whose simplified form the content uses, sorted."
    )
    .unwrap();
    writeln!(out, "pub static T2S_FROM: [u16; {}] = {traditional:?};", traditional.len()).unwrap();
    writeln!(out, "/// The simplified form of `T2S_FROM[i]`.").unwrap();
    writeln!(out, "pub static T2S_TO: [u16; {}] = {simplified:?};", simplified.len()).unwrap();
    out
}

fn fail(message: &str) -> ! {
    // cargo shows a build script's stderr when it fails; one line says it all.
    eprintln!("error: {message}");
    std::process::exit(1);
}
