//! Letters and digits outside Han: what makes a word token (`tokenize`). The scripts a
//! reader of these texts meets: Latin (with pinyin's tone marks and ü), Greek, Cyrillic,
//! kana and Hangul. Other scripts are breaks, like punctuation, in text and query alike.
//!
//! std's `char::is_alphanumeric` covers all of Unicode with tables the WASM would carry
//! (1.4 KB of the first load, gzip); these ranges are a subset of it, which a test checks.
//! What it counted and these do not (①, Ⅱ, ², other scripts' letters and digits) now
//! breaks words; the content has none of it.

/// Whether `c` is a letter or digit of a word (not Han: see `han::is_han`).
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c as u32,
            0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x370..=0x373 | 0x376 | 0x377
            | 0x37B..=0x37D | 0x386 | 0x388..=0x38A | 0x38C | 0x38E..=0x3A1 | 0x3A3..=0x3F5 | 0x3F7..=0x481
            | 0x48A..=0x52F | 0x3041..=0x3096 | 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0xAC00..=0xD7A3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_are_letters_and_digits() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32).filter(|&c| is_word_char(c)) {
            assert!(c.is_alphanumeric(), "U+{:04X} {c}", c as u32);
        }
        for c in ['a', 'Z', '7', 'ü', 'ǚ', 'Ω', 'я', 'か', 'カ', 'ー', '한'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [' ', '，', '×', '÷', '·', '-', '😀', '\u{3000}'] {
            assert!(!is_word_char(c), "{c}");
        }
    }
}
