//! The content: the core's model and checks (`reader_core::content`), and the pages the app
//! shows (`embedded`: carried by the page, or natively read from the content files).

pub mod embedded;

pub use reader_core::content::*;
