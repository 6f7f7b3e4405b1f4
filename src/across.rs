//! A search across the archive through the series' sharded index (`search::shard`), as the
//! app takes it: first the buckets its query needs (and, held to departments, theirs: the
//! index files each article under its department), then the files of the best candidates
//! not at hand, as many as the results shown call for (each a page's file holding one
//! article, joining the pages at hand: `archive`); and how many it finds in all, estimated
//! while candidates remain unsearched. Pure: tested natively.

use std::cell::RefCell;
use std::rc::Rc;

use crate::archive::{Archive, Want};
use crate::catalog::{Catalog, Filter};
use crate::route::{is_search, Route, View};
use crate::search::index::FIELDS;
use crate::search::shard::keys::department;
use crate::search::shard::search::{buckets_of, FETCHED};
use crate::search::shard::{bucket_of, Plan, ShardKey};
use crate::search::SHOWN_RESULTS;

/// The last plan worked out: its query, the index's buckets then, the plan and its buckets.
type LastPlan = Option<(String, u32, Rc<(Plan, Vec<u32>)>)>;

/// The plan of `query` and the buckets it needs, worked out once for each query: a render
/// asks for them several times (what to fetch, the estimate, the other pages' counts).
fn plan(catalog: &Catalog, query: &str) -> Rc<(Plan, Vec<u32>)> {
    thread_local! {
        static LAST: RefCell<LastPlan> = const { RefCell::new(None) };
    }
    let buckets = catalog.index().buckets;
    let cached = LAST.with_borrow(|last| last.as_ref().filter(|l| l.0 == query && l.1 == buckets).map(|l| l.2.clone()));
    cached.unwrap_or_else(|| {
        let plan = Plan::of(query);
        let needed = buckets_of(&plan, buckets);
        let made = Rc::new((plan, needed));
        LAST.set(Some((query.to_owned(), buckets, made.clone())));
        made
    })
}

/// The keys of the departments `filter` holds a search to (none: every department).
fn department_keys(filter: &Filter) -> Vec<ShardKey> {
    filter.departments.iter().map(|d| department(d)).collect()
}

/// Every bucket a search for `query` within `filter` needs, ascending: its query's keys',
/// and its departments'.
fn buckets_needed(catalog: &Catalog, query: &str, filter: &Filter) -> Vec<u32> {
    let buckets = catalog.index().buckets;
    let mut needed = plan(catalog, query).1.clone();
    needed.extend(department_keys(filter).into_iter().map(|k| bucket_of(k, buckets)));
    crate::search::sort_by(&mut needed, u32::cmp);
    needed.dedup();
    needed
}

/// The candidates of a search for `query` within `filter`'s departments, best first (those
/// that may match exactly, then those that may match approximately), by their number in
/// the series; none while a bucket it needs has not arrived (a bucket that failed counts
/// as empty). Worked out once for each query, departments and set of buckets: a render
/// asks several times, and the index may name thousands.
pub fn candidates(catalog: &Catalog, archive: &Archive, query: &str, filter: &Filter) -> Option<Rc<Vec<u32>>> {
    type Last = (String, Vec<ShardKey>, String, (usize, usize), Rc<Vec<u32>>);
    thread_local! {
        static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
    }
    let index = catalog.index();
    let held = department_keys(filter);
    let key = (archive.buckets.len(), archive.failed.len());
    let cached = LAST.with_borrow(|last| {
        let same = |l: &&Last| l.0 == query && l.1 == held && *l.2 == *index.dir && l.3 == key;
        last.as_ref().filter(same).map(|l| l.4.clone())
    });
    if cached.is_some() {
        return cached;
    }
    let needed = buckets_needed(catalog, query, filter);
    if needed.iter().any(|&b| archive.bucket(b).is_none() && !archive.failed.contains(&Want::Bucket(b))) {
        return None;
    }
    let filed = |key| archive.bucket(bucket_of(key, index.buckets)).map_or(&[][..], |b| b.get(key));
    // Held to departments, their articles are the only ones worth fetching.
    let mut within = vec![held.is_empty(); index.articles as usize];
    for f in held.iter().flat_map(|&k| filed(k)) {
        if let Some(w) = within.get_mut(f.article as usize) {
            *w = true;
        }
    }
    let found = plan(catalog, query)
        .0
        .candidates_within(index.articles, SHOWN_RESULTS, filed, |a| within.get(a as usize) == Some(&true));
    let found: Rc<Vec<u32>> = Rc::new(found.strict.iter().chain(&found.near).map(|&(a, _)| a).collect());
    LAST.set(Some((query.to_owned(), held, index.dir.to_string(), key, found.clone())));
    Some(found)
}

