//! Synonyms: the public's word for what the statements call by the office's word
//! (老百姓 → 群众, 看病 → 就医), from a small reviewed table of public-service vocabulary,
//! not a thesaurus. The term with the office's word in place of the public's matches as a
//! phrase, at the quality of a near match: below every exact hit, under the note that
//! says the hits are near ones.

use super::super::index::Index;
use super::super::query::{phrase_matches, Match};
use super::super::rank::{quality, KNOBS};
use super::super::tokenize::tokenize;

/// (the public's word, the office's), longer public words first where one holds another.
/// Reviewed: each office word is what notices and statements print for the public's.
const PAIRS: &[(&str, &str)] = &[
    ("老百姓", "群众"),
    ("百姓", "群众"),
    ("穷人", "困难群众"),
    ("老师", "教师"),
    ("孩子", "学生"),
    ("上学", "入学"),
    ("找工作", "就业"),
    ("公司", "企业"),
    ("法律帮助", "法律援助"),
    ("打官司", "诉讼"),
    ("看病", "就医"),
    ("低保", "最低生活保障"),
    ("补贴", "补助"),
    ("残废", "残疾人"),
    ("老人", "老年人"),
];

/// `term` (its Han characters) with the first public word in it said as the office says it.
pub fn said(term: &str) -> Option<String> {
    let (public, official) = PAIRS.iter().find(|(public, _)| term.contains(public))?;
    Some(term.replacen(public, official, 1))
}

/// The matches of `term` (its Han characters) with a public word in it said as the office says it.
pub(super) fn synonyms(index: &Index, term: &str) -> Vec<Match> {
    let Some(said) = said(term) else { return Vec::new() };
    let near = quality(KNOBS.near);
    phrase_matches(index, &tokenize(&said)).into_iter().map(|m| Match { quality: near, ..m }).collect()
}
