use std::rc::Rc;

use yew::prelude::*;

use super::compare::CompareView;
use super::i18n::{use_strings, Lang};
use super::session::{ask, start_worker, Analyser, SharedAnalyser};
use super::reading::ReadingPane;
use super::sidebar::Sidebar;
use tongwen::analysis::analyze_decoded;
use tongwen::decode::decode;
use tongwen::model::{DocumentAnalysis, Passage};

/// A loaded document: the engine's analysis plus the decoded text it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub doc: DocumentAnalysis,
    pub text: Rc<str>,
    /// The same text as code points, which all offsets count.
    pub chars: Rc<Vec<char>>,
}

impl Source {
    pub fn from_bytes(id: &str, bytes: &[u8]) -> Self {
        let decoded = decode(bytes);
        let text: Rc<str> = Rc::from(decoded.text.as_str());
        let chars = Rc::new(decoded.text.chars().collect());
        Source { doc: analyze_decoded(id, decoded), text, chars }
    }
}

impl Source {
    /// A document of the worker's result, with its share meters.
    pub fn from_worker(d: tongwen::protocol::DocumentOut) -> (Self, Vec<f64>) {
        (Source { chars: Rc::new(d.text.chars().collect()), text: Rc::from(d.text.as_str()), doc: d.doc }, d.shares)
    }
}

/// What the main pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Read,
    /// The article × article heat map and the list of passages.
    Overview,
    /// Two witnesses of a passage side by side: (passage, left member, right member).
    Compare { passage: usize, left: usize, right: usize },
    /// Search results: by article, or as a concordance (keyword in context).
    Search { concordance: bool },
}

/// Where the word engine stands; reading never waits for it.
#[derive(Debug, Clone, PartialEq)]
pub enum WordsStatus {
    /// Waiting for the analysis, or fetching the dictionary.
    Waiting,
    /// Segmenting the corpus: (documents done, total).
    Segmenting(usize, usize),
    Ready,
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Loading,
    /// The worker is analysing: the stage it reported last.
    Analysing(tongwen::analysis::Stage),
    Ready,
    Failed(String),
    /// The worker stopped (the message says why); a new one was started.
    Crashed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub status: Status,
    pub sources: Rc<Vec<Source>>,
    pub selected: usize,
    /// The article being read in the selected source.
    pub article: usize,
    /// Show the raw page instead of the reflowed article.
    pub raw: bool,
    pub passages: Rc<Vec<Passage>>,
    pub view: View,
    /// Per source, per article: share of the body found elsewhere.
    pub shares: Rc<Vec<Vec<f64>>>,
    /// Reuse settings; changing them re-runs the analysis in the worker.
    pub settings: tongwen::reuse::Settings,
    /// The keyboard shortcuts box is open.
    pub help: bool,
    pub words: WordsStatus,
    /// Counts the times words became ready, so views ask again.
    pub words_generation: u32,
    /// Show word boundaries in the text.
    pub word_view: bool,
    pub keyword_method: tongwen::segment::KeywordMethod,
    /// Words and keywords of the article being read, when the worker sent them.
    pub article_words: Option<Rc<tongwen::protocol::ArticleWords>>,
    pub candidates: Rc<Vec<tongwen::segment::Candidate>>,
    pub user_words: Rc<Vec<tongwen::segment::UserWord>>,
    pub dictionary_open: bool,
    /// The search box's text; search results are for this query only.
    pub query: String,
    pub found: Option<Rc<tongwen::search::SearchResults>>,
    /// A hit to show and scroll to in the reading pane: (field, begin).
    pub focus: Option<(tongwen::search::Field, usize)>,
    /// The user's stored corpora.
    pub corpora: Rc<Vec<tongwen::corpus::CorpusMeta>>,
    /// The open user corpus; `None` is the built-in one.
    pub corpus: Option<tongwen::corpus::CorpusMeta>,
    /// Files that could not be added, each with why.
    pub rejected: Rc<Vec<(String, String)>>,
    /// A message about storage or exports, until dismissed.
    pub notice: Option<String>,
}

