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
/// The department's short names, which `model` derives when it reads a page.
#[path = "src/content/short_names.rs"]
mod short_names;

#[path = "src/search/letters.rs"]
mod letters;
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
    pub fn t2s_from() -> &'static [u16] {
        &[]
    }
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
            "Article {{ id: {}, department: {}, department_short: {}, short_names: {}, author: {}, posts: {}, editor_title: {}, \
lead: {}, sections: {}, signature: {}, chars: {}, reading_minutes: {}, source_line: {} }}",
            text(&a.id),
            text(&a.department),
            text(&a.department_short),
            texts(&a.short_names),
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
    let bmp = |c: char| u16::try_from(u32::from(c)).unwrap_or_else(|_| fail(&format!("{c:?} is outside the BMP")));
    let (mut chars, mut text, mut lens) = (Vec::new(), String::new(), Vec::new());
    // The tables hold UTF-16 units: Han characters beyond the BMP (none in the content so
    // far, and none a pinyin IME offers for these texts) get no readings.
    let mut content_readings = std::collections::BTreeSet::new();
    for &c in used.iter().filter(|&&c| han::is_han(c) && u32::from(c) <= 0xFFFF) {
        let readings = toneless_readings(c);
        content_readings.extend(readings.iter().cloned());
        if !readings.is_empty() {
            let row = readings.join(" ");
            chars.push(bmp(c));
            lens.push(u8::try_from(row.len()).unwrap_or_else(|_| fail(&format!("{c}: readings over 255 bytes"))));
            text.push_str(&row);
            text.push(' ');
        }
    }
    let mut out = String::new();
    writeln!(out, "/// Every Han character the content uses that has a pinyin reading, sorted, as steps").unwrap();
    writeln!(out, "/// (see `tables::unpack`).").unwrap();
    let packed = steps(&chars);
    writeln!(out, "pub static PINYIN_CHAR_STEPS: [u8; {}] = {packed:?};", packed.len()).unwrap();
    writeln!(out, "/// The length of each row of `PINYIN_TEXT`: the readings of the `i`th character (lengths,")
        .unwrap();
    writeln!(out, "/// not offsets: they compress to a fifth).").unwrap();
    writeln!(out, "pub static PINYIN_LENS: [u8; {}] = {lens:?};", lens.len()).unwrap();
    writeln!(out, "/// Every toneless reading (ü typed as v) of each character, its everyday one first, rows").unwrap();
    writeln!(out, "/// separated by spaces.").unwrap();
    if u16::try_from(text.len()).is_err() {
        fail("pinyin readings exceed 64 KiB: widen the row bounds in src/search/pinyin.rs");
    }
    writeln!(out, "pub static PINYIN_TEXT: &str = {text:?};").unwrap();

    writeln!(out, "/// Common characters outside the content that a pinyin IME offers for the content's").unwrap();
    writeln!(out, "/// readings, grouped by reading (`suan蒜酸 …`), for homophones.").unwrap();
    writeln!(out, "pub static SOUNDS_TEXT: &str = {:?};", sounds_text(used, &content_readings)).unwrap();

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
    let packed = steps(&traditional);
    writeln!(out, "/// As steps (see `tables::unpack`).").unwrap();
    writeln!(out, "pub static T2S_FROM_STEPS: [u8; {}] = {packed:?};", packed.len()).unwrap();
    writeln!(out, "/// The simplified form of the `i`th character of `T2S_FROM_STEPS`.").unwrap();
    writeln!(out, "pub static T2S_TO: [u16; {}] = {simplified:?};", simplified.len()).unwrap();
    out
}

/// A sorted list of UTF-16 units as the steps between them (from 0): one byte a step below
/// 255, else 255 and the step in two bytes, little-endian. Sorted characters of a text lie
/// close together, so this is a third of the size gzip makes of the units themselves.
fn steps(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut last = 0u16;
    for &u in units {
        let step = u.checked_sub(last).unwrap_or_else(|| fail("steps of an unsorted list"));
        match u8::try_from(step) {
            Ok(small) if small < 255 => out.push(small),
            _ => out.extend([255, step as u8, (step >> 8) as u8]),
        }
        last = u;
    }
    out
}

/// The toneless readings of a character, ü written v (readers type lü as lv, as every
/// pinyin keyboard does), distinct: its everyday reading first, the others sorted.
fn toneless_readings(c: char) -> Vec<String> {
    use pinyin::ToPinyinMulti;
    let readings: Vec<&str> =
        c.to_pinyin_multi().map(|m| m.into_iter().map(|p| p.plain()).collect()).unwrap_or_default();
    let mut readings: Vec<String> =
        readings.into_iter().map(|r| r.replace('ü', "v")).filter(|r| !r.is_empty()).collect();
    let everyday = primary_reading(c).filter(|r| readings.contains(r));
    readings.retain(|r| Some(r) != everyday.as_ref());
    readings.sort_unstable();
    readings.dedup();
    readings.splice(0..0, everyday);
    readings
}

fn primary_reading(c: char) -> Option<String> {
    use pinyin::ToPinyin;
    c.to_pinyin().map(|p| p.plain().replace('ü', "v"))
}

/// How often (in jieba's dictionary, as a word of its own) a common character must occur to
/// be offered as a homophone: the ~900 most used that the content does not use (2.8 KB
/// gzip; at 400, with 蒜 (478) for 预蒜, 1,550 and 4.4 KB). With the content's own ~1,100,
/// they are about the 2,000 characters an IME lists first.
const SOUNDS_MIN_FREQ: usize = 1000;

/// The common characters (GB 2312 level 1, decoded from its code table) that the content
/// does not use and readers still type often (`SOUNDS_MIN_FREQ`), grouped under their
/// everyday reading where the content has that reading: a reader who picks one of them for
/// a word of the articles typed the right sound and the wrong character.
fn sounds_text(used: &std::collections::BTreeSet<char>, readings: &std::collections::BTreeSet<String>) -> String {
    let jieba = jieba_rs::Jieba::new();
    let mut groups: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for (row, cell) in (0xB0u8..=0xD7).flat_map(|row| (0xA1u8..=0xFE).map(move |cell| (row, cell))) {
        let bytes = [row, cell];
        let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
        let mut chars = text.chars();
        let (Some(c), None, false) = (chars.next(), chars.next(), bad) else { continue };
        if !han::is_han(c) || used.contains(&c) || u32::from(c) > 0xFFFF {
            continue;
        }
        if jieba.suggest_freq(&c.to_string()) < SOUNDS_MIN_FREQ {
            continue;
        }
        for r in primary_reading(c).into_iter().filter(|r| readings.contains(r)) {
            groups.entry(r).or_default().push(c);
        }
    }
    groups.into_iter().map(|(r, chars)| format!("{r}{chars}")).collect::<Vec<_>>().join(" ")
}

fn fail(message: &str) -> ! {
    // cargo shows a build script's stderr when it fails; one line says it all.
    eprintln!("error: {message}");
    std::process::exit(1);
}
