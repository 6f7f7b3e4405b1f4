//! Where a listener stopped, per article, so that opening it again offers to go on
//! (从上次位置继续). Stored in one string, most recent first, at most [`KEEP`] articles:
//! `3-07:5:120 3-01:2:0` (article id, block, byte offset in the block; see
//! [`super::script::Script::place_of`]). Anything unreadable in it is skipped.

/// How many articles' places are kept.
pub const KEEP: usize = 20;

/// Where reading stopped in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The article's id.
    pub article: String,
    /// The block.
    pub block: usize,
    /// The byte offset in the block.
    pub offset: usize,
}

/// An article id as places store it: what ids are made of, nothing that could split a
/// stored entry.
fn is_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The places in a stored string; unreadable entries are skipped.
pub fn parse(stored: &str) -> Vec<Place> {
    stored
        .split_ascii_whitespace()
        .filter_map(|entry| {
            let mut parts = entry.split(':');
            let article = parts.next().filter(|id| is_id(id))?.to_owned();
            let block = parts.next()?.parse().ok()?;
            let offset = parts.next()?.parse().ok()?;
            parts.next().is_none().then_some(Place { article, block, offset })
        })
        .take(KEEP)
        .collect()
}

/// The stored form of `places`.
pub fn format(places: &[Place]) -> String {
    places.iter().map(|p| format!("{}:{}:{}", p.article, p.block, p.offset)).collect::<Vec<_>>().join(" ")
}

/// `places` with `place` first, replacing that article's older one.
pub fn remember(places: &[Place], place: Place) -> Vec<Place> {
    if !is_id(&place.article) {
        return places.to_vec();
    }
    let older: Vec<Place> = places.iter().filter(|p| p.article != place.article).take(KEEP - 1).cloned().collect();
    std::iter::once(place).chain(older).collect()
}

/// `places` without `article`'s.
pub fn forget(places: &[Place], article: &str) -> Vec<Place> {
    places.iter().filter(|p| p.article != article).cloned().collect()
}

/// `article`'s place, if one is kept.
pub fn find<'a>(places: &'a [Place], article: &str) -> Option<&'a Place> {
    places.iter().find(|p| p.article == article)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(article: &str, block: usize, offset: usize) -> Place {
        Place { article: article.into(), block, offset }
    }

    #[test]
    fn round_trip_most_recent_first_and_junk_skipped() {
        let list = remember(&[], place("3-01", 2, 0));
        let list = remember(&list, place("3-07", 5, 120));
        let list = remember(&list, place("3-01", 4, 9));
        assert_eq!(format(&list), "3-01:4:9 3-07:5:120");
        assert_eq!(parse(&format(&list)), list);
        assert_eq!(find(&list, "3-07"), Some(&place("3-07", 5, 120)));
        assert_eq!(format(&forget(&list, "3-01")), "3-07:5:120");
        for junk in ["", "3-01", "3-01:x:0", "3-01:1:2:3", "<b>:1:2", "3-01:-1:0", "a:1:99999999999999999999999"] {
            assert_eq!(parse(junk), [], "{junk:?}");
        }
        assert_eq!(parse("  junk 3-02:1:2\n"), [place("3-02", 1, 2)]);
        assert_eq!(remember(&list, place("a b", 1, 1)), list, "an id that would split the entry is not kept");
    }

    #[test]
    fn only_the_latest_are_kept() {
        let mut list = Vec::new();
        for i in 0..KEEP + 5 {
            list = remember(&list, place(&format!("3-{i:02}"), i, 0));
        }
        assert_eq!(list.len(), KEEP);
        assert_eq!(list[0].article, format!("3-{:02}", KEEP + 4));
        assert_eq!(parse(&format(&list)).len(), KEEP);
    }
}