pub enum Action {
    Loaded(Vec<Source>, Vec<Passage>, Vec<Vec<f64>>),
    Progress(tongwen::analysis::Stage),
    Failed(String),
    /// The worker died; a new one is starting and the corpus is kept.
    Crashed(String),
    Select(usize),
    SelectArticle(usize, usize),
    ToggleRaw,
    /// Open the compare view on (passage, member on the left).
    Compare(usize, usize),
    /// Pick the witness on the right.
    CompareWith(usize),
    /// Step to the next (+1) or previous (-1) passage of the left article.
    Step(i32),
    CloseCompare,
    /// Go where a URL hash points.
    Navigate(tongwen::view::Route),
    Settings(tongwen::reuse::Settings),
    ShowOverview,
    ToggleHelp,
    /// Compare two given members of a passage: (passage, left, right).
    CompareMembers(usize, usize, usize),
    /// Stop the running analysis and keep what was shown before.
    Cancelled,
    Segmenting(usize, usize),
    WordsReady(Vec<tongwen::segment::Candidate>),
    WordsFailed(String),
    GotWords(tongwen::protocol::ArticleWords),
    Found(tongwen::search::SearchResults),
    ToggleWordView,
    KeywordMethod(tongwen::segment::KeywordMethod),
    /// Type into the search box (an empty query closes the results).
    Query(String),
    /// Search for a word and show its concordance.
    Concordance(String),
    ShowSearch { concordance: bool },
    /// Open a hit: (document, article, field, begin).
    OpenHit(usize, usize, tongwen::search::Field, usize),
    /// Open the best hit of the current results.
    OpenFirstHit,
    SetUserWords(Vec<tongwen::segment::UserWord>),
    ToggleDictionary,
    Corpora(Vec<tongwen::corpus::CorpusMeta>),
    /// A corpus was opened (`None`: the built-in one); its analysis follows.
    CorpusOpened(Option<tongwen::corpus::CorpusMeta>),
    CorpusRenamed(tongwen::corpus::CorpusMeta),
    Rejected(Vec<(String, String)>),
    Notice(Option<String>),
}

impl AppState {
    /// The URL hash for what is on screen.
    pub fn route(&self) -> Option<tongwen::view::Route> {
        match self.view {
            View::Compare { passage, left, right } => Some(tongwen::view::Route::Compare { passage, left, right }),
            View::Overview => Some(tongwen::view::Route::Overview),
            View::Search { .. } => None,
            View::Read => self.sources.get(self.selected).map(|s| tongwen::view::Route::Read { doc: s.doc.id.clone(), article: self.article }),
        }
    }

    /// Every witness of every passage in reading order (source, then
    /// position): what `n` and `p` step through.
    /// The passages of one document, as (passage, member), in the order
    /// they are printed: `n`/`p` step through a paper's passages, never
    /// through the other copies of the same passage.
    fn reading_order(&self, doc: &str) -> Vec<(usize, usize)> {
        let doc_index = |id: &str| self.sources.iter().position(|s| s.doc.id == id).unwrap_or(usize::MAX);
        let mut all: Vec<(usize, usize)> = self
            .passages
            .iter()
            .enumerate()
            .flat_map(|(p, x)| (0..x.members.len()).filter(move |&m| x.members[m].doc == doc).map(move |m| (p, m)))
            .collect();
        all.sort_by_key(|&(p, m)| {
            let mem = &self.passages[p].members[m];
            (doc_index(&mem.doc), mem.begin, p)
        });
        all
    }

    /// Compares two members of a passage, if they exist and differ (a
    /// link or a click may name anything), and shows the left one's article.
    fn open_compare(&mut self, passage: usize, left: usize, right: usize) {
        let Some(p) = self.passages.get(passage) else { return };
        if left < p.members.len() && right < p.members.len() && left != right {
            self.view = View::Compare { passage, left, right };
            self.go_to_member(passage, left);
        }
    }

    /// Shows the article a member belongs to.
    fn go_to_member(&mut self, passage: usize, member: usize) {
        let m = &self.passages[passage].members[member];
        if let Some(i) = self.sources.iter().position(|s| s.doc.id == m.doc) {
            self.selected = i;
            self.article = self.sources[i].doc.articles.iter().position(|a| a.id == m.article).unwrap_or(0);
        }
    }
}

