//! Bakes the content into the app: reads and checks every content file, computes the
//! insights and the search tables for its characters, and writes them as Rust that
//! `src/content/embedded.rs` compiles in (all of it `reader_core::bake`, tested there).
//! A malformed content file fails the build with the file, the line and what is wrong.

use std::path::{Path, PathBuf};

use reader_core::bake;

/// Where the pages come from: `content/`, or the directories and files `READER_CONTENT`
/// names (separated by `:`, relative to the project root), e.g.
/// `content/page-003.json:tests/fixtures/series` for the test site of several pages.
const CONTENT_VAR: &str = "READER_CONTENT";

fn main() {
    if let Err(message) = run() {
        // cargo shows a build script's stderr when it fails; one line says it all.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("cargo sets CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    println!("cargo:rerun-if-env-changed={CONTENT_VAR}");
    let spec = std::env::var(CONTENT_VAR).unwrap_or_else(|_| "content".to_owned());
    for entry in spec.split(':').filter(|e| !e.is_empty()) {
        println!("cargo:rerun-if-changed={}", root.join(entry).display());
    }
    let pages = bake::read_pages(&bake::content_files(&root, &spec)?)?;
    let insights = bake::insights(&pages);
    let tables = bake::SearchTables::of(&pages)?;
    write(&out.join("content.rs"), &bake::content_rs(&pages, &insights))?;
    write(&out.join("search_tables.rs"), &bake::tables_rs(&tables.tables()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
