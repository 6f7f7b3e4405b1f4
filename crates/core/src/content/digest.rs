//! The digest that names a folder of data files by their content, and lets the app check
//! what it fetched (each file sealed with its own: `seal`, `unseal`): FNV-1a, 64 bits, as
//! 16 hex digits. Not cryptographic: it guards against files cut short, corrupted or from
//! another build, not against a host that lies (which could change the page itself).

/// FNV-1a's offset basis and prime, 64 bits.
const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The digest of `bytes`.
pub fn digest(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(BASIS, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    // By hand, not `format!("{hash:016x}")`: the padded hex formatter is code the WASM
    // would carry for this alone.
    (0..16).rev().map(|i| char::from(b"0123456789abcdef"[(hash >> (i * 4)) as usize & 15])).collect()
}

/// `text` sealed with its digest: the digest, a line break, the text. What the app fetches
/// of the series is sealed (a page's file, an article's), so it can check what came.
#[cfg(feature = "build")]
pub fn seal(text: &str) -> String {
    format!("{}\n{text}", digest(text.as_bytes()))
}

/// What [`seal`] sealed, if its digest is right (checked on the bytes, so a file cut in
/// the middle of a character is told as cut, by its digest) and it is UTF-8.
pub fn unseal(sealed: &[u8]) -> Result<&str, String> {
    let line = sealed.iter().position(|&b| b == b'\n').ok_or("no digest line")?;
    let (sum, text) = (&sealed[..line], &sealed[line + 1..]);
    if digest(text).as_bytes() != sum {
        return Err(format!("digest {}, not {}", digest(text), String::from_utf8_lossy(sum)));
    }
    std::str::from_utf8(text).map_err(|_| "not UTF-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "build")]
    fn what_is_sealed_unseals_and_what_is_cut_short_or_changed_is_refused() {
        let good = seal("{}");
        assert_eq!(good, format!("{}\n{{}}", digest(b"{}")));
        assert_eq!(unseal(good.as_bytes()), Ok("{}"));
        assert!(unseal(&good.as_bytes()[..good.len() - 1]).unwrap_err().starts_with("digest "));
        assert!(unseal(good.replace("{}", "[]").as_bytes()).unwrap_err().starts_with("digest "));
        assert_eq!(unseal(b"{}").unwrap_err(), "no digest line");
        let chinese = seal("第三期");
        let cut = &chinese.as_bytes()[..chinese.len() - 1];
        assert!(unseal(cut).unwrap_err().starts_with("digest "), "cut inside a character: told by its digest");
        let not_text = [digest(&[0xff]).as_bytes(), b"\n\xff"].concat();
        assert_eq!(unseal(&not_text).unwrap_err(), "not UTF-8");
    }

    #[test]
    fn matches_the_published_test_vectors() {
        assert_eq!(digest(b""), "cbf29ce484222325");
        assert_eq!(digest(b"a"), "af63dc4c8601ec8c");
        assert_eq!(digest(b"foobar"), "85944171f73967e8");
        assert_ne!(digest("第三期".as_bytes()), digest("第四期".as_bytes()));
    }
}
