//! The reading view of one article: the page of the series it is on, department, author
//! and posts, read aloud (the player, and the chunk being read marked in the text), print
//! and share, lead, sections, the signature as printed, its keywords and related
//! articles, previous/next on its page within the current filter, and a way back.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::article_more::article_more;
use super::player_bar::{announcement, player_bar, Around};
use super::read_aloud::read_aloud;
use super::share_button::share_button;
use super::spoken::spoken;
use super::text;
use crate::hooks::use_follow_along::use_follow_along;
use crate::hooks::use_listening::use_listening;
use crate::listen::player::Input;
use crate::location::article_url;
use crate::view::article_page::ArticlePage;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article and its links.
    pub model: Rc<ArticlePage>,
}

/// The chunk a click landed on, while reading (指读).
fn clicked_chunk(e: &MouseEvent) -> Option<usize> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("[data-chunk]").ok()??.get_attribute("data-chunk")?.parse().ok()
}

/// One article, for reading.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let model = &props.model;
    let a = &model.article;
    let next = model.next.as_ref();
    let listening = use_listening(a.clone(), next.map(|n| AttrValue::Rc(n.href.clone())));
    let now = listening.shown.now;
    let active = listening.active();
    let (detached, onreturn) = use_follow_along(active, now.chunk);
    let script = &listening.script;
    // Each block as printed, or, while reading, as chunks with the one being read marked.
    let say = |block: usize, plain: AttrValue| match active {
        true => spoken(script, block, now.chunk),
        false => html! { { plain } },
    };
    let byline = a.byline();
    let meta = format!("约 {} 分钟读完 · {} 字", a.reading_minutes, a.chars);
    let mut block = 2;
    let mut next_block = || {
        block += 1;
        block - 1
    };
    let lead: Html = a.lead.iter().map(|p| html! { <p>{ say(next_block(), text(p)) }</p> }).collect();
    let sections: Html = a
        .sections
        .iter()
        .map(|s| {
            let heading = say(next_block(), text(&s.heading));
            let paragraphs: Html =
                s.paragraphs.iter().map(|p| html! { <p>{ say(next_block(), text(p)) }</p> }).collect();
            html! { <section><h2>{ heading }</h2>{ paragraphs }</section> }
        })
        .collect();
    let signature = say(next_block(), text(&a.signature));
    let share_title = AttrValue::from(format!("{} {byline}", a.title()));
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let onpoint = {
        let send = listening.send.clone();
        Callback::from(move |e: MouseEvent| {
            if let (true, Some(chunk)) = (active, clicked_chunk(&e)) {
                send.emit(Input::Play(chunk));
            }
        })
    };
    let said = announcement(&listening, next.map(|n| &*n.label));
    let player = player_bar(&listening, Around { next: next.map(|n| &*n.label), detached, onreturn: &onreturn });
    let url = AttrValue::from(article_url(&a.id));
    html! {
        <>
            <nav class="crumbs" aria-label="返回">
                <a class="back" href={AttrValue::Rc(model.back.clone())}><span aria-hidden="true">{ "← " }</span>{ "返回文章列表" }</a>
            </nav>
            <article class={classes!("article", active.then_some("listening"))} aria-labelledby="page-title" onclick={onpoint}>
                <header class="article-header">
                    if let Some(page) = &model.page {
                        <p class="article-page"><a href={AttrValue::Rc(page.href.clone())}>{ AttrValue::Rc(page.label.clone()) }</a></p>
                    }
                    if a.editor_title.is_some() {
                        <p class="article-department">{ text(&a.department) }</p>
                    }
                    <h1 id="page-title" tabindex="-1">{ say(0, AttrValue::from(a.title().to_owned())) }</h1>
                    <p class="byline">{ say(1, AttrValue::from(byline)) }</p>
                    <p class="article-meta">{ meta }</p>
                    <div class="article-tools">
                        <button type="button" class="button" onclick={onprint}>{ "打印本文" }</button>
                        { share_button(&share_title, &url) }
                        // Last: should it not appear, its empty place ends the row.
                        { read_aloud(&listening) }
                    </div>
                </header>
                { player }
                <p class="visually-hidden" role="status">{ said }</p>
                <div class="article-body">
                    { lead }
                    { sections }
                    <p class="signature">{ signature }</p>
                </div>
            </article>
            { article_more(&model.keywords, &model.related) }
            <nav class="pager" aria-label="上一篇与下一篇">
                if let Some(prev) = &model.prev {
                    <a class="pager-prev" rel="prev" href={AttrValue::Rc(prev.href.clone())}>
                        <span class="pager-dir">{ "上一篇" }</span>
                        <span class="pager-label">{ AttrValue::Rc(prev.label.clone()) }</span>
                    </a>
                }
                if let Some(next) = next {
                    <a class="pager-next" rel="next" href={AttrValue::Rc(next.href.clone())}>
                        <span class="pager-dir">{ "下一篇" }</span>
                        <span class="pager-label">{ AttrValue::Rc(next.label.clone()) }</span>
                    </a>
                }
            </nav>
        </>
    }
}
