//! The page selector's choices, for a series of any length: the newest pages as chips
//! (newest first), the page shown among them even when it is an old one, and 全部期次; past
//! a handful of pages, every page also in a directory grouped by tens, newest group first,
//! each page by its number, so a reader can go to any number in two taps, with or without
//! JavaScript (the directory is a `<details>` of links). Pure: tested natively.
//!
//! | pages in the series | chips | directory |
//! | --- | --- | --- |
//! | 1 | none | none |
//! | 2 to `CHIPS + 1` | every page, 全部期次 | none |
//! | more | the `CHIPS` newest, the page shown if older, 全部期次 | 第 1–10 期 … by tens |

use crate::catalog::PageCount;
use reader_core::numerals;
use reader_core::search::normalize::fold_char;

/// How many of the newest pages are chips when the directory holds the rest.
pub const CHIPS: usize = 5;

/// One choice in the page selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    /// "第三期", or "全部期次".
    pub label: String,
    /// Its articles in the department filter (its matches while searching); none while
    /// they are not known (a page not at hand, or 全部期次 with one).
    pub count: Option<usize>,
    /// The list of that page, keeping filter and query.
    pub href: String,
    /// Whether the list shows it.
    pub current: bool,
}

/// Ten pages of the directory (fewer in the first and the newest group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageGroup {
    /// "第 91–100 期".
    pub label: String,
    /// Its pages, newest first; each link's label is the page's number.
    pub pages: Vec<PageLink>,
    /// Whether the page shown is in it.
    pub current: bool,
}

/// The selector's chips and directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageChoices {
    /// The chips, 全部期次 last; none with a single page.
    pub chips: Vec<PageLink>,
    /// Every page by tens; none while every page is a chip.
    pub directory: Vec<PageGroup>,
}

/// The choices for `counts` (every page, oldest first, `Catalog::pages_for`), `shown` the
/// page the list shows (none: every page), `href` the link to a page's list (none: every
/// page's), `every` 全部期次's count.
pub fn page_choices(
    counts: Vec<PageCount>,
    shown: Option<u32>,
    href: impl Fn(Option<u32>) -> String,
    every: Option<usize>,
) -> PageChoices {
    if counts.is_empty() {
        return PageChoices::default();
    }
    let link = |p: &PageCount, label: String| PageLink {
        label,
        count: p.count,
        href: href(Some(p.number)),
        current: shown == Some(p.number),
    };
    let newest_first: Vec<&PageCount> = counts.iter().rev().collect();
    let all = PageLink { label: "全部期次".to_owned(), count: every, href: href(None), current: shown.is_none() };
    let whole = newest_first.len() <= CHIPS + 1;
    let mut chips: Vec<PageLink> = newest_first
        .iter()
        .enumerate()
        .filter(|(i, p)| whole || *i < CHIPS || shown == Some(p.number))
        .map(|(_, p)| link(p, p.label.clone()))
        .collect();
    chips.push(all);
    let directory = match whole {
        true => Vec::new(),
        false => newest_first
            .chunk_by(|a, b| (a.number.max(1) - 1) / 10 == (b.number.max(1) - 1) / 10)
            .map(|group| {
                let (hi, lo) = (group[0].number, group[group.len() - 1].number);
                PageGroup {
                    label: format!("第 {lo}–{hi} 期"),
                    pages: group.iter().map(|p| link(p, p.number.to_string())).collect(),
                    current: group.iter().any(|p| shown == Some(p.number)),
                }
            })
            .collect(),
    };
    PageChoices { chips, directory }
}

