//! Presentational components, one a file: data and callbacks in, markup out.

pub mod article_card;
pub mod article_view;
pub mod filter_bar;
pub mod list_view;
pub mod marked;
pub mod not_found;
pub mod read_aloud;
pub mod reading_controls;
pub mod search_box;
