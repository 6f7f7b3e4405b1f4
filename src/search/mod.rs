//! Chinese full-text search, pure Rust: normalize → tokenize → index → query → rank →
//! excerpt, one file a stage. Searching never fails: any string yields ranked results or
//! none.

pub mod excerpt;
pub mod index;
pub mod normalize;
pub mod pinyin;
pub mod query;
pub mod rank;
pub mod tables;
pub mod tokenize;

use std::ops::Range;

pub use excerpt::Excerpt;
pub use index::{Field, Index};

use query::Match;

/// One article that matches every term of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the article in the indexed slice.
    pub article: usize,
    /// BM25 score; higher is better.
    pub score: f32,
    /// The best window of body or heading text, highlighted; the opening when only the
    /// department or author matched.
    pub excerpt: Excerpt,
    /// Byte ranges of the article's `department` that matched.
    pub department_marks: Vec<Range<usize>>,
    /// Byte ranges of the article's `author` that matched.
    pub author_marks: Vec<Range<usize>>,
}

impl Index {
    /// Searches; best first. An empty or unsearchable query gives no hits.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let terms = query::parse(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let matches: Vec<Vec<Match>> = terms.iter().map(|t| query::find(self, t)).collect();
        rank::rank(self, &matches, &rank::KNOBS)
            .into_iter()
            .map(|(article, score)| self.hit(article, score, &matches))
            .collect()
    }

    fn hit(&self, article: u32, score: f32, matches: &[Vec<Match>]) -> Hit {
        let mine: Vec<&Match> =
            matches.iter().flatten().filter(|m| self.passages[m.passage as usize].article == article).collect();
        let ranges = |passage: u32| -> Vec<Range<usize>> {
            let tokens = &self.passages[passage as usize].tokens;
            mine.iter()
                .filter(|m| m.passage == passage)
                .map(|m| tokens[m.first as usize].start as usize..tokens[m.last as usize].end as usize)
                .collect()
        };
        let passages = || (0..self.passages.len() as u32).filter(|&p| self.passages[p as usize].article == article);
        let field_marks = |field: Field| -> Vec<Range<usize>> {
            // The first passage of the field is the printed department / the name.
            passages().find(|&p| self.passages[p as usize].field == field).map(&ranges).unwrap_or_default()
        };
        // The text passage with the most matches (earliest on ties), else the opening.
        let best = passages()
            .filter(|&p| matches!(self.passages[p as usize].field, Field::Body | Field::Heading))
            .map(|p| (p, ranges(p).len()))
            .fold(None, |best: Option<(u32, usize)>, (p, n)| match best {
                Some((_, b)) if b >= n => best,
                _ if n == 0 => best,
                _ => Some((p, n)),
            });
        let excerpt = match best {
            Some((p, _)) => excerpt::excerpt(&self.passages[p as usize].text, &ranges(p)),
            None => passages()
                .find(|&p| self.passages[p as usize].field == Field::Body)
                .map(|p| excerpt::excerpt(&self.passages[p as usize].text, &[]))
                .unwrap_or_default(),
        };
        Hit {
            article: article as usize,
            score,
            excerpt,
            department_marks: field_marks(Field::Department),
            author_marks: field_marks(Field::Author),
        }
    }
}
