//! A published corpus in fragments, the Pagefind way: a small **catalog**
//! (every source, its articles' titles, lengths and share meters), one
//! **fragment** per document (its reflow and its text), and the passages
//! in **passage files**, a few stories to a file. A reader fetches the
//! catalog, then only the fragments of what is on screen and the passage
//! files they name, so a site of 100 MB opens as fast as one of 100 KB.
//!
//! A catalog of more than [`PART_DOCUMENTS`] documents is written in two
//! levels: the catalog itself lists every document (name, size, number of
//! articles), and **catalog parts** of [`PART_DOCUMENTS`] documents each
//! hold their articles' titles, lengths and meters and their fragments'
//! names. The first view of a corpus of 17,476 pages then fetches 128 KB
//! of catalog and a 9 KB part, not 785 KB (gzipped); opening a document costs one
//! part at most (about 9 KB gzipped), shared with its 127 neighbours.
//!
//! Every file is named by its content (the caller's hash, see
//! [`publish`]), so a re-publish changes the names, and with them the
//! cached files, of only what changed.
//!
//! Each passage is stored once. A passage file holds whole stories where
//! they fit ([`PASSAGE_FILE_BYTES`]): the passages a document takes part
//! in are mostly of a few stories, so a document needs a few passage files,
//! and the next document of the same story finds them cached. (Stored in
//! every witness's fragment instead, the passages made a 108 MB corpus's
//! fragments 1 GB.) [`read_back`] gives back exactly the analysis that was
//! published.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::model::{DocumentAnalysis, Passage};

/// The catalog's format; a reader refuses a later one. Format 2 added
/// catalog parts; a format-1 catalog is a format-2 catalog without them.
pub const FORMAT: u32 = 2;

/// Documents per catalog part. A catalog of at most this many documents
/// is written whole, in one file.
pub const PART_DOCUMENTS: usize = 128;

/// A published corpus of fewer documents is small enough to hold whole in
/// the browser: the page fetches all its fragments once the first view is
/// painted, and it is also written as one analysis, which the worker reads
/// for words and search. A larger one (a year of a daily: thousands of
/// pages) is read a document at a time.
pub const WHOLE_MAX_DOCUMENTS: usize = 64;

/// What a reader fetches first: enough to list every source and article,
/// draw the share meters and find which fragment holds what. Written by
/// columns ([`CatalogColumns`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    #[serde(with = "by_columns")]
    pub documents: Vec<CatalogDocument>,
    /// How many passages the analysis found.
    pub passages: usize,
    /// The file (relative to the catalog) that lists the stories
    /// ([`Stories`]): the overview's, apart, so the first view does not
    /// fetch them (16 % of a 108 MB corpus's catalog).
    pub stories: String,
    /// The catalog parts (relative to the catalog), part `p` listing
    /// documents `p * part_documents ..`, in full; empty when the catalog
    /// lists every document in full itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub part_documents: usize,
    /// The root of the chunked search index (relative to the catalog,
    /// [`crate::search_chunks`]), for a corpus too large for the worker to
    /// hold whole; `None`: the worker searches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A catalog part as written: its documents, in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogPart {
    #[serde(with = "by_columns")]
    pub documents: Vec<CatalogDocument>,
}

/// The stories of a published corpus, the overview's list.
pub type Stories = Vec<CatalogStory>;

/// A document as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogDocument {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Code points of its text.
    pub chars: usize,
    /// The encoding its bytes were decoded from.
    pub encoding: String,
    pub articles: Vec<CatalogArticle>,
    /// The file of its [`Fragment`], relative to the catalog; empty
    /// while only its catalog part knows it.
    pub fragment: String,
    /// The catalog part that lists it in full, when the catalog itself
    /// does not: its `articles` then hold only their numbered ids, and
    /// [`CatalogDocument::from_part`] gives the full entry.
    #[serde(skip)]
    pub part: Option<String>,
}

impl CatalogDocument {
    /// Whether this entry waits for its catalog part.
    pub fn is_partial(&self) -> bool {
        self.part.is_some()
    }

    /// This document's full entry in `part` (read from the file `self.part`
    /// names), found by id.
    pub fn from_part(&self, part: &[CatalogDocument]) -> Option<CatalogDocument> {
        part.iter().find(|d| d.id == self.id).cloned()
    }

