//! What each screen shows, as data: built from the catalogue, the route and the search
//! results, with every link written for where it is shown (`links`). Pure: the
//! components render it, native tests check it with tables of routes and links.

pub mod article_page;
pub mod links;
pub mod list_status;
pub mod listing;
pub mod page_choices;
pub mod screen;
