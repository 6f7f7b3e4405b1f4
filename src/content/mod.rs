//! The content: the core's model and checks (`reader_core::content`), and the pages this
//! build compiled in (`embedded`).

pub mod embedded;

pub use reader_core::content::*;
