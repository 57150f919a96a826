//! What the page and its worker share at the web boundary: values across
//! `postMessage`, and fetching the site's own files.
//!
//! Requests cross `postMessage` as plain JS values (`serde-wasm-bindgen`,
//! file bytes as `Uint8Array`). Updates come back as JSON bytes in a
//! transferred buffer: a result as a JS object graph costs the page a
//! structured-clone copy, a UTF-16 to UTF-8 copy of every string, and the
//! garbage collections after, which at 10 MB added up to long tasks.
//!
//! Both the app crate and the worker crate depend on this one; neither
//! depends on the other, and the engine depends on none of them.
#![cfg(target_arch = "wasm32")]

use serde::de::DeserializeOwned;
use serde::Serialize;
use tongwen::protocol::{Failure, Update};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the worker finds jieba's tables, relative to its own script.
/// Gzipped files, unpacked by the engine: servers send them as they are.
pub const DICT: &str = "dict/dict.txt.gz";
pub const IDF: &str = "dict/idf.txt.gz";

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
    tongwen::protocol::update_from_json(&bytes).map_err(|e| e.to_string())
}

/// An update, and the files that came beside it: the worker sends an
/// update with files (an export, an intake) as `[update, file, file, …]`,
/// each file a `Uint8Array` whose buffer was transferred, never inside JSON.
pub fn update_with_bytes(data: JsValue) -> Result<(Update, Vec<js_sys::Uint8Array>), String> {
    if js_sys::Array::is_array(&data) {
        let parts = js_sys::Array::from(&data);
        let update = update_from_bytes(&parts.get(0))?;
        let files = (1..parts.length()).map(|i| parts.get(i).dyn_into::<js_sys::Uint8Array>().map_err(|_| "a file beside an update is not bytes".to_owned())).collect::<Result<_, _>>()?;
        Ok((update, files))
    } else {
        Ok((update_from_bytes(&data)?, Vec::new()))
    }
}

/// The message [`update_with_bytes`] reads, and the buffers to transfer.
pub fn message_with_bytes(update: &Update, files: &[Vec<u8>]) -> (js_sys::Array, js_sys::Array) {
    let header = update_to_bytes(update);
    let (message, transfer) = (js_sys::Array::of1(&header), js_sys::Array::of1(&header.buffer()));
    for file in files {
        let bytes = js_sys::Uint8Array::from(file.as_slice());
        transfer.push(&bytes.buffer());
        message.push(&bytes);
    }
    (message, transfer)
}

/// The global map in which `boot.js` leaves the fetches it started before
/// the app's wasm was compiled: relative URL → a promise of an
/// `ArrayBuffer`, or of `null` if the fetch failed.
const EARLY_FETCHES: &str = "tongwenEarly";

/// The bytes of `url` if `boot.js` fetched it early (each early fetch is
/// taken once); `None` if it did not, or it failed, or this is the worker.
async fn early_bytes(url: &str) -> Option<Vec<u8>> {
    let map: js_sys::Map = js_sys::Reflect::get(&js_sys::global(), &EARLY_FETCHES.into()).ok()?.dyn_into().ok()?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let promise: js_sys::Promise = map.get(&key).dyn_into().ok()?;
    map.delete(&key);
    let buffer: js_sys::ArrayBuffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file of the site, relative to the calling script (page or worker):
/// the bytes `boot.js` fetched early, if it did, else fetched now.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, Failure> {
    if let Some(bytes) = early_bytes(url).await {
        return Ok(bytes);
    }
    let failed = |detail: String| Failure::Load { url: url.to_owned(), detail };
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    response.binary().await.map_err(|e| failed(e.to_string()))
}
