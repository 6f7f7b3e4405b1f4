//! Embedding in a portal's iframe: the settings a portal puts in the frame's URL query
//! string, and the messages exchanged with the parent page. Pure: strings in, values out;
//! `frame.rs` does the browser side.
//!
//! | query parameter        | meaning                                                        |
//! |------------------------|----------------------------------------------------------------|
//! | `embed=1` / `embed=0`  | force embed mode on or off (default: on when framed)           |
//! | `theme=light\|dark\|system\|contrast` | colour theme for this visit                      |
//! | `dept=区教育局` (repeatable) | preset department filter when the frame opens              |
//! | `title=0`              | hide the page title block                                      |
//! | `origin=https://portal.example` (repeatable) | parent origins whose messages are accepted |
//! | `id=news-reader`       | frame id echoed in every message (default `gongshu-reader`)   |
//!
//! Messages are JSON strings `{"type": "gongshu-reader:<kind>", "version": 1, …}`:
//!
//! | direction      | type                          | fields                  |
//! |----------------|-------------------------------|-------------------------|
//! | reader → parent| `gongshu-reader:height`       | `id`, `height`, `width` |
//! | reader → parent| `gongshu-reader:scroll-top`   | `id`                    |
//! | reader → parent| `gongshu-reader:scroll-to`    | `id`, `top`             |
//! | parent → reader| `gongshu-reader:request-height` | —                     |
//!
//! The reader also speaks the iframe-resizer child format, written from its documented
//! message shape: after a parent sends `[iFrameSizer]<id>:…`, the reader answers
//! `[iFrameSizer]<id>:<height>:<width>:<event>`.

use crate::route::decode;
use crate::settings::Theme;

/// Prefix of every message type.
pub const TYPE_PREFIX: &str = "gongshu-reader:";
/// The message format version.
pub const VERSION: u32 = 1;
/// The frame id when the portal gives none.
pub const DEFAULT_ID: &str = "gongshu-reader";
/// Prefix of iframe-resizer messages.
pub const RESIZER_PREFIX: &str = "[iFrameSizer]";
/// Longest frame id or origin kept from the URL.
const MAX_PARAM_CHARS: usize = 100;

/// What the portal asked for in the frame's URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    /// Embed mode: compact header, no outer margins, height reports.
    pub embedded: bool,
    /// A theme for this visit, overriding the stored one.
    pub theme: Option<Theme>,
    /// Departments to filter by when the frame opens.
    pub departments: Vec<String>,
    /// Hide the page title block.
    pub hide_title: bool,
    /// Parent origins whose messages are accepted.
    pub origins: Vec<String>,
    /// The frame id echoed in messages.
    pub id: String,
}

impl EmbedConfig {
    /// Reads the query string (`location.search`, with or without `?`). `framed` says
    /// whether the page is in a frame; `referrer` is `document.referrer`, whose origin is
    /// trusted when the portal names none.
    pub fn parse(search: &str, framed: bool, referrer: &str) -> EmbedConfig {
        let mut config = EmbedConfig { embedded: framed, id: DEFAULT_ID.to_owned(), ..EmbedConfig::default() };
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value: String = decode(value).chars().take(MAX_PARAM_CHARS).collect();
            match key {
                "embed" => config.embedded = value != "0",
                "theme" => config.theme = Some(Theme::from_key(&value)),
                "dept" if !value.is_empty() => config.departments.push(value),
                "title" => config.hide_title = value == "0",
                "origin" => config.origins.extend(origin_of(&value)),
                "id" if is_safe_id(&value) => config.id = value,
                _ => {}
            }
        }
        if config.origins.is_empty() && framed {
            config.origins.extend(origin_of(referrer));
        }
        config
    }

    /// Whether messages from `origin` are accepted.
    pub fn trusts(&self, origin: &str) -> bool {
        self.origins.iter().any(|o| o == origin)
    }
}

/// `scheme://host[:port]` of an http(s) URL, or nothing.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let valid =
        !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    // A browser's origin never names the scheme's default port.
    let host = host.to_ascii_lowercase();
    let host = match scheme {
        "https" => host.strip_suffix(":443").map(str::to_owned).unwrap_or(host),
        _ => host.strip_suffix(":80").map(str::to_owned).unwrap_or(host),
    };
    valid.then(|| format!("{scheme}://{host}"))
}

/// Frame ids go into message strings, so keep them to harmless characters.
fn is_safe_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// What the reader tells the parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToParent {
    /// The content's size changed.
    Height {
        /// CSS pixels, rounded up.
        height: u32,
        /// CSS pixels.
        width: u32,
    },
    /// The reader navigated: bring the frame's top into view.
    ScrollTop,
    /// The search box was focused on a narrow screen: put the point `top` CSS pixels
    /// below the frame's top at the top of the window, so the results show under it.
    ScrollTo {
        /// CSS pixels from the frame's top.
        top: u32,
    },
}

