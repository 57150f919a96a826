//! The Yew front end. Components only render state and send messages; all
//! text work is done by the engine (`tongwen`), the heavy part of it in the
//! worker (`tongwen-worker`).
//!
//! Everything here that touches the browser is compiled for wasm32 only,
//! so `cargo test` natively builds no yew and no web-sys.

/// Modules that touch the browser: compiled for wasm32 only.
macro_rules! browser_only {
    ($($vis:vis mod $name:ident;)*) => {
        $(
            #[cfg(target_arch = "wasm32")]
            $vis mod $name;
        )*
    };
}

browser_only! {
    mod analyzer;
    mod app;
    mod corpus_actions;
    pub mod compare;
    pub mod dictionary;
    mod effects;
    mod files;
    pub mod i18n;
    pub mod library;
    pub mod loader;
    pub mod overview;
    mod prefs;
    mod published_search;
    pub mod reading;
    pub mod search;
    mod session;
    pub mod sidebar;
    mod store;
    mod topbar;
    mod window;
    mod witnesses;
    mod words;
    mod worker_client;
}

pub mod concordance;
pub mod hash_echoes;
pub mod labels;
pub mod messages;
pub mod numbers;
pub mod problems;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub use app::App;
pub use state::{Action, AppState, Effect, Source, Status, View, WordsStatus};

/// A callback that sends the action `f` makes of its argument.
#[cfg(target_arch = "wasm32")]
pub(crate) fn send<T: 'static>(state: &yew::UseReducerHandle<AppState>, f: impl Fn(T) -> Action + 'static) -> yew::Callback<T> {
    let dispatcher = state.dispatcher();
    yew::Callback::from(move |x| dispatcher.dispatch(f(x)))
}

/// Mounts the app in `#app-root` (else `<body>`); called by the wasm
/// binary's `main`. Yew clears what it mounts in, so the root is apart
/// from the prerendered first view beside it (`scripts/prerender.mjs`),
/// which stays on screen until the app's own first view replaces it.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    console_error_panic_hook::set_once();
    // The built-in corpus (unless the reader's own opens) is fetched while
    // the page renders for the first time, not after.
    if prefs::open_corpus().is_none() {
        loader::prefetch_builtin_corpus();
    }
    match web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-root")) {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
