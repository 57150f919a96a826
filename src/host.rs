//! The analysis worker's logic, without its IO ("sans-IO").
//!
//! The Web Worker is a thin shell: it decodes a [`Request`] from
//! `postMessage`, calls [`Host::handle`], and carries out what comes back:
//! an [`Outgoing::Update`] is posted to the page, an [`Outgoing::WithBytes`]
//! is posted with its bytes beside it, and an [`Outgoing::Fetch`] is
//! fetched, its bytes handed back through [`Host::fetched`]. Everything
//! that decides (what waits for the dictionary, when the corpus is indexed,
//! which late answer is stale) is here, and tested natively.
//!
//! Outgoing messages go to a sink as they are made, not returned at the
//! end: an analysis reports progress while it runs, and the page must see
//! those reports while the worker is still busy.

use crate::analysis::{analyze_with_passim, texts_from_chars, Analysis, Lazy, Stage};
use crate::model::{DocumentAnalysis, Passage};
use crate::protocol::{parse_precomputed, result_messages, ArticleWords, ExportKind, Failure, Job, Kept, Request, Update};
use crate::reuse::Settings;
use crate::search::CorpusIndex;
use crate::segment::{gunzip_text, Idf, Segmenter, UserWord, MIN_ARTICLES_FOR_CORPUS_IDF};

/// A file the host needs from the site; the shell fetches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    /// jieba's dictionary, gzipped ([`crate::segment::gunzip_text`]).
    Dictionary,
    /// jieba's IDF table, gzipped; only for corpora too small for their own.
    Idf,
    /// An analysis `tongwen build-site` precomputed: JSON Lines of
    /// [`Update`]s. `generation` tells a late answer from a current one.
    Precomputed { url: String, generation: u64 },
}

/// What the host asks the shell to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Outgoing {
    /// Post this to the page.
    Update(Update),
    /// Post an update with files beside it, not inside its JSON: an
    /// export ([`Update::Exported`], one file) or an intake
    /// ([`Update::TakenIn`], the kept files in order).
    WithBytes { update: Update, bytes: Vec<Vec<u8>> },
    /// Fetch this, and give the result to [`Host::fetched`].
    Fetch(Resource),
    /// Read these PDFs, as (id, bytes), with the page's PDF reader, and
    /// give what it made of each to [`Host::pdfs_read`].
    ReadPdfs(Vec<(String, Vec<u8>)>),
}

/// What the shell's PDF reader made of one PDF: the positioned text as
/// JSON ([`crate::positioned::PositionedDocument`]), or why not:
/// `encrypted`, or `damaged: …`.
pub type PdfRead = Result<String, String>;

/// What the worker keeps between requests.
pub struct Host {
    /// The last analysis's documents, which words and search refer to.
    docs: Vec<DocumentAnalysis>,
    /// And its passages, for exports.
    passages: Vec<Passage>,
    /// What the engine named each of `docs`; they show the reader's names.
    found_names: Vec<String>,
    given_names: crate::masthead::GivenNames,
    user_words: Vec<UserWord>,
    /// jieba's dictionary text, once fetched (kept to rebuild the segmenter
    /// when the user removes a word, which jieba cannot undo).
    dict: Option<String>,
    /// jieba's IDF table, fetched only for corpora too small for their own.
    idf: Option<Idf>,
    /// The IDF table could not be fetched: index without it.
    idf_unavailable: bool,
    segmenter: Option<Segmenter>,
    index: Option<CorpusIndex>,
    /// Fetches in flight, so a second request waits for the first.
    fetching_dict: bool,
    fetching_idf: bool,
    /// The page asked for words since the last analysis.
    wants_index: bool,
    /// Texts to cut once the dictionary is here.
    waiting_cuts: Vec<String>,
    /// Counts analyses and precomputed loads: only the newest may land.
    generation: u64,
    /// A precomputed analysis is on its way: what asks about the corpus
    /// (exports, words, search) waits here for it, in order.
    loading: Option<Vec<Request>>,
    /// An intake whose PDFs the shell is reading ([`Outgoing::ReadPdfs`]).
    reading_pdfs: Option<crate::intake::Intake>,
    /// Milliseconds on the worker's clock (timings reported to the page).
    clock: fn() -> f64,
}

