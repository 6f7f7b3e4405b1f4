//! The list view: the page selector (with several pages), the filter bar, the search box,
//! a status line right under it, and the article cards — all articles in the filter
//! (under their page titles when every page is shown), or the search results within it. On a
//! phone the search box sticks to the top of the screen, with the status and the results
//! following at once.

use std::rc::Rc;

use yew::prelude::*;

use super::article_card::ArticleCard;
use super::filter_bar::FilterBar;
use super::page_bar::{page_bar, Directory};
use super::pending_notice::pending_notice;
use super::search_box::SearchBox;
use crate::archive::{Pending, Remedy};
use crate::hooks::use_keep_in_view::use_keep_in_view;
use crate::view::list_status::list_status;
use crate::view::listing::Listing;

/// Props of [`ListView`].
#[derive(Properties, PartialEq)]
pub struct ListViewProps {
    /// What the list shows.
    pub list: Rc<Listing>,
    /// Shows more search results.
    #[prop_or_default]
    pub onmore: Callback<()>,
    /// Toggles one department.
    pub ontoggle: Callback<String>,
    /// Clears the selection.
    pub onall: Callback<()>,
    /// Changes the query.
    pub onsearch: Callback<String>,
    /// The search box got focus.
    #[prop_or_default]
    pub onsearchfocus: Callback<FocusEvent>,
    /// Pages the list needs that are being fetched, or did not arrive.
    #[prop_or_default]
    pub pending: Option<Pending>,
    /// What the pending notice's button does.
    #[prop_or_default]
    pub onremedy: Callback<Remedy>,
}

/// The list of article cards under the search box and filter.
#[function_component(ListView)]
pub fn list_view(props: &ListViewProps) -> Html {
    let list = &props.list;
    let query = list.query.trim();
    let filtered = !list.selected.is_empty();
    // Named in the filter's order, not the set's.
    let selected: Vec<&str> =
        list.departments.iter().filter(|d| list.selected.contains(&d.name)).map(|d| d.name.as_str()).collect();
    // The chosen page stays in view on the phone's scrolling strip.
    let page_strip = use_node_ref();
    let current = list.pages.iter().find(|p| p.current).map(|p| p.label.clone());
    use_keep_in_view(page_strip.clone(), "[aria-current=\"page\"]", current.clone());
    // The page directory's numbers: in the list of every page without a query from the
    // start (readers without JavaScript open it there), elsewhere while the reader has it
    // open (the directory of the list it was opened on, named by its chip).
    let opened = use_state_eq(|| None::<Option<String>>);
    let directory = Directory {
        groups: &list.directory,
        open: opened.as_ref() == Some(&current) || (list.page.is_none() && query.is_empty()),
        key: current.clone(),
        ontoggle: Callback::from({
            let current = current.clone();
            move |open: bool| opened.set(open.then(|| current.clone()))
        }),
    };
    let shown = list.groups.iter().map(|g| g.cards.len()).sum::<usize>();
    // Browsing every page with older ones still to show: the status says which it counts
    // (held to departments: the newest of their statements, and how many they have).
    let b = list.browsing;
    let unit = if b.statements { "篇" } else { "期" };
    let (count, near) = match query.is_empty() {
        true if b.statements => (b.shown + b.left, 0),
        true => (shown, 0),
        false => (list.found, list.near),
    };
    let page = match b.left {
        0 => list.page.clone(),
        _ => Some(format!("最新 {} {unit}", b.shown)),
    };
    let status = list_status(page.as_deref(), !query.is_empty(), &selected, (count, near), list.about);
    let groups: Html = list
        .groups
        .iter()
        .map(|g| {
            let nested = g.heading.is_some();
            let cards: Html = g
                .cards
                .iter()
                .map(|c| html! { <ArticleCard key={&*c.article.id} card={c.clone()} {nested} /> })
                .collect();
            let label = g.heading.clone().unwrap_or_else(|| "文章列表".to_owned());
            let class = if g.approximate { "near-heading" } else { "page-heading" };
            html! {
                <>
                    if let Some(heading) = &g.heading {
                        <h2 {class}>{ heading }</h2>
                    }
                    <ul class="cards" aria-label={label}>{ cards }</ul>
                </>
            }
        })
        .collect();
    let clear_search = props.onsearch.reform(|_: MouseEvent| String::new());
    let clear_filter = props.onall.reform(|_: MouseEvent| ());
    let more = props.onmore.reform(|_: MouseEvent| ());
    let hidden = if query.is_empty() { 0 } else { list.found.saturating_sub(shown) };
    // More results of a search, or older pages of the list of every page.
    let more_label = match (hidden, b.left) {
        (0, 0) => None,
        (0, left) => Some(format!("显示更早的{}（还有 {left} {unit}）", if b.statements { "文章" } else { "期次" })),
        _ => Some(format!("显示更多结果（还有{} {hidden} 篇）", if list.about { "约" } else { "" })),
    };
    html! {
        <>
            if !list.pages.is_empty() {
                { page_bar(&list.pages, directory, page_strip) }
            }
            <FilterBar
                departments={list.departments.clone()}
                selected={list.selected.clone()}
                total={list.total}
                counted={!list.about && !b.statements}
                ontoggle={props.ontoggle.clone()}
                onall={props.onall.clone()}
            />
            <SearchBox query={AttrValue::from(list.query.clone())} onsearch={props.onsearch.clone()} onfocus={props.onsearchfocus.clone()} />
            <p class="list-status" role="status" aria-live="polite">{ status }</p>
            if let Some(pending) = &props.pending {
                { pending_notice(pending, &props.onremedy) }
            }
            // Nothing found yet while other pages are on their way is no answer yet.
            if shown == 0 && !query.is_empty() && props.pending.as_ref().is_none_or(|p| p.remedy.is_some()) {
                <div class="empty">
                    <p class="empty-title">{ format!("没有找到与“{query}”相关的文章。") }</p>
                    <ul class="empty-tips">
                        <li>{ "换一个词，或少输入几个字；多个词用空格隔开时，文章须同时包含每个词。" }</li>
                        <li>{ "可以用拼音或拼音首字母搜索，例如 canlian 或 cl。" }</li>
                        if let Some(page) = &list.page {
                            <li>{ format!("当前只在{page}中搜索，可以在全部期次中搜索。") }</li>
                        }
                        if filtered {
                            <li>{ "当前只在所选部门中搜索，可以取消部门筛选。" }</li>
                        }
                    </ul>
                    <p class="empty-actions">
                        <button type="button" class="button" onclick={clear_search}>{ "清除搜索" }</button>
                        if let Some(every) = list.pages.last().filter(|_| list.page.is_some()) {
                            <a class="button" href={AttrValue::from(every.href.clone())}>{ "在全部期次中搜索" }</a>
                        }
                        if filtered {
                            <button type="button" class="button" onclick={clear_filter}>{ "显示全部部门" }</button>
                        }
                    </p>
                </div>
            }
            { groups }
            if let Some(label) = more_label {
                <p class="more">
                    <button type="button" class="button" onclick={more}>{ label }</button>
                </p>
            }
        </>
    }
}
