//! The content files a build reads, and the pages in them, checked across files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::model::{parse_content_file, Page};

/// The content files named by `spec`: directories and `.json` files separated by `:`,
/// relative to `root` (`content`, or `content/page-003.json:tests/fixtures/series`), each
/// directory's `*.json` in name order. Each file comes with the name errors show.
pub fn content_files(root: &Path, spec: &str) -> Result<Vec<(String, PathBuf)>, String> {
    let mut files = Vec::new();
    for entry in spec.split(':').filter(|d| !d.is_empty()) {
        if entry.ends_with(".json") {
            files.push((entry.to_owned(), root.join(entry)));
            continue;
        }
        let dir = std::fs::read_dir(root.join(entry)).map_err(|e| format!("{entry}/: {e}"))?;
        let mut found = Vec::new();
        for e in dir {
            let path = e.map_err(|e| format!("{entry}/: {e}"))?.path();
            if path.extension().is_some_and(|x| x == "json") {
                let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
                found.push((format!("{entry}/{name}"), path));
            }
        }
        found.sort();
        files.extend(found);
    }
    if files.is_empty() {
        return Err(format!("{spec:?} names no page-*.json: run the ingest (see README.md)"));
    }
    Ok(files)
}

/// Every file parsed and checked (`parse_content_file`), and across files: no page number
/// twice, no article id twice (ids are addresses).
pub fn read_pages(files: &[(String, PathBuf)]) -> Result<Vec<Page>, String> {
    let (mut numbers, mut ids) = (BTreeMap::new(), BTreeMap::new());
    let mut pages = Vec::new();
    for (shown, path) in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        let page = parse_content_file(shown, &text)?;
        if let Some(other) = numbers.insert(page.number, shown) {
            return Err(format!("{shown}:1: page number {} is also used by {other}", page.number));
        }
        for a in page.articles.iter() {
            if let Some(other) = ids.insert(a.id.to_string(), shown) {
                let line = text.find(&format!("\"{}\"", a.id)).map_or(1, |at| text[..at].matches('\n').count() + 1);
                return Err(format!("{shown}:{line}: article id {:?} is also used by {other}", a.id));
            }
        }
        pages.push(page);
    }
    Ok(pages)
}
