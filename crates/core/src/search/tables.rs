//! The search's tables for the characters the content uses, which the build generates
//! (`SearchTables`, made by `crate::bake`) and the app installs once at start-up: pinyin readings
//! (`pinyin_char_steps`, `pinyin_text`), the common characters the content
//! does not use, by reading, for homophones (`sounds_text`), and traditional → simplified
//! (`t2s_from_steps`, `t2s_to`). Characters are UTF-16 units: all are in the BMP. Sorted
//! lists are stored as steps, which compress to a third, and unpacked on first use.
//!
//! Until tables are installed the search works without them: no pinyin, no homophones
//! beyond the character itself, no traditional forms (what the build's insights need).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The tables as the build writes them (borrowed, so they can be `static` data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tables<'a> {
    /// Every Han character the content uses that has a pinyin reading, sorted, as steps.
    pub pinyin_char_steps: &'a [u8],
    /// Every toneless reading (ü typed as v) of each character, its everyday one first,
    /// separated by spaces, a row a character, each row ended by [`ROW_END`] (which, as
    /// page data, weighs less than a list of the rows' lengths: 0.5 KB gzip on page 3).
    pub pinyin_text: &'a str,
    /// Common characters outside the content that a pinyin IME offers for the content's
    /// readings, grouped by reading (`suan蒜酸 …`), for homophones.
    pub sounds_text: &'a str,
    /// Traditional (and Taiwan/Hong Kong variant) characters whose simplified form the
    /// content uses, sorted, as steps.
    pub t2s_from_steps: &'a [u8],
    /// The simplified form of the `i`th character of `t2s_from_steps`.
    pub t2s_to: &'a [u16],
}

impl Tables<'_> {
    /// No tables at all.
    pub const EMPTY: Tables<'static> =
        Tables { pinyin_char_steps: &[], pinyin_text: "", sounds_text: "", t2s_from_steps: &[], t2s_to: &[] };
}

/// The tables, owned: as the build makes them (`crate::bake`, which has the constructors)
/// and as a page's data carries them (`crate::content::bundle`); `tables` borrows them in
/// the search's form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchTables {
    /// [`Tables::pinyin_char_steps`], owned.
    pub pinyin_char_steps: Vec<u8>,
    /// [`Tables::pinyin_text`], owned.
    pub pinyin_text: String,
    /// [`Tables::sounds_text`], owned.
    pub sounds_text: String,
    /// [`Tables::t2s_from_steps`], owned.
    pub t2s_from_steps: Vec<u8>,
    /// [`Tables::t2s_to`], owned.
    pub t2s_to: Vec<u16>,
}

impl SearchTables {
    /// Whether the tables hold together, so that the search's lookups by them stay in
    /// bounds: ASCII readings under 64 KiB, a row of them for every character, a simplified
    /// form for every traditional one. Tables read from a page are checked before use.
    pub fn check(&self) -> Result<(), String> {
        let text = &self.pinyin_text;
        if !text.is_ascii() || text.len() > usize::from(u16::MAX) {
            return Err("tables.pinyin_text: not ASCII readings under 64 KiB".to_owned());
        }
        let (chars, rows) = (unpack(&self.pinyin_char_steps).len(), text.split_terminator(ROW_END).count());
        if chars != rows {
            return Err(format!("tables: {chars} characters but {rows} rows of readings"));
        }
        let (from, to) = (unpack(&self.t2s_from_steps).len(), self.t2s_to.len());
        if from != to {
            return Err(format!("tables: {from} traditional characters but {to} simplified"));
        }
        Ok(())
    }

    /// The tables in the search's form, borrowed.
    pub fn tables(&self) -> Tables<'_> {
        Tables {
            pinyin_char_steps: &self.pinyin_char_steps,
            pinyin_text: &self.pinyin_text,
            sounds_text: &self.sounds_text,
            t2s_from_steps: &self.t2s_from_steps,
            t2s_to: &self.t2s_to,
        }
    }
}

