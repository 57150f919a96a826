//! Search in a large published corpus, run by the page itself through the
//! chunked index `tongwen build-site` writes ([`tongwen::search_chunks`]):
//! the root on the first search, the chunks a query's keys need, and the
//! fragments of the articles listed. The worker cannot hold such a corpus
//! whole, and is never started for it.

use std::rc::Rc;

use tongwen::protocol::Failure;
use tongwen::published::{CatalogDocument, FragmentFile};

use crate::loader::{fetch_fragment_files, fetch_read, full_entries, open_catalog};

thread_local! {
    /// The index's root and the chunks read so far, each fetched once.
    static SEARCH_ROOT: std::cell::RefCell<Option<tongwen::search_chunks::SearchRoot>> = const { std::cell::RefCell::new(None) };
    static SEARCH_CHUNKS: std::cell::RefCell<std::collections::HashMap<String, std::collections::HashMap<String, tongwen::search_chunks::Postings>>> = std::cell::RefCell::new(std::collections::HashMap::new());
    /// The root's fetch while it runs: the warm-up on focus and a search
    /// typed before it ends wait on the same request, not two.
    static ROOT_FETCH: std::cell::RefCell<Option<futures::future::Shared<futures::future::LocalBoxFuture<'static, Result<(), Failure>>>>> = const { std::cell::RefCell::new(None) };
}

/// The open published corpus's catalog, or why there is none to search.
fn open_published() -> Result<Rc<tongwen::published::Catalog>, Failure> {
    open_catalog().ok_or_else(|| Failure::Published { detail: "no published corpus is open".into() })
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

/// Fetches the index's root if it was not read yet, once however many ask
/// while it comes (a failed fetch is tried again by the next).
pub async fn fetch_root() -> Result<(), Failure> {
    use futures::FutureExt;
    if SEARCH_ROOT.with_borrow(Option::is_some) {
        return Ok(());
    }
    let fetch = ROOT_FETCH.with_borrow_mut(|f| f.get_or_insert_with(|| read_root().boxed_local().shared()).clone());
    let result = fetch.await;
    ROOT_FETCH.with_borrow_mut(|f| *f = None);
    result
}

async fn read_root() -> Result<(), Failure> {
    let catalog = open_published()?;
    let root_file = catalog.search.clone().ok_or_else(|| Failure::Published { detail: "the corpus has no search index".into() })?;
    let read = fetch_read(vec![((), root_file)], |_, bytes, name| tongwen::search_chunks::read_root(bytes, name)).await?;
    SEARCH_ROOT.with_borrow_mut(|r| *r = read.into_iter().next().map(|(_, root)| root));
    Ok(())
}

/// The index's answer to `query`: the root and the chunks the query's keys
/// need (each fetched once), the candidate articles, and the catalog parts
/// of the documents listed.
pub async fn search_index(query: &str) -> Result<PublishedSearch, Failure> {
    use tongwen::search_chunks as index;
    let started = js_sys::Date::now();
    let catalog = open_published()?;
    fetch_root().await?;
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
    let entries = full_entries(docs.iter().filter_map(|&d| Some((d, catalog.documents.get(d)?))).collect()).await?;
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
