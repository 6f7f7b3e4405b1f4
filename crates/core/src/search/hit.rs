//! hit: a search result in full for the UI: the best excerpt of the article, and what
//! matched in its department (through its short names too), name and posts (through
//! the addresses too: 黄局长).

use std::collections::HashMap;
use std::ops::Range;

use super::excerpt::{excerpt, through, tidy};
use super::index::{Field, Index};
use super::query::{Match, EXACT};
use super::Hit;

impl Index {
    /// The hits for `top` (article, score), in order. `kind[a]`: whether article `a`
    /// matches approximately; an exact hit shows its `exact` matches, an approximate one
    /// its `loose` ones (both per term).
    pub(super) fn hits(
        &self,
        top: &[(u32, f32)],
        kind: &[Option<bool>],
        exact: &[Vec<Match>],
        loose: &[Vec<Match>],
    ) -> Vec<Hit> {
        // One pass over the matches, kept only for the articles shown.
        let mut shown: HashMap<u32, Vec<Match>> = top.iter().map(|&(a, _)| (a, Vec::new())).collect();
        for (approximate, matches) in [(false, exact), (true, loose)] {
            for m in matches.iter().flatten() {
                let a = self.passages[m.passage as usize].article;
                if kind[a as usize] == Some(approximate) {
                    if let Some(list) = shown.get_mut(&a) {
                        list.push(*m);
                    }
                }
            }
        }
        top.iter()
            .map(|&(a, score)| Hit { approximate: kind[a as usize] == Some(true), ..self.hit(a, score, &shown[&a]) })
            .collect()
    }

    fn hit(&self, article: u32, score: f32, mine: &[Match]) -> Hit {
        let ranges = |passage: u32| -> Vec<Range<usize>> {
            let tokens = &self.passages[passage as usize].tokens;
            mine.iter()
                .filter(|m| m.passage == passage)
                .map(|m| tokens[m.first as usize].start as usize..tokens[m.last as usize].end as usize)
                .collect()
        };
        let passages = || self.article_passages[article as usize].clone();
        let of_field = |field: Field| passages().filter(move |&p| self.passages[p as usize].field == field);
        // The department as printed, and through it what matched in its short names; a full
        // name that matched where these spell nothing (拱墅区住房和城乡建设局 for 区住建局)
        // marks the printed department whole.
        let mut departments = of_field(Field::Department);
        let department_marks = departments.next().map_or_else(Vec::new, |printed| {
            let text = &self.passages[printed as usize].text;
            let mut marks = ranges(printed);
            let mut aliased = false;
            for alias in departments {
                let alias_text = &self.passages[alias as usize].text;
                for r in ranges(alias) {
                    aliased = true;
                    marks.extend(through(&alias_text[r], text));
                }
            }
            if marks.is_empty() && aliased {
                marks.push(0..text.len());
            }
            tidy(marks)
        });
        // The name, then the posts, then through the addresses (黄局长: the surname in the
        // name, the title in the posts).
        let mut people = of_field(Field::Author);
        let (name, posts) = (people.next(), people.next());
        let mut author_marks = name.map(&ranges).unwrap_or_default();
        let mut posts_marks = posts.map(&ranges).unwrap_or_default();
        if let (Some(name), Some(posts)) = (name, posts) {
            let (name, posts) = (&self.passages[name as usize].text, &self.passages[posts as usize].text);
            for address in people {
                let text = &self.passages[address as usize].text;
                // The surname: what the address shares with the start of the name.
                let same = name.chars().zip(text.chars()).take_while(|(a, b)| a == b);
                let surname: usize = same.map(|(c, _)| c.len_utf8()).sum();
                for r in ranges(address) {
                    if r.start < surname {
                        author_marks.push(r.start..r.end.min(surname));
                    }
                    if r.end > surname {
                        posts_marks.extend(through(&text[r.start.max(surname)..r.end], posts));
                    }
                }
            }
            (author_marks, posts_marks) = (tidy(author_marks), tidy(posts_marks));
        }
        // The text passage that shows the match best: an approximate one if any (it is what
        // the hit is about), then the most of them (earliest on ties); else the opening.
        let mut best: Option<(u32, (bool, u32))> = None;
        for p in passages().filter(|&p| matches!(self.passages[p as usize].field, Field::Body | Field::Heading)) {
            let here = mine.iter().filter(|m| m.passage == p);
            let key = (here.clone().any(|m| m.quality < EXACT), here.map(|m| u32::from(m.quality)).sum());
            if key.1 > 0 && best.is_none_or(|(_, b)| key > b) {
                best = Some((p, key));
            }
        }
        let excerpt = match best {
            Some((p, _)) => excerpt(&self.passages[p as usize].text, &ranges(p)),
            None => {
                of_field(Field::Body).next().map(|p| excerpt(&self.passages[p as usize].text, &[])).unwrap_or_default()
            }
        };
        Hit {
            article: article as usize,
            score,
            excerpt,
            department_marks,
            author_marks,
            posts_marks,
            approximate: false,
        }
    }
}
