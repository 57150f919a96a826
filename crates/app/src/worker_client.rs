//! The page's handle on the analysis worker.
//!
//! The page owns the `web_sys::Worker` itself rather than through
//! gloo-worker's bridge, because only the owner can `terminate()` it:
//! cancelling must stop a busy worker, not just ignore it, and a crashed
//! worker must be noticed and replaced.

use std::cell::RefCell;
use std::rc::Rc;

use tongwen::protocol::{Request, Update};
use tongwen_web::{to_js, update_with_bytes, LOADER};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
    /// An update with files beside it (an export, an intake), still in JS.
    WithBytes(Update, Vec<js_sys::Uint8Array>),
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
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| match update_with_bytes(e.data()) {
                Ok((Update::Ready, _)) => {
                    for request in queued.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&request);
                    }
                }
                Ok((update @ (Update::Exported { .. } | Update::TakenIn { .. }), files)) => on_event(Event::WithBytes(update, files)),
                Ok((update, _)) => on_event(Event::Update(update)),
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