impl ToParent {
    /// The message in the reader's own format.
    pub fn to_json(self, id: &str) -> String {
        match self {
            ToParent::Height { height, width } => format!(
                r#"{{"type":"{TYPE_PREFIX}height","version":{VERSION},"id":{},"height":{height},"width":{width}}}"#,
                json_string(id)
            ),
            ToParent::ScrollTop => {
                format!(r#"{{"type":"{TYPE_PREFIX}scroll-top","version":{VERSION},"id":{}}}"#, json_string(id))
            }
            ToParent::ScrollTo { top } => format!(
                r#"{{"type":"{TYPE_PREFIX}scroll-to","version":{VERSION},"id":{},"top":{top}}}"#,
                json_string(id)
            ),
        }
    }

    /// The message in iframe-resizer's child format, for the id its parent assigned.
    pub fn to_resizer(self, resizer_id: &str, event: &str) -> String {
        match self {
            ToParent::Height { height, width } => format!("{RESIZER_PREFIX}{resizer_id}:{height}:{width}:{event}"),
            // scrollToOffset with (0, 0) puts the frame's top at the top of the window.
            // scrollToOffset's numbers are y, then x, from the frame's top left corner.
            ToParent::ScrollTop => format!("{RESIZER_PREFIX}{resizer_id}:0:0:scrollToOffset"),
            ToParent::ScrollTo { top } => format!("{RESIZER_PREFIX}{resizer_id}:{top}:0:scrollToOffset"),
        }
    }
}

/// `s` as a JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The envelope of a message from the parent, as a real JSON parser reads it: the
/// browser's `JSON.parse` in the app (`frame.rs`), serde_json natively ([`read_envelope`]).
/// Present when the message is a JSON object with a string `type` and a numeric `version`.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// The `type` field.
    pub kind: String,
    /// The `version` field.
    pub version: f64,
}

/// The envelope of `data`, read with serde_json: the native twin of the browser's reader,
/// for tests and tools. The WASM carries no JSON parser.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_envelope(data: &str) -> Option<Envelope> {
    let value: serde_json::Value = serde_json::from_str(data).ok()?;
    let object = value.as_object()?;
    Some(Envelope { kind: object.get("type")?.as_str()?.to_owned(), version: object.get("version")?.as_f64()? })
}

/// A decimal number such as `8`, `-1.5` (iframe-resizer's body margin).
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// What the parent may tell the reader; everything else is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromParent {
    /// Send the height now.
    RequestHeight,
    /// An iframe-resizer parent introduced itself with the id to answer with.
    ResizerInit {
        /// The id iframe-resizer assigned to the frame.
        id: String,
    },
}

/// Reads a message from `origin`. Only strings from trusted origins with a known type
/// and version are understood; nothing in a message is ever evaluated. `read` parses a
/// JSON message's envelope (see [`Envelope`]); iframe-resizer's messages are not JSON.
pub fn from_parent(
    config: &EmbedConfig,
    origin: &str,
    data: &str,
    read: impl FnOnce(&str) -> Option<Envelope>,
) -> Option<FromParent> {
    if !config.trusts(origin) || data.len() > 4096 {
        return None;
    }
    if let Some(rest) = data.strip_prefix(RESIZER_PREFIX) {
        // Only the parent's hello (`id:<bodyMargin>:…`) starts a conversation; its later
        // messages are not answered as if they were a new hello.
        let mut fields = rest.split(':');
        let id = fields.next().filter(|id| is_safe_id(id))?;
        fields.next().filter(|margin| is_number(margin))?;
        return Some(FromParent::ResizerInit { id: id.to_owned() });
    }
    let envelope = read(data)?;
    match envelope.kind.strip_prefix(TYPE_PREFIX)? {
        "request-height" if envelope.version == f64::from(VERSION) => Some(FromParent::RequestHeight),
        _ => None,
    }
}

