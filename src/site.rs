//! The last step of the site build (`src/bin/postbuild.rs`, run by the site tool after
//! Trunk): makes `index.html` work under a strict Content-Security-Policy, and fills
//! copies of it with pre-rendered pages. Pure: HTML in, HTML and files out; the HTML is
//! read and rewritten by `lol_html` (a real HTML parser with CSS selectors), never by
//! searching for substrings.
//!
//! Trunk writes its start-up code as an inline `<script type="module">`, which a policy
//! without `'unsafe-inline'` refuses. The step moves every inline script to a file named
//! by a hash of its text, inlines the tiny boot script instead (allowed by its SHA-256 in
//! the policy), and puts the policy in a `<meta>` tag before any script.

use std::cell::{Cell, RefCell};

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};

use crate::content::embedded::DATA_ID;

/// The policy, given the hashes (`sha256-<base64>`) of the inline scripts and stylesheets
/// allowed.
/// `'wasm-unsafe-eval'` lets the page compile its own WASM and nothing else;
/// `require-trusted-types-for` makes any HTML-string sink (`innerHTML`…) throw, so text can
/// only ever become text. `frame-ancestors` cannot be set from a meta tag: README gives it
/// as a header for operators.
pub fn csp(script_hashes: &[&str], style_hashes: &[&str]) -> String {
    let sources = |hashes: &[&str]| hashes.iter().map(|h| format!(" '{h}'")).collect::<String>();
    let (hashes, styles) = (sources(script_hashes), sources(style_hashes));
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'{styles}; img-src 'self' data:; \
connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'"
    )
}

/// The CSP hash source of an inline script's or stylesheet's text: `sha256-<base64 of its
/// SHA-256>`.
pub fn script_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding, as CSP hash sources want it.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A small script to put in the page itself instead of loading it: one request fewer
/// before the first paint. Its hash goes into the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inline<'a> {
    /// The `src` (a script) or `href` (a stylesheet, ending in `.css`) it is loaded from in
    /// the template, e.g. `/boot.js`.
    pub src: &'a str,
    /// Its text.
    pub text: &'a str,
    /// `sha256-<base64 of the SHA-256 of text>`.
    pub hash: &'a str,
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
    /// No `<meta charset>` to put the policy after.
    NoCharset,
    /// The page already has a policy: processing twice would stack two.
    AlreadyProcessed,
    /// No `<div id="app">` to fill.
    NoAppRoot,
    /// Trunk's start-up script no longer looks as expected (`await init({module_or_path:"…"`).
    UnexpectedStartScript,
    /// A script to inline is not loaded by the page under that `src`.
    InlineNotFound(String),
    /// The HTML rewriter gave up on the page.
    Rewrite(String),
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteError::NoCharset => f.write_str("no <meta charset> to put the Content-Security-Policy after"),
            SiteError::AlreadyProcessed => f.write_str("the page already has a Content-Security-Policy meta tag"),
            SiteError::UnexpectedStartScript => f.write_str(
                "Trunk's start-up script has no `await init({module_or_path:\"…\"` to defer until the page has loaded",
            ),
            SiteError::NoAppRoot => f.write_str("no <div id=\"app\"> to fill with the pre-rendered page"),
            SiteError::InlineNotFound(src) => {
                write!(f, "no <script src=\"{src}\"> to inline (check public_url and index.html)")
            }
            SiteError::Rewrite(e) => write!(f, "the HTML rewriter failed: {e}"),
        }
    }
}

impl std::error::Error for SiteError {}

