//! tokenize: folded text → tokens. One tokenizer for indexing and querying, so both sides
//! always split text the same way.
//!
//! Each Han character is a token (phrases are matched by position, so any run of
//! characters that occurs in the text is found — no dictionary segmenter to disagree
//! between index and query). A run of other letters or digits is one word token. Spaces,
//! punctuation and symbols are breaks: they leave a gap in the positions, so a phrase never
//! matches across them.
//!
//! | text         | tokens (key@position)                 |
//! |--------------|---------------------------------------|
//! | `残联工作`    | 残@0 联@1 工@2 作@3                    |
//! | `BIM技术`     | bim@0 技@1 术@2                        |
//! | `改革，开放`  | 改@0 革@1 开@3 放@4 (gap at the comma) |
//! | `1.5万方`     | 1@0 5@2 万@3 方@4                      |
//!
//! Byte offsets (`start`, `end`) are into the original, unfolded text.

use super::letters::is_word_char;
use super::normalize::{fold, Folded};
use crate::han::is_han;

/// What a token matches on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// One Han character.
    Han(char),
    /// A folded run of letters and digits.
    Word(Box<str>),
}

/// A token with its position and original byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What it matches on.
    pub key: Key,
    /// Position in the token stream; breaks leave gaps.
    pub pos: u32,
    /// Byte offset of its first original character.
    pub start: u32,
    /// Byte offset just past its last original character.
    pub end: u32,
}

/// Tokenizes original text (folding it first).
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_folded(&fold(text))
}

/// Tokenizes already folded characters.
pub fn tokenize_folded(folded: &[Folded]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = 0u32;
    let mut gap = false;
    let mut i = 0;
    while i < folded.len() {
        let f = folded[i];
        if is_han(f.c) || is_word_char(f.c) {
            if gap && !tokens.is_empty() {
                pos += 1;
            }
            gap = false;
            if is_han(f.c) {
                tokens.push(Token { key: Key::Han(f.c), pos, start: f.start, end: f.end });
                i += 1;
            } else {
                let first = i;
                while i < folded.len() && is_word_char(folded[i].c) {
                    i += 1;
                }
                let word: String = folded[first..i].iter().map(|f| f.c).collect();
                tokens.push(Token { key: Key::Word(word.into()), pos, start: f.start, end: folded[i - 1].end });
            }
            pos += 1;
        } else {
            gap = true;
            i += 1;
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        tokenize(text)
            .iter()
            .map(|t| match &t.key {
                Key::Han(c) => format!("{c}@{}", t.pos),
                Key::Word(w) => format!("{w}@{}", t.pos),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn tokens_like_the_table() {
        for (text, tokens) in [
            ("残联工作", "残@0 联@1 工@2 作@3"),
            ("BIM技术", "bim@0 技@1 术@2"),
            ("改革，开放", "改@0 革@1 开@3 放@4"),
            ("1.5万方", "1@0 5@2 万@3 方@4"),
            ("，开头", "开@0 头@1"),
            ("Windows 10 与", "windows@0 10@2 与@4"),
            ("", ""),
            ("。。。", ""),
        ] {
            assert_eq!(show(text), tokens, "{text}");
        }
    }

    #[test]
    fn offsets_slice_the_original() {
        let text = "ＢＩＭ技術";
        let spans: Vec<&str> = tokenize(text).iter().map(|t| &text[t.start as usize..t.end as usize]).collect();
        assert_eq!(spans, ["ＢＩＭ", "技", "術"]);
    }
}