/// Installed tables, with what is derived from them worked out once, on first use.
#[derive(Debug)]
pub struct Unpacked {
    /// The tables as written.
    pub tables: Tables<'static>,
    pinyin_chars: OnceLock<Vec<u16>>,
    row_bounds: OnceLock<Vec<(u16, u16)>>,
    t2s_from: OnceLock<Vec<u16>>,
    by_reading: OnceLock<Vec<(&'static str, char)>>,
}

impl Unpacked {
    const fn new(tables: Tables<'static>) -> Self {
        Self {
            tables,
            pinyin_chars: OnceLock::new(),
            row_bounds: OnceLock::new(),
            t2s_from: OnceLock::new(),
            by_reading: OnceLock::new(),
        }
    }

    /// Every Han character the content uses that has a pinyin reading, sorted.
    pub fn pinyin_chars(&self) -> &[u16] {
        self.pinyin_chars.get_or_init(|| unpack(self.tables.pinyin_char_steps))
    }

    /// Where each row of readings starts and ends in `pinyin_text` (the build keeps the
    /// text under 64 KiB).
    pub fn row_bounds(&self) -> &[(u16, u16)] {
        self.row_bounds.get_or_init(|| {
            let mut start = 0u16;
            let bound = |row: &str| {
                let bounds = (start, start.saturating_add(row.len() as u16));
                start = bounds.1.saturating_add(1);
                bounds
            };
            self.tables.pinyin_text.split_terminator(ROW_END).map(bound).collect()
        })
    }

    /// Traditional characters whose simplified form the content uses, sorted; `t2s_to`
    /// holds the simplified forms.
    pub fn t2s_from(&self) -> &[u16] {
        self.t2s_from.get_or_init(|| unpack(self.tables.t2s_from_steps))
    }

    /// Worked out once by `init` (the homophones' index by reading).
    pub fn by_reading(&self, init: impl FnOnce() -> Vec<(&'static str, char)>) -> &[(&'static str, char)] {
        self.by_reading.get_or_init(init)
    }
}

/// What ends each row of `Tables::pinyin_text`.
pub const ROW_END: char = ',';

static INSTALLED: OnceLock<Unpacked> = OnceLock::new();
static NONE: Unpacked = Unpacked::new(Tables::EMPTY);

/// Installs the tables the search uses from now on; only the first call counts (the app
/// installs its embedded tables when it first reads its library). Whether this call did.
pub fn install(tables: Tables<'static>) -> bool {
    INSTALLED.set(Unpacked::new(tables)).is_ok()
}

/// The installed tables, or none yet.
pub fn installed() -> &'static Unpacked {
    INSTALLED.get().unwrap_or(&NONE)
}

/// A sorted list from its steps: each one byte, or 255 and two bytes (little-endian).
pub fn unpack(steps: &[u8]) -> Vec<u16> {
    let byte = |i: usize| steps.get(i).copied().unwrap_or(0);
    let mut out = Vec::new();
    let (mut last, mut at) = (0u16, 0);
    while at < steps.len() {
        let step = match byte(at) {
            255 => u16::from_le_bytes([byte(at + 1), byte(at + 2)]),
            small => u16::from(small),
        };
        at += if byte(at) == 255 { 3 } else { 1 };
        last = last.wrapping_add(step);
        out.push(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_that_do_not_hold_together_are_refused() {
        let good = SearchTables {
            pinyin_char_steps: vec![1, 2],
            pinyin_text: "a,b c,".into(),
            t2s_from_steps: vec![5],
            t2s_to: vec![7],
            ..SearchTables::default()
        };
        assert_eq!(good.check(), Ok(()));
        assert_eq!(SearchTables::default().check(), Ok(()));
        let cases = [
            (SearchTables { t2s_to: vec![], ..good.clone() }, "tables: 1 traditional characters but 0 simplified"),
            (SearchTables { pinyin_text: "a,".into(), ..good.clone() }, "tables: 2 characters but 1 rows of readings"),
            (
                SearchTables { pinyin_text: "é,b,".into(), ..good.clone() },
                "tables.pinyin_text: not ASCII readings under 64 KiB",
            ),
            (
                SearchTables { pinyin_text: "a,".repeat(40_000), ..good.clone() },
                "tables.pinyin_text: not ASCII readings under 64 KiB",
            ),
        ];
        for (tables, said) in cases {
            assert_eq!(tables.check().unwrap_err(), said);
        }
    }

    #[test]
    fn without_tables_nothing_has_a_reading_or_a_traditional_form() {
        assert!(NONE.pinyin_chars().is_empty() && NONE.row_bounds().is_empty() && NONE.t2s_from().is_empty());
    }
}
