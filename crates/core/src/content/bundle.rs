//! What a pre-rendered page carries for the app, and what the app fetches for the other
//! pages of the series: pages with the names the build derived for each article, their
//! insights and the bylines of related articles elsewhere; in a page, also the search
//! tables and the series' catalogue. One JSON value (`<script type="application/json">` in
//! a page, a file of its own for another page), which the browser's own `JSON.parse` reads.
//! The app's code is then the same bytes whatever the content is (issue 27).
//!
//! The build writes it (`to_json`, `site_files`, feature `build`); the app reads the parsed
//! value into [`Bundle`] and takes it apart ([`Bundle::into_parts`]).

use serde::{Deserialize, Serialize};

use super::library::{Byline, Entry};
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

/// A page's data for the app, or another page's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// The pages, as their content files hold them.
    pub pages: Vec<Page>,
    /// The derived names of every article of `pages`, in article order.
    pub names: Vec<Names>,
    /// Keywords and related articles, in article order.
    pub insights: Vec<Insight>,
    /// The articles on other pages that `insights` relate to.
    pub bylines: Vec<Byline>,
    /// The search tables for the characters of the whole series (none in a page's file:
    /// the page that fetches it has them).
    pub tables: SearchTables,
    /// Every page of the series, its file named relative to the page that carries this
    /// (none in a page's file).
    pub series: Series,
    /// The series' sharded search index (`search::shard`), its folder named relative to
    /// the page that carries this (none in a page's file, or on a site of one page).
    pub index: SearchIndex,
}

/// The series' catalogue as a page carries it: a column a field of [`Entry`], the page
/// files' folder once (each file is `<data>page-<number>-<digest>.json`, so not named again
/// for each page). Every page carries it, so it is made to be small: at 1,000 pages about
/// 37 KB raw, 19 KB gzip (entries as objects with their titles and files: 276 KB, 28 KB).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// The page files' folder, relative to the page that carries this, ending in `/`.
    pub data: Text,
    /// `Entry::number`, ascending.
    pub numbers: Vec<u32>,
    /// `Entry::numeral`.
    pub numerals: List<Text>,
    /// `Entry::articles`.
    pub articles: Vec<u32>,
    /// `Entry::bytes`.
    pub bytes: Vec<u32>,
    /// `Entry::digest`.
    pub digests: List<Text>,
}

impl Series {
    /// The catalogue of `entries`, whose files are all in one folder and named as
    /// [`site_files`] names them.
    pub fn of(entries: &[Entry]) -> Self {
        let data = entries.first().map_or("", |e| e.file.rsplit_once('/').map_or("", |(dir, _)| dir));
        Series {
            data: match data.is_empty() {
                true => "".into(),
                false => format!("{data}/").into(),
            },
            numbers: entries.iter().map(|e| e.number).collect(),
            numerals: entries.iter().map(|e| e.numeral.clone()).collect(),
            articles: entries.iter().map(|e| e.articles).collect(),
            bytes: entries.iter().map(|e| e.bytes).collect(),
            digests: entries.iter().map(|e| e.digest.clone()).collect(),
        }
    }

    /// The entries again, or what is wrong: columns of different lengths.
    pub fn entries(&self) -> Result<Vec<Entry>, String> {
        let n = self.numbers.len();
        if [self.numerals.len(), self.articles.len(), self.bytes.len(), self.digests.len()] != [n; 4] {
            return Err(format!("series: {n} pages but columns of other lengths"));
        }
        // By index, not five iterators zipped: lighter in the WASM, which reads every page's.
        let data = &self.data;
        Ok((0..n)
            .map(|i| Entry {
                number: self.numbers[i],
                numeral: self.numerals[i].clone(),
                articles: self.articles[i],
                file: format!("{data}page-{}-{}.json", self.numbers[i], self.digests[i]).into(),
                bytes: self.bytes[i],
                digest: self.digests[i].clone(),
            })
            .collect())
    }
}

/// Where the series' sharded search index is, and what ranking needs of the whole series.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchIndex {
    /// Its folder, ending in `/`, named by the digest of what it holds: `data/index-<digest>/`,
    /// with `b<n>.bin` for each bucket and `a<n>.json` for each article (numbered in the
    /// series: pages in order, then articles). Empty: no index.
    pub dir: Text,
    /// How many buckets.
    pub buckets: u32,
    /// How many articles the series has.
    pub articles: u32,
    /// The average length of each field over the series, in tokens, rounded.
    pub lengths: Vec<u16>,
    /// Every department of the series, in order of first appearance (pages in order, then
    /// print order), as the index files each statement under its department: what the
    /// department filter of every page offers, most pages not at hand. Not written while
    /// empty (a page's file, a site of one page), and read as empty when absent.
    #[serde(default, skip_serializing_if = "none")]
    pub departments: List<Text>,
    /// How many statements each of `departments` has in the series.
    #[serde(default, skip_serializing_if = "none")]
    pub statements: Vec<u32>,
}

