//! The Gongshu reader's pure core, with no web crate in its dependencies: the content model
//! and its checks (`content`), the search (`search`), the read-aloud player's logic
//! (`listen`) and Han ranges (`han`), compiled into the app on every target; and, with the
//! `build` feature (native), the ingest of printed text (`content::ingest`), the insights
//! (`insight`) and the baking of content into the app's static data (`bake`).

#[cfg(feature = "build")]
pub mod bake;
pub mod content;
#[cfg(any(test, feature = "build"))]
pub mod fixtures;
pub mod han;
#[cfg(feature = "build")]
pub mod insight;
pub mod listen;
pub mod numerals;
pub mod search;
