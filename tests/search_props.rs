//! Property tests: searching never panics, whatever the reader types, and every offset the
//! core hands the UI slices text on character boundaries. `PROPTEST_CASES` sets the number
//! of inputs per property (256 by default; the long run in the notes used 1,000,000).
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use reader::content::Article;
use reader::search::excerpt::excerpt;
use reader::search::normalize::fold;
use reader::search::tokenize::tokenize;
use reader::search::Index;

#[path = "support/third_page.rs"]
mod third_page;

fn index() -> &'static (Vec<Article>, Index) {
    static INDEX: OnceLock<(Vec<Article>, Index)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let articles: Vec<Article> = third_page::third_page_articles();
        let index = Index::build(&articles);
        (articles, index)
    })
}

/// Arbitrary Unicode, weighted towards what matters here: Han, pinyin letters, full-width
/// forms, spaces, punctuation, zero-width and bidi controls, emoji.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(String::from),
        "[残联教育局财政区殘聯區]{1,4}",
        "[a-zA-Z ]{1,8}",
        "[\u{FF01}-\u{FF5E}\u{3000}]{1,3}",
        "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{FEFF}]{1,2}",
        "[，。“”、 \t\n]{1,3}",
        Just("😀".to_owned()),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

/// A run of an article's text with characters replaced: what the approximate pass is for.
fn misspelt() -> impl Strategy<Value = String> {
    (
        0usize..10,
        any::<prop::sample::Index>(),
        2usize..12,
        prop::collection::vec((any::<prop::sample::Index>(), "[\u{4E00}-\u{9FA5}蒜证住]"), 0..3),
    )
        .prop_map(|(article, at, len, edits)| {
            let (articles, _) = index();
            let text: Vec<char> = articles[article % articles.len()].blocks().collect::<String>().chars().collect();
            let start = at.index(text.len().saturating_sub(len).max(1));
            let mut run: Vec<char> = text[start..(start + len).min(text.len())].to_vec();
            for (i, c) in edits {
                if !run.is_empty() {
                    let i = i.index(run.len());
                    run[i] = c.chars().next().unwrap_or('字');
                }
            }
            run.into_iter().collect()
        })
}

proptest! {
    #[test]
    fn search_never_panics_and_hits_are_sane(query in prop_oneof![text(), misspelt()], filter in 1usize..5) {
        let (articles, index) = index();
        // Every article, or every `filter`th: what matches must not depend on it.
        let results = index.search_top(&query, usize::MAX, |a| a % filter == 0);
        prop_assert_eq!(&results.matching, &index.search_top(&query, 0, |_| true).matching);
        let hits = &results.hits;
        prop_assert_eq!(results.exact, hits.iter().filter(|h| !h.approximate).count());
        for (i, hit) in hits.iter().enumerate() {
            prop_assert!(hit.article < articles.len() && hit.article % filter == 0);
            prop_assert!(hit.score.is_finite());
            // Exact hits first, each kind best first.
            if i > 0 {
                let prev = &hits[i - 1];
                prop_assert!(prev.approximate <= hit.approximate);
                prop_assert!(prev.approximate != hit.approximate || prev.score >= hit.score);
            }
            for m in &hit.excerpt.marks {
                prop_assert!(hit.excerpt.text.get(m.clone()).is_some());
            }
            let a = &articles[hit.article];
            for m in &hit.department_marks { prop_assert!(a.department.get(m.clone()).is_some()); }
            for m in &hit.author_marks { prop_assert!(a.author.get(m.clone()).is_some()); }
            let posts = a.posts.join("、");
            for m in &hit.posts_marks { prop_assert!(posts.get(m.clone()).is_some()); }
        }
    }

    #[test]
    fn fold_and_tokenize_offsets_slice_the_original(s in text()) {
        let mut last = 0;
        for f in fold(&s) {
            prop_assert!(s.get(f.start as usize..f.end as usize).is_some());
            prop_assert!(f.start as usize >= last);
            last = f.end as usize;
        }
        let tokens = tokenize(&s);
        for w in tokens.windows(2) {
            prop_assert!(w[0].pos < w[1].pos && w[0].end <= w[1].start);
        }
        for t in &tokens {
            prop_assert!(s.get(t.start as usize..t.end as usize).is_some());
        }
    }

    #[test]
    fn excerpt_never_panics(s in text(), ranges in prop::collection::vec((0usize..200, 0usize..200), 0..6)) {
        let ranges: Vec<_> = ranges.into_iter().map(|(a, b)| a..b).collect();
        let e = excerpt(&s, &ranges);
        for m in &e.marks {
            prop_assert!(e.text.get(m.clone()).is_some() && m.start < m.end);
        }
        for w in e.marks.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
    }
}
