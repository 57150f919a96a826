//! Publishing: `tongwen build-site` writes the app with a corpus built in
//! and its analysis precomputed, so a large corpus opens at once; and the
//! service worker's precache list (`precache.json`), which every site
//! build writes.
//! Native only: this is the CLI's side of the static site.

use sha2::{Digest, Sha256};
use std::io;
use std::path::{Path, PathBuf};

use tongwen::corpus::{Manifest, ManifestEntry};

/// The service worker's list: `{"version": …, "files": […]}`. `boot.js`
/// registers `sw.js?v=<version>`, so a new version is a new worker.
pub const PRECACHE_LIST: &str = "precache.json";

/// Where the precomputed analysis lives, relative to the corpus directory.
pub const PRECOMPUTED: &str = "analysis.jsonl";

/// Where a published corpus's fragments live, relative to the corpus
/// directory ([`tongwen::published`]); the catalog is beside the manifest.
pub const FRAGMENTS: &str = "fragments";

/// The first 16 hex digits of the SHA-256 of `bytes`: the name of a file
/// that changes only with its content, and the site's version.
fn content_hash(bytes: &[u8]) -> String {
    short_hex(&Sha256::digest(bytes))
}

/// A SHA-256 digest's first 8 bytes as 16 hex digits.
fn short_hex(digest: &[u8]) -> String {
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Files fetched only on demand (and then cached by the service worker):
/// the IDF table is for tiny corpora, the PDF reader for those who drop a
/// PDF, benchmarks are not for readers.
fn fetched_later(rel: &str) -> bool {
    rel == "sw.js" || rel == PRECACHE_LIST || rel == "dict/idf.txt.gz" || rel.starts_with("pdfjs/") || rel.starts_with("bench") || rel.ends_with(".md")
}

/// Every regular file under `dir` (a site tongwen built), as sorted
/// `/`-separated relative paths. Links are not followed and dot-files
/// (the site marker) are left out.
fn files_under(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir).follow_links(false).into_iter().filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        if let Ok(rel) = entry.path().strip_prefix(dir) {
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    out.sort();
    Ok(out)
}

/// Writes `precache.json` in `site`: a version (a SHA-256 of every file it
/// lists, names and bytes, so the same site always gets the same version,
/// whatever Rust built it) and the files to cache at install. Returns
/// (version, files).
pub fn write_precache(site: &Path) -> io::Result<(String, usize)> {
    let files: Vec<String> = files_under(site)?.into_iter().filter(|f| !fetched_later(f)).collect();
    let corpus_kept = large_corpus_index(site)?;
    let at_install = |f: &str| match (&corpus_kept, f.strip_prefix("corpus/")) {
        (Some(kept), Some(rel)) => kept.iter().any(|k| k == rel),
        _ => true,
    };
    let mut hasher = Sha256::new();
    for f in &files {
        // Length-prefixed, so no two different lists hash alike.
        let bytes = std::fs::read(site.join(f))?;
        for part in [f.as_bytes(), &bytes] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
    }
    let version = short_hex(&hasher.finalize());
    let precache: Vec<String> = std::iter::once("./".to_owned()).chain(files.iter().filter(|f| *f != "index.html" && at_install(f)).map(|f| format!("./{f}"))).collect();
    let list = serde_json::json!({ "version": version, "files": precache });
    std::fs::write(site.join(PRECACHE_LIST), serde_json::to_string_pretty(&list).map_err(io::Error::other)? + "\n")?;
    Ok((version, precache.len()))
}

/// For a site whose corpus is published too large to hold whole
/// ([`tongwen::published::WHOLE_MAX_DOCUMENTS`]: its manifest names a
/// catalog and no whole analysis), the corpus files a visitor's browser
/// caches at install: the manifest, the catalog, its parts, its stories
/// and its search index's root, so the list of sources and the overview open offline after one
/// visit. The pages and fragments (a 108 MB corpus is 37,000 files and
/// 490 MB) are cached as they are read. `None` for any other site, whose
/// corpus is cached whole.
fn large_corpus_index(site: &Path) -> io::Result<Option<Vec<String>>> {
    let dir = site.join("corpus");
    let Ok(bytes) = std::fs::read(dir.join("manifest.json")) else { return Ok(None) };
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| io::Error::other(format!("corpus/manifest.json: {e}")))?;
    let (Some(catalog_file), None) = (manifest.published, manifest.precomputed) else { return Ok(None) };
    let catalog = tongwen::published::read_catalog(&std::fs::read(dir.join(&catalog_file))?, &catalog_file).map_err(io::Error::other)?;
    Ok(Some(["manifest.json".to_owned(), catalog_file, catalog.stories].into_iter().chain(catalog.parts).chain(catalog.search).collect()))
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

/// The file that marks a directory as a site tongwen wrote. `build-site`
/// replaces a directory only if it is empty or carries this marker: it
/// never deletes what it did not create.
pub const SITE_MARKER: &str = ".tongwen-site";

/// What `build_site` did, for the CLI to report.
#[derive(Debug)]
pub struct SiteSummary {
    pub documents: usize,
    pub passim: usize,
    pub passages: usize,
    /// Files of the corpus directory that were not published, with why:
    /// passed over by the walk, or refused by the intake.
    pub skipped: Vec<(String, tongwen::intake::Refusal)>,
    pub out: PathBuf,
}

/// `path` made absolute with every link resolved, even where its last
/// components do not exist yet (the output of a first build).
fn resolved(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    while !existing.exists() {
        missing.push(existing.file_name().map(|n| n.to_owned()).unwrap_or_default());
        existing = existing.parent().unwrap_or(Path::new("/"));
    }
    let mut out = existing.canonicalize()?;
    out.extend(missing.into_iter().rev());
    Ok(out)
}

/// Refuses an output that would overwrite, or be written into, the
/// corpus or the app, and one that holds files tongwen did not write.
fn check_output(corpus: &Path, out: &Path, app: &Path) -> Result<(), String> {
    let (corpus_r, out_r, app_r) = (resolved(corpus), resolved(out), resolved(app));
    let (Ok(corpus_r), Ok(out_r), Ok(app_r)) = (corpus_r, out_r, app_r) else {
        return Err(format!("cannot resolve the paths {}, {} and {}", corpus.display(), out.display(), app.display()));
    };
    let o = out.display();
    if out_r.starts_with(&corpus_r) {
        return Err(format!("the output {o} is inside the corpus directory {}: choose a directory outside it", corpus.display()));
    }
    if corpus_r.starts_with(&out_r) {
        return Err(format!("the corpus directory {} is inside the output {o}: choose another output", corpus.display()));
    }
    if out_r.starts_with(&app_r) || app_r.starts_with(&out_r) {
        return Err(format!("the output {o} would overwrite the app in {}: choose another output", app.display()));
    }
    if out_r.exists() {
        if !out_r.is_dir() {
            return Err(format!("{o} exists and is not a directory"));
        }
        let empty = std::fs::read_dir(&out_r).map_err(|e| format!("cannot read {o}: {e}"))?.next().is_none();
        if !empty && !out_r.join(SITE_MARKER).is_file() {
            return Err(format!("{o} is not empty and was not written by tongwen build-site (it has no {SITE_MARKER}): refusing to replace it"));
        }
    }
    Ok(())
}

/// Writes `out`: the app from `app` (a built `dist/`) with the pages of
/// `corpus` (`.txt`, `.md`, `.zip`, and passim `.json`) as its built-in
/// corpus, analyzed now.
///
/// The site is built in a temporary sibling of `out` and renamed into place
/// only when it is complete, so a failed build leaves an earlier site
/// whole, and `out` is replaced only if tongwen wrote it (see
/// [`SITE_MARKER`]).
pub fn build_site(corpus: &Path, out: &Path, app: &Path) -> Result<SiteSummary, String> {
    if !app.join("index.html").exists() || !app.join("pkg").is_dir() {
        return Err(format!("{} is not a built tongwen site: run `make dist` first, or pass --app DIR", app.display()));
    }
    if !corpus.is_dir() {
        return Err(format!("{} is not a directory", corpus.display()));
    }
    check_output(corpus, out, app)?;
    let walked = tongwen::intake::walk::read_paths(&[corpus.to_path_buf()], tongwen::intake::Limits::default())?;
    let mut intake = tongwen::intake::take_in(walked.files);
    // PDFs are read now; the corpus keeps each as its positioned text,
    // which the page's worker reads again without a PDF reader.
    intake.read_pdfs(tongwen_pdf::extract);
    let mut skipped = walked.skipped;
    skipped.extend(intake.rejected.iter().cloned());
    if !intake.has_pages() {
        return Err(format!("{} has nothing to publish: {}", corpus.display(), intake.why_empty()));
    }
    let out_r = resolved(out).map_err(|e| format!("cannot resolve {}: {e}", out.display()))?;
    let parent = out_r.parent().unwrap_or(Path::new("/")).to_path_buf();
    let name = out_r.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    std::fs::create_dir_all(&parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let staging = parent.join(format!(".{name}.tongwen-build-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| format!("cannot clear {}: {e}", staging.display()))?;
    }
    let passim = intake.passim.len();
    let written = write_site(&staging, app, intake);
    let (documents, passages) = match written {
        Ok(counts) => counts,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    swap_into_place(&staging, &out_r, &parent, &name)?;
    Ok(SiteSummary { documents, passim, passages, skipped, out: out.to_path_buf() })
}

/// Where `make dist` put the built-in corpus's first view, prerendered into
/// `index.html` (scripts/prerender.mjs, which writes these marks).
const PRERENDER_BEGIN: &str = "<!-- prerendered first view -->";
const PRERENDER_END: &str = "<!-- end of prerendered first view -->";

/// `html` without a prerendered first view: a published corpus is another
/// corpus, whose first view the app renders when it has loaded.
pub fn without_prerender(html: &str) -> String {
    match (html.find(PRERENDER_BEGIN), html.find(PRERENDER_END)) {
        (Some(begin), Some(end)) if begin < end => {
            let after = html[end + PRERENDER_END.len()..].trim_start();
            format!("{}{after}", &html[..begin])
        }
        _ => html.to_owned(),
    }
}

/// Writes the whole site into `dir` (new); returns (documents, passages).
fn write_site(dir: &Path, app: &Path, intake: tongwen::intake::Intake) -> Result<(usize, usize), String> {
    let io = |e: io::Error| format!("cannot write {}: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(io)?;
    std::fs::write(dir.join(SITE_MARKER), "written by tongwen build-site; the directory is replaced by the next build\n").map_err(io)?;
    // The app, without its own corpus or benchmark files.
    copy_dir(app, dir, &|rel| rel.starts_with("corpus/") || rel.starts_with("bench") || rel == SITE_MARKER).map_err(io)?;
    // The app's first view, prerendered by make dist, is of its own corpus.
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(io)?;
    std::fs::write(&index, without_prerender(&html)).map_err(io)?;
    let corpus_dir = dir.join("corpus");
    std::fs::create_dir_all(&corpus_dir).map_err(io)?;
    for (id, bytes) in intake.documents.iter().chain(&intake.passim) {
        std::fs::write(corpus_dir.join(id), bytes).map_err(io)?;
    }
    for (id, doc) in &intake.positioned {
        std::fs::write(corpus_dir.join(id), doc.to_stored()).map_err(io)?;
    }
    let manifest = Manifest {
        documents: intake
            .documents
            .iter()
            .map(|(id, _)| id)
            .chain(intake.positioned.iter().map(|(id, _)| id))
            .map(|id| ManifestEntry { file: id.clone(), passim: false })
            .chain(intake.passim.iter().map(|(id, _)| ManifestEntry { file: id.clone(), passim: true }))
            .collect(),
        precomputed: None,
        published: None,
    };
    let (counts, catalog, whole) = write_analysis(&corpus_dir, intake)?;
    let manifest = Manifest { published: Some(catalog), precomputed: whole.then(|| PRECOMPUTED.to_owned()), ..manifest };
    std::fs::write(corpus_dir.join("manifest.json"), serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?).map_err(io)?;
    write_precache(dir).map_err(io)?;
    Ok(counts)
}

/// Analyses `intake` now and writes the result to `corpus_dir`: in
/// fragments with their catalog (what the page reads), and, for a corpus
/// small enough to hold whole in the browser
/// ([`tongwen::published::WHOLE_MAX_DOCUMENTS`]), as [`PRECOMPUTED`], the
/// messages the worker would send (what the worker reads for words and
/// search). Returns (documents, passages), the catalog's file name, and
/// whether [`PRECOMPUTED`] was written.
fn write_analysis(corpus_dir: &Path, intake: tongwen::intake::Intake) -> Result<((usize, usize), String, bool), String> {
    // Stock phrases by part of speech too: the native build has the dictionary.
    let names = tongwen::segment::Segmenter::builtin_names_test();
    let (analysis, chars) = tongwen::analysis::analyze_intake(intake, tongwen::reuse::Settings::default(), Some(&names), &mut |_| ());
    let counts = (analysis.documents.len(), analysis.passages.len());
    let shares = tongwen::view::shared_shares(&analysis.documents, &analysis.passages);
    let texts = tongwen::analysis::texts_from_chars(chars);
    let catalog = write_fragments(corpus_dir, &analysis, &texts, &shares)?;
    if counts.0 >= tongwen::published::WHOLE_MAX_DOCUMENTS {
        return Ok((counts, catalog, false));
    }
    let io = |e: io::Error| format!("cannot write {}: {e}", corpus_dir.join(PRECOMPUTED).display());
    // Written a message at a time, never the whole analysis as one string.
    let file = std::fs::File::create(corpus_dir.join(PRECOMPUTED)).map_err(io)?;
    let mut w = io::BufWriter::new(file);
    for message in tongwen::protocol::result_messages(analysis, texts, shares) {
        serde_json::to_writer(&mut w, &message).map_err(|e| e.to_string())?;
        io::Write::write_all(&mut w, b"\n").map_err(io)?;
    }
    io::Write::flush(&mut w).map_err(io)?;
    Ok((counts, catalog, true))
}

/// Writes one fragment per document under [`FRAGMENTS`], each named by its
/// content, then the catalog beside them; returns the catalog's file name
/// (relative to `corpus_dir`).
fn write_fragments(corpus_dir: &Path, analysis: &tongwen::Analysis, texts: &[String], shares: &[Vec<f64>]) -> Result<String, String> {
    let dir = corpus_dir.join(FRAGMENTS);
    let write = |path: &Path, bytes: &[u8]| std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut store = |bytes: &[u8]| {
        let name = format!("{}.json", content_hash(bytes));
        write(&dir.join(&name), bytes)?;
        Ok::<_, String>(format!("{FRAGMENTS}/{name}"))
    };
    let mut catalog = tongwen::published::publish(analysis, texts, shares, &mut store)?;
    // Too large for the worker to hold whole: the page searches in chunks.
    if analysis.documents.len() >= tongwen::published::WHOLE_MAX_DOCUMENTS {
        let root = tongwen::search_chunks::write_index(&analysis.documents, &mut store)?;
        catalog.search = Some(store(&serde_json::to_vec(&root).map_err(|e| e.to_string())?)?);
    }
    let bytes = serde_json::to_vec(&catalog).map_err(|e| e.to_string())?;
    let name = format!("catalog-{}.json", content_hash(&bytes));
    write(&corpus_dir.join(&name), &bytes)?;
    Ok(name)
}

/// Analyses the built-in corpus of a built site (`make dist` runs this on
/// `dist/`): the files its `corpus/manifest.json` lists, written as
/// [`PRECOMPUTED`] and named in the manifest, so the page shows the corpus
/// without starting a worker. Returns (documents, passages).
pub fn precompute(site: &Path) -> Result<(usize, usize), String> {
    let corpus_dir = site.join("corpus");
    let manifest_path = corpus_dir.join("manifest.json");
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let mut manifest: Manifest = serde_json::from_slice(&read(&manifest_path)?).map_err(|e| format!("{} is not a corpus manifest: {e}", manifest_path.display()))?;
    let mut intake = tongwen::intake::Intake::default();
    for entry in &manifest.documents {
        let bytes = read(&corpus_dir.join(&entry.file))?;
        let list = if entry.passim { &mut intake.passim } else { &mut intake.documents };
        list.push((entry.file.clone(), bytes));
    }
    let (counts, catalog, whole) = write_analysis(&corpus_dir, intake)?;
    manifest.precomputed = whole.then(|| PRECOMPUTED.to_owned());
    manifest.published = Some(catalog);
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    std::fs::write(&manifest_path, json).map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;
    Ok(counts)
}

/// Renames the finished `staging` to `out`, moving an earlier site aside
/// first and deleting it only once the new one is in place.
fn swap_into_place(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), String> {
    let fail = |e: io::Error| {
        let _ = std::fs::remove_dir_all(staging);
        format!("cannot move the new site to {}: {e}", out.display())
    };
    if !out.exists() {
        return std::fs::rename(staging, out).map_err(fail);
    }
    let old = parent.join(format!(".{name}.tongwen-old-{}", std::process::id()));
    std::fs::rename(out, &old).map_err(fail)?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(fail(e));
    }
    std::fs::remove_dir_all(&old).map_err(|e| format!("the new site is in place, but the old one could not be removed from {}: {e}", old.display()))
}
