//! Presentational components: data and callbacks in, markup out.

pub mod article_card;
