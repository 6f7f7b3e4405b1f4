//! Chinese numerals ↔ numbers, as the press writes counts: the value form with units
//! (三十五, 一百零五, 十五万, 两千) and the digit-by-digit form of years (二〇一九).
//!
//! | numeral      | value    | why                                       |
//! |--------------|----------|-------------------------------------------|
//! | `十五`        | 15       | a leading 十 is 一十                       |
//! | `一百零五`    | 105      | 零 marks the missing ten                   |
//! | `两千`        | 2000     | 两 before a unit is 二                     |
//! | `二〇一九`    | 2019     | no units: digit by digit                   |
//! | `一百五`      | none     | colloquial 150 or 105: not guessed         |
//! | `百千万`      | none     | units out of order: a name, not a number   |
//!
//! Writing goes the other way, in the standard form (十五, 一百一十, 一万零一), with 两 as
//! counts lead (两千, 两家) in a second form where it differs.

/// The digits, as the standard form writes them.
pub const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Largest number read or written: counts in a statement stay far below it (u32 keeps the
/// arithmetic cheap in WASM).
pub const MAX: u32 = 999_999_999;

/// The digit a character stands for (两 is 2, 零 and 〇 are 0).
pub fn digit(c: char) -> Option<u32> {
    match c {
        '〇' => Some(0),
        '两' => Some(2),
        _ => DIGITS.iter().position(|&d| d == c).map(|d| d as u32),
    }
}

/// The value of a unit character: 十 百 千 (within a section) and 万 亿 (sections).
pub fn unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    }
}

/// Whether `c` is part of a Chinese numeral: a digit or a unit.
pub fn is_numeral(c: char) -> bool {
    digit(c).is_some() || unit(c).is_some()
}

/// The value of a whole numeral, or `None` when it is not a well-formed one (see the table).
pub fn value(numeral: &[char]) -> Option<u32> {
    match numeral {
        [] => None,
        [c] if unit(*c) == Some(10) => Some(10),
        [c] => digit(*c),
        _ if numeral.iter().all(|&c| unit(c).is_none()) => digit_by_digit(numeral),
        _ => with_units(numeral),
    }
}

/// 二〇一九 → 2019: digits only, no 两 (years and codes never use it), no leading zero.
fn digit_by_digit(numeral: &[char]) -> Option<u32> {
    if numeral.first().and_then(|&c| digit(c)) == Some(0) || numeral.contains(&'两') || numeral.len() > 9 {
        return None;
    }
    numeral.iter().try_fold(0u32, |n, &c| Some(n * 10 + digit(c)?))
}

/// 三千零五十万 → 30,500,000: sections of 十百千 below 万 and 亿, units descending.
fn with_units(numeral: &[char]) -> Option<u32> {
    // u64 inside: 九千九百亿 does not fit a u32 before the check at the end.
    let (mut total, mut section) = (0u64, 0u64);
    let mut pending: Option<u64> = None;
    // The last small unit in this section, the last big one, and whether a 零 stands
    // before the pending digit.
    let (mut small, mut big) = (u64::MAX, u64::MAX);
    let digit = |c| digit(c).map(u64::from);
    let unit = |c| unit(c).map(u64::from);
    let mut zero = false;
    for (i, &c) in numeral.iter().enumerate() {
        let next = numeral.get(i + 1).copied();
        match (digit(c), unit(c)) {
            (Some(0), _) if c != '两' => {
                // 零 stands for a skipped place: after a unit, before a digit.
                if pending.is_some() || i == 0 || next.and_then(digit).is_none_or(|d| d == 0) {
                    return None;
                }
                zero = true;
            }
            (Some(d), _) => {
                // Two digits in a row, or 两 other than before 百 千 万 亿, is no count.
                let lead = next.and_then(unit).is_some_and(|u| u >= 100);
                if pending.is_some() || (c == '两' && !lead) {
                    return None;
                }
                pending = Some(d);
            }
            (None, Some(u)) if u < 10_000 => {
                // Units descend within a section; one without a digit is 十 at the head
                // of the number (十五), nothing else.
                let times = match pending.take() {
                    Some(d) => d,
                    None if u == 10 && i == 0 => 1,
                    None => return None,
                };
                if u >= small {
                    return None;
                }
                section += times * u;
                small = u;
                zero = false;
            }
            (None, Some(u)) => {
                section += pending.take().unwrap_or(0);
                if section == 0 || u >= big {
                    return None;
                }
                // 亿 comes before 万 or not at all (`u >= big`), so this never scales a
                // section already counted.
                total += section * u;
                (section, small, big, zero) = (0, u64::MAX, u, false);
            }
            (None, None) => return None,
        }
    }
    if let Some(d) = pending {
        // A last digit after a unit is the colloquial 一百五 (150): only after 十 or 零,
        // or as a section's only digit after a big unit with 零 before it.
        if small != 10 && !zero && (small != u64::MAX || big != u64::MAX) {
            return None;
        }
        section += d;
    }
    u32::try_from(total + section).ok().filter(|&n| n <= MAX)
}