/// The pages not at hand whose candidates for a search for `query` within `filter` are all
/// at hand (or that have none): their matches at hand are all of them. None while a bucket
/// the search needs is missing (a failed one may name some).
pub fn searched_pages(catalog: &Catalog, archive: &Archive, query: &str, filter: &Filter) -> Vec<u32> {
    let index = catalog.index();
    if index.dir.is_empty() || catalog.complete() || !is_search(query) {
        return Vec::new();
    }
    if buckets_needed(catalog, query, filter).iter().any(|&b| archive.bucket(b).is_none()) {
        return Vec::new();
    }
    let Some(found) = candidates(catalog, archive, query, filter) else { return Vec::new() };
    let mut open: Vec<u32> =
        found.iter().filter(|&&n| !at_hand(catalog, archive, n)).filter_map(|&n| catalog.page_holding(n)).collect();
    crate::search::sort_by(&mut open, u32::cmp);
    open.dedup();
    catalog.pages.iter().map(|p| p.number).filter(|&p| !catalog.at_hand(p) && open.binary_search(&p).is_err()).collect()
}

/// Whether the candidate numbered `n` is at hand: its page, or its own file.
fn at_hand(catalog: &Catalog, archive: &Archive, n: u32) -> bool {
    archive.has_text(n) || catalog.page_holding(n).is_some_and(|p| catalog.at_hand(p))
}

/// Every statement of the departments `filter` holds the list to, by number in the series,
/// newest first (the index files each under its department): what the list of every page
/// shows of them without a query (`Catalog::lists_departments`). None without departments
/// or an index, or while a bucket of theirs has not arrived (or failed).
pub fn department_statements(catalog: &Catalog, archive: &Archive, filter: &Filter) -> Option<Vec<u32>> {
    let index = catalog.index();
    let held = department_keys(filter);
    if held.is_empty() || index.dir.is_empty() {
        return None;
    }
    let mut found = Vec::new();
    for key in held {
        found.extend(archive.bucket(bucket_of(key, index.buckets))?.get(key).iter().map(|f| f.article));
    }
    crate::search::sort_by(&mut found, |a, b| b.cmp(a));
    found.dedup();
    Some(found)
}