/// `html` rewritten by `handlers` (see `lol_html`).
fn rewrite<'h>(
    html: &str,
    handlers: Vec<(std::borrow::Cow<'static, lol_html::Selector>, lol_html::ElementContentHandlers<'h>)>,
) -> Result<String, SiteError> {
    let settings = handlers.into_iter().fold(RewriteStrSettings::new(), |s, h| s.append_element_content_handler(h));
    rewrite_str(html, settings).map_err(|e| SiteError::Rewrite(e.to_string()))
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
    // First read: the inline scripts' code, in order, and what the head already has.
    let bodies: RefCell<Vec<String>> = RefCell::new(Vec::new());
    let (policy, charset) = (Cell::new(false), Cell::new(false));
    rewrite(
        html,
        vec![
            element!("script:not([src])", |_| {
                bodies.borrow_mut().push(String::new());
                Ok(())
            }),
            text!("script:not([src])", |t| {
                if let Some(body) = bodies.borrow_mut().last_mut() {
                    body.push_str(t.as_str());
                }
                Ok(())
            }),
            element!("meta[http-equiv]", |el| {
                let equiv = el.get_attribute("http-equiv").unwrap_or_default();
                policy.set(policy.get() || equiv.eq_ignore_ascii_case("content-security-policy"));
                Ok(())
            }),
            element!("meta[charset]", |_| {
                charset.set(true);
                Ok(())
            }),
        ],
    )?;
    if policy.get() {
        return Err(SiteError::AlreadyProcessed);
    }
    if !charset.get() {
        return Err(SiteError::NoCharset);
    }
    // Each inline script with code becomes a file named by its text.
    let mut assets = Vec::new();
    let mut moved: Vec<Option<String>> = Vec::new();
    for body in bodies.into_inner() {
        if body.trim().is_empty() {
            moved.push(None);
            continue;
        }
        let text = format!("{prelude}{}", defer_until_load(&body)?);
        let name = format!("start-{:016x}.js", content_id(text.as_bytes()));
        moved.push(Some(format!("{public_url}{name}")));
        assets.push(Asset { name, text });
    }
    // Second pass: move them, inline the named ones, drop the WASM's preload, add the policy.
    let is_style = |i: &&Inline<'_>| i.src.ends_with(".css");
    let scripts: Vec<&str> = inline.iter().filter(|i| !is_style(i)).map(|i| i.hash).collect();
    let styles: Vec<&str> = inline.iter().filter(is_style).map(|i| i.hash).collect();
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", csp(&scripts, &styles));
    let used: RefCell<Vec<bool>> = RefCell::new(vec![false; inline.len()]);
    let next = Cell::new(0);
    let out = rewrite(
        html,
        vec![
            element!("script", |el| {
                match el.get_attribute("src") {
                    Some(src) => {
                        if let Some(n) = inline.iter().position(|i| i.src == src) {
                            used.borrow_mut()[n] = true;
                            el.remove_attribute("src");
                            el.set_inner_content(inline[n].text, ContentType::Html);
                        }
                    }
                    None => {
                        if let Some(Some(src)) = moved.get(next.replace(next.get() + 1)) {
                            el.set_attribute("src", src)?;
                            el.set_inner_content("", ContentType::Html);
                        }
                    }
                }
                Ok(())
            }),
            // A stylesheet named inline is put in the page: one round trip fewer before the
            // first paint (about 180 ms on a phone's connection).
            element!("link[rel=stylesheet]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                if let Some(n) = inline.iter().position(|i| i.src == href && i.src.ends_with(".css")) {
                    used.borrow_mut()[n] = true;
                    el.replace(&format!("<style>{}</style>", inline[n].text), ContentType::Html);
                }
                Ok(())
            }),
            // Trunk's preload of the WASM: the start-up script fetches it once the page has
            // been painted (`defer_until_load`).
            element!("link[rel=preload][href$='.wasm']", |el| {
                el.remove();
                Ok(())
            }),
            element!("meta[charset]", |el| {
                el.after(&meta, ContentType::Html);
                Ok(())
            }),
        ],
    )?;
    if let Some(n) = used.into_inner().iter().position(|u| !u) {
        return Err(SiteError::InlineNotFound(inline[n].src.to_owned()));
    }
    Ok((out, assets))
}

