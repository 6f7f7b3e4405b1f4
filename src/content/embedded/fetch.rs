//! Another page of the series, fetched (in the browser): its file, named in the page's
//! catalogue (`reader_core::content::Entry`), must have the length and the digest the entry
//! gives, and read as a page's data (`super::read_file`). What goes wrong is a
//! [`Fault`], said on the console with the file's name.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use reader_core::content::{digest, Entry, Library};

use crate::archive::Fault;

/// The page `entry` names, fetched and read.
pub async fn page(entry: &Entry) -> Result<Library, Fault> {
    let outcome = fetched(entry).await;
    if let Err((fault, why)) = &outcome {
        web_sys::console::error_1(&format!("{}: {why} ({})", entry.file, fault.name()).into());
    }
    outcome.map_err(|(fault, _)| fault)
}

async fn fetched(entry: &Entry) -> Result<Library, (Fault, String)> {
    let offline = |why: &str| (Fault::Offline, why.to_owned());
    let sent = gloo::utils::window().fetch_with_str(&entry.file);
    let answer = JsFuture::from(sent).await.map_err(|_| offline("no answer"))?;
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
    let bytes = Uint8Array::new(&body).to_vec();
    let damaged = |why: String| (Fault::Damaged, why);
    if bytes.len() != entry.bytes as usize {
        return Err(damaged(format!("{} bytes, not {}", bytes.len(), entry.bytes)));
    }
    if digest(&bytes) != *entry.digest {
        return Err(damaged(format!("digest {}, not {}", digest(&bytes), entry.digest)));
    }
    let text = String::from_utf8(bytes).map_err(|_| damaged("not UTF-8".to_owned()))?;
    let library = super::read_file(&text).map_err(damaged)?;
    match library.pages.iter().map(|p| p.number).eq([entry.number]) {
        true => Ok(library),
        false => Err(damaged(format!("not page {}", entry.number))),
    }
}
