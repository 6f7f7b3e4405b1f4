//! The page selector, shown when the reader holds several pages of the series: one link
//! per page, newest first, and 全部期次, each with its count (of the search's matches while
//! searching). Links, not buttons, so it works without JavaScript too (the pre-rendered
//! `p/<number>/` pages); the current one says so (aria-current). On a phone it is one line
//! that scrolls sideways, like the department filter; the list view keeps the current
//! choice in view (`use_keep_in_view` on `strip`). A plain function, not a component: it
//! has no state of its own, and each component costs the WASM about a kilobyte.

use yew::prelude::*;

use crate::view::listing::PageLink;

/// The page selector for `pages`, its list of links behind `strip`.
pub fn page_bar(pages: &[PageLink], strip: NodeRef) -> Html {
    let links: Html = pages
        .iter()
        .map(|p| {
            // No count while it is not known (a page not fetched yet): not a 0.
            let class = if p.count == Some(0) { "chip chip-none" } else { "chip" };
            let count = p.count.map(|n| {
                html! { <span class="chip-count">{ n }<span class="visually-hidden">{ " 篇" }</span></span> }
            });
            html! {
                <li>
                    <a {class} href={AttrValue::from(p.href.clone())} aria-current={p.current.then_some("page")}>
                        { &p.label }
                        { for count }
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
