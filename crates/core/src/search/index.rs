//! index: every searchable passage of every article, tokenized once, with postings from
//! Han characters, Han bigrams, words, pinyin syllables and pinyin initial pairs to where
//! they occur. The pinyin postings let a pinyin query start only where it can match: at
//! a character read exactly as the query, or at a pair of adjacent characters keyed by
//! what the first consumes (its reading or its initial) and the letter the second
//! starts with (`can`+`l`, `c`+`l` → 残联).
//!
//! The pinyin postings cost more than half of the build and serve only queries typed in
//! Latin letters, so they are built on the first such query, not with the rest.

use super::hash::FxHashMap;
use super::pinyin::{consumptions, pair_key, reading_rows, reading_set, token_readings};
use super::tokenize::{tokenize, Key, Token};
use crate::content::model::names;
use crate::content::Article;

/// Which part of an article a passage is; ranking weighs them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The department as printed, then its short names.
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
    /// Each token's pinyin reading row (see [`super::pinyin::token_readings`]).
    pub readings: Vec<u16>,
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
    /// The passages of each article (they are contiguous).
    pub article_passages: Vec<std::ops::Range<u32>>,
    pub(crate) han: FxHashMap<char, Vec<Posting>>,
    pub(crate) bigrams: FxHashMap<(char, char), Vec<Posting>>,
    pub(crate) words: FxHashMap<Box<str>, Vec<Posting>>,
    /// Built on first use (see the module docs).
    pinyin: std::sync::OnceLock<Pinyin>,
    /// The collection ranking weighs against, when these articles are a part of it (the
    /// candidates the sharded index found): its articles and average field lengths.
    pub corpus: Option<(u32, [f32; FIELDS])>,
}

/// The pinyin postings.
#[derive(Debug, Clone, Default)]
struct Pinyin {
    syllables: FxHashMap<&'static str, Vec<Posting>>,
    pairs: FxHashMap<u64, Vec<Posting>>,
}

impl Index {
    /// Indexes `articles`; hits refer to them by position.
    pub fn build<A: AsRef<Article>>(articles: &[A]) -> Index {
        let mut index = Index::default();
        for article in articles {
            index.push(article.as_ref());
        }
        index.finish();
        index
    }

    /// Adds the next article (a step of an incremental build; call [`Index::finish`] after
    /// the last one). Hits refer to articles in the order they were pushed.
    pub fn push(&mut self, a: &Article) {
        let n = self.articles;
        let first = self.passages.len() as u32;
        let mut lens = [0u32; FIELDS];
        let mut add = |field: Field, text: &str| {
            self.add(n, field, text);
            lens[field as usize] += self.passages.last().map_or(0, |p| p.tokens.len() as u32);
        };
        add(Field::Department, &a.department);
        add(Field::Author, &a.author);
        add(Field::Author, &a.posts_line());
        if let Some(title) = &a.editor_title {
            add(Field::Heading, title);
        }
        for p in a.lead.iter() {
            add(Field::Body, p);
        }
        for s in a.sections.iter() {
            add(Field::Heading, &s.heading);
            for p in s.paragraphs.iter() {
                add(Field::Body, p);
            }
        }
        // Last, so the printed name comes first (the UI highlights through them, see
        // `hit`); not counted in the field's length, which is the printed name's.
        for short in a.short_names.iter() {
            self.add(n, Field::Department, short);
        }
        // The full names, one a body of the department.
        for full in names(&a.full_names) {
            self.add(n, Field::Department, full);
        }
        // The surname with each post (黄局长), after the name and the posts, through which
        // `hit` highlights them; not counted either.
        for address in names(&a.addresses) {
            self.add(n, Field::Author, address);
        }
        self.field_len.push(lens);
        self.article_passages.push(first..self.passages.len() as u32);
        self.articles += 1;
    }

    /// The number of articles and average field lengths ranking uses: the whole
    /// collection's when this index holds a part of it (`corpus`), else its own.
    pub fn collection(&self) -> (u32, [f32; FIELDS]) {
        self.corpus.unwrap_or((self.articles, self.avg_len))
    }