/// Whether a list is empty (a field not written).
fn none<L: std::ops::Deref<Target = [T]>, T>(list: &L) -> bool {
    list.is_empty()
}

/// The file of one page of the series, which a page of another fetches.
#[cfg(feature = "build")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// Where it goes, relative to the site's root: `data/page-4-<digest>.json`.
    pub path: String,
    /// Its content.
    pub json: String,
}

/// The folder of the page files, in the site's root.
pub const DATA_DIR: &str = "data";

impl Bundle {
    /// The bundle of a library's pages (whose articles have their names) and its tables.
    pub fn of(library: &Library, tables: SearchTables) -> Self {
        let numbers: Vec<u32> = library.pages.iter().map(|p| p.number).collect();
        Self::carrying(library, &numbers, tables, Vec::new())
    }

    /// What a page carries: the pages of `library` numbered `numbers`, the bylines of the
    /// articles elsewhere they relate to, `tables` and `series`.
    pub fn carrying(library: &Library, numbers: &[u32], tables: SearchTables, series: Vec<Entry>) -> Self {
        Self::carrying_articles(library, |page, _| numbers.contains(&page), tables, series)
    }

    /// What carries the articles `keep` takes (by page number and article), as
    /// [`Bundle::carrying`] does whole pages: an article's file carries one.
    pub fn carrying_articles(
        library: &Library,
        keep: impl Fn(u32, &super::Article) -> bool,
        tables: SearchTables,
        series: Vec<Entry>,
    ) -> Self {
        let pages: Vec<Page> = library
            .pages
            .iter()
            .filter_map(|p| {
                let articles: Vec<super::Article> = p.articles.iter().filter(|a| keep(p.number, a)).cloned().collect();
                (!articles.is_empty()).then(|| Page { articles: articles.into(), ..p.clone() })
            })
            .collect();
        let carried = |id: &str| pages.iter().any(|p| p.articles.iter().any(|a| a.id == id));
        let articles = || pages.iter().flat_map(|p| p.articles.iter());
        let names = articles()
            .map(|a| Names { short: a.short_names.clone(), full: a.full_names.clone(), addresses: a.addresses.clone() })
            .collect();
        let insights: Vec<Insight> = library.insights.iter().filter(|i| carried(&i.id)).cloned().collect();
        let mut bylines: Vec<Byline> = library
            .articles()
            .filter(|a| !carried(&a.id))
            .filter(|a| insights.iter().any(|i| i.related.iter().any(|r| r.id == a.id)))
            .map(|a| Byline {
                id: a.id.clone(),
                department_short: a.department_short.clone(),
                author: a.author.clone(),
            })
            .collect();
        bylines.sort_by(|a, b| a.id.cmp(&b.id));
        let series = Series::of(&series);
        Self { pages, names, insights, bylines, tables, series, index: SearchIndex::default() }
    }

    /// The library, each article given its names back, and the tables. An error when the
    /// names do not match the articles one for one, or the tables do not hold together.
    pub fn into_parts(self) -> Result<(Library, SearchTables), String> {
        let Self { mut pages, names, insights, bylines, tables, series, index } = self;
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
        let library = Library {
            pages: pages.into(),
            insights: insights.into(),
            series: series.entries()?.into(),
            bylines: bylines.into(),
            index,
        };
        Ok((library, tables))
    }

    /// The bundle as JSON that can sit inside a `<script>` element: every `<` is written
    /// `\u003c`, so no `</script>` or `<!--` can end or bend it.
    #[cfg(feature = "build")]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the model serializes").replace('<', "\\u003c")
    }
}

/// Each page's file (its articles, their names, insights and bylines, no tables, no
/// series), and the series that names them, `file` relative to the site's root.
#[cfg(feature = "build")]
pub fn site_files(library: &Library) -> (Vec<PageFile>, Vec<Entry>) {
    let mut pages: Vec<&Page> = library.pages.iter().collect();
    pages.sort_by_key(|p| p.number);
    pages
        .into_iter()
        .map(|p| {
            let json = Bundle::carrying(library, &[p.number], SearchTables::default(), Vec::new()).to_json();
            let digest = super::digest(json.as_bytes());
            let path = format!("{DATA_DIR}/page-{}-{digest}.json", p.number);
            let entry = Entry {
                number: p.number,
                numeral: super::model::series_numeral(&p.title).unwrap_or_default().to_owned().into(),
                articles: p.articles.len() as u32,
                file: path.clone().into(),
                bytes: json.len() as u32,
                digest: digest.into(),
            };
            (PageFile { path, json }, entry)
        })
        .unzip()
}

