//! The last step of the site build (`src/bin/postbuild.rs`, run by Trunk's post_build
//! hook): makes `index.html` work under a strict Content-Security-Policy, and fills
//! copies of it with pre-rendered pages. Pure: HTML in, HTML and files out.
//!
//! Trunk writes its start-up code as an inline `<script type="module">`, which a policy
//! without `'unsafe-inline'` refuses. The step moves every inline script to a file named
//! by a hash of its text, inlines the tiny boot script instead (allowed by its SHA-256 in
//! the policy), and puts the policy in a `<meta>` tag before any script.

use std::fmt::Write as _;

/// The policy, given the hashes (`sha256-<base64>`) of the inline scripts allowed.
/// `'wasm-unsafe-eval'` lets the page compile its own WASM and nothing else;
/// `require-trusted-types-for` makes any HTML-string sink (`innerHTML`…) throw, so text can
/// only ever become text. `frame-ancestors` cannot be set from a meta tag: README gives it
/// as a header for operators.
pub fn csp(inline_hashes: &[&str]) -> String {
    let hashes: String = inline_hashes.iter().map(|h| format!(" '{h}'")).collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'"
    )
}

/// A small script to put in the page itself instead of loading it: one request fewer
/// before the first paint. Its hash goes into the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inline<'a> {
    /// The `src` it is loaded from in the template, e.g. `/boot.js`.
    pub src: &'a str,
    /// Its text.
    pub text: &'a str,
    /// `sha256-<base64 of the SHA-256 of text>`.
    pub hash: &'a str,
}

