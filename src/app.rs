//! The root component: loads the embedded content once and shows the page's articles.

use yew::prelude::*;

use crate::components::article_card::ArticleCard;
use crate::content::embedded::{self, Library};

/// The reader application.
#[function_component(App)]
pub fn app() -> Html {
    // Parsing the embedded JSON is the only start-up work; do it once per mount.
    let library = use_memo((), |_| embedded::load());
    match &*library {
        Ok(library) => html! { <Reader library={Library::clone(library)} /> },
        Err(e) => html! {
            <main class="load-error" role="alert">
                <h1>{ "内容暂时无法显示" }</h1>
                <p>{ "文章数据读取失败，请稍后刷新重试。" }</p>
                <p class="detail">{ e.to_string() }</p>
            </main>
        },
    }
}

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The loaded content.
    pub library: Library,
}

/// The list of articles under the page header.
#[function_component(Reader)]
fn reader(props: &ReaderProps) -> Html {
    let Some(page) = props.library.pages.first() else {
        return html! { <main><p>{ "暂无文章。" }</p></main> };
    };
    let cards: Html = props.library.articles().map(|a| html! { <ArticleCard key={a.id.clone()} article={a.clone()} /> }).collect();
    html! {
        <>
            <header class="masthead">
                <p class="campaign">{ &page.campaign }</p>
                <h1>{ &page.title }</h1>
            </header>
            <main id="main">
                <ul class="cards" aria-label="文章列表">{ cards }</ul>
            </main>
        </>
    }
}
