//! The document title follows the view and the list's page: what the tab, history and
//! bookmarks show (the pre-rendered pages carry the same titles, from
//! `view::screen::document_title`).

use yew::prelude::*;

/// Sets the document title to `title` whenever it changes (not on every keystroke of a
/// search, which changes the route but rarely the title).
#[hook]
pub fn use_document_title(title: String) {
    use_effect_with(title, |title| gloo::utils::document().set_title(title));
}