/// `js` without its comment lines (`// …` lines, `/* … */` blocks), indentation and blank
/// lines: the inlined boot script is in every page, its explanations need not be. Code
/// after a block comment's end on the same line is kept. For our own scripts, which have
/// no multi-line strings: a line inside one that began with `//` would be dropped.
pub fn strip_comment_lines(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines().map(str::trim) {
        let line = if in_block {
            match line.find("*/") {
                Some(end) => {
                    in_block = false;
                    line[end + 2..].trim_start()
                }
                None => continue,
            }
        } else {
            line
        };
        if let Some(rest) = line.strip_prefix("/*") {
            match rest.find("*/") {
                None => {
                    in_block = true;
                    continue;
                }
                Some(end) if rest[end + 2..].trim().is_empty() => continue,
                Some(_) => {}
            }
        }
        if !line.is_empty() && !line.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A file the step adds next to `index.html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Name relative to the site root, e.g. `start-0123abcd.js`.
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// Why a page cannot be processed; the build fails with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// No `<head>`/`<meta charset>` to put the policy after.
    NoCharset,
    /// A `<script` without its closing `</script>`.
    UnclosedScript,
    /// The page already has a policy: processing twice would stack two.
    AlreadyProcessed,
    /// No empty `<div id="app"></div>` (or `<title>`) to fill.
    NoAppRoot,
    /// Trunk's start-up script no longer looks as expected (`await init(`).
    UnexpectedStartScript,
    /// A script to inline is not loaded by the page under that `src`.
    InlineNotFound(String),
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let SiteError::InlineNotFound(src) = self {
            return write!(f, "no <script src=\"{src}\"> to inline (check public_url and index.html)");
        }
        f.write_str(match self {
            SiteError::InlineNotFound(_) => unreachable!(),
            SiteError::NoCharset => "no <meta charset> to put the Content-Security-Policy after",
            SiteError::UnclosedScript => "a <script> element is not closed",
            SiteError::AlreadyProcessed => "the page already has a Content-Security-Policy meta tag",
            SiteError::UnexpectedStartScript => {
                "Trunk's start-up script has no `await init(` to defer until the page has loaded"
            }
            SiteError::NoAppRoot => "no empty <div id=\"app\"></div> and <title> to fill with the pre-rendered page",
        })
    }
}

/// Moves inline scripts out of `html`, puts the `inline` ones in, and adds the CSP meta
/// tag. `public_url` is where the site is served from (Trunk's `public_url`, `/` by default).
/// `prelude` goes first in each moved start-up script: code that must be listening before
/// the WASM runs (`src/web/panic.js`).
pub fn harden(
    html: &str,
    public_url: &str,
    inline: &[Inline<'_>],
    prelude: &str,
) -> Result<(String, Vec<Asset>), SiteError> {
    if html.contains("Content-Security-Policy") {
        return Err(SiteError::AlreadyProcessed);
    }
    let mut out = String::with_capacity(html.len() + 300);
    let mut assets = Vec::new();
    let mut used = vec![false; inline.len()];
    let mut rest = html;
    while let Some(start) = find_ascii_ci(rest, "<script") {
        let open_end = start + rest[start..].find('>').ok_or(SiteError::UnclosedScript)? + 1;
        let close = open_end + find_ascii_ci(&rest[open_end..], "</script>").ok_or(SiteError::UnclosedScript)?;
        let open_tag = &rest[start..open_end];
        let body = &rest[open_end..close];
        out.push_str(&rest[..start]);
        if let Some((n, script)) = inline.iter().enumerate().find(|(_, i)| attribute(open_tag, "src") == Some(i.src)) {
            used[n] = true;
            out.push_str("<script>");
            out.push_str(script.text);
        } else if attribute(open_tag, "src").is_some() || body.trim().is_empty() {
            out.push_str(&rest[start..close]);
        } else {
            let body = &format!("{prelude}{}", defer_until_load(body)?);
            let name = format!("start-{:016x}.js", fnv1a(body.as_bytes()));
            // Keep the element's other attributes (type=module), add the file as src.
            let attrs = open_tag["<script".len()..open_tag.len() - 1].trim();
            let sep = if attrs.is_empty() { "" } else { " " };
            let _ = write!(out, "<script{sep}{attrs} src=\"{public_url}{name}\">");
            assets.push(Asset { name, text: body.to_owned() });
        }
        out.push_str("</script>");
        rest = &rest[close + "</script>".len()..];
    }
    out.push_str(rest);
    if let Some(missing) = inline.iter().zip(&used).find(|(_, &u)| !u) {
        return Err(SiteError::InlineNotFound(missing.0.src.to_owned()));
    }
    let out = drop_wasm_preload(&out);

    let mut out = out;
    let charset = find_ascii_ci(&out, "<meta charset").ok_or(SiteError::NoCharset)?;
    let after = charset + out[charset..].find('>').ok_or(SiteError::NoCharset)? + 1;
    let hashes: Vec<&str> = inline.iter().map(|i| i.hash).collect();
    out.insert_str(after, &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", csp(&hashes)));
    Ok((out, assets))
}

/// Makes Trunk's start-up script wait for the page's `load` event and the next painted
/// frame before it fetches and starts the WASM. The pre-rendered page is complete without it, so nothing the reader
/// sees waits; the download just no longer competes with the first paint.
fn defer_until_load(script: &str) -> Result<String, SiteError> {
    const START: &str = "await init(";
    let at = script.find(START).ok_or(SiteError::UnexpectedStartScript)?;
    // `const wasm=await init(…)`: put the wait before the statement.
    let statement = script[..at].rfind([';', '\n']).map_or(0, |i| i + 1);
    // After `load`, and after the frame that follows it has been painted: the second
    // animation frame begins only once the first was produced. (One frame was not enough:
    // on a phone the first card's text, the largest paint, was at times presented after
    // the download had started, and Lighthouse then counts the WASM towards it.)
    let wait = "await new Promise(r=>document.readyState===\"complete\"?r():addEventListener(\"load\",r,{once:true}));\
await new Promise(r=>requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(r))));";
    Ok(format!("{}{wait}{}", &script[..statement], &script[statement..]))
}

/// Removes Trunk's `<link rel=preload>` of the WASM, which would start the download
/// before the first paint (see [`defer_until_load`]).
fn drop_wasm_preload(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_ascii_ci(rest, "<link") {
        let end = start + rest[start..].find('>').map_or(rest.len() - start, |e| e + 1);
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        let preload =
            attribute(tag, "rel") == Some("preload") && attribute(tag, "href").is_some_and(|h| h.ends_with(".wasm"));
        if !preload {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// One pre-rendered page: the app's HTML for one route, and what the head says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prerendered<'a> {
    /// The route's hash (`#/`, `#/a/3-01`): the app hydrates only when it shows this.
    pub route_hash: &'a str,
    /// The app's server-rendered HTML.
    pub body: &'a str,
    /// The page's `<title>`, when it differs from the template's.
    pub title: Option<&'a str>,
    /// The page's meta description, when it differs from the template's.
    pub description: Option<&'a str>,
}

/// Puts a pre-rendered page into the (hardened) template: the app's HTML into
/// `<div id="app">`, marked with its route, and the page's title and description.
pub fn fill(template: &str, page: &Prerendered<'_>) -> Result<String, SiteError> {
    let app = ["<div id=app></div>", "<div id=\"app\"></div>"]
        .iter()
        .find_map(|tag| template.find(tag).map(|at| (at, tag.len())))
        .ok_or(SiteError::NoAppRoot)?;
    let mut html = format!(
        "{}<div id=\"app\" data-route=\"{}\">{}</div>{}",
        &template[..app.0],
        escape(page.route_hash),
        page.body,
        &template[app.0 + app.1..]
    );
    if let Some(title) = page.title {
        let start = find_ascii_ci(&html, "<title>").ok_or(SiteError::NoAppRoot)? + "<title>".len();
        let end = start + find_ascii_ci(&html[start..], "</title>").ok_or(SiteError::NoAppRoot)?;
        html.replace_range(start..end, &escape(title));
    }
    if let Some(description) = page.description {
        // Trunk's minifier writes `<meta content="…" name=description>`.
        if let Some(meta) =
            find_ascii_ci(&html, "name=description").or_else(|| find_ascii_ci(&html, "name=\"description\""))
        {
            let tag_start = html[..meta].rfind('<').unwrap_or(meta);
            let tag_end = meta + html[meta..].find('>').unwrap_or(0) + 1;
            html.replace_range(
                tag_start..tag_end,
                &format!("<meta name=\"description\" content=\"{}\">", escape(description)),
            );
        }
    }
    Ok(html)
}

/// Escapes text for HTML text and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Byte offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// The value of attribute `name` in an opening tag (quoted or not), if it has it.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    tag.split(|c: char| c.is_ascii_whitespace() || c == '<' || c == '>').find_map(|part| {
        let (n, v) = part.split_once('=').unwrap_or((part, ""));
        n.eq_ignore_ascii_case(name).then(|| v.trim_matches(['"', '\'']))
    })
}