impl Host {
    pub fn new(clock: fn() -> f64) -> Self {
        Host {
            docs: Vec::new(),
            passages: Vec::new(),
            found_names: Vec::new(),
            given_names: Default::default(),
            user_words: Vec::new(),
            dict: None,
            idf: None,
            idf_unavailable: false,
            segmenter: None,
            index: None,
            fetching_dict: false,
            fetching_idf: false,
            wants_index: false,
            waiting_cuts: Vec::new(),
            generation: 0,
            loading: None,
            reading_pdfs: None,
            clock,
        }
    }

    /// What the shell's PDF reader made of the PDFs of the intake waiting
    /// ([`Outgoing::ReadPdfs`]): each read one joins it, each other is
    /// refused with why (a PDF with no text needs OCR); then the intake is
    /// answered.
    pub fn pdfs_read(&mut self, read: Vec<(String, PdfRead)>, out: &mut dyn FnMut(Outgoing)) {
        let Some(mut intake) = self.reading_pdfs.take() else { return };
        for (id, result) in read {
            match pdf_from_reader(result) {
                Ok(doc) => intake.positioned.push((id, doc)),
                Err(why) => intake.rejected.push((id, why)),
            }
        }
        out(taken_in(intake));
    }

    /// Answers one request from the page.
    pub fn handle(&mut self, request: Request, out: &mut dyn FnMut(Outgoing)) {
        if let (Some(waiting), Request::Export(_) | Request::Words { .. } | Request::Search(_)) = (&mut self.loading, &request) {
            waiting.push(request);
            return;
        }
        match request {
            // Words wait for the page's `IndexWords`, sent once the result
            // is painted: fetching and parsing the dictionary would compete
            // with it.
            Request::Analyze(job) => self.analyze(job, out),
            Request::Names(names) => {
                self.given_names = names;
                self.show_given_names();
            }
            Request::IndexWords => {
                self.wants_index = true;
                self.index_words(out);
            }
            Request::UserWords(words) => {
                self.user_words = words;
                self.segmenter = None;
                self.index = None;
                self.wants_index = true;
                self.index_words(out);
            }
            Request::Words { doc, article, method } => {
                if let (Some(seg), Some(index)) = (&self.segmenter, &self.index) {
                    if let Some(ends) = index.words(doc, article) {
                        let keywords = index.keywords(doc, article, method, seg, &self.docs);
                        out(Outgoing::Update(Update::Words(ArticleWords { doc, article, method, ends, keywords })));
                    }
                }
            }
            Request::Segment(text) => {
                if self.dict.is_some() {
                    self.cut(text, out);
                } else {
                    self.waiting_cuts.push(text);
                    self.fetch_dictionary(out);
                }
            }
            Request::Export(kind) => match export(kind, &self.docs, &self.passages) {
                Ok((name, mime, bytes)) => out(Outgoing::WithBytes { update: Update::Exported { name, mime: mime.to_owned() }, bytes: vec![bytes] }),
                Err(message) => out(Outgoing::Update(Update::Failed(message))),
            },
            Request::TakeIn { files, taken } => {
                let mut intake = crate::intake::take_in_joining(files.into_iter().map(|f| (f.id, f.bytes)).collect(), taken.iter().map(String::as_str));
                if intake.pdfs.is_empty() {
                    out(taken_in(intake));
                } else {
                    // The PDFs go to the shell's reader; the intake waits.
                    let pdfs = std::mem::take(&mut intake.pdfs);
                    self.reading_pdfs = Some(intake);
                    out(Outgoing::ReadPdfs(pdfs));
                }
            }
            Request::Precomputed(url) => {
                self.generation += 1;
                self.loading.get_or_insert_with(Vec::new);
                out(Outgoing::Fetch(Resource::Precomputed { url, generation: self.generation }));
            }
            Request::Search(query) => {
                let t0 = (self.clock)();
                if let (Some(seg), Some(index)) = (&self.segmenter, &self.index) {
                    let mut found = index.search(&query, seg);
                    found.elapsed_ms = (self.clock)() - t0;
                    out(Outgoing::Update(Update::Found(found)));
                }
            }
        }
    }

