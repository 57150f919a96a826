//! Publishing: `tongwen build-site` writes the app with a corpus built in
//! and its analysis precomputed, so a large corpus opens at once; and the
//! service worker's precache list, which every site build rewrites.
//! Native only: this is the CLI's side of the static site.

use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use crate::corpus::{Manifest, ManifestEntry};

/// Where the precomputed analysis lives, relative to the corpus directory.
pub const PRECOMPUTED: &str = "analysis.jsonl";

/// Files fetched only on demand (and then cached by the service worker):
/// the IDF table is for tiny corpora, benchmarks are not for readers.
fn fetched_later(rel: &str) -> bool {
    rel == "sw.js" || rel == "dict/idf.txt.gz" || rel.starts_with("bench") || rel.ends_with(".md")
}

fn files_under(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Rewrites `sw.js` in `site` with a version (a hash of every file it
/// precaches) and the list to precache. Returns (version, files).
pub fn write_precache(site: &Path) -> io::Result<(String, usize)> {
    let files: Vec<String> = files_under(site)?.into_iter().filter(|f| !fetched_later(f)).collect();
    let mut hasher = std::hash::DefaultHasher::new();
    for f in &files {
        f.hash(&mut hasher);
        std::fs::read(site.join(f))?.hash(&mut hasher);
    }
    let version = format!("{:016x}", hasher.finish());
    let precache: Vec<String> = std::iter::once("./".to_owned()).chain(files.iter().filter(|f| *f != "index.html").map(|f| format!("./{f}"))).collect();
    let sw_path = site.join("sw.js");
    let sw = std::fs::read_to_string(&sw_path)?;
    let rewritten: String = sw
        .lines()
        .map(|line| {
            if line.starts_with("const VERSION = ") {
                format!("const VERSION = '{version}';")
            } else if line.starts_with("const PRECACHE = ") {
                format!("const PRECACHE = {};", serde_json::to_string(&precache).unwrap_or_default())
            } else {
                line.to_owned()
            }
        })
        .map(|l| l + "\n")
        .collect();
    std::fs::write(&sw_path, rewritten)?;
    Ok((version, precache.len()))
}

fn copy_dir(from: &Path, to: &Path, skip: &dyn Fn(&str) -> bool) -> io::Result<()> {
    for rel in files_under(from)? {
        if skip(&rel) {
            continue;
        }
        let target = to.join(&rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from.join(&rel), target)?;
    }
    Ok(())
}

/// What `build_site` did, for the CLI to report.
#[derive(Debug)]
pub struct SiteSummary {
    pub documents: usize,
    pub passages: usize,
    pub rejected: Vec<(String, String)>,
    pub out: PathBuf,
}

/// Writes `out`: the app from `app` (a built `dist/`) with the pages of
/// `corpus` (`.txt`, `.md`, `.zip`) as its built-in corpus, analysed now.
pub fn build_site(corpus: &Path, out: &Path, app: &Path) -> Result<SiteSummary, String> {
    if !app.join("index.html").exists() || !app.join("pkg").is_dir() {
        return Err(format!("{} is not a built tongwen site: run `make dist` first, or pass --app DIR", app.display()));
    }
    let mut files = Vec::new();
    for rel in files_under(corpus).map_err(|e| format!("cannot read {}: {e}", corpus.display()))? {
        let bytes = std::fs::read(corpus.join(&rel)).map_err(|e| format!("cannot read {rel}: {e}"))?;
        files.push((rel.rsplit('/').next().unwrap_or(&rel).to_owned(), bytes));
    }
    let intake = crate::corpus::take_in(files);
    if intake.documents.is_empty() {
        return Err(format!("{} has no .txt, .md or .zip pages", corpus.display()));
    }
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot replace {}: {e}", out.display()))?;
    }
    let io = |e: io::Error| format!("cannot write {}: {e}", out.display());
    // The app, without its own corpus or benchmark files.
    copy_dir(app, out, &|rel| rel.starts_with("corpus/") || rel.starts_with("bench")).map_err(io)?;
    let dir = out.join("corpus");
    std::fs::create_dir_all(&dir).map_err(io)?;
    for (id, bytes) in &intake.documents {
        std::fs::write(dir.join(id), bytes).map_err(io)?;
    }
    let (analysis, texts) = crate::analysis::analyze_corpus_with(
        intake.documents.iter().map(|(id, b)| (id.as_str(), b.as_slice())),
        crate::reuse::Settings::default(),
        &mut |_| (),
    );
    let (documents, passages) = (analysis.documents.len(), analysis.passages.len());
    let shares = crate::view::shared_shares(&analysis.documents, &analysis.passages);
    let mut lines = String::new();
    for message in crate::protocol::result_messages(analysis, texts, shares) {
        lines.push_str(&serde_json::to_string(&message).map_err(|e| e.to_string())?);
        lines.push('\n');
    }
    std::fs::write(dir.join(PRECOMPUTED), lines).map_err(io)?;
    let manifest = Manifest {
        documents: intake.documents.iter().map(|(id, _)| ManifestEntry { file: id.clone() }).collect(),
        precomputed: Some(PRECOMPUTED.to_owned()),
    };
    std::fs::write(dir.join("manifest.json"), serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?).map_err(io)?;
    write_precache(out).map_err(io)?;
    Ok(SiteSummary { documents, passages, rejected: intake.rejected, out: out.to_path_buf() })
}
