//! Fetching the built-in corpus. URLs are relative so the site works from
//! any sub-path (GitHub Pages serves it under `/<repo>/`).

use gloo_net::http::Request;

use crate::corpus::Manifest;

/// Where the built-in corpus lives, relative to `index.html`.
pub const CORPUS_DIR: &str = "corpus/";

/// A file of the built-in corpus, still as raw bytes.
pub struct RawFile {
    pub id: String,
    pub bytes: Vec<u8>,
}

/// Fetches the manifest and every file it lists.
pub async fn fetch_builtin_corpus() -> Result<Vec<RawFile>, String> {
    let manifest: Manifest = fetch_bytes(&format!("{CORPUS_DIR}manifest.json"))
        .await
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| format!("corpus manifest is not valid: {e}")))?;
    let mut files = Vec::with_capacity(manifest.documents.len());
    for entry in manifest.documents {
        let bytes = fetch_bytes(&format!("{CORPUS_DIR}{}", entry.file)).await?;
        files.push(RawFile { id: entry.file, bytes });
    }
    Ok(files)
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = Request::get(url).send().await.map_err(|e| format!("cannot load {url}: {e}"))?;
    if !response.ok() {
        return Err(format!("cannot load {url}: HTTP {}", response.status()));
    }
    response.binary().await.map_err(|e| format!("cannot read {url}: {e}"))
}
