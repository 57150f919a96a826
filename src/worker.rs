//! The Web Worker that runs the engine, so the page never waits on it.
//!
//! Messages cross `postMessage` as plain JS values (`serde-wasm-bindgen`,
//! file bytes as `Uint8Array`): bincode, gloo-worker's default, cannot
//! carry the model's optional fields, and JSON would quadruple the bytes.

use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::analysis::{analyze_corpus_with, Analysis, Stage};
use crate::reuse::Settings;

/// Where the app finds the worker's loader, relative to `index.html`.
pub const LOADER: &str = "worker-loader.js";

pub struct JsCodec;

impl Codec for JsCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        input.serialize(&ser).unwrap_or(JsValue::NULL)
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        // Both ends are this crate's own types; a mismatch is a bug.
        serde_wasm_bindgen::from_value(input).expect("worker message of the expected shape")
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileIn {
    pub id: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// One analysis request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub files: Vec<FileIn>,
    pub min_len: usize,
    pub boilerplate: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Update {
    Progress(Stage),
    /// The analysis, the decoded texts, and per document, per article the
    /// share of text found elsewhere (computed here, off the UI thread).
    Done { analysis: Analysis, texts: Vec<String>, shares: Vec<Vec<f64>> },
}

pub struct AnalysisWorker;

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Job;
    type Output = Update;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        AnalysisWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, job: Job, id: HandlerId) {
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
                scope.respond(id, Update::Progress(stage));
            }
        });
        let shares = crate::view::shared_shares(&analysis.documents, &analysis.passages);
        scope.respond(id, Update::Done { analysis, texts, shares });
    }
}

/// The worker binary's entry point.
pub fn register() {
    use gloo_worker::Registrable;
    console_error_panic_hook::set_once();
    AnalysisWorker::registrar().encoding::<JsCodec>().register();
}
