//! keys: what the sharded index files articles under, and what a query term needs of them.
//!
//! An article is filed under a key for every sound it holds: each pair of adjacent Han
//! characters by their toneless readings (every reading of a polyphone), each Han
//! character by its readings, each word of letters or digits as itself, and each pair a
//! pinyin query can start at (what the first character consumes, its reading or initial,
//! and the letter the second starts with, as `index` keys them), and each three adjacent
//! characters by their initials. Keys are 32-bit hashes:
//! two that collide only add an article to check, never lose one, because every article
//! a key names is searched in full before it is shown.
//!
//! A term of characters needs, for each pair of adjacent ones, the pair of their everyday
//! readings: the characters themselves hold it, and so does a run that sounds like them
//! (`sounds`: a homophone has the typed character's everyday reading among its own).
//!
//! | term        | needs                                        |
//! |-------------|----------------------------------------------|
//! | `残联`       | pair `can lian`                              |
//! | `残疾人`     | pairs `can ji`, `ji ren`                      |
//! | `局`         | reading `ju`                                 |
//! | `bim技术`    | word `bim`, pair `ji shu`                     |
//! | `cl`         | a start `c`+`l` (or the reading `cl`: none)   |
//! | `czj`        | initials `c z j` of three adjacent characters |
//! | `10家`       | word `10` then the sound `jia`                |
//!
//! Apart from its text, an article is filed under its department (`department`): a search
//! held to departments looks them up too.

use super::super::pinyin::{consumptions, pair_key, reading_id, reading_rows, reading_set};
use super::super::sounds::everyday_reading;
use super::super::tokenize::{Key, Token};

/// A key: a hash of what it names.
pub type ShardKey = u32;

/// FNV-1a, 32 bits, of a tag and bytes.
fn hash(tag: u8, parts: &[&[u8]]) -> ShardKey {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    eat(tag);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            eat(b' ');
        }
        part.iter().for_each(|&b| eat(b));
    }
    h
}

/// A Han character's sound, or the character itself when no reading is known.
fn sound(c: char, reading: Option<&str>) -> Vec<u8> {
    match reading {
        Some(r) => r.as_bytes().to_vec(),
        None => {
            let mut buf = [0u8; 4];
            let mut v = vec![b'#'];
            v.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            v
        }
    }
}

/// The key of two adjacent sounds.
pub fn pair(a: &[u8], b: &[u8]) -> ShardKey {
    hash(b'P', &[a, b])
}

/// The key of one sound.
pub fn single(a: &[u8]) -> ShardKey {
    hash(b'S', &[a])
}

/// The key of a word of letters or digits.
pub fn word(w: &str) -> ShardKey {
    hash(b'W', &[w.as_bytes()])
}

/// The key of three adjacent characters by their initials (the first letter of a reading
/// each): where pinyin initials of three letters or more (czj) can be, in their order.
pub fn initials(letters: [u8; 3]) -> ShardKey {
    hash(b'T', &[&letters])
}

/// The first letters of `readings`, once each.
fn first_letters(readings: &[&str]) -> Vec<u8> {
    let mut letters: Vec<u8> = Vec::new();
    for b in readings.iter().filter_map(|r| r.bytes().next()) {
        if !letters.contains(&b) {
            letters.push(b);
        }
    }
    letters
}

/// The key of a department (its short name): every article of it is filed under it, so a
/// search held to departments ranks and fetches only theirs.
pub fn department(short: &str) -> ShardKey {
    hash(b'D', &[short.as_bytes()])
}

/// The key of a word of letters or digits and the sound of the character right after it
/// (`10家`): a number written the other way is found where it is, not wherever its
/// digits and its character each are.
pub fn word_then(w: &str, sound: &[u8]) -> ShardKey {
    hash(b'N', &[w.as_bytes(), sound])
}

/// The key of a pinyin start (see `pinyin::pair_key`).
pub fn start(first: &str, next: u8) -> ShardKey {
    hash(b'I', &[&pair_key(first, next).to_le_bytes()])
}

/// Every sound a character of the text has: each reading, or the character itself.
fn sounds_of(c: char) -> Vec<Vec<u8>> {
    let readings: Vec<Vec<u8>> = reading_set(reading_id(c)).map(|r| r.as_bytes().to_vec()).collect();
    if readings.is_empty() {
        vec![sound(c, None)]
    } else {
        readings
    }
}

