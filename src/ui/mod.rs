//! The Yew front end. Components only render state and send messages; all
//! text work is done by the engine modules.

mod app;
pub mod compare;
pub mod dictionary;
mod files;
pub mod library;
pub mod i18n;
pub mod overview;
pub mod loader;
pub mod reading;
pub mod search;
mod session;
mod store;
pub mod sidebar;

pub use app::{App, AppState, Source, Status, View, WordsStatus};

/// Mounts the app on `<body>`; called by the wasm binary's `main`.
pub fn run() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
