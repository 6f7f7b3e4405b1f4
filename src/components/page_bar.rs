//! The page selector, shown when the reader holds several pages of the series: one link
//! per page, newest first, and 全部期次, each with its count (of the search's matches while
//! searching). Links, not buttons, so it works without JavaScript too (the pre-rendered
//! `p/<number>/` pages); the current one says so (aria-current). On a phone it is one line
//! that scrolls sideways, like the department filter; the list view keeps the current
//! choice in view (`use_keep_in_view` on `strip`). Past a handful of pages the chips are
//! the newest and the one shown, and 全部 N 期目录 opens every page by tens, a number a
//! link (`view::page_choices`): a `<details>`, so it opens without JavaScript too; with it,
//! a box atop the directory takes a page's number (跳到第 12 期). A plain
//! function, not a component: it has no state of its own, and each component costs the
//! WASM about a kilobyte.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::view::listing::{PageGroup, PageLink};
use crate::view::page_choices::typed_page;

/// The directory of every page as the list shows it.
pub struct Directory<'a> {
    /// Its pages by tens (none while every page is a chip).
    pub groups: &'a [PageGroup],
    /// Whether its numbers are in the page.
    pub open: bool,
    /// The chip of the list it belongs to: another list's is another directory, closed.
    pub key: Option<String>,
    /// What the reader's opening (true) or closing it does.
    pub ontoggle: Callback<bool>,
}

/// The page selector: the chips `pages`, their list of links behind `strip`, and the
/// `directory` of every page.
pub fn page_bar(pages: &[PageLink], directory: Directory<'_>, strip: NodeRef) -> Html {
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
            if !directory.groups.is_empty() {
                { page_directory(directory, pages.last()) }
            }
        </nav>
    }
}

/// Every page by tens, each by its number (read as 第 N 期); pages the search or the
/// department filter leaves empty are shown faint. Its numbers are in the page only while
/// `open`: at a thousand pages they weigh about 140 KB of HTML, too much for every list to
/// carry, and a thousand links to change at each keystroke of a search. The list of every
/// page carries them from the start; elsewhere, until the reader opens it (`ontoggle`), it
/// holds a link to that list (`every`, the 全部期次 chip), which only readers without
/// JavaScript see (noscript.css).
fn page_directory(directory: Directory<'_>, every: Option<&PageLink>) -> Html {
    let Directory { groups, open, key, ontoggle } = directory;
    let count: usize = groups.iter().map(|g| g.pages.len()).sum();
    let ontoggle = ontoggle.reform(|e: Event| e.target_unchecked_into::<web_sys::Element>().has_attribute("open"));
    html! {
        // Keyed by the page shown: choosing one closes it, as a page loaded without JavaScript would be.
        <details class="page-directory" key={key.unwrap_or_default()} {ontoggle}>
            <summary class="button">{ format!("全部 {count} 期目录") }</summary>
            { page_jump(groups) }
            if open {
                <ul class="page-groups">{ for groups.iter().map(page_group) }</ul>
            } else {
                <a class="page-directory-link" href={every.map(|p| AttrValue::from(p.href.clone()))}>{ "打开全部期次的目录" }</a>
            }
        </details>
    }
}

/// Ten pages of the directory.
fn page_group(group: &PageGroup) -> Html {
    let numbers = group.pages.iter().map(|p| {
        let class = if p.count == Some(0) { "page-number page-none" } else { "page-number" };
        html! {
            <li>
                <a {class} href={AttrValue::from(p.href.clone())} aria-current={p.current.then_some("page")}>
                    <span class="visually-hidden">{ "第" }</span>{ &p.label }<span class="visually-hidden">{ "期" }</span>
                </a>
            </li>
        }
    });
    html! {
        <li class="page-group">
            <h3 class="page-group-label">{ &group.label }</h3>
            <ul class="page-grid">{ for numbers }</ul>
        </li>
    }
}

/// The jump box atop the directory: a page's number (`typed_page`: 12, １２, 十二, 第12期)
/// opens its list; a number no page has is refused under the field, with the range, until
/// the reader types again (the field is invalid meanwhile). It needs the app: without
/// JavaScript the directory's links do (noscript.css hides it).
fn page_jump(directory: &[PageGroup]) -> Html {
    let pages: Vec<(u32, String)> =
        directory.iter().flat_map(|g| &g.pages).filter_map(|p| Some((p.label.parse().ok()?, p.href.clone()))).collect();
    let (lo, hi) = (pages.last().map_or(0, |p| p.0), pages.first().map_or(0, |p| p.0));
    let (field, note) = (NodeRef::default(), NodeRef::default());
    // The field's message, shown under it too: "" clears both.
    let say = |input: &HtmlInputElement, note: &NodeRef, message: &str| {
        input.set_custom_validity(message);
        if let Some(note) = note.get() {
            note.set_text_content(Some(message));
        }
    };
    let onsubmit = {
        let (field, note) = (field.clone(), note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = field.cast::<HtmlInputElement>() else { return };
            let asked = typed_page(&input.value());
            match pages.iter().find(|p| Some(p.0) == asked) {
                Some((_, href)) => {
                    let _ = gloo::utils::window().location().assign(href);
                }
                None => say(&input, &note, &format!("请输入 {lo} 到 {hi} 之间的期号")),
            }
        })
    };
    let oninput = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                say(&input, &note, "");
            }
        })
    };
    html! {
        <form class="page-jump" {onsubmit}>
            <label for="page-jump">{ "跳到第" }</label>
            <input id="page-jump" aria-label="跳到第几期" aria-describedby="page-jump-note" ref={field} inputmode="numeric" {oninput} />
            <span aria-hidden="true">{ "期" }</span>
            <button type="submit" class="button">{ "前往" }</button>
            <p id="page-jump-note" class="page-jump-note" role="alert" ref={note}></p>
        </form>
    }
}
