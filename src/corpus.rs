//! Corpora: the built-in seed pages and how documents are named.

use serde::{Deserialize, Serialize};

use crate::model::DocumentAnalysis;
use crate::text::{cell_width, is_clause_punct};

/// `www/corpus/manifest.json`: which files make up the built-in corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub documents: Vec<ManifestEntry>,
    /// The analysis written by `tongwen build-site`, relative to the
    /// manifest: the app shows it without analysing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precomputed: Option<String>,
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

/// What a user handed over, sorted: page dumps to analyse, passim output to
/// show instead of computed passages, and files that cannot be used, each
/// with a message for the person who dropped it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Intake {
    pub documents: Vec<(String, Vec<u8>)>,
    /// passim output files (JSON Lines), as (name, bytes).
    pub passim: Vec<(String, Vec<u8>)>,
    pub rejected: Vec<(String, String)>,
}

/// What a file that is not text looks like, from its first bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"\x89PNG", "a PNG image"),
        (b"%PDF", "a PDF (extract its text first)"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a zip-based file (a .docx?)"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"\x7FELF", "a program"),
        (b"MZ", "a program"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    // UTF-16 has NULs by nature; elsewhere NULs in the first 4 kB mean binary.
    let head = &bytes[..bytes.len().min(4096)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    (!utf16 && head.iter().filter(|&&b| b == 0).count() > head.len() / 64 + 1).then_some("binary data")
}

fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Sorts dropped or picked files; `.zip` archives are opened (one level).
/// Names are made unique (`a.txt`, `a (2).txt`) because they are ids.
pub fn take_in(files: Vec<(String, Vec<u8>)>) -> Intake {
    let mut intake = Intake::default();
    for (name, bytes) in files {
        if extension(&name) == "zip" {
            match unzip(&bytes) {
                Ok(entries) => {
                    for (entry, data) in entries {
                        sort_file(&mut intake, format!("{name}/{entry}"), data, true);
                    }
                }
                Err(e) => intake.rejected.push((name, format!("not a readable zip archive ({e})"))),
            }
        } else {
            sort_file(&mut intake, name, bytes, false);
        }
    }
    intake
}

fn sort_file(intake: &mut Intake, name: String, bytes: Vec<u8>, in_zip: bool) {
    let ext = extension(&name);
    let short = name.rsplit('/').next().unwrap_or(&name).to_owned();
    if in_zip && (short.starts_with('.') || name.contains("__MACOSX/")) {
        return; // Finder's and editors' litter, not the user's files
    }
    if bytes.is_empty() {
        intake.rejected.push((short, "the file is empty".into()));
    } else if let Some(kind) = binary_kind(&bytes) {
        intake.rejected.push((short, format!("not a text file: this looks like {kind}")));
    } else if matches!(ext.as_str(), "json" | "jsonl") || (ext.is_empty() && crate::passim::looks_like_passim(&String::from_utf8_lossy(&bytes[..bytes.len().min(2000)]))) {
        match crate::passim::parse_jsonl(&crate::decode::decode(&bytes).text) {
            Ok(_) => intake.passim.push((unique(&intake.passim, short), bytes)),
            Err(e) => intake.rejected.push((short, format!("not passim output: {e}"))),
        }
    } else if matches!(ext.as_str(), "txt" | "md" | "text" | "markdown" | "") {
        let id = unique(&intake.documents, short);
        intake.documents.push((id, bytes));
    } else {
        intake.rejected.push((short, format!("not a text file (.{ext}): tongwen reads .txt, .md, .zip of those, and passim .json")));
    }
}

/// `name`, or `stem (2).ext` and so on if `taken` has it already.
pub fn unique<T>(taken: &[(String, T)], name: String) -> String {
    unique_among(taken.iter().map(|(n, _)| n.as_str()), name)
}

pub fn unique_among<'a>(taken: impl Iterator<Item = &'a str> + Clone, name: String) -> String {
    if !taken.clone().any(|n| n == name) {
        return name;
    }
    let (stem, ext) = name.rsplit_once('.').map_or((name.as_str(), String::new()), |(s, e)| (s, format!(".{e}")));
    (2..).map(|i| format!("{stem} ({i}){ext}")).find(|c| !taken.clone().any(|n| n == c)).expect("some number is free")
}

fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().map_err(|e| e.to_string())?.into_owned();
        // Refuse zip bombs: a member may not claim more than 200 MB.
        if file.size() > 200 << 20 {
            return Err(format!("{name} is larger than 200 MB"));
        }
        let mut data = Vec::with_capacity(file.size() as usize);
        file.by_ref().take(200 << 20).read_to_end(&mut data).map_err(|e| e.to_string())?;
        out.push((name, data));
    }
    Ok(out)
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
    fn intake_sorts_pages_passim_and_rejects_with_reasons() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, data) in [("pages/a.txt", "第一版".as_bytes()), ("pages/.DS_Store", b"x"), ("notes.pdf", b"%PDF-1.4")] {
            zip.start_file(name, options).unwrap();
            std::io::Write::write_all(&mut zip, data).unwrap();
        }
        let zipped = zip.finish().unwrap().into_inner();
        let intake = take_in(vec![
            ("a.txt".into(), "本报讯".as_bytes().to_vec()),
            ("a.txt".into(), "又一份".as_bytes().to_vec()),
            ("photo.png".into(), b"\x89PNG\r\n\x1a\n\0\0".to_vec()),
            ("empty.txt".into(), vec![]),
            ("out.json".into(), br#"{"id":"a.txt","cluster":1,"begin":0,"end":3}"#.to_vec()),
            ("bad.json".into(), b"{oops".to_vec()),
            ("pages.zip".into(), zipped),
            ("broken.zip".into(), b"PK\x03\x04nonsense".to_vec()),
            ("table.xlsx".into(), b"plain".to_vec()),
        ]);
        let ids: Vec<&str> = intake.documents.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(ids, ["a.txt", "a (2).txt", "a (3).txt"]);
        assert_eq!(intake.passim.len(), 1);
        let rejected: Vec<&str> = intake.rejected.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(rejected, ["photo.png", "empty.txt", "bad.json", "notes.pdf", "broken.zip", "table.xlsx"]);
        assert!(intake.rejected[0].1.contains("PNG"));
        assert!(intake.rejected[3].1.contains("PDF"));
        // UTF-16 is text even though it is full of NULs.
        let mut utf16 = vec![0xFF, 0xFE];
        "同文".encode_utf16().for_each(|u| utf16.extend(u.to_le_bytes()));
        assert_eq!(binary_kind(&utf16), None);
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
