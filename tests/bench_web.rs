//! In-browser search benchmark (ignored by the normal test run; `./dev bench` runs it):
//! index build time in WASM, and the time from a keystroke (an `input` event on the
//! search box) to the result cards rendered, on the real content and on a synthetic
//! 1,000-article corpus. It prints figures and asserts only that results rendered.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use reader::catalog::{Catalog, Filter};
use reader::components::list_view::ListView;
use reader::content::{embedded, Library};
use reader::content::{Article, Page};
use reader::indexing::Indexing;
use reader::route::Route;
use reader::search::SHOWN_RESULTS;
use reader::view::links::Links;
use reader::view::listing::listing;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

#[path = "support/corpus.rs"]
mod corpus;
use corpus::synthetic;

wasm_bindgen_test_configure!(run_in_browser);

const QUERIES: &[&str] = &[
    "残联",
    "教育局",
    "谢建青",
    "解放思想",
    "canlian",
    "can lian",
    "jiaoyu",
    "czj",
    "残疾人 服务",
    "殘聯",
    "BIM技术",
    "足球",
    "jiefangsixiang",
    "ch",
];
/// What the approximate pass serves (`search::approx`), and nonsense it leaves empty.
const FORGIVING: &[&str] = &[
    "社区矫证",
    "预酸",
    "法律援住",
    "谢建清",
    "开创工作新局而",
    "教育局党委书记",
    "社区矫正工作站",
    "人社局",
    "minzheng局",
    "lvyou",
    "量子计算机",
    "设曲交正",
    "黄局长",
    "拱墅区住房和城乡建设局",
    "十家",
    "3所",
    "minzehng",
    "canlain",
    "穷人",
    "王局长",
];
/// Samples per query and way of typing it: enough that the 95th percentile over a mix is
/// not just the slowest few.
const ROUNDS: usize = 15;

fn now() -> f64 {
    gloo::utils::window().performance().unwrap().now()
}

#[derive(Properties)]
struct BenchProps {
    catalog: Rc<Catalog>,
    indexing: Rc<Indexing>,
}

impl PartialEq for BenchProps {
    /// One bench list per catalogue: the index is derived from it.
    fn eq(&self, other: &BenchProps) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
    }
}

