//! How many search results the list shows: a page at a time, more on request, and back to
//! one page for each new query or filter. The count is kept together with the search it
//! belongs to, so a new search starts at one page in the same render (an effect resetting
//! it would render every new query twice).

use yew::prelude::*;

use crate::search::SHOWN_RESULTS;

/// The number of results to show for the search `key` identifies, and the callback that
/// shows a page more.
#[hook]
pub fn use_paging<K: PartialEq + Clone + 'static>(key: K) -> (usize, Callback<()>) {
    let paged = use_state(|| (key.clone(), SHOWN_RESULTS));
    let shown = if paged.0 == key { paged.1 } else { SHOWN_RESULTS };
    let onmore = {
        let paged = paged.clone();
        Callback::from(move |()| paged.set((key.clone(), shown + SHOWN_RESULTS)))
    };
    (shown, onmore)
}
