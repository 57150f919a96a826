//! The Yew front end. Components only render state and send messages; all
//! text work is done by the engine (`tongwen`), the heavy part of it in the
//! worker (`tongwen-worker`).
//!
//! Everything here that touches the browser is compiled for wasm32 only,
//! so `cargo test` natively builds no yew and no web-sys.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod compare;
#[cfg(target_arch = "wasm32")]
pub mod dictionary;
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
mod worker_client;

#[cfg(target_arch = "wasm32")]
pub use app::{App, AppState, Source, Status, View, WordsStatus};

/// Mounts the app on `<body>`; called by the wasm binary's `main`.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
