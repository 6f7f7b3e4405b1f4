//! The pages of the series that a page does not carry: the state of fetching them, what
//! went wrong, and what the reader is told and can do about it. A page carries its own
//! articles; the others are files in a folder named by their digest, each sealed with its
//! own (`reader_core::content::bundle`), fetched when a route needs them (`Catalog::missing`,
//! `hooks::use_archive`); a search across the archive fetches the buckets of the sharded
//! index its query needs, then the articles worth searching (`across`), each a file of its
//! own. Pure: tested natively.
//!
//! Pages and articles that arrive join those at hand in batches: each join makes a new
//! catalog and a new search index of everything at hand, so joining a hundred files one by
//! one would index the first page a hundred times. A batch joins when nothing more is on
//! its way, or when it holds at least as many articles as are at hand: the articles at hand
//! then at least double with each join, and all the indexing adds up to at most about
//! twice one index of all of them, while the first results still grow as files come.

use std::rc::Rc;

use crate::content::Library;
use crate::search::shard::Bucket;

/// A file to fetch: a page's, a bucket of the sharded index, or an article's (by its number
/// in the series: pages in order, then articles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The file of the page with this number.
    Page(u32),
    /// A bucket of the index.
    Bucket(u32),
    /// An article's file.
    Text(u32),
}

/// Why a page's file did not arrive as the catalogue describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// No answer: the network is down, or the host is.
    Offline,
    /// The host no longer has it: files are named by their content, so a site built anew
    /// since this page was loaded has other names (or the host lost it).
    Gone,
    /// It arrived, but not as described: cut short, corrupted, or not the data it names.
    Damaged,
}

impl Fault {
    /// Its name, for the console (what `Debug` would print, without its code in the WASM).
    pub fn name(self) -> &'static str {
        match self {
            Fault::Offline => "Offline",
            Fault::Gone => "Gone",
            Fault::Damaged => "Damaged",
        }
    }
}

/// What the reader can do about a fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Fetch again.
    Retry,
    /// Load the page anew (a new deployment: its own catalogue names the new files).
    Reload,
}

/// The notice where the results or the article would be, while pages are missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// What is happening, or what went wrong.
    pub text: &'static str,
    /// The button, if there is something to do.
    pub remedy: Option<Remedy>,
}

/// The pages at hand, and fetching the others.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Archive {
    /// What the page carried, with every page and article fetched and joined since.
    pub library: Rc<Library>,
    /// The files being fetched.
    pub in_flight: Vec<Want>,
    /// Pages and articles that arrived and wait to join the batch (see the module's note).
    pub arrived: Vec<Library>,
    /// The buckets of the index that arrived, by number.
    pub buckets: Vec<(u32, Rc<Bucket>)>,
    /// The articles that arrived (joined, or waiting to), by their number in the series,
    /// ascending (`has_text`: a search asks of thousands of candidates).
    pub texts: Vec<u32>,
    /// What went wrong last, until the next try.
    pub fault: Option<Fault>,
    /// Files that did not come: not asked for again until the reader retries. (A list,
    /// not a set: a few, and a set of another type adds code to the WASM.)
    pub failed: Vec<Want>,
    /// Tries asked for by the reader, so a retry runs even when nothing else changed.
    pub tries: usize,
}

/// What happens while fetching.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Started fetching these files.
    Started(Vec<Want>),
    /// A page's or an article's file arrived and read.
    Arrived(Want, Library),
    /// A bucket of the index arrived and read.
    Bucket(u32, Rc<Bucket>),
    /// This file did not.
    Failed(Want, Fault),
    /// The reader asked to try again.
    Retry,
}

impl Archive {
    /// Nothing fetched yet.
    pub fn new(library: Rc<Library>) -> Archive {
        Archive { library, ..Archive::default() }
    }

