//! The places where listening stopped, kept in localStorage (`listen::place` has the form).

use crate::listen::place::{self, Place};
use crate::settings::PLACES_KEY;
use crate::storage::{remove, store, stored};

fn all() -> Vec<Place> {
    stored(PLACES_KEY).map(|s| place::parse(&s)).unwrap_or_default()
}

fn keep(places: &[Place]) {
    match places.is_empty() {
        true => remove(PLACES_KEY),
        false => store(PLACES_KEY, &place::format(places)),
    }
}

/// Remembers that reading `article` stopped at `offset` of `block`.
pub fn remember(article: &str, block: usize, offset: usize) {
    keep(&place::remember(&all(), Place { article: article.to_owned(), block, offset }));
}

/// Forgets `article`'s place: it was heard to the end.
pub fn forget(article: &str) {
    let places = all();
    if place::find(&places, article).is_some() {
        keep(&place::forget(&places, article));
    }
}

/// Where reading `article` stopped, as (block, offset).
pub fn find(article: &str) -> Option<(usize, usize)> {
    place::find(&all(), article).map(|p| (p.block, p.offset))
}
