//! numbers: a count typed one way finds it printed the other (十家 → 10家, 3所 → 三所). The
//! index keeps the text as printed; a term with a number in it gets its other spellings,
//! each matched as a phrase like the term itself, so highlights mark the printed count.
//!
//! | term        | also matched as        | why                                     |
//! |-------------|------------------------|-----------------------------------------|
//! | `十家`       | `10家`                 | a count with its measure word           |
//! | `3所`        | `三所`                 |                                         |
//! | `2级`        | `二级`, `两级`          | counts take 两                          |
//! | `十五万`     | `150000`, `15万`        |                                         |
//! | `2019年`     | `二〇一九年` (folded `二零一九年`) | years go digit by digit      |
//! | `一是`, `一、` | nothing               | one numeral alone counts nothing: ordinals, 统一 |
//! | `百姓`, `千万` | nothing               | no digit before the unit: a word        |
//!
//! A spelling found inside a longer number (三所 in 十三所, 1万 in 14.1万) is not that count,
//! and is left out.

use super::query::Match;
use super::tokenize::{tokenize, Key, Token};
use crate::numerals::{digit, is_numeral, unit, value, write, DIGITS};

/// Most other spellings of a term: each is one more phrase lookup per keystroke.
const MAX_SPELLINGS: usize = 8;

/// Measure words and units that follow a count: one digit or numeral before one of these
/// is a count (3所, 三所), not an ordinal or a word (一是, 统一).
const COUNTED: &str = "个家所项名人位条次件篇户处支批场天年月日号套台座辆元岁种类期届轮周级米亩幢栋间张份本部起组队例倍成季股只棵段片块门节课章款册余多十百千万亿";

/// The term's other spellings, as tokens to match as a phrase (see the table).
pub fn spellings(tokens: &[Token]) -> Vec<Vec<Token>> {
    // A term with a break inside (1.5万) keeps its one spelling.
    if tokens.windows(2).any(|w| w[1].pos != w[0].pos + 1) {
        return Vec::new();
    }
    // Every combination of each part's forms, the term's own first; a run of numerals
    // is one part.
    let mut spelled = vec![String::new()];
    let mut i = 0;
    while i < tokens.len() {
        let run = numeral_run_end(tokens, i);
        let end = run.max(i + 1);
        let counted = tokens.get(end).and_then(han).is_some_and(|c| COUNTED.contains(c));
        let mut own = String::new();
        let mut chars = Vec::new();
        for t in &tokens[i..end] {
            match &t.key {
                Key::Han(c) => {
                    own.push(*c);
                    chars.push(*c);
                }
                Key::Word(w) => own.push_str(w),
            }
        }
        let mut forms = match &tokens[i].key {
            Key::Han(_) if run - i > 1 || (run > i && counted) => digits_of(&chars),
            Key::Word(w) if w.len() > 1 || counted => numerals_of(w, tokens.get(end).and_then(han)),
            _ => Vec::new(),
        };
        forms.insert(0, own);
        let mut next = Vec::new();
        for so_far in &spelled {
            for form in &forms {
                if next.len() <= MAX_SPELLINGS {
                    next.push(so_far.clone() + form);
                }
            }
        }
        spelled = next;
        i = end;
    }
    spelled.iter().skip(1).map(|s| tokenize(s)).collect()
}

/// Whether `m`, a match of a spelling from [`spellings`] in a passage of `text` and its
/// `tokens`, sits inside a longer number: a numeral or digits right before or after it, or
/// a decimal point (1万 in 14.1万).
pub fn inside_a_number(text: &str, tokens: &[Token], m: &Match) -> bool {
    let (first, last) = (&tokens[m.first as usize], &tokens[m.last as usize]);
    let before = (m.first as usize).checked_sub(1).map(|b| &tokens[b]).filter(|b| b.pos + 1 == first.pos);
    let after = tokens.get(m.last as usize + 1).filter(|a| a.pos == last.pos + 1);
    let (head, tail) = (&text.as_bytes()[..first.start as usize], &text.as_bytes()[last.end as usize..]);
    let point_before = matches!(head, [.., d, b'.'] if d.is_ascii_digit());
    let point_after = matches!(tail, [b'.', d, ..] if d.is_ascii_digit());
    let edge = is_number_token;
    (edge(first) && (point_before || before.is_some_and(edge)))
        || (edge(last) && (point_after || after.is_some_and(edge)))
}

