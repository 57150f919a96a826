//! Corpora: the built-in seed pages and how documents are named.

use serde::{Deserialize, Serialize};

use crate::model::DocumentAnalysis;
use crate::text::{cell_width, is_clause_punct};

/// `www/corpus/manifest.json`: which files make up the built-in corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub documents: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// File name relative to the manifest; also the document id.
    pub file: String,
}

/// A readable name for a document: its first article title, else the first
/// line that looks like a headline, else the file name without extension.
/// Hash file names like `000_7db16642f3192162.txt` mean nothing to a reader.
pub fn readable_name(doc: &DocumentAnalysis, text: &str) -> String {
    if let Some(title) = doc.articles.iter().find_map(|a| a.title.as_deref()) {
        return title.to_owned();
    }
    if let Some(line) = text.lines().map(str::trim).find(|l| looks_like_headline(l)) {
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
