//! A published corpus in fragments, the Pagefind way: a small **catalog**
//! (every source, its articles' titles, lengths and share meters, the
//! stories) and one **fragment** per document (its reflow, its text, and
//! every passage it takes part in). A reader fetches the catalog, then only
//! the fragments of what is on screen, so a site of 100 MB opens as fast as
//! one of 100 KB.
//!
//! Fragments are named by their content (the caller's hash, see
//! [`publish`]), so a re-publish changes the names, and with them the
//! cached files, of only the documents that changed.
//!
//! A passage is stored whole in the fragment of every document it has a
//! member in. That repeats a passage once per witness document, but one
//! fetch then gives the article on screen with all its highlights and
//! witnesses: the reader never waits for a second round trip.
//! [`read_back`] gives back exactly the analysis that was published.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::model::{DocumentAnalysis, Passage};

/// The catalog's format; a reader refuses another.
pub const FORMAT: u32 = 1;

/// What a reader fetches first: enough to list every source and article,
/// draw the share meters and find which fragment holds what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    pub documents: Vec<CatalogDocument>,
    /// How many passages the analysis found.
    pub passages: usize,
    pub stories: Vec<CatalogStory>,
}

/// A document as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// The file of its [`Fragment`], relative to the catalog.
    pub fragment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogArticle {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Non-space characters of its body.
    pub body_chars: usize,
    /// Share of the body found elsewhere (the reading list's meter).
    pub share: f64,
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

/// One document, whole: what the reader fetches to show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fragment {
    pub doc: DocumentAnalysis,
    /// The decoded text every offset counts in ("raw page").
    pub text: String,
    /// Per article, the share found elsewhere.
    pub shares: Vec<f64>,
    /// Every passage with a member in this document, in id order.
    pub passages: Vec<Passage>,
}

/// [`Fragment`] as written: borrowed, so publishing copies nothing.
#[derive(Serialize)]
struct FragmentOut<'a> {
    doc: &'a DocumentAnalysis,
    text: &'a str,
    shares: &'a [f64],
    passages: Vec<&'a Passage>,
}

/// Writes `analysis` as fragments: each is serialized and handed to
/// `store`, which writes it and returns the name the catalog gives it (a
/// hash of the bytes, so names change only with content). One fragment is
/// in memory at a time. `texts` and `shares` are per document, in order.
pub fn publish<E>(analysis: &Analysis, texts: &[String], shares: &[Vec<f64>], store: &mut dyn FnMut(&[u8]) -> Result<String, E>) -> Result<Catalog, E> {
    let mut by_doc: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (pi, p) in analysis.passages.iter().enumerate() {
        for m in &p.members {
            let list = by_doc.entry(m.doc.as_str()).or_default();
            if list.last() != Some(&pi) {
                list.push(pi);
            }
        }
    }
    let mut documents = Vec::with_capacity(analysis.documents.len());
    let mut bytes = Vec::new();
    for (i, doc) in analysis.documents.iter().enumerate() {
        let doc_shares = shares.get(i).map_or(&[][..], Vec::as_slice);
        let passages = by_doc.get(doc.id.as_str()).map_or_else(Vec::new, |list| list.iter().map(|&pi| &analysis.passages[pi]).collect());
        let fragment = FragmentOut { doc, text: texts.get(i).map_or("", String::as_str), shares: doc_shares, passages };
        bytes.clear();
        serde_json::to_writer(&mut bytes, &fragment).expect("an analysis serializes to JSON");
        let name = store(&bytes)?;
        let articles = doc
            .articles
            .iter()
            .enumerate()
            .map(|(k, a)| CatalogArticle { id: a.id.clone(), title: a.title.clone(), body_chars: a.body_chars(), share: doc_shares.get(k).copied().unwrap_or(0.0) })
            .collect();
        documents.push(CatalogDocument { id: doc.id.clone(), name: doc.name.clone(), paper: doc.paper.clone(), date: doc.date.clone(), chars: doc.chars, encoding: doc.encoding.clone(), articles, fragment: name });
    }
    let stories = crate::view::stories(&analysis.passages)
        .into_iter()
        .map(|s| CatalogStory { story: s.story, passages: s.passages.iter().map(|&pi| analysis.passages[pi].id).collect(), articles: s.articles, length: s.length })
        .collect();
    Ok(Catalog { format: FORMAT, documents, passages: analysis.passages.len(), stories })
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

/// A catalog from its JSON; another format is refused.
pub fn read_catalog(bytes: &[u8], file: &str) -> Result<Catalog, ReadError> {
    let catalog: Catalog = serde_json::from_slice(bytes).map_err(|e| ReadError::Unreadable { file: file.to_owned(), detail: e.to_string() })?;
    if catalog.format != FORMAT {
        return Err(ReadError::Format(catalog.format));
    }
    Ok(catalog)
}

/// A fragment from its JSON, checked against the catalog's entry for it.
pub fn read_fragment(bytes: &[u8], entry: &CatalogDocument) -> Result<Fragment, ReadError> {
    let fragment: Fragment = serde_json::from_slice(bytes).map_err(|e| ReadError::Unreadable { file: entry.fragment.clone(), detail: e.to_string() })?;
    if fragment.doc.id != entry.id {
        return Err(ReadError::WrongDocument { file: entry.fragment.clone(), expected: entry.id.clone(), found: fragment.doc.id });
    }
    Ok(fragment)
}

/// The whole analysis again, from the catalog and every fragment (`fetch`
/// gives a fragment's bytes by its file name): documents in catalog order,
/// each passage once, in id order. Returns it with the texts and shares.
pub fn read_back<E: From<ReadError>>(catalog: &Catalog, fetch: &mut dyn FnMut(&str) -> Result<Vec<u8>, E>) -> Result<(Analysis, Vec<String>, Vec<Vec<f64>>), E> {
    let mut analysis = Analysis::default();
    let (mut texts, mut shares) = (Vec::new(), Vec::new());
    let mut passages = std::collections::BTreeMap::new();
    for entry in &catalog.documents {
        let fragment = read_fragment(&fetch(&entry.fragment)?, entry)?;
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
