//! The page's side of the work: the analysis worker, and the corpora the
//! user opens, adds to and changes (stored by [`super::store`]).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::problems::{Failure, Problem, Refusal};
use crate::state::{Action, AppState, Source};
use tongwen::corpus::{CorpusMeta, DocMeta};
use tongwen::intake::UniqueNames;
use tongwen::protocol::{FileIn, Kept, Request, Update};

/// What the worker's intake gives back: the files kept, with their bytes,
/// and the files refused, each with why.
type TakenIn = (Vec<(Kept, Vec<u8>)>, Vec<(String, tongwen::intake::Refusal)>);

/// The page's side of the analysis: the current worker, the corpus it
/// analyses, and whether a job is running.
#[derive(Default)]
pub struct Analyzer {
    client: Option<crate::worker_client::WorkerClient>,
    pub files: Vec<tongwen::protocol::FileIn>,
    /// passim output of the corpus, if it has any.
    pub passim: Vec<tongwen::protocol::FileIn>,
    busy: bool,
    /// The settings of the last analysis, for the next corpus opened.
    pub settings: tongwen::reuse::Settings,
    /// The open corpus came precomputed; its files are not fetched yet.
    pub precomputed: bool,
    /// The first result has been shown (and the page's deep link followed).
    shown_once: bool,
    /// Where the worker's answer to a [`Request::TakeIn`] goes; dropped
    /// (so the wait ends) when the worker is replaced.
    intake_reply: Option<futures::channel::oneshot::Sender<TakenIn>>,
}

pub type SharedAnalyzer = Rc<std::cell::RefCell<Analyzer>>;

/// Starts a worker (terminating any previous one) whose reports go to
/// `dispatcher`. A worker that crashes is reported and replaced.
pub fn start_worker(analyzer: &SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>) {
    use tongwen::protocol::Assembler;
    use crate::worker_client::{Event, WorkerClient};
    let weak = Rc::downgrade(analyzer);
    let assembler = std::cell::RefCell::new(Assembler::<(Source, Vec<f64>)>::default());
    let idle = {
        let weak = weak.clone();
        move || {
            if let Some(a) = weak.upgrade() {
                a.borrow_mut().busy = false;
            }
        }
    };
    let on_failure = dispatcher.clone();
    let on_event = move |event: Event| match event {
        Event::Update(mut update) => {
            if assembler.borrow_mut().take(&mut update, Source::from_worker) {
                return;
            }
            match update {
                Update::Progress(stage) => dispatcher.dispatch(Action::Progress(stage)),
                Update::Done => {
                    idle();
                    let (documents, passages) = assembler.borrow_mut().finish();
                    let (sources, shares) = documents.into_iter().unzip();
                    dispatcher.dispatch(Action::Loaded(sources, passages, shares));
                    // Words once the result is painted (the next frame, then a turn).
                    if let (Some(a), Some(window)) = (weak.upgrade(), web_sys::window()) {
                        let weak = Rc::downgrade(&a);
                        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
                            let index = wasm_bindgen::closure::Closure::once_into_js(move || {
                                if let Some(a) = weak.upgrade() {
                                    ask(&a, &tongwen::protocol::Request::IndexWords);
                                }
                            });
                            if let Some(w) = web_sys::window() {
                                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(index.unchecked_ref(), 0);
                            }
                        });
                        let _ = window.request_animation_frame(later.unchecked_ref());
                    }
                    // A deep link opened the page: go there, the first time
                    // only (a corpus opened later starts at its beginning).
                    let first = weak.upgrade().is_some_and(|a| !std::mem::replace(&mut a.borrow_mut().shown_once, true));
                    if let Some(route) = web_sys::window().and_then(|w| w.location().hash().ok()).and_then(|h| tongwen::view::Route::parse(&h)).filter(|_| first) {
                        dispatcher.dispatch(Action::Navigate(route));
                    }
                }
                Update::Failed(message) => {
                    idle();
                    dispatcher.dispatch(Action::Failed(message.into()));
                }
                Update::Segmenting(done, total) => dispatcher.dispatch(Action::Segmenting(done, total)),
                Update::WordsReady { candidates } => dispatcher.dispatch(Action::WordsReady(candidates)),
                Update::WordsFailed(failure) => dispatcher.dispatch(Action::WordsFailed(failure)),
                Update::Words(words) => dispatcher.dispatch(Action::GotWords(words)),
                Update::Found(found) => dispatcher.dispatch(Action::Found(found)),
                Update::Ready | Update::Documents(_) | Update::Passages(_) | Update::Segmented { .. } | Update::Exported { .. } | Update::TakenIn { .. } => {}
            }
        }
        Event::WithBytes(Update::Exported { name, mime }, files) => {
            if let Some(Err(e)) = files.first().map(|bytes| super::files::download(&name, &mime, bytes)) {
                dispatcher.dispatch(Action::Notice(Some(Problem::Download { detail: format!("{e:?}") })));
            }
        }
        Event::WithBytes(Update::TakenIn { kept, rejected }, files) => {
            let reply = weak.upgrade().and_then(|a| a.borrow_mut().intake_reply.take());
            if let Some(reply) = reply {
                let _ = reply.send((kept.into_iter().zip(files.iter().map(|f| f.to_vec())).collect(), rejected));
            }
        }
        Event::WithBytes(..) => {}
        Event::Crashed(message) => {
            idle();
            dispatcher.dispatch(Action::Crashed(message));
            // Not from inside this callback: replacing the worker drops it.
            let (weak, dispatcher) = (weak.clone(), dispatcher.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(a) = weak.upgrade() {
                    start_worker(&a, dispatcher);
                }
            });
        }
    };
    let client = WorkerClient::spawn(on_event);
    let mut a = analyzer.borrow_mut();
    a.busy = false;
    a.intake_reply = None; // a wait on the old worker ends
    a.client = None; // terminate the old worker before the new one starts work
    match client {
        Ok(client) => a.client = Some(client),
        Err(detail) => on_failure.dispatch(Action::Failed(Failure::WorkerStart { detail }.into())),
    }
}

