//! The one entry point both front ends call: documents in, analysis out.

use serde::{Deserialize, Serialize};

use crate::decode::{decode, Decoded};
use crate::model::{DocumentAnalysis, Passage, Warning};
use crate::reflow;
use crate::reuse;

/// The result of analyzing a corpus; this is the CLI's `--json` schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub documents: Vec<DocumentAnalysis>,
    /// Shared passages across the corpus, as clusters of witnesses.
    #[serde(default)]
    pub passages: Vec<Passage>,
}

/// Analyses one document given as raw bytes.
pub fn analyze_document(id: &str, bytes: &[u8]) -> DocumentAnalysis {
    analyze_decoded(id, decode(bytes))
}

/// Analyses one document that is already decoded.
pub fn analyze_decoded(id: &str, decoded: Decoded) -> DocumentAnalysis {
    analyze_keeping_chars(id, decoded).0
}

/// Analyses a PDF's positioned text: read by layout, its text is its
/// lines in reading order ([`crate::positioned`]).
pub fn analyze_positioned(id: &str, positioned: &crate::positioned::PositionedDocument) -> (DocumentAnalysis, Vec<char>) {
    let crate::positioned::LaidOut { text, chars, reflowed } = crate::positioned::read(id, positioned);
    let mut doc = DocumentAnalysis {
        id: id.to_owned(),
        chars: chars.len(),
        encoding: "PDF".to_owned(),
        source: Some(crate::model::SourceFormat::Pdf),
        pages: Some(positioned.pages.len()),
        articles: reflowed.articles,
        other: reflowed.other,
        markup: reflowed.markup,
        ..Default::default()
    };
    let unmapped = chars.iter().filter(|&&c| c == char::REPLACEMENT_CHARACTER).count();
    if unmapped > 0 {
        doc.warnings.push(Warning::PdfUnmapped { glyphs: unmapped });
    }
    crate::masthead::name_source(&mut doc, &text);
    (doc, chars)
}

/// Analyses one decoded document and hands its characters back (the
/// reuse engine works on them; the text itself is not kept twice).
fn analyze_keeping_chars(id: &str, decoded: Decoded) -> (DocumentAnalysis, Vec<char>) {
    let Decoded { text, encoding, warnings } = decoded;
    // Sized exactly: collected, it would hold up to twice its length.
    let mut chars: Vec<char> = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    let mut doc = DocumentAnalysis { id: id.to_owned(), chars: chars.len(), encoding: encoding.to_owned(), warnings, ..Default::default() };
    if text.is_empty() {
        doc.warnings.push(Warning::Empty);
    } else if text.trim().is_empty() {
        doc.warnings.push(Warning::OnlyWhitespace);
    }
    reflow::reflow_decoded_into(&mut doc, &text, &chars);
    crate::masthead::name_source(&mut doc, &text);
    (doc, chars)
}

/// Each document's characters made text again, one document at a time so
/// that both forms of the whole corpus are never held at once.
pub fn texts_from_chars(chars: Vec<Vec<char>>) -> Vec<String> {
    chars.into_iter().map(|c| c.into_iter().collect()).collect()
}

/// Analyses a corpus of `(id, bytes)` pairs with default settings.
pub fn analyze_documents<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Analysis {
    analyze_corpus(inputs, reuse::Settings::default())
}

/// Analyses a corpus: reflow every document, then find shared passages.
pub fn analyze_corpus<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>, settings: reuse::Settings) -> Analysis {
    analyze_corpus_with(inputs, settings, &mut |_| ()).0
}

/// A stage of the analysis, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Decoding and reflowing documents: (done, total).
    Reflow(usize, usize),
    /// Finding shared passages across the corpus.
    Passages,
}

/// Like [`analyze_corpus`], reporting progress, and also returning the
/// decoded text of every document (which all offsets refer to).
pub fn analyze_corpus_with<'a>(
    inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    settings: reuse::Settings,
    progress: &mut dyn FnMut(Stage),
) -> (Analysis, Vec<String>) {
    let inputs: Vec<(&str, &[u8])> = inputs.into_iter().collect();
    let total = inputs.len();
    let (analysis, chars) = analyze_sources(inputs.into_iter().map(|(id, bytes)| (id, Lazy::Bytes(bytes))), total, Passages::Find(settings, None), progress);
    (analysis, texts_from_chars(chars))
}

