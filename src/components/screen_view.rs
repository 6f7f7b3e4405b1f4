//! The page around every view, rendering a [`Screen`]: the skip link, the header (the
//! brand, in a portal frame the link to the full reader, the reading settings, the
//! masthead over the list), the notice, the list, an article, not found, or the notice about
//! an article's page being fetched, and the footer.

use yew::prelude::*;

use super::article_view::ArticleView;
use super::list_view::ListView;
use super::not_found::NotFound;
use super::pending_notice::pending_notice;
use super::reading_controls::ReadingControls;
use crate::archive::Remedy;
use crate::frame::PortalFrame;
use crate::location::full_reader_url;
use crate::settings::{TextSize, Theme};
use crate::texts::SITE_NAME;
use crate::view::screen::{Body, Screen};

/// What the screen's controls do, and the settings they show.
pub struct Controls {
    /// The reader's text size.
    pub text_size: TextSize,
    /// The reader's theme.
    pub theme: Theme,
    /// In a portal's frame.
    pub embedded: bool,
    /// The portal's frame, for the player to keep the chunk being read in view.
    pub portal: PortalFrame,
    /// Picks a text size.
    pub onsize: Callback<TextSize>,
    /// Picks a theme.
    pub ontheme: Callback<Theme>,
    /// Toggles one department.
    pub ontoggle: Callback<String>,
    /// Clears the department selection.
    pub onall: Callback<()>,
    /// Changes the query.
    pub onsearch: Callback<String>,
    /// The search box got focus.
    pub onsearchfocus: Callback<FocusEvent>,
    /// Shows more search results.
    pub onmore: Callback<()>,
    /// Fetches the pages not at hand again, or reloads the page.
    pub onremedy: Callback<Remedy>,
}

/// Moves focus to the main part: the hash is the route, so the skip link must not change it.
fn skip_to_main(e: MouseEvent) {
    e.prevent_default();
    let main = gloo::utils::document().get_element_by_id("main");
    if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok()) {
        let _ = main.focus();
    }
}

/// The whole screen.
pub fn screen_view(screen: Screen, c: Controls) -> Html {
    let is_list = matches!(screen.body, Body::List(_));
    let body = match screen.body {
        Body::List(list) => html! {
            <ListView
                {list}
                onmore={c.onmore}
                ontoggle={c.ontoggle}
                onall={c.onall}
                onsearch={c.onsearch}
                onsearchfocus={c.onsearchfocus}
                pending={screen.pending.clone()}
                onremedy={c.onremedy.clone()}
            />
        },
        // Keyed: another article is another reading view, its player and marks anew.
        Body::Article(model) => {
            let key = model.article.id.to_string();
            html! { <ArticleView {key} {model} /> }
        }
        Body::NotFound { id, back } => {
            html! { <NotFound id={id.map(AttrValue::from)} back_href={AttrValue::from(back)} /> }
        }
        Body::Waiting => screen.pending.as_ref().map_or_else(Html::default, |p| pending_notice(p, &c.onremedy)),
    };
    let home = AttrValue::from(screen.home);
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(skip_to_main)}>{ "跳到正文" }</a>
            <header class="site-header">
                <div class="bar">
                    <a class="brand" href={home}>{ SITE_NAME }</a>
                    if c.embedded {
                        <a class="open-full" href={full_reader_url()} target="_top">{ "打开完整阅读器" }</a>
                    }
                    <ReadingControls text_size={c.text_size} theme={c.theme} onsize={c.onsize} ontheme={c.ontheme} />
                </div>
                if let Some(masthead) = screen.masthead {
                    <div class="masthead">
                        <p class="campaign">{ masthead.campaign }</p>
                        <h1 id="page-title" tabindex="-1">{ masthead.title }</h1>
                    </div>
                }
            </header>
            <main id="main" tabindex="-1" class={classes!(if is_list { "view-list" } else { "view-article" })}>
                if let Some(notice) = screen.notice {
                    <p class="notice" role="status">{ notice }</p>
                }
                <ContextProvider<PortalFrame> context={c.portal}>{ body }</ContextProvider<PortalFrame>>
            </main>
            <footer class="site-footer">
                <p>{ screen.footer }</p>
                <p>{ "本站文字据报纸版面原文整理，未作删改。" }</p>
            </footer>
        </>
    }
}
