//! Which of the device's voices reads Chinese: a Mandarin voice for simplified Chinese
//! (`zh-CN`, `zh-Hans`, `cmn-Hans-CN`, Android's `zh_CN`) first, then other Mandarin ones
//! (`zh-TW`, `cmn`), a voice on the device before a network one. Cantonese (`zh-HK`,
//! `yue`) is not chosen: it would read the text in another language.
//!
//! | voices | chosen |
//! | --- | --- |
//! | `en-US`, `zh-CN` (network), `zh-CN` (local) | the local `zh-CN` |
//! | `en-US`, `zh-TW` | `zh-TW` |
//! | `en-US`, `zh-HK` | none: say so instead |

/// What the player needs to know of a voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceInfo {
    /// Its BCP 47 tag as the engine gives it (`zh-CN`, `zh_CN`, `cmn-Hans-CN`).
    pub lang: String,
    /// Whether it runs on the device (`localService`).
    pub local: bool,
}

/// How well a language tag fits simplified Chinese text: 0 best, `None` not at all.
fn fit(lang: &str) -> Option<u8> {
    let tag = lang.trim().replace('_', "-").to_ascii_lowercase();
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    if !matches!(language, "zh" | "cmn") {
        return None;
    }
    let rest: Vec<&str> = parts.collect();
    if rest.iter().any(|p| matches!(*p, "hk" | "mo" | "yue")) {
        return None;
    }
    let simplified = rest.iter().any(|p| matches!(*p, "cn" | "hans" | "sg"));
    let traditional = rest.iter().any(|p| matches!(*p, "tw" | "hant"));
    Some(match (simplified, traditional) {
        (true, _) => 0,
        (false, false) => 1,
        (false, true) => 2,
    })
}

/// The index of the voice to read with, if any reads Chinese.
pub fn choose(voices: &[VoiceInfo]) -> Option<usize> {
    voices.iter().enumerate().filter_map(|(i, v)| fit(&v.lang).map(|f| (f, !v.local, i))).min().map(|(_, _, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Voices as (lang, local), and the index chosen.
    type Case<'a> = (&'a [(&'a str, bool)], Option<usize>);

    fn voices(list: &[(&str, bool)]) -> Vec<VoiceInfo> {
        list.iter().map(|&(lang, local)| VoiceInfo { lang: lang.into(), local }).collect()
    }

    #[test]
    fn mandarin_for_simplified_text_and_local_first() {
        let cases: &[Case] = &[
            (&[], None),
            (&[("en-US", true), ("en-GB", false)], None),
            (&[("en-US", true), ("zh-CN", false), ("zh-CN", true)], Some(2)),
            (&[("zh-TW", true), ("zh_CN", false)], Some(1)),
            (&[("en-US", true), ("zh-TW", true)], Some(1)),
            (&[("cmn-Hans-CN", false)], Some(0)),
            (&[("ZH-hans", true)], Some(0)),
            (&[("zh", true), ("zh-Hant-TW", true)], Some(0)),
            (&[("zh-HK", true), ("yue-Hant-HK", true), ("zh-yue", true)], None),
            (&[("zhx", true), ("z", true), ("", true)], None),
        ];
        for &(list, want) in cases {
            assert_eq!(choose(&voices(list)), want, "{list:?}");
        }
    }
}
