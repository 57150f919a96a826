//! The web app's entry point; built for wasm32 by `make dist`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tongwen_app::run();
}
