//! The Web Worker that runs the engine, so the page never waits on it, and
//! the page's handle on it.
//!
//! Requests cross `postMessage` as plain JS values (`serde-wasm-bindgen`,
//! file bytes as `Uint8Array`). Updates come back as JSON bytes in a
//! transferred buffer: a result as a JS object graph costs the page a
//! structured-clone copy, a UTF-16 to UTF-8 copy of every string, and the
//! garbage collections after, which at 10 MB added up to long tasks. The page owns the `web_sys::Worker` itself
//! rather than through gloo-worker's bridge, because only the owner can
//! `terminate()` it: cancelling must stop a busy worker, not just ignore it,
//! and a crashed worker must be noticed and replaced.

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::Stage;
use crate::model::DocumentAnalysis;
use crate::protocol::{result_messages, ArticleWords, Job, Request, Update};
use crate::reuse::Settings;
use crate::search::CorpusIndex;
use crate::segment::{Idf, Segmenter, UserWord, MIN_ARTICLES_FOR_CORPUS_IDF};

/// Where the worker finds jieba's tables, relative to its own script.
/// Gzipped files, unpacked here: servers send them as they are.
pub const DICT: &str = "dict/dict.txt.gz";
pub const IDF: &str = "dict/idf.txt.gz";

/// Where the page finds the worker's loader, relative to `index.html`.
pub const LOADER: &str = "worker-loader.js";

/// A Rust value as a plain JS value (maps as objects, bytes as `Uint8Array`).
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&ser).unwrap_or(JsValue::NULL)
}

pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// An update as JSON in a `Uint8Array`, whose buffer can be transferred.
pub fn update_to_bytes(update: &Update) -> js_sys::Uint8Array {
    let json = serde_json::to_vec(update).unwrap_or_default();
    js_sys::Uint8Array::from(json.as_slice())
}

/// An update, and the bytes of an export when they came beside it.
fn update_or_export(data: JsValue) -> Result<(Update, Option<js_sys::Uint8Array>), String> {
    if js_sys::Array::is_array(&data) {
        let pair = js_sys::Array::from(&data);
        let payload = pair.get(1).dyn_into::<js_sys::Uint8Array>().map_err(|_| "an export without its bytes")?;
        Ok((update_from_bytes(&pair.get(0))?, Some(payload)))
    } else {
        Ok((update_from_bytes(&data)?, None))
    }
}

pub fn update_from_bytes(value: &JsValue) -> Result<Update, String> {
    let bytes = value.dyn_ref::<js_sys::Uint8Array>().ok_or("a worker update is not bytes")?.to_vec();
    serde_json::from_slice(&bytes).map_err(|e| e.to_string())
}

/// What the worker keeps between requests.
#[derive(Default)]
struct WorkerState {
    /// The last analysis's documents, which words and search refer to.
    docs: Vec<DocumentAnalysis>,
    /// And its passages, for exports.
    passages: Vec<crate::model::Passage>,
    user_words: Vec<UserWord>,
    /// jieba's dictionary text, once fetched (kept to rebuild the segmenter
    /// when the user removes a word, which jieba cannot undo).
    dict: Option<Rc<str>>,
    /// jieba's IDF table, fetched only for corpora too small for their own.
    idf: Option<Rc<Idf>>,
    /// The dictionary is being fetched.
    fetching: bool,
    segmenter: Option<Segmenter>,
    index: Option<CorpusIndex>,
}

thread_local! {
    static STATE: RefCell<WorkerState> = RefCell::new(WorkerState::default());
}

/// Posts an update to the page: JSON bytes, buffer transferred.
fn reply(update: Update) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let bytes = update_to_bytes(&update);
    let _ = scope.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
}

/// The worker binary's entry point: answer requests until terminated.
pub fn register() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| match from_js::<Request>(e.data()) {
        Ok(request) => handle(request),
        Err(message) => reply(Update::Failed(message)),
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    reply(Update::Ready);
}

