//! The browser's localStorage as the reader uses it: a value read, written or removed by
//! key, and a browser that refuses storage (private modes, policies) just forgets.

/// The value stored under `key`. Earlier versions stored settings quoted (`"dark"`, a
/// JSON string): read that too.
pub fn stored(key: &str) -> Option<String> {
    let value = web_sys::window()?.local_storage().ok()??.get_item(key).ok()??;
    let plain = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(&value);
    Some(plain.to_owned())
}

/// Stores `value` under `key`.
pub fn store(key: &str, value: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(key, value);
    }
}

/// Removes what is stored under `key`.
pub fn remove(key: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.remove_item(key);
    }
}