/// Makes Trunk's start-up script wait for the page's `load` event and the next painted
/// frame before it starts the WASM, and fetch the WASM from the first contentful paint on
/// (or from that start, should no paint be reported before it). The pre-rendered page is
/// complete without it, so nothing the reader sees waits; the download never competes with
/// the first paint, and Lighthouse's simulation, which counts every request started before
/// the largest paint as holding it up, no longer counts it. (A preload at the end of the
/// body started it about 80 ms sooner on the phone profile and cost the largest paint
/// 0.9 s in the simulation: docs/performance.md.)
fn defer_until_load(script: &str) -> Result<String, SiteError> {
    const START: &str = "await init(";
    const PATH: &str = "module_or_path:";
    let at = script.find(START).ok_or(SiteError::UnexpectedStartScript)?;
    // `const wasm=await init(…)`: put the wait before the statement.
    let statement = script[..at].rfind([';', '\n']).map_or(0, |i| i + 1);
    // The WASM's address: the string literal after `module_or_path:` (in any of JS's quotes).
    let path = script[at..].find(PATH).map(|i| at + i + PATH.len()).ok_or(SiteError::UnexpectedStartScript)?;
    let from = path + script[path..].len() - script[path..].trim_start().len();
    let quote = script[from..].chars().next().filter(|q| matches!(q, '"' | '\'' | '`'));
    let quote = quote.ok_or(SiteError::UnexpectedStartScript)?;
    let end = script[from + 1..].find(quote).map(|i| from + 2 + i).ok_or(SiteError::UnexpectedStartScript)?;
    let wasm = &script[from..end];
    // After `load`, and after the frame that follows it has been painted: the second
    // animation frame begins only once the first was produced. (One frame was not enough:
    // on a phone the first card's text, the largest paint, was at times presented after
    // the start had begun the download, and Lighthouse then counts the WASM towards it.)
    let started = "const __readerStarted=new Promise(r=>document.readyState==\"complete\"?r():addEventListener(\"load\",r,{once:!0}))\
.then(()=>new Promise(r=>requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(r)))));";
    // The paint is reported once presented; `buffered` reports one that came before.
    let painted = "new Promise(r=>{try{new PerformanceObserver((l,o)=>{l.getEntriesByName(\"first-contentful-paint\")[0]&&(o.disconnect(),r())})\
.observe({type:\"paint\",buffered:!0})}catch{}})";
    let fetch = format!("const __readerWasm=Promise.race([{painted},__readerStarted]).then(()=>fetch({wasm}));");
    Ok(format!(
        "{}{started}{fetch}await __readerStarted;{}__readerWasm{}",
        &script[..statement],
        &script[statement..from],
        &script[end..]
    ))
}

/// One pre-rendered page: the app's HTML for one route, and what the head says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prerendered<'a> {
    /// The route's hash (`#/`, `#/a/3-01`): the app hydrates only when it shows this.
    /// None for the not-found page, which no route shows: marked `data-missing`, the app
    /// renders its not-found view afresh there.
    pub route_hash: Option<&'a str>,
    /// The app's server-rendered HTML.
    pub body: &'a str,
    /// The page's `<title>`, when it differs from the template's.
    pub title: Option<&'a str>,
    /// The page's meta description, when it differs from the template's.
    pub description: Option<&'a str>,
    /// More for the page's `<head>` (its sharing metadata), as HTML, put after the
    /// description.
    pub head: Option<&'a str>,
    /// The data the app reads (`reader_core::content::bundle`), JSON with no `<` in it,
    /// put after `<div id="app">` as `<script type="application/json" id="reader-data">`.
    pub data: &'a str,
}

