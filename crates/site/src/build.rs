//! Building the site: Trunk's release build of the WASM and the page, then the native
//! post-build step (pre-rendering, the policy, precompression), then the build stamp the
//! end-to-end tests check. Trunk's build never sees the content: the WASM is the same
//! whatever it is. The post-build step reads it (`READER_CONTENT`) and puts it into the pages.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

/// What makes the release WASM small: std recompiled for size, panics as immediate aborts,
/// every function inlinable across crates (the core is a crate of its own). Unstable cargo
/// and rustc flags on the pinned stable toolchain, so `RUSTC_BOOTSTRAP` too; given to
/// Trunk's WASM build alone (README: "The size-optimised build" in docs/performance.md).
const SIZE_BUILD: [(&str, &str); 4] = [
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort -Zcross-crate-inline-threshold=always",
    ),
];

/// `PATH` with the project's npm tools first: Trunk takes the first `wasm-opt` on it,
/// which must be npm's binaryen (Debian's is too old for what rustc emits).
fn path_with_npm_tools(root: &Path) -> Result<OsString, String> {
    let tools = root.join("node_modules/.bin");
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(tools).chain(std::env::split_paths(&rest))).map_err(|e| e.to_string())
}

/// Runs `command`, failing with what it was when it fails.
fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Trunk with the size build's environment, from the project's root.
fn trunk(root: &Path) -> Result<Command, String> {
    let mut trunk = Command::new("trunk");
    trunk.current_dir(root).env("PATH", path_with_npm_tools(root)?).envs(SIZE_BUILD);
    Ok(trunk)
}

/// Builds the release site with the pages of `content` (files and folders, `:` between
/// them) into `out`; with `origin`, the pages carry canonical addresses on it.
pub fn site(root: &Path, content: &str, out: &Path, origin: Option<&str>) -> Result<(), String> {
    eprintln!("site: trunk build --release, content {content}, into {}", out.display());
    run(trunk(root)?
        .args(["build", "--release", "--dist"])
        .arg(out)
        .env_remove("READER_CONTENT")
        .env_remove("READER_SERVE_DEV"))?;
    eprintln!("site: pre-rendering and hardening {}", out.display());
    let mut postbuild = Command::new("cargo");
    postbuild
        .current_dir(root)
        .args(["run", "--quiet", "--features", "ssr", "--bin", "postbuild", "--"])
        .arg(out)
        .env("READER_CONTENT", content)
        .env_remove("PUBLIC_ORIGIN");
    for (name, _) in SIZE_BUILD {
        postbuild.env_remove(name);
    }
    if let Some(origin) = origin {
        postbuild.env("PUBLIC_ORIGIN", origin);
    }
    run(&mut postbuild)?;
    let mut stamp = Command::new("node");
    stamp.current_dir(root).args(["tests/support/stamp.mjs", "write"]).arg(out).arg(content);
    run(&mut stamp)
}

/// Trunk's development server on `port`, rebuilding on every edit. The WASM holds no
/// content, so each rebuild must give the page its data: the post-build step, built here
/// natively first, runs as Trunk's post-build hook (Trunk.toml), which does nothing unless
/// `READER_SERVE_DEV` names it; so the pages are pre-rendered as in `site build`, without
/// the build stamp.
pub fn serve_dev(root: &Path, port: u16) -> Result<(), String> {
    let mut postbuild = Command::new("cargo");
    postbuild.current_dir(root).args(["build", "--quiet", "--features", "ssr", "--bin", "postbuild"]);
    for (name, _) in SIZE_BUILD {
        postbuild.env_remove(name);
    }
    run(&mut postbuild)?;
    let binary = root.join("target/debug/postbuild");
    let port = port.to_string();
    let mut trunk = trunk(root)?;
    trunk.args(["serve", "--release", "--no-autoreload", "--address", "127.0.0.1", "--port", &port]);
    run(trunk.env("READER_SERVE_DEV", binary))
}