/// `index` as a page `prefix` away from the site's root names its folder.
pub fn index_at(index: &SearchIndex, prefix: &str) -> SearchIndex {
    match index.dir.is_empty() {
        true => index.clone(),
        false => SearchIndex { dir: format!("{prefix}{}", index.dir).into(), ..index.clone() },
    }
}

/// `series` as a page `prefix` away from the site's root names its files (`../../` for
/// `a/3-01/`).
pub fn series_at(series: &[Entry], prefix: &str) -> Vec<Entry> {
    series.iter().map(|e| Entry { file: format!("{prefix}{}", e.file).into(), ..e.clone() }).collect()
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::fixtures::third_page;

    fn library() -> Library {
        let pages = vec![third_page()];
        Library { insights: crate::bake::insights(&pages).into(), pages: pages.into(), ..Library::default() }
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

    /// Page 3 and a page 4 made of its articles 6 to 10, with insights across both.
    fn two_pages() -> Library {
        let real = third_page();
        let articles: Vec<_> = real.articles[5..]
            .iter()
            .enumerate()
            .map(|(i, a)| crate::content::Article { id: format!("4-{:02}", i + 1).into(), ..a.clone() })
            .collect();
        let pages = vec![real.clone(), Page { number: 4, articles: articles.into(), ..real }];
        Library { insights: crate::bake::insights(&pages).into(), pages: pages.into(), ..Library::default() }
    }

    #[test]
    fn each_page_has_a_file_named_by_its_digest_that_reads_back_as_that_page() {
        let lib = two_pages();
        let (files, series) = site_files(&lib);
        assert_eq!(series.iter().map(|e| (e.number, e.articles)).collect::<Vec<_>>(), [(3, 10), (4, 5)]);
        for (file, entry) in files.iter().zip(&series) {
            assert_eq!(file.path, format!("data/page-{}-{}.json", entry.number, entry.digest));
            assert_eq!((&*entry.file, entry.bytes as usize), (file.path.as_str(), file.json.len()));
            assert_eq!(*entry.digest, crate::content::digest(file.json.as_bytes()));
            let (back, tables) = serde_json::from_str::<Bundle>(&file.json).unwrap().into_parts().unwrap();
            assert_eq!(tables, SearchTables::default(), "the page that fetches it has the tables");
            assert_eq!(back.pages.iter().map(|p| p.number).collect::<Vec<_>>(), [entry.number]);
            let own = lib.pages.iter().find(|p| p.number == entry.number).unwrap();
            assert_eq!(back.pages[0], *own, "names and all");
            assert!(!file.json.contains("\"departments\""), "no index, no departments written");
        }
        let at = series_at(&series, "../../");
        assert!(at[0].file.starts_with("../../data/page-3-"));
        assert_eq!(Series::of(&at).data, "../../data/");
        assert_eq!(Series::of(&at).entries().unwrap(), at, "the columns name the same files");
    }

    #[test]
    fn a_catalogue_whose_columns_differ_in_length_is_refused() {
        let (_, series) = site_files(&two_pages());
        let mut columns = Series::of(&series);
        columns.bytes.pop();
        assert_eq!(columns.entries().unwrap_err(), "series: 2 pages but columns of other lengths");
    }

    #[test]
    fn a_page_carries_the_bylines_of_the_related_articles_it_does_not_carry() {
        let lib = two_pages();
        let bundle = Bundle::carrying(&lib, &[4], SearchTables::default(), Vec::new());
        assert_eq!(bundle.pages.len(), 1);
        assert_eq!(bundle.insights.len(), 5);
        let mut elsewhere: Vec<&str> = bundle
            .insights
            .iter()
            .flat_map(|i| i.related.iter().map(|r| &*r.id))
            .filter(|id| !id.starts_with("4-"))
            .collect();
        elsewhere.sort_unstable();
        elsewhere.dedup();
        assert!(!elsewhere.is_empty(), "page 4 is made of page 3's articles, so related across pages");
        assert_eq!(bundle.bylines.iter().map(|b| &*b.id).collect::<Vec<_>>(), elsewhere);
        let b = &bundle.bylines[0];
        let article = lib.articles().find(|a| a.id == b.id).unwrap();
        assert_eq!((&b.department_short, &b.author), (&article.department_short, &article.author));
    }
}