/// Puts a pre-rendered page into the (hardened) template: the app's HTML into
/// `<div id="app">`, marked with its route, the app's data after it, and the page's title
/// and description.
pub fn fill(template: &str, page: &Prerendered<'_>) -> Result<String, SiteError> {
    let filled = Cell::new(false);
    let html = rewrite(
        template,
        vec![
            element!("div#app", |el| {
                match page.route_hash {
                    Some(hash) => el.set_attribute("data-route", hash)?,
                    None => el.set_attribute("data-missing", "")?,
                }
                el.set_inner_content(page.body, ContentType::Html);
                let data = format!(r#"<script type="application/json" id="{DATA_ID}">{}</script>"#, page.data);
                el.after(&data, ContentType::Html);
                filled.set(true);
                Ok(())
            }),
            element!("title", |el| {
                if let Some(title) = page.title {
                    el.set_inner_content(title, ContentType::Text);
                }
                Ok(())
            }),
            element!("meta[name=description]", |el| {
                if let Some(description) = page.description {
                    // lol_html escapes only the quote in attribute values.
                    el.set_attribute("content", &description.replace('&', "&amp;"))?;
                }
                // Beside the description: minified HTML may leave out `</head>`.
                if let Some(head) = page.head {
                    el.after(head, ContentType::Html);
                }
                Ok(())
            }),
        ],
    )?;
    if filled.get() {
        Ok(html)
    } else {
        Err(SiteError::NoAppRoot)
    }
}

/// The first 64 bits of the SHA-256 of `bytes`: a stable name for a script's text, so a
/// changed script gets a new file name and caches never serve a stale one.
fn content_id(bytes: &[u8]) -> u64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    u64::from_be_bytes(digest[..8].try_into().unwrap_or_default())
}