/// The standard numeral of `n` (15 → 十五, 110 → 一百一十, 10,001 → 一万零一), and, where
/// it differs, the form counts take with 两 (2 → 两, 2,000 → 两千).
pub fn write(n: u32) -> Vec<String> {
    if n > MAX {
        return Vec::new();
    }
    let standard = standard(n);
    // 二 leads, alone or before 百 千 万 亿 (not 十: 二十 stays).
    let lead_two = standard.strip_prefix('二').is_some_and(|rest| !rest.starts_with('十'));
    let mut forms = vec![standard];
    if lead_two {
        forms.push("两".to_owned() + &forms[0][3..]);
    }
    forms
}

fn standard(n: u32) -> String {
    if n == 0 {
        return "零".to_owned();
    }
    let mut out = String::new();
    let mut gap = false;
    for (size, big) in [(100_000_000, "亿"), (10_000, "万"), (1, "")] {
        let group = n / size % 10_000;
        if group == 0 {
            gap |= !out.is_empty();
            continue;
        }
        if !out.is_empty() && (gap || group < 1000) {
            out.push('零');
        }
        write_section(group, out.is_empty(), &mut out);
        out.push_str(big);
        gap = false;
    }
    out
}

/// One section below 万: 千 百 十 and the units, a 零 for each gap inside.
fn write_section(group: u32, leading: bool, out: &mut String) {
    let mut started = false;
    let mut gap = false;
    for (place, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
        let d = group / place % 10;
        if d == 0 {
            gap |= started;
            continue;
        }
        if gap {
            out.push('零');
            gap = false;
        }
        // 十五, not 一十五, at the head of the number.
        if !(place == 10 && d == 1 && leading && !started) {
            out.push(DIGITS[d as usize]);
        }
        out.push_str(name);
        started = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<u32> {
        value(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn reads_like_the_table() {
        for (numeral, n) in [
            ("十五", Some(15)),
            ("一百零五", Some(105)),
            ("两千", Some(2000)),
            ("二〇一九", Some(2019)),
            ("一百五", None),
            ("百千万", None),
            ("十", Some(10)),
            ("三", Some(3)),
            ("两", Some(2)),
            ("零", Some(0)),
            ("三十", Some(30)),
            ("一百一十", Some(110)),
            ("十五万", Some(150_000)),
            ("一万零一", Some(10_001)),
            ("三千零五十万", Some(30_500_000)),
            ("一亿零一万", Some(100_010_000)),
            ("八八", Some(88)),
            ("十两", None),
            ("一一十", None),
            ("万", None),
            ("千万", None),
            ("一万五", None),
            ("五十万零三", Some(500_003)),
            ("零五", None),
            ("一百零", None),
            ("〇五", None),
        ] {
            assert_eq!(read(numeral), n, "{numeral}");
        }
    }

    #[test]
    fn writes_the_standard_form_and_the_count_form() {
        for (n, forms) in [
            (0, vec!["零"]),
            (2, vec!["二", "两"]),
            (10, vec!["十"]),
            (15, vec!["十五"]),
            (20, vec!["二十"]),
            (105, vec!["一百零五"]),
            (110, vec!["一百一十"]),
            (2000, vec!["二千", "两千"]),
            (10_001, vec!["一万零一"]),
            (10_010, vec!["一万零一十"]),
            (150_000, vec!["十五万"]),
            (100_001_000, vec!["一亿零一千"]),
            (100_010_000, vec!["一亿零一万"]),
        ] {
            assert_eq!(write(n), forms, "{n}");
        }
        assert!(write(MAX + 1).is_empty());
    }

    #[test]
    fn what_is_written_reads_back() {
        for n in (0..20_000).chain([99_999, 100_000, 1_000_000, 30_500_000, 123_456_789, MAX]) {
            for form in write(n) {
                assert_eq!(read(&form), Some(n), "{form}");
            }
        }
    }
}
