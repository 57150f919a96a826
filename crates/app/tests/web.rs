//! Tests of the UI layer that need a real DOM; run in headless Chromium by
//! `wasm-bindgen-test-runner` (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::sleep;
use std::time::Duration;
use tongwen_app::sidebar::{Sidebar, SidebarProps};
use tongwen_app::Source;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// A page analyzed as the worker would, arriving as the page receives it.
fn source(id: &str, bytes: &[u8]) -> Source {
    let decoded = tongwen::decode::decode(bytes);
    let text = decoded.text.clone();
    let doc = tongwen::analysis::analyze_decoded(id, decoded);
    Source::from_output(tongwen::protocol::DocumentOut { doc, text, shares: Vec::new() }).0
}

fn mount_point() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Renders a reading pane for `source` and waits for it to paint.
async fn mount_reading(source: Source) -> web_sys::Element {
    let root = mount_point();
    let props = tongwen_app::reading::ReadingPaneProps {
        source,
        article: 0,
        raw: false,
        on_toggle_raw: Callback::noop(),
        passages: Default::default(),
        sources: Default::default(),
        on_compare: Callback::noop(),
    };
    yew::Renderer::<tongwen_app::reading::ReadingPane>::with_root_and_props(root.clone(), props).render();
    sleep(Duration::from_millis(20)).await;
    root
}

#[wasm_bindgen_test]
async fn sidebar_lists_sources_by_name_and_reports_clicks() {
    let sources = Rc::new(vec![
        source("001_a.txt", "人民日报 2025年6月19日 星期四\n\n# 习近平回到北京\n\n正文。\n".as_bytes()),
        source("002_b.txt", "致力永久睦邻友好\n\n正文。\n".as_bytes()),
    ]);
    let clicked = Rc::new(Cell::new(None));
    let on_select = {
        let clicked = clicked.clone();
        Callback::from(move |i| clicked.set(Some(i)))
    };
    let root = mount_point();
    let props = SidebarProps {
        sources,
        selected: 0,
        article: 0,
        on_select,
        on_article: Callback::noop(),
        shares: Default::default(),
        corpus: None,
        on_encoding: Callback::noop(),
        on_remove: Callback::noop(),
        on_rename_doc: Callback::noop(),
        children: Default::default(),
    };
    yew::Renderer::<Sidebar>::with_root_and_props(root.clone(), props).render();
    sleep(Duration::from_millis(20)).await;

    let names: Vec<String> = (0..2)
        .map(|i| root.query_selector_all(".source-name").unwrap().item(i).unwrap().text_content().unwrap())
        .collect();
    // By the paper and date the page prints, else by file name.
    assert_eq!(names, ["人民日报 · 2025-06-19", "002_b"]);
    // The selected source lists its articles.
    assert_eq!(root.query_selector_all(".article-link").unwrap().length(), 1);

    let second: web_sys::HtmlElement = root.query_selector_all("button.source").unwrap().item(1).unwrap().dyn_into().unwrap();
    second.click();
    assert_eq!(clicked.get(), Some(1));
}

#[wasm_bindgen_test]
async fn markup_in_a_document_is_shown_as_text() {
    let text = "<img src=x onerror=alert(1)>\n\n<script>boom()</script>";
    let source = source("evil.txt", text.as_bytes());
    let root = mount_reading(source).await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.text_content().unwrap().contains("<script>boom()</script>"));
}

#[wasm_bindgen_test]
async fn an_article_reads_as_title_and_paragraphs() {
    let text = "致力永久睦邻友好\n\n新华社北京6月18日电 双方合作将迈向更高水平。\n\n第二段。\n\n（下转第三版）\n";
    let source = source("a.txt", text.as_bytes());
    let root = mount_reading(source).await;
    let title = root.query_selector("h2.article-title").unwrap().unwrap().text_content().unwrap();
    assert_eq!(title, "致力永久睦邻友好");
    let paras = root.query_selector_all("p.para").unwrap();
    assert_eq!(paras.length(), 2);
    assert_eq!(paras.item(0).unwrap().text_content().unwrap(), "新华社北京6月18日电 双方合作将迈向更高水平。");
    assert_eq!(root.query_selector("p.para .dateline").unwrap().unwrap().text_content().unwrap(), "新华社北京6月18日电");
    assert_eq!(root.query_selector(".marker.on").unwrap().unwrap().text_content().unwrap(), "（下转第三版）");
}

