//! Tier 3a: components mounted in a real browser (headless Chromium through
//! `wasm-pack test --headless --chrome`), asserting on the DOM. Each test sets the URL
//! hash, mounts the app into a fresh element and unmounts it at the end. The tests name
//! page 3, the real page they are written against, in the URL (`page=3`), so they hold
//! when editors add pages of the series.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use reader::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    fn texts(&self, selector: &str) -> Vec<String> {
        let nodes = self.root.query_selector_all(selector).unwrap();
        (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default()).collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
    }

    fn click(&self, selector: &str) {
        self.one(selector).dyn_into::<HtmlElement>().unwrap().click();
    }

    /// The status line, without the page's label that leads it when there are several
    /// pages ("第三期 · 找到 2 篇").
    fn status(&self) -> String {
        let status = self.texts(".list-status").concat();
        status.split_once(" · ").map_or(status.clone(), |(_, rest)| rest.to_owned())
    }

    /// Clicks the button whose text contains `label` among `selector`.
    fn click_text(&self, selector: &str, label: &str) {
        let nodes = self.root.query_selector_all(selector).unwrap();
        let hit = (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().dyn_into::<HtmlElement>().unwrap())
            .find(|n| n.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("no {selector} with {label}"));
        hit.click();
    }

    /// Waits (up to two seconds) until `ready` holds, letting events and renders run.
    async fn until(&self, what: &str, ready: impl Fn(&Mounted) -> bool) {
        for _ in 0..200 {
            yew::scheduler::flush().await;
            if ready(self) {
                return;
            }
            TimeoutFuture::new(10).await;
        }
        panic!("timed out waiting for {what}");
    }
}

/// The department toggles (with several pages of the series, the page selector's links
/// are chips too).
const DEPARTMENT_CHIP: &str = ".filter:not(.pages) .chip";

fn set_hash(hash: &str) {
    gloo::utils::window().location().set_hash(hash).unwrap();
}

fn hash() -> String {
    let raw = gloo::utils::window().location().hash().unwrap();
    js_sys::decode_uri_component(&raw).map(String::from).unwrap_or(raw)
}

async fn mount_at(hash: &str) -> Mounted {
    // The test runner's document carries no data: give the app what a page of content/ would.
    let _ = reader::content::embedded::load_json(test_bundle::JSON);
    set_hash(hash);
    TimeoutFuture::new(20).await;
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    let m = Mounted { root, handle: Some(handle) };
    m.until("first render", |m| m.root.query_selector("main").unwrap().is_some()).await;
    m
}

