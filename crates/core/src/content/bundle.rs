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
/// files' folder once (each file is `<data>page-<number>.json`, the folder named by the
/// digest of all of them, each file carrying its own: `digest::seal`). Every page carries
/// it, so it is made to compress to almost nothing for a series that numbers its pages one
/// after another, in Chinese numerals or digits: at 1,000 pages 8–9 KB raw, 0.13 KB gzip
/// (with each file's length and digest, and each number and numeral written out: 37.9 KB
/// raw, 18.1 KB gzip).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// The page files' folder, relative to the page that carries this, ending in `/`.
    pub data: Text,
    /// `Entry::number`, ascending, each written as its step from the one before (the first
    /// from 0): `[3, 1, 1]` for pages 3, 4, 5.
    pub number_steps: Vec<u32>,
    /// `Entry::numeral`: empty where it is the number's standard Chinese numeral (what a
    /// series prints: 三 for 3), `#` where it is the number in digits (12 for 12; and where
    /// the title prints none: its label is the same, 第12期), written out otherwise.
    pub numerals: List<Text>,
    /// `Entry::articles`.
    pub articles: Vec<u32>,
}

impl Series {
    /// The catalogue of `entries`, in ascending order of their numbers, whose files are all
    /// in one folder and named as [`site_files`] names them (which gives them so).
    pub fn of(entries: &[Entry]) -> Self {
        let data = entries.first().map_or("", |e| e.file.rsplit_once('/').map_or("", |(dir, _)| dir));
        let mut last = 0;
        Series {
            data: match data.is_empty() {
                true => "".into(),
                false => format!("{data}/").into(),
            },
            number_steps: entries
                .iter()
                .map(|e| e.number.checked_sub(std::mem::replace(&mut last, e.number)).expect("entries ascend"))
                .collect(),
            numerals: entries
                .iter()
                .map(|e| match &*e.numeral {
                    n if n == standard_numeral(e.number) => "".into(),
                    n if n.is_empty() || n == e.number.to_string() => "#".into(),
                    _ => e.numeral.clone(),
                })
                .collect(),
            articles: entries.iter().map(|e| e.articles).collect(),
        }
    }

    /// The entries again, or what is wrong: columns of different lengths, or numbers that
    /// do not ascend.
    pub fn entries(&self) -> Result<Vec<Entry>, String> {
        let n = self.number_steps.len();
        if [self.numerals.len(), self.articles.len()] != [n; 2] {
            return Err(format!("series: {n} pages but columns of other lengths"));
        }
        // By index, not iterators zipped: lighter in the WASM, which reads every page's.
        let data = &self.data;
        let mut number = 0u32;
        let mut entries = Vec::with_capacity(n);
        for i in 0..n {
            number = match number.checked_add(self.number_steps[i]) {
                // The first page may be numbered 0; each after it must be a later one.
                Some(next) if i == 0 || next > number => next,
                _ => return Err(format!("series: numbers that do not ascend after page {number}")),
            };
            entries.push(Entry {
                number,
                numeral: match &*self.numerals[i] {
                    "" => standard_numeral(number).into(),
                    "#" => number.to_string().into(),
                    _ => self.numerals[i].clone(),
                },
                articles: self.articles[i],
                file: format!("{data}page-{number}.json").into(),
            });
        }
        Ok(entries)
    }
}

