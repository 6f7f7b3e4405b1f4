//! Embeds `content/*.json` into the app. Every file is parsed and checked here, so a
//! malformed content file fails the build with the file, the line and what is wrong.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("content/: {e}")))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        fail("content/ holds no page-*.json: run the ingest (see README.md)");
    }
    let mut out = String::from("/// The embedded pages as (file name, JSON), in page order.\npub static PAGES: &[(&str, &str)] = &[\n");
    let mut numbers = std::collections::BTreeMap::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let shown = format!("content/{name}");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        let page = model::parse_content_file(&shown, &text).unwrap_or_else(|e| fail(&e));
        if let Some(other) = numbers.insert(page.number, shown.clone()) {
            fail(&format!("{shown}:1: page number {} is also used by {other}", page.number));
        }
        writeln!(out, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content.rs");
    std::fs::write(target, out).expect("write content.rs");
}

fn fail(message: &str) -> ! {
    // cargo shows a build script's stderr when it fails; one line says it all.
    eprintln!("error: {message}");
    std::process::exit(1);
}
