//! The page selector, shown when the reader holds several pages of the series: one link
//! per page, newest first, and 全部期次, each with its count (of the search's matches while
//! searching). Links, not buttons, so it works without JavaScript too (the pre-rendered
//! `p/<number>/` pages); the current one says so (aria-current). On a phone it is one line
//! that scrolls sideways, like the department filter.

use yew::prelude::*;

use crate::hooks::use_keep_in_view::use_keep_in_view;
use crate::listing::PageLink;

/// Props of [`PageBar`].
#[derive(Properties, PartialEq)]
pub struct PageBarProps {
    /// The choices.
    pub pages: Vec<PageLink>,
}

/// The page selector.
#[function_component(PageBar)]
pub fn page_bar(props: &PageBarProps) -> Html {
    let strip = use_node_ref();
    let current = props.pages.iter().find(|p| p.current).map(|p| p.label.clone());
    use_keep_in_view(strip.clone(), "[aria-current=\"page\"]", current);
    let links: Html = props
        .pages
        .iter()
        .map(|p| {
            let class = classes!("chip", (p.count == 0).then_some("chip-none"));
            html! {
                <li>
                    <a {class} href={AttrValue::from(p.href.clone())} aria-current={p.current.then_some("page")}>
                        { &p.label }
                        <span class="chip-count">{ p.count }<span class="visually-hidden">{ " 篇" }</span></span>
                    </a>
                </li>
            }
        })
        .collect();
    html! {
        <nav class="filter pages" aria-labelledby="pages-label">
            <h2 id="pages-label" class="filter-label">{ "期次" }</h2>
            <ul class="chips" ref={strip}>{ links }</ul>
        </nav>
    }
}