/// Every file `route` needs that is not at hand, `shown` search results shown: the pages
/// it shows (`Catalog::missing`); the list of every page held to departments without a
/// query, their buckets and then their newest `shown` statements; for a search, the buckets of its query's keys and of its
/// departments' (held to some), and, once they are all in, the files of its best
/// candidates across the archive (within those departments): ten for the first
/// page of results, and a page more for each page more (held to one page, for the page
/// selector's counts of the others).
pub fn needs(catalog: &Catalog, archive: &Archive, route: &Route, shown: usize) -> Vec<Want> {
    let mut needs: Vec<Want> = catalog.missing(route, shown).into_iter().map(Want::Page).collect();
    let index = catalog.index();
    let filter = catalog.filter(route).0;
    let listed = catalog.lists_departments(&filter, route.is_searching());
    if matches!(route.view, View::List) && listed && !catalog.complete() {
        let buckets = buckets_needed(catalog, "", &filter);
        needs.extend(buckets.into_iter().filter(|&b| archive.bucket(b).is_none()).map(Want::Bucket));
        let newest = department_statements(catalog, archive, &filter).unwrap_or_default();
        needs.extend(newest.into_iter().take(shown).filter(|&n| !at_hand(catalog, archive, n)).map(Want::Text));
        return needs;
    }
    // Held to one page too: the page selector counts the matches of the others.
    let across = matches!(route.view, View::List) && route.is_searching();
    if !across || index.dir.is_empty() || catalog.complete() {
        return needs;
    }
    // Every bucket that has not arrived, failed ones too: the search lacks them until the
    // reader retries (the notice says so).
    let needed = buckets_needed(catalog, &route.query, &filter);
    needs.extend(needed.into_iter().filter(|&b| archive.bucket(b).is_none()).map(Want::Bucket));
    if let Some(found) = candidates(catalog, archive, &route.query, &filter) {
        let limit = shown.saturating_sub(FETCHED).max(FETCHED);
        needs.extend(found.iter().take(limit).copied().filter(|&n| !at_hand(catalog, archive, n)).map(Want::Text));
    }
    needs
}

/// How many a search for `query` within `filter` across the archive finds in all, when
/// candidates remain that are not at hand: the `found` at hand, and the rest of the
/// candidates counted as matching in the share those at hand did. None when every
/// candidate is at hand (`found` is the count).
pub fn estimate(catalog: &Catalog, archive: &Archive, query: &str, filter: &Filter, found: usize) -> Option<usize> {
    if catalog.index().dir.is_empty() || catalog.complete() {
        return None;
    }
    let all = candidates(catalog, archive, query, filter)?;
    let searched = all.iter().filter(|&&n| at_hand(catalog, archive, n)).count();
    let rest = all.len() - searched;
    // With none of them at hand yet, the candidates are all there is to go by.
    let share = |rest: usize| match searched {
        0 => rest,
        _ => (rest * found.min(searched) + searched / 2) / searched,
    };
    (rest > 0).then(|| found + share(rest))
}