    /// Takes in what a [`Outgoing::Fetch`] brought back.
    pub fn fetched(&mut self, resource: Resource, got: Result<Vec<u8>, Failure>, out: &mut dyn FnMut(Outgoing)) {
        match resource {
            Resource::Dictionary => {
                self.fetching_dict = false;
                match got.and_then(|bytes| gunzip_text(&bytes).map_err(|detail| Failure::Dictionary { detail })) {
                    Ok(dict) => {
                        self.dict = Some(dict);
                        for text in std::mem::take(&mut self.waiting_cuts) {
                            self.cut(text, out);
                        }
                        self.index_words(out);
                    }
                    Err(message) => {
                        // Everything that waited hears why; a later request
                        // tries again.
                        for _ in std::mem::take(&mut self.waiting_cuts) {
                            out(Outgoing::Update(Update::WordsFailed(message.clone())));
                        }
                        if std::mem::take(&mut self.wants_index) {
                            out(Outgoing::Update(Update::WordsFailed(message)));
                        }
                    }
                }
            }
            Resource::Idf => {
                self.fetching_idf = false;
                match got.ok().and_then(|bytes| gunzip_text(&bytes).ok()) {
                    Some(table) => self.idf = Some(Idf::from_jieba_table(&table)),
                    // Keywords then weigh words by the corpus alone.
                    None => self.idf_unavailable = true,
                }
                self.index_words(out);
            }
            Resource::Precomputed { url, generation } => {
                if generation != self.generation {
                    return; // a newer analysis or load came first
                }
                match got.and_then(|bytes| parse_precomputed(&bytes, &url)) {
                    Ok(updates) => self.hold_precomputed(updates, out),
                    Err(message) => out(Outgoing::Update(Update::Failed(message))),
                }
                self.answer_waiting(out);
            }
        }
    }

    /// Answers what waited for a precomputed load, now that it landed, failed
    /// or was replaced by an analysis.
    fn answer_waiting(&mut self, out: &mut dyn FnMut(Outgoing)) {
        for request in self.loading.take().unwrap_or_default() {
            self.handle(request, out);
        }
    }

    fn fetch_dictionary(&mut self, out: &mut dyn FnMut(Outgoing)) {
        if self.dict.is_none() && !self.fetching_dict {
            self.fetching_dict = true;
            out(Outgoing::Fetch(Resource::Dictionary));
        }
    }

    /// Segments and indexes the corpus once the page wants words, first
    /// fetching what that needs; the page has its analysis already, so
    /// nothing it shows waits for this.
    fn index_words(&mut self, out: &mut dyn FnMut(Outgoing)) {
        if !self.wants_index || self.index.is_some() || self.docs.is_empty() {
            return;
        }
        let articles: usize = self.docs.iter().map(|d| d.articles.len()).sum();
        let needs_idf = articles < MIN_ARTICLES_FOR_CORPUS_IDF && self.idf.is_none() && !self.idf_unavailable;
        if needs_idf && !self.fetching_idf {
            self.fetching_idf = true;
            out(Outgoing::Fetch(Resource::Idf));
        }
        self.fetch_dictionary(out);
        if self.fetching_dict || self.fetching_idf {
            return; // the fetch in flight indexes when it lands
        }
        if self.dict.is_none() {
            return;
        }
        if let Err(failure) = self.ensure_segmenter() {
            return out(Outgoing::Update(Update::WordsFailed(failure)));
        }
        let seg = self.segmenter.as_ref().expect("just built");
        let mut last = usize::MAX;
        let index = CorpusIndex::build(&self.docs, seg, self.idf.as_ref(), &mut |done, total| {
            let percent = done * 100 / total.max(1);
            if percent != last {
                last = percent;
                out(Outgoing::Update(Update::Segmenting(done, total)));
            }
        });
        let candidates = index.candidates.clone();
        self.index = Some(index);
        out(Outgoing::Update(Update::WordsReady { candidates }));
    }