    /// Completes a build: the per-field averages BM25 needs.
    pub fn finish(&mut self) {
        let n = self.field_len.len().max(1) as f32;
        for f in 0..FIELDS {
            self.avg_len[f] = self.field_len.iter().map(|l| l[f] as f32).sum::<f32>() / n;
        }
    }

    fn add(&mut self, article: u32, field: Field, text: &str) {
        let passage = self.passages.len() as u32;
        let tokens = tokenize(text);
        let readings = token_readings(&tokens);
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
                }
                Key::Word(w) => self.words.entry(w.clone()).or_default().push(at),
            }
        }
        self.passages.push(Passage { article, field, text: text.to_owned(), tokens, readings });
    }

    /// The pinyin postings, built from the passages on first use.
    fn pinyin(&self) -> &Pinyin {
        self.pinyin.get_or_init(|| {
            let mut pinyin = Pinyin::default();
            let mut pairs: Vec<u64> = Vec::new();
            // Each row's readings split once, not once per token.
            let rows: Vec<Vec<&'static str>> = (0..reading_rows()).map(|id| reading_set(id).collect()).collect();
            let reading_set = |id: u16| rows.get(usize::from(id)).map_or(&[][..], Vec::as_slice);
            for (p, passage) in self.passages.iter().enumerate() {
                let (tokens, readings) = (&passage.tokens, &passage.readings);
                for (t, token) in tokens.iter().enumerate() {
                    if !matches!(token.key, Key::Han(_)) {
                        continue;
                    }
                    let at = Posting { passage: p as u32, token: t as u32 };
                    let here = reading_set(readings[t]);
                    for r in here {
                        pinyin.syllables.entry(r).or_default().push(at);
                    }
                    if let Some(Token { key: Key::Han(_), pos, .. }) = tokens.get(t + 1) {
                        if *pos == token.pos + 1 {
                            let next = reading_set(readings[t + 1]);
                            pairs.clear();
                            for &r in here {
                                for a in consumptions(r) {
                                    for b in next {
                                        // A handful at most: dedup by hand, no sort needed.
                                        let key = pair_key(a, b.as_bytes()[0]);
                                        if !pairs.contains(&key) {
                                            pairs.push(key);
                                        }
                                    }
                                }
                            }
                            for &pair in &pairs {
                                pinyin.pairs.entry(pair).or_default().push(at);
                            }
                        }
                    }
                }
            }
            pinyin
        })
    }

    /// Builds the pinyin postings now if they are not yet (for benchmarks and warm-up).
    pub fn warm_pinyin(&self) {
        self.pinyin();
    }

    /// Approximate heap size in bytes: passages, tokens and postings (for reports).
    pub fn approx_bytes(&self) -> usize {
        let posting = std::mem::size_of::<Posting>();
        let lists =
            |n: usize, total: usize, key: usize| n * (key + std::mem::size_of::<Vec<Posting>>()) + total * posting;
        let passages: usize = self
            .passages
            .iter()
            .map(|p| {
                std::mem::size_of::<Passage>() + p.text.len() + p.tokens.len() * (std::mem::size_of::<Token>() + 2)
            })
            .sum();
        passages
            + lists(self.han.len(), self.han.values().map(Vec::len).sum(), 4)
            + lists(self.bigrams.len(), self.bigrams.values().map(Vec::len).sum(), 8)
            + lists(self.words.len(), self.words.values().map(Vec::len).sum(), 16)
            + self.pinyin.get().map_or(0, |p| {
                lists(p.syllables.len(), p.syllables.values().map(Vec::len).sum(), 16)
                    + lists(p.pairs.len(), p.pairs.values().map(Vec::len).sum(), 8)
            })
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

    /// Every reading of the indexed characters.
    pub fn syllables(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.pinyin().syllables.keys().copied()
    }

    /// Han tokens with the reading `syllable`.
    pub fn syllable_postings(&self, syllable: &str) -> &[Posting] {
        self.pinyin().syllables.get(syllable).map_or(&[], Vec::as_slice)
    }

    /// Han tokens that can consume `first` (a reading or an initial of theirs), followed by
    /// an adjacent one with a reading that starts with `next`.
    pub fn pinyin_pair_postings(&self, first: &str, next: u8) -> &[Posting] {
        self.pinyin().pairs.get(&pair_key(first, next)).map_or(&[], Vec::as_slice)
    }
}