#[cfg(test)]
mod tests {

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
        let text = &assets[0].text;
        assert!(text.starts_with("import init from\"/app-1.js\";const __readerStarted=new Promise("), "{text}");
        assert!(text.contains("\"first-contentful-paint\""), "{text}");
        assert!(
            text.contains("__readerStarted]).then(()=>fetch(`/app-1_bg.wasm`));"),
            "fetched from the paint on: {text}"
        );
        assert!(text.ends_with("await __readerStarted;await init({module_or_path:__readerWasm});"), "{text}");
        assert!(!html.contains("rel=preload"), "no preload of the WASM: {html}");
        assert!(html.contains("rel=modulepreload"), "the small JS glue still is");
        assert!(html.contains(&format!("<script type=module src=\"/{}\"></script>", assets[0].name)), "{html}");
        assert!(!html.contains("import init"), "no inline code left");
        let meta = html.find("Content-Security-Policy").unwrap();
        assert!(meta < html.find("<script").unwrap(), "the policy comes before any script");
        assert!(html.starts_with("<!doctype html><html lang=zh-CN><meta charset=utf-8><meta http-equiv"));
    }

    #[test]
    fn the_wasm_address_is_read_in_any_quotes_and_a_start_without_one_is_refused() {
        for quoted in ["'/w.wasm'", "\"/w.wasm\"", "`/w.wasm`"] {
            let script = format!(
                "import init from'/a.js';\nconst wasm = await init({{ module_or_path: {quoted} }});\ngo(wasm);"
            );
            let deferred = defer_until_load(&script).unwrap();
            assert!(deferred.contains(&format!("fetch({quoted})")), "{deferred}");
            assert!(
                deferred.ends_with("const wasm = await init({ module_or_path: __readerWasm });\ngo(wasm);"),
                "{deferred}"
            );
        }
        for odd in ["await init()", "await init({module_or_path:wasmUrl})", "await init({module_or_path:'/w.wasm)"] {
            assert_eq!(defer_until_load(odd), Err(SiteError::UnexpectedStartScript), "{odd}");
        }
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
            route_hash: Some("#/a/3-01"),
            body: "<main>正文</main>",
            title: Some("区残联 <谢>"),
            description: Some("说\"明\" & &lt;"),
            head: Some("<meta property=og:type content=article>"),
            data: r#"{"pages":[]}"#,
        };
        let html = fill(template, &page).unwrap();
        assert!(html.contains("name=description><meta property=og:type content=article>"), "{html}");
        assert!(
            html.contains(
                "<div id=app data-route=\"#/a/3-01\"><main>正文</main></div><script type=\"application/json\" id=\"reader-data\">{\"pages\":[]}</script>"
            ),
            "the data right after the app: {html}"
        );
        assert!(html.contains("<title>区残联 &lt;谢&gt;</title>"), "{html}");
        assert!(html.contains("<meta content=\"说&quot;明&quot; &amp; &amp;lt;\" name=description>"), "{html}");
        let same = fill(template, &Prerendered { title: None, description: None, head: None, ..page.clone() }).unwrap();
        assert!(same.contains("<title>列表 · 拱墅区</title>") && same.contains("content=\"全部\""));
        assert_eq!(fill("<body></body>", &page), Err(SiteError::NoAppRoot));
    }

    #[test]
    fn base64_and_script_hashes_match_the_test_vectors() {
        // RFC 4648 §10.
        for (plain, coded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        // What browsers compute for an empty and a one-line script (`openssl dgst -sha256 -binary | base64`).
        assert_eq!(script_hash(""), "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(script_hash("abc"), "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    }

    #[test]
    fn the_policy_allows_no_inline_code_but_hashed_scripts() {
        let policy = csp(&[], &[]);
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(csp(&["sha256-abc="], &[]).contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';"));
        assert!(csp(&[], &["sha256-css="]).contains("style-src 'self' 'sha256-css=';"));
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
    fn inlines_the_named_stylesheet_with_its_hash_and_leaves_the_noscript_one() {
        let page = "<meta charset=utf-8><link href=/main-1.css integrity=sha384-x rel=stylesheet>\
<noscript><link href=/noscript.css rel=stylesheet></noscript>";
        let css = Inline { src: "/main-1.css", text: "body{color:red}", hash: "sha256-css=" };
        let (html, _) = harden(page, "/", &[css], "").unwrap();
        assert!(html.contains("<style>body{color:red}</style><noscript><link href=/noscript.css"), "{html}");
        assert!(html.contains("style-src 'self' 'sha256-css=';") && html.contains("'wasm-unsafe-eval';"), "{html}");
    }

    #[test]
    fn keeps_external_scripts_names_by_content_and_refuses_bad_pages() {
        let page =
            "<meta charset=\"utf-8\"><SCRIPT src=/a.js></SCRIPT><script>await init({module_or_path:'/x'})</script>";
        let (html, assets) = harden(page, "/reader/", &[], "").unwrap();
        assert!(html.contains("<SCRIPT src=/a.js></SCRIPT>"), "{html}");
        assert_eq!(assets.len(), 1);
        assert!(html.contains(&format!("<script src=\"/reader/{}\"></script>", assets[0].name)), "{html}");
        let (_, again) =
            harden("<meta charset=utf-8><script>await init({module_or_path:'/y'})</script>", "/", &[], "").unwrap();
        assert_eq!(
            harden("<meta charset=utf-8><script>go()</script>", "/", &[], ""),
            Err(SiteError::UnexpectedStartScript)
        );
        assert_ne!(assets[0].name, again[0].name, "different code, different file");
        assert_eq!(harden(&html, "/", &[], ""), Err(SiteError::AlreadyProcessed));
        assert_eq!(harden("<meta charset=utf-8><script>x", "/", &[], ""), Err(SiteError::UnexpectedStartScript));
        assert_eq!(harden("<p>no head</p>", "/", &[], ""), Err(SiteError::NoCharset));
    }

    #[test]
    fn reads_html_as_html_not_as_text() {
        // A script in a comment is no script; a `>` in an attribute value ends no tag.
        let page = "<meta charset=utf-8><!-- <script>go()</script> --><script data-x=\"a>b\">await init({module_or_path:'/y'})</script>";
        let (html, assets) = harden(page, "/", &[], "").unwrap();
        assert_eq!(assets.len(), 1, "{assets:?}");
        assert!(html.contains("<!-- <script>go()</script> -->"), "the comment is left as it was: {html}");
        assert!(html.contains(&format!("<script data-x=\"a>b\" src=\"/{}\"></script>", assets[0].name)), "{html}");
        // The app root found by its id, whatever the quoting or other attributes.
        let template = "<title>t</title><div class=x id='app'></div>";
        let page = Prerendered {
            route_hash: Some("#/"),
            body: "<p>列表</p>",
            title: None,
            description: None,
            head: None,
            data: "",
        };
        assert!(fill(template, &page).unwrap().contains("data-route=\"#/\"><p>列表</p></div>"));
        let missing = Prerendered { route_hash: None, ..page };
        let html = fill(template, &missing).unwrap();
        assert!(
            html.contains("id='app' data-missing=\"\"><p>列表</p></div>") && !html.contains("data-route"),
            "{html}"
        );
    }
}
