//! Corpora: the built-in seed pages and how documents are named.

use serde::{Deserialize, Serialize};

use crate::model::DocumentAnalysis;
use crate::text::{cell_width, is_clause_punct, Space};

/// `www/corpus/manifest.json`: which files make up the built-in corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub documents: Vec<ManifestEntry>,
    /// The analysis written by `tongwen build-site`, relative to the
    /// manifest: the app shows it without analyzing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precomputed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// File name relative to the manifest; also the document id.
    pub file: String,
    /// passim output rather than a page (`tongwen build-site` keeps it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub passim: bool,
}

/// A readable name for a document: its first article title, else the first
/// line that looks like a headline, else the file name without extension.
/// Hash file names like `000_7db16642f3192162.txt` mean nothing to a reader.
pub fn readable_name(doc: &DocumentAnalysis, text: &str) -> String {
    if let Some(title) = doc.articles.iter().find_map(|a| a.title.as_deref()) {
        return title.to_owned();
    }
    if let Some(line) = text.lines().map(|l| l.trim_matches(|c: char| c.is_space())).find(|l| looks_like_headline(l)) {
        return line.trim_start_matches('#').trim().to_owned();
    }
    let stem = doc.id.rsplit_once('.').map_or(doc.id.as_str(), |(s, _)| s);
    stem.to_owned()
}

fn looks_like_headline(line: &str) -> bool {
    let w = cell_width(line);
    (4.0..=40.0).contains(&w)
        && !line.chars().any(is_clause_punct)
        && line.chars().filter(|c| crate::text::is_cjk(*c)).count() >= 4
        && !line.ends_with('电')
}

/// A user's corpus as stored in the browser: its name and documents. The
/// documents' bytes are stored apart, as given, so a different encoding
/// can always be chosen later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusMeta {
    pub id: String,
    pub name: String,
    pub documents: Vec<DocMeta>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The file name; unique within the corpus, and the document's id.
    pub id: String,
    /// An encoding the user chose instead of the detected one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// passim output rather than a page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub passim: bool,
    pub bytes: usize,
}

/// Encodings a user may pick for a file, by WHATWG label.
pub const ENCODINGS: [&str; 7] = ["UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK", "Big5", "EUC-KR"];

/// A directory name that can only mean a path inside this site: letters,
/// digits, `_ - . /`, no `..`, no leading `/`, no `//` (so no scheme either).
pub fn is_safe_relative_dir(dir: &str) -> bool {
    !dir.is_empty()
        && dir.len() <= 100
        && dir.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-./".contains(&b))
        && !dir.starts_with('/')
        && !dir.contains("//")
        && !dir.split('/').any(|part| part == "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_directories_are_safe() {
        for ok in ["corpus/", "bench-corpus", "a/b_c.d/"] {
            assert!(is_safe_relative_dir(ok), "{ok}");
        }
        for bad in ["", "/etc", "../x", "a/../b", "//evil.example/x", "http:", "a b", "%2e%2e"] {
            assert!(!is_safe_relative_dir(bad), "{bad}");
        }
    }
}