#[wasm_bindgen_test]
fn worker_messages_survive_the_codec() {
    use tongwen::protocol::{result_messages, Assembler, FileIn, Job, Request};
    use tongwen_web::{from_js, to_js, update_from_bytes, update_to_bytes};
    // File bytes go as a Uint8Array, not an array of numbers.
    let job = Job { files: vec![FileIn { id: "a.txt".into(), bytes: vec![0xE4, 0xB8, 0xAD, 0, 255], encoding: Some("GBK".into()) }], min_len: 30, boilerplate: true, stock: false, passim: vec![] };
    let encoded = to_js(&Request::Analyze(job.clone()));
    let files = js_sys::Reflect::get(&js_sys::Reflect::get(&encoded, &"Analyze".into()).unwrap(), &"files".into()).unwrap();
    let bytes = js_sys::Reflect::get(&js_sys::Array::from(&files).get(0), &"bytes".into()).unwrap();
    assert!(bytes.is_instance_of::<js_sys::Uint8Array>());
    assert_eq!(from_js::<Request>(encoded), Ok(Request::Analyze(job)));
    // An analysis with optional fields left out (which bincode cannot carry),
    // streamed in chunks as the worker sends it.
    let text = "致力永久睦邻友好\n\n新华社北京6月18日电 双方合作将迈向更高水平，为地区和平和繁荣注入源源不断的动力。中国愿同各方一道，推动构建更加紧密的命运共同体。\n";
    let analysis = tongwen::analyze_documents([("a.txt", text.as_bytes()), ("b.txt", text.as_bytes())]);
    let mut asm: Assembler = Assembler::default();
    for message in result_messages(analysis.clone(), vec![text.into(), text.into()], vec![]) {
        let mut back = update_from_bytes(&update_to_bytes(&message).into()).unwrap();
        assert_eq!(back, message);
        asm.take(&mut back, |d| d);
    }
    let (docs, passages) = asm.finish();
    assert_eq!(docs.into_iter().map(|d| d.doc).collect::<Vec<_>>(), analysis.documents);
    assert_eq!(passages, analysis.passages);
    assert!(!passages.is_empty());
    // Garbage is an error, not a panic.
    assert!(from_js::<Request>(wasm_bindgen::JsValue::from_str("nonsense")).is_err());
    assert!(update_from_bytes(&wasm_bindgen::JsValue::from_str("nonsense")).is_err());
    assert!(update_from_bytes(&js_sys::Uint8Array::from(&b"{]"[..]).into()).is_err());
}

/// The article view inside a words context, as the app provides it.
#[derive(yew::Properties, PartialEq)]
struct WithWordsProps {
    article: tongwen::Article,
    words: tongwen_app::reading::WordsContext,
}

#[yew::function_component(WithWords)]
fn with_words(props: &WithWordsProps) -> yew::Html {
    use tongwen_app::reading::{ArticleView, WordsContext};
    yew::html! {
        <yew::ContextProvider<WordsContext> context={props.words.clone()}>
            <ArticleView article={props.article.clone()} />
        </yew::ContextProvider<WordsContext>>
    }
}

