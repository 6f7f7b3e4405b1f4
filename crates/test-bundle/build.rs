//! Writes `bundle.json`: `content/` read, checked and bundled as the site's build does. A
//! malformed content file fails the build with the file, the line and what is wrong.

use std::path::PathBuf;

use reader_core::bake;
use reader_core::content::bundle::Bundle;

fn main() {
    if let Err(message) = run() {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    println!("cargo:rerun-if-changed={}", root.join("content").display());
    let (library, tables) = bake::content(&root, "content")?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?).join("bundle.json");
    std::fs::write(&out, Bundle::of(&library, tables).to_json()).map_err(|e| format!("{}: {e}", out.display()))
}
