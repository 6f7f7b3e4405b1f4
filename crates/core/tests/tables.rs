//! The search with the tables the build makes for page 3 installed, as the app installs
//! its own: pinyin, homophones, traditional forms and the approximate pass that uses them.
//! Integration tests, so the search's modules need no test path to the build's side.

use reader_core::fixtures::{article, install_third_page_tables};
use reader_core::search::approx::{find, slips};
use reader_core::search::normalize::fold;
use reader_core::search::pinyin::{match_at, token_readings};
use reader_core::search::query::parse;
use reader_core::search::sounds::{everyday_reading, homophones};
use reader_core::search::tables::{installed, unpack};
use reader_core::search::tokenize::tokenize;
use reader_core::search::Index;

#[test]
fn the_unpacked_tables_are_sorted_and_whole() {
    install_third_page_tables();
    assert_eq!(unpack(&[3, 255, 0x10, 0x27, 0, 254]), [3, 10_003, 10_003, 10_257]);
    let t = installed();
    let chars = t.pinyin_chars();
    assert!(chars.windows(2).all(|w| w[0] < w[1]));
    assert!(chars.contains(&('残' as u16)) && chars.contains(&('联' as u16)));
    assert_eq!(t.row_bounds().len(), chars.len());
    let from = t.t2s_from();
    assert_eq!(from.len(), t.tables.t2s_to.len());
    assert!(from.windows(2).all(|w| w[0] < w[1]));
    assert!(from.contains(&('聯' as u16)));
}

#[test]
fn folds_like_the_table_in_normalize() {
    install_third_page_tables();
    for (original, folded) in [
        ("ＢＩＭ２０１９", "bim2019"),
        ("區長", "区长"),
        ("残\u{200B}联", "残联"),
        ("a\u{3000}\tb", "a  b"),
        ("\u{202E}abc\u{202C}", "abc"),
        ("ÄÖ", "äö"),
        ("残联", "残联"),
        ("，。“”", ",。“”"),
        ("😀", "😀"),
    ] {
        assert_eq!(fold(original).into_iter().map(|f| f.c).collect::<String>(), folded, "{original:?}");
    }
}

#[test]
fn pinyin_like_the_table_in_pinyin() {
    install_third_page_tables();
    let matches = |text: &str, query: &str| {
        let tokens = tokenize(text);
        let readings = token_readings(&tokens);
        (0..tokens.len()).any(|i| match_at(&tokens, &readings, i, query).is_some())
    };
    for (text, query, hit) in [
        ("残联", "canlian", true),
        ("残联", "cl", true),
        ("残联", "canli", true),
        ("残联", "canl", true),
        ("残联", "cali", false),
        ("残联", "can", true),
        ("残联", "ca", false),
        ("残联", "c", false),
        ("残联", "canlianx", false),
        ("区残联党组", "canliandangzu", true),
        ("行业联盟", "hangye", true),
        ("行业联盟", "xingye", true),
        ("行业联盟", "hylm", true),
        ("长远", "zhangyuan", true),
        ("长远", "changyuan", true),
        ("残，联", "canlian", false),
        ("区商务局", "swj", true),
        ("区商务局", "shangwuju", true),
        ("区商务局", "shwj", true),
    ] {
        assert_eq!(matches(text, query), hit, "{text} / {query}");
    }
}

#[test]
fn a_typed_character_stands_for_the_text_characters_of_its_everyday_reading() {
    install_third_page_tables();
    let of = homophones;
    assert!(of('证').contains(&'正'), "zheng");
    assert!(of('酸').contains(&'算'), "酸 is not in the content: its reading from the common characters");
    assert!(of('涨').contains(&'长'), "长 is also read zhang, as in 局长");
    assert!(!of('足').contains(&'局'), "足 is read ju only in old texts");
    assert!(!of('算').contains(&'预'));
    assert_eq!(of('😀'), ['😀'], "no reading: like nothing but itself");
    assert_eq!(of('酸')[0], '酸');
    assert_eq!(everyday_reading('算'), Some("suan"));
    assert_eq!(everyday_reading('行'), Some("xing"));
}

#[test]
fn approximate_runs_like_the_table_in_approx() {
    install_third_page_tables();
    let index = Index::build(&[article(&["预算。", "残联。", "社区矫正。", "社区。"])]);
    let matched = |term: &str| !find(&index, &parse(term)[0], &[]).is_empty();
    for (term, near) in
        [("预酸", true), ("鱼酸", false), ("残联足球", false), ("社区娇正", true), ("社区矢正", true), ("社矢", false)]
    {
        assert_eq!(matched(term), near, "{term}");
    }
    assert_eq!((slips(3), slips(4), slips(7), slips(8)), (0, 1, 1, 2));
}