#[wasm_bindgen_test]
async fn word_view_draws_each_word_and_a_click_asks_for_its_concordance() {
    use tongwen::protocol::ArticleWords;
    let text = "题目\n\n本报讯 托卡耶夫在阿斯塔纳。\n";
    let doc = tongwen::analyze_document("a.txt", text.as_bytes());
    let article = doc.articles[0].clone();
    let para = &article.paragraphs[0].text;
    // Word ends as the worker sends them: 托卡耶夫 | 在 | 阿斯塔纳 | 。
    let start = para.find('托').map(|b| para[..b].chars().count()).unwrap() as u32;
    let mut ends: Vec<u32> = if start > 0 { vec![start] } else { vec![] };
    ends.extend([start + 4, start + 5, start + 9, start + 10]);
    let asked = Rc::new(std::cell::RefCell::new(None));
    let words = tongwen_app::reading::WordsContext {
        word_view: true,
        article_words: Some(Rc::new(ArticleWords { doc: tongwen::model::DocIndex(0), article: 0, method: Default::default(), ends: vec![ends], keywords: vec![("中亚".into(), 1.0)] })),
        query: "阿斯塔纳".into(),
        on_word: {
            let asked = asked.clone();
            Callback::from(move |w| *asked.borrow_mut() = Some(w))
        },
        ..Default::default()
    };
    let root = mount_point();
    yew::Renderer::<WithWords>::with_root_and_props(root.clone(), WithWordsProps { article, words }).render();
    sleep(Duration::from_millis(20)).await;
    let words: Vec<String> = (0..root.query_selector_all("p.para .w").unwrap().length())
        .map(|i| root.query_selector_all("p.para .w").unwrap().item(i).unwrap().text_content().unwrap())
        .collect();
    assert!(words.contains(&"托卡耶夫".to_owned()) && words.contains(&"阿斯塔纳".to_owned()), "{words:?}");
    assert_eq!(root.query_selector("p.para .hit").unwrap().unwrap().text_content().unwrap(), "阿斯塔纳");
    assert_eq!(root.query_selector(".keywords .keyword").unwrap().unwrap().text_content().unwrap(), "中亚");
    let toka: web_sys::HtmlElement = (0..root.query_selector_all("p.para .w").unwrap().length())
        .map(|i| root.query_selector_all("p.para .w").unwrap().item(i).unwrap())
        .find(|e| e.text_content().unwrap() == "托卡耶夫")
        .unwrap()
        .dyn_into()
        .unwrap();
    toka.click();
    assert_eq!(*asked.borrow(), Some(("托卡耶夫".to_owned(), true)));
}

/// English counts agree with their noun (the i18n module is browser-only:
/// its hook reads the page's language).
#[wasm_bindgen_test]
fn one_of_a_thing_is_singular_and_any_other_count_plural() {
    assert_eq!((tongwen_app::i18n::EN.ready)(1, 1), "Ready · 1 source · 1 shared passage");
    assert_eq!((tongwen_app::i18n::EN.ready)(0, 2), "Ready · 0 sources · 2 shared passages");
    assert_eq!((tongwen_app::i18n::EN.found)(1, 1, 0), "1 hit in 1 article (0 whole-word)");
    assert_eq!((tongwen_app::i18n::EN.hit_count)(1, 1), " 1 hit (1 whole-word)");
    assert_eq!((tongwen_app::i18n::EN.source_meta)(1, 1, "UTF-8"), "1 article · 1 char · UTF-8");
    assert_eq!((tongwen_app::i18n::EN.compare_info)(1, 3, 1, 2, 1), "Passage 1 of 3 · witness 1/2 · 1 difference");
    assert_eq!((tongwen_app::i18n::EN.overview_hint)(1, 1), "1 article shares text · 1 passage · click a cell to compare");
    assert_eq!((tongwen_app::i18n::EN.overview_hint)(2, 3), "2 articles share text · 3 passages · click a cell to compare");
    assert_eq!((tongwen_app::i18n::EN.story_meta)(2, 1, 1), "Story · 2 articles · 1 char · 1 passage");
    assert_eq!((tongwen_app::i18n::EN.imported)(1), "Imported 1 word.");
    assert_eq!((tongwen_app::i18n::EN.shared_passage)(1), "Shared passage, in 1 other place");
}
