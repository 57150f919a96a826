//! The page's side of the analysis: the worker it owns (started, replaced
//! when it crashes or is cancelled), what it sends it, and how its updates
//! become actions.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::problems::{Failure, Problem};
use crate::state::{Action, AppState, Source};
use tongwen::protocol::{FileIn, Kept, Request, Update};

/// What the worker's intake gives back: the files kept, with their bytes,
/// and the files refused, each with why.
pub type TakenIn = (Vec<(Kept, Vec<u8>)>, Vec<(String, tongwen::intake::Refusal)>);

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
    /// The open corpus came precomputed, from this URL; its files are
    /// fetched only when the reader changes a setting.
    pub precomputed: Option<String>,
    /// Where the worker's reports go. The worker starts only when the page
    /// first needs it ([`ask`]), never before the first paint.
    dispatcher: Option<UseReducerDispatcher<AppState>>,
    /// The names the reader gave the open corpus's sources, which every
    /// worker is told, for its exports.
    names: tongwen::masthead::GivenNames,
    /// The first result has been shown (and the page's deep link followed).
    shown_once: bool,
    /// A result was handed to the reducer whose words the worker should
    /// index once it is on screen ([`ask_words_once_rendered`]).
    words_wanted: bool,
    /// The documents of the published corpus whose fragments were asked
    /// for (by id), so none is fetched twice.
    fragments_asked: std::collections::HashSet<String>,
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
            if assembler.borrow_mut().take(&mut update, Source::from_output) {
                return;
            }
            match update {
                Update::Progress(stage) => dispatcher.dispatch(Action::Progress(stage)),
                Update::Done => {
                    idle();
                    let (documents, passages) = assembler.borrow_mut().finish();
                    if let Some(a) = weak.upgrade() {
                        show_result(&a, &dispatcher, documents, passages);
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
        Ok(client) => {
            // What a new worker needs to answer about what the page shows:
            // the reader's own words and names, and a precomputed corpus to hold.
            client.send(&Request::UserWords(crate::prefs::user_words()));
            if !a.names.is_empty() {
                client.send(&Request::Names(a.names.clone()));
            }
            if let Some(url) = a.precomputed.clone().filter(|_| a.files.is_empty()) {
                client.send(&Request::Precomputed(url));
            }
            a.client = Some(client);
        }
        Err(detail) => on_failure.dispatch(Action::Failed(Failure::WorkerStart { detail }.into())),
    }
}

/// Where the worker's reports will go, before any worker is started.
pub fn attach(analyzer: &SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>) {
    analyzer.borrow_mut().dispatcher = Some(dispatcher);
}

/// Sends a request to the worker, starting one first if there is none:
/// the worker, its wasm and the dictionary load only when the reader
/// needs them.
pub fn ask(analyzer: &SharedAnalyzer, request: &tongwen::protocol::Request) {
    ensure_worker(analyzer);
    if let Some(client) = &analyzer.borrow().client {
        client.send(request);
    }
}

fn ensure_worker(analyzer: &SharedAnalyzer) {
    let idle = analyzer.borrow().client.is_none();
    let dispatcher = analyzer.borrow().dispatcher.clone();
    if let (true, Some(dispatcher)) = (idle, dispatcher) {
        start_worker(analyzer, dispatcher);
    }
}

/// Shows the sources of the open corpus by the names their reader gave
/// them; a running worker hears them for its exports, a later one when it
/// starts (no worker starts for this).
pub fn show_names(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>, names: tongwen::masthead::GivenNames) {
    dispatcher.dispatch(Action::NameSources(names.clone()));
    let mut a = analyzer.borrow_mut();
    if let Some(client) = &a.client {
        client.send(&Request::Names(names.clone()));
    }
    a.names = names;
}

/// Puts a complete result on screen, from the worker or precomputed; once
/// it is painted, asks for words; and the first time, follows the page's
/// deep link (a corpus opened later starts at its beginning).
pub fn show_result(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>, documents: Vec<(Source, Vec<f64>)>, passages: Vec<tongwen::model::Passage>) {
    let (sources, shares) = documents.into_iter().unzip();
    dispatcher.dispatch(Action::Loaded(sources, passages, shares));
    // Words once the result is painted; a large published corpus (neither
    // its files nor its whole analysis in hand) has none to give the worker.
    let large_published = {
        let a = analyzer.borrow();
        a.files.is_empty() && a.precomputed.is_none()
    };
    analyzer.borrow_mut().words_wanted = !large_published;
    let first = !std::mem::replace(&mut analyzer.borrow_mut().shown_once, true);
    if let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()).filter(|_| first) {
        if let Some(route) = tongwen::view::Route::parse(&hash) {
            dispatcher.dispatch(Action::FollowLink(route, tongwen::view::Shown::parse(&hash)));
        }
    }
}

