//! Which characters are Han (CJK unified and compatibility ideographs), in one place for
//! the tokenizer, the ingest (names are Han) and the baking (which characters get pinyin).

/// Whether `c` is a Han character: the CJK Unified Ideographs and their extensions A–I,
/// and the compatibility ideographs.
///
/// | block                               | range           |
/// |-------------------------------------|-----------------|
/// | Extension A                         | U+3400–U+4DBF   |
/// | Unified Ideographs                  | U+4E00–U+9FFF   |
/// | Compatibility Ideographs            | U+F900–U+FAFF   |
/// | Extension B                         | U+20000–U+2A6DF |
/// | Extensions C, D, E, F, I            | U+2A700–U+2EE5F |
/// | Compatibility Ideographs Supplement | U+2F800–U+2FA1F |
/// | Extensions G, H                     | U+30000–U+323AF |
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EE5F
            | 0x2F800..=0x2FA1F | 0x30000..=0x323AF)
}

#[cfg(test)]
mod tests {
    use super::is_han;

    #[test]
    fn han_and_not() {
        for c in ['区', '㐀', '鿿', '﨑', '𠀀', '𪜀', '丽', '𰀀', '谢'] {
            assert!(is_han(c), "{c} U+{:X}", c as u32);
        }
        for c in ['a', '1', '，', '。', '·', '（', 'ー', 'か', '한', '\u{3000}', '\u{2A6E0}'] {
            assert!(!is_han(c), "{c} U+{:X}", c as u32);
        }
    }
}
