//! Files in and out of the browser: reading what the user picked or
//! dropped, and offering results as downloads.

use wasm_bindgen::JsCast;

/// Every file of a `FileList`, as (name, bytes). A file that cannot be read
/// comes back as an error message in place of its bytes.
pub async fn read_files(list: web_sys::FileList) -> Vec<(String, Result<Vec<u8>, String>)> {
    let mut out = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .map_err(|e| format!("cannot be read ({e:?})"));
        out.push((file.name(), bytes));
    }
    out
}

/// Offers `data` (a string or a `Uint8Array`) as a download named `name`.
pub fn download(name: &str, mime: &str, data: &wasm_bindgen::JsValue) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(data);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked after the click has been handled, or the download may be cut.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// A small text file the user picked (a dictionary), decoded by the
/// browser: UTF-16 when it starts with its byte-order mark, UTF-8 when it
/// is valid UTF-8, else GB18030 (what Chinese Windows saves). Pages are
/// decoded in the worker, with detection; this needs none of that.
pub fn decode_text(bytes: &[u8]) -> String {
    let label = match bytes {
        [0xFF, 0xFE, ..] => "utf-16le",
        [0xFE, 0xFF, ..] => "utf-16be",
        _ if std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_ok() => "utf-8",
        _ => "gb18030",
    };
    web_sys::TextDecoder::new_with_label(label)
        .and_then(|d| d.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}