/// The witness to compare with: the one with the most text, preferring
/// another document (every member shares the whole passage, so the fullest
/// copy shows the most).
fn default_right(p: &Passage, left: usize) -> usize {
    let doc = &p.members[left].doc;
    let len = |i: usize| p.members[i].text.chars().count();
    let best = |other_doc: bool| (0..p.members.len()).filter(|&i| i != left && (!other_doc || &p.members[i].doc != doc)).max_by_key(|&i| (len(i), std::cmp::Reverse(i)));
    best(true).or(best(false)).unwrap_or(left)
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let opening_hit = matches!(action, Action::OpenHit(..));
        match action {
            Action::Loaded(sources, passages, shares) => {
                // A new analysis of the same corpus keeps the reader where they were.
                let keep = next.sources.len() == sources.len();
                next.shares = Rc::new(shares);
                next.sources = Rc::new(sources);
                next.passages = Rc::new(passages);
                if !keep {
                    next.selected = 0;
                    next.article = 0;
                }
                if let View::Compare { passage, .. } = next.view {
                    if passage >= next.passages.len() || !keep {
                        next.view = View::Read;
                    }
                }
                next.status = Status::Ready;
            }
            Action::Failed(message) => next.status = Status::Failed(message),
            Action::Crashed(message) => next.status = Status::Crashed(message),
            Action::Progress(stage) => next.status = Status::Analysing(stage),
            Action::Settings(settings) => next.settings = settings.clamped(),
            Action::Cancelled => next.status = if next.sources.is_empty() { Status::Failed(String::new()) } else { Status::Ready },
            Action::Select(i) if i < next.sources.len() => {
                next.selected = i;
                next.article = 0;
            }
            Action::SelectArticle(i, a) if i < next.sources.len() => {
                next.selected = i;
                next.article = a.min(next.sources[i].doc.articles.len().saturating_sub(1));
                next.raw = false;
            }
            Action::Select(_) | Action::SelectArticle(..) => {}
            Action::ToggleRaw => next.raw = !next.raw,
            Action::Compare(passage, left) if passage < next.passages.len() => {
                let p = &next.passages[passage];
                let left = left.min(p.members.len() - 1);
                next.view = View::Compare { passage, left, right: default_right(p, left) };
                next.go_to_member(passage, left);
            }
            Action::CompareWith(right) => {
                if let View::Compare { passage, left, .. } = next.view {
                    if right < next.passages[passage].members.len() && right != left {
                        next.view = View::Compare { passage, left, right };
                    }
                }
            }
            Action::Step(dir) => {
                if let View::Compare { passage, left, .. } = next.view {
                    let doc = next.passages[passage].members[left].doc.clone();
                    let list = next.reading_order(&doc);
                    if let Some(k) = list.iter().position(|&(p, m)| p == passage && m == left) {
                        let k = (k as i32 + dir).rem_euclid(list.len() as i32) as usize;
                        let (p, m) = list[k];
                        next.view = View::Compare { passage: p, left: m, right: default_right(&next.passages[p], m) };
                        next.go_to_member(p, m);
                    }
                }
            }
            Action::Compare(..) => {}
            Action::CloseCompare => {
                // Esc closes the shortcuts box first, then leaves compare.
                if next.help {
                    next.help = false;
                } else {
                    next.view = View::Read;
                }
            }
            Action::ToggleHelp => next.help = !next.help,
            Action::Segmenting(done, total) => next.words = WordsStatus::Segmenting(done, total),
            Action::WordsReady(candidates) => {
                next.words = WordsStatus::Ready;
                next.words_generation += 1;
                next.candidates = Rc::new(candidates);
            }
            Action::WordsFailed(message) => next.words = WordsStatus::Failed(message),
            Action::GotWords(words) => {
                let here = next.sources.get(next.selected).is_some();
                if here && words.doc == next.selected && words.article == next.article && words.method == next.keyword_method {
                    next.article_words = Some(Rc::new(words));
                }
            }
            Action::Found(found) => {
                if found.query == next.query.trim() {
                    next.found = Some(Rc::new(found));
                }
            }
            Action::ToggleWordView => next.word_view = !next.word_view,
            Action::KeywordMethod(method) => next.keyword_method = method,
            Action::Query(query) => {
                if query.trim().is_empty() {
                    if matches!(next.view, View::Search { .. }) {
                        next.view = View::Read;
                    }
                    next.found = None;
                } else if !matches!(next.view, View::Search { .. }) {
                    next.view = View::Search { concordance: false };
                }
                next.query = query;
                next.focus = None;
            }
            Action::Concordance(word) => {
                next.query = word;
                next.found = None;
                next.view = View::Search { concordance: true };
            }
            Action::ShowSearch { concordance } => next.view = View::Search { concordance },
            Action::OpenHit(doc, article, field, begin) => {
                if let Some(source) = next.sources.get(doc) {
                    next.selected = doc;
                    next.article = article.min(source.doc.articles.len().saturating_sub(1));
                    next.view = View::Read;
                    next.raw = false;
                    next.focus = Some((field, begin));
                }
            }
            Action::OpenFirstHit => {
                if let Some(hit) = next.found.as_ref().and_then(|f| f.articles.first()).and_then(|g| g.hits.first().map(|h| (g.doc, g.article, h.field, h.begin))) {
                    return Rc::new(next).reduce(Action::OpenHit(hit.0, hit.1, hit.2, hit.3));
                }
            }
            Action::SetUserWords(words) => next.user_words = Rc::new(words),
            Action::ToggleDictionary => next.dictionary_open = !next.dictionary_open,
            Action::Corpora(list) => next.corpora = Rc::new(list),
            // The same corpus again (a file re-encoded or renamed): keep the
            // reader's place; another corpus starts at its beginning.
            Action::CorpusOpened(meta) if next.corpus.as_ref().map(|c| &c.id) == meta.as_ref().map(|m| &m.id) && !next.sources.is_empty() => {
                next.corpus = meta;
                next.status = Status::Loading;
            }
            Action::CorpusOpened(meta) => {
                next.corpus = meta;
                next.status = Status::Loading;
                next.sources = Rc::new(Vec::new());
                next.passages = Rc::new(Vec::new());
                next.shares = Rc::new(Vec::new());
                next.selected = 0;
                next.article = 0;
                next.view = View::Read;
                next.found = None;
                next.words = WordsStatus::Waiting;
            }
            Action::CorpusRenamed(meta) => next.corpus = Some(meta),
            Action::Rejected(list) => next.rejected = Rc::new(list),
            Action::Notice(notice) => next.notice = notice,
            Action::ShowOverview => next.view = View::Overview,
            Action::CompareMembers(passage, left, right) => next.open_compare(passage, left, right),
            Action::Navigate(route) => match route {
                tongwen::view::Route::Overview => next.view = View::Overview,
                tongwen::view::Route::Read { doc, article } => {
                    if let Some(i) = next.sources.iter().position(|s| s.doc.id == doc) {
                        next.selected = i;
                        next.article = article.min(next.sources[i].doc.articles.len().saturating_sub(1));
                        next.view = View::Read;
                    }
                }
                tongwen::view::Route::Compare { passage, left, right } => next.open_compare(passage, left, right),
            },
        }
        // Words and a hit to show belong to one article.
        if (next.selected, next.article) != (self.selected, self.article) || !Rc::ptr_eq(&next.sources, &self.sources) {
            next.article_words = None;
            if !opening_hit {
                next.focus = None;
            }
        }
        Rc::new(next)
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            status: Status::Loading,
            sources: Rc::new(Vec::new()),
            selected: 0,
            article: 0,
            raw: false,
            passages: Rc::new(Vec::new()),
            view: View::Read,
            shares: Rc::new(Vec::new()),
            settings: tongwen::reuse::Settings::default(),
            help: false,
            words: WordsStatus::Waiting,
            words_generation: 0,
            word_view: false,
            keyword_method: Default::default(),
            article_words: None,
            candidates: Rc::new(Vec::new()),
            user_words: Rc::new(Vec::new()),
            dictionary_open: false,
            query: String::new(),
            found: None,
            focus: None,
            corpora: Rc::new(Vec::new()),
            corpus: None,
            rejected: Rc::new(Vec::new()),
            notice: None,
        }
    }
}