    /// The archive after `step`.
    pub fn apply(&self, step: Step) -> Archive {
        let mut next = self.clone();
        match step {
            Step::Started(numbers) => {
                next.in_flight.extend(numbers);
                next.fault = None;
            }
            Step::Arrived(want, more) => {
                next.in_flight.retain(|&w| w != want);
                if let Want::Text(n) = want {
                    if let Err(at) = next.texts.binary_search(&n) {
                        next.texts.insert(at, n);
                    }
                }
                next.arrived.push(more);
                let waiting: usize = next.arrived.iter().map(|l| l.articles().count()).sum();
                if next.in_flight.is_empty() || waiting >= next.library.articles().count() {
                    next.join();
                }
            }
            Step::Bucket(number, bucket) => {
                next.in_flight.retain(|&w| w != Want::Bucket(number));
                next.buckets.push((number, bucket));
                if next.in_flight.is_empty() {
                    next.join();
                }
            }
            Step::Failed(want, fault) => {
                next.in_flight.retain(|&w| w != want);
                if next.in_flight.is_empty() {
                    next.join();
                }
                if !next.failed.contains(&want) {
                    next.failed.push(want);
                }
                // Gone outranks the rest: only reloading helps there.
                next.fault = Some(if self.fault == Some(Fault::Gone) { Fault::Gone } else { fault });
            }
            Step::Retry => {
                next.fault = None;
                next.failed.clear();
                next.tries += 1;
            }
        }
        next
    }

    /// The pages that arrived join those at hand.
    fn join(&mut self) {
        if !self.arrived.is_empty() {
            let joined = self.arrived.drain(..).fold((*self.library).clone(), |at_hand, more| at_hand.with(more));
            self.library = Rc::new(joined);
        }
    }

    /// Whether a file was asked for already: on its way, arrived (a page about to join, a
    /// bucket, an article), or failed (asked for again only when the reader retries).
    pub fn asked(&self, want: Want) -> bool {
        self.in_flight.contains(&want)
            || self.failed.contains(&want)
            || match want {
                Want::Page(n) => self.arrived.iter().any(|l| l.has_page(n)),
                Want::Bucket(n) => self.bucket(n).is_some(),
                Want::Text(n) => self.has_text(n),
            }
    }

    /// Whether the article numbered `n` in the series arrived.
    pub fn has_text(&self, n: u32) -> bool {
        self.texts.binary_search(&n).is_ok()
    }

    /// The bucket with this number, if it arrived.
    pub fn bucket(&self, number: u32) -> Option<&Bucket> {
        self.buckets.iter().find(|(n, _)| *n == number).map(|(_, b)| &**b)
    }

    /// The notice for a route that needs pages not at hand (`missing`): fetching, or what
    /// went wrong and what to do. None when nothing is missing.
    pub fn pending(&self, missing: bool) -> Option<Pending> {
        if !missing {
            return None;
        }
        Some(match (self.in_flight.len(), self.fault) {
            (0, Some(Fault::Offline)) => Pending {
                text: "其他各期的文章没有载入：网络不通。本期的文章照常可读、可搜索。",
                remedy: Some(Remedy::Retry),
            },
            (0, Some(Fault::Damaged)) => Pending {
                text: "其他各期的文章没有载入：收到的文件不完整。本期的文章照常可读、可搜索。",
                remedy: Some(Remedy::Retry),
            },
            (0, Some(Fault::Gone)) => Pending {
                text: "本站已经更新，刷新本页后才能载入其他各期的文章。本期的文章照常可读、可搜索。",
                remedy: Some(Remedy::Reload),
            },
            _ => Pending { text: "正在载入其他各期的文章……", remedy: None },
        })
    }
}

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
impl yew::Reducible for Archive {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new(self.apply(step))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Want::{Bucket, Page, Text};
    use super::*;

    /// Page 3's articles as page `number`'s, with ids of that page.
    fn page(number: u32) -> Library {
        let mut page = reader_core::fixtures::third_page();
        page.number = number;
        for (i, a) in page.articles.to_mut().iter_mut().enumerate() {
            a.id = format!("{number}-{:02}", i + 1).into();
        }
        Library::of_pages(vec![page])
    }