    /// The segmenter for the dictionary and the user's words, built the
    /// first time it is needed after either changed.
    fn ensure_segmenter(&mut self) -> Result<(), Failure> {
        if self.segmenter.is_none() {
            let seg = Segmenter::new(self.dict.as_deref().unwrap_or_default(), &self.user_words).map_err(|detail| Failure::Dictionary { detail })?;
            self.segmenter = Some(seg);
        }
        Ok(())
    }

    /// Cuts a text into words (the dictionary is here).
    fn cut(&mut self, text: String, out: &mut dyn FnMut(Outgoing)) {
        let t0 = (self.clock)();
        if let Err(failure) = self.ensure_segmenter() {
            return out(Outgoing::Update(Update::WordsFailed(failure)));
        }
        let t1 = (self.clock)();
        let seg = self.segmenter.as_ref().expect("just built");
        let words = seg.cut(&text).into_iter().map(str::to_owned).collect();
        let t2 = (self.clock)();
        out(Outgoing::Update(Update::Segmented { words, init_ms: t1 - t0, cut_ms: t2 - t1 }));
    }

    fn analyze(&mut self, job: Job, out: &mut dyn FnMut(Outgoing)) {
        self.generation += 1;
        let settings = Settings { min_len: job.min_len, boilerplate: job.boilerplate, stock: job.stock };
        let mut last_percent = usize::MAX;
        // passim output, when given, replaces finding passages here.
        let passim = job.passim.iter().map(|f| (f.id.as_str(), f.bytes.as_slice()));
        let inputs = job.files.iter().map(|f| {
            let lazy = match &f.encoding {
                Some(label) => Lazy::BytesAs(&f.bytes, label),
                None => Lazy::Bytes(&f.bytes),
            };
            (f.id.as_str(), lazy)
        });
        // Stock phrases by part of speech when the dictionary is here
        // already (it is fetched for words and search, never for this alone).
        let segmenter = self.segmenter.as_ref();
        let names = |text: &str| segmenter.is_some_and(|s| s.is_only_names(text));
        let (analysis, chars) = analyze_with_passim(inputs, job.files.len(), passim, settings, segmenter.is_some().then_some(&names as _), &mut |stage| {
            // At most one report per percent, however many files.
            let percent = match stage {
                Stage::Reflow(done, total) => done * 100 / total.max(1),
                Stage::Passages => 100,
            };
            if percent != last_percent {
                last_percent = percent;
                out(Outgoing::Update(Update::Progress(stage)));
            }
        });
        drop(job);
        self.docs = analysis.documents.clone();
        self.passages = analysis.passages.clone();
        self.found_names = self.docs.iter().map(|d| d.name.clone()).collect();
        self.show_given_names();
        self.index = None;
        self.wants_index = false;
        let shares = crate::view::shared_shares(&analysis.documents, &analysis.passages);
        for message in result_messages(analysis, texts_from_chars(chars), shares) {
            out(Outgoing::Update(message));
        }
        // A precomputed load this analysis replaced will never land (its
        // generation is stale): what waited for it is answered now.
        self.answer_waiting(out);
    }

