//! A deterministic synthetic corpus for benchmarks: `n` articles made from the real ones
//! by recombining their paragraphs with a fixed pseudo-random sequence, so every run of
//! every bench searches the same text.

use crate::content::model::Text;
use crate::content::{Article, Section};

/// Multiplier and increment of the linear congruential generator (Knuth's MMIX).
const LCG_A: u64 = 6364136223846793005;
const LCG_C: u64 = 1442695040888963407;

/// `n` articles built from `real` (which must not be empty): each takes its department
/// and author from one real article and its paragraphs from others.
pub fn synthetic(real: &[Article], n: usize) -> Vec<Article> {
    let paragraphs: Vec<&str> = real.iter().flat_map(|a| a.blocks()).collect();
    let mut state = 42u64;
    let mut next = move |bound: usize| {
        state = state.wrapping_mul(LCG_A).wrapping_add(LCG_C);
        ((state >> 33) as usize) % bound.max(1)
    };
    (0..n)
        .map(|i| {
            let model = &real[i % real.len()];
            let lead: Vec<Text> = (0..2).map(|_| paragraphs[next(paragraphs.len())].to_owned().into()).collect();
            let sections: Vec<Section> = (0..3)
                .map(|s| Section {
                    heading: format!(
                        "{}、{}",
                        ["一", "二", "三"][s],
                        paragraphs[next(paragraphs.len())].chars().take(16).collect::<String>()
                    )
                    .into(),
                    paragraphs: (0..2).map(|_| paragraphs[next(paragraphs.len())].to_owned().into()).collect(),
                })
                .collect();
            let mut a = Article {
                id: format!("s-{i:04}").into(),
                lead: lead.into(),
                sections: sections.into(),
                ..model.clone()
            };
            a.chars = a.count_chars();
            a
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded;

    #[test]
    fn the_corpus_is_deterministic_and_sized() {
        let real: Vec<Article> = embedded::library().articles().cloned().collect();
        let a = synthetic(&real, 50);
        assert_eq!(a.len(), 50);
        assert_eq!(a, synthetic(&real, 50));
        assert_eq!(a[49].id, "s-0049");
        assert!(a.iter().all(|x| x.chars > 100));
    }
}