    /// The entry the catalog gives a document its part lists in full:
    /// its size and the number of its articles, with the ids the reflow's
    /// numbering gives them.
    fn partial(&self, part: &str) -> CatalogDocument {
        let articles = (0..self.articles.len()).map(|k| CatalogArticle { id: article_id(&self.id, k), title: None, body_chars: 0, share: 0.0 }).collect();
        CatalogDocument { articles, fragment: String::new(), part: Some(part.to_owned()), ..self.clone() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogArticle {
    pub id: String,
    pub title: Option<String>,
    /// Non-space characters of its body.
    pub body_chars: usize,
    /// Share of the body found elsewhere (the reading list's meter).
    pub share: f64,
}

/// A share is a ratio of counts, never NaN, so equality is an equivalence:
/// the page holds catalog entries in its sources, which compare by
/// pointer first only when they are `Eq`.
impl Eq for CatalogArticle {}

/// The catalog's documents as written: a column per field, articles
/// flattened, so that like values stand together. A large catalog
/// (17,476 documents) gzips to 40 % less than written document by
/// document. Article ids that follow the reflow's numbering
/// (`<document id>#<k + 1>`) are left out; `article_ids` holds the others,
/// by their place in the flattened list.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct CatalogColumns {
    id: Vec<String>,
    name: Vec<String>,
    paper: Vec<Option<String>>,
    date: Vec<Option<String>>,
    chars: Vec<usize>,
    encoding: Vec<String>,
    /// How many articles each document has.
    articles: Vec<usize>,
    /// The columns below are left out (empty) where catalog parts hold them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    fragment: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    body_chars: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    share: Vec<f64>,
    /// (place in the flattened list, id), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    article_ids: Vec<(usize, String)>,
}

/// (De)serializes the documents by columns ([`CatalogColumns`]).
mod by_columns {
    use super::{article_id, CatalogArticle, CatalogColumns, CatalogDocument};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(documents: &[CatalogDocument], serializer: S) -> Result<S::Ok, S::Error> {
        let mut c = CatalogColumns::default();
        // Entries that wait for their part are written without what the
        // part holds; a catalog is partial throughout or not at all.
        let partial = documents.iter().any(CatalogDocument::is_partial);
        for d in documents {
            c.id.push(d.id.clone());
            c.name.push(d.name.clone());
            c.paper.push(d.paper.clone());
            c.date.push(d.date.clone());
            c.chars.push(d.chars);
            c.encoding.push(d.encoding.clone());
            c.articles.push(d.articles.len());
            if partial {
                continue;
            }
            c.fragment.push(d.fragment.clone());
            for (k, a) in d.articles.iter().enumerate() {
                if a.id != article_id(&d.id, k) {
                    c.article_ids.push((c.title.len(), a.id.clone()));
                }
                c.title.push(a.title.clone());
                c.body_chars.push(a.body_chars);
                c.share.push(a.share);
            }
        }
        c.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<CatalogDocument>, D::Error> {
        let mut c = CatalogColumns::deserialize(deserializer)?;
        let n = c.id.len();
        let flat: usize = c.articles.iter().sum();
        // No fragment column: the documents' parts hold it (the catalog
        // names them; `read_catalog` fills in `part`).
        let partial = c.fragment.is_empty() && n > 0;
        let detail = if partial { 0 } else { flat };
        let same = [c.name.len(), c.paper.len(), c.date.len(), c.chars.len(), c.encoding.len(), c.articles.len()].iter().all(|&l| l == n)
            && (partial || c.fragment.len() == n)
            && [c.title.len(), c.body_chars.len(), c.share.len()].iter().all(|&l| l == detail);
        if !same {
            return Err(serde::de::Error::custom("the catalog's columns differ in length"));
        }
        let (mut titles, mut bodies, mut shares) = (c.title.into_iter(), c.body_chars.into_iter(), c.share.into_iter());
        let mut ids: std::collections::HashMap<usize, String> = c.article_ids.into_iter().collect();
        let mut at = 0;
        let mut documents = Vec::with_capacity(n);
        for (i, id) in c.id.into_iter().enumerate() {
            let articles = (0..c.articles[i])
                .map(|k| {
                    let id = ids.remove(&(at + k)).unwrap_or_else(|| article_id(&id, k));
                    CatalogArticle { id, title: titles.next().flatten(), body_chars: bodies.next().unwrap_or(0), share: shares.next().unwrap_or(0.0) }
                })
                .collect();
            at += c.articles[i];
            documents.push(CatalogDocument {
                id,
                name: std::mem::take(&mut c.name[i]),
                paper: c.paper[i].take(),
                date: c.date[i].take(),
                chars: c.chars[i],
                encoding: std::mem::take(&mut c.encoding[i]),
                articles,
                fragment: c.fragment.get_mut(i).map(std::mem::take).unwrap_or_default(),
                part: partial.then(String::new),
            });
        }
        Ok(documents)
    }
}

/// A story (one reprinted report) as the overview lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogStory {
    pub story: usize,
    /// Its passages' ids, longest first.
    pub passages: Vec<usize>,
    /// Every article with a member in it.
    pub articles: Vec<String>,
    /// The most text one article shares in it (non-space characters).
    pub length: usize,
}

/// One document as stored: its reflow and text, and the passage files
/// that hold the passages it takes part in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FragmentFile {
    pub doc: DocumentAnalysis,
    /// The decoded text every offset counts in ("raw page").
    pub text: String,
    /// Per article, the share found elsewhere.
    pub shares: Vec<f64>,
    /// The passage files (relative to the catalog) that hold its passages.
    pub passage_files: Vec<String>,
}

/// One document, whole: its fragment with its passages.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    pub doc: DocumentAnalysis,
    pub text: String,
    pub shares: Vec<f64>,
    /// Every passage with a member in this document, in id order.
    pub passages: Vec<Passage>,
}

