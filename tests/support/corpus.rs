//! A deterministic synthetic corpus for benchmarks: `n` articles made from the real ones
//! by recombining their paragraphs with a fixed pseudo-random sequence, so every run of
//! every bench searches the same text. Included by the benchmarks (`#[path]`), not part
//! of the app.

use reader::content::model::Text;
use reader::content::{Article, Section};

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
