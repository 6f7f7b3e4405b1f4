//! Entry point: mounts the reader into `#app`. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = gloo::utils::document().get_element_by_id("app").expect("index.html has #app");
    reader::app::mount(root);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the reader runs in the browser: ./dev serve");
}
