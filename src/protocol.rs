//! The messages between the page and the analysis worker.
//!
//! Pure data, so the chunking and reassembly are tested natively. A 10 MB
//! corpus yields tens of megabytes of results; sent as one message, the
//! page would spend over a second decoding it in a single task. Results go
//! instead as a stream of bounded chunks ([`result_messages`]), each one a
//! task of a few milliseconds on the page, and [`Assembler`] puts them back
//! together.

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Stage};
use crate::model::{DocIndex, DocumentAnalysis, Passage};
use crate::search::SearchResults;
use crate::segment::{Candidate, KeywordMethod, UserWord};

/// A file to analyze, still as raw bytes (the worker decodes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileIn {
    pub id: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
    /// The encoding the user chose, if not the detected one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// One analysis request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub files: Vec<FileIn>,
    pub min_len: usize,
    pub boilerplate: bool,
    /// Show stock phrases too.
    #[serde(default)]
    pub stock: bool,
    /// passim output: when present, its clusters are the passages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passim: Vec<FileIn>,
}

/// What to export, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportKind {
    /// The analysis as the CLI's `--json` prints it.
    Json,
    /// Every article in one file.
    Articles(crate::export::TextFormat),
    /// One file per article, in a zip.
    ArticlesZip(crate::export::TextFormat),
    PassagesCsv,
    PassimJsonl,
    /// Every witness of one story collated: the story id, and the length
    /// from which a passage links a story ([`crate::reuse::long_passage`]).
    StoryTei { story: usize, long: usize },
}

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Analyze(Job),
    /// The user's own words; the corpus is segmented again with them.
    UserWords(Vec<UserWord>),
    /// The names the reader gave sources ([`crate::masthead::GivenNames`]),
    /// kept across analyses: exports name sources by them. The page
    /// applies them itself; nothing is sent back.
    Names(crate::masthead::GivenNames),
    /// Word boundaries and keywords of one article (document, article).
    Words { doc: DocIndex, article: usize, method: KeywordMethod },
    Search(String),
    /// Cut a text into words (the dictionary is loaded first if need be).
    Segment(String),
    /// The result is on screen: load the dictionary and index the words.
    IndexWords,
    Export(ExportKind),
    /// The page shows the analysis precomputed at this URL (JSON Lines of
    /// [`Update`]s, [`parse_precomputed`]): hold it for words, search and
    /// exports instead of analyzing. Nothing of it is sent back; the page
    /// read it itself, before this worker even started.
    Precomputed(String),
    /// Sort files the user handed over ([`crate::intake::take_in`]): zips
    /// opened, binaries refused, passim told from pages, ids made unique
    /// among themselves and against `taken` (the ids of the corpus they join).
    TakeIn { files: Vec<FileIn>, taken: Vec<String> },
}

/// A file the intake kept; its bytes travel beside [`Update::TakenIn`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// Unique in the corpus it joins.
    pub id: String,
    /// passim output rather than a page.
    pub passim: bool,
}

/// One article's words, for the word view and the header's keywords.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleWords {
    pub doc: DocIndex,
    pub article: usize,
    pub method: KeywordMethod,
    /// Per paragraph, where each word ends (characters of its text).
    pub ends: Vec<Vec<u32>>,
    pub keywords: Vec<(String, f64)>,
}

/// A document as the page receives it: the analysis, the decoded text all
/// its offsets count in, and per article the share found elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOut {
    pub doc: DocumentAnalysis,
    pub text: String,
    pub shares: Vec<f64>,
}

/// Why the worker could not do what the page asked; it still runs. Data,
/// so the page says it in the reader's language (`Display` is English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// A file of the site could not be fetched (`detail`: the HTTP status
    /// or the network's reason).
    #[error("cannot load {url}: {detail}")]
    Load { url: String, detail: String },
    #[error("{url} is not UTF-8 text")]
    NotUtf8 { url: String },
    #[error("the precomputed analysis is damaged at line {line}: {detail}")]
    PrecomputedDamaged { line: usize, detail: String },
    #[error("the precomputed analysis is incomplete")]
    PrecomputedIncomplete,
    /// The word dictionary did not unpack or parse.
    #[error("the word dictionary is damaged: {detail}")]
    Dictionary { detail: String },
    #[error("no such story")]
    NoSuchStory,
    #[error("the export could not be made: {detail}")]
    Export { detail: String },
    /// A message the worker could not read (a page and worker of two versions).
    #[error("the worker cannot read the page's message: {detail}")]
    Message { detail: String },
    /// The worker could not be started.
    #[error("the analysis worker cannot start: {detail}")]
    WorkerStart { detail: String },
    /// The corpus manifest of the site is not valid.
    #[error("the corpus manifest is not valid: {detail}")]
    Manifest { detail: String },
    /// Words and search need the whole corpus in the worker, and a
    /// published corpus of this many documents is read a document at a time.
    #[error("this published corpus is too large ({documents} documents) for the word view and keywords in the browser (search goes through its index)")]
    TooLargeForWords { documents: usize },
    /// A published corpus's catalog or fragment could not be read.
    #[error("the published corpus is damaged: {detail}")]
    Published { detail: String },
}