fn handle(request: Request) {
    match request {
        // Words wait for the page's `IndexWords`, sent once the result is
        // painted: fetching and parsing the dictionary would compete with it.
        Request::Analyse(job) => analyse(job),
        Request::IndexWords => index_words(),
        Request::UserWords(words) => {
            STATE.with_borrow_mut(|s| {
                s.user_words = words;
                s.segmenter = None;
            });
            index_words();
        }
        Request::Words { doc, article, method } => {
            let words = STATE.with_borrow(|s| {
                let (seg, index) = (s.segmenter.as_ref()?, s.index.as_ref()?);
                Some(ArticleWords { doc, article, method, ends: index.words(doc, article)?, keywords: index.keywords(doc, article, method, seg, &s.docs) })
            });
            if let Some(words) = words {
                reply(Update::Words(words));
            }
        }
        Request::Segment(text) => wasm_bindgen_futures::spawn_local(async move {
            if let Err(message) = ensure_dictionary().await {
                return reply(Update::WordsFailed(message));
            }
            let t0 = now();
            let built = STATE.with_borrow_mut(|s| -> Result<(), String> {
                if s.segmenter.is_none() {
                    s.segmenter = Some(Segmenter::new(s.dict.as_deref().unwrap_or_default(), &s.user_words)?);
                }
                Ok(())
            });
            let t1 = now();
            let words = STATE.with_borrow(|s| s.segmenter.as_ref().map(|seg| seg.cut(&text).into_iter().map(str::to_owned).collect::<Vec<_>>()));
            let t2 = now();
            reply(match (built, words) {
                (Ok(()), Some(words)) => Update::Segmented { words, init_ms: t1 - t0, cut_ms: t2 - t1 },
                (Err(message), _) => Update::WordsFailed(message),
                (_, None) => Update::WordsFailed("no segmenter".into()),
            });
        }),
        Request::Export(kind) => {
            let made = STATE.with_borrow(|s| export(kind, &s.docs, &s.passages));
            match made {
                Ok((name, mime, bytes)) => {
                    // The bytes go as they are, beside the update, not inside its JSON.
                    let header = update_to_bytes(&Update::Exported { name, mime: mime.to_owned() });
                    let payload = js_sys::Uint8Array::from(bytes.as_slice());
                    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
                    let message = js_sys::Array::of2(&header, &payload);
                    let _ = scope.post_message_with_transfer(&message, &js_sys::Array::of2(&header.buffer(), &payload.buffer()));
                }
                Err(message) => reply(Update::Failed(message)),
            }
        }
        Request::Precomputed(url) => wasm_bindgen_futures::spawn_local(async move {
            if let Err(message) = fetch_text(&url).await.and_then(|text| relay_precomputed(&text)) {
                reply(Update::Failed(message));
            }
        }),
        Request::Search(query) => {
            let t0 = now();
            let found = STATE.with_borrow(|s| Some(s.index.as_ref()?.search(&query, s.segmenter.as_ref()?)));
            if let Some(mut found) = found {
                found.elapsed_ms = now() - t0;
                reply(Update::Found(found));
            }
        }
    }
}

/// Sends a precomputed analysis on to the page, keeping its documents and
/// passages for words, search and exports.
fn relay_precomputed(text: &str) -> Result<(), String> {
    let mut updates = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        updates.push(serde_json::from_str::<Update>(line).map_err(|e| format!("the precomputed analysis is damaged at line {}: {e}", n + 1))?);
    }
    if updates.last() != Some(&Update::Done) {
        return Err("the precomputed analysis is incomplete".into());
    }
    STATE.with_borrow_mut(|s| {
        s.docs.clear();
        s.passages.clear();
        s.index = None;
        for u in &updates {
            match u {
                Update::Documents(d) => s.docs.extend(d.iter().map(|d| d.doc.clone())),
                Update::Passages(p) => s.passages.extend(p.iter().cloned()),
                _ => {}
            }
        }
    });
    for u in updates {
        reply(u);
    }
    Ok(())
}

