//! gzip at level 9 and brotli at quality 11, as the site's precompressed siblings and the
//! benchmarks' byte counts need them. Plain functions over bytes: the codecs are generic
//! (brotli over its allocator, reader and writer), and generic code is compiled in the
//! crate that names its types. Named here, it is compiled with this crate's optimisation,
//! which the workspace's dev profile sets to 3 (the site's build runs as a debug build);
//! named in the app's crate, it was compiled unoptimised, 3.3 times slower
//! (docs/performance.md).

use std::io::Write as _;

/// `bytes` gzip-compressed at level 9.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// `bytes` brotli-compressed at quality 11 with a 4 MiB window (lgwin 22), what
/// `brotli -q 11` does.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into memory");
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    #[test]
    fn both_read_back_as_they_were() {
        let text = "拱墅区各部门党委(党组)成员召开集中学习交流会。".repeat(40);
        let (gz, br) = (super::gzip(text.as_bytes()), super::brotli(text.as_bytes()));
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < gz.len() && gz.len() < text.len() / 4, "{} {} {}", br.len(), gz.len(), text.len());
    }
}
