//! The reading view of one article: the page of the series it is on, department, author
//! and posts, read aloud, print and share, lead, sections, the signature as printed, its
//! keywords and related articles, previous/next on its page within the current filter, and
//! a way back.

use std::rc::Rc;

use yew::prelude::*;

use super::article_more::{article_more, RelatedLink};
use super::read_aloud::ReadAloud;
use super::share_button::share_button;
use super::text;
use crate::content::Article;

/// A neighbouring article as the previous/next links show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbour {
    /// "区残联 · 谢建青".
    pub label: AttrValue,
    /// Its hash, keeping the filter.
    pub href: AttrValue,
}

/// The page of the series an article is on, as its view names it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLine {
    /// The page title.
    pub title: AttrValue,
    /// The list of that page.
    pub href: AttrValue,
}

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article.
    pub article: Rc<Article>,
    /// The list, with the current filter.
    pub back_href: AttrValue,
    /// The page it is on.
    #[prop_or_default]
    pub page: Option<PageLine>,
    /// Its keywords, each with the search for it.
    #[prop_or_default]
    pub keywords: Vec<Neighbour>,
    /// The articles most related to it.
    #[prop_or_default]
    pub related: Vec<RelatedLink>,
    /// Its own address, for sharing.
    #[prop_or_default]
    pub url: AttrValue,
    /// The article before this one in the filter.
    pub prev: Option<Neighbour>,
    /// The article after this one in the filter.
    pub next: Option<Neighbour>,
}

/// One article, for reading.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    let title = text(a.editor_title.as_ref().unwrap_or(&a.department));
    let byline = format!("{} {}", a.posts.join("、"), a.author);
    let meta = format!("约 {} 分钟读完 · {} 字", a.reading_minutes, a.chars);
    let lead: Html = a.lead.iter().map(|p| html! { <p>{ text(p) }</p> }).collect();
    let sections: Html = a
        .sections
        .iter()
        .map(|s| {
            let paragraphs: Html = s.paragraphs.iter().map(|p| html! { <p>{ text(p) }</p> }).collect();
            html! { <section><h2>{ text(&s.heading) }</h2>{ paragraphs }</section> }
        })
        .collect();
    let share_title = AttrValue::from(format!("{title} {byline}"));
    let speech: Rc<Vec<String>> =
        Rc::new(std::iter::once(format!("{title}。{byline}。")).chain(a.blocks().map(str::to_owned)).collect());
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <>
            <nav class="crumbs" aria-label="返回">
                <a class="back" href={props.back_href.clone()}><span aria-hidden="true">{ "← " }</span>{ "返回文章列表" }</a>
            </nav>
            <article class="article" aria-labelledby="page-title">
                <header class="article-header">
                    if let Some(page) = &props.page {
                        <p class="article-page"><a href={page.href.clone()}>{ page.title.clone() }</a></p>
                    }
                    if a.editor_title.is_some() {
                        <p class="article-department">{ text(&a.department) }</p>
                    }
                    <h1 id="page-title" tabindex="-1">{ title }</h1>
                    <p class="byline">{ byline }</p>
                    <p class="article-meta">{ meta }</p>
                    <div class="article-tools">
                        <button type="button" class="button" onclick={onprint}>{ "打印本文" }</button>
                        { share_button(&share_title, &props.url) }
                        // Last: should it not appear, its empty place ends the row.
                        <ReadAloud paragraphs={speech} />
                    </div>
                </header>
                <div class="article-body">
                    { lead }
                    { sections }
                    <p class="signature">{ text(&a.signature) }</p>
                </div>
            </article>
            { article_more(&props.keywords, &props.related) }
            <nav class="pager" aria-label="上一篇与下一篇">
                if let Some(prev) = &props.prev {
                    <a class="pager-prev" rel="prev" href={prev.href.clone()}>
                        <span class="pager-dir">{ "上一篇" }</span>
                        <span class="pager-label">{ prev.label.clone() }</span>
                    </a>
                }
                if let Some(next) = &props.next {
                    <a class="pager-next" rel="next" href={next.href.clone()}>
                        <span class="pager-dir">{ "下一篇" }</span>
                        <span class="pager-label">{ next.label.clone() }</span>
                    </a>
                }
            </nav>
        </>
    }
}