/// The list view wired to local state instead of the URL, so the figures are search and
/// rendering only (the app adds one `hashchange` round trip).
#[function_component(BenchList)]
fn bench_list(props: &BenchProps) -> Html {
    let query = use_state(String::new);
    let catalog = props.catalog.clone();
    let results = {
        let indexing = props.indexing.clone();
        use_memo((*query).clone(), move |q| indexing.index().search_top(q, SHOWN_RESULTS, |_| true))
    };
    // The same cards and counts the app shows.
    let route = Route { query: (*query).clone(), ..Route::default() };
    let list =
        Rc::new(listing(&catalog, &route, &Filter::default(), (&results, &[], SHOWN_RESULTS, None), Links::Hash));
    let onsearch = {
        let query = query.clone();
        Callback::from(move |q: String| query.set(q))
    };
    html! {
        <ListView
            {list}
            ontoggle={Callback::noop()}
            onall={Callback::noop()}
            {onsearch}
        />
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

async fn bench(name: &str, library: Library) {
    let t = now();
    let catalog = Rc::new(Catalog::new(&library));
    let made = now() - t;
    let indexing = Rc::new(Indexing::new(catalog.clone()));
    let searching = indexing.clone();
    // As the app builds it: an article per task. The longest task is what a reader
    // could feel.
    let mut steps = Vec::new();
    loop {
        let t = now();
        let done = indexing.step(1);
        steps.push(now() - t);
        if done {
            break;
        }
    }
    let build: f64 = steps.iter().sum();
    let longest = steps.iter().copied().fold(0.0, f64::max);
    console_log!(
        "catalog {made:.1} ms, first index build {build:.1} ms in {} steps, longest step {longest:.1} ms",
        steps.len()
    );
    let mut rebuilds: Vec<f64> = (0..5)
        .map(|_| {
            let t = now();
            std::hint::black_box(reader::search::Index::build(&catalog.articles));
            now() - t
        })
        .collect();
    rebuilds.sort_by(f64::total_cmp);
    console_log!("index build alone, warm: median {:.1} ms, min {:.1} ms", rebuilds[2], rebuilds[0]);
    let t = now();
    indexing.index().warm_pinyin();
    let pinyin = now() - t;
    let mut repinyin: Vec<f64> = (0..5)
        .map(|_| {
            let fresh = reader::search::Index::build(&catalog.articles);
            let t = now();
            fresh.warm_pinyin();
            now() - t
        })
        .collect();
    repinyin.sort_by(f64::total_cmp);
    console_log!("pinyin postings (first Latin query): first {pinyin:.1} ms, warm median {:.1} ms", repinyin[2]);
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<BenchList>::with_root_and_props(
        root.clone(),
        BenchProps { catalog: catalog.clone(), indexing },
    )
    .render();
    yew::scheduler::flush().await;
    let input: web_sys::HtmlInputElement = root.query_selector(".search-input").unwrap().unwrap().dyn_into().unwrap();
    console_log!("## {name}: {} articles", catalog.articles.len());
    for (mix, queries) in [("the usual mix", QUERIES), ("forgiving", FORGIVING)] {
        keystrokes(&root, &input, &searching, mix, queries).await;
    }
    handle.destroy();
    root.remove();
}

/// The time to render `to` after `from` was shown, from the input event on.
async fn keystroke(input: &web_sys::HtmlInputElement, from: &str, to: &str) -> f64 {
    input.set_value(from);
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    let t = now();
    input.set_value(to);
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    now() - t
}

/// Keystroke → results rendered for each query: from an empty box (the list of every
/// article gives way to the results), and its last character typed after the rest; and the
/// search alone, so what rendering adds shows.
async fn keystrokes(
    root: &web_sys::Element,
    input: &web_sys::HtmlInputElement,
    indexing: &Indexing,
    mix: &str,
    queries: &[&str],
) {
    let (mut first, mut next) = (Vec::new(), Vec::new());
    let mut rows = Vec::new();
    for q in queries {
        let less: String = q.chars().take(q.chars().count() - 1).collect();
        let (mut a, mut b, mut alone) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            // A task of its own each round: the test runner's WebDriver polls time out if
            // the page never yields.
            gloo::timers::future::TimeoutFuture::new(0).await;
            a.push(keystroke(input, "", q).await);
            b.push(keystroke(input, &less, q).await);
            let t = now();
            std::hint::black_box(indexing.index().search_top(q, SHOWN_RESULTS, |_| true));
            alone.push(now() - t);
        }
        alone.sort_by(f64::total_cmp);
        let status = root.query_selector(".list-status").unwrap().unwrap().text_content().unwrap_or_default();
        assert!(status.starts_with("找到") || status.starts_with("相近"), "{status}");
        a.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        rows.push(format!(
            "| {q} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
            root.query_selector_all(".card").unwrap().length(),
            percentile(&alone, 0.5),
            percentile(&a, 0.5),
            percentile(&a, 0.95),
            percentile(&b, 0.5),
            percentile(&b, 0.95)
        ));
        first.extend(a);
        next.extend(b);
    }
    for (what, all) in [("from the full list", &mut first), ("the last character", &mut next)] {
        all.sort_by(f64::total_cmp);
        console_log!(
            "{mix}, {what}: keystroke → results rendered: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} samples)",
            percentile(all, 0.5),
            percentile(all, 0.95),
            all.last().unwrap(),
            all.len()
        );
    }
    console_log!(
        "| query | cards | search alone p50 ms | from the list p50 ms | p95 ms | last character p50 ms | p95 ms |\n|---|---|---|---|---|---|---|\n{}",
        rows.join("\n")
    );
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by ./dev bench"]
async fn search_in_the_browser() {
    // What a page of content/ carries, read as the app reads its page's (not timed here:
    // tests/perf/ times the start-up of the built site).
    embedded::load_json(test_bundle::JSON).unwrap();
    let real = embedded::library();
    let articles: Vec<Article> = real.articles().cloned().collect();
    let mut page: Page = real.pages[0].clone();
    bench("real content", real).await;
    page.articles = synthetic(&articles, 1000).into();
    bench("synthetic corpus", Library { pages: vec![page].into(), ..Library::default() }).await;
}
