//! Precompressed siblings for hosts that serve them (nginx `gzip_static` and
//! `brotli_static`, most CDNs): beside every HTML, CSS, JS, WASM and JSON (data) file of the built site,
//! `NAME.gz` (gzip, level 9) and `NAME.br` (brotli, quality 11). Compressing once at build
//! time lets a host send the smallest form without spending CPU on every request. Native
//! only: the build's last step (`src/bin/postbuild.rs`) calls it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The extensions that get siblings: what a browser fetches as text or WASM, and the
/// search index's buckets.
const EXTENSIONS: [&str; 6] = ["html", "css", "js", "wasm", "json", "bin"];

/// Whether `path` is served compressed (by its extension).
pub fn compressible(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e))
}

pub use compress::{brotli, gzip};

/// Writes `.gz` and `.br` siblings for every compressible file under `dir` (recursively),
/// on every core (quality 11 is most of a series site's build); returns the files
/// compressed. Existing siblings are replaced, never compressed again.
pub fn precompress_dir(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", folder.display()))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if compressible(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    let next = AtomicUsize::new(0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores)
            .map(|_| {
                scope.spawn(|| -> Result<(), String> {
                    loop {
                        match files.get(next.fetch_add(1, Ordering::Relaxed)) {
                            Some(path) => siblings(path)?,
                            None => return Ok(()),
                        }
                    }
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.join().unwrap_or_else(|_| Err("a compressing thread failed".into())))
    })?;
    Ok(files)
}

/// Writes the `.gz` and `.br` siblings of the file at `path`.
fn siblings(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    for (suffix, packed) in [("gz", gzip(&bytes)), ("br", brotli(&bytes))] {
        let mut name = path.to_path_buf().into_os_string();
        name.push(format!(".{suffix}"));
        std::fs::write(&name, packed).map_err(|e| format!("{}: {e}", Path::new(&name).display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_files_get_siblings() {
        for (name, yes) in [
            ("index.html", true),
            ("a/3-01/index.html", true),
            ("main-0123.css", true),
            ("start-0123.js", true),
            ("app_bg.wasm", true),
            ("csp.txt", false),
            ("index.html.gz", false),
            ("app_bg.wasm.br", false),
            ("README", false),
        ] {
            assert_eq!(compressible(Path::new(name)), yes, "{name}");
        }
    }

    #[test]
    fn a_folder_gets_siblings_for_what_is_served_and_only_once() {
        let dir = std::env::temp_dir().join(format!("precompress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("a/3-01")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>列表</p>").unwrap();
        std::fs::write(dir.join("a/3-01/index.html"), "<p>文章</p>").unwrap();
        std::fs::write(dir.join("csp.txt"), "default-src 'none'").unwrap();
        let first = precompress_dir(&dir).unwrap();
        assert_eq!(first, [dir.join("a/3-01/index.html"), dir.join("index.html")]);
        assert!(dir.join("index.html.gz").exists() && dir.join("a/3-01/index.html.br").exists());
        assert!(!dir.join("csp.txt.gz").exists());
        // A second run replaces the siblings instead of compressing them again.
        assert_eq!(precompress_dir(&dir).unwrap(), first);
        assert!(!dir.join("index.html.gz.gz").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