/// Adds the keys of a passage's tokens to `out` (duplicates included).
pub fn text_keys(tokens: &[Token], out: &mut Vec<ShardKey>) {
    // The previous character: its position, sounds, readings and their first letters.
    type Previous = (u32, Vec<Vec<u8>>, Vec<&'static str>, Vec<u8>);
    let mut prev: Option<Previous> = None;
    // The first letters of the character before the previous one, with its position.
    let mut before: Option<(u32, Vec<u8>)> = None;
    let mut word_before: Option<(u32, &str)> = None;
    for t in tokens {
        match &t.key {
            Key::Word(w) => {
                out.push(word(w));
                prev = None;
                before = None;
                word_before = Some((t.pos, w));
            }
            Key::Han(c) => {
                let sounds = sounds_of(*c);
                if let Some((_, w)) = word_before.take().filter(|b| b.0 + 1 == t.pos) {
                    out.extend(sounds.iter().map(|s| word_then(w, s)));
                }
                let readings: Vec<&'static str> = reading_set(reading_id(*c)).collect();
                for s in &sounds {
                    out.push(single(s));
                }
                let letters = first_letters(&readings);
                let adjacent = prev.as_ref().filter(|p| p.0 + 1 == t.pos);
                if let Some((p, before_sounds, before_readings, before_letters)) = adjacent {
                    for a in before_sounds {
                        for b in &sounds {
                            out.push(pair(a, b));
                        }
                    }
                    for &r in before_readings {
                        for first in consumptions(r) {
                            for b in &readings {
                                out.push(start(first, b.as_bytes()[0]));
                            }
                        }
                    }
                    if let Some((_, two_back)) = before.as_ref().filter(|b| b.0 + 1 == *p) {
                        for &a in two_back {
                            for &b in before_letters {
                                for &c in &letters {
                                    out.push(initials([a, b, c]));
                                }
                            }
                        }
                    }
                }
                before = prev.take().map(|(p, _, _, l)| (p, l));
                prev = Some((t.pos, sounds, readings, letters));
            }
        }
    }
}

/// The everyday sound of a character of a query.
fn typed_sound(c: char) -> Vec<u8> {
    sound(c, everyday_reading(c))
}

/// What a phrase of tokens needs: a group per adjacent pair of characters, or per
/// character that stands alone, and per word; each group is met by any of its keys.
/// A word that may be pinyin (`letters[i]` is some) is met as itself or where its pinyin
/// can start.
pub fn phrase_needs(tokens: &[Token], letters: &[Option<String>]) -> Vec<Vec<ShardKey>> {
    let mut needs = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let next_han = match tokens.get(i + 1) {
            Some(Token { key: Key::Han(b), pos, .. }) if *pos == t.pos + 1 => Some(*b),
            _ => None,
        };
        let after = |key: fn(&Key) -> bool| i > 0 && tokens[i - 1].pos + 1 == t.pos && key(&tokens[i - 1].key);
        let prev_han = after(|k| matches!(k, Key::Han(_)));
        // A word that is not pinyin, right before this character: its pair holds both.
        let word_then_this = after(|k| matches!(k, Key::Word(_))) && letters.get(i - 1).is_none_or(|l| l.is_none());
        match &t.key {
            Key::Han(a) => {
                if let Some(b) = next_han {
                    needs.push(vec![pair(&typed_sound(*a), &typed_sound(b))]);
                } else if !prev_han && !word_then_this {
                    needs.push(vec![single(&typed_sound(*a))]);
                }
            }
            Key::Word(w) => {
                let pinyin = letters.get(i).and_then(|l| l.as_deref());
                let mut group = match (next_han, pinyin) {
                    (Some(b), None) => vec![word_then(w, &typed_sound(b))],
                    _ => vec![word(w)],
                };
                if let Some(pinyin) = pinyin {
                    group.extend(pinyin_starts(pinyin));
                }
                needs.push(group);
            }
        }
    }
    needs
}

/// Most ways to read a pinyin term looked up one by one; a term read more ways needs only
/// where it can start.
const MAX_READINGS: usize = 12;

/// What a term of pinyin alone needs, as alternatives: each way to read it (characters
/// consuming a reading or an initial each, the last a prefix of one when there are two or
/// more: `pinyin::match_at`) needs the start of each pair of its characters (`czj`: `c`+`z`
/// and `z`+`j`); or one group of where it can start, when it reads too many ways.
pub fn pinyin_needs(q: &str) -> Vec<Vec<Vec<ShardKey>>> {
    // Every reading of the tables, repeated where characters share one: looked through, not
    // sorted (a sort of strings would be code the WASM carries for this alone).
    let readings: Vec<&'static str> = (0..reading_rows()).flat_map(reading_set).collect();
    let mut ways = Vec::new();
    let complete = split(q, &readings, &mut Vec::new(), &mut ways);
    if !complete {
        return vec![vec![pinyin_starts(q)]];
    }
    ways.into_iter()
        .map(|units| {
            if units.len() == 1 {
                vec![vec![single(units[0].as_bytes())]]
            } else if units.len() >= 3 && units.iter().all(|u| u.len() == 1) {
                // Initials alone (czj): three by three, in their order.
                units
                    .windows(3)
                    .map(|w| vec![initials([w[0].as_bytes()[0], w[1].as_bytes()[0], w[2].as_bytes()[0]])])
                    .collect()
            } else {
                units.windows(2).map(|w| vec![start(w[0], w[1].as_bytes()[0])]).collect()
            }
        })
        .collect()
}

