//! The list view: filter bar, a count of what is shown, and the article cards.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::article_card::ArticleCard;
use super::filter_bar::FilterBar;
use crate::catalog::Department;
use crate::content::Article;

/// Props of [`ListView`].
#[derive(Properties, PartialEq)]
pub struct ListViewProps {
    /// Every department with counts.
    pub departments: Vec<Department>,
    /// Selected departments.
    pub selected: BTreeSet<String>,
    /// Number of articles in all.
    pub total: usize,
    /// The articles that fit the filter, each with its link.
    pub articles: Vec<(Rc<Article>, AttrValue)>,
    /// Toggles one department.
    pub ontoggle: Callback<String>,
    /// Clears the selection.
    pub onall: Callback<()>,
}

/// The list of article cards under the filter.
#[function_component(ListView)]
pub fn list_view(props: &ListViewProps) -> Html {
    let status = if props.selected.is_empty() {
        format!("共 {} 篇文章", props.total)
    } else {
        format!("已选 {} 个部门，显示 {} 篇，共 {} 篇", props.selected.len(), props.articles.len(), props.total)
    };
    let cards: Html = props
        .articles
        .iter()
        .map(|(a, href)| html! { <ArticleCard key={a.id.clone()} article={a.clone()} href={href.clone()} /> })
        .collect();
    html! {
        <>
            <FilterBar
                departments={props.departments.clone()}
                selected={props.selected.clone()}
                total={props.total}
                ontoggle={props.ontoggle.clone()}
                onall={props.onall.clone()}
            />
            <p class="list-status" role="status">{ status }</p>
            <ul class="cards" aria-label="文章列表">{ cards }</ul>
        </>
    }
}
