//! The core is pure: no web crate anywhere in its dependency graph, with the build's side
//! (`--features build`) and build scripts included, so it builds and tests natively and a
//! newcomer can change it without a browser.

use std::process::Command;

/// Crates that only make sense in or for a browser.
const WEB: &[&str] = &["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo", "wasm-bindgen-futures"];

fn dependencies(features: &[&str]) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut args = vec!["tree", "--offline", "-p", "reader-core", "-e", "normal,build", "--prefix", "none"];
    args.extend(features);
    let out =
        Command::new(cargo).args(&args).current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("cargo tree runs");
    assert!(out.status.success(), "cargo tree: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().filter_map(|l| l.split_whitespace().next()).map(str::to_owned).collect()
}

#[test]
fn no_web_crate_in_the_core_with_or_without_the_build_side() {
    for features in [&["--no-default-features"][..], &["--features", "build"][..]] {
        let deps = dependencies(features);
        assert!(deps.iter().any(|d| d == "serde"), "the tree was read: {deps:?}");
        let web: Vec<&String> = deps.iter().filter(|d| WEB.contains(&d.as_str())).collect();
        assert!(web.is_empty(), "{features:?}: web crates in the core: {web:?}");
    }
    assert!(dependencies(&["--features", "build"]).iter().any(|d| d == "jieba-rs"), "the build side is read too");
}