impl Fragment {
    /// The fragment `file` with its passages, taken from the passage files
    /// it names (`passages_in` gives a file's passages; a file it does not
    /// have gives none).
    pub fn assemble<'a>(file: FragmentFile, passages_in: impl Fn(&str) -> Option<&'a [Passage]>) -> Fragment {
        let FragmentFile { doc, text, shares, passage_files } = file;
        let mut passages: Vec<Passage> = passage_files
            .iter()
            .filter_map(|f| passages_in(f))
            .flatten()
            .filter(|p| p.members.iter().any(|m| m.doc == doc.id))
            .cloned()
            .collect();
        passages.sort_by_key(|p| p.id);
        passages.dedup_by_key(|p| p.id);
        Fragment { doc, text, shares, passages }
    }
}

/// [`FragmentFile`] as written: borrowed, so publishing copies nothing.
#[derive(Serialize)]
struct FragmentOut<'a> {
    doc: &'a DocumentAnalysis,
    text: &'a str,
    shares: &'a [f64],
    passage_files: Vec<&'a str>,
}

/// About how large a passage file grows (JSON bytes) before the next
/// story starts a new one; one story larger than this has a file of its own.
pub const PASSAGE_FILE_BYTES: usize = 48 * 1024;

/// Share meters are drawn, not read as numbers: three decimals are plenty,
/// and a catalog of 17,000 documents is 10 % smaller for it.
fn meter(share: f64) -> f64 {
    (share * 1000.0).round() / 1000.0
}

