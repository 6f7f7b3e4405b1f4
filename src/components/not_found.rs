//! The friendly view for an article id that does not exist, or (pre-rendered as the site's
//! `404.html`) for any address that does not.

use yew::prelude::*;

use crate::texts::{MISSING_ARTICLE, MISSING_PAGE};

/// Props of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The article id asked for, shown so the reader sees what went wrong; none for an
    /// address that is no article's.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The list, with the current filter.
    pub back_href: AttrValue,
}

/// "Article not found", with a way back.
#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    let (title, text) = match &props.id {
        Some(id) => (
            MISSING_ARTICLE,
            html! { <>{ "链接中的文章编号“" }<span class="bad-id">{ id.clone() }</span>{ "”不存在，可能链接有误或文章已调整。" }</> },
        ),
        None => (MISSING_PAGE, html! { { "这个地址没有内容，可能链接有误或页面已调整。" } }),
    };
    html! {
        <section class="not-found" aria-labelledby="page-title">
            <h1 id="page-title" tabindex="-1">{ title }</h1>
            <p>{ text }</p>
            <p><a class="button" href={props.back_href.clone()}>{ "返回文章列表" }</a></p>
        </section>
    }
}
