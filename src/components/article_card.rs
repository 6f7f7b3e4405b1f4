//! One article as a card in the list: department, author and posts, opening excerpt,
//! reading time and section count. The whole card is one link to the article.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::Article;

/// Characters of the opening shown on a card.
const EXCERPT_CHARS: usize = 60;

/// Props of [`ArticleCard`].
#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// The article shown.
    pub article: Rc<Article>,
    /// Where the card leads (a hash that keeps the current filter).
    pub href: AttrValue,
}

/// A card for one article.
#[function_component(ArticleCard)]
pub fn article_card(props: &ArticleCardProps) -> Html {
    let a = &props.article;
    let excerpt = a.excerpt(EXCERPT_CHARS);
    let posts = a.posts.join("、");
    let sections = match a.sections.len() {
        0 => "不分节".to_owned(),
        n => format!("{n} 节"),
    };
    let meta = format!("约 {} 分钟 · {} 字 · {sections}", a.reading_minutes, a.chars);
    let title = a.editor_title.clone().unwrap_or_else(|| a.department.clone());
    html! {
        <li class="card">
            <article>
                <h2 class="card-title">
                    <a class="card-link" href={props.href.clone()}>{ title }</a>
                </h2>
                if a.editor_title.is_some() {
                    <p class="card-department">{ &a.department }</p>
                }
                <p class="card-author"><span class="posts">{ posts }</span>{ " " }<strong>{ &a.author }</strong></p>
                <p class="card-excerpt">{ excerpt }</p>
                <p class="card-meta">{ meta }</p>
            </article>
        </li>
    }
}
