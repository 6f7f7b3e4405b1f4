//! The status line right under the search box: what the list below shows, short enough
//! to stay on one line on a phone at the standard text size (the query is in the box just
//! above it, so the line does not repeat it). Screen readers hear it politely after each
//! keystroke. Pure: tested natively.
//!
//! | query | selected departments        | status                       |
//! |-------|-----------------------------|------------------------------|
//! | —     | —                           | 共 10 篇                     |
//! | —     | 区教育局、区财政局          | 区教育局、区财政局：3 篇     |
//! | —     | four of them                | 已选 4 个部门：6 篇          |
//! | 学校  | —                           | 找到 3 篇                    |
//! | 学校  | 区教育局                    | 在区教育局中找到 2 篇        |
//! | 学校  | four of them                | 在所选 4 个部门中找到 2 篇   |
//!
//! Approximate hits (see `search::approx`) are counted apart: "找到 2 篇，相近 1 篇", or,
//! with no exact one, "相近 1 篇" (the note over them says there is no exact match).
//!
//! With several pages, the page shown goes first: "第四期 · 共 10 篇", "第三期 · 找到 2 篇"
//! (none while every page is shown: each card names its own; browsing every page with
//! older ones still to show, the pages it counts: "最新 3 期 · 共 30 篇"; held to
//! departments, their statements: "最新 20 篇 · 区教育局：48 篇").
//!
//! A search across an archive whose matches are not all at hand yet counts them by an
//! estimate (`across::estimate`), and says so: "找到约 278 篇，相近 2 篇", "在区教育局中找到约 40 篇".

/// Most selected departments named in full; more are counted instead.
const NAMED: usize = 2;

/// The status line. `page` is the label of the one page shown among several,
/// `selected` the known selected departments in filter order, `count` how many articles
/// the list holds (search: how many were found in the filter), `near` how many of those a
/// search found only approximately; `about`: the count is an estimate.
pub fn list_status(
    page: Option<&str>,
    searching: bool,
    selected: &[&str],
    (count, near): (usize, usize),
    about: bool,
) -> String {
    let count = count - near.min(count);
    let status = match (near, count, selected) {
        (0, _, _) => departments_status(searching, selected, count, about),
        (_, 0, []) => format!("相近 {near} 篇"),
        _ => format!("{}，相近 {near} 篇", departments_status(searching, selected, count, about)),
    };
    match page {
        Some(page) => format!("{page} · {status}"),
        None => status,
    }
}

fn departments_status(searching: bool, selected: &[&str], count: usize, about: bool) -> String {
    let n = selected.len();
    let found = if about { format!("找到约 {count} 篇") } else { format!("找到 {count} 篇") };
    match (searching, n) {
        (false, 0) => format!("共 {count} 篇"),
        (false, 1..=NAMED) => format!("{}：{count} 篇", selected.join("、")),
        (false, _) => format!("已选 {n} 个部门：{count} 篇"),
        (true, 0) => found,
        (true, 1..=NAMED) => format!("在{}中{found}", selected.join("、")),
        (true, _) => format!("在所选 {n} 个部门中{found}"),
    }
}

#[cfg(test)]
mod tests {
    use super::list_status;

    #[test]
    fn the_table_in_the_module_docs() {
        let four = ["区残联", "区商务局", "区教育局", "区财政局"];
        let cases: [(bool, &[&str], usize, &str); 7] = [
            (false, &[], 10, "共 10 篇"),
            (false, &["区教育局", "区财政局"], 3, "区教育局、区财政局：3 篇"),
            (false, &["区教育局"], 2, "区教育局：2 篇"),
            (false, &four, 6, "已选 4 个部门：6 篇"),
            (true, &[], 3, "找到 3 篇"),
            (true, &["区教育局"], 2, "在区教育局中找到 2 篇"),
            (true, &four, 0, "在所选 4 个部门中找到 0 篇"),
        ];
        for (searching, selected, count, want) in cases {
            assert_eq!(
                list_status(None, searching, selected, (count, 0), false),
                want,
                "{searching} {selected:?} {count}"
            );
        }
        assert_eq!(list_status(Some("第四期"), false, &[], (10, 0), false), "第四期 · 共 10 篇");
        assert_eq!(list_status(Some("第三期"), true, &["区教育局"], (1, 0), false), "第三期 · 在区教育局中找到 1 篇");
        assert_eq!(list_status(None, true, &[], (3, 1), false), "找到 2 篇，相近 1 篇");
        assert_eq!(list_status(None, true, &[], (3, 3), false), "相近 3 篇");
        assert_eq!(list_status(None, true, &["区教育局"], (1, 1), false), "在区教育局中找到 0 篇，相近 1 篇");
        assert_eq!(list_status(Some("第三期"), true, &[], (1, 1), false), "第三期 · 相近 1 篇");
        assert_eq!(list_status(None, true, &[], (280, 2), true), "找到约 278 篇，相近 2 篇", "an estimate");
        assert_eq!(list_status(None, true, &[], (2, 2), true), "相近 2 篇", "no exact match to estimate");
        assert_eq!(
            list_status(None, true, &["区教育局"], (40, 0), true),
            "在区教育局中找到约 40 篇",
            "in departments too"
        );
    }
}