/// Sends a request to the current worker, if there is one.
pub fn ask(analyzer: &SharedAnalyzer, request: &tongwen::protocol::Request) {
    if let Some(client) = &analyzer.borrow().client {
        client.send(request);
    }
}

/// Analyses the corpus with `settings`; a job still running is stopped first.
pub fn analyze(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>, settings: tongwen::reuse::Settings) {
    if analyzer.borrow().busy {
        start_worker(analyzer, dispatcher.clone());
    }
    let mut a = analyzer.borrow_mut();
    a.settings = settings;
    let job = tongwen::protocol::Job { files: a.files.clone(), min_len: settings.min_len, boilerplate: settings.boilerplate, stock: settings.stock, passim: a.passim.clone() };
    if let Some(client) = &a.client {
        client.send(&tongwen::protocol::Request::Analyze(job));
        a.busy = true;
    }
}


/// Opens a corpus (`None`: the built-in one) and analyses it.
pub async fn open_corpus(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, id: Option<String>) {
    use super::loader::Builtin;
    let loaded = match &id {
        None => match super::loader::fetch_builtin_corpus().await {
            Ok(Builtin::Files(raw)) => {
                let (passim, pages) = split_raw(raw);
                Ok((None, pages, passim))
            }
            // Built by `tongwen build-site`: the worker reads the analysis itself.
            Ok(Builtin::Precomputed { analysis }) => {
                crate::prefs::set_open_corpus(None);
                {
                    let mut a = analyzer.borrow_mut();
                    a.files.clear();
                    a.passim.clear();
                    a.precomputed = true;
                }
                dispatcher.dispatch(Action::CorpusOpened(None));
                ask(&analyzer, &tongwen::protocol::Request::Precomputed(analysis));
                return;
            }
            Err(failure) => Err(Problem::from(failure)),
        },
        Some(id) => super::store::load(id).await.map_err(Problem::from).map(|(meta, bytes)| {
            let (passim, pages): (Vec<(bool, FileIn)>, Vec<(bool, FileIn)>) = meta
                .documents
                .iter()
                .zip(bytes)
                .map(|(d, b)| (d.passim, FileIn { id: d.id.clone(), bytes: b, encoding: d.encoding.clone() }))
                .partition(|(passim, _)| *passim);
            (Some(meta), pages.into_iter().map(|f| f.1).collect(), passim.into_iter().map(|f| f.1).collect())
        }),
    };
    match loaded {
        Ok((meta, pages, passim)) => {
            crate::prefs::set_open_corpus(meta.as_ref().map(|m| m.id.as_str()));
            let settings = {
                let mut a = analyzer.borrow_mut();
                a.files = pages;
                a.passim = passim;
                a.precomputed = false;
                a.settings
            };
            dispatcher.dispatch(Action::CorpusOpened(meta));
            analyze(&analyzer, &dispatcher, settings);
        }
        // A corpus that cannot be read: say so, and fall back to the built-in one.
        Err(problem) if id.is_some() => {
            dispatcher.dispatch(Action::Notice(Some(problem)));
            Box::pin(open_corpus(analyzer, dispatcher, None)).await;
        }
        Err(problem) => dispatcher.dispatch(Action::Failed(problem)),
    }
}

/// The built-in corpus's files as (passim output, pages).
fn split_raw(raw: Vec<super::loader::RawFile>) -> (Vec<FileIn>, Vec<FileIn>) {
    let (passim, pages): (Vec<_>, Vec<_>) = raw.into_iter().partition(|f| f.passim);
    let to_file = |f: super::loader::RawFile| FileIn { id: f.id, bytes: f.bytes, encoding: None };
    (passim.into_iter().map(to_file).collect(), pages.into_iter().map(to_file).collect())
}

/// Analyses the open corpus again with new settings; a precomputed corpus
/// has its files fetched first.
pub async fn reanalyze(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, settings: tongwen::reuse::Settings) {
    if analyzer.borrow().precomputed && analyzer.borrow().files.is_empty() {
        let files = match super::loader::fetch_manifest().await {
            Ok(manifest) => super::loader::fetch_files(manifest).await,
            Err(e) => Err(e),
        };
        match files {
            Ok(raw) => {
                let (passim, pages) = split_raw(raw);
                let mut a = analyzer.borrow_mut();
                a.files = pages;
                a.passim = passim;
            }
            Err(failure) => return dispatcher.dispatch(Action::Failed(failure.into())),
        }
    }
    if !analyzer.borrow().files.is_empty() {
        analyze(&analyzer, &dispatcher, settings);
    }
}