/// Listens to `event` on the window for as long as the component lives.
#[hook]
fn use_window_listener<F: Fn(web_sys::Event) + 'static>(event: &'static str, handler: F) {
    use_effect_with((), move |_| {
        use wasm_bindgen::JsCast;
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: tongwen::reuse::Settings,
    pub on_change: Callback<tongwen::reuse::Settings>,
}

/// Minimum passage length, boilerplate and stock phrases, applied live.
#[function_component(SettingsBar)]
pub fn settings_bar(props: &SettingsProps) -> Html {
    use wasm_bindgen::JsCast;
    let t = use_strings();
    let s = props.settings;
    let on_len = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                if let Ok(n) = input.value().trim().parse::<usize>() {
                    cb.emit(tongwen::reuse::Settings { min_len: n, ..s }.clamped());
                }
            }
        })
    };
    let on_boiler = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                cb.emit(tongwen::reuse::Settings { boilerplate: input.checked(), ..s });
            }
        })
    };
    let on_stock = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                cb.emit(tongwen::reuse::Settings { stock: input.checked(), ..s });
            }
        })
    };
    html! {
        <div class="settings" role="group" aria-label={t.settings}>
            <label>{ t.min_len }{" "}
                <input id="min-len" type="number" min="8" max="200" value={s.min_len.to_string()} onchange={on_len} />
            </label>
            <label><input id="show-boilerplate" type="checkbox" checked={s.boilerplate} onchange={on_boiler} />{" "}{ t.boilerplate }</label>
            <label><input id="show-stock" type="checkbox" checked={s.stock} onchange={on_stock} />{" "}{ t.stock }</label>
        </div>
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState { user_words: Rc::new(super::dictionary::load_user_words()), ..AppState::default() });
    // The worker lives as long as the app; analysis never runs on this thread.
    let analyser: SharedAnalyser = use_mut_ref(Analyser::default);
    {
        let dispatcher = state.dispatcher();
        let analyser = analyser.clone();
        use_effect_with((), move |_| {
            start_worker(&analyser, dispatcher.clone());
            // The corpus open last time, else the built-in one.
            wasm_bindgen_futures::spawn_local(async move {
                super::session::open_corpus(analyser, dispatcher.clone(), super::session::remembered_corpus()).await;
                super::session::refresh_corpora(&dispatcher).await;
            });
            || ()
        });
    }
    // New settings: analyse again (the first run is the load above).
    {
        let dispatcher = state.dispatcher();
        let analyser = analyser.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.settings, move |settings| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                wasm_bindgen_futures::spawn_local(super::session::reanalyse(analyser.clone(), dispatcher.clone(), *settings));
            }
            || ()
        });
    }
    // Words: the user's dictionary goes to the worker (and is saved) when
    // it changes; the article's words and the search follow the screen.
    {
        let analyser = analyser.clone();
        use_effect_with(state.user_words.clone(), move |words| {
            super::dictionary::save_user_words(words);
            ask(&analyser, &tongwen::protocol::Request::UserWords(words.to_vec()));
            || ()
        });
    }
    {
        let analyser = analyser.clone();
        let ready = state.words == WordsStatus::Ready;
        use_effect_with((state.selected, state.article, state.keyword_method, state.words_generation, ready, Rc::as_ptr(&state.sources) as usize), move |&(doc, article, method, _, ready, _)| {
            if ready {
                ask(&analyser, &tongwen::protocol::Request::Words { doc, article, method });
            }
            || ()
        });
    }
    {
        let analyser = analyser.clone();
        let ready = state.words == WordsStatus::Ready;
        use_effect_with((state.query.trim().to_owned(), state.words_generation, ready), move |(query, _, ready)| {
            if *ready && !query.is_empty() {
                ask(&analyser, &tongwen::protocol::Request::Search(query.clone()));
            }
            || ()
        });
    }
    let on_overview = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::ShowOverview))
    };
    let on_read = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::CloseCompare))
    };
    let on_pair = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(p, l, r)| dispatcher.dispatch(Action::CompareMembers(p, l, r)))
    };
    // Theme: auto (follow the system), light or dark; remembered.
    let theme = use_state(|| {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item("tongwen.theme").ok().flatten())
            .unwrap_or_else(|| "auto".to_owned())
    });
    use_effect_with((*theme).clone(), |t| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = if t == "auto" { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", t) };
        }
        if let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = store.set_item("tongwen.theme", t);
        }
        || ()
    });
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = match theme.as_str() {
                "auto" => "light",
                "light" => "dark",
                _ => "auto",
            };
            theme.set(next.to_owned());
        })
    };
    let on_help = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::ToggleHelp))
    };
    let help = state.help;
    // Interface language: the browser's, unless the reader chose; remembered.
    let lang = use_state(|| {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item("tongwen.lang").ok().flatten())
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_else(Lang::from_browser)
    });
    use_effect_with(*lang, |l| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", l.code());
        }
        || ()
    });
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = if *lang == Lang::Zh { Lang::En } else { Lang::Zh };
            if let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                let _ = store.set_item("tongwen.lang", next.code());
            }
            lang.set(next);
        })
    };
    let t = lang.strings();
    let on_settings = {
        let dispatcher = state.dispatcher();
        Callback::from(move |s| dispatcher.dispatch(Action::Settings(s)))
    };
    let on_cancel = {
        let dispatcher = state.dispatcher();
        let analyser = analyser.clone();
        Callback::from(move |_| {
            // Terminates the busy worker; a fresh one waits for the next job.
            start_worker(&analyser, dispatcher.clone());
            dispatcher.dispatch(Action::Cancelled);
        })
    };
    let on_select = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i| dispatcher.dispatch(Action::Select(i)))
    };
    // Corpora: open, add to, change, delete.
    let on_open_corpus = {
        let (analyser, dispatcher) = (analyser.clone(), state.dispatcher());
        Callback::from(move |id: Option<String>| {
            wasm_bindgen_futures::spawn_local(super::session::open_corpus(analyser.clone(), dispatcher.clone(), id));
        })
    };
    let on_files = {
        let (analyser, dispatcher, current) = (analyser.clone(), state.dispatcher(), state.corpus.clone());
        Callback::from(move |files: super::library::PickedFiles| {
            wasm_bindgen_futures::spawn_local(super::session::add_files(analyser.clone(), dispatcher.clone(), current.clone(), files));
        })
    };
    let on_new_corpus = {
        let (analyser, dispatcher) = (analyser.clone(), state.dispatcher());
        Callback::from(move |files: super::library::PickedFiles| {
            wasm_bindgen_futures::spawn_local(super::session::add_files(analyser.clone(), dispatcher.clone(), None, files));
        })
    };
    let on_rename_doc = {
        let (analyser, dispatcher, current) = (analyser.clone(), state.dispatcher(), state.corpus.clone());
        Callback::from(move |(old, new): (String, String)| {
            if let Some(meta) = current.clone() {
                wasm_bindgen_futures::spawn_local(super::session::rename_document(analyser.clone(), dispatcher.clone(), meta, old, new));
            }
        })
    };
    let on_rename = {
        let (analyser, dispatcher, current) = (analyser.clone(), state.dispatcher(), state.corpus.clone());
        Callback::from(move |name: String| {
            if let Some(mut meta) = current.clone() {
                meta.name = name;
                wasm_bindgen_futures::spawn_local(super::session::change_corpus(analyser.clone(), dispatcher.clone(), meta, Vec::new(), false));
            }
        })
    };
    let on_delete_corpus = {
        let (analyser, dispatcher, current) = (analyser.clone(), state.dispatcher(), state.corpus.clone());
        Callback::from(move |()| {
            wasm_bindgen_futures::spawn_local(super::session::delete_corpus(analyser.clone(), dispatcher.clone(), current.clone()));
        })
    };
    let on_reset = {
        let (analyser, dispatcher) = (analyser.clone(), state.dispatcher());
        Callback::from(move |()| wasm_bindgen_futures::spawn_local(super::session::delete_corpus(analyser.clone(), dispatcher.clone(), None)))
    };
    let on_encoding = {
        let (analyser, dispatcher, current) = (analyser.clone(), state.dispatcher(), state.corpus.clone());
        Callback::from(move |(doc, encoding): (String, Option<String>)| {
            if let Some(mut meta) = current.clone() {
                if let Some(d) = meta.documents.iter_mut().find(|d| d.id == doc) {
                    d.encoding = encoding;
                }
                wasm_bindgen_futures::spawn_local(super::session::change_corpus(analyser.clone(), dispatcher.clone(), meta, Vec::new(), true));
            }
        })
    };
    let on_remove_doc = {
        let (analyser, dispatcher, current) = (analyser.clone(), state.dispatcher(), state.corpus.clone());
        Callback::from(move |doc: String| {
            if let Some(mut meta) = current.clone() {
                meta.documents.retain(|d| d.id != doc);
                wasm_bindgen_futures::spawn_local(super::session::change_corpus(analyser.clone(), dispatcher.clone(), meta, vec![doc], true));
            }
        })
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            dispatcher.dispatch(Action::Notice(None));
            dispatcher.dispatch(Action::Rejected(Vec::new()));
        })
    };
    // The export menu closes once a format is chosen, so it never covers the text.
    let export_menu = use_node_ref();
    let export = |kind: tongwen::protocol::ExportKind| {
        let (analyser, menu) = (analyser.clone(), export_menu.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(details) = menu.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
            ask(&analyser, &tongwen::protocol::Request::Export(kind))
        })
    };
    let on_tei = {
        let analyser = analyser.clone();
        let long = tongwen::reuse::long_passage(state.settings);
        Callback::from(move |story: usize| ask(&analyser, &tongwen::protocol::Request::Export(tongwen::protocol::ExportKind::StoryTei { story, long })))
    };
    // Files dropped anywhere on the window join the corpus.
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        use_window_listener("dragover", move |e| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        });
    }
    {
        let dragging = dragging.clone();
        use_window_listener("dragleave", move |e| {
            use wasm_bindgen::JsCast;
            // Leaving the window, not moving between its elements.
            if e.dyn_ref::<web_sys::DragEvent>().is_some_and(|d| d.client_x() <= 0 && d.client_y() <= 0) {
                dragging.set(false);
            }
        });
    }
    {
        let (dragging, on_files) = (dragging.clone(), on_files.clone());
        use_window_listener("drop", move |e| {
            use wasm_bindgen::JsCast;
            e.prevent_default();
            dragging.set(false);
            let Some(list) = e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|t| t.files()) else { return };
            let on_files = on_files.clone();
            wasm_bindgen_futures::spawn_local(async move { on_files.emit(super::files::read_files(list).await) });
        });
    }
    let on_article = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(i, a)| dispatcher.dispatch(Action::SelectArticle(i, a)))
    };
    let on_toggle_raw = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::ToggleRaw))
    };
    let on_compare = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(p, m)| dispatcher.dispatch(Action::Compare(p, m)))
    };
    let on_right = {
        let dispatcher = state.dispatcher();
        Callback::from(move |r| dispatcher.dispatch(Action::CompareWith(r)))
    };
    let on_step = {
        let dispatcher = state.dispatcher();
        Callback::from(move |d| dispatcher.dispatch(Action::Step(d)))
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::CloseCompare))
    };
    // The URL hash follows the screen (a new history entry per move), and
    // the screen follows the hash (links, reload, back and forward).
    {
        let route = if state.status == Status::Ready { state.route() } else { None };
        use_effect_with(route, move |route| {
            if let (Some(route), Some(window)) = (route, web_sys::window()) {
                let hash = route.to_hash();
                if window.location().hash().ok().as_deref() != Some(hash.as_str()) {
                    let _ = window.location().set_hash(&hash);
                }
            }
            || ()
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_window_listener("hashchange", move |_| {
            if let Some(route) = web_sys::window().and_then(|w| w.location().hash().ok()).and_then(|h| tongwen::view::Route::parse(&h)) {
                dispatcher.dispatch(Action::Navigate(route));
            }
        });
    }
    // Keys: n / p step through passages, Escape leaves the compare view.
    {
        let dispatcher = state.dispatcher();
        use_window_listener("keydown", move |e: web_sys::Event| {
            use wasm_bindgen::JsCast;
            let Ok(e) = e.dyn_into::<web_sys::KeyboardEvent>() else { return };
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
            if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            match e.key().as_str() {
                "n" => dispatcher.dispatch(Action::Step(1)),
                "p" => dispatcher.dispatch(Action::Step(-1)),
                "Escape" => dispatcher.dispatch(Action::CloseCompare),
                "?" => dispatcher.dispatch(Action::ToggleHelp),
                // `/` jumps to the search box, as on many sites.
                "/" => {
                    e.prevent_default();
                    if let Some(input) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("search")) {
                        let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
                _ => {}
            }
        });
    }
    let status = match &state.status {
        Status::Loading => t.loading.to_owned(),
        Status::Analysing(tongwen::analysis::Stage::Reflow(done, total)) => (t.reflowing)(*done, *total),
        Status::Analysing(tongwen::analysis::Stage::Passages) => t.finding.to_owned(),
        Status::Ready if state.corpus.as_ref().is_some_and(|c| c.documents.iter().any(|d| d.passim)) => {
            format!("{} · {}", (t.ready)(state.sources.len(), state.passages.len()), t.passim_clusters)
        }
        Status::Ready => (t.ready)(state.sources.len(), state.passages.len()),
        Status::Failed(message) if message.is_empty() => t.cancelled.to_owned(),
        Status::Failed(message) => (t.error)(message),
        Status::Crashed(message) => (t.crashed)(message),
    };
    let selected = state.sources.get(state.selected).cloned();
    let words_context = super::reading::WordsContext {
        word_view: state.word_view,
        article_words: state.article_words.clone(),
        method: state.keyword_method,
        query: if matches!(state.view, View::Search { .. }) { String::new() } else { state.query.trim().to_owned() },
        focus: state.focus,
        on_word: {
            let dispatcher = state.dispatcher();
            Callback::from(move |(word, concordance): (String, bool)| {
                dispatcher.dispatch(if concordance { Action::Concordance(word) } else { Action::Query(word) })
            })
        },
        on_method: {
            let dispatcher = state.dispatcher();
            Callback::from(move |m| dispatcher.dispatch(Action::KeywordMethod(m)))
        },
    };
    let on_query = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                dispatcher.dispatch(Action::Query(input.value()));
            }
        })
    };
    let on_query_key = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => dispatcher.dispatch(Action::OpenFirstHit),
            "Escape" => dispatcher.dispatch(Action::Query(String::new())),
            _ => {}
        })
    };
    let on_word_view = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::ToggleWordView))
    };
    let on_dictionary = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::ToggleDictionary))
    };
    let on_user_words = {
        let dispatcher = state.dispatcher();
        Callback::from(move |w| dispatcher.dispatch(Action::SetUserWords(w)))
    };
    let on_open_hit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(d, a, p, b)| dispatcher.dispatch(Action::OpenHit(d, a, p, b)))
    };
    let on_search_mode = {
        let dispatcher = state.dispatcher();
        Callback::from(move |concordance| dispatcher.dispatch(Action::ShowSearch { concordance }))
    };
    let words_status = match &state.words {
        WordsStatus::Segmenting(done, total) => Some((t.segmenting)(*done, *total)),
        WordsStatus::Failed(m) => Some((t.words_failed)(m)),
        _ => None,
    };
    html! {
        <ContextProvider<Lang> context={*lang}>
        <ContextProvider<super::reading::WordsContext> context={words_context}>
        <div class="app">
            <header class="topbar">
                <h1 class="brand">{"同文"}<span class="brand-latin">{" tongwen"}</span></h1>
                <p class="status" role="status" aria-live="polite"
                   data-state={match state.status { Status::Ready => "ready", Status::Loading => "loading", Status::Analysing(_) => "analysing", Status::Failed(_) => "failed", Status::Crashed(_) => "crashed" }}>
                    {status}
                    if let Status::Analysing(stage) = &state.status {
                        <progress class="progress" max="100" aria-label={t.progress}
                                  value={match stage { tongwen::analysis::Stage::Reflow(d, t) => (d * 90 / (*t).max(1)).to_string(), tongwen::analysis::Stage::Passages => "90".to_owned() }}></progress>
                        <button class="toggle cancel" onclick={on_cancel}>{ t.cancel }</button>
                    }
                </p>
                <input class="search" id="search" type="search" placeholder={t.search_placeholder} aria-label={t.search_label}
                       value={state.query.clone()} oninput={on_query} onkeydown={on_query_key} />
                if let Some(w) = words_status { <span class="words-status" role="status">{ w }</span> }
                <nav class="views" aria-label={t.views}>
                    <button class={classes!("toggle", (state.view != View::Overview).then_some("current"))}
                            aria-pressed={(state.view != View::Overview).to_string()} onclick={on_read}>{ t.read }</button>
                    <button class={classes!("toggle", (state.view == View::Overview).then_some("current"))}
                            aria-pressed={(state.view == View::Overview).to_string()} onclick={on_overview}>{ t.overview }</button>
                </nav>
                <button class={classes!("toggle", "word-view", state.word_view.then_some("current"))} aria-pressed={state.word_view.to_string()}
                        onclick={on_word_view} title={t.word_view_hint}>{ t.word_view }</button>
                <button class="toggle" aria-expanded={state.dictionary_open.to_string()} onclick={on_dictionary.reform(|_: MouseEvent| ())}>{ t.dictionary }</button>
                <SettingsBar settings={state.settings} on_change={on_settings} />
                <button class="toggle theme" onclick={on_theme} title={t.theme}
                        aria-label={format!("{} · {}", match theme.as_str() { "light" => t.theme_light, "dark" => t.theme_dark, _ => t.theme_auto }, t.theme)}>
                    { match theme.as_str() { "light" => t.theme_light, "dark" => t.theme_dark, _ => t.theme_auto } }
                </button>
                <button class="toggle lang" onclick={on_lang} title={t.language} aria-label={format!("{} · {}", t.switch_to, t.language)}>{ t.switch_to }</button>
                <details class="export-menu" ref={export_menu.clone()}>
                    <summary class="toggle">{ t.export }</summary>
                    <div class="export-items" role="menu">
                        <button role="menuitem" id="export-json" onclick={export(tongwen::protocol::ExportKind::Json)}>{ t.export_json }</button>
                        <button role="menuitem" id="export-md" onclick={export(tongwen::protocol::ExportKind::Articles(tongwen::export::TextFormat::Markdown))}>{ t.export_md }</button>
                        <button role="menuitem" id="export-md-zip" onclick={export(tongwen::protocol::ExportKind::ArticlesZip(tongwen::export::TextFormat::Markdown))}>{ t.export_md_zip }</button>
                        <button role="menuitem" id="export-txt-zip" onclick={export(tongwen::protocol::ExportKind::ArticlesZip(tongwen::export::TextFormat::Plain))}>{ t.export_txt_zip }</button>
                        <button role="menuitem" id="export-csv" onclick={export(tongwen::protocol::ExportKind::PassagesCsv)}>{ t.export_csv }</button>
                        <button role="menuitem" id="export-passim" onclick={export(tongwen::protocol::ExportKind::PassimJsonl)}>{ t.export_passim }</button>
                    </div>
                </details>
                <button class="toggle" onclick={on_help} aria-keyshortcuts="?" aria-expanded={help.to_string()}>{ t.keys }</button>
            </header>
            if help {
                <div class="shortcuts" role="dialog" aria-label={t.shortcuts}>
                    <h2>{ t.shortcuts }</h2>
                    <dl>
                        <dt>{"Tab / Shift+Tab"}</dt><dd>{ t.key_tab }</dd>
                        <dt>{"Enter"}</dt><dd>{ t.key_enter }</dd>
                        <dt>{"n / p"}</dt><dd>{ t.key_np }</dd>
                        <dt>{"Esc"}</dt><dd>{ t.key_esc }</dd>
                        <dt>{"/"}</dt><dd>{ t.key_search }</dd>
                        <dt>{"?"}</dt><dd>{ t.key_help }</dd>
                    </dl>
                </div>
            }
            if state.dictionary_open {
                <super::dictionary::DictionaryPanel words={state.user_words.clone()} candidates={state.candidates.clone()}
                                                    on_change={on_user_words} on_close={on_dictionary} />
            }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ t.drop_here }</p></div>
            }
            <Sidebar sources={state.sources.clone()} selected={state.selected} article={state.article}
                     shares={state.shares.clone()} on_select={on_select} on_article={on_article}
                     corpus={state.corpus.clone()} on_encoding={on_encoding} on_remove={on_remove_doc} on_rename_doc={on_rename_doc}>
                <super::library::CorpusBar corpora={state.corpora.clone()} current={state.corpus.clone()}
                    rejected={state.rejected.clone()} notice={state.notice.clone()}
                    on_open={on_open_corpus} on_files={on_files} on_new={on_new_corpus} on_rename={on_rename}
                    on_delete={on_delete_corpus} on_reset={on_reset} on_dismiss={on_dismiss} />
            </Sidebar>
            <main class="reading">
                { match (state.view, selected) {
                    (View::Compare { passage, left, right }, _) => html! {
                        <CompareView sources={state.sources.clone()} passages={state.passages.clone()}
                                     passage={passage} left={left} right={right}
                                     on_right={on_right} on_step={on_step} on_close={on_close} on_tei={on_tei}
                                     long={tongwen::reuse::long_passage(state.settings)} />
                    },
                    (View::Read, Some(source)) => html! {
                        <ReadingPane source={source} article={state.article} raw={state.raw} on_toggle_raw={on_toggle_raw}
                                     passages={state.passages.clone()} sources={state.sources.clone()} on_compare={on_compare} />
                    },
                    (View::Read, None) => html! {},
                    (View::Search { concordance }, _) => html! {
                        <super::search::SearchView query={state.query.clone()} found={state.found.clone()} words={state.words.clone()}
                                                   concordance={concordance} sources={state.sources.clone()}
                                                   on_open={on_open_hit} on_mode={on_search_mode} />
                    },
                    (View::Overview, _) => html! {
                        <super::overview::OverviewView sources={state.sources.clone()} passages={state.passages.clone()} on_pair={on_pair} />
                    },
                } }
            </main>
        </div>
        </ContextProvider<super::reading::WordsContext>>
        </ContextProvider<Lang>>
    }
}