    #[test]
    fn pages_join_as_they_arrive_and_the_notice_follows_the_fetch() {
        let start = Archive::new(Rc::new(page(5)));
        assert_eq!(start.pending(false), None, "nothing missing, nothing to say");
        assert_eq!(start.pending(true).unwrap().remedy, None, "about to fetch: loading");
        let busy = start.apply(Step::Started(vec![Page(3), Page(4)]));
        assert_eq!(busy.pending(true).unwrap().text, "正在载入其他各期的文章……");
        assert!(busy.asked(Page(3)) && busy.asked(Page(4)) && !busy.asked(Page(2)));
        let one = busy.apply(Step::Arrived(Page(3), page(3)));
        assert_eq!(
            one.library.pages.iter().map(|p| p.number).collect::<Vec<_>>(),
            [3, 5],
            "as many as at hand: joined"
        );
        let failed = one.apply(Step::Failed(Page(4), Fault::Offline));
        assert_eq!((failed.in_flight.len(), failed.failed.clone()), (0, vec![Page(4)]));
        assert!(failed.asked(Page(4)), "not asked for again by itself");
        let notice = failed.pending(true).unwrap();
        assert_eq!(notice.remedy, Some(Remedy::Retry));
        assert!(notice.text.contains("网络不通") && notice.text.contains("本期的文章照常可读"), "{}", notice.text);
        let again = failed.apply(Step::Retry);
        assert_eq!((again.fault, again.tries, again.failed.len()), (None, 1, 0), "asked for again");
        assert!(!again.asked(Page(4)));
        assert_eq!(again.apply(Step::Started(vec![Page(4)])).pending(true).unwrap().remedy, None);
    }

    #[test]
    fn arrivals_join_when_they_would_double_the_pages_at_hand_or_nothing_more_comes() {
        let numbers = |a: &Archive| a.library.pages.iter().map(|p| p.number).collect::<Vec<_>>();
        let mut a = Archive::new(Rc::new(page(10))).apply(Step::Started((1..10).map(Page).collect()));
        let mut joins = vec![];
        for n in [9, 1, 8, 2, 7, 3, 6, 4] {
            let before = a.library.pages.len();
            a = a.apply(Step::Arrived(Page(n), page(n)));
            assert!(a.asked(Page(n)) || a.library.has_page(n), "page {n}: waiting to join, or joined");
            if a.library.pages.len() != before {
                joins.push(a.library.pages.len());
            }
        }
        assert_eq!(joins, [2, 4, 8], "each join doubles what is at hand");
        assert_eq!(a.arrived.len(), 1, "page 4 waits: one page more would not double eight");
        let a = a.apply(Step::Failed(Page(5), Fault::Offline));
        assert_eq!(numbers(&a), [1, 2, 3, 4, 6, 7, 8, 9, 10], "nothing more on its way: all join");
        assert!(a.arrived.is_empty() && a.in_flight.is_empty());
    }

    #[test]
    fn a_file_gone_asks_for_a_reload_whatever_else_failed() {
        let a = Archive::new(Rc::new(page(5))).apply(Step::Started(vec![Page(3), Bucket(4), Text(5)]));
        let a = a.apply(Step::Failed(Page(3), Fault::Gone)).apply(Step::Failed(Bucket(4), Fault::Damaged));
        assert_eq!(a.pending(true).unwrap().remedy, None, "one file still on its way: loading");
        let a = a.apply(Step::Failed(Text(5), Fault::Offline));
        let notice = a.pending(true).unwrap();
        assert_eq!(notice.remedy, Some(Remedy::Reload));
        assert!(notice.text.contains("刷新本页"), "{}", notice.text);
        let damaged = Archive::new(Rc::new(page(5)))
            .apply(Step::Started(vec![Bucket(3)]))
            .apply(Step::Failed(Bucket(3), Fault::Damaged));
        assert!(damaged.pending(true).unwrap().text.contains("不完整"));
    }
}