// Native only: the envelope is read with serde_json here (the browser's parser in the app).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_the_query_string() {
        let c = EmbedConfig::parse(
            "?embed=1&theme=dark&dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80&dept=区财政局&title=0&origin=https://Portal.example/news&id=news-1",
            false,
            "",
        );
        assert!(c.embedded && c.hide_title);
        assert_eq!(c.theme, Some(Theme::Dark));
        assert_eq!(c.departments, ["区教育局", "区财政局"]);
        assert_eq!(c.origins, ["https://portal.example"]);
        assert_eq!(c.id, "news-1");
    }

    #[test]
    fn framing_and_referrer_defaults() {
        let framed = EmbedConfig::parse("", true, "http://127.0.0.1:9000/portal.html");
        assert!(framed.embedded);
        assert_eq!(framed.origins, ["http://127.0.0.1:9000"]);
        assert_eq!(framed.id, DEFAULT_ID);
        let off = EmbedConfig::parse("?embed=0", true, "");
        assert!(!off.embedded && off.origins.is_empty());
        let top = EmbedConfig::parse("", false, "http://elsewhere.example/");
        assert!(!top.embedded && top.origins.is_empty(), "an unframed page trusts no one");
    }

    #[test]
    fn hostile_parameters_are_dropped() {
        let c = EmbedConfig::parse(
            "?origin=javascript:alert(1)&origin=https://a.example\"x&id=<b>&theme=<script>",
            true,
            "data:text/html,x",
        );
        assert!(c.origins.is_empty(), "{:?}", c.origins);
        assert_eq!(c.id, DEFAULT_ID);
        assert_eq!(c.theme, Some(Theme::System));
    }

    #[test]
    fn messages_to_the_parent() {
        let h = ToParent::Height { height: 1234, width: 320 };
        assert_eq!(
            h.to_json("r\"1"),
            r#"{"type":"gongshu-reader:height","version":1,"id":"r\"1","height":1234,"width":320}"#
        );
        assert_eq!(
            h.to_resizer("iFrameResizer0", "resizeObserver"),
            "[iFrameSizer]iFrameResizer0:1234:320:resizeObserver"
        );
        assert_eq!(ToParent::ScrollTop.to_resizer("f", ""), "[iFrameSizer]f:0:0:scrollToOffset");
        let v: serde_json::Value = serde_json::from_str(&ToParent::ScrollTop.to_json("x")).unwrap();
        assert_eq!(v["type"], "gongshu-reader:scroll-top");
        let to = ToParent::ScrollTo { top: 412 };
        assert_eq!(to.to_resizer("f", ""), "[iFrameSizer]f:412:0:scrollToOffset");
        let v: serde_json::Value = serde_json::from_str(&to.to_json("x")).unwrap();
        assert_eq!((&v["type"], &v["top"], &v["id"]), (&"gongshu-reader:scroll-to".into(), &412.into(), &"x".into()));
    }

    #[test]
    fn messages_from_the_parent_need_origin_type_and_version() {
        let c = EmbedConfig::parse("?origin=https://portal.example", true, "");
        let ok = r#"{"type":"gongshu-reader:request-height","version":1}"#;
        assert_eq!(from_parent(&c, "https://portal.example", ok, read_envelope), Some(FromParent::RequestHeight));
        assert_eq!(from_parent(&c, "https://evil.example", ok, read_envelope), None);
        for bad in [
            r#"{"type":"gongshu-reader:request-height","version":2}"#,
            r#"{"type":"gongshu-reader:eval","version":1,"code":"alert(1)"}"#,
            r#"{"type":"other:request-height","version":1}"#,
            r#"{"version":1}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,"type":"x"}"#, // the last key wins
            r#"{"type":"gongshu-reader:request-height","version":1} trailing"#,
            r#"{"type":"gongshu-reader:request-height","version":"1"}"#,
            r#"{"type":"gongshu-reader:request-height\ud800","version":1}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,}"#,
            r#"{"type":"gongshu-reader:request-height","version":1"#,
            r#"["gongshu-reader:request-height",1]"#,
            r#"{"type":"gongshu-reader:request\u+02dheight","version":1}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,"x":1abc}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,"x":-}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,"x":1e}"#,
            r#"{"type":"gongshu-reader:request-height","version":01}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,"x":-007}"#,
            "not json",
            "",
        ] {
            assert_eq!(from_parent(&c, "https://portal.example", bad, read_envelope), None, "{bad}");
        }
        assert_eq!(
            from_parent(&c, "https://portal.example", "[iFrameSizer]iFrameResizer0:8:false:true:32", read_envelope),
            Some(FromParent::ResizerInit { id: "iFrameResizer0".into() })
        );
        // Any key order, whitespace, escapes and other keys, as JSON allows.
        for good in [
            r#"{"version":1,"type":"gongshu-reader:request-height"}"#,
            " {\n \"type\" : \"gongshu-reader:request\\u002dheight\" ,\t\"version\" : 1 } ",
            r#"{"type":"gongshu-reader:request-height","version":1,"sent":1.5e3,"ok":true,"note": "a\"b","x":null}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,"a":0,"b":-0.5,"c":10}"#,
            r#"{"type":"gongshu-reader:request-height","version":1.0,"nested":{"a":[1,{"b":null}]}}"#,
            r#"{"type":"gongshu-reader:request-height","version":1,"pair":"\ud83d\ude00"}"#,
        ] {
            assert_eq!(
                from_parent(&c, "https://portal.example", good, read_envelope),
                Some(FromParent::RequestHeight),
                "{good}"
            );
        }
        assert_eq!(from_parent(&c, "https://portal.example", "[iFrameSizer]<img>:8", read_envelope), None);
        assert_eq!(
            from_parent(&c, "https://portal.example", "[iFrameSizer]f:8px", read_envelope),
            None,
            "margin is a number"
        );
        assert!(["0", "8", "-1.5", "12.25"].iter().all(|n| is_number(n)));
        assert!(!["", "-", "1.", ".5", "1e3", "NaN", "8px"].iter().any(|n| is_number(n)));
        assert_eq!(
            from_parent(&c, "https://portal.example", "[iFrameSizer]iFrameResizer0:resize", read_envelope),
            None,
            "not a hello"
        );
        let default_port =
            EmbedConfig::parse("?origin=https://portal.example:443/x&origin=http://b.example:80", true, "");
        assert_eq!(default_port.origins, ["https://portal.example", "http://b.example"]);
        assert_eq!(from_parent(&c, "https://portal.example", &"x".repeat(5000), read_envelope), None);
    }
}
