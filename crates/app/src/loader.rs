//! Fetching the built-in corpus. URLs are relative so the site works from
//! any sub-path (GitHub Pages serves it under `/<repo>/`).

use tongwen::protocol::Failure;
use tongwen_web::fetch_bytes;

use futures::channel::oneshot;
use tongwen::corpus::Manifest;
use tongwen::model::Passage;

use std::rc::Rc;
use tongwen::published::{Catalog, CatalogDocument, Fragment, FragmentFile};

/// Where the built-in corpus lives, relative to `index.html`.
pub const CORPUS_DIR: &str = "corpus/";

/// A file of the built-in corpus, still as raw bytes.
pub struct RawFile {
    pub id: String,
    pub bytes: Vec<u8>,
    /// passim output rather than a page (the manifest says so).
    pub passim: bool,
}

/// The corpus to open: `?corpus=<dir>/` names another directory of the
/// site (benchmarks use it); anything but a plain relative path is ignored,
/// so the page can never be pointed at another origin.
pub fn corpus_dir() -> String {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let asked = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("corpus="));
    match asked {
        Some(dir) if tongwen::corpus::is_safe_relative_dir(dir) => {
            if dir.ends_with('/') { dir.to_owned() } else { format!("{dir}/") }
        }
        _ => CORPUS_DIR.to_owned(),
    }
}

/// How many files are fetched at once: enough to hide latency on a slow
/// link, few enough that a large corpus does not flood the page.
const PARALLEL_FETCHES: usize = 8;

/// The built-in corpus: its files, or its analysis precomputed (by `make
/// dist` or `tongwen build-site`; the files are then fetched only if the
/// reader changes a setting).
pub enum Builtin {
    Files(Vec<RawFile>),
    /// Its analysis in fragments ([`tongwen::published`]): the catalog
    /// and the fragments fetched before the first view (the document the
    /// link names, or the first); [`crate::analyzer::fetch_fragments`] brings the others.
    /// `url` is the whole analysis, which the worker reads for words and search.
    /// `url` is `None` for a large corpus ([`tongwen::published::WHOLE_MAX_DOCUMENTS`]).
    Published { url: Option<String>, catalog: Rc<Catalog>, shown: Vec<(usize, Fragment)> },
}

pub async fn fetch_manifest() -> Result<Manifest, Failure> {
    let dir = corpus_dir();
    fetch_bytes(&format!("{dir}manifest.json"))
        .await
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| Failure::Manifest { detail: e.to_string() }))
}

thread_local! {
    /// The passage files of the published corpus read so far: a passage
    /// file serves several documents, and is fetched once.
    static PASSAGE_FILES: std::cell::RefCell<std::collections::HashMap<String, Vec<Passage>>> = std::cell::RefCell::new(std::collections::HashMap::new());

    /// The published corpus open, once its catalog is read.
    static CATALOG: std::cell::RefCell<Option<Rc<Catalog>>> = const { std::cell::RefCell::new(None) };

    /// The catalog parts read so far (a large corpus's: see
    /// [`tongwen::published::PART_DOCUMENTS`]), each fetched once.
    static CATALOG_PARTS: std::cell::RefCell<std::collections::HashMap<String, Vec<CatalogDocument>>> = std::cell::RefCell::new(std::collections::HashMap::new());

    /// The built-in corpus, on its way since before the first render.
    static EARLY: std::cell::RefCell<Option<oneshot::Receiver<Result<Builtin, Failure>>>> = const { std::cell::RefCell::new(None) };
}

/// Starts fetching the built-in corpus before the app first renders, so
/// its files are on their way while the page builds itself; the first
/// [`fetch_builtin_corpus`] takes the result.
pub fn prefetch_builtin_corpus() {
    let (send, receive) = oneshot::channel();
    EARLY.with_borrow_mut(|early| *early = Some(receive));
    wasm_bindgen_futures::spawn_local(async move {
        let _ = send.send(fetch_builtin_now().await);
    });
}

/// The built-in corpus: the manifest, then the precomputed analysis it
/// names, or else every file it lists.
pub async fn fetch_builtin_corpus() -> Result<Builtin, Failure> {
    match EARLY.with_borrow_mut(Option::take) {
        Some(early) => match early.await {
            Ok(result) => result,
            Err(_) => fetch_builtin_now().await,
        },
        None => fetch_builtin_now().await,
    }
}

