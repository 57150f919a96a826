//! Corpora: the built-in seed pages and a user's stored corpora.

use serde::{Deserialize, Serialize};

/// `www/corpus/manifest.json`: which files make up the built-in corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub documents: Vec<ManifestEntry>,
    /// The analysis written by `tongwen build-site`, relative to the
    /// manifest: the app shows it without analyzing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precomputed: Option<String>,
    /// The same analysis in fragments ([`crate::published`]): the catalog's
    /// file, relative to the manifest. The page shows the first document
    /// from its fragment alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// File name relative to the manifest; also the document id.
    pub file: String,
    /// passim output rather than a page (`tongwen build-site` keeps it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub passim: bool,
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

impl CorpusMeta {
    /// The names the user gave its sources, kept with the corpus.
    pub fn given_names(&self) -> crate::masthead::GivenNames {
        self.documents.iter().filter_map(|d| Some((d.id.clone(), d.name.clone()?))).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The file name; unique within the corpus, and the document's id.
    pub id: String,
    /// An encoding the user chose instead of the detected one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The name the user gave the source (the engine's is `paper · date`
    /// or the file name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
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
    fn the_names_given_to_sources_are_kept_with_the_corpus() {
        let doc = |id: &str, name: Option<&str>| DocMeta { id: id.into(), encoding: None, name: name.map(str::to_owned), passim: false, bytes: 1 };
        let meta = CorpusMeta { id: "c".into(), name: "c".into(), documents: vec![doc("a.txt", Some("人民日报")), doc("b.txt", None)] };
        assert_eq!(meta.given_names(), [("a.txt".to_owned(), "人民日报".to_owned())].into());
    }

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
