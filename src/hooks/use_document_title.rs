//! The document title follows the route (the view, and the list's page): what the tab, history and bookmarks show (the
//! pre-rendered pages carry the same titles, from `Catalog::document_title`).

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Catalog;
use crate::route::Route;

/// Sets the title whenever `route` changes.
#[hook]
pub fn use_document_title(catalog: Rc<Catalog>, route: Route) {
    use_effect_with(route, move |route| gloo::utils::document().set_title(&catalog.document_title(route)));
}
