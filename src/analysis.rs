//! The one entry point both front ends call: documents in, analysis out.

use serde::{Deserialize, Serialize};

use crate::corpus::readable_name;
use crate::decode::{decode, Decoded};
use crate::model::DocumentAnalysis;
use crate::reflow;

/// The result of analysing a corpus; this is the CLI's `--json` schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub documents: Vec<DocumentAnalysis>,
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

/// Analyses a corpus of `(id, bytes)` pairs.
pub fn analyze_documents<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Analysis {
    Analysis { documents: inputs.into_iter().map(|(id, bytes)| analyze_document(id, bytes)).collect() }
}
