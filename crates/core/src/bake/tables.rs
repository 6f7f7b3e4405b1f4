//! The search tables for exactly the characters the content uses: every pinyin reading of
//! each Han character (from the `pinyin` crate; all readings, because per-character data
//! cannot know which one a polyphone takes in context), common characters of the same
//! sounds for homophones, and the traditional → simplified pairs whose simplified side
//! occurs (OpenCC's Apache-2.0 tables, through `ferrous-opencc`). So the WASM carries only
//! what the content needs. Compact on purpose: see `crate::search::tables`, which owns the
//! type; its constructors are the build's, here.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::model::Page;
use crate::han::is_han;
use crate::search::tables::{SearchTables, ROW_END};

impl SearchTables {
    /// The tables for every character of `pages` (departments, authors, posts, text).
    pub fn of(pages: &[Page]) -> Result<Self, String> {
        let used: BTreeSet<char> = pages
            .iter()
            .flat_map(|p| p.articles.iter())
            .flat_map(|a| {
                let fields = [&a.department, &a.author].into_iter().chain(a.posts.iter());
                fields.flat_map(|f| f.chars()).chain(a.blocks().flat_map(str::chars)).collect::<Vec<_>>()
            })
            .collect();
        Self::for_chars(&used)
    }

    /// The tables for the characters `used`.
    pub fn for_chars(used: &BTreeSet<char>) -> Result<Self, String> {
        let mut out = Self::default();
        let mut chars = Vec::new();
        // Han characters beyond the BMP (none in the content so far, and none a pinyin IME
        // offers for these texts) get no readings: the tables hold UTF-16 units.
        let mut content_readings = BTreeSet::new();
        for &c in used.iter().filter(|&&c| is_han(c) && u32::from(c) <= 0xFFFF) {
            let readings = toneless_readings(c);
            content_readings.extend(readings.iter().cloned());
            if !readings.is_empty() {
                let row = readings.join(" ");
                chars.push(bmp(c)?);
                out.pinyin_text.push_str(&row);
                out.pinyin_text.push(ROW_END);
            }
        }
        if u16::try_from(out.pinyin_text.len()).is_err() {
            return Err("pinyin readings exceed 64 KiB: widen the row bounds in search/tables.rs".into());
        }
        out.pinyin_char_steps = steps(&chars)?;
        out.sounds_text = sounds_text(used, &content_readings);
        let (traditional, simplified) = traditional_pairs(used)?;
        out.t2s_from_steps = steps(&traditional)?;
        out.t2s_to = simplified;
        Ok(out)
    }
}

fn bmp(c: char) -> Result<u16, String> {
    u16::try_from(u32::from(c)).map_err(|_| format!("{c:?} is outside the BMP"))
}

/// Every Han character of the BMP that OpenCC (traditional, Taiwan or Hong Kong forms)
/// turns into one other character the content uses, with that character; sorted.
fn traditional_pairs(used: &BTreeSet<char>) -> Result<(Vec<u16>, Vec<u16>), String> {
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};
    let converters = [BuiltinConfig::T2s, BuiltinConfig::Tw2s, BuiltinConfig::Hk2s]
        .into_iter()
        .map(|config| OpenCC::from_config(config).map_err(|e| format!("OpenCC tables: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let (mut traditional, mut simplified) = (Vec::new(), Vec::new());
    for c in (0x3400u32..=0xFFFF).filter_map(char::from_u32).filter(|&c| is_han(c)) {
        let original = c.to_string();
        let found = converters.iter().map(|cc| cc.convert(&original)).find_map(|s| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(s), None) if s != c && used.contains(&s) => Some(s),
                _ => None,
            }
        });
        if let Some(s) = found {
            traditional.push(bmp(c)?);
            simplified.push(bmp(s)?);
        }
    }
    Ok((traditional, simplified))
}

/// A sorted list of UTF-16 units as the steps between them (from 0): one byte a step below
/// 255, else 255 and the step in two bytes, little-endian. Sorted characters of a text lie
/// close together, so this is a third of the size gzip makes of the units themselves.
pub fn steps(units: &[u16]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut last = 0u16;
    for &u in units {
        let step = u.checked_sub(last).ok_or("steps of an unsorted list")?;
        match u8::try_from(step) {
            Ok(small) if small < 255 => out.push(small),
            _ => out.extend([255, step as u8, (step >> 8) as u8]),
        }
        last = u;
    }
    Ok(out)
}

