//! What follows an article's text: its keywords, each a search for it (which needs the app:
//! `noscript.css` hides them), and the articles most related to it with the phrases they
//! share (both computed by the build, see `reader_core::insight`). A plain function, not a
//! component: nothing of its own to keep.

use yew::prelude::*;

use crate::view::article_page::Related;
use crate::view::links::Link;

/// The keywords and related articles; nothing when there are neither.
pub fn article_more(keywords: &[Link], related: &[Related]) -> Html {
    let (no_keywords, no_related) = (keywords.is_empty(), related.is_empty());
    if no_keywords && no_related {
        return Html::default();
    }
    let keywords: Html = keywords
        .iter()
        .map(|k| html! { <li><a class="keyword" href={AttrValue::Rc(k.href.clone())}>{ AttrValue::Rc(k.label.clone()) }</a></li> })
        .collect();
    let related: Html = related
        .iter()
        .map(|r| {
            html! {
                <li>
                    <a href={AttrValue::Rc(r.to.href.clone())}>{ AttrValue::Rc(r.to.label.clone()) }</a>
                    <span class="related-why">{ AttrValue::Rc(r.reason.clone()) }</span>
                </li>
            }
        })
        .collect();
    html! {
        <aside class="article-more" aria-label="关键词与相关文章">
            if !no_keywords {
                <div class="more-keywords">
                    <h2 class="more-title">{ "关键词" }</h2>
                    <ul class="keywords">{ keywords }</ul>
                </div>
            }
            if !no_related {
                <h2 class="more-title">{ "相关文章" }</h2>
                <ul class="related">{ related }</ul>
            }
        </aside>
    }
}
