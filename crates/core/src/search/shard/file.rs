//! file: one bucket of the sharded index as bytes, and back. A bucket holds every key whose
//! hash falls in it, each with the articles filed under it.
//!
//! ```text
//! "GSX1" · bucket u32 · buckets u32 · keys u32            (little-endian)
//! per key, ascending: key u32 · n varint · n × (article gap varint, weight u8)
//! FNV-1a 32 of everything before it, u32
//! ```
//!
//! Reading checks the magic, the bucket's place, every length and the checksum: a file cut
//! short, corrupted, or from another build's bucketing is refused with what is wrong.

use super::super::index::FIELDS;
use super::super::rank::KNOBS;
use super::keys::ShardKey;

const MAGIC: &[u8; 4] = b"GSX1";

/// An article filed under a key: its number in the series' catalogue order, and how it
/// holds the key (see [`Weight`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filed {
    /// The article's number in the series (pages in order, then articles).
    pub article: u32,
    /// How it holds the key.
    pub weight: Weight,
}

/// How much an article holds a key, in a byte: BM25's part for one term (`rank`), each
/// field's count saturating, weighed by field and by its length against the series'
/// average, as a share of the most it can be. Nothing held is 0; anything held at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub struct Weight(pub u8);

impl Weight {
    /// The weight of a key found `counts` times per field in fields `len` long, against
    /// average lengths `avg`.
    pub fn of(counts: &[u16; FIELDS], len: &[u32; FIELDS], avg: &[f32; FIELDS]) -> Weight {
        let share = Weight::score(counts, len, avg) / Weight::most();
        if counts.iter().all(|&c| c == 0) {
            return Weight(0);
        }
        Weight((share * 255.0).round().clamp(1.0, 255.0) as u8)
    }

    /// The score this weight stands for (up to rounding).
    pub fn value(self) -> f32 {
        f32::from(self.0) / 255.0 * Weight::most()
    }

    fn score(counts: &[u16; FIELDS], len: &[u32; FIELDS], avg: &[f32; FIELDS]) -> f32 {
        let k = &KNOBS;
        (0..FIELDS)
            .filter(|&f| counts[f] > 0)
            .map(|f| {
                let c = f32::from(counts[f]);
                let norm = k.k1 * (1.0 - k.b + k.b * len[f] as f32 / avg[f].max(1.0));
                k.weights[f] * c * (k.k1 + 1.0) / (c + norm)
            })
            .sum()
    }

    /// The most a score can be: every field's term frequency saturated.
    fn most() -> f32 {
        KNOBS.weights.iter().sum::<f32>() * (KNOBS.k1 + 1.0)
    }
}

/// A bucket read back: its keys ascending, each with its articles ascending.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bucket {
    /// (key, articles).
    pub keys: Vec<(ShardKey, Vec<Filed>)>,
}

impl Bucket {
    /// The articles filed under `key` (none when the key is not in this bucket).
    pub fn get(&self, key: ShardKey) -> &[Filed] {
        self.keys.binary_search_by(|(k, _)| k.cmp(&key)).map_or(&[], |i| &self.keys[i].1)
    }
}

/// FNV-1a, 32 bits.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Writes bucket `number` of `buckets`: `keys` ascending, each one's articles ascending.
pub fn write(number: u32, buckets: u32, keys: &[(ShardKey, Vec<Filed>)]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for v in [number, buckets, keys.len() as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for (key, filed) in keys {
        out.extend_from_slice(&key.to_le_bytes());
        put_varint(&mut out, filed.len() as u32);
        let mut last = 0;
        for f in filed {
            put_varint(&mut out, f.article - last);
            out.push(f.weight.0);
            last = f.article;
        }
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Reads what [`write`] wrote, expecting bucket `number` of `buckets`.
pub fn read(bytes: &[u8], number: u32, buckets: u32) -> Result<Bucket, &'static str> {
    let body = bytes.len().checked_sub(4).map(|n| &bytes[..n]).ok_or("cut short")?;
    let sum = u32::from_le_bytes(bytes[body.len()..].try_into().map_err(|_| "cut short")?);
    if checksum(body) != sum {
        return Err("checksum does not match");
    }
    let mut r = Reader { bytes: body, at: 0 };
    if r.take(4)? != MAGIC {
        return Err("not an index bucket");
    }
    if r.u32()? != number || r.u32()? != buckets {
        return Err("another bucket");
    }
    let n = r.u32()?;
    let mut keys = Vec::with_capacity(n.min(1 << 16) as usize);
    for _ in 0..n {
        let key = r.u32()?;
        let count = r.varint()?;
        let mut filed = Vec::with_capacity(count.min(1 << 16) as usize);
        let mut article = 0u32;
        for _ in 0..count {
            article = article.checked_add(r.varint()?).ok_or("article out of range")?;
            filed.push(Filed { article, weight: Weight(r.take(1)?[0]) });
        }
        keys.push((key, filed));
    }
    if r.at != body.len() {
        return Err("bytes after the last key");
    }
    Ok(Bucket { keys })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("cut short")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, &'static str> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "cut short")?))
    }

    fn varint(&mut self) -> Result<u32, &'static str> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u32::from(b & 0x7f).checked_shl(shift).ok_or("bad number")?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad number")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<(ShardKey, Vec<Filed>)> {
        let f = |article, w| Filed { article, weight: Weight(w) };
        vec![(3, vec![f(0, 1), f(7, 0x41)]), (900, vec![f(70_000, 2)])]
    }

    #[test]
    fn reads_what_it_wrote_and_refuses_damage() {
        let bytes = write(5, 64, &sample());
        let bucket = read(&bytes, 5, 64).expect("reads");
        assert_eq!(bucket.keys, sample());
        assert_eq!(bucket.get(3).len(), 2);
        assert!(bucket.get(4).is_empty());
        assert_eq!(read(&bytes[..bytes.len() - 1], 5, 64), Err("checksum does not match"));
        assert_eq!(read(&bytes, 6, 64), Err("another bucket"));
        let mut flipped = bytes.clone();
        flipped[20] ^= 1;
        assert_eq!(read(&flipped, 5, 64), Err("checksum does not match"));
        assert_eq!(read(&[], 5, 64), Err("cut short"));
    }

    #[test]
    fn weights_rank_names_over_bodies_and_short_over_long() {
        let avg = [10.0, 10.0, 50.0, 500.0];
        let len = [10, 10, 50, 500];
        let w = |counts: [u16; FIELDS], len: [u32; FIELDS]| Weight::of(&counts, &len, &avg);
        assert_eq!(w([0, 0, 0, 0], len), Weight(0));
        assert!(w([1, 0, 0, 0], len) > w([0, 0, 0, 1], len), "a name over a paragraph");
        assert!(w([0, 0, 0, 2], len) > w([0, 0, 0, 1], len), "more is more");
        assert!(w([0, 0, 0, 1], [10, 10, 50, 200]) > w([0, 0, 0, 1], len), "in a shorter article");
        assert!(w([0, 0, 0, 1], [10, 10, 50, 100_000]).0 >= 1, "anything held is something");
        assert!(w([60, 60, 60, 60], [1, 1, 1, 1]).0 >= 240, "saturates near the most");
        assert!(
            (w([1, 0, 0, 0], len).value() - 4.0).abs() < 0.1,
            "as rank scores it: {}",
            w([1, 0, 0, 0], len).value()
        );
    }
}
