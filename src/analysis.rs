//! The one entry point both front ends call: documents in, analysis out.

use serde::{Deserialize, Serialize};

use crate::corpus::readable_name;
use crate::decode::{decode, Decoded};
use crate::model::{DocumentAnalysis, Passage};
use crate::reflow;
use crate::reuse;

/// The result of analysing a corpus; this is the CLI's `--json` schema.
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
    let Decoded { text, encoding, warnings } = decoded;
    let mut doc = DocumentAnalysis {
        id: id.to_owned(),
        chars: text.chars().count(),
        encoding: encoding.to_owned(),
        warnings,
        ..Default::default()
    };
    reflow::reflow_into(&mut doc, &text);
    doc.name = readable_name(&doc, &text);
    doc
}

/// Analyses a corpus of `(id, bytes)` pairs with default settings.
pub fn analyze_documents<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Analysis {
    analyze_corpus(inputs, reuse::Settings::default())
}

/// Analyses a corpus: reflow every document, then find shared passages.
pub fn analyze_corpus<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>, settings: reuse::Settings) -> Analysis {
    let mut documents = Vec::new();
    let mut texts: Vec<Vec<char>> = Vec::new();
    for (id, bytes) in inputs {
        let decoded = decode(bytes);
        texts.push(decoded.text.chars().collect());
        documents.push(analyze_decoded(id, decoded));
    }
    let passages = reuse::find_passages(&documents, &texts, settings);
    Analysis { documents, passages }
}
