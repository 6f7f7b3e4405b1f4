//! Serving a built site as it is deployed: nginx with deploy/nginx.conf, in the foreground.
//! Run as root, nginx's workers are `nobody`, which cannot read a checkout inside a private
//! folder (mode 0700, as root's home is: every address would answer 404); then a copy of the
//! site in a folder they can read is served, and the log says so.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::nginx::write_conf;

/// Whether nginx's workers (`nobody`, when run as root) can read `dist`'s index.html.
fn workers_can_read(dist: &Path) -> bool {
    let running_as_root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    !running_as_root
        || Command::new("runuser")
            .args(["-u", "nobody", "--", "test", "-r"])
            .arg(dist.join("index.html"))
            .status()
            .is_ok_and(|s| s.success())
}

/// A world-readable copy of `dist` in a new folder under the temporary directory.
fn readable_copy(dist: &Path) -> Result<PathBuf, String> {
    let output = Command::new("mktemp")
        .args(["-d"])
        .arg(std::env::temp_dir().join("gongshu-serve.XXXXXX"))
        .output()
        .map_err(|e| format!("mktemp: {e}"))?;
    let copy = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    let mut source = dist.as_os_str().to_owned();
    source.push("/.");
    let copied = Command::new("cp").arg("-r").arg(source).arg(&copy).status();
    let opened = Command::new("chmod").args(["-R", "a+rX"]).arg(&copy).status();
    match (copied, opened) {
        (Ok(c), Ok(o)) if c.success() && o.success() => Ok(copy),
        _ => Err(format!("could not copy {} to {}", dist.display(), copy.display())),
    }
}

/// Serves `dist` through nginx at `port`, framed by `ancestors`; runs until stopped.
pub fn site(root: &Path, dist: &Path, port: u16, ancestors: &str) -> Result<(), String> {
    let dist = dist.canonicalize().map_err(|e| format!("{}: {e}", dist.display()))?;
    let dist = if workers_can_read(&dist) {
        dist
    } else {
        let copy = readable_copy(&dist)?;
        eprintln!(
            "site: nginx's workers (user nobody) cannot read {}: serving a copy, {}/",
            dist.display(),
            copy.display()
        );
        copy
    };
    let conf = write_conf(root, &root.join("target/nginx"), port, ancestors, &dist)?;
    eprintln!(
        "site: serving {}/ through nginx at http://127.0.0.1:{port}/ (deploy/nginx.conf; Ctrl-C stops)",
        dist.display()
    );
    let error = Command::new("nginx").arg("-c").arg(&conf).args(["-g", "daemon off;"]).exec();
    Err(format!("nginx: {error}"))
}
