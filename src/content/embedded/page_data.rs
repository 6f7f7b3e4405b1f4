//! The page's data, in the browser: the text of `#reader-data`, parsed by `JSON.parse` (no
//! JSON parser in the WASM) and read into the model (`super::read`), once.

use std::sync::OnceLock;

use reader_core::search::tables;

use super::{Library, DATA_ID};

static LOADED: OnceLock<Result<Library, String>> = OnceLock::new();

/// The page's content, read on the first call.
pub fn load() -> Result<&'static Library, &'static str> {
    LOADED.get_or_init(from_page).as_ref().map_err(String::as_str)
}

/// Reads `json` as the content instead of the page's (tests, benchmarks: their documents
/// carry no data). Only the first load counts; whether this one did and read.
pub fn load_json(json: &str) -> Result<(), String> {
    let mut outcome = Err("content was already loaded".to_owned());
    LOADED.get_or_init(|| {
        let read = read(json);
        outcome = read.as_ref().map(|_| ()).map_err(String::clone);
        read
    });
    outcome
}

fn from_page() -> Result<Library, String> {
    let element = gloo::utils::document().get_element_by_id(DATA_ID);
    let text = element.and_then(|e| e.text_content()).ok_or_else(|| "the page carries no data".to_owned());
    text.and_then(|t| read(&t)).inspect_err(|e| web_sys::console::error_1(&format!("#{DATA_ID}: {e}").into()))
}

/// Another page's file of the series (`reader_core::content::bundle::site_files`), read:
/// its page, with names, insights and bylines. It carries no tables (the page has them).
pub fn read_file(json: &str) -> Result<Library, String> {
    let value = js_sys::JSON::parse(json).map_err(|_| "not JSON".to_owned())?;
    Ok(super::read::bundle(value)?.into_parts()?.0)
}

fn read(json: &str) -> Result<Library, String> {
    let value = js_sys::JSON::parse(json).map_err(|_| "not JSON".to_owned())?;
    let (library, found) = super::read::bundle(value)?.into_parts()?;
    tables::install(Box::leak(Box::new(found)).tables());
    Ok(library)
}