#[wasm_bindgen_test]
fn the_page_data_reads_as_serde_reads_it() {
    use reader::content::embedded::read;
    let parsed = |json: &str| js_sys::JSON::parse(json).unwrap();
    let by_serde: reader_core::content::bundle::Bundle = serde_json::from_str(test_bundle::JSON).unwrap();
    assert_eq!(read::bundle(parsed(test_bundle::JSON)).unwrap(), by_serde, "field for field");
    assert!(by_serde.tables.pinyin_char_steps.len() > 100 && by_serde.pages[0].articles.len() == 10);
    // Data of another shape: refused, saying where.
    // Every field but pages, names and insights, which the cases below vary.
    let tables = r#""bylines":[],"series":{"data":"","number_steps":[],"numerals":[],"articles":[]},"index":{"dir":"","buckets":0,"articles":0,"lengths":[]},"tables":{"pinyin_char_steps":[],"pinyin_text":"","sounds_text":"","t2s_from_steps":[],"t2s_to":[]}"#;
    for (json, said) in [
        ("[]".to_owned(), ": not an object"),
        (r#"{"pages":[{"campaign":1}]}"#.to_owned(), "pages.campaign: not text"),
        (
            format!(r#"{{"pages":[],"names":[],"insights":[{{"id":"3-01","keywords":"a"}}],{tables}}}"#),
            "insights.keywords: not a list",
        ),
        (
            format!(
                r#"{{"pages":[],"names":[],"insights":[],{}}}"#,
                tables.replace("\"t2s_to\":[]", "\"t2s_to\":[70000]")
            ),
            "tables.t2s_to: not a list of whole numbers up to 65535",
        ),
        (
            format!(
                r#"{{"pages":[],"names":[],"insights":[],{}}}"#,
                tables.replace("\"pinyin_char_steps\":[]", "\"pinyin_char_steps\":[1.5]")
            ),
            "tables.pinyin_char_steps: not a list of whole numbers up to 255",
        ),
        (format!(r#"{{"pages":[],"insights":[],{tables}}}"#), "names: not a list"),
        (
            format!(
                r#"{{"pages":[],"names":[],"insights":[],{}}}"#,
                tables.replace(r#""number_steps":[],"#, r#""number_steps":[4.5],"#)
            ),
            "series.number_steps: not a list of whole numbers up to 4294967295",
        ),
        (
            format!(
                r#"{{"pages":[],"names":[],"insights":[],{}}}"#,
                tables.replace(r#""numerals":[]"#, r#""numerals":[4]"#)
            ),
            "series.numerals: not text",
        ),
        (
            format!(
                r#"{{"pages":[],"names":[],"insights":[],{}}}"#,
                tables.replace(r#""buckets":0"#, r#""buckets":-1"#)
            ),
            "index.buckets: not a count",
        ),
        (
            format!(
                r#"{{"pages":[],"names":[],"insights":[],{}}}"#,
                tables.replace(r#""lengths":[]"#, r#""lengths":[],"departments":["区残联"],"statements":[-1]"#)
            ),
            "index.statements: not a list of whole numbers up to 4294967295",
        ),
    ] {
        assert_eq!(read::bundle(parsed(&json)).unwrap_err(), said, "{json}");
    }
    let empty = format!(r#"{{"pages":[],"names":[],"insights":[],{tables}}}"#);
    assert!(read::bundle(parsed(&empty)).unwrap().pages.is_empty());
    // The series' departments, written only when there are some, read as serde reads them.
    let named =
        tables.replace(r#""lengths":[]"#, r#""lengths":[],"departments":["区残联","区民政局"],"statements":[1,2]"#);
    let named = format!(r#"{{"pages":[],"names":[],"insights":[],{named}}}"#);
    let by_serde: reader_core::content::bundle::Bundle = serde_json::from_str(&named).unwrap();
    assert_eq!(by_serde.index.statements, [1, 2]);
    assert_eq!(read::bundle(parsed(&named)).unwrap(), by_serde, "field for field");
}

#[wasm_bindgen_test]
async fn the_list_shows_every_article_and_department() {
    let m = mount_at("#/?page=3").await;
    assert_eq!(m.texts("h1"), ["各部门党委(党组)成员召开集中学习交流会（三）"]);
    assert_eq!(m.texts(".card-title").len(), 10);
    assert_eq!(m.texts(".card-title")[1], "区商务局（区旅游局）");
    assert_eq!(m.texts(".card-author strong")[9], "陈小蕾");
    let excerpt = &m.texts(".card-excerpt")[0];
    assert!(excerpt.starts_with("近期，根据区委") && excerpt.ends_with("……"), "{excerpt}");
    let chips = m.texts(DEPARTMENT_CHIP);
    assert_eq!(chips.len(), 10);
    assert_eq!(chips[0], "✓全部10 篇");
    assert_eq!(chips[6], "区教育局2 篇");
    assert_eq!(m.one(DEPARTMENT_CHIP).get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(m.one(".card-link").get_attribute("href").as_deref(), Some("#/a/3-01?page=3"));
}

#[wasm_bindgen_test]
async fn department_toggles_filter_the_cards_and_the_url() {
    let m = mount_at("#/?page=3").await;
    m.click_text(DEPARTMENT_CHIP, "区教育局");
    m.until("education only", |m| m.texts(".card-title").len() == 2).await;
    assert_eq!(hash(), "#/?page=3&dept=区教育局");
    assert_eq!(m.texts(".chip[aria-pressed=\"true\"]"), ["✓区教育局2 篇"]);
    m.click_text(DEPARTMENT_CHIP, "区财政局");
    m.until("education and finance", |m| m.texts(".card-title").len() == 3).await;
    assert_eq!(m.status(), "区教育局、区财政局：3 篇");
    // Cards link to articles with the filter kept.
    let href = m.one(".card-link").get_attribute("href").unwrap();
    assert!(href.starts_with("#/a/3-06?page=3&dept="), "{href}");
    m.click_text(DEPARTMENT_CHIP, "全部");
    m.until("all again", |m| m.texts(".card-title").len() == 10).await;
    assert_eq!(hash(), "#/?page=3");
}

#[wasm_bindgen_test]
async fn department_counts_follow_the_search_and_empty_ones_stay_selectable() {
    let m = mount_at("#/?page=3&q=学校").await;
    m.until("results", |m| !m.texts(".card-title").is_empty()).await;
    let found = m.texts(".card-title").len();
    let counts: Vec<usize> =
        m.texts(".filter:not(.pages) .chip-count").iter().map(|c| c.trim_end_matches(" 篇").parse().unwrap()).collect();
    assert_eq!(counts[0], found, "全部 counts the matches");
    assert_eq!(counts[1..].iter().sum::<usize>(), found, "each match in one department");
    assert!(counts.contains(&0) && counts[1..].iter().any(|&c| c > 0), "{counts:?}");
    let empty = m.texts(".filter:not(.pages) .chip-none");
    assert_eq!(empty.len(), counts.iter().filter(|&&c| c == 0).count(), "{empty:?}");
    assert_eq!(m.status(), format!("找到 {found} 篇"));
    // An empty department is still a toggle: selecting it says so, and offers a way out.
    let name = empty[0].trim_start_matches('✓').split(char::is_numeric).next().unwrap().to_owned();
    m.click(".filter:not(.pages) .chip-none");
    m.until("the empty department selected", |m| !m.texts(".empty-title").is_empty()).await;
    assert_eq!(m.status(), format!("在{name}中找到 0 篇"));
    assert_eq!(m.one(".chip-none[aria-pressed=\"true\"]").text_content().unwrap(), format!("✓{name}0 篇"));
    // Without the query the counts are the departments' own again.
    m.click_text(".empty-actions button", "清除搜索");
    m.until("no query", |m| m.status() == format!("{name}：1 篇")).await;
    assert!(m.root.query_selector(".chip-none").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_article_route_shows_the_article_with_neighbours_in_the_filter() {
    let m = mount_at("#/a/3-07?page=3&dept=区教育局&dept=区财政局").await;
    m.until("article", |m| m.texts("h1") == ["区教育局"]).await;
    assert_eq!(m.texts(".byline"), ["局长 赵群筠"]);
    assert_eq!(m.texts(".signature"), ["区教育局局长 赵群筠"]);
    assert_eq!(m.texts(".article-body > p").len(), 5, "four lead paragraphs and the signature");
    let prev = m.one(".pager-prev").get_attribute("href").unwrap();
    let next = m.one(".pager-next").get_attribute("href").unwrap();
    assert!(prev.starts_with("#/a/3-06?page=3&dept="), "{prev}");
    assert!(next.starts_with("#/a/3-09?page=3&dept="), "{next}");
    assert!(m.one(".back").get_attribute("href").unwrap().starts_with("#/?page=3&dept="));
    // Following "next" is a plain link: the hash changes and the view follows.
    m.click(".pager-next");
    m.until("next article", |m| m.texts("h1") == ["区财政局"]).await;
    assert_eq!(m.texts(".article-body h2").len(), 4);
    assert!(m.root.query_selector(".pager-next").unwrap().is_none(), "last in the filter");
    m.click(".back");
    m.until("list", |m| m.texts(".card-title").len() == 3).await;
}

#[wasm_bindgen_test]
async fn an_unknown_article_shows_not_found_with_a_way_back() {
    let m = mount_at("#/a/9-99?page=3").await;
    m.until("not found", |m| m.texts("h1") == ["没有找到这篇文章"]).await;
    assert_eq!(m.texts(".bad-id"), ["9-99"]);
    m.click(".not-found a");
    m.until("list", |m| m.texts(".card-title").len() == 10).await;
}

#[wasm_bindgen_test]
async fn an_unknown_department_is_ignored_with_a_notice() {
    let m = mount_at("#/?page=3&dept=区外交部&dept=区教育局").await;
    m.until("filtered", |m| m.texts(".card-title").len() == 2).await;
    let notice = m.texts(".notice").join("");
    assert!(notice.contains("“区外交部”") && notice.contains("已忽略"), "{notice}");
    let m2 = mount_at("#/?page=3&dept=<script>alert(1)</script>").await;
    drop(m);
    m2.until("all", |m| m.texts(".card-title").len() == 10).await;
    assert!(m2.texts(".notice").join("").contains("<script>"), "shown as text");
    assert!(m2.root.query_selector("script").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn text_size_and_theme_are_applied_and_remembered() {
    let m = mount_at("#/").await;
    let html = gloo::utils::document().document_element().unwrap();
    m.click(".size-largest");
    m.until("largest", |_| html.get_attribute("data-text-size").as_deref() == Some("largest")).await;
    let stored = gloo::utils::window().local_storage().unwrap().unwrap().get_item("gongshu-reader.text-size").unwrap();
    assert_eq!(stored.as_deref(), Some("largest"));
    assert_eq!(m.texts(".seg[aria-pressed=\"true\"]"), ["特大", "跟随系统"]);
    m.click_text(".seg", "深色");
    m.until("dark", |_| html.get_attribute("data-theme").as_deref() == Some("dark")).await;
    drop(m);
    // A new mount starts from what was remembered.
    let m = mount_at("#/").await;
    assert_eq!(m.texts(".seg[aria-pressed=\"true\"]"), ["特大", "深色"]);
    m.click(".size-standard");
    m.click_text(".seg", "跟随系统");
    m.until("reset", |_| html.get_attribute("data-text-size").as_deref() == Some("standard")).await;
}

#[wasm_bindgen_test]
async fn a_query_in_the_url_shows_highlighted_results() {
    let m = mount_at("#/?page=3&q=canlian").await;
    m.until("results", |m| m.texts(".card-title") == ["区残联"]).await;
    assert_eq!(m.texts(".card-title mark"), ["残联"]);
    assert_eq!(m.status(), "找到 1 篇");
    let input = m.one(".search-input").dyn_into::<web_sys::HtmlInputElement>().unwrap();
    assert_eq!(input.value(), "canlian");
    // Typing (an input event) searches and updates the URL.
    input.set_value("財政局");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    m.until("traditional query", |m| m.texts(".card-title").first().map(String::as_str) == Some("区财政局")).await;
    // The results first, the address a task later (`location::replace_soon`).
    m.until("the address", |_| hash() == "#/?page=3&q=財政局").await;
    // Markup typed into the box is text, never markup.
    input.set_value("<img src=x onerror=alert(1)>");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    m.until("empty state", |m| !m.texts(".empty-title").is_empty()).await;
    assert!(m.texts(".empty-title")[0].contains("<img src=x onerror=alert(1)>"));
    assert!(m.root.query_selector(".empty img").unwrap().is_none());
}

/// An article whose every field carries markup and script, as a hostile or careless
/// content file might.
fn hostile_article() -> reader::content::Article {
    let evil = r#"<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"><b>粗</b>&amp;"#;
    reader::content::Article {
        id: "x-1".into(),
        department: format!("区{evil}局").into(),
        department_short: "区测试局".into(),
        short_names: vec!["区局".into()].into(),
        full_names: format!("拱墅区{evil}局").into(),
        addresses: format!("张{evil}").into(),
        author: format!("张{evil}").into(),
        posts: vec![format!("局长{evil}").into()].into(),
        editor_title: Some(format!("标题{evil}").into()),
        lead: vec![format!("导语{evil}。").into()].into(),
        sections: vec![reader::content::Section {
            heading: format!("一、{evil}").into(),
            paragraphs: vec![format!("正文{evil}。").into()].into(),
        }]
        .into(),
        signature: format!("区测试局局长 张{evil}").into(),
        chars: 100,
        reading_minutes: 1,
        source_line: 1,
    }
}

#[wasm_bindgen_test]
async fn markup_in_content_renders_as_literal_text() {
    use reader::components::article_card::{ArticleCard, ArticleCardProps};
    use reader::components::article_view::{ArticleView, ArticleViewProps};
    use std::rc::Rc;
    let document = gloo::utils::document();
    let article = Rc::new(hostile_article());
    for (i, root) in
        [document.create_element("div").unwrap(), document.create_element("div").unwrap()].into_iter().enumerate()
    {
        document.body().unwrap().append_child(&root).unwrap();
        if i == 0 {
            let model = reader::view::article_page::ArticlePage {
                article: article.clone(),
                back: "#/".into(),
                page: None,
                keywords: vec![],
                related: vec![],
                prev: None,
                next: None,
            };
            let props = ArticleViewProps { model: Rc::new(model) };
            yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
        } else {
            let card = reader::view::listing::Card {
                article: article.clone(),
                href: "#/a/x-1".into(),
                page: None,
                excerpt: None,
                department_marks: vec![],
                author_marks: vec![],
                // Marked markup in the posts must stay text too.
                posts_marks: vec![0.."局长".len()],
            };
            let props = ArticleCardProps { card, nested: false };
            yew::Renderer::<ArticleCard>::with_root_and_props(root.clone(), props).render();
        }
        for _ in 0..50 {
            yew::scheduler::flush().await;
            if root.child_element_count() > 0 {
                break;
            }
            TimeoutFuture::new(10).await;
        }
        let text = root.text_content().unwrap_or_default();
        assert!(text.contains("<script>window.__pwned=1</script>"), "shown literally: {text}");
        assert!(text.contains("<b>粗</b>&amp;"), "{text}");
        for tag in ["script", "img", "b"] {
            assert_eq!(root.query_selector_all(tag).unwrap().length(), 0, "no <{tag}> element was made");
        }
        assert!(js_sys::Reflect::get(&gloo::utils::window(), &"__pwned".into()).unwrap().is_undefined());
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_navigation_right_after_a_keystroke_wins_over_its_address() {
    let m = mount_at("#/?page=3").await;
    let input = m.one(".search-input").dyn_into::<web_sys::HtmlInputElement>().unwrap();
    input.set_value("残联");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    // A link followed before the keystroke's address is written: the article stays.
    set_hash("#/a/3-01");
    m.until("the article", |m| m.root.query_selector("article h1, #page-title").unwrap().is_some()).await;
    TimeoutFuture::new(30).await;
    yew::scheduler::flush().await;
    assert_eq!(hash(), "#/a/3-01");
    assert!(m.root.query_selector(".search-input").unwrap().is_none(), "the article, not the list");
}
