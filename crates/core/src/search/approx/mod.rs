//! approx: the second pass, for when the strict match finds too little. A term may match
//!
//! - **as it sounds or with a slip** (`runs`): a run of the text as long as the term of
//!   characters, every one the same or sounding alike (`sounds`), or, in longer terms, one
//!   wrong in four to seven, two in eight or more, the rest the same; at least half of
//!   them exactly the same (社区矫证 → 社区矫正, 预酸 → 预算);
//! - **in pieces** (`pieces`): words of it (two tokens or more, or one word of letters)
//!   found in one article, in any of its fields, covering three quarters of it or more
//!   (教育局党委书记 → 区教育局 + 党委书记; 社区矫正工作站 → 社区矫正 + 工作);
//! - **in pinyin with a slip** (`slips`): a letter swapped, missing or extra in a syllable
//!   of three letters or more (minzehng → 民政);
//! - **as the office says it** (`synonyms`): the public's word in the term replaced by the
//!   office's, from a small reviewed table (老百姓 → 群众, 看病 → 就医).
//!
//! None looks in an article where the term matches exactly, and none forgives an
//! official's address (王局长: `content::addresses`): a wrong surname is another person.
//!
//! What shares with the articles only single characters, or sound-alike pairs that are
//! not together in one run of text, matches nothing. Approximate matches carry a quality
//! below an exact one's, so ranking puts them under exact ones; and an approximate hit that
//! scores under a share of the best hit's is left out (a common word of a long term, found
//! in an article about something else). The knobs are in `rank::Knobs`.
//!
//! | term       | text       | matches              |
//! |------------|------------|----------------------|
//! | `预酸`      | `预算`      | yes: 酸 sounds suan  |
//! | `鱼酸`      | `预算`      | no: nothing the same |
//! | `残联足球`  | `残联`      | no: half of it       |
//! | `社区娇正`  | `社区矫正`  | yes: 娇 sounds jiao  |
//! | `社区X正`   | `社区矫正`  | yes: one slip in four |
//! | `社X`       | `社区`      | no: a slip in two    |

mod pieces;
mod runs;
mod slips;
mod synonyms;

use super::index::Index;
use super::query::{Match, Term};
use super::tokenize::Token;
use crate::content::addresses::is_address;

pub use synonyms::said as synonyms_said;

/// Longest term, in tokens, given a second pass: longer ones are pasted text, not typed.
pub const MAX_TOKENS: usize = 16;

/// The approximate matches of `term`, in no particular order, outside the articles of its
/// `exact` matches.
pub fn find(index: &Index, term: &Term, exact: &[Match]) -> Vec<Match> {
    let (q, text) = (&term.tokens, term.text());
    let mut done = vec![false; index.articles as usize];
    let article_of = |m: &Match| index.passages[m.passage as usize].article as usize;
    for m in exact {
        done[article_of(m)] = true;
    }
    if let Some(pinyin) = &term.pinyin {
        return slips::slipped(index, pinyin).into_iter().filter(|m| !done[article_of(m)]).collect();
    }
    if q.len() < 2 || q.len() > MAX_TOKENS || is_address(&text) {
        return Vec::new();
    }
    let mut found: Vec<Match> = runs::alike_runs(index, q).into_iter().filter(|m| !done[article_of(m)]).collect();
    // An article where the whole term sounds right needs no pieces of it.
    for m in &found {
        done[article_of(m)] = true;
    }
    found.extend(pieces::pieces(index, q).into_iter().filter(|m| !done[article_of(m)]));
    found.extend(synonyms::synonyms(index, &text).into_iter().filter(|m| !done[article_of(m)]));
    found
}

/// Wrong characters allowed in a term of `n`.
pub fn slips(n: usize) -> usize {
    match n {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn adjacent(tokens: &[Token]) -> bool {
    tokens.windows(2).all(|w| w[1].pos == w[0].pos + 1)
}

#[cfg(test)]
mod tests {
    use super::super::query::parse;
    use super::*;

    /// An index of one article whose paragraphs are `text`.
    fn index_of(text: &[&'static str]) -> Index {
        Index::build(&[crate::fixtures::article(text)])
    }

    #[test]
    fn pieces_cover_most_of_a_term_and_a_repeated_word_once() {
        let index = index_of(&["加强社区矫正。", "做好服务。", "工作"]);
        let matched = |term: &str| !find(&index, &parse(term)[0], &[]).is_empty();
        assert!(matched("社区矫正工作站"), "社区矫正 and 工作: six of seven");
        assert!(!matched("服务服务"), "服务 once is half of it");
        assert!(!matched("社区足球"), "half of it");
        assert!(matched("服务社区"), "words of it in different passages: all of it");
    }
}