/// The series' average field lengths, which ranking weighs against.
pub fn lengths(catalog: &Catalog) -> Option<(u32, [f32; FIELDS])> {
    let index = catalog.index();
    (index.lengths.len() == FIELDS).then(|| (index.articles, std::array::from_fn(|f| f32::from(index.lengths[f]))))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use reader_core::content::bundle::{site_files, Bundle, SearchIndex};
    use reader_core::content::digest::unseal;
    use reader_core::content::index_files::index_files;

    use super::*;
    use crate::archive::Step;
    use crate::catalog::tests::two_pages_library;
    use crate::content::Library;
    use crate::search::shard::read;

    /// Pages 3 and 4 as page 4's list carries them, with the index of both, and the
    /// index's files by name.
    fn fourth_with_index() -> (Library, Vec<(String, Vec<u8>)>) {
        let both = two_pages_library();
        let (_, series) = site_files(&both);
        let (index, files) = index_files(&Library { pages: both.pages.clone(), ..Library::default() });
        let mut bundle = Bundle::carrying(&both, &[4], Default::default(), series);
        bundle.index = index;
        let files = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        (bundle.into_parts().unwrap().0, files)
    }

    /// What `want` brings, from `files`, as the hook would dispatch it.
    fn fetched(index: &SearchIndex, files: &[(String, Vec<u8>)], want: Want) -> Step {
        let file =
            |name: String| files.iter().find(|(path, _)| *path == format!("{}{name}", index.dir)).unwrap().1.clone();
        match want {
            Want::Bucket(b) => Step::Bucket(b, Rc::new(read(&file(format!("b{b}.bin")), b, index.buckets).unwrap())),
            Want::Text(n) => {
                let bytes = file(format!("a{n}.json"));
                let json = unseal(&bytes).unwrap();
                let bundle: Bundle = serde_json::from_str(json).unwrap();
                Step::Arrived(want, bundle.into_parts().unwrap().0)
            }
            Want::Page(_) => unreachable!("a search with an index fetches no page"),
        }
    }

    #[test]
    fn every_page_offers_every_department_the_index_names_counted_over_the_series() {
        crate::content::embedded::third_page();
        let (library, _) = fourth_with_index();
        let c = Catalog::new(&library);
        let named = |ds: Vec<crate::catalog::Department>| ds.into_iter().map(|d| (d.name, d.count)).collect::<Vec<_>>();
        let every = c.filter(&Route::parse("#/?page=all")).0;
        let all = named(c.departments_for(&every, None));
        // Page 4 holds page 3's articles 6 to 10: four departments at hand, nine in the series.
        assert_eq!(all.len(), 9, "{all:?}");
        assert_eq!(all[0], ("区残联".to_owned(), 1), "page 3's first, not at hand");
        assert!(all.contains(&("区教育局".to_owned(), 4)), "3-06, 3-07, 4-01, 4-02: {all:?}");
        let fourth = named(c.departments_for(&c.filter(&Route::parse("#/?page=4")).0, None));
        assert_eq!(fourth.len(), 4, "a page lists its own: {fourth:?}");
        let matches = named(c.departments_for(&every, Some(&[0, 1])));
        assert_eq!(matches.iter().map(|d| d.1).sum::<usize>(), 2, "searching: the matches at hand: {matches:?}");
        assert_eq!(matches.len(), 9);
        let (filter, unknown) = c.filter(&Route::parse("#/?page=all&dept=区残联&dept=区某某局"));
        assert_eq!(filter.departments.into_iter().collect::<Vec<_>>(), ["区残联"], "known from the index");
        assert_eq!(unknown.departments, ["区某某局"], "the index names no such department");
        let listed = crate::view::listing::listing(
            &c,
            &Route::parse("#/?page=all"),
            &every,
            (&Default::default(), &[], crate::search::SHOWN_RESULTS, None),
            crate::view::links::Links::Hash,
        );
        assert_eq!(listed.total, 15, "全部: the series' statements");
        let browsed = named(listed.departments);
        assert!(
            browsed.contains(&("区教育局".to_owned(), 4)),
            "counted over the series, not the cards shown: {browsed:?}"
        );
    }

    #[test]
    fn every_page_held_to_a_department_fetches_its_bucket_then_its_newest_statements() {
        crate::content::embedded::third_page();
        let (library, files) = fourth_with_index();
        let mut archive = Archive::new(Rc::new(library));
        let catalog = |a: &Archive| Catalog::new(&a.library);
        let route = Route::parse("#/?page=all&dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80"); // 区教育局
        let filter = catalog(&archive).filter(&route).0;
        assert!(catalog(&archive).lists_departments(&filter, false));
        assert_eq!(department_statements(&catalog(&archive), &archive, &filter), None, "its bucket not in yet");
        let first = needs(&catalog(&archive), &archive, &route, 20);
        assert!(matches!(first[..], [Want::Bucket(_)]), "its bucket, not page 3: {first:?}");
        archive = archive.apply(Step::Started(first.clone()));
        archive = archive.apply(fetched(&catalog(&archive).index().clone(), &files, first[0]));
        let c = catalog(&archive);
        // Pages 3 (articles 0–9) and 4 (10–14): 区教育局 has 3-06, 3-07 and 4-01, 4-02.
        let all = department_statements(&c, &archive, &filter).unwrap();
        assert_eq!(all, [11, 10, 6, 5], "newest first");
        assert_eq!(needs(&c, &archive, &route, 20), [Want::Text(6), Want::Text(5)], "those not at hand");
        assert_eq!(needs(&c, &archive, &route, 3), [Want::Text(6)], "as many as are shown");
        assert!(needs(&c, &archive, &Route::parse("#/?page=all"), 20).contains(&Want::Page(3)), "without: pages");
    }

    #[test]
    fn a_search_fetches_its_buckets_then_its_best_candidates_and_counts_the_rest() {
        crate::content::embedded::third_page();
        let (library, files) = fourth_with_index();
        let mut archive = Archive::new(Rc::new(library));
        let catalog = |a: &Archive| Catalog::new(&a.library);
        let route = Route::parse("#/?q=%E5%B7%A5%E4%BD%9C"); // 工作, in every article
        let first = needs(&catalog(&archive), &archive, &route, 20);
        assert!(!first.is_empty() && first.iter().all(|w| matches!(w, Want::Bucket(_))), "{first:?}");
        let held = needs(&catalog(&archive), &archive, &Route::parse("#/?page=4&q=x"), 20);
        assert!(held.iter().all(|w| matches!(w, Want::Bucket(_))), "held to page 4: for the other pages' counts");
        assert_eq!(needs(&catalog(&archive), &archive, &Route::parse("#/?page=4"), 20), [], "no search: nothing");
        archive = archive.apply(Step::Started(first.clone()));
        for &w in &first {
            archive = archive.apply(fetched(&catalog(&archive).index().clone(), &files, w));
        }
        let c = catalog(&archive);
        let found = candidates(&c, &archive, &route.query, &c.filter(&route).0).unwrap();
        let (searched, rest) = (found.iter().filter(|&&n| n >= 10).count(), found.iter().filter(|&&n| n < 10).count());
        assert!(searched > 0 && rest > 0, "candidates on both pages: {found:?}");
        let want = 2 + (rest * 2 + searched / 2) / searched;
        assert_eq!(
            estimate(&c, &archive, &route.query, &c.filter(&route).0, 2),
            Some(want),
            "two found at hand, in that share of the rest"
        );
        let texts = needs(&c, &archive, &route, 20);
        assert!(
            texts.iter().all(|w| matches!(w, Want::Text(n) if *n < 10)),
            "page 3's, not page 4's (at hand): {texts:?}"
        );
        let best_elsewhere = found.iter().take(FETCHED).filter(|&&n| n < 10).count();
        assert_eq!(texts.len(), best_elsewhere, "the best ten, less those at hand");
        let before = c.articles.len();
        archive = archive.apply(Step::Started(texts.clone()));
        for &w in &texts {
            archive = archive.apply(fetched(c.index(), &files, w));
        }
        let c = catalog(&archive);
        assert_eq!(c.articles.len(), before + texts.len(), "each article joins, on its page");
        assert!(!c.at_hand(3), "page 3 is not all at hand");
        assert_eq!(needs(&c, &archive, &route, 20), [], "nothing more for the first page of results");
        let more = needs(&c, &archive, &route, 40);
        assert_eq!(more.len(), rest - best_elsewhere, "a page more of results: the rest of the best thirty");
        assert!(estimate(&c, &archive, &route.query, &c.filter(&route).0, 12).is_some(), "some not at hand: estimated");
        for &w in &more {
            archive = archive.apply(fetched(c.index(), &files, w));
        }
        let c = catalog(&archive);
        assert!(c.complete(), "every article of page 3 came: the page is at hand");
        assert_eq!(
            estimate(&c, &archive, &route.query, &c.filter(&route).0, 15),
            None,
            "every candidate at hand: counted"
        );
    }

    #[test]
    fn a_search_held_to_a_department_fetches_its_bucket_too_and_only_its_candidates() {
        crate::content::embedded::third_page();
        let (library, files) = fourth_with_index();
        let third = two_pages_library().pages.iter().find(|p| p.number == 3).unwrap().clone();
        let mut archive = Archive::new(Rc::new(library));
        let c = Catalog::new(&archive.library);
        // 工作, in every article, held to 区教育局.
        let route = Route::parse("#/?q=%E5%B7%A5%E4%BD%9C&dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80");
        let first = needs(&c, &archive, &route, 20);
        let own = bucket_of(department("区教育局"), c.index().buckets);
        assert!(first.contains(&Want::Bucket(own)), "the department's bucket: {first:?}");
        for &w in &first {
            archive = archive.apply(fetched(c.index(), &files, w));
        }
        let texts = needs(&c, &archive, &route, 20);
        assert!(!texts.is_empty());
        for w in &texts {
            let Want::Text(n) = *w else { panic!("{w:?}") };
            assert_eq!(&*third.articles[n as usize].department_short, "区教育局", "{n} is another department's");
        }
        let everyone = third.articles.iter().filter(|a| &*a.department_short == "区教育局").count();
        assert!(texts.len() <= everyone, "no more than the department has on page 3");
        assert!(
            estimate(&c, &archive, &route.query, &c.filter(&route).0, 0).is_some_and(|n| n <= everyone),
            "its candidates counted, not all"
        );
    }

    #[test]
    fn a_bucket_that_fails_counts_as_empty_and_the_estimate_stands_for_what_is_not_at_hand() {
        crate::content::embedded::third_page();
        let (library, _) = fourth_with_index();
        let archive = Archive::new(Rc::new(library));
        let c = Catalog::new(&archive.library);
        let all = Filter::default();
        assert_eq!(candidates(&c, &archive, "法律", &all), None, "no bucket yet");
        let failed = needs(&c, &archive, &Route::parse("#/?q=x"), 20)
            .into_iter()
            .fold(archive.clone(), |a, w| a.apply(Step::Failed(w, crate::archive::Fault::Offline)));
        assert_eq!(candidates(&c, &failed, "x", &all).as_deref(), Some(&vec![]), "a failed bucket holds nothing");
        assert_eq!(searched_pages(&c, &failed, "x", &all), [] as [u32; 0], "but says nothing of page 3's count");
        let lacking = needs(&c, &failed, &Route::parse("#/?q=x"), 20);
        assert!(!lacking.is_empty() && lacking.iter().all(|w| failed.failed.contains(w)), "lacking until a retry");
        assert_eq!(lengths(&c).map(|(n, _)| n), Some(15));
        let lone = Archive::default();
        assert_eq!(estimate(&Catalog::new(&lone.library), &lone, "法律", &all, 2), None, "no index: no estimate");
    }

    #[test]
    fn a_page_without_candidates_is_known_to_have_no_match() {
        crate::content::embedded::third_page();
        let (library, files) = fourth_with_index();
        let mut archive = Archive::new(Rc::new(library));
        let c = Catalog::new(&archive.library);
        // 赵群筠 is on page 3 only (3-07); page 4 is made of page 3's articles 6 to 10, so
        // choose a name of page 3's first five: 谢建青, 3-01.
        let route = Route::parse("#/?q=%E8%B0%A2%E5%BB%BA%E9%9D%92");
        for w in needs(&c, &archive, &route, 20) {
            archive = archive.apply(fetched(c.index(), &files, w));
        }
        assert_eq!(
            searched_pages(&c, &archive, &route.query, &c.filter(&route).0),
            [] as [u32; 0],
            "3-01 is a candidate not at hand"
        );
        for w in needs(&Catalog::new(&archive.library), &archive, &route, 20) {
            archive = archive.apply(fetched(c.index(), &files, w));
        }
        let c = Catalog::new(&archive.library);
        assert_eq!(
            searched_pages(&c, &archive, &route.query, &c.filter(&route).0),
            [3],
            "its one candidate came: page 3 is searched"
        );
        let counts = c.pages_for(&c.filter(&route).0, Some(&[c.position("3-01").unwrap()]), &[3]);
        assert_eq!(counts.iter().map(|p| p.count).collect::<Vec<_>>(), [Some(1), Some(0)]);
    }
}
