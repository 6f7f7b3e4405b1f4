//! One article as a card in the list: department, author and posts, opening excerpt.

use yew::prelude::*;

use crate::content::Article;

/// Characters of the opening shown on a card.
const EXCERPT_CHARS: usize = 60;

/// Props of [`ArticleCard`].
#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// The article shown.
    pub article: Article,
}

/// A card for one article.
#[function_component(ArticleCard)]
pub fn article_card(props: &ArticleCardProps) -> Html {
    let a = &props.article;
    let excerpt = a.excerpt(EXCERPT_CHARS);
    let posts = a.posts.join("、");
    let meta = format!("约 {} 分钟 · {} 字", a.reading_minutes, a.chars);
    html! {
        <li class="card">
            <article>
                <h2 class="card-department">{ &a.department }</h2>
                <p class="card-author"><span class="posts">{ posts }</span>{ " " }<strong>{ &a.author }</strong></p>
                <p class="card-excerpt">{ excerpt }</p>
                <p class="card-meta">{ meta }</p>
            </article>
        </li>
    }
}
