//! Homophones: which characters of the content a query character may have been picked for
//! in a pinyin IME. The reader typed the letters of a word of the text, and picked a
//! character the keyboard shows for them: one whose everyday reading (toneless) is a
//! reading of the text's character, in whatever word it stands. A query character the
//! content uses has its everyday reading first in the pinyin table; another common one (in
//! `sounds_text`) has it there; any other has none and sounds like nothing but itself.
//!
//! Rare readings of the typed character are not used: 足 (zu) is also read ju in old texts,
//! and no reader picks it for 局.

use super::pinyin::{reading_id, reading_rows, reading_set};
use super::tables::installed;

/// The everyday toneless reading of any character, if known.
pub fn everyday_reading(c: char) -> Option<&'static str> {
    reading_set(reading_id(c)).next().or_else(|| {
        installed().tables.sounds_text.split(' ').find_map(|group| {
            let letters = group.bytes().take_while(u8::is_ascii_lowercase).count();
            group[letters..].contains(c).then(|| &group[..letters])
        })
    })
}

/// `typed` first, then the content's other characters it may have been picked for: those
/// with its everyday reading among theirs.
pub fn homophones(typed: char) -> Vec<char> {
    let mut out = vec![typed];
    if let Some(r) = everyday_reading(typed) {
        let by_reading = by_reading();
        let from = by_reading.partition_point(|&(mine, _)| mine < r);
        let same = by_reading[from..].iter().take_while(|&&(mine, _)| mine == r);
        out.extend(same.map(|&(_, c)| c).filter(|&c| c != typed));
    }
    out
}

/// Every (reading, character) of the pinyin table, by reading, worked out once.
fn by_reading() -> &'static [(&'static str, char)] {
    let t = installed();
    t.by_reading(|| {
        let mut all: Vec<(&'static str, char)> = (0..reading_rows())
            .flat_map(|row| {
                let c = char::from_u32(u32::from(t.pinyin_chars()[usize::from(row)])).unwrap_or_default();
                reading_set(row).map(move |r| (r, c))
            })
            .collect();
        super::sort_by(&mut all, |a, b| a.0.cmp(b.0));
        all
    })
}
