//! One article as a card in the list: department, author and posts, opening excerpt,
//! its page of the series (when there are several), reading time and section count. The
//! whole card is one link to the article.

use yew::prelude::*;

use super::marked::Marked;
use super::text;
use crate::view::listing::Card;

/// Characters of the opening shown on a card.
const EXCERPT_CHARS: usize = 60;

/// Props of [`ArticleCard`].
#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// The article, its link and what search found in it.
    pub card: Card,
    /// Under a page's heading (every page listed): the title is a heading a level lower.
    #[prop_or_default]
    pub nested: bool,
}

/// A card for one article.
#[function_component(ArticleCard)]
pub fn article_card(props: &ArticleCardProps) -> Html {
    let Card { article: a, href, page, excerpt, department_marks, author_marks, posts_marks } = &props.card;
    let excerpt = match excerpt {
        Some(e) => {
            let text = AttrValue::from(e.text.clone());
            html! {
                <>
                    if e.cut_start { { "……" } }
                    <Marked {text} marks={e.marks.clone()} />
                    if e.cut_end { { "……" } }
                </>
            }
        }
        None => html! { { a.excerpt(EXCERPT_CHARS) } },
    };
    let posts = html! { <Marked text={AttrValue::from(a.posts_line())} marks={posts_marks.clone()} /> };
    let sections = match a.sections.len() {
        0 => "不分节".to_owned(),
        n => format!("{n} 节"),
    };
    let meta = format!("约 {} 分钟 · {} 字 · {sections}", a.reading_minutes, a.chars);
    let meta = match page {
        Some(page) => format!("{page} · {meta}"),
        None => meta,
    };
    let department = html! { <Marked text={text(&a.department)} marks={department_marks.clone()} /> };
    let title = match &a.editor_title {
        Some(t) => html! { { text(t) } },
        None => department.clone(),
    };
    html! {
        <li class="card">
            <article>
                <@{if props.nested { "h3" } else { "h2" }} class="card-title">
                    <a class="card-link" href={AttrValue::from(href.clone())}>{ title }</a>
                </@>
                if a.editor_title.is_some() {
                    <p class="card-department">{ department }</p>
                }
                <p class="card-author"><span class="posts">{ posts }</span>{ " " }<strong><Marked text={text(&a.author)} marks={author_marks.clone()} /></strong></p>
                <p class="card-excerpt">{ excerpt }</p>
                <p class="card-meta">{ meta }</p>
            </article>
        </li>
    }
}
