//! The digest that names a data file by its content and lets the app check what it
//! fetched: FNV-1a, 64 bits, as 16 hex digits. Not cryptographic: it guards against files
//! cut short, corrupted or from another build, not against a host that lies (which could
//! change the page itself).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_test_vectors() {
        assert_eq!(digest(b""), "cbf29ce484222325");
        assert_eq!(digest(b"a"), "af63dc4c8601ec8c");
        assert_eq!(digest(b"foobar"), "85944171f73967e8");
        assert_ne!(digest("第三期".as_bytes()), digest("第四期".as_bytes()));
    }
}
