//! The Web Worker that runs the engine off the page's thread: a thin shell
//! over [`tongwen::host::Host`], which holds all the logic and is tested
//! natively. The shell only decodes requests from `postMessage`, posts what
//! the host sends back, fetches what it asks for, and hands PDFs to
//! pdf.js (`src/pdf_reader.js`, which imports pdf.js only when a PDF comes).

#[cfg(target_arch = "wasm32")]
mod shell {
    use std::cell::RefCell;

    use tongwen::host::{Host, Outgoing, Resource};
    use tongwen::protocol::{Request, Update};
    use tongwen_web::{fetch_bytes, from_js, message_with_bytes, update_to_bytes, DICT, IDF};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    thread_local! {
        static HOST: RefCell<Host> = RefCell::new(Host::new(now));
    }

    #[wasm_bindgen(module = "/src/pdf_reader.js")]
    extern "C" {
        /// A PDF's positioned text as JSON; throws `encrypted` or `damaged: …`.
        #[wasm_bindgen(catch)]
        async fn read_pdf(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    }

    fn scope() -> web_sys::DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// Milliseconds on the worker's clock.
    fn now() -> f64 {
        js_sys::global().unchecked_into::<web_sys::WorkerGlobalScope>().performance().map_or(0.0, |p| p.now())
    }

    /// Posts an update to the page: JSON bytes, buffer transferred.
    fn reply(update: &Update) {
        let bytes = update_to_bytes(update);
        let _ = scope().post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
    }

    /// Carries out what the host asks.
    fn carry_out(outgoing: Outgoing) {
        match outgoing {
            Outgoing::Update(update) => reply(&update),
            Outgoing::WithBytes { update, bytes } => {
                // The files go as they are, beside the update, not inside its JSON.
                let (message, transfer) = message_with_bytes(&update, &bytes);
                let _ = scope().post_message_with_transfer(&message, &transfer);
            }
            Outgoing::Fetch(resource) => wasm_bindgen_futures::spawn_local(async move {
                let url = match &resource {
                    Resource::Dictionary => DICT,
                    Resource::Idf => IDF,
                    Resource::Precomputed { url, .. } => url.as_str(),
                };
                let got = fetch_bytes(url).await;
                HOST.with_borrow_mut(|host| host.fetched(resource, got, &mut carry_out));
            }),
            Outgoing::ReadPdfs(pdfs) => wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::with_capacity(pdfs.len());
                for (id, bytes) in pdfs {
                    let result = read_pdf(js_sys::Uint8Array::from(bytes.as_slice())).await;
                    let text = |v: JsValue| v.as_string().unwrap_or_else(|| format!("{v:?}"));
                    read.push((id, result.map(text).map_err(text)));
                }
                HOST.with_borrow_mut(|host| host.pdfs_read(read, &mut carry_out));
            }),
        }
    }

    /// Answers requests until terminated.
    pub fn register() {
        console_error_panic_hook::set_once();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| match from_js::<Request>(e.data()) {
            Ok(request) => HOST.with_borrow_mut(|host| host.handle(request, &mut carry_out)),
            Err(detail) => reply(&Update::Failed(tongwen::protocol::Failure::Message { detail })),
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        reply(&Update::Ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    shell::register();
}
