//! The app's data as Rust source, through `databake`: every value written as the expression
//! that builds it, in the model's own types, all text borrowed, so a field the model gains
//! is written without a change here, and the app compiles its content in as `static` data.

use databake::{Bake, CrateEnv};

use crate::content::model::{Insight, Page};
use crate::search::tables::Tables;

/// `PAGES` (in the order given) and `INSIGHTS` (in article order), as Rust items.
pub fn content_rs(pages: &[Page], insights: &[Insight]) -> String {
    let env = CrateEnv::default();
    format!(
        "/// The embedded pages, in the order of their files (the catalog orders them by number).\n\
         pub static PAGES: &[reader_core::content::model::Page] = {};\n\
         /// Keywords and related articles of every article, in article order.\n\
         pub static INSIGHTS: &[reader_core::content::model::Insight] = {};\n",
        pages.bake(&env),
        insights.bake(&env)
    )
}

/// `TABLES`, the search tables, as a Rust item.
pub fn tables_rs(tables: &Tables) -> String {
    let env = CrateEnv::default();
    format!(
        "/// The search tables for the characters of the embedded pages.\n\
         pub static TABLES: reader_core::search::tables::Tables<'static> = {};\n",
        tables.bake(&env)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::third_page;

    #[test]
    fn the_pages_are_written_in_full_as_borrowed_static_data() {
        let page = third_page();
        let rs = content_rs(std::slice::from_ref(&page), &[]);
        assert!(
            rs.contains("PAGES: &[reader_core::content::model::Page] = & [reader_core :: content :: model :: Page {")
        );
        for a in page.articles.iter() {
            for text in [&*a.id, &*a.department, &*a.author, a.blocks().last().unwrap()] {
                assert!(rs.contains(&format!("{text:?}")), "{text} is written");
            }
        }
        assert!(!rs.contains("Owned"), "text is borrowed, never built at start-up");
        assert!(rs.contains("INSIGHTS: &[reader_core::content::model::Insight] = & [];"), "{rs}");
    }

    #[test]
    fn the_tables_are_written_as_their_values() {
        let t = Tables {
            pinyin_char_steps: &[1, 2],
            pinyin_lens: &[3],
            pinyin_text: "can ",
            sounds_text: "",
            t2s_from_steps: &[],
            t2s_to: &[7],
        };
        let rs = tables_rs(&t);
        assert!(rs.contains("pinyin_text : \"can \""), "{rs}");
        assert!(rs.contains("t2s_to : & [7u16]"), "{rs}");
    }
}