fn is_number_token(t: &Token) -> bool {
    match &t.key {
        Key::Han(c) => is_numeral(*c),
        Key::Word(w) => w.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// The end of the run of adjacent numeral characters that starts at `i` and starts with a
/// digit or 十 (百姓, 万一 are words); `i` when there is none.
fn numeral_run_end(tokens: &[Token], i: usize) -> usize {
    let starts = han(&tokens[i]).is_some_and(|c| digit(c).is_some() || unit(c) == Some(10));
    if !starts {
        return i;
    }
    let mut end = i + 1;
    while tokens.get(end).is_some_and(|t| t.pos == tokens[end - 1].pos + 1 && han(t).is_some_and(is_numeral)) {
        end += 1;
    }
    end
}

/// A run of numerals in digits: its value, and with 万 or 亿 last also the digits before
/// it and the unit (十五万 → 150000, 15万).
fn digits_of(chars: &[char]) -> Vec<String> {
    let Some(n) = value(chars) else { return Vec::new() };
    let mut forms = vec![n.to_string()];
    if let Some(&big) = chars.last().filter(|_| chars.len() > 1) {
        if let Some(u) = unit(big).filter(|&u| u >= 10_000 && n % u == 0) {
            let mut form = (n / u).to_string();
            form.push(big);
            forms.push(form);
        }
    }
    forms
}

/// A word of digits in numerals: a year digit by digit before 年, else the standard form
/// and the form with 两; a number of whole 万 also as digits and 万 (150000 → 15万).
fn numerals_of(word: &str, next: Option<char>) -> Vec<String> {
    let digits = word.bytes().map(|b| b.wrapping_sub(b'0')).collect::<Vec<u8>>();
    if digits.is_empty() || digits.len() > 9 || digits.iter().any(|&d| d > 9) || (digits.len() > 1 && digits[0] == 0) {
        return Vec::new();
    }
    if digits.len() == 4 && next == Some('年') {
        // 〇 as the text folds it (`normalize`).
        return vec![digits.iter().map(|&d| DIGITS[usize::from(d)]).collect()];
    }
    let n = digits.iter().fold(0u32, |n, &d| n * 10 + u32::from(d));
    let mut forms = write(n);
    if n >= 10_000 && n % 10_000 == 0 {
        forms.push((n / 10_000).to_string() + "万");
    }
    forms
}

fn han(t: &Token) -> Option<char> {
    match t.key {
        Key::Han(c) => Some(c),
        Key::Word(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::tokenize;
    use super::*;

    fn spelled(term: &str) -> Vec<String> {
        let show = |tokens: &[Token]| -> String {
            tokens
                .iter()
                .map(|t| match &t.key {
                    Key::Han(c) => c.to_string(),
                    Key::Word(w) => format!("[{w}]"),
                })
                .collect()
        };
        spellings(&tokenize(term)).iter().map(|s| show(s)).collect()
    }

    #[test]
    fn spells_like_the_table() {
        for (term, other) in [
            ("十家", vec!["[10]家"]),
            ("3所", vec!["三所"]),
            ("2级", vec!["二级", "两级"]),
            ("十五万", vec!["[150000]", "[15]万"]),
            ("2019年", vec!["二零一九年"]),
            ("二〇一九年", vec!["[2019]年"]),
            ("一是", vec![]),
            ("一", vec![]),
            ("百姓", vec![]),
            ("千万", vec![]),
            ("150000", vec!["十五万", "[15]万"]),
            ("完成1300套", vec!["完成一千三百套"]),
            ("十九大", vec!["[19]大"]),
            ("1.5万", vec![]),
            ("一百五", vec![]),
            ("两岸", vec![]),
            ("两家", vec!["[2]家"]),
            ("bim", vec![]),
            ("007", vec![]),
        ] {
            assert_eq!(spelled(term), other, "{term}");
        }
    }

    #[test]
    fn a_count_inside_a_longer_number_is_not_that_count() {
        let inside = |text: &str, first: u32, last: u32| {
            inside_a_number(text, &tokenize(text), &Match { passage: 0, first, last, quality: 100 })
        };
        assert!(inside("十三所", 1, 2), "三所 in 十三所");
        assert!(!inside("共三所", 1, 2));
        assert!(inside("30万", 0, 0), "30 before 万");
        assert!(!inside("30家", 0, 1));
        assert!(!inside("三所学校", 0, 1), "学 after 所 is no number");
        assert!(inside("14.1万人", 1, 3), "1万人 in 14.1万人");
        assert!(!inside("共1万人", 1, 3));
    }
}
