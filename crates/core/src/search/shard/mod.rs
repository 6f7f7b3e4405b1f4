//! The sharded index: the search across a whole archive without holding it. At build time
//! every article of the series is filed under keys (`keys`: sounds of adjacent
//! characters, words, pinyin starts) in buckets (`build`, `file`), files the app fetches
//! by the keys of a query. From the articles filed under them (`plan`), it fetches the
//! best candidates' texts and searches them with the full engine (`Index`), which decides
//! what matches, how well, and what to highlight: the buckets only narrow where to look.

pub mod build;
pub mod file;
pub mod keys;
pub mod plan;
pub mod search;

pub use build::{bucket_of, build, build_sized};
pub use file::{read, Bucket, Filed, Weight};
pub use keys::ShardKey;
pub use plan::{Candidates, Plan};