/// passim records from passim output files, with a problem line for each
/// file that does not parse.
pub fn passim_records<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> (Vec<crate::passim::Record>, Vec<Warning>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        match crate::passim::parse_jsonl(&decode(bytes).text) {
            Ok(r) => records.extend(r),
            Err(e) => problems.push(Warning::PassimUnreadable { file: name.to_string(), detail: e.to_string() }),
        }
    }
    (records, problems)
}

/// Analyses what [`crate::intake::take_in`] sorted: its pages, with the
/// passages of its passim files when it has any (else found here). The CLI
/// and `build-site` call this; the worker does the same with stored files.
/// Takes the intake by value: each file's bytes are dropped once decoded,
/// and the characters of every document come back (offsets refer to them).
pub fn analyze_intake(
    intake: crate::intake::Intake,
    settings: reuse::Settings,
    names: Option<reuse::stock::NamesOnly>,
    progress: &mut dyn FnMut(Stage),
) -> (Analysis, Vec<Vec<char>>) {
    debug_assert!(intake.pdfs.is_empty(), "PDFs are read or refused before analysis");
    let total = intake.documents.len() + intake.positioned.len();
    let inputs = pages(intake.documents, intake.positioned);
    let passim = intake.passim.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
    analyze_with_passim(inputs, total, passim, settings, names, progress)
}

/// An intake's pages as they are analysed, in order: its text files, then
/// its PDFs read into positioned text.
pub fn pages<'a>(documents: Vec<(String, Vec<u8>)>, positioned: Vec<(String, crate::positioned::PositionedDocument)>) -> impl Iterator<Item = (String, Lazy<'a>)> {
    documents.into_iter().map(|(id, b)| (id, Lazy::Owned(b))).chain(positioned.into_iter().map(|(id, p)| (id, Lazy::Positioned(p))))
}

/// Analyses `total` pages; passim files, if any, supply the passages
/// (else they are found with `settings`). A passim file that does not parse
/// becomes a warning on the first document. The worker and
/// [`analyze_intake`] both come here.
pub fn analyze_with_passim<'a, I: AsRef<str> + Send>(
    inputs: impl IntoIterator<Item = (I, Lazy<'a>)>,
    total: usize,
    passim: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    settings: reuse::Settings,
    names: Option<reuse::stock::NamesOnly<'a>>,
    progress: &mut dyn FnMut(Stage),
) -> (Analysis, Vec<Vec<char>>) {
    let passim: Vec<(&str, &[u8])> = passim.into_iter().collect();
    let (records, problems) = passim_records(passim.iter().copied());
    let passages = if passim.is_empty() { Passages::Find(settings, names) } else { Passages::Passim(&records) };
    let (mut analysis, chars) = analyze_sources(inputs, total, passages, progress);
    if let Some(first) = analysis.documents.first_mut() {
        first.warnings.extend(problems);
    }
    (analysis, chars)
}

/// A document's text, decoded when its turn comes (so a large corpus is
/// never held decoded twice).
pub enum Lazy<'a> {
    Bytes(&'a [u8]),
    /// Bytes handed over, freed as soon as they are decoded.
    Owned(Vec<u8>),
    /// Bytes in an encoding the user chose (a WHATWG label).
    BytesAs(&'a [u8], &'a str),
    /// A PDF's text, read by its extractor.
    Positioned(crate::positioned::PositionedDocument),
}

impl Lazy<'_> {
    /// Analyses the document this stands for, decoding its bytes or laying
    /// out its positioned text; hands its characters back.
    pub fn analyze(self, id: &str) -> (DocumentAnalysis, Vec<char>) {
        // A PDF the page read once is kept as its positioned text.
        let stored = match &self {
            Lazy::Bytes(b) | Lazy::BytesAs(b, _) => crate::positioned::PositionedDocument::from_stored(b),
            Lazy::Owned(b) => crate::positioned::PositionedDocument::from_stored(b),
            Lazy::Positioned(_) => None,
        };
        if let Some(positioned) = stored {
            return analyze_positioned(id, &positioned);
        }
        let decoded = match self {
            Lazy::Positioned(positioned) => return analyze_positioned(id, &positioned),
            Lazy::Bytes(b) => decode(b),
            Lazy::Owned(b) => decode(&b),
            Lazy::BytesAs(b, label) => match crate::decode::encoding_for_label(label) {
                Some(enc) => {
                    // A BOM still wins: it cannot be wrong about its own file.
                    let body = encoding_rs::Encoding::for_bom(b).map_or(b, |(_, n)| &b[n..]);
                    crate::decode::decode_as(body, enc)
                }
                None => {
                    let mut d = decode(b);
                    d.warnings.push(Warning::UnknownEncoding { label: label.to_string(), detected: d.encoding.to_owned() });
                    d
                }
            },
        };
        analyze_keeping_chars(id, decoded)
    }
}

