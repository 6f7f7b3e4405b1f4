//! `cargo run --bin ingest -- content/source/<file>.txt [...]`: turns printed pages into
//! `content/page-<NNN>.json` (`reader_core::content::ingest::command`, which says how).

use std::process::ExitCode;

fn main() -> ExitCode {
    run()
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> ExitCode {
    match reader_core::content::ingest::command::run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ingest: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The ingest is a native tool; cargo still builds every binary of the package when it
/// builds the browser tests for wasm32.
#[cfg(target_arch = "wasm32")]
fn run() -> ExitCode {
    ExitCode::FAILURE
}
