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

    /// Its search index's root and the chunks read so far, each fetched once.
    static SEARCH_ROOT: std::cell::RefCell<Option<tongwen::search_chunks::SearchRoot>> = const { std::cell::RefCell::new(None) };
    static SEARCH_CHUNKS: std::cell::RefCell<std::collections::HashMap<String, std::collections::HashMap<String, tongwen::search_chunks::Postings>>> = std::cell::RefCell::new(std::collections::HashMap::new());

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
/// page's wasm, and one per kind cost it 10 KB gzipped.
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
async fn fetch_read<K, T>(items: Vec<(K, String)>, read: impl Fn(&K, &[u8], &str) -> Result<T, tongwen::published::ReadError>) -> Result<Vec<(K, T)>, Failure> {
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

/// Articles a published search lists with their hits in context (each
/// needs its document's fragment).
pub const SEARCH_LISTED: usize = 20;

/// A search of the published corpus through its chunked index
/// ([`tongwen::search_chunks`]), as far as the index alone tells: which
/// articles hold the query and how often, and the catalog entries of the
/// documents of the first [`SEARCH_LISTED`], in full (titles for the
/// list).
pub struct PublishedSearch {
    pub query: String,
    /// (document, article) and its count (exact for one key, else an
    /// upper bound), most first.
    pub located: Vec<((usize, usize), u32)>,
    /// The query is one key: counts are exact.
    pub exact: bool,
    /// The documents of the articles listed, in full.
    pub entries: Vec<(usize, Rc<CatalogDocument>)>,
    started: f64,
}

/// The index's answer to `query`: the root and the chunks the query's keys
/// need (each fetched once), the candidate articles, and the catalog parts
/// of the documents listed.
pub async fn search_index(query: &str) -> Result<PublishedSearch, Failure> {
    use tongwen::search_chunks as index;
    let started = js_sys::Date::now();
    let catalog = CATALOG.with_borrow(Clone::clone).ok_or_else(|| Failure::Published { detail: "no published corpus is open".into() })?;
    let root_file = catalog.search.clone().ok_or_else(|| Failure::Published { detail: "the corpus has no search index".into() })?;
    if SEARCH_ROOT.with_borrow(Option::is_none) {
        let read = fetch_read(vec![((), root_file)], |_, bytes, name| index::read_root(bytes, name)).await?;
        SEARCH_ROOT.with_borrow_mut(|r| *r = read.into_iter().next().map(|(_, root)| root));
    }
    let keys = index::query_keys(query);
    let mut chunks: Vec<String> = SEARCH_ROOT.with_borrow(|root| keys.iter().filter_map(|k| index::chunk_for(root.as_ref()?, k).map(str::to_owned)).collect());
    chunks.retain(|c| !SEARCH_CHUNKS.with_borrow(|read| read.contains_key(c)));
    chunks.sort_unstable();
    chunks.dedup();
    let fetched = fetch_read(chunks.iter().map(|c| (c.clone(), c.clone())).collect(), |_, bytes, name| index::read_chunk(bytes, name)).await?;
    SEARCH_CHUNKS.with_borrow_mut(|read| read.extend(fetched.into_iter().map(|(name, keys)| (name, keys.into_iter().collect()))));
    let found = SEARCH_ROOT.with_borrow(|root| SEARCH_CHUNKS.with_borrow(|read| index::candidates(&keys, |k| read.get(index::chunk_for(root.as_ref()?, k)?)?.get(k).cloned())));
    let numbers = index::ArticleNumbers::new(catalog.documents.iter().map(|d| d.articles.len()));
    let located: Vec<((usize, usize), u32)> = found.iter().filter_map(|&(n, count)| Some((numbers.locate(n)?, count))).collect();
    let mut docs: Vec<usize> = located.iter().take(SEARCH_LISTED).map(|((d, _), _)| *d).collect();
    docs.sort_unstable();
    docs.dedup();
    let listed: Vec<&CatalogDocument> = docs.iter().filter_map(|&d| catalog.documents.get(d)).collect();
    fetch_parts(listed.iter().filter_map(|e| e.part.clone()).collect()).await?;
    let entries = CATALOG_PARTS
        .with_borrow(|read| docs.iter().zip(&listed).map(|(&d, e)| tongwen::published::full_entry(e, |p| read.get(p).map(Vec::as_slice)).map(|e| (d, Rc::new(e)))).collect::<Result<_, _>>())
        .map_err(|e| Failure::Published { detail: e.to_string() })?;
    Ok(PublishedSearch { query: query.trim().to_owned(), located, exact: keys.len() == 1, entries, started })
}

impl PublishedSearch {
    /// The fragment files of the documents listed.
    pub async fn fetch_listed(&self) -> Result<Vec<(usize, FragmentFile)>, Failure> {
        fetch_fragment_files(self.entries.clone()).await
    }

    /// The results to show: the articles listed with their hits found in
    /// `files` (the documents' fragments), or, before those come, with
    /// their counts alone (`None`; only for an exact count).
    pub fn results(&self, files: Option<&[(usize, FragmentFile)]>) -> tongwen::search::SearchResults {
        use tongwen::model::DocIndex;
        let listed = &self.located[..self.located.len().min(SEARCH_LISTED)];
        let mut results = tongwen::search::SearchResults { query: self.query.clone(), ..Default::default() };
        for &((d, k), count) in listed {
            let hits = match files {
                None => Some(tongwen::search::ArticleHits { doc: DocIndex(d), article: k, count: count as usize, whole_words: 0, hits: Vec::new() }),
                Some(files) => files.iter().find(|(i, _)| *i == d).and_then(|(_, f)| tongwen::search_chunks::article_hits(DocIndex(d), k, f.doc.articles.get(k)?, &self.query)),
            };
            results.articles.extend(hits);
        }
        results.articles.sort_by_key(|g| (std::cmp::Reverse(g.count), g.doc, g.article));
        let mut per_source: std::collections::BTreeMap<usize, usize> = Default::default();
        if self.exact {
            // One key: its counts are exact for every article, listed or not.
            for &((d, _), c) in &self.located {
                *per_source.entry(d).or_default() += c as usize;
            }
            results.capped = self.located.len() > listed.len();
        } else {
            for g in &results.articles {
                *per_source.entry(g.doc.0).or_default() += g.count;
            }
            results.unconfirmed = self.located.len() - listed.len();
        }
        results.total = per_source.values().sum();
        results.per_source = per_source.into_iter().map(|(d, n)| (DocIndex(d), n)).collect();
        results.elapsed_ms = js_sys::Date::now() - self.started;
        results
    }
}

/// Every file a manifest lists, in its order.
pub async fn fetch_files(manifest: Manifest) -> Result<Vec<RawFile>, Failure> {
    let fetched = fetch_all(manifest.documents.iter().map(|e| e.file.clone()).collect()).await?;
    Ok(manifest.documents.into_iter().zip(fetched).map(|(entry, bytes)| RawFile { id: entry.file, bytes, passim: entry.passim }).collect())
}
