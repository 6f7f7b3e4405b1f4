//! The department filter: 全部 plus one toggle per department with its article count.
//! Several departments can be selected; each toggle announces its state (aria-pressed).

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::catalog::Department;

/// Props of [`FilterBar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// Every department, in order, with counts.
    pub departments: Vec<Department>,
    /// The selected departments; empty means all.
    pub selected: BTreeSet<String>,
    /// Number of articles in all departments.
    pub total: usize,
    /// Toggles one department.
    pub ontoggle: Callback<String>,
    /// Clears the selection.
    pub onall: Callback<()>,
}

/// The filter bar.
#[function_component(FilterBar)]
pub fn filter_bar(props: &FilterBarProps) -> Html {
    let all_pressed = props.selected.is_empty();
    let onall = props.onall.reform(|_: MouseEvent| ());
    let buttons: Html = props
        .departments
        .iter()
        .map(|d| {
            let pressed = props.selected.contains(&d.name);
            let name = d.name.clone();
            let onclick = props.ontoggle.reform(move |_: MouseEvent| name.clone());
            html! {
                <li>
                    <button type="button" class="chip" aria-pressed={pressed.to_string()} {onclick}>
                        <span class="chip-check" aria-hidden="true">{ if pressed { "✓" } else { "" } }</span>
                        { &d.name }
                        <span class="chip-count">{ d.count }<span class="visually-hidden">{ " 篇" }</span></span>
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <nav class="filter" aria-labelledby="filter-label">
            <h2 id="filter-label" class="filter-label">{ "按部门筛选（可多选）" }</h2>
            <ul class="chips">
                <li>
                    <button type="button" class="chip" aria-pressed={all_pressed.to_string()} onclick={onall}>
                        <span class="chip-check" aria-hidden="true">{ if all_pressed { "✓" } else { "" } }</span>
                        { "全部" }
                        <span class="chip-count">{ props.total }<span class="visually-hidden">{ " 篇" }</span></span>
                    </button>
                </li>
                { buttons }
            </ul>
        </nav>
    }
}
