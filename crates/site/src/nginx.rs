//! deploy/nginx.conf with its placeholders filled: the site's folder, the port, the folder
//! nginx runs in (its pid, logs and temporary files) and the origins that may frame it.

use std::path::{Path, PathBuf};

/// Writes `RUN/nginx.conf` for the site in `dist` at `port`, framed by `ancestors` (space
/// separated origins; none: only the site itself); returns its path.
pub fn write_conf(root: &Path, run: &Path, port: u16, ancestors: &str, dist: &Path) -> Result<PathBuf, String> {
    let template = root.join("deploy/nginx.conf");
    let text = std::fs::read_to_string(&template).map_err(|e| format!("{}: {e}", template.display()))?;
    let dist = std::path::absolute(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let run = &std::path::absolute(run).map_err(|e| format!("{}: {e}", run.display()))?;
    let mut dist = dist.display().to_string();
    if !dist.ends_with('/') {
        dist.push('/');
    }
    let conf = fill(&text, &dist, port, &run.display().to_string(), ancestors);
    std::fs::create_dir_all(run).map_err(|e| format!("{}: {e}", run.display()))?;
    let path = run.join("nginx.conf");
    std::fs::write(&path, conf).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// The template with its placeholders filled.
fn fill(template: &str, root: &str, port: u16, run: &str, ancestors: &str) -> String {
    template
        .replace("@ROOT@", root)
        .replace("@PORT@", &port.to_string())
        .replace("@RUN@", run)
        .replace("@FRAME_ANCESTORS@", ancestors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_of_the_deploy_config_is_filled() {
        let template = include_str!("../../../deploy/nginx.conf");
        let conf = fill(template, "/srv/site/", 8080, "/tmp/run", "https://portal.example");
        // A placeholder is @NAME@, capitals and underscores (the file's comments say "@…@").
        let left = conf
            .split('@')
            .skip(1)
            .step_by(2)
            .find(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
        assert_eq!(left, None, "a placeholder left unfilled");
        assert!(conf.contains("/srv/site/") && conf.contains("8080") && conf.contains("https://portal.example"));
    }
}
