//! What a pre-rendered page carries for the app: its pages, the names the build derived for
//! each article, the insights and the search tables, as one JSON value in the page
//! (`<script type="application/json">`), which the browser's own `JSON.parse` reads. The
//! app's code is then the same bytes whatever the content is (issue 27).
//!
//! The build writes it (`to_json`, feature `build`); the app reads the parsed value into
//! [`Bundle`] and takes it apart ([`Bundle::into_parts`]).

use serde::{Deserialize, Serialize};

use super::model::{Insight, List, Page, Text};
use super::Library;
use crate::search::tables::SearchTables;

/// The names of one article that are derived, not stored in `content/*.json`
/// (`Article::short_names`, `full_names`, `addresses`): the build works them out from
/// tables that grow with the content, so they travel with it rather than in the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// `Article::short_names`.
    pub short: List<Text>,
    /// `Article::full_names`.
    pub full: Text,
    /// `Article::addresses`.
    pub addresses: Text,
}

/// A page's data for the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// The pages, as their content files hold them.
    pub pages: Vec<Page>,
    /// The derived names of every article of `pages`, in article order.
    pub names: Vec<Names>,
    /// Keywords and related articles, in article order.
    pub insights: Vec<Insight>,
    /// The search tables for the characters of `pages`.
    pub tables: SearchTables,
}

impl Bundle {
    /// The bundle of a library (whose articles have their names) and its tables.
    pub fn of(library: &Library, tables: SearchTables) -> Self {
        let names = library
            .articles()
            .map(|a| Names { short: a.short_names.clone(), full: a.full_names.clone(), addresses: a.addresses.clone() })
            .collect();
        Self { pages: library.pages.to_vec(), names, insights: library.insights.to_vec(), tables }
    }

    /// The library, each article given its names back, and the tables. An error when the
    /// names do not match the articles one for one, or the tables do not hold together.
    pub fn into_parts(self) -> Result<(Library, SearchTables), String> {
        let Self { mut pages, names, insights, tables } = self;
        tables.check()?;
        let count: usize = pages.iter().map(|p| p.articles.len()).sum();
        if names.len() != count {
            return Err(format!("{} articles but names for {}", count, names.len()));
        }
        let mut names = names.into_iter();
        for article in pages.iter_mut().flat_map(|p| p.articles.to_mut().iter_mut()) {
            let Some(n) = names.next() else { break };
            (article.short_names, article.full_names, article.addresses) = (n.short, n.full, n.addresses);
        }
        Ok((Library { pages: pages.into(), insights: insights.into() }, tables))
    }

    /// The bundle as JSON that can sit inside a `<script>` element: every `<` is written
    /// `\u003c`, so no `</script>` or `<!--` can end or bend it.
    #[cfg(feature = "build")]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the model serializes").replace('<', "\\u003c")
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::fixtures::third_page;

    fn library() -> Library {
        let pages = vec![third_page()];
        Library { insights: crate::bake::insights(&pages).into(), pages: pages.into() }
    }

    #[test]
    fn a_bundle_read_back_is_the_library_and_tables_it_was_made_of() {
        let lib = library();
        let tables = SearchTables::of(&lib.pages).unwrap();
        let json = Bundle::of(&lib, tables.clone()).to_json();
        let read: Bundle = serde_json::from_str(&json).unwrap();
        let (back, back_tables) = read.into_parts().unwrap();
        assert_eq!((back, back_tables), (lib.clone(), tables));
        assert!(lib.articles().all(|a| !a.full_names.is_empty()), "the names are there to lose");
    }

    #[test]
    fn the_json_cannot_close_its_script_element() {
        let mut lib = library();
        lib.pages.to_mut()[0].campaign = "</script><!-- a <b>".into();
        let json = Bundle::of(&lib, SearchTables::default()).to_json();
        assert!(!json.contains('<'), "{}", &json[..80]);
        let read: Bundle = serde_json::from_str(&json).unwrap();
        assert_eq!(read.pages[0].campaign, "</script><!-- a <b>");
    }

    #[test]
    fn names_that_do_not_match_the_articles_are_refused() {
        let lib = library();
        let mut bundle = Bundle::of(&lib, SearchTables::default());
        bundle.names.pop();
        assert_eq!(bundle.into_parts().unwrap_err(), "10 articles but names for 9");
    }
}
