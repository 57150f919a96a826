//! The Yew front end. Components only render state and send messages; all
//! text work is done by the engine (`tongwen`), the heavy part of it in the
//! worker (`tongwen-worker`).
//!
//! Everything here that touches the browser is compiled for wasm32 only,
//! so `cargo test` natively builds no yew and no web-sys.

pub mod labels;
pub mod messages;
pub mod problems;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod corpus_actions;
#[cfg(target_arch = "wasm32")]
pub mod compare;
#[cfg(target_arch = "wasm32")]
pub mod dictionary;
#[cfg(target_arch = "wasm32")]
mod effects;
#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod library;
#[cfg(target_arch = "wasm32")]
pub mod loader;
#[cfg(target_arch = "wasm32")]
pub mod overview;
#[cfg(target_arch = "wasm32")]
mod prefs;
#[cfg(target_arch = "wasm32")]
pub mod reading;
#[cfg(target_arch = "wasm32")]
pub mod search;
#[cfg(target_arch = "wasm32")]
mod session;
#[cfg(target_arch = "wasm32")]
pub mod sidebar;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod topbar;
#[cfg(target_arch = "wasm32")]
mod window;
#[cfg(target_arch = "wasm32")]
mod worker_client;

#[cfg(target_arch = "wasm32")]
pub use app::App;
pub use state::{Action, AppState, Effect, Source, Status, View, WordsStatus};

/// A callback that sends the action `f` makes of its argument.
#[cfg(target_arch = "wasm32")]
pub(crate) fn send<T: 'static>(state: &yew::UseReducerHandle<AppState>, f: impl Fn(T) -> Action + 'static) -> yew::Callback<T> {
    let dispatcher = state.dispatcher();
    yew::Callback::from(move |x| dispatcher.dispatch(f(x)))
}

/// Mounts the app on `<body>`; called by the wasm binary's `main`.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
