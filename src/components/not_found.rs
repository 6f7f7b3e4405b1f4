//! The friendly view for an article id that does not exist.

use yew::prelude::*;

/// Props of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The id asked for, shown so the reader sees what went wrong.
    pub id: AttrValue,
    /// The list, with the current filter.
    pub back_href: AttrValue,
}

/// "Article not found", with a way back.
#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    html! {
        <section class="not-found" aria-labelledby="page-title">
            <h1 id="page-title" tabindex="-1">{ "没有找到这篇文章" }</h1>
            <p>{ "链接中的文章编号“" }<span class="bad-id">{ props.id.clone() }</span>{ "”不存在，可能链接有误或文章已调整。" }</p>
            <p><a class="button" href={props.back_href.clone()}>{ "返回文章列表" }</a></p>
        </section>
    }
}