/// Writes `analysis` as passage files and fragments: each file is
/// serialized and handed to `store`, which writes it and returns the name
/// the catalog gives it (a hash of the bytes, so names change only with
/// content). One fragment is in memory at a time. `texts` and `shares` are
/// per document, in order.
pub fn publish<E>(analysis: &Analysis, texts: &[String], shares: &[Vec<f64>], store: &mut dyn FnMut(&[u8]) -> Result<String, E>) -> Result<Catalog, E> {
    // Passages a story at a time, stories in the order they were found.
    let mut order: Vec<usize> = (0..analysis.passages.len()).collect();
    order.sort_by_key(|&pi| (analysis.passages[pi].story, analysis.passages[pi].id));
    let mut file_of: Vec<usize> = vec![0; analysis.passages.len()];
    let mut files: Vec<String> = Vec::new();
    let mut bytes: Vec<u8> = Vec::new();
    let mut close = |bytes: &mut Vec<u8>, files: &mut Vec<String>| -> Result<(), E> {
        bytes.push(b']');
        files.push(store(bytes)?);
        bytes.clear();
        Ok(())
    };
    for (k, &pi) in order.iter().enumerate() {
        let p = &analysis.passages[pi];
        let new_story = k == 0 || analysis.passages[order[k - 1]].story != p.story;
        if new_story && bytes.len() >= PASSAGE_FILE_BYTES {
            close(&mut bytes, &mut files)?;
        }
        bytes.push(if bytes.is_empty() { b'[' } else { b',' });
        serde_json::to_writer(&mut bytes, p).expect("a passage serializes to JSON");
        file_of[pi] = files.len();
    }
    if !bytes.is_empty() {
        close(&mut bytes, &mut files)?;
    }
    let mut by_doc: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (pi, p) in analysis.passages.iter().enumerate() {
        for m in &p.members {
            let list = by_doc.entry(m.doc.as_str()).or_default();
            if !list.contains(&file_of[pi]) {
                list.push(file_of[pi]);
            }
        }
    }
    let mut documents = Vec::with_capacity(analysis.documents.len());
    for (i, doc) in analysis.documents.iter().enumerate() {
        let doc_shares: Vec<f64> = shares.get(i).map_or(&[][..], Vec::as_slice).iter().copied().map(meter).collect();
        let mut passage_files: Vec<&str> = by_doc.get(doc.id.as_str()).map_or_else(Vec::new, |list| list.iter().map(|&f| files[f].as_str()).collect());
        passage_files.sort_unstable();
        let fragment = FragmentOut { doc, text: texts.get(i).map_or("", String::as_str), shares: &doc_shares, passage_files };
        bytes.clear();
        serde_json::to_writer(&mut bytes, &fragment).expect("an analysis serializes to JSON");
        let name = store(&bytes)?;
        let articles = doc
            .articles
            .iter()
            .enumerate()
            .map(|(k, a)| CatalogArticle { id: a.id.clone(), title: a.title.clone(), body_chars: a.body_chars(), share: doc_shares.get(k).copied().unwrap_or(0.0) })
            .collect();
        documents.push(CatalogDocument { id: doc.id.clone(), name: doc.name.clone(), paper: doc.paper.clone(), date: doc.date.clone(), chars: doc.chars, encoding: doc.encoding.clone(), articles, fragment: name, part: None });
    }
    let (mut parts, mut part_documents) = (Vec::new(), 0);
    if documents.len() > PART_DOCUMENTS {
        part_documents = PART_DOCUMENTS;
        for chunk in documents.chunks_mut(PART_DOCUMENTS) {
            bytes.clear();
            serde_json::to_writer(&mut bytes, &CatalogPart { documents: chunk.to_vec() }).expect("a catalog part serializes to JSON");
            let name = store(&bytes)?;
            for d in chunk.iter_mut() {
                *d = d.partial(&name);
            }
            parts.push(name);
        }
    }
    let stories: Stories = crate::view::stories(&analysis.passages)
        .into_iter()
        .map(|s| CatalogStory { story: s.story, passages: s.passages.iter().map(|&pi| analysis.passages[pi].id).collect(), articles: s.articles, length: s.length })
        .collect();
    bytes.clear();
    serde_json::to_writer(&mut bytes, &stories).expect("stories serialize to JSON");
    let stories = store(&bytes)?;
    Ok(Catalog { format: FORMAT, documents, passages: analysis.passages.len(), stories, parts, part_documents, search: None })
}

/// The id the reflow gives article `k` of document `doc`.
fn article_id(doc: &str, k: usize) -> String {
    format!("{doc}#{}", k + 1)
}

/// Why a published corpus could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the catalog is in format {0}, this reader knows format {FORMAT}")]
    Format(u32),
    #[error("the fragment {file} is for document `{found}`, the catalog says `{expected}`")]
    WrongDocument { file: String, expected: String, found: String },
    #[error("{file}: {detail}")]
    Unreadable { file: String, detail: String },
}

/// A catalog from its JSON; a later format is refused. A partial
/// document learns the part that lists it in full.
pub fn read_catalog(bytes: &[u8], file: &str) -> Result<Catalog, ReadError> {
    let unreadable = |detail: String| ReadError::Unreadable { file: file.to_owned(), detail };
    let mut catalog: Catalog = serde_json::from_slice(bytes).map_err(|e| unreadable(e.to_string()))?;
    if catalog.format > FORMAT {
        return Err(ReadError::Format(catalog.format));
    }
    let per_part = catalog.part_documents;
    for (i, d) in catalog.documents.iter_mut().enumerate() {
        if d.part.is_some() {
            let part = (per_part > 0).then(|| catalog.parts.get(i / per_part)).flatten();
            d.part = Some(part.ok_or_else(|| unreadable(format!("no catalog part lists document {}", d.id)))?.clone());
        }
    }
    Ok(catalog)
}

