//! The Web Worker that runs the engine, so the page never waits on it, and
//! the page's handle on it.
//!
//! Requests cross `postMessage` as plain JS values (`serde-wasm-bindgen`,
//! file bytes as `Uint8Array`). Updates come back as JSON bytes in a
//! transferred buffer: a result as a JS object graph costs the page a
//! structured-clone copy, a UTF-16 to UTF-8 copy of every string, and the
//! garbage collections after, which at 10 MB added up to long tasks. The page owns the `web_sys::Worker` itself
//! rather than through gloo-worker's bridge, because only the owner can
//! `terminate()` it: cancelling must stop a busy worker, not just ignore it,
//! and a crashed worker must be noticed and replaced.

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::{analyze_corpus_with, Stage};
use crate::protocol::{result_messages, Job, Request, Update};
use crate::reuse::Settings;

/// Where the page finds the worker's loader, relative to `index.html`.
pub const LOADER: &str = "worker-loader.js";

/// A Rust value as a plain JS value (maps as objects, bytes as `Uint8Array`).
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&ser).unwrap_or(JsValue::NULL)
}

pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// An update as JSON in a `Uint8Array`, whose buffer can be transferred.
pub fn update_to_bytes(update: &Update) -> js_sys::Uint8Array {
    let json = serde_json::to_vec(update).unwrap_or_default();
    js_sys::Uint8Array::from(json.as_slice())
}

pub fn update_from_bytes(value: &JsValue) -> Result<Update, String> {
    let bytes = value.dyn_ref::<js_sys::Uint8Array>().ok_or("a worker update is not bytes")?.to_vec();
    serde_json::from_slice(&bytes).map_err(|e| e.to_string())
}

/// The worker binary's entry point: answer requests until terminated.
pub fn register() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let reply = move |update: Update| {
        let bytes = update_to_bytes(&update);
        let _ = reply_scope.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
    };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| match from_js::<Request>(e.data()) {
        Ok(Request::Analyse(job)) => analyse(job, &reply),
        Err(message) => reply(Update::Failed(message)),
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&update_to_bytes(&Update::Ready));
}

fn analyse(job: Job, reply: &dyn Fn(Update)) {
    let settings = Settings { min_len: job.min_len, boilerplate: job.boilerplate };
    let mut last_percent = usize::MAX;
    let (analysis, texts) = analyze_corpus_with(job.files.iter().map(|f| (f.id.as_str(), f.bytes.as_slice())), settings, &mut |stage| {
        // At most one report per percent, however many files.
        let percent = match stage {
            Stage::Reflow(done, total) => done * 100 / total.max(1),
            Stage::Passages => 100,
        };
        if percent != last_percent {
            last_percent = percent;
            reply(Update::Progress(stage));
        }
    });
    drop(job);
    let shares = crate::view::shared_shares(&analysis.documents, &analysis.passages);
    for message in result_messages(analysis, texts, shares) {
        reply(message);
    }
}

/// The page's handle on one worker. Dropping it terminates the worker.
pub struct WorkerClient {
    worker: web_sys::Worker,
    /// Requests sent before the worker said [`Update::Ready`].
    queued: Rc<RefCell<Option<Vec<JsValue>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What a worker can report to the page: an update, or that it died.
pub enum Event {
    Update(Update),
    /// The worker stopped (a panic, out of memory, or failing to load).
    Crashed(String),
}

impl WorkerClient {
    /// Starts a worker from [`LOADER`]; `on_event` gets its reports.
    pub fn spawn(on_event: impl Fn(Event) + 'static) -> Result<Self, String> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(LOADER, &options).map_err(|e| format!("{e:?}"))?;
        let on_event = Rc::new(on_event);
        let queued: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let (on_event, queued, worker) = (on_event.clone(), queued.clone(), worker.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| match update_from_bytes(&e.data()) {
                Ok(Update::Ready) => {
                    for request in queued.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&request);
                    }
                }
                Ok(update) => on_event(Event::Update(update)),
                Err(message) => on_event(Event::Crashed(message)),
            })
        };
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let message = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
            on_event(Event::Crashed(message));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerClient { worker, queued, _on_message: on_message, _on_error: on_error })
    }

    pub fn send(&self, request: &Request) {
        let value = to_js(request);
        match self.queued.borrow_mut().as_mut() {
            Some(queue) => queue.push(value),
            None => {
                let _ = self.worker.post_message(&value);
            }
        }
    }
}

impl Drop for WorkerClient {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