async fn fetch_builtin_now() -> Result<Builtin, Failure> {
    let manifest = fetch_manifest().await?;
    let safe = |p: &Option<String>| p.clone().filter(|p| tongwen::corpus::is_safe_relative_dir(p));
    if let Some(catalog) = safe(&manifest.published) {
        let url = safe(&manifest.precomputed).map(|p| format!("{}{p}", corpus_dir()));
        let catalog = fetch_catalog(&format!("{}{catalog}", corpus_dir())).await?;
        CATALOG.with_borrow_mut(|c| *c = Some(Rc::new(catalog.clone())));
        let first = first_shown(&catalog).into_iter().map(|i| (i, Rc::new(catalog.documents[i].clone()))).collect();
        let shown = fetch_fragments(first).await?;
        return Ok(Builtin::Published { url, catalog: Rc::new(catalog), shown });
    }
    // A manifest without a catalog (no site build-site writes: it always
    // writes the app beside its corpus) is analysed from its pages.
    fetch_files(manifest).await.map(Builtin::Files)
}

async fn fetch_catalog(url: &str) -> Result<Catalog, Failure> {
    let bytes = fetch_bytes(url).await?;
    tongwen::published::read_catalog(&bytes, url).map_err(|e| Failure::Published { detail: e.to_string() })
}

/// The documents to fetch before the first view: the one the link reads
/// (`#/read/<doc>/…`), else the first; every document of a small corpus
/// for a link to the overview, a comparison or a search, which draw on
/// all of them.
fn first_shown(catalog: &Catalog) -> Vec<usize> {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    match tongwen::view::Route::parse(&hash) {
        None => vec![0],
        Some(tongwen::view::Route::Read { doc, .. }) => vec![catalog.documents.iter().position(|d| d.id == doc).unwrap_or(0)],
        // Too large to fetch whole: the first, and the overview's story
        // list, search and comparisons draw on what the reader opens.
        Some(_) if catalog.documents.len() >= tongwen::published::WHOLE_MAX_DOCUMENTS => vec![0],
        Some(_) => (0..catalog.documents.len()).collect(),
    }
}

/// Fetches files of the corpus directory (paths relative to it; never
/// another origin), a few at a time, in order. Every kind of file goes
/// through this one function: each async state machine is a copy in the
/// page's wasm.
async fn fetch_all(files: Vec<String>) -> Result<Vec<Vec<u8>>, Failure> {
    use futures::{StreamExt, TryStreamExt};
    let dir = corpus_dir();
    futures::stream::iter(files)
        .map(|file| {
            let url = format!("{dir}{file}");
            async move {
                if !tongwen::corpus::is_safe_relative_dir(&file) {
                    return Err(Failure::Published { detail: format!("{file} is not a path in the site") });
                }
                fetch_bytes(&url).await
            }
        })
        .buffered(PARALLEL_FETCHES)
        .try_collect()
        .await
}

/// [`fetch_all`], each file then read by `read` (given the key it came
/// with, its bytes and its name).
pub async fn fetch_read<K, T>(items: Vec<(K, String)>, read: impl Fn(&K, &[u8], &str) -> Result<T, tongwen::published::ReadError>) -> Result<Vec<(K, T)>, Failure> {
    let (keys, files): (Vec<K>, Vec<String>) = items.into_iter().unzip();
    let fetched = fetch_all(files.clone()).await?;
    keys.into_iter()
        .zip(files)
        .zip(fetched)
        .map(|((key, file), bytes)| read(&key, &bytes, &file).map(|value| (key, value)).map_err(|e| Failure::Published { detail: e.to_string() }))
        .collect()
}

/// The fragments of these documents of a published corpus (index, what
/// the catalog says of it) with their passages: the catalog parts that
/// list them (a large corpus's), the fragment files, then the passage
/// files they name, each once.
pub async fn fetch_fragments(wanted: Vec<(usize, Rc<CatalogDocument>)>) -> Result<Vec<(usize, Fragment)>, Failure> {
    let files = fetch_fragment_files(wanted).await?;
    fetch_passage_files(passage_files_of(&files)).await?;
    Ok(assemble(files))
}