/// Makes an export: (file name, MIME type, bytes).
fn export(kind: crate::protocol::ExportKind, docs: &[DocumentAnalysis], passages: &[crate::model::Passage]) -> Result<(String, &'static str, Vec<u8>), String> {
    use crate::export::*;
    use crate::protocol::ExportKind;
    let analysis = crate::Analysis { documents: docs.to_vec(), passages: passages.to_vec() };
    Ok(match kind {
        ExportKind::Json => ("tongwen-analysis.json".into(), "application/json", analysis_json(&analysis).into_bytes()),
        ExportKind::Articles(f) => (format!("tongwen-articles.{}", f.extension()), "text/plain;charset=utf-8", articles_file(docs, f).into_bytes()),
        ExportKind::ArticlesZip(f) => (format!("tongwen-articles-{}.zip", f.extension()), "application/zip", articles_zip(docs, f)?),
        ExportKind::PassagesCsv => ("tongwen-passages.csv".into(), "text/csv;charset=utf-8", passages_csv(passages)?.into_bytes()),
        ExportKind::PassimJsonl => {
            ("tongwen-passim.jsonl".into(), "application/jsonl", crate::passim::to_jsonl(&crate::passim::to_records(passages, docs)).into_bytes())
        }
        ExportKind::StoryTei { story, long } => {
            if !passages.iter().any(|p| p.story == story) {
                return Err("no such story".into());
            }
            (format!("tongwen-story-{story}.tei.xml"), "application/tei+xml", story_tei(passages, story, long, docs).into_bytes())
        }
    })
}

/// Segments and indexes the corpus, first fetching what it needs; the
/// page has its analysis already, so nothing it shows waits for this.
fn index_words() {
    let (has_dict, needs_idf, fetching) =
        STATE.with_borrow(|s| (s.dict.is_some(), s.idf.is_none() && s.docs.iter().map(|d| d.articles.len()).sum::<usize>() < MIN_ARTICLES_FOR_CORPUS_IDF, s.fetching));
    if fetching || STATE.with_borrow(|s| s.docs.is_empty()) {
        return; // nothing to index yet, or the fetch in flight indexes when it lands
    }
    if has_dict && !needs_idf {
        return build_index();
    }
    STATE.with_borrow_mut(|s| s.fetching = true);
    wasm_bindgen_futures::spawn_local(async move {
        let dict = ensure_dictionary().await;
        let idf = if needs_idf { fetch_gzipped(IDF).await.ok().map(|t| Rc::new(Idf::from_jieba_table(&t))) } else { None };
        STATE.with_borrow_mut(|s| {
            s.fetching = false;
            if idf.is_some() {
                s.idf = idf;
            }
        });
        match dict {
            Ok(()) => build_index(),
            Err(message) => reply(Update::WordsFailed(message)),
        }
    });
}

fn build_index() {
    let built = STATE.with_borrow_mut(|s| -> Result<_, String> {
        let dict = s.dict.clone().ok_or("no dictionary")?;
        if s.segmenter.is_none() {
            s.segmenter = Some(Segmenter::new(&dict, &s.user_words)?);
        }
        let seg = s.segmenter.as_ref().expect("just built");
        let mut last = usize::MAX;
        let index = CorpusIndex::build(&s.docs, seg, s.idf.as_deref(), &mut |done, total| {
            let percent = done * 100 / total.max(1);
            if percent != last {
                last = percent;
                reply(Update::Segmenting(done, total));
            }
        });
        let candidates = index.candidates.clone();
        s.index = Some(index);
        Ok(candidates)
    });
    reply(match built {
        Ok(candidates) => Update::WordsReady { candidates },
        Err(message) => Update::WordsFailed(message),
    });
}

/// Fetches the dictionary unless it is here already.
async fn ensure_dictionary() -> Result<(), String> {
    if STATE.with_borrow(|s| s.dict.is_some()) {
        return Ok(());
    }
    let dict = fetch_gzipped(DICT).await?;
    STATE.with_borrow_mut(|s| s.dict = Some(Rc::from(dict)));
    Ok(())
}

