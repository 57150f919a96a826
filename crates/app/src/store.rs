//! The user's corpora in IndexedDB (`rexie`): one store of corpus records
//! (name and document list), one of document bytes keyed `corpus/doc`.
//! Every change is one transaction over both, so a failed import or a full
//! quota leaves the stored corpus exactly as it was.

use rexie::{ObjectStore, Rexie, TransactionMode};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use tongwen::corpus::{CorpusMeta, DocMeta};
use tongwen_web::{from_js, to_js};

use crate::problems::StoreError;

const DB: &str = "tongwen";
const CORPORA: &str = "corpora";
const DOCUMENTS: &str = "documents";

#[derive(Serialize, Deserialize)]
struct StoredBytes {
    key: String,
    #[serde(with = "serde_bytes")]
    bytes: Vec<u8>,
}

fn doc_key(corpus: &str, doc: &str) -> String {
    format!("{corpus}/{doc}")
}

/// A storage error, from the browser's own description of it.
fn explain(e: impl std::fmt::Debug) -> StoreError {
    StoreError::from_browser(format!("{e:?}"))
}

async fn open() -> Result<Rexie, StoreError> {
    Rexie::builder(DB)
        .version(1)
        .add_object_store(ObjectStore::new(CORPORA).key_path("id"))
        .add_object_store(ObjectStore::new(DOCUMENTS).key_path("key"))
        .build()
        .await
        .map_err(|e| StoreError::Unavailable { detail: format!("{e:?}") })
}

/// Every stored corpus, by name.
pub async fn list() -> Result<Vec<CorpusMeta>, StoreError> {
    let db = open().await?;
    let tx = db.transaction(&[CORPORA], TransactionMode::ReadOnly).map_err(explain)?;
    let all = tx.store(CORPORA).map_err(explain)?.get_all(None, None).await.map_err(explain)?;
    let mut out: Vec<CorpusMeta> = all.into_iter().filter_map(|v| from_js(v).ok()).collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A corpus and the bytes of each of its documents, in its order.
pub async fn load(id: &str) -> Result<(CorpusMeta, Vec<Vec<u8>>), StoreError> {
    let db = open().await?;
    let tx = db.transaction(&[CORPORA, DOCUMENTS], TransactionMode::ReadOnly).map_err(explain)?;
    let meta: CorpusMeta = tx
        .store(CORPORA)
        .map_err(explain)?
        .get(JsValue::from_str(id))
        .await
        .map_err(explain)?
        .ok_or_else(|| StoreError::NoCorpus { id: id.to_owned() })
        .and_then(|v| from_js(v).map_err(|detail| StoreError::Failed { detail }))?;
    let docs = tx.store(DOCUMENTS).map_err(explain)?;
    let mut bytes = Vec::with_capacity(meta.documents.len());
    for d in &meta.documents {
        let stored: StoredBytes = docs
            .get(JsValue::from_str(&doc_key(&meta.id, &d.id)))
            .await
            .map_err(explain)?
            .ok_or_else(|| StoreError::LostDocument { id: d.id.clone() })
            .and_then(|v| from_js(v).map_err(|detail| StoreError::Failed { detail }))?;
        bytes.push(stored.bytes);
    }
    Ok((meta, bytes))
}

/// Writes `meta` with new documents and without removed ones, all or nothing.
pub async fn save(meta: &CorpusMeta, added: &[(String, Vec<u8>)], removed: &[String]) -> Result<(), StoreError> {
    let db = open().await?;
    let tx = db.transaction(&[CORPORA, DOCUMENTS], TransactionMode::ReadWrite).map_err(explain)?;
    let write = async {
        let docs = tx.store(DOCUMENTS).map_err(explain)?;
        for (id, bytes) in added {
            docs.put(&to_js(&StoredBytes { key: doc_key(&meta.id, id), bytes: bytes.clone() }), None).await.map_err(explain)?;
        }
        for id in removed {
            docs.delete(JsValue::from_str(&doc_key(&meta.id, id))).await.map_err(explain)?;
        }
        tx.store(CORPORA).map_err(explain)?.put(&to_js(meta), None).await.map_err(explain)?;
        Ok::<(), StoreError>(())
    };
    match write.await {
        Ok(()) => match tx.done().await.map_err(explain)? {
            rexie::TransactionResult::Committed => Ok(()),
            _ => Err(explain("the transaction was aborted")),
        },
        Err(message) => {
            let _ = tx.abort().await;
            Err(message)
        }
    }
}

/// Deletes a corpus and its documents.
pub async fn delete(meta: &CorpusMeta) -> Result<(), StoreError> {
    let removed: Vec<String> = meta.documents.iter().map(|d| d.id.clone()).collect();
    let db = open().await?;
    let tx = db.transaction(&[CORPORA, DOCUMENTS], TransactionMode::ReadWrite).map_err(explain)?;
    let docs = tx.store(DOCUMENTS).map_err(explain)?;
    for id in &removed {
        docs.delete(JsValue::from_str(&doc_key(&meta.id, id))).await.map_err(explain)?;
    }
    tx.store(CORPORA).map_err(explain)?.delete(JsValue::from_str(&meta.id)).await.map_err(explain)?;
    tx.done().await.map_err(explain)?;
    Ok(())
}

/// Deletes every stored corpus.
pub async fn delete_all() -> Result<(), StoreError> {
    let db = open().await?;
    let tx = db.transaction(&[CORPORA, DOCUMENTS], TransactionMode::ReadWrite).map_err(explain)?;
    tx.store(DOCUMENTS).map_err(explain)?.clear().await.map_err(explain)?;
    tx.store(CORPORA).map_err(explain)?.clear().await.map_err(explain)?;
    tx.done().await.map_err(explain)?;
    Ok(())
}

/// A new corpus's record, named for its first file and the time.
pub fn new_corpus(first_file: Option<&str>) -> CorpusMeta {
    let now = js_sys::Date::new_0();
    let stamp = format!("{}-{:02}-{:02} {:02}:{:02}", now.get_full_year(), now.get_month() + 1, now.get_date(), now.get_hours(), now.get_minutes());
    let name = match first_file {
        Some(f) => format!("{} · {stamp}", f.rsplit_once('.').map_or(f, |(s, _)| s)),
        None => stamp.clone(),
    };
    CorpusMeta { id: format!("c{}", now.get_time() as u64), name, documents: Vec::<DocMeta>::new() }
}
