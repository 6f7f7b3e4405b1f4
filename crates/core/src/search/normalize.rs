//! normalize: folds text so that what a reader types meets what was printed. Each folded
//! character keeps the byte range of the original character it came from, so matches
//! found in folded text highlight the original text exactly.
//!
//! | original       | folded   | why                                   |
//! |----------------|----------|---------------------------------------|
//! | `ＢＩＭ２０１９` | `bim2019` | full-width → half-width, case folding |
//! | `區長`          | `区长`    | traditional → simplified (OpenCC)     |
//! | `残\u{200B}联`  | `残联`    | zero-width and format characters go   |
//! | `a\u{3000}\tb` | `a  b`   | every space and control is a space    |
//! | `二〇一九`      | `二零一九` | the ideographic zero (no Han character) is 零 |

use super::tables::installed;

/// One folded character and the original bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Folded {
    /// The folded character.
    pub c: char,
    /// Byte offset of the original character.
    pub start: u32,
    /// Byte offset just past the original character.
    pub end: u32,
}

/// Folds `text` character by character; removed characters leave no entry.
pub fn fold(text: &str) -> Vec<Folded> {
    text.char_indices()
        .filter_map(|(i, c)| fold_char(c).map(|f| Folded { c: f, start: i as u32, end: (i + c.len_utf8()) as u32 }))
        .collect()
}

/// The folded form of one character, `None` when it is dropped.
pub fn fold_char(c: char) -> Option<char> {
    if is_format(c) {
        return None;
    }
    if c.is_whitespace() || c.is_control() {
        return Some(' ');
    }
    let c = match c as u32 {
        // Full-width ASCII variants sit at a fixed distance from ASCII.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3007 => '零',
        _ => c,
    };
    let c = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    };
    Some(simplified(c))
}

/// The simplified form of a traditional character, or the character itself.
pub fn simplified(c: char) -> char {
    let t = installed();
    let found = u16::try_from(u32::from(c)).ok().and_then(|unit| t.t2s_from().binary_search(&unit).ok());
    found.and_then(|i| char::from_u32(t.tables.t2s_to[i].into())).unwrap_or(c)
}

/// Zero-width, bidi and other format characters (Unicode category Cf and friends) that
/// are invisible and would otherwise split or disguise words.
fn is_format(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_point_at_the_original_bytes() {
        let text = "Ａ區\u{200B}b";
        let folded = fold(text);
        let spans: Vec<&str> = folded.iter().map(|f| &text[f.start as usize..f.end as usize]).collect();
        assert_eq!(spans, ["Ａ", "區", "b"]);
    }
}
