//! The document title follows the view: what the tab, history and bookmarks show (the
//! pre-rendered pages carry the same titles, from `Catalog::document_title`).

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Catalog;
use crate::route::View;

/// Sets the title whenever `view` changes.
#[hook]
pub fn use_document_title(catalog: Rc<Catalog>, view: View) {
    use_effect_with(view, move |view| gloo::utils::document().set_title(&catalog.document_title(view)));
}
