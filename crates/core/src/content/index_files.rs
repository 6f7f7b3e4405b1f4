//! The series' sharded search index as files (feature `build`): the buckets of
//! `search::shard` and each article's own file, which a search across the archive fetches
//! for the candidates it searches in full, in one folder named by the digest of all of it.
//!
//! An article's file is a page's file holding that one article (`Bundle::carrying_articles`,
//! with its insights and the bylines of what it relates to), sealed with its digest
//! (`digest::seal`), as a page's file is: the app reads it as it reads a page's file.
//! Buckets check themselves (`search::shard::file`).

#[cfg(feature = "build")]
pub use made::*;

#[cfg(feature = "build")]
mod made {
    use super::super::bundle::{Bundle, SearchIndex, DATA_DIR};
    use super::super::model::Text;
    use super::super::{digest, Article, Library, Page};
    use crate::search::index::FIELDS;
    use crate::search::shard;
    use crate::search::tables::SearchTables;

    /// About how many bytes a bucket holds (before compression): a query fetches one a key,
    /// so smaller buckets cost less a query and more files.
    pub const BUCKET_BYTES: usize = 4_000;

    /// A file of the index: where it goes, relative to the site's root, and its bytes.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct IndexFile {
        /// `data/index-<digest>/b3.bin`, `data/index-<digest>/a12.json`.
        pub path: String,
        /// Its content.
        pub bytes: Vec<u8>,
    }

    /// The index of `library`'s articles (the series), and its files. Needs the search tables
    /// of the series installed.
    pub fn index_files(library: &Library) -> (SearchIndex, Vec<IndexFile>) {
        let mut pages: Vec<&Page> = library.pages.iter().collect();
        pages.sort_by_key(|p| p.number);
        let articles: Vec<(u32, &Article)> =
            pages.iter().flat_map(|p| p.articles.iter().map(move |a| (p.number, a))).collect();
        let texts: Vec<&Article> = articles.iter().map(|(_, a)| *a).collect();
        let (buckets_made, buckets, lengths) = shard::build_sized(&texts, BUCKET_BYTES);
        let mut files: Vec<(String, Vec<u8>)> =
            buckets_made.into_iter().enumerate().map(|(b, bytes)| (format!("b{b}.bin"), bytes)).collect();
        for (n, (page, article)) in articles.iter().enumerate() {
            let json = Bundle::carrying_articles(
                library,
                |p, a| p == *page && a.id == article.id,
                SearchTables::default(),
                Vec::new(),
            )
            .to_json();
            files.push((format!("a{n}.json"), super::super::digest::seal(&json).into_bytes()));
        }
        let all: Vec<u8> = files.iter().flat_map(|(name, bytes)| name.bytes().chain(bytes.iter().copied())).collect();
        let dir = format!("{DATA_DIR}/index-{}/", digest(&all));
        let (departments, statements): (Vec<Text>, _) =
            super::super::departments(texts.iter().copied()).into_iter().map(|(d, n)| (d.to_owned().into(), n)).unzip();
        let index = SearchIndex {
            dir: dir.clone().into(),
            buckets,
            articles: articles.len() as u32,
            lengths: (0..FIELDS).map(|f| lengths[f].round().min(f32::from(u16::MAX)) as u16).collect(),
            departments: departments.into(),
            statements,
        };
        let files = files.into_iter().map(|(name, bytes)| IndexFile { path: format!("{dir}{name}"), bytes }).collect();
        (index, files)
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::content::bundle::Bundle;
    use crate::content::digest::unseal;
    use crate::content::Library;
    use crate::fixtures::{install_third_page_tables, third_page};
    use crate::search::shard::read;

    #[test]
    fn every_bucket_and_article_reads_back_and_the_folder_is_named_by_them() {
        install_third_page_tables();
        let library = Library::of_pages(vec![third_page()]);
        let (index, files) = index_files(&library);
        assert!(index.dir.starts_with("data/index-") && index.dir.ends_with('/'));
        assert_eq!((index.articles, index.lengths.len()), (10, 4));
        assert_eq!(index.departments.len(), 9, "the third page's nine departments (区教育局 twice)");
        assert_eq!((&*index.departments[0], index.statements[0]), ("区残联", 1), "in print order");
        let at = index.departments.iter().position(|d| d == "区教育局").unwrap();
        assert_eq!(index.statements[at], 2, "each counted");
        let named = |name: &str| files.iter().find(|f| f.path == format!("{}{name}", index.dir));
        for b in 0..index.buckets {
            assert!(read(&named(&format!("b{b}.bin")).unwrap().bytes, b, index.buckets).is_ok(), "bucket {b}");
        }
        for (n, article) in library.articles().enumerate() {
            let file = named(&format!("a{n}.json")).unwrap();
            let json = unseal(&file.bytes).unwrap();
            let (back, _) = serde_json::from_str::<Bundle>(json).unwrap().into_parts().unwrap();
            assert_eq!(back.articles().collect::<Vec<_>>(), [article], "article {n}");
        }
        assert_eq!(files.len(), index.buckets as usize + 10);
        let mut changed = library.clone();
        changed.pages.to_mut()[0].articles.to_mut()[9].signature = "改".into();
        assert_ne!(index_files(&changed).0.dir, index.dir, "another content, another folder");
    }
}
