//! The ingest as a command (`cargo run --bin ingest -- content/source/<file>.txt [...]`):
//! turns printed pages into `content/page-<NNN>.json`. With `--check`, writes nothing and
//! fails when a JSON file differs from what ingest produces now.

use std::path::{Path, PathBuf};

use super::{decode, ingest, summary};

const USAGE: &str = "usage: ingest [--check] [--out DIR] SOURCE.txt...";

/// Runs the command on its arguments (without the program's name).
pub fn run(args: Vec<String>) -> Result<(), String> {
    let mut check = false;
    let mut out = PathBuf::from("content");
    let mut sources = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--out" => out = args.next().ok_or(USAGE)?.into(),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => sources.push(arg),
        }
    }
    if sources.is_empty() {
        return Err(USAGE.into());
    }
    // Ingest everything before writing anything: one bad file leaves content/ untouched.
    let mut outputs = Vec::new();
    for source in &sources {
        let bytes = std::fs::read(source).map_err(|e| format!("{source}: {e}"))?;
        let page = ingest(source, &bytes).map_err(|e| e.to_string())?;
        let json = serde_json::to_string_pretty(&page).map_err(|e| e.to_string())? + "\n";
        if !check {
            let encoding = decode(&bytes).map_or("?", |(_, name)| name);
            println!("{source}: read as {encoding}");
            print!("{}", summary(&page));
        }
        outputs.push((out.join(crate::content::page_file_name(page.number)), json));
    }
    for (path, json) in outputs {
        if check {
            compare(&path, &json)?;
        } else {
            std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}

fn compare(path: &Path, json: &str) -> Result<(), String> {
    match std::fs::read_to_string(path) {
        Ok(current) if current == json => Ok(()),
        Ok(_) => Err(format!("{} is out of date: run the ingest again", path.display())),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}