/// FNV-1a, 64 bits: a stable name for a script's text, so a changed script gets a new
/// file name and caches never serve a stale one.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    #[test]
    fn comment_lines_go_and_code_stays() {
        let js = "/*\n * About.\n */\n(function () {\n  // why\n  var a = /^#\\/a\\//; // kept: shares a line\n\n  /* one line */\n  /* x */ var b = 1;\n  /* runs\n  on */ var c = '//';\n})();\n";
        assert_eq!(
            super::strip_comment_lines(js),
            "(function () {\nvar a = /^#\\/a\\//; // kept: shares a line\n/* x */ var b = 1;\nvar c = '//';\n})();\n"
        );
    }

    use super::*;

    const TRUNK: &str = "<!doctype html><html lang=zh-CN><meta charset=utf-8><title>t</title>\
<script type=module>import init from\"/app-1.js\";await init({module_or_path:`/app-1_bg.wasm`});</script>\
<link href=/app-1.js rel=modulepreload><link as=fetch crossorigin href=/app-1_bg.wasm rel=preload type=application/wasm></head>\
<body><div id=app></div></body></html>";

    #[test]
    fn moves_the_inline_start_script_to_a_file_and_adds_the_policy() {
        let (html, assets) = harden(TRUNK, "/", &[], "").unwrap();
        assert_eq!(assets.len(), 1);
        assert!(assets[0].name.starts_with("start-") && assets[0].name.ends_with(".js"));
        assert!(assets[0].text.starts_with("import init from\"/app-1.js\";await new Promise("), "{}", assets[0].text);
        assert!(
            assets[0].text.ends_with("setTimeout(r))));await init({module_or_path:`/app-1_bg.wasm`});"),
            "{}",
            assets[0].text
        );
        assert!(!html.contains("rel=preload"), "the WASM is not preloaded: {html}");
        assert!(html.contains("rel=modulepreload"), "the small JS glue still is");
        assert!(html.contains(&format!("<script type=module src=\"/{}\"></script>", assets[0].name)), "{html}");
        assert!(!html.contains("import init"), "no inline code left");
        let meta = html.find("Content-Security-Policy").unwrap();
        assert!(meta < html.find("<script").unwrap(), "the policy comes before any script");
        assert!(html.starts_with("<!doctype html><html lang=zh-CN><meta charset=utf-8><meta http-equiv"));
    }

    #[test]
    fn the_prelude_runs_first_and_is_part_of_the_file_name() {
        let (_, plain) = harden(TRUNK, "/", &[], "").unwrap();
        let (_, with) = harden(TRUNK, "/", &[], "watch();\n").unwrap();
        assert_eq!(with[0].text, format!("watch();\n{}", plain[0].text));
        assert_ne!(with[0].name, plain[0].name, "a changed prelude is a new file, never a stale cached one");
    }

    #[test]
    fn fills_the_app_root_title_and_description() {
        let template = "<meta charset=utf-8><title>列表 · 拱墅区</title><meta content=\"全部\" name=description></head><body><div id=app></div></body>";
        let page = Prerendered {
            route_hash: "#/a/3-01",
            body: "<main>正文</main>",
            title: Some("区残联 <谢>"),
            description: Some("说\"明\""),
        };
        let html = fill(template, &page).unwrap();
        assert!(html.contains("<div id=\"app\" data-route=\"#/a/3-01\"><main>正文</main></div>"), "{html}");
        assert!(html.contains("<title>区残联 &lt;谢&gt;</title>"), "{html}");
        assert!(html.contains("<meta name=\"description\" content=\"说&quot;明&quot;\">"), "{html}");
        let same = fill(template, &Prerendered { title: None, description: None, ..page.clone() }).unwrap();
        assert!(same.contains("<title>列表 · 拱墅区</title>") && same.contains("content=\"全部\""));
        assert_eq!(fill("<body></body>", &page), Err(SiteError::NoAppRoot));
    }

    #[test]
    fn the_policy_allows_no_inline_code_but_hashed_scripts() {
        let policy = csp(&[]);
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(csp(&["sha256-abc="]).contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';"));
    }

    #[test]
    fn inlines_the_named_scripts_with_their_hash() {
        let page = "<meta charset=utf-8><script src=/boot.js></script><script src=\"/other.js\"></script>";
        let boot = Inline { src: "/boot.js", text: "go()", hash: "sha256-xyz=" };
        let (html, assets) = harden(page, "/", &[boot], "").unwrap();
        assert!(assets.is_empty());
        assert!(html.contains("<script>go()</script><script src=\"/other.js\"></script>"), "{html}");
        assert!(html.contains("'wasm-unsafe-eval' 'sha256-xyz='"), "{html}");
        let elsewhere = Inline { src: "/reader/boot.js", ..boot };
        assert_eq!(harden(page, "/", &[elsewhere], ""), Err(SiteError::InlineNotFound("/reader/boot.js".into())));
    }

    #[test]
    fn keeps_external_scripts_names_by_content_and_refuses_bad_pages() {
        let page = "<meta charset=\"utf-8\"><SCRIPT src=/a.js></SCRIPT><script>await init(x)</script>";
        let (html, assets) = harden(page, "/reader/", &[], "").unwrap();
        assert!(html.contains("<SCRIPT src=/a.js></script>"), "{html}");
        assert_eq!(assets.len(), 1);
        assert!(html.contains(&format!("<script src=\"/reader/{}\"></script>", assets[0].name)), "{html}");
        let (_, again) = harden("<meta charset=utf-8><script>await init(y)</script>", "/", &[], "").unwrap();
        assert_eq!(
            harden("<meta charset=utf-8><script>go()</script>", "/", &[], ""),
            Err(SiteError::UnexpectedStartScript)
        );
        assert_ne!(assets[0].name, again[0].name, "different code, different file");
        assert_eq!(harden(&html, "/", &[], ""), Err(SiteError::AlreadyProcessed));
        assert_eq!(harden("<script>x", "/", &[], ""), Err(SiteError::UnclosedScript));
        assert_eq!(harden("<p>no head</p>", "/", &[], ""), Err(SiteError::NoCharset));
    }
}