/// Fetches the fragments of these sources of a published corpus, each
/// once however often it is asked for, and hands them to the reducer. A
/// fetch that fails may be asked for again; a failure of the first (the
/// source on screen) is said.
pub fn fetch_fragments(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>, wanted: Vec<(usize, Rc<tongwen::published::CatalogDocument>)>) {
    let mut wanted: Vec<_> = wanted.into_iter().filter(|(_, entry)| analyzer.borrow_mut().fragments_asked.insert(entry.id.clone())).collect();
    if wanted.is_empty() {
        return;
    }
    // The first is on screen; the others are prefetched, apart, so that
    // one the reader has not opened (not cached, offline) never keeps the
    // first from showing, and its failure is not said.
    let rest = wanted.split_off(1);
    for (group, said) in [(wanted, true), (rest, false)] {
        if group.is_empty() {
            continue;
        }
        let (analyzer, dispatcher) = (Rc::clone(analyzer), dispatcher.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let ids: Vec<String> = group.iter().map(|(_, e)| e.id.clone()).collect();
            // The text first, with the passages already read; the passage
            // files still on their way add their highlights when they come.
            let shown = async {
                let files = crate::loader::fetch_fragment_files(group).await?;
                let docs: Vec<String> = files.iter().map(|(_, f)| f.doc.id.clone()).collect();
                let passage_files = crate::loader::passage_files_of(&files);
                dispatcher.dispatch(Action::FragmentsArrived(crate::loader::assemble(files)));
                let fetched = crate::loader::fetch_passage_files(passage_files).await?;
                if !fetched.is_empty() {
                    dispatcher.dispatch(Action::PassagesArrived(crate::loader::passages_of(&fetched, &docs)));
                }
                Ok::<_, tongwen::protocol::Failure>(())
            };
            if let Err(failure) = shown.await {
                let mut a = analyzer.borrow_mut();
                for id in &ids {
                    a.fragments_asked.remove(id);
                }
                if said {
                    dispatcher.dispatch(Action::Notice(Some(Problem::from(failure))));
                }
            }
        });
    }
}

/// Searches a published corpus through its chunked index: the catalog
/// entries of the documents listed go to the reducer (titles for the
/// list), then the results with their counts (when the index counts them
/// exactly), then, once the listed documents' fragments come, with their
/// hits in context. The documents stay awaited: opening one fetches it
/// with its passages.
pub fn search_published(dispatcher: &UseReducerDispatcher<AppState>, query: String) {
    let dispatcher = dispatcher.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let searched = async {
            let search = crate::published_search::search_index(&query).await?;
            dispatcher.dispatch(Action::EntriesArrived(search.entries.clone()));
            if search.exact {
                dispatcher.dispatch(Action::Found(search.results(None)));
            }
            let files = search.fetch_listed().await?;
            dispatcher.dispatch(Action::Found(search.results(Some(&files))));
            Ok::<_, tongwen::protocol::Failure>(())
        };
        if let Err(failure) = searched.await {
            dispatcher.dispatch(Action::Notice(Some(Problem::from(failure))));
        }
    });
}

/// Asks for the words of a result shown, once the render that shows it
/// is done and painted. Called after every render of the app: Yew renders
/// in slices and yields to the browser between them, so waiting a frame
/// from the dispatch alone could start the worker (and its downloads)
/// before the first highlight reaches the screen.
pub fn ask_words_once_rendered(analyzer: &SharedAnalyzer) {
    if !std::mem::take(&mut analyzer.borrow_mut().words_wanted) {
        return;
    }
    let weak = Rc::downgrade(analyzer);
    wasm_bindgen_futures::spawn_local(async move {
        after_paint().await;
        if let Some(a) = weak.upgrade() {
            ask(&a, &Request::IndexWords);
        }
    });
}

/// Resolves once what is on screen now has been painted: the next frame,
/// then a turn of the event loop (at once in a page with no window).
pub async fn after_paint() {
    let (send, painted) = futures::channel::oneshot::channel::<()>();
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        let turn = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = send.send(());
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(turn.unchecked_ref(), 0);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(later.unchecked_ref());
        let _ = painted.await;
    }
}

/// Analyses the corpus with `settings`; a job still running is stopped first.
pub fn analyze(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>, settings: tongwen::reuse::Settings) {
    if analyzer.borrow().busy || analyzer.borrow().client.is_none() {
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

/// Has the worker sort files joining a corpus whose ids are `taken`
/// ([`Request::TakeIn`]); `None` if the worker stopped first.
pub async fn take_in(analyzer: &SharedAnalyzer, files: Vec<FileIn>, taken: Vec<String>) -> Option<TakenIn> {
    let (reply, answer) = futures::channel::oneshot::channel();
    analyzer.borrow_mut().intake_reply = Some(reply);
    ask(analyzer, &Request::TakeIn { files, taken });
    answer.await.ok()
}
