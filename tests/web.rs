//! Tier 3a: components mounted in a real browser (headless Chromium through
//! `wasm-pack test --headless --chrome`), asserting on the DOM.
#![cfg(target_arch = "wasm32")]

use reader::app::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element and waits until it has rendered.
async fn mount_app() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn the_list_shows_every_article_of_the_page() {
    let root = mount_app().await;
    assert_eq!(texts(&root, "h1"), ["各部门党委(党组)成员召开集中学习交流会（三）"]);
    let departments = texts(&root, ".card-department");
    assert_eq!(departments.len(), 10);
    assert_eq!(departments[0], "区残联");
    assert_eq!(departments[1], "区商务局（区旅游局）");
    let authors = texts(&root, ".card-author strong");
    assert_eq!(authors[9], "陈小蕾");
    let excerpt = &texts(&root, ".card-excerpt")[0];
    assert!(excerpt.starts_with("近期，根据区委") && excerpt.ends_with("……"), "{excerpt}");
}