/// The toneless readings of a character, ü written v (readers type lü as lv, as every
/// pinyin keyboard does), distinct: its everyday reading first, the others sorted.
fn toneless_readings(c: char) -> Vec<String> {
    use pinyin::ToPinyinMulti;
    let readings: Vec<&str> =
        c.to_pinyin_multi().map(|m| m.into_iter().map(|p| p.plain()).collect()).unwrap_or_default();
    let mut readings: Vec<String> =
        readings.into_iter().map(|r| r.replace('ü', "v")).filter(|r| !r.is_empty()).collect();
    let everyday = primary_reading(c).filter(|r| readings.contains(r));
    readings.retain(|r| Some(r) != everyday.as_ref());
    readings.sort_unstable();
    readings.dedup();
    readings.splice(0..0, everyday);
    readings
}

fn primary_reading(c: char) -> Option<String> {
    use pinyin::ToPinyin;
    c.to_pinyin().map(|p| p.plain().replace('ü', "v"))
}

/// How often (in jieba's dictionary, as a word of its own) a common character must occur to
/// be offered as a homophone: the ~900 most used that the content does not use (2.8 KB
/// gzip; at 400, with 蒜 (478) for 预蒜, 1,550 and 4.4 KB). With the content's own ~1,100,
/// they are about the 2,000 characters an IME lists first.
const SOUNDS_MIN_FREQ: usize = 1000;

/// The common characters (GB 2312 level 1, decoded from its code table) that the content
/// does not use and readers still type often (`SOUNDS_MIN_FREQ`), grouped under their
/// everyday reading where the content has that reading: a reader who picks one of them for
/// a word of the articles typed the right sound and the wrong character.
fn sounds_text(used: &BTreeSet<char>, readings: &BTreeSet<String>) -> String {
    let jieba = jieba_rs::Jieba::new();
    let mut groups: BTreeMap<String, String> = BTreeMap::new();
    for (row, cell) in (0xB0u8..=0xD7).flat_map(|row| (0xA1u8..=0xFE).map(move |cell| (row, cell))) {
        let bytes = [row, cell];
        let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
        let mut chars = text.chars();
        let (Some(c), None, false) = (chars.next(), chars.next(), bad) else { continue };
        if !is_han(c) || used.contains(&c) || u32::from(c) > 0xFFFF {
            continue;
        }
        if jieba.suggest_freq(&c.to_string()) < SOUNDS_MIN_FREQ {
            continue;
        }
        for r in primary_reading(c).into_iter().filter(|r| readings.contains(r)) {
            groups.entry(r).or_default().push(c);
        }
    }
    groups.into_iter().map(|(r, chars)| format!("{r}{chars}")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tables::unpack;

    #[test]
    fn steps_unpack_to_the_list_they_were_made_from() {
        let list = [3u16, 10_003, 10_003, 10_257, 0xFFFF];
        assert_eq!(steps(&list).unwrap(), [3, 255, 0x10, 0x27, 0, 254, 255, 0xEE, 0xD7]);
        assert_eq!(unpack(&steps(&list).unwrap()), list);
        assert!(steps(&[5, 4]).is_err(), "an unsorted list is refused");
    }

    #[test]
    fn the_tables_hold_the_readings_and_forms_of_the_characters_used() {
        let t = SearchTables::for_chars(&"残联行a".chars().collect()).unwrap();
        let chars = unpack(&t.pinyin_char_steps);
        assert_eq!(chars, ['残' as u16, '联' as u16, '行' as u16], "Han only, sorted");
        let rows: Vec<&str> = t.pinyin_text.split_terminator(ROW_END).collect();
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0], "can");
        assert!(
            rows[2].split(' ').any(|r| r == "xing") && rows[2].split(' ').any(|r| r == "hang"),
            "every reading of 行: {rows:?}"
        );
        let from = unpack(&t.t2s_from_steps);
        let at = from.binary_search(&('聯' as u16)).expect("聯 → 联");
        assert_eq!(t.t2s_to[at], '联' as u16);
        assert!(t.t2s_to.iter().all(|&s| s == '残' as u16 || s == '联' as u16 || s == '行' as u16));
        assert!(t.sounds_text.split(' ').any(|g| g.starts_with("lian") && g.contains('连')), "{}", t.sounds_text);
    }
}