/// Milliseconds on the worker's clock.
fn now() -> f64 {
    js_sys::global().unchecked_into::<web_sys::WorkerGlobalScope>().performance().map_or(0.0, |p| p.now())
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let bytes = crate::ui::loader::fetch_bytes(url).await?;
    String::from_utf8(bytes).map_err(|_| format!("{url} is not UTF-8 text"))
}

/// One of jieba's gzipped tables, unpacked.
async fn fetch_gzipped(url: &str) -> Result<String, String> {
    crate::segment::gunzip_text(&crate::ui::loader::fetch_bytes(url).await?)
}

fn analyse(job: Job) {
    use crate::analysis::{analyze_with_passim, Lazy};
    let settings = Settings { min_len: job.min_len, boilerplate: job.boilerplate, stock: job.stock };
    let mut last_percent = usize::MAX;
    // passim output, when given, replaces finding passages here.
    let passim = job.passim.iter().map(|f| (f.id.as_str(), f.bytes.as_slice()));
    let inputs = job.files.iter().map(|f| {
        let lazy = match &f.encoding {
            Some(label) => Lazy::BytesAs(&f.bytes, label),
            None => Lazy::Bytes(&f.bytes),
        };
        (f.id.as_str(), lazy)
    });
    // Stock phrases by part of speech when the dictionary is here already
    // (it is fetched for words and search, never for this alone).
    let segmenter = STATE.with_borrow_mut(|s| s.segmenter.take());
    let names = |text: &str| segmenter.as_ref().is_some_and(|s| s.is_only_names(text));
    let (analysis, chars) = analyze_with_passim(inputs, job.files.len(), passim, settings, segmenter.is_some().then_some(&names as _), &mut |stage| {
        // At most one report per percent, however many files.
        let percent = match stage {
            Stage::Reflow(done, total) => done * 100 / total.max(1),
            Stage::Passages => 100,
        };
        if percent != last_percent {
            last_percent = percent;
            reply(Update::Progress(stage));
        }
    });
    drop(job);
    STATE.with_borrow_mut(|s| {
        s.segmenter = s.segmenter.take().or(segmenter);
        s.docs = analysis.documents.clone();
        s.passages = analysis.passages.clone();
        s.index = None;
    });
    let shares = crate::view::shared_shares(&analysis.documents, &analysis.passages);
    for message in result_messages(analysis, crate::analysis::texts_from_chars(chars), shares) {
        reply(message);
    }
}

/// The page's handle on one worker. Dropping it terminates the worker.
pub struct WorkerClient {
    worker: web_sys::Worker,
    /// Requests sent before the worker said [`Update::Ready`].
    queued: Rc<RefCell<Option<Vec<JsValue>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What a worker can report to the page: an update, or that it died.
pub enum Event {
    Update(Update),
    /// An export: file name, MIME type and its bytes (still in JS).
    Export(String, String, js_sys::Uint8Array),
    /// The worker stopped (a panic, out of memory, or failing to load).
    Crashed(String),
}

impl WorkerClient {
    /// Starts a worker from [`LOADER`]; `on_event` gets its reports.
    pub fn spawn(on_event: impl Fn(Event) + 'static) -> Result<Self, String> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(LOADER, &options).map_err(|e| format!("{e:?}"))?;
        let on_event = Rc::new(on_event);
        let queued: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let (on_event, queued, worker) = (on_event.clone(), queued.clone(), worker.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| match update_or_export(e.data()) {
                Ok((Update::Exported { name, mime }, Some(bytes))) => on_event(Event::Export(name, mime, bytes)),
                Ok((Update::Ready, _)) => {
                    for request in queued.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&request);
                    }
                }
                Ok((update, _)) => on_event(Event::Update(update)),
                Err(message) => on_event(Event::Crashed(message)),
            })
        };
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let message = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
            on_event(Event::Crashed(message));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerClient { worker, queued, _on_message: on_message, _on_error: on_error })
    }

    pub fn send(&self, request: &Request) {
        let value = to_js(request);
        match self.queued.borrow_mut().as_mut() {
            Some(queue) => queue.push(value),
            None => {
                let _ = self.worker.post_message(&value);
            }
        }
    }
}

impl Drop for WorkerClient {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
