//! index: every searchable passage of every article, tokenized once, with postings from
//! Han characters, Han bigrams, words and pinyin initials to where they occur.

use std::collections::HashMap;

use super::pinyin::readings;
use super::tokenize::{tokenize, Key, Token};
use crate::content::Article;

/// Which part of an article a passage is; ranking weighs them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The department as printed.
    Department = 0,
    /// The author's name and posts.
    Author = 1,
    /// A numbered section heading (or an editor's title).
    Heading = 2,
    /// A paragraph.
    Body = 3,
}

/// Number of [`Field`]s.
pub const FIELDS: usize = 4;

/// A tokenized piece of an article.
#[derive(Debug, Clone)]
pub struct Passage {
    /// Position of the article in the indexed slice.
    pub article: u32,
    /// What part of the article this is.
    pub field: Field,
    /// The original text (token offsets point into it).
    pub text: String,
    /// Its tokens.
    pub tokens: Vec<Token>,
}

/// Where a token occurs: passage number and token number within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Index into [`Index::passages`].
    pub passage: u32,
    /// Index into that passage's tokens.
    pub token: u32,
}

/// The search index over a set of articles.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every passage, article by article.
    pub passages: Vec<Passage>,
    /// Number of articles.
    pub articles: u32,
    /// Tokens per field, per article (BM25's field length).
    pub field_len: Vec<[u32; FIELDS]>,
    /// Average of `field_len` over articles, per field.
    pub avg_len: [f32; FIELDS],
    pub(crate) han: HashMap<char, Vec<Posting>>,
    pub(crate) bigrams: HashMap<(char, char), Vec<Posting>>,
    pub(crate) words: HashMap<Box<str>, Vec<Posting>>,
    pub(crate) initials: HashMap<u8, Vec<Posting>>,
}

impl Index {
    /// Indexes `articles`; hits refer to them by position.
    pub fn build<A: AsRef<Article>>(articles: &[A]) -> Index {
        let mut index = Index { articles: articles.len() as u32, ..Index::default() };
        for (n, article) in articles.iter().enumerate() {
            let a = article.as_ref();
            let mut lens = [0u32; FIELDS];
            let mut add = |field: Field, text: &str| {
                index.add(n as u32, field, text);
                lens[field as usize] += index.passages.last().map_or(0, |p| p.tokens.len() as u32);
            };
            add(Field::Department, &a.department);
            add(Field::Author, &a.author);
            add(Field::Author, &a.posts.join("、"));
            if let Some(title) = &a.editor_title {
                add(Field::Heading, title);
            }
            for p in &a.lead {
                add(Field::Body, p);
            }
            for s in &a.sections {
                add(Field::Heading, &s.heading);
                for p in &s.paragraphs {
                    add(Field::Body, p);
                }
            }
            index.field_len.push(lens);
        }
        let n = index.field_len.len().max(1) as f32;
        for f in 0..FIELDS {
            index.avg_len[f] = index.field_len.iter().map(|l| l[f] as f32).sum::<f32>() / n;
        }
        index
    }

    fn add(&mut self, article: u32, field: Field, text: &str) {
        let passage = self.passages.len() as u32;
        let tokens = tokenize(text);
        for (t, token) in tokens.iter().enumerate() {
            let at = Posting { passage, token: t as u32 };
            match &token.key {
                Key::Han(c) => {
                    self.han.entry(*c).or_default().push(at);
                    if let Some(Token { key: Key::Han(next), pos, .. }) = tokens.get(t + 1) {
                        if *pos == token.pos + 1 {
                            self.bigrams.entry((*c, *next)).or_default().push(at);
                        }
                    }
                    let mut letters: Vec<u8> = readings(*c).iter().filter_map(|r| r.bytes().next()).collect();
                    letters.dedup();
                    for l in letters {
                        self.initials.entry(l).or_default().push(at);
                    }
                }
                Key::Word(w) => self.words.entry(w.clone()).or_default().push(at),
            }
        }
        self.passages.push(Passage { article, field, text: text.to_owned(), tokens });
    }

    /// Postings of a Han character.
    pub fn han_postings(&self, c: char) -> &[Posting] {
        self.han.get(&c).map_or(&[], Vec::as_slice)
    }

    /// Postings of two adjacent Han characters.
    pub fn bigram_postings(&self, a: char, b: char) -> &[Posting] {
        self.bigrams.get(&(a, b)).map_or(&[], Vec::as_slice)
    }

    /// Postings of a word.
    pub fn word_postings(&self, w: &str) -> &[Posting] {
        self.words.get(w).map_or(&[], Vec::as_slice)
    }

    /// Han tokens with a reading that starts with `letter`.
    pub fn initial_postings(&self, letter: u8) -> &[Posting] {
        self.initials.get(&letter).map_or(&[], Vec::as_slice)
    }
}