/// The fragment files of these documents (index, what the catalog says of
/// it), their catalog parts fetched first where the catalog leaves them to
/// parts.
pub async fn fetch_fragment_files(wanted: Vec<(usize, Rc<CatalogDocument>)>) -> Result<Vec<(usize, FragmentFile)>, Failure> {
    fetch_parts(wanted.iter().filter_map(|(_, e)| e.part.clone()).collect()).await?;
    let wanted: Vec<((usize, CatalogDocument), String)> = CATALOG_PARTS
        .with_borrow(|read| wanted.iter().map(|(i, e)| tongwen::published::full_entry(e, |p| read.get(p).map(Vec::as_slice)).map(|e| ((*i, e.clone()), e.fragment))).collect::<Result<_, _>>())
        .map_err(|e| Failure::Published { detail: e.to_string() })?;
    let files = fetch_read(wanted, |(_, entry), bytes, _| tongwen::published::read_fragment(bytes, entry)).await?;
    Ok(files.into_iter().map(|((i, _), f)| (i, f)).collect())
}

/// The passage files these fragments name.
pub fn passage_files_of(files: &[(usize, FragmentFile)]) -> Vec<String> {
    files.iter().flat_map(|(_, f)| f.passage_files.iter().cloned()).collect()
}

/// Fetches these passage files, those not read yet, each once; returns
/// the names of those it fetched.
pub async fn fetch_passage_files(mut names: Vec<String>) -> Result<Vec<String>, Failure> {
    names.retain(|n| !PASSAGE_FILES.with_borrow(|read| read.contains_key(n)));
    names.sort_unstable();
    names.dedup();
    let fetched = fetch_read(names.iter().map(|n| (n.clone(), n.clone())).collect(), |_, bytes, name| tongwen::published::read_passages(bytes, name)).await?;
    PASSAGE_FILES.with_borrow_mut(|read| read.extend(fetched));
    Ok(names)
}

/// Fragment files with the passages of theirs that are read (a passage
/// file still on its way gives none yet).
pub fn assemble(files: Vec<(usize, FragmentFile)>) -> Vec<(usize, Fragment)> {
    PASSAGE_FILES.with_borrow(|read| files.into_iter().map(|(i, f)| (i, Fragment::assemble(f, |name| read.get(name).map(Vec::as_slice)))).collect())
}

/// The passages in these passage files (read already) with a member in
/// one of these documents.
pub fn passages_of(files: &[String], docs: &[String]) -> Vec<Passage> {
    PASSAGE_FILES.with_borrow(|read| {
        files.iter().filter_map(|f| read.get(f)).flatten().filter(|p| p.members.iter().any(|m| docs.contains(&m.doc))).cloned().collect()
    })
}

/// The stories file of a published corpus (the overview's list).
pub async fn fetch_stories(file: String) -> Result<tongwen::published::Stories, Failure> {
    let read = fetch_read(vec![((), file)], |_, bytes, name| tongwen::published::read_stories(bytes, name)).await?;
    Ok(read.into_iter().next().map(|(_, stories)| stories).unwrap_or_default())
}

/// Fetches these catalog parts, those not read yet, each once.
pub async fn fetch_parts(mut names: Vec<String>) -> Result<(), Failure> {
    names.retain(|p| !CATALOG_PARTS.with_borrow(|read| read.contains_key(p)));
    names.sort_unstable();
    names.dedup();
    let fetched = fetch_read(names.iter().map(|n| (n.clone(), n.clone())).collect(), |_, bytes, name| tongwen::published::read_part(bytes, name)).await?;
    CATALOG_PARTS.with_borrow_mut(|read| read.extend(fetched));
    Ok(())
}

/// The published corpus open, once its catalog is read.
pub fn open_catalog() -> Option<Rc<Catalog>> {
    CATALOG.with_borrow(Clone::clone)
}

/// These entries in full, from their catalog parts (fetched first where
/// not read yet).
pub async fn full_entries(entries: Vec<(usize, &CatalogDocument)>) -> Result<Vec<(usize, Rc<CatalogDocument>)>, Failure> {
    fetch_parts(entries.iter().filter_map(|(_, e)| e.part.clone()).collect()).await?;
    CATALOG_PARTS
        .with_borrow(|read| entries.iter().map(|&(d, e)| tongwen::published::full_entry(e, |p| read.get(p).map(Vec::as_slice)).map(|e| (d, Rc::new(e)))).collect::<Result<_, _>>())
        .map_err(|e| Failure::Published { detail: e.to_string() })
}

/// Every file a manifest lists, in its order.
pub async fn fetch_files(manifest: Manifest) -> Result<Vec<RawFile>, Failure> {
    let fetched = fetch_all(manifest.documents.iter().map(|e| e.file.clone()).collect()).await?;
    Ok(manifest.documents.into_iter().zip(fetched).map(|(entry, bytes)| RawFile { id: entry.file, bytes, passim: entry.passim }).collect())
}
