use std::rc::Rc;

use yew::prelude::*;

use super::loader::fetch_builtin_corpus;
use super::reading::ReadingPane;
use super::sidebar::Sidebar;
use crate::analysis::analyze_decoded;
use crate::decode::decode;
use crate::model::DocumentAnalysis;

/// A loaded document: the engine's analysis plus the decoded text it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub doc: DocumentAnalysis,
    pub text: Rc<str>,
}

impl Source {
    pub fn from_bytes(id: &str, bytes: &[u8]) -> Self {
        let decoded = decode(bytes);
        let text: Rc<str> = Rc::from(decoded.text.as_str());
        Source { doc: analyze_decoded(id, decoded), text }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Loading,
    Ready,
    Failed(String),
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
}

pub enum Action {
    Loaded(Vec<Source>),
    Failed(String),
    Select(usize),
    SelectArticle(usize, usize),
    ToggleRaw,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(sources) => {
                next.sources = Rc::new(sources);
                next.selected = 0;
                next.article = 0;
                next.status = Status::Ready;
            }
            Action::Failed(message) => next.status = Status::Failed(message),
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
        }
        Rc::new(next)
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState { status: Status::Loading, sources: Rc::new(Vec::new()), selected: 0, article: 0, raw: false }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    {
        let state = state.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_builtin_corpus().await {
                    Ok(files) => {
                        let sources = files.iter().map(|f| Source::from_bytes(&f.id, &f.bytes)).collect();
                        state.dispatch(Action::Loaded(sources));
                    }
                    Err(message) => state.dispatch(Action::Failed(message)),
                }
            });
            || ()
        });
    }
    let on_select = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i| dispatcher.dispatch(Action::Select(i)))
    };
    let on_article = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(i, a)| dispatcher.dispatch(Action::SelectArticle(i, a)))
    };
    let on_toggle_raw = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::ToggleRaw))
    };
    let status = match &state.status {
        Status::Loading => "正在加载引擎与语料… Loading engine and corpus…".to_owned(),
        Status::Ready => format!("引擎就绪 Engine ready · {} sources", state.sources.len()),
        Status::Failed(message) => format!("出错了 Error: {message}"),
    };
    let selected = state.sources.get(state.selected).cloned();
    html! {
        <div class="app">
            <header class="topbar">
                <h1 class="brand">{"同文"}<span class="brand-latin">{" tongwen"}</span></h1>
                <p class="status" role="status" aria-live="polite"
                   data-state={match state.status { Status::Ready => "ready", Status::Loading => "loading", Status::Failed(_) => "failed" }}>
                    {status}
                </p>
            </header>
            <Sidebar sources={state.sources.clone()} selected={state.selected} article={state.article}
                     on_select={on_select} on_article={on_article} />
            <main class="reading">
                { match selected {
                    Some(source) => html! {
                        <ReadingPane source={source} article={state.article} raw={state.raw} on_toggle_raw={on_toggle_raw} />
                    },
                    None => html! {},
                } }
            </main>
        </div>
    }
}