/// What the worker tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Update {
    /// The worker's wasm is running; requests sent before this are queued.
    Ready,
    Progress(Stage),
    /// The next documents of the result, in corpus order.
    Documents(Vec<DocumentOut>),
    /// The next passages of the result, in id order.
    Passages(Vec<Passage>),
    /// The result is complete.
    Done,
    /// The request could not be carried out (the worker still runs).
    Failed(Failure),
    /// Segmenting the corpus into words: (documents done, total).
    Segmenting(usize, usize),
    /// Every article is segmented and indexed (again, after new user
    /// words): words, keywords and search are answered from now on.
    WordsReady { candidates: Vec<Candidate> },
    /// Words are unavailable (the dictionary did not load); reading and
    /// shared passages still work.
    WordsFailed(Failure),
    Words(ArticleWords),
    Found(SearchResults),
    /// The words of a [`Request::Segment`] text, and what it cost: building
    /// the segmenter (0 when it was ready) and cutting, in milliseconds.
    Segmented { words: Vec<String>, init_ms: f64, cut_ms: f64 },
    /// An export is ready; its bytes travel beside this update, untouched.
    Exported { name: String, mime: String },
    /// The intake of a [`Request::TakeIn`]: the files kept (their bytes
    /// beside this update, in this order), and each refused with why.
    TakenIn { kept: Vec<Kept>, rejected: Vec<(String, crate::intake::Refusal)> },
}

/// Roughly how many characters of text one chunk carries. Each character
/// crosses about twice (raw text and reflowed paragraphs), so a chunk costs
/// the page a few milliseconds to take in.
pub const CHUNK_CHARS: usize = 80_000;

/// The messages that carry a finished analysis, in bounded chunks.
pub fn result_messages(analysis: Analysis, texts: Vec<String>, shares: Vec<Vec<f64>>) -> impl Iterator<Item = Update> {
    let Analysis { documents, passages } = analysis;
    let mut docs = documents.into_iter().zip(texts).zip(shares.into_iter().chain(std::iter::repeat_with(Vec::new)));
    let doc_chunks = std::iter::from_fn(move || {
        let mut chunk = Vec::new();
        let mut size = 0;
        while size < CHUNK_CHARS {
            let Some(((doc, text), shares)) = docs.next() else { break };
            size += doc.chars.max(1);
            chunk.push(DocumentOut { doc, text, shares });
        }
        (!chunk.is_empty()).then_some(Update::Documents(chunk))
    });
    let mut passages = passages.into_iter().peekable();
    let passage_chunks = std::iter::from_fn(move || {
        let mut chunk = Vec::new();
        let mut size = 0;
        while size < CHUNK_CHARS {
            let Some(p) = passages.next() else { break };
            size += p.members.iter().map(|m| m.end - m.begin).sum::<usize>().max(1);
            chunk.push(p);
        }
        (!chunk.is_empty()).then_some(Update::Passages(chunk))
    });
    doc_chunks.chain(passage_chunks).chain(std::iter::once(Update::Done))
}

/// One update from its JSON. Every decoder of updates calls this one
/// function (the page's for the worker's messages, [`parse_precomputed`]):
/// in a release build each crate that instantiates serde's generic decoder
/// gets its own copy, and two copies cost the page's wasm 160 KB.
pub fn update_from_json(bytes: &[u8]) -> Result<Update, serde_json::Error> {
    serde_json::from_slice(bytes)
}

/// Reads an analysis `tongwen build-site` precomputed (JSON Lines of
/// [`Update`]s, the messages [`result_messages`] makes) back into those
/// messages. The page reads it to show it at once; the worker reads it to
/// answer words, search and exports about it. A file cut short (no final
/// [`Update::Done`]) is refused, never shown in part.
pub fn parse_precomputed(bytes: &[u8], url: &str) -> Result<Vec<Update>, Failure> {
    let text = std::str::from_utf8(bytes).map_err(|_| Failure::NotUtf8 { url: url.to_owned() })?;
    let mut updates = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        updates.push(update_from_json(line.as_bytes()).map_err(|e| Failure::PrecomputedDamaged { line: n + 1, detail: e.to_string() })?);
    }
    if updates.last() != Some(&Update::Done) {
        return Err(Failure::PrecomputedIncomplete);
    }
    Ok(updates)
}

/// Collects a streamed result on the page, turning each document into the
/// page's own type `D` as it arrives, so no single step converts them all.
#[derive(Debug)]
pub struct Assembler<D = DocumentOut> {
    pub documents: Vec<D>,
    pub passages: Vec<Passage>,
}

impl<D> Default for Assembler<D> {
    fn default() -> Self {
        Assembler { documents: Vec::new(), passages: Vec::new() }
    }
}

impl<D> Assembler<D> {
    /// Takes in one chunk; `true` when the update was part of a result.
    pub fn take(&mut self, update: &mut Update, convert: impl FnMut(DocumentOut) -> D) -> bool {
        match update {
            Update::Documents(docs) => self.documents.extend(docs.drain(..).map(convert)),
            Update::Passages(passages) => self.passages.append(passages),
            _ => return false,
        }
        true
    }

    /// The whole result, leaving the assembler empty for the next one.
    pub fn finish(&mut self) -> (Vec<D>, Vec<Passage>) {
        (std::mem::take(&mut self.documents), std::mem::take(&mut self.passages))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_corpus_is_just_done() {
        let messages: Vec<Update> = result_messages(Analysis::default(), vec![], vec![]).collect();
        assert_eq!(messages, vec![Update::Done]);
    }
}
