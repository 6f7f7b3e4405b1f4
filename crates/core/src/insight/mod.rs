//! What the build derives from the articles for readers who finish one: its keywords and
//! the articles most related to it, with the phrases they share. Computed natively at build
//! time (`crate::bake`, with the search's own tokenizer), shipped as
//! static data (`model::Insight`): the WASM carries the results, not the algorithm.
//! Deterministic: the same articles give the same insights, byte for byte.
//!
//! Phrases are words (jieba's dictionary) and words in a row within the runs of Han
//! characters the search's tokenizer keeps together (never across punctuation), two to
//! six characters long (terms in quotation marks as printed), so a keyword searched for
//! finds its article.

pub mod keywords;
pub mod phrases;
pub mod related;

/// How many of an article's best ranked phrases may be given as a reason it is related.
const SALIENT: usize = 25;

/// An article as the insights see it.
#[derive(Debug, Clone)]
pub struct Source {
    /// Its id.
    pub id: String,
    /// Its department, as printed and short: phrases inside them say nothing new.
    pub departments: Vec<String>,
    /// Its text in reading order: lead, headings, paragraphs.
    pub blocks: Vec<String>,
}

impl Source {
    /// An article of the content as the insights see it.
    pub fn of(a: &crate::content::Article) -> Self {
        Self {
            id: a.id.to_string(),
            departments: vec![a.department.to_string(), a.department_short.to_string()],
            blocks: a.blocks().map(str::to_owned).collect(),
        }
    }
}

/// What the build ships for one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Its id.
    pub id: String,
    /// At most six keywords (four, where it has as many candidates), best first.
    pub keywords: Vec<String>,
    /// At most three related other articles, best first, each with the phrases shared.
    pub related: Vec<(String, Vec<String>)>,
}

/// Keywords and related articles for every article, in the order given.
pub fn insights(sources: &[Source]) -> Vec<Found> {
    let counted = phrases::Counted::new(sources);
    let keywords: Vec<Vec<String>> = (0..sources.len()).map(|a| keywords::keywords(&counted, a)).collect();
    let vectors = related::vectors(&counted);
    let salient: Vec<std::collections::BTreeSet<String>> = (0..sources.len())
        .map(|a| keywords::ranked(&counted, a).into_iter().take(SALIENT).map(|(p, _)| p).collect())
        .collect();
    (0..sources.len())
        .map(|a| Found {
            id: sources[a].id.clone(),
            keywords: keywords[a].clone(),
            related: related::related(&counted, &vectors, a, &keywords, &salient),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::third_page;

    fn sources() -> Vec<Source> {
        third_page().articles.iter().map(Source::of).collect()
    }

    #[test]
    fn four_to_six_keywords_from_each_article_none_a_stop_word() {
        let sources = sources();
        for (found, source) in insights(&sources).iter().zip(&sources) {
            let n = found.keywords.len();
            assert!((keywords::FEWEST..=keywords::MOST).contains(&n), "{}: {:?}", found.id, found.keywords);
            for k in &found.keywords {
                assert!(k.chars().count() >= 2, "{}: {k}", found.id);
                assert!(source.blocks.iter().any(|b| b.contains(k.as_str())), "{}: {k} is in its text", found.id);
                assert!(!phrases::STOP.contains(&k.as_str()), "{}: {k} is a stop word", found.id);
                assert!(!phrases::CAMPAIGN.iter().any(|c| k.contains(c)), "{}: {k} is the campaign's", found.id);
            }
        }
    }

    #[test]
    fn three_related_articles_never_itself_sharing_what_both_say() {
        let sources = sources();
        let text = |id: &str| sources.iter().find(|s| s.id == id).unwrap().blocks.concat();
        for found in insights(&sources) {
            assert_eq!(found.related.len(), related::RELATED, "{}", found.id);
            let mut ids: Vec<&str> = found.related.iter().map(|(id, _)| id.as_str()).collect();
            assert!(!ids.contains(&found.id.as_str()), "{} is not related to itself", found.id);
            ids.dedup();
            assert_eq!(ids.len(), related::RELATED, "{}: three different articles", found.id);
            for (id, shared) in &found.related {
                for phrase in shared {
                    assert!(
                        text(&found.id).contains(phrase.as_str()) && text(id).contains(phrase.as_str()),
                        "{phrase}"
                    );
                }
            }
        }
    }

    fn made(id: &str, text: &str) -> Source {
        Source { id: id.into(), departments: vec!["区测试局".into()], blocks: vec![text.into()] }
    }

    #[test]
    fn few_or_unrelated_articles_give_what_they_can_and_never_panic() {
        assert!(insights(&[]).is_empty());
        let one = insights(&[made("1-01", "残疾人事业。残疾人事业。")]);
        assert!(one[0].related.is_empty(), "no other article");
        // Twins tie with each other; the stranger shares nothing and is related to none.
        let text = "楼宇招商成效明显。楼宇招商。重大项目落地。";
        let found = insights(&[
            made("b", text),
            made("a", text),
            made("c", "运河中央公园开园。公园绿化。"),
            made("d", "法律援助进社区。律师普法。"),
        ]);
        let related = |id: &str| {
            found.iter().find(|f| f.id == id).unwrap().related.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>()
        };
        assert_eq!(related("a"), ["b"]);
        assert_eq!(related("b"), ["a"]);
        assert!(related("c").is_empty(), "nothing shared, nothing related: {:?}", related("c"));
    }

    #[test]
    fn the_same_articles_give_the_same_insights() {
        assert_eq!(insights(&sources()), insights(&sources()));
        let mut reversed = sources();
        reversed.reverse();
        let mut again = insights(&reversed);
        again.reverse();
        assert_eq!(again, insights(&sources()), "whatever the order of the articles");
    }
}
