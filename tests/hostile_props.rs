//! Fuzzing the pure core that reads untrusted text: ingest (an editor's source file) and the
//! route (anyone's URL). (Portal messages are JSON read by the browser's own parser.) Searching is fuzzed in `search_props.rs`. `PROPTEST_CASES`
//! sets the inputs per property (256 by default; the long run in the notes used 1,000,000).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use reader::content::ingest::error::ErrorKind;
use reader::content::ingest::ingest;
use reader::route::Route;

const SOURCE: &str = include_str!("../content/source/000_a4935d0b10a14e09.txt");

/// One edit an editor (or a broken export) might make to a source file.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Insert(usize, String),
    Truncate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let line = "[残联教育局党委书记、局长区 一二三，。“”a-z0-9\u{3000}\u{FEFF}\r\t]{0,30}";
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (any::<usize>(), prop_oneof![line.prop_map(String::from), any::<String>()])
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, n)| Edit::Truncate(a, n)),
    ]
}

fn apply(edits: &[Edit]) -> String {
    let mut lines: Vec<String> = SOURCE.lines().map(str::to_owned).collect();
    for e in edits {
        let n = lines.len().max(1);
        match e {
            Edit::Delete(i) if !lines.is_empty() => drop(lines.remove(i % n)),
            Edit::Duplicate(i) if !lines.is_empty() => lines.insert(i % n, lines[i % n].clone()),
            Edit::Swap(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Edit::Insert(i, s) => lines.insert(i % (lines.len() + 1), s.clone()),
            Edit::Truncate(i, k) if !lines.is_empty() => {
                let l = &mut lines[i % n];
                let keep = l.chars().count().checked_sub(1).map_or(0, |c| k % (c + 1));
                *l = l.chars().take(keep).collect();
            }
            _ => {}
        }
    }
    lines.join("\n")
}

/// Ingest either builds a page that passes the model's checks or names a line that exists.
fn outcome_is_sane(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    match ingest("fuzz.txt", bytes) {
        Ok(page) => {
            prop_assert!(!page.articles.is_empty());
            prop_assert!(page.check().is_ok(), "{:?}", page.check());
        }
        Err(e) => {
            prop_assert!(e.file == "fuzz.txt" && (1..=lines).contains(&e.line), "{e}");
            // Shown as file:line: and then what is wrong, in words.
            let what = e.kind.to_string();
            prop_assert_eq!(e.to_string(), format!("fuzz.txt:{}: {what}", e.line));
            prop_assert!(what.chars().count() >= 10, "{e}");
            // The line named is where the problem is.
            let text = std::str::from_utf8(bytes).ok().map(|t| t.trim_start_matches('\u{feff}'));
            match (&e.kind, text) {
                (ErrorKind::ControlCharacter { ch }, Some(text)) => {
                    let line = text.split('\n').nth(e.line - 1).unwrap_or_default();
                    prop_assert!(line.contains(*ch), "{e}: line {} is {line:?}", e.line);
                }
                (ErrorKind::DuplicateArticle { first_line }, _) => prop_assert!(*first_line < e.line, "{e}"),
                _ => {}
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn ingest_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        outcome_is_sane(&bytes)?;
    }

    #[test]
    fn ingest_survives_edited_sources(edits in prop::collection::vec(edit(), 1..12)) {
        outcome_is_sane(apply(&edits).as_bytes())?;
    }

    #[test]
    fn any_hash_parses_bounded_and_canonicalizes_stably(hash in any::<String>(), prefix in "#?/?(a/)?") {
        let hash = format!("{prefix}{hash}");
        let route = Route::parse(&hash);
        prop_assert!(route.query.chars().count() <= reader::route::MAX_QUERY_CHARS);
        prop_assert!(route.query.chars().all(|c| !c.is_control()));
        prop_assert_eq!(Route::parse(&route.to_hash()), route.clone());
        if let Some(fixed) = Route::canonical(&hash) {
            prop_assert_eq!(Route::canonical(&fixed), None, "{}", fixed);
            prop_assert_eq!(Route::parse(&fixed), route);
        }
    }
}
