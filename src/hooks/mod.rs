//! Custom hooks, one a file: behaviour a component needs from the browser, kept out of
//! the components' markup. The root component (`app.rs`) composes most of them.

pub mod use_archive;
pub mod use_document_title;
pub mod use_follow_along;
pub mod use_keep_in_view;
pub mod use_listening;
pub mod use_paging;
pub mod use_portal_frame;
pub mod use_results;
pub mod use_route_listener;
pub mod use_scroll_memory;
pub mod use_search_index;
pub mod use_search_to_top;
pub mod use_settings_sync;
pub mod use_slash_focus;
pub mod use_started;