/// How a series prints page `number`: 三, 十二, 一百零二.
fn standard_numeral(number: u32) -> String {
    crate::numerals::write(number).into_iter().next().unwrap_or_default()
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
    /// Where it goes, relative to the site's root: `data/pages-<digest>/page-4.json`.
    pub path: String,
    /// Its content: its digest, a line break, its JSON (`digest::seal`).
    pub text: String,
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
/// series), sealed with its digest, and the series that names them, `file` relative to the
/// site's root. The files share a folder named by the digest of all of them, so the
/// catalogue names a file by its page's number alone, however long the series.
#[cfg(feature = "build")]
pub fn site_files(library: &Library) -> (Vec<PageFile>, Vec<Entry>) {
    let mut pages: Vec<&Page> = library.pages.iter().collect();
    pages.sort_by_key(|p| p.number);
    let texts: Vec<(&Page, String)> = pages
        .into_iter()
        .map(|p| {
            let json = Bundle::carrying(library, &[p.number], SearchTables::default(), Vec::new()).to_json();
            (p, super::digest::seal(&json))
        })
        .collect();
    let all: Vec<u8> = texts.iter().flat_map(|(_, text)| text.bytes()).collect();
    let dir = format!("{DATA_DIR}/pages-{}/", super::digest(&all));
    texts
        .into_iter()
        .map(|(p, text)| {
            let path = format!("{dir}page-{}.json", p.number);
            let entry = Entry {
                number: p.number,
                numeral: super::model::series_numeral(&p.title).unwrap_or_default().to_owned().into(),
                articles: p.articles.len() as u32,
                file: path.clone().into(),
            };
            (PageFile { path, text }, entry)
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
    fn each_page_has_a_sealed_file_in_a_folder_named_by_them_all_that_reads_back_as_that_page() {
        let lib = two_pages();
        let (files, series) = site_files(&lib);
        assert_eq!(series.iter().map(|e| (e.number, e.articles)).collect::<Vec<_>>(), [(3, 10), (4, 5)]);
        let dir = files[0].path.strip_suffix("page-3.json").unwrap();
        assert!(dir.starts_with("data/pages-") && dir.len() == "data/pages-".len() + 17, "{dir}");
        for (file, entry) in files.iter().zip(&series) {
            assert_eq!(file.path, format!("{dir}page-{}.json", entry.number));
            assert_eq!(*entry.file, file.path);
            let json = crate::content::digest::unseal(file.text.as_bytes()).unwrap();
            let (back, tables) = serde_json::from_str::<Bundle>(json).unwrap().into_parts().unwrap();
            assert_eq!(tables, SearchTables::default(), "the page that fetches it has the tables");
            assert_eq!(back.pages.iter().map(|p| p.number).collect::<Vec<_>>(), [entry.number]);
            let own = lib.pages.iter().find(|p| p.number == entry.number).unwrap();
            assert_eq!(back.pages[0], *own, "names and all");
            assert!(!json.contains("\"departments\""), "no index, no departments written");
        }
        let at = series_at(&series, "../../");
        assert!(at[0].file.starts_with("../../data/pages-"));
        assert_eq!(Series::of(&at).data, format!("../../{dir}"));
        assert_eq!(Series::of(&at).entries().unwrap(), at, "the columns name the same files");
        let mut changed = lib.clone();
        changed.pages.to_mut()[1].articles.to_mut()[0].signature = "改".into();
        let moved = site_files(&changed).0;
        assert!(!moved[0].path.starts_with(dir), "another content, another folder: {}", moved[0].path);
    }

    /// Entries of pages `numbers`, each titled with `numeral` of its number.
    fn entries(numbers: &[u32], numeral: impl Fn(u32) -> String) -> Vec<Entry> {
        let entry = |n: u32| Entry {
            number: n,
            numeral: numeral(n).into(),
            articles: 10,
            file: format!("d/page-{n}.json").into(),
        };
        numbers.iter().map(|&n| entry(n)).collect()
    }

    #[test]
    fn a_series_that_prints_its_numbers_in_chinese_one_after_another_costs_almost_nothing() {
        let chinese = |n: u32| crate::numerals::write(n).remove(0);
        let series = entries(&(3..=1002).collect::<Vec<_>>(), chinese);
        let columns = Series::of(&series);
        assert!(columns.number_steps[1..].iter().all(|&s| s == 1) && columns.number_steps[0] == 3);
        assert!(columns.numerals.iter().all(|n| n.is_empty()), "every numeral the standard one");
        assert_eq!(columns.data, "d/");
        assert_eq!(columns.entries().unwrap(), series);
        let json = serde_json::to_string(&columns).unwrap();
        assert!(json.len() < 8_200, "{} bytes raw, nearly all of it `1,` and `\"\",`", json.len());
        assert_eq!(&*columns.entries().unwrap()[99].label(), "第一百零二期");
    }

    #[test]
    fn numerals_printed_in_digits_or_otherwise_are_written_and_a_page_that_prints_none_keeps_its_label() {
        let printed = |n: u32| match n {
            4 => "".to_owned(),
            12 | 13 => n.to_string(),
            30 => "卅".to_owned(),
            _ => crate::numerals::write(n).remove(0),
        };
        let series = entries(&[3, 4, 12, 13, 20, 30], printed);
        let columns = Series::of(&series);
        assert_eq!(columns.number_steps, [3, 1, 8, 1, 7, 10]);
        assert_eq!(columns.numerals.iter().map(|n| &**n).collect::<Vec<_>>(), ["", "#", "#", "#", "", "卅"]);
        let back = columns.entries().unwrap();
        let labels = ["第三期", "第4期", "第12期", "第13期", "第二十期", "第卅期"];
        assert_eq!(back.iter().map(Entry::label).collect::<Vec<_>>(), labels);
        assert_eq!(
            back.iter().map(Entry::label).collect::<Vec<_>>(),
            series.iter().map(Entry::label).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_catalogue_whose_columns_differ_in_length_or_whose_numbers_do_not_ascend_is_refused() {
        let (_, series) = site_files(&two_pages());
        let mut columns = Series::of(&series);
        columns.articles.pop();
        assert_eq!(columns.entries().unwrap_err(), "series: 2 pages but columns of other lengths");
        let mut columns = Series::of(&series);
        columns.number_steps[1] = 0;
        assert_eq!(columns.entries().unwrap_err(), "series: numbers that do not ascend after page 3");
        columns.number_steps[1] = u32::MAX;
        assert_eq!(columns.entries().unwrap_err(), "series: numbers that do not ascend after page 3");
        let from_zero = entries(&[0, 1], |n| crate::numerals::write(n).remove(0));
        assert_eq!(Series::of(&from_zero).entries().unwrap(), from_zero, "a series may start at page 0");
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