/// A catalog part from its JSON: its documents in full.
pub fn read_part(bytes: &[u8], file: &str) -> Result<Vec<CatalogDocument>, ReadError> {
    let part: CatalogPart = serde_json::from_slice(bytes).map_err(|e| ReadError::Unreadable { file: file.to_owned(), detail: e.to_string() })?;
    Ok(part.documents)
}

/// `entry` in full: itself, or its entry in its part (`parts` gives a
/// part's documents by the part's file name).
pub fn full_entry<'a>(entry: &CatalogDocument, parts: impl Fn(&str) -> Option<&'a [CatalogDocument]>) -> Result<CatalogDocument, ReadError> {
    let Some(part) = &entry.part else { return Ok(entry.clone()) };
    let missing = || ReadError::Unreadable { file: part.clone(), detail: format!("the part does not list document {}", entry.id) };
    parts(part).and_then(|docs| entry.from_part(docs)).ok_or_else(missing)
}

/// A fragment file from its JSON, checked against the catalog's entry for it.
pub fn read_fragment(bytes: &[u8], entry: &CatalogDocument) -> Result<FragmentFile, ReadError> {
    let fragment: FragmentFile = serde_json::from_slice(bytes).map_err(|e| ReadError::Unreadable { file: entry.fragment.clone(), detail: e.to_string() })?;
    if fragment.doc.id != entry.id {
        return Err(ReadError::WrongDocument { file: entry.fragment.clone(), expected: entry.id.clone(), found: fragment.doc.id });
    }
    Ok(fragment)
}

/// The stories file from its JSON.
pub fn read_stories(bytes: &[u8], file: &str) -> Result<Stories, ReadError> {
    serde_json::from_slice(bytes).map_err(|e| ReadError::Unreadable { file: file.to_owned(), detail: e.to_string() })
}

/// A passage file from its JSON.
pub fn read_passages(bytes: &[u8], file: &str) -> Result<Vec<Passage>, ReadError> {
    serde_json::from_slice(bytes).map_err(|e| ReadError::Unreadable { file: file.to_owned(), detail: e.to_string() })
}

/// The whole analysis again, from the catalog and every file it names
/// (`fetch` gives a file's bytes by its name, each file asked for once):
/// documents in catalog order, each passage once, in id order. Returns it
/// with the texts and shares.
pub fn read_back<E: From<ReadError>>(catalog: &Catalog, fetch: &mut dyn FnMut(&str) -> Result<Vec<u8>, E>) -> Result<(Analysis, Vec<String>, Vec<Vec<f64>>), E> {
    let mut analysis = Analysis::default();
    let (mut texts, mut shares) = (Vec::new(), Vec::new());
    let mut read: std::collections::HashMap<String, Vec<Passage>> = Default::default();
    let mut parts: std::collections::HashMap<String, Vec<CatalogDocument>> = Default::default();
    let mut passages = std::collections::BTreeMap::new();
    for entry in &catalog.documents {
        if let Some(part) = entry.part.as_ref().filter(|p| !parts.contains_key(*p)) {
            let docs = read_part(&fetch(part)?, part)?;
            parts.insert(part.clone(), docs);
        }
        let entry = &full_entry(entry, |p| parts.get(p).map(Vec::as_slice))?;
        let file = read_fragment(&fetch(&entry.fragment)?, entry)?;
        for name in &file.passage_files {
            if !read.contains_key(name) {
                let list = read_passages(&fetch(name)?, name)?;
                read.insert(name.clone(), list);
            }
        }
        let fragment = Fragment::assemble(file, |name| read.get(name).map(Vec::as_slice));
        for p in fragment.passages {
            passages.entry(p.id).or_insert(p);
        }
        analysis.documents.push(fragment.doc);
        texts.push(fragment.text);
        shares.push(fragment.shares);
    }
    analysis.passages = passages.into_values().collect();
    Ok((analysis, texts, shares))
}
