//! Custom hooks, one a file: behaviour a component needs from the browser, kept out of
//! the components' markup.

pub mod use_keep_in_view;
pub mod use_search_to_top;