/// Where a corpus's shared passages come from.
pub enum Passages<'a> {
    /// Found here, with these settings (and a part-of-speech test for
    /// stock phrases when there is a dictionary).
    Find(reuse::Settings, Option<reuse::stock::NamesOnly<'a>>),
    /// Taken from passim's output.
    Passim(&'a [crate::passim::Record]),
}

/// Analyses `total` documents. With passim records, their clusters are the
/// passages (records that do not fit become warnings on the first document).
/// Returns each document's characters, which every offset refers to.
pub fn analyze_sources<'a, I: AsRef<str> + Send>(
    inputs: impl IntoIterator<Item = (I, Lazy<'a>)>,
    total: usize,
    passages: Passages,
    progress: &mut dyn FnMut(Stage),
) -> (Analysis, Vec<Vec<char>>) {
    let mut documents = Vec::with_capacity(total);
    let mut chars: Vec<Vec<char>> = Vec::with_capacity(total);
    // Pages are reflowed a batch at a time, each batch on every core (one
    // page at a time without the `parallel` feature): a batch's bytes are
    // freed as it is decoded, and progress is told between batches, in
    // steps of at most half a percent.
    let batch = if crate::parallel::pieces() > 1 { (total / 200).clamp(1, 64) } else { 1 };
    let mut inputs = inputs.into_iter().peekable();
    let mut done = 0;
    while inputs.peek().is_some() {
        progress(Stage::Reflow(done, total));
        let pages: Vec<(I, Lazy<'a>)> = inputs.by_ref().take(batch).collect();
        done += pages.len();
        for (doc, text) in crate::parallel::map(pages, |(id, lazy)| lazy.analyze(id.as_ref())) {
            chars.push(text);
            documents.push(doc);
        }
    }
    crate::masthead::distinct_names(&mut documents);
    progress(Stage::Passages);
    let mut passages = match passages {
        Passages::Find(settings, names) => reuse::find_passages_with(&documents, &chars, settings, names),
        Passages::Passim(records) => {
            let (passages, problems) = crate::passim::passages_from_records(records, &documents, &chars);
            if let Some(first) = documents.first_mut() {
                first.warnings.extend(problems);
            }
            passages
        }
    };
    reflow_witnessed(&mut documents, &chars, &mut passages);
    (Analysis { documents, passages }, chars)
}

/// Reflows again every page whose reports other documents print, with
/// what their copies say (see [`reflow::witnessed`]), and points each
/// passage member at the article that now holds it. A page no hint
/// touches is left as it was.
pub fn reflow_witnessed(documents: &mut [DocumentAnalysis], chars: &[Vec<char>], passages: &mut [Passage]) {
    let hints = reflow::witnessed::witnessed(documents, passages);
    let mut changed: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // A PDF's layout is surer than what other papers' copies suggest.
    let witnessed: Vec<usize> = (0..hints.len()).filter(|&d| !hints[d].is_empty() && documents[d].source.is_none()).collect();
    let again = crate::parallel::map(witnessed.clone(), |d| reflow::reflow_chars_witnessed(&documents[d].id, &chars[d], &hints[d]));
    for (d, reflow::Reflowed { articles, other, markup, .. }) in witnessed.into_iter().zip(again) {
        let doc = &mut documents[d];
        if articles != doc.articles {
            (doc.articles, doc.other, doc.markup) = (articles, other, markup);
            changed.insert(doc.id.clone(), d);
        }
    }
    if changed.is_empty() {
        return;
    }
    for m in passages.iter_mut().flat_map(|p| p.members.iter_mut()) {
        let Some(&d) = changed.get(&m.doc) else { continue };
        let holder = documents[d].articles.iter().find(|a| a.spans.iter().any(|s| s[0] <= m.begin && m.begin < s[1]));
        if let Some(a) = holder {
            m.article.clone_from(&a.id);
        }
    }
}
