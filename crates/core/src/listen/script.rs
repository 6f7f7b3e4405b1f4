//! What is read aloud of an article, in order: its blocks (the heading, the byline, the
//! lead, each section heading and paragraph, the signature) and each block cut into
//! chunks ([`super::chunk`]), which are what the engine speaks, one at a time, and what
//! the reading view marks.

use std::ops::Range;

use super::chunk::{split, MAX_CHARS};
use crate::content::Article;

/// Where a block sits in the reading view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's heading (`h1`).
    Title,
    /// Posts and name under it.
    Byline,
    /// A paragraph before the first section.
    Lead,
    /// A section's heading (`h2`).
    Heading,
    /// A section's paragraph.
    Paragraph,
    /// The signature line as printed.
    Signature,
}

/// One block of the article and its chunks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Where it sits.
    pub kind: BlockKind,
    /// Its text as shown.
    pub text: String,
    /// The indices of its chunks in [`Script::chunks`].
    pub chunks: Range<usize>,
}

/// One chunk: a stretch of one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The index of its block in [`Script::blocks`].
    pub block: usize,
    /// Its bytes in the block's text.
    pub range: Range<usize>,
}

/// An article as it is read aloud.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Every block's chunks, in reading order.
    pub chunks: Vec<Chunk>,
}

impl Script {
    /// The script of `article`, in chunks of at most [`MAX_CHARS`] characters.
    pub fn of(article: &Article) -> Script {
        let mut texts = vec![(BlockKind::Title, article.title().to_owned()), (BlockKind::Byline, article.byline())];
        texts.extend(article.lead.iter().map(|p| (BlockKind::Lead, p.to_string())));
        for s in article.sections.iter() {
            texts.push((BlockKind::Heading, s.heading.to_string()));
            texts.extend(s.paragraphs.iter().map(|p| (BlockKind::Paragraph, p.to_string())));
        }
        texts.push((BlockKind::Signature, article.signature.to_string()));
        Script::from_blocks(texts, MAX_CHARS)
    }

    /// The script of these blocks, in chunks of at most `max` characters.
    pub fn from_blocks(texts: Vec<(BlockKind, String)>, max: usize) -> Script {
        let mut script = Script::default();
        for (kind, text) in texts {
            let block = script.blocks.len();
            let first = script.chunks.len();
            script.chunks.extend(split(&text, max).into_iter().map(|range| Chunk { block, range }));
            script.blocks.push(Block { kind, text, chunks: first..script.chunks.len() });
        }
        script
    }

    /// How many chunks there are.
    pub fn len(&self) -> usize {
        self.chunks.len()
    }

    /// Whether there is nothing to read.
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// The text of chunk `i` (empty past the end).
    pub fn text(&self, i: usize) -> &str {
        self.chunks.get(i).map_or("", |c| &self.blocks[c.block].text[c.range.clone()])
    }

    /// The block chunk `i` is in (the last past the end).
    pub fn block_of(&self, i: usize) -> usize {
        self.chunks.get(i).or(self.chunks.last()).map_or(0, |c| c.block)
    }

    /// Where chunk `i` starts, as (block, byte offset in the block), the form a place is
    /// remembered in: it survives a change of the chunk size.
    pub fn place_of(&self, i: usize) -> (usize, usize) {
        self.chunks.get(i).map_or((0, 0), |c| (c.block, c.range.start))
    }

    /// The chunk that holds byte `offset` of `block`: the inverse of [`Script::place_of`],
    /// clamped to the script (a place remembered from an older text still lands somewhere).
    pub fn chunk_at(&self, block: usize, offset: usize) -> usize {
        let Some(b) = self.blocks.get(block) else { return self.len().saturating_sub(1) };
        let chunks = &self.chunks[b.chunks.clone()];
        let within = chunks.iter().rposition(|c| c.range.start <= offset).unwrap_or(0);
        (b.chunks.start + within).min(self.len().saturating_sub(1))
    }

    /// Where reading is, for the status line: "第 3 段，共 12 段" (blocks, from one).
    pub fn where_is(&self, i: usize) -> String {
        format!("第 {} 段，共 {} 段", self.block_of(i) + 1, self.blocks.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script() -> Script {
        Script::from_blocks(
            vec![
                (BlockKind::Title, "区残联".into()),
                (BlockKind::Paragraph, "甲乙丙，丁戊己。庚辛壬。".into()),
                (BlockKind::Paragraph, String::new()),
                (BlockKind::Signature, "区残联 谢建青".into()),
            ],
            5,
        )
    }

    #[test]
    fn chunks_know_their_block_and_place() {
        let s = script();
        let texts: Vec<&str> = (0..s.len()).map(|i| s.text(i)).collect();
        assert_eq!(texts, ["区残联", "甲乙丙，", "丁戊己。", "庚辛壬。", "区残联 ", "谢建青"]);
        assert_eq!(s.blocks[2].chunks, 4..4, "an empty block has no chunks");
        assert_eq!((s.block_of(2), s.place_of(2)), (1, (1, "甲乙丙，".len())));
        assert_eq!(s.where_is(2), "第 2 段，共 4 段");
        assert_eq!(s.text(99), "");
    }

    #[test]
    fn a_place_finds_its_chunk_even_when_the_text_moved() {
        let s = script();
        for i in 0..s.len() {
            let (block, offset) = s.place_of(i);
            assert_eq!(s.chunk_at(block, offset), i);
        }
        assert_eq!(s.chunk_at(1, 4), 1, "inside a chunk: that chunk");
        assert_eq!(s.chunk_at(2, 0), 4, "an empty block: the next chunk");
        assert_eq!(s.chunk_at(9, 0), 5, "past the end: the last chunk");
    }
}