/// The page number a reader typed into the directory's jump box: digits (as a Chinese
/// keyboard may give them, full width too) or a Chinese numeral, with or without 第…期
/// around it; none for anything else.
pub fn typed_page(typed: &str) -> Option<u32> {
    // Folded as search folds a query: full width to ASCII, spaces of every kind to one.
    let folded: String = typed.chars().filter_map(fold_char).collect();
    let t = folded.trim();
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t.strip_suffix('期').unwrap_or(t).trim();
    let chars: Vec<char> = t.chars().collect();
    if chars.is_empty() || chars.len() > 9 {
        return None;
    }
    match chars.iter().all(|&c| numerals::is_numeral(c)) {
        true => numerals::value(&chars),
        false => chars.iter().try_fold(0u32, |n, &c| Some(n * 10 + c.to_digit(10)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(numbers: impl Iterator<Item = u32>) -> Vec<PageCount> {
        numbers.map(|n| PageCount { number: n, label: format!("P{n}"), count: Some(n as usize) }).collect()
    }

    fn href(n: Option<u32>) -> String {
        n.map_or("all".to_owned(), |n| n.to_string())
    }

    fn labels(links: &[PageLink]) -> Vec<&str> {
        links.iter().map(|l| l.label.as_str()).collect()
    }

    #[test]
    fn a_typed_page_number_in_any_of_the_ways_readers_write_it() {
        for (typed, want) in [
            ("12", Some(12)),
            (" 12 ", Some(12)),
            ("１２", Some(12)),
            ("第12期", Some(12)),
            ("第十二期", Some(12)),
            ("一百零三", Some(103)),
            ("7", Some(7)),
            ("", None),
            ("第期", None),
            ("12a", None),
            ("-3", None),
            ("1234567890", None),
        ] {
            assert_eq!(typed_page(typed), want, "{typed:?}");
        }
    }

    #[test]
    fn a_few_pages_are_all_chips() {
        assert_eq!(page_choices(Vec::new(), None, href, None), PageChoices::default());
        let c = page_choices(counts(3..=8), Some(3), href, Some(33));
        assert_eq!(labels(&c.chips), ["P8", "P7", "P6", "P5", "P4", "P3", "全部期次"]);
        assert!(c.directory.is_empty());
        assert!(c.chips[5].current && !c.chips[6].current);
        assert_eq!((c.chips[6].count, c.chips[0].href.as_str()), (Some(33), "8"));
    }

    #[test]
    fn past_a_handful_the_newest_are_chips_and_every_page_is_in_the_directory_by_tens() {
        let c = page_choices(counts(3..=125), None, href, None);
        assert_eq!(labels(&c.chips), ["P125", "P124", "P123", "P122", "P121", "全部期次"]);
        assert!(c.chips[5].current, "every page shown");
        let groups: Vec<(&str, usize)> = c.directory.iter().map(|g| (g.label.as_str(), g.pages.len())).collect();
        assert_eq!(groups[..3], [("第 121–125 期", 5), ("第 111–120 期", 10), ("第 101–110 期", 10)]);
        assert_eq!(groups.last(), Some(&("第 3–10 期", 8)));
        assert_eq!(c.directory.iter().map(|g| g.pages.len()).sum::<usize>(), 123, "every page once");
        assert_eq!(labels(&c.directory[1].pages)[..2], ["120", "119"], "by number, newest first");
        assert!(c.directory.iter().all(|g| !g.current));
    }

    #[test]
    fn an_old_page_shown_is_a_chip_too_and_its_group_says_so() {
        let c = page_choices(counts(1..=40), Some(17), href, None);
        assert_eq!(labels(&c.chips), ["P40", "P39", "P38", "P37", "P36", "P17", "全部期次"]);
        assert!(c.chips[5].current);
        let current: Vec<&str> = c.directory.iter().filter(|g| g.current).map(|g| g.label.as_str()).collect();
        assert_eq!(current, ["第 11–20 期"]);
        let seventeen = c.directory[2].pages.iter().find(|p| p.label == "17").unwrap();
        assert!(seventeen.current && seventeen.href == "17");
        let newest = page_choices(counts(1..=40), Some(38), href, None);
        assert_eq!(newest.chips.len(), 6, "a newest page shown is a chip once");
    }
}
