//! Trunk's post_build hook (see Trunk.toml): applies `reader::site::harden` to the staged
//! `index.html`. Fails the build, naming the file, when the page cannot be processed.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from).or_else(|| std::env::args_os().nth(1).map(PathBuf::from))
    else {
        eprintln!("usage: postbuild DIST_DIR (or run from Trunk with TRUNK_STAGING_DIR set)");
        return ExitCode::FAILURE;
    };
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let index = dir.join("index.html");
    let result = std::fs::read_to_string(&index).map_err(|e| e.to_string()).and_then(|html| {
        let (html, assets) = reader::site::harden(&html, &public_url).map_err(|e| e.to_string())?;
        for asset in assets {
            std::fs::write(dir.join(&asset.name), asset.text).map_err(|e| e.to_string())?;
        }
        std::fs::write(&index, html).map_err(|e| e.to_string())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", index.display());
            ExitCode::FAILURE
        }
    }
}