/// Ways to read `rest` after `units`, into `ways`; false when there are too many.
fn split<'q>(rest: &'q str, readings: &[&'static str], units: &mut Vec<&'q str>, ways: &mut Vec<Vec<&'q str>>) -> bool {
    if rest.is_empty() {
        if ways.len() == MAX_READINGS {
            return false;
        }
        ways.push(units.clone());
        return true;
    }
    for len in 1..=rest.len().min(6) {
        let unit = &rest[..len];
        let last = len == rest.len();
        let starts = readings.iter().any(|r| r.starts_with(unit));
        let whole = starts && readings.contains(&unit);
        let initial = matches!(unit, "zh" | "ch" | "sh") || (len == 1 && starts);
        let prefix = last && !units.is_empty() && starts;
        if whole || initial || prefix {
            units.push(unit);
            let more = split(&rest[len..], readings, units, ways);
            units.pop();
            if !more {
                return false;
            }
        }
    }
    true
}

/// Where pinyin can start: its whole as one reading, or a pair of characters the first
/// consuming a prefix of it (as `query::pinyin_starts` looks them up).
fn pinyin_starts(q: &str) -> Vec<ShardKey> {
    const MAX_SYLLABLE: usize = 6;
    let mut group = vec![single(q.as_bytes())];
    for len in 1..=MAX_SYLLABLE.min(q.len().saturating_sub(1)) {
        group.push(start(&q[..len], q.as_bytes()[len]));
    }
    group
}

#[cfg(test)]
mod tests {
    use super::super::super::query::parse;
    use super::*;

    fn needs(term: &str) -> Vec<Vec<ShardKey>> {
        crate::fixtures::install_third_page_tables();
        let t = &parse(term)[0];
        phrase_needs(&t.tokens, &t.letters)
    }

    #[test]
    fn needs_like_the_table() {
        assert_eq!(needs("残联"), [vec![pair(b"can", b"lian")]]);
        assert_eq!(needs("残疾人"), [vec![pair(b"can", b"ji")], vec![pair(b"ji", b"ren")]]);
        assert_eq!(needs("局"), [vec![single(b"ju")]]);
        let bim = needs("bim技术");
        assert_eq!((bim.len(), bim[0][0], &bim[1]), (2, word("bim"), &vec![pair(b"ji", b"shu")]), "bim may be pinyin");
        assert_eq!(needs("10家"), [vec![word_then("10", b"jia")]], "a number and its character, together");
        assert_eq!(needs("2019年底"), [vec![word_then("2019", b"nian")], vec![pair(b"nian", b"di")]]);
        assert!(needs("cl")[0].contains(&start("c", b'l')));
        assert_eq!(pinyin_needs("czj"), [vec![vec![initials(*b"czj")]]], "initials three by three");
        assert_eq!(pinyin_needs("sqjz"), [vec![vec![initials(*b"sqj")], vec![initials(*b"qjz")]]]);
        let canlian = pinyin_needs("canlian");
        assert!(canlian.contains(&vec![vec![start("can", b'l')]]), "can lian");
        assert!(canlian.len() > 1 && canlian.len() <= MAX_READINGS);
        assert_eq!(pinyin_needs("ju"), [vec![vec![single(b"ju")]]], "a reading alone");
    }

    #[test]
    fn text_holds_what_its_terms_and_their_sound_alikes_need() {
        crate::fixtures::install_third_page_tables();
        let held = |text: &str| {
            let mut keys = Vec::new();
            text_keys(&crate::search::tokenize::tokenize(text), &mut keys);
            keys
        };
        let counted = held("新增10家，2019年底");
        for term in ["10家", "2019年", "2019年底"] {
            assert!(needs(term).iter().all(|group| group.iter().any(|k| counted.contains(k))), "{term}");
        }
        assert!(!needs("10年").iter().all(|group| group.iter().any(|k| counted.contains(k))), "10 and 年 apart");
        let text = held("区残联，残疾人");
        for term in ["残联", "残疾人", "cl", "canlian", "残连", "qcl", "cjr"] {
            assert!(needs(term).iter().all(|group| group.iter().any(|k| text.contains(k))), "{term}");
        }
        assert!(!needs("联残").iter().all(|group| group.iter().any(|k| text.contains(k))), "the other way round");
        assert!(!text.contains(&pair(b"lian", b"can")), "not across the comma");
        assert!(!text.contains(&initials(*b"clc")), "initials not across the comma either");
        for initials_typed in ["qcl", "cjr"] {
            let ways = pinyin_needs(initials_typed);
            assert!(ways.iter().any(|way| way.iter().all(|g| g.iter().any(|k| text.contains(k)))), "{initials_typed}");
        }
    }
}
