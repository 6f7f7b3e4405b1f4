//! Presentational components, one a file: data and callbacks in, markup out.

pub mod article_card;
pub mod article_more;
pub mod article_view;
pub mod filter_bar;
pub mod list_view;
pub mod marked;
pub mod not_found;
pub mod page_bar;
pub mod pending_notice;
pub mod player_bar;
pub mod read_aloud;
pub mod reading_controls;
pub mod screen_view;
pub mod search_box;
pub mod share_button;
pub mod spoken;

use yew::AttrValue;

use crate::content::model::Text;

/// Content text as a Yew value without copying it: the app's content is `'static` (read
/// once for good, `content::embedded::read`) and stays where it is (`AttrValue::Static`).
pub fn text(t: &Text) -> AttrValue {
    match t {
        std::borrow::Cow::Borrowed(s) => AttrValue::Static(s),
        std::borrow::Cow::Owned(s) => AttrValue::from(s.clone()),
    }
}
