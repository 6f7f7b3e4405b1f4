//! `site`: the one way to build the reader's site, and to serve a built one as deployed.
//!
//! ```text
//! site build --content PATHS --out DIR [--origin URL]   Trunk's release build, then src/bin/postbuild.rs, then the build stamp
//! site serve DIR [--port N] [--frame-ancestors ORIGINS] DIR through nginx with deploy/nginx.conf
//! site nginx-conf RUN PORT [ANCESTORS [ROOT]]           deploy/nginx.conf filled in, written into RUN; prints its path
//! site serve-dev [--port N]                             Trunk's development server, pre-rendering after each rebuild
//! ```
//!
//! Each step is a child process with exactly the environment it needs: the size-optimised
//! WASM build's unstable flags go to Trunk alone, never to the native post-build step.
//! `./dev` installs the tools and calls this.

mod build;
mod nginx;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;

const USAGE: &str = "usage: site build --content PATHS --out DIR [--origin URL]
       site serve DIR [--port N] [--frame-ancestors ORIGINS]
       site nginx-conf RUN PORT [ANCESTORS [ROOT]]
       site serve-dev [--port N]";

/// The project's root: the app crate's folder, two above this one.
fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("site: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = lexopt::Parser::from_env();
    let command = match args.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        _ => return Err(USAGE.to_owned()),
    };
    let mut flags = Flags::default();
    let mut positional = Vec::new();
    let value = |args: &mut lexopt::Parser| args.value().and_then(|v| v.string()).map_err(|e| e.to_string());
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("content") => flags.content = Some(value(&mut args)?),
            Long("out") => flags.out = Some(PathBuf::from(value(&mut args)?)),
            Long("origin") => flags.origin = Some(value(&mut args)?),
            Long("port") => flags.port = Some(value(&mut args)?.parse().map_err(|_| "--port: not a port number")?),
            Long("frame-ancestors") => flags.ancestors = Some(value(&mut args)?),
            Value(v) => positional.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let root = root();
    match (command.as_str(), positional.as_slice()) {
        ("build", []) => {
            let (Some(content), Some(out)) = (flags.content, flags.out) else { return Err(USAGE.to_owned()) };
            build::site(&root, &content, &out, flags.origin.as_deref())
        }
        ("serve", [dist]) => serve::site(
            &root,
            &PathBuf::from(dist),
            flags.port.unwrap_or(8080),
            flags.ancestors.as_deref().unwrap_or(""),
        ),
        ("serve-dev", []) => build::serve_dev(&root, flags.port.unwrap_or(8080)),
        ("nginx-conf", [run, port, rest @ ..]) if rest.len() <= 2 => {
            let port = port.parse().map_err(|_| format!("{port}: not a port number"))?;
            let ancestors = rest.first().map_or("", String::as_str);
            let dist = rest.get(1).map_or_else(|| root.join("dist/"), PathBuf::from);
            let conf = nginx::write_conf(&root, &PathBuf::from(run), port, ancestors, &dist)?;
            println!("{}", conf.display());
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}

/// The flags any command may take.
#[derive(Default)]
struct Flags {
    content: Option<String>,
    out: Option<PathBuf>,
    origin: Option<String>,
    port: Option<u16>,
    ancestors: Option<String>,
}