/// Lists the stored corpora into the state.
pub async fn refresh_corpora(dispatcher: &UseReducerDispatcher<AppState>) {
    match super::store::list().await {
        Ok(list) => dispatcher.dispatch(Action::Corpora(list)),
        Err(error) => dispatcher.dispatch(Action::Notice(Some(error.into()))),
    }
}

/// Adds files to the open user corpus, or to a new one when the built-in
/// corpus is open. Stored first, all or nothing; then re-analyzed.
pub async fn add_files(
    analyzer: SharedAnalyzer,
    dispatcher: UseReducerDispatcher<AppState>,
    current: Option<CorpusMeta>,
    files: Vec<(String, Result<Vec<u8>, String>)>,
) {
    let mut rejected = Vec::new();
    let readable: Vec<FileIn> = files
        .into_iter()
        .filter_map(|(name, bytes)| match bytes {
            Ok(bytes) => Some(FileIn { id: name, bytes, encoding: None }),
            Err(e) => {
                rejected.push((name, Refusal::Unreadable { detail: e }));
                None
            }
        })
        .collect();
    // Sorted in the worker (zips opened, binaries refused, ids made unique
    // in the corpus they join), never on this thread.
    let taken = current.iter().flat_map(|m| m.documents.iter().map(|d| d.id.clone())).collect();
    let (reply, answer) = futures::channel::oneshot::channel();
    analyzer.borrow_mut().intake_reply = Some(reply);
    ask(&analyzer, &Request::TakeIn { files: readable, taken });
    let Ok((kept, refused)) = answer.await else {
        return dispatcher.dispatch(Action::Notice(Some(Problem::IntakeStopped)));
    };
    rejected.extend(refused);
    dispatcher.dispatch(Action::Rejected(rejected));
    let Some(first) = kept.first().map(|(k, _)| k.id.clone()) else { return };
    let mut meta = current.unwrap_or_else(|| super::store::new_corpus(Some(&first)));
    let mut added = Vec::new();
    for (Kept { id, passim }, bytes) in kept {
        meta.documents.push(DocMeta { id: id.clone(), encoding: None, passim, bytes: bytes.len() });
        added.push((id, bytes));
    }
    match super::store::save(&meta, &added, &[]).await {
        Ok(()) => {
            refresh_corpora(&dispatcher).await;
            open_corpus(analyzer, dispatcher, Some(meta.id)).await;
        }
        Err(error) => dispatcher.dispatch(Action::Notice(Some(error.into()))),
    }
}

/// Stores a changed corpus record (renamed, a document removed or given
/// another encoding) and opens it again.
pub async fn change_corpus(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, meta: CorpusMeta, removed: Vec<String>, reanalyze: bool) {
    match super::store::save(&meta, &[], &removed).await {
        Ok(()) => {
            refresh_corpora(&dispatcher).await;
            if reanalyze {
                open_corpus(analyzer, dispatcher, Some(meta.id)).await;
            } else {
                dispatcher.dispatch(Action::CorpusRenamed(meta));
            }
        }
        Err(error) => dispatcher.dispatch(Action::Notice(Some(error.into()))),
    }
}

/// Renames a document of the open corpus: its bytes move to the new key
/// in the same transaction that changes the record.
pub async fn rename_document(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, mut meta: CorpusMeta, old: String, new: String) {
    let bytes = match super::store::load(&meta.id).await {
        Ok((stored, bytes)) => stored.documents.iter().zip(bytes).find(|(d, _)| d.id == old).map(|(_, b)| b),
        Err(error) => return dispatcher.dispatch(Action::Notice(Some(error.into()))),
    };
    let Some(bytes) = bytes else { return };
    let new = UniqueNames::with_taken(meta.documents.iter().filter(|d| d.id != old).map(|d| d.id.as_str())).claim(new);
    if let Some(d) = meta.documents.iter_mut().find(|d| d.id == old) {
        d.id = new.clone();
    }
    match super::store::save(&meta, &[(new, bytes)], &[old]).await {
        Ok(()) => open_corpus(analyzer, dispatcher, Some(meta.id)).await,
        Err(error) => dispatcher.dispatch(Action::Notice(Some(error.into()))),
    }
}

/// Deletes one corpus (`Some`) or all of them (`None`, "Reset"), then
/// opens the built-in corpus.
pub async fn delete_corpus(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, meta: Option<CorpusMeta>) {
    let done = match &meta {
        Some(m) => super::store::delete(m).await,
        None => super::store::delete_all().await,
    };
    if let Err(error) = done {
        dispatcher.dispatch(Action::Notice(Some(error.into())));
    }
    refresh_corpora(&dispatcher).await;
    open_corpus(analyzer, dispatcher, None).await;
}