    /// Keeps a precomputed analysis the page already shows: its documents
    /// for words and search, its passages for exports. Words the page asked
    /// for while it was on its way are indexed now.
    fn hold_precomputed(&mut self, updates: Vec<Update>, out: &mut dyn FnMut(Outgoing)) {
        self.docs.clear();
        self.passages.clear();
        self.index = None;
        for update in updates {
            match update {
                Update::Documents(d) => self.docs.extend(d.into_iter().map(|d| d.doc)),
                Update::Passages(mut p) => self.passages.append(&mut p),
                _ => {}
            }
        }
        self.found_names = self.docs.iter().map(|d| d.name.clone()).collect();
        self.show_given_names();
        self.index_words(out);
    }

    /// Names the held documents as their reader did (the page, sent the
    /// engine's names, does the same on its side).
    fn show_given_names(&mut self) {
        for (doc, found) in self.docs.iter_mut().zip(&self.found_names) {
            doc.name = crate::masthead::shown_name(&doc.id, found, &self.given_names).to_owned();
        }
    }
}

/// A PDF as the shell's reader gave it, or why it cannot be used.
fn pdf_from_reader(result: PdfRead) -> Result<crate::positioned::PositionedDocument, crate::intake::Refusal> {
    use crate::intake::Refusal;
    let json = result.map_err(|why| if why == "encrypted" { Refusal::Encrypted } else { Refusal::PdfDamaged { detail: why.strip_prefix("damaged: ").unwrap_or(&why).to_owned() } })?;
    let doc: crate::positioned::PositionedDocument = serde_json::from_str(&json).map_err(|e| Refusal::PdfDamaged { detail: format!("the reader's text did not parse: {e}") })?;
    if doc.has_text() {
        Ok(doc)
    } else {
        Err(Refusal::PdfWithoutText { pages: doc.pages.len() })
    }
}

/// What the user handed over, sorted and its PDFs read: the files kept,
/// with their bytes (a PDF's are its positioned text, so it is read once),
/// and each file refused with why.
fn taken_in(intake: crate::intake::Intake) -> Outgoing {
    let pdfs = intake.positioned.into_iter().map(|(id, doc)| (id, doc.to_stored()));
    let (kept, bytes) = intake
        .documents
        .into_iter()
        .chain(pdfs)
        .map(|d| (false, d))
        .chain(intake.passim.into_iter().map(|d| (true, d)))
        .map(|(passim, (id, bytes))| (Kept { id, passim }, bytes))
        .unzip();
    Outgoing::WithBytes { update: Update::TakenIn { kept, rejected: intake.rejected }, bytes }
}

/// Makes an export: (file name, MIME type, bytes).
fn export(kind: ExportKind, docs: &[DocumentAnalysis], passages: &[Passage]) -> Result<(String, &'static str, Vec<u8>), Failure> {
    let failed = |detail: String| Failure::Export { detail };
    use crate::export::*;
    let analysis = Analysis { documents: docs.to_vec(), passages: passages.to_vec() };
    Ok(match kind {
        ExportKind::Json => ("tongwen-analysis.json".into(), "application/json", analysis_json(&analysis).into_bytes()),
        ExportKind::Articles(f) => (format!("tongwen-articles.{}", f.extension()), "text/plain;charset=utf-8", articles_file(docs, f).into_bytes()),
        ExportKind::ArticlesZip(f) => (format!("tongwen-articles-{}.zip", f.extension()), "application/zip", articles_zip(docs, f).map_err(failed)?),
        ExportKind::PassagesCsv => ("tongwen-passages.csv".into(), "text/csv;charset=utf-8", passages_csv(docs, passages).map_err(failed)?.into_bytes()),
        ExportKind::PassimJsonl => {
            ("tongwen-passim.jsonl".into(), "application/jsonl", crate::passim::to_jsonl(&crate::passim::to_records(passages, docs)).into_bytes())
        }
        ExportKind::StoryTei { story, long } => {
            if !passages.iter().any(|p| p.story == story) {
                return Err(Failure::NoSuchStory);
            }
            (format!("tongwen-story-{story}.tei.xml"), "application/tei+xml", story_tei(passages, story, long, docs).into_bytes())
        }
    })
}
