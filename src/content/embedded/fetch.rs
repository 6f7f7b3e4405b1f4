//! Files of the series fetched in the browser and checked: another page's file, named in
//! the page's catalogue (`reader_core::content::Entry`), must carry its own digest
//! (`reader_core::content::digest::unseal`) and read as that page's data
//! (`super::read_file`); a bucket of the sharded index must read as that bucket
//! (`search::shard::read`: its checksum, its place); an article's file must carry its own
//! digest and hold one article. What goes wrong is a [`Fault`], said on the console with
//! the file's name.
//!
//! A request may be started before the app's first render (`start`, `crate::early`): the
//! fetch that wants its file then takes it up rather than asking again.

use std::cell::RefCell;

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use reader_core::content::bundle::SearchIndex;
use reader_core::content::digest::unseal;
use reader_core::content::{Entry, Library};
use reader_core::search::shard::{self, Bucket};

use crate::archive::Fault;

type Fetched<T> = Result<T, (Fault, String)>;

thread_local! {
    /// Requests started early (`start`), by address, until a fetch takes them up.
    static EARLY: RefCell<Vec<(String, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Starts requesting `urls` now; the fetches of their files take the answers up.
pub fn start(urls: impl IntoIterator<Item = String>) {
    let window = gloo::utils::window();
    EARLY.with_borrow_mut(|early| early.extend(urls.into_iter().map(|url| (url.clone(), window.fetch_with_str(&url)))));
}

/// The address of bucket `number` of the sharded index.
pub fn bucket_url(index: &SearchIndex, number: u32) -> String {
    format!("{}b{number}.bin", index.dir)
}

/// The address of the file of the article numbered `n` in the series.
pub fn text_url(index: &SearchIndex, n: u32) -> String {
    format!("{}a{n}.json", index.dir)
}

/// The page `entry` names, fetched and read.
pub async fn page(entry: &Entry) -> Result<Library, Fault> {
    said(&entry.file, page_file(entry).await)
}

/// Bucket `number` of the sharded index, fetched and read: (its number, the bucket).
pub async fn bucket(index: &SearchIndex, number: u32) -> Result<(u32, Bucket), Fault> {
    let url = bucket_url(index, number);
    let read = async {
        let bytes = get(&url).await?;
        shard::read(&bytes, number, index.buckets).map(|b| (number, b)).map_err(|why| (Fault::Damaged, why.to_owned()))
    };
    said(&url, read.await)
}

/// The file of the article numbered `n` in the series, fetched and read: a page holding it.
pub async fn text(index: &SearchIndex, n: u32) -> Result<Library, Fault> {
    let url = text_url(index, n);
    let read = async {
        let library = sealed(&url).await?;
        match library.articles().count() {
            1 => Ok(library),
            count => Err((Fault::Damaged, format!("{count} articles, not one"))),
        }
    };
    said(&url, read.await)
}

/// The outcome, what went wrong said on the console.
fn said<T>(name: &str, outcome: Fetched<T>) -> Result<T, Fault> {
    if let Err((fault, why)) = &outcome {
        web_sys::console::error_1(&format!("{name}: {why} ({})", fault.name()).into());
    }
    outcome.map_err(|(fault, _)| fault)
}

/// The bytes at `url` (asked for early, or now), or why not. An early request that got no
/// answer is asked again: it may be from long before, the network back since.
async fn get(url: &str) -> Fetched<Vec<u8>> {
    let offline = |why: &str| (Fault::Offline, why.to_owned());
    let early = EARLY.with_borrow_mut(|early| {
        let at = early.iter().position(|(u, _)| u == url)?;
        Some(early.swap_remove(at).1)
    });
    let now = || JsFuture::from(gloo::utils::window().fetch_with_str(url));
    let answer = match early {
        Some(sent) => match JsFuture::from(sent).await {
            Ok(answer) => Ok(answer),
            Err(_) => now().await,
        },
        None => now().await,
    };
    let answer = answer.map_err(|_| offline("no answer"))?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| offline("no response"))?;
    match response.status() {
        200 => {}
        // Named by their content: a file the host does not have is from another build.
        // As u32: u16's own formatting would be more code in the WASM.
        404 | 410 => return Err((Fault::Gone, format!("HTTP {}", u32::from(response.status())))),
        status => return Err((Fault::Offline, format!("HTTP {}", u32::from(status)))),
    }
    let body = response.array_buffer().map_err(|_| offline("no body"))?;
    let body = JsFuture::from(body).await.map_err(|_| offline("cut off"))?;
    Ok(Uint8Array::new(&body).to_vec())
}

/// The sealed file at `url`, unsealed and read as a page's data.
async fn sealed(url: &str) -> Fetched<Library> {
    let damaged = |why: String| (Fault::Damaged, why);
    super::read_file(unseal(&get(url).await?).map_err(damaged)?).map_err(damaged)
}

async fn page_file(entry: &Entry) -> Fetched<Library> {
    let library = sealed(&entry.file).await?;
    match library.pages.iter().map(|p| p.number).eq([entry.number]) {
        true => Ok(library),
        false => Err((Fault::Damaged, format!("not page {}", entry.number))),
    }
}
