//! The department filter: 全部 plus one toggle per department with its article count (of
//! the search's matches while searching; a department with none is marked, and stays
//! selectable). Several departments can be selected; each toggle announces its state
//! (aria-pressed). On a phone the toggles are one line that scrolls sideways
//! (`styles/main.css`), kept scrolled to the current choice. While a search across the
//! archive is counted by an estimate, the toggles show no counts: they could only count
//! the matches at hand, fewer than the status line's; nor while the list of every page
//! shows the selected departments' statements (the status line counts them).

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::catalog::Department;
use crate::hooks::use_keep_in_view::use_keep_in_view;

/// Props of [`FilterBar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// Every department, in order, with counts.
    pub departments: Vec<Department>,
    /// The selected departments; empty means all.
    pub selected: BTreeSet<String>,
    /// Number of articles in all departments.
    pub total: usize,
    /// Whether the counts are known (not while a search's count is an estimate).
    #[prop_or(true)]
    pub counted: bool,
    /// Toggles one department.
    pub ontoggle: Callback<String>,
    /// Clears the selection.
    pub onall: Callback<()>,
}

/// One toggle: a check when pressed, the name, the count (if known).
fn chip(label: &str, count: Option<usize>, pressed: bool, onclick: Callback<MouseEvent>) -> Html {
    let class = classes!("chip", (count == Some(0)).then_some("chip-none"));
    html! {
        <li>
            <button type="button" {class} aria-pressed={pressed.to_string()} {onclick}>
                <span class="chip-check" aria-hidden="true">{ if pressed { "✓" } else { "" } }</span>
                { label }
                if let Some(count) = count {
                    <span class="chip-count">{ count }<span class="visually-hidden">{ " 篇" }</span></span>
                }
            </button>
        </li>
    }
}

/// The filter bar.
#[function_component(FilterBar)]
pub fn filter_bar(props: &FilterBarProps) -> Html {
    let strip = use_node_ref();
    // The first chosen toggle (全部 when none is) is the one kept in view.
    let first = props.departments.iter().find(|d| props.selected.contains(&d.name)).map(|d| d.name.clone());
    use_keep_in_view(strip.clone(), "[aria-pressed=\"true\"]", first);
    let known = |count: usize| props.counted.then_some(count);
    let all = chip("全部", known(props.total), props.selected.is_empty(), props.onall.reform(|_: MouseEvent| ()));
    let departments: Html = props
        .departments
        .iter()
        .map(|d| {
            let name = d.name.clone();
            let onclick = props.ontoggle.reform(move |_: MouseEvent| name.clone());
            chip(&d.name, known(d.count), props.selected.contains(&d.name), onclick)
        })
        .collect();
    html! {
        <nav class="filter" aria-labelledby="filter-label">
            <h2 id="filter-label" class="filter-label">{ "按部门筛选（可多选）" }</h2>
            <ul class="chips" ref={strip}>
                { all }
                { departments }
            </ul>
        </nav>
    }
}
