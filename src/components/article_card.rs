//! One article as a card in the list: department, author and posts, opening excerpt,
//! reading time and section count. The whole card is one link to the article.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::marked::Marked;
use crate::content::Article;
use crate::search::Excerpt;

/// Characters of the opening shown on a card.
const EXCERPT_CHARS: usize = 60;

/// Props of [`ArticleCard`].
#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// The article shown.
    pub article: Rc<Article>,
    /// Where the card leads (a hash that keeps the current filter).
    pub href: AttrValue,
    /// A search result's highlighted excerpt, shown instead of the opening.
    #[prop_or_default]
    pub excerpt: Option<Excerpt>,
    /// Highlighted ranges of the department.
    #[prop_or_default]
    pub department_marks: Vec<Range<usize>>,
    /// Highlighted ranges of the author's name.
    #[prop_or_default]
    pub author_marks: Vec<Range<usize>>,
}

/// A card for one article.
#[function_component(ArticleCard)]
pub fn article_card(props: &ArticleCardProps) -> Html {
    let a = &props.article;
    let excerpt = match &props.excerpt {
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
    let posts = a.posts.join("、");
    let sections = match a.sections.len() {
        0 => "不分节".to_owned(),
        n => format!("{n} 节"),
    };
    let meta = format!("约 {} 分钟 · {} 字 · {sections}", a.reading_minutes, a.chars);
    let department =
        html! { <Marked text={AttrValue::from(a.department.clone())} marks={props.department_marks.clone()} /> };
    let title = match &a.editor_title {
        Some(t) => html! { { t.clone() } },
        None => department.clone(),
    };
    html! {
        <li class="card">
            <article>
                <h2 class="card-title">
                    <a class="card-link" href={props.href.clone()}>{ title }</a>
                </h2>
                if a.editor_title.is_some() {
                    <p class="card-department">{ department }</p>
                }
                <p class="card-author"><span class="posts">{ posts }</span>{ " " }<strong><Marked text={AttrValue::from(a.author.clone())} marks={props.author_marks.clone()} /></strong></p>
                <p class="card-excerpt">{ excerpt }</p>
                <p class="card-meta">{ meta }</p>
            </article>
        </li>
    }
}
