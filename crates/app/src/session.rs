//! The corpora the user opens, adds to and changes (stored by
//! [`crate::store`]), each change ending in an analysis by the worker
//! ([`crate::analyzer`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::analyzer::{analyze, show_names, SharedAnalyzer};
use crate::problems::{Problem, Refusal};
use crate::state::{Action, AppState};
use tongwen::corpus::{CorpusMeta, DocMeta};
use tongwen::protocol::{FileIn, Kept};

/// Opens a corpus (`None`: the built-in one) and analyses it.
pub async fn open_corpus(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, id: Option<String>) {
    use super::loader::Builtin;
    let loaded = match &id {
        None => match super::loader::fetch_builtin_corpus().await {
            Ok(Builtin::Files(raw)) => {
                let (passim, pages) = split_raw(raw);
                Ok((None, pages, passim))
            }
            // Analysed at build time (`make dist`, `tongwen build-site`),
            // in fragments: shown with no worker, the document on screen
            // first, the others once it is painted (a small corpus) or as
            // they are opened. A worker starts after the first paint, for
            // words and search, and holds the whole analysis if there is one.
            Ok(Builtin::Published { url, catalog, shown }) => {
                let whole = url.is_some();
                crate::prefs::set_open_corpus(None);
                {
                    let mut a = analyzer.borrow_mut();
                    a.files.clear();
                    a.passim.clear();
                    a.precomputed = url;
                }
                dispatcher.dispatch(Action::CorpusOpened(None));
                show_names(&analyzer, &dispatcher, crate::prefs::builtin_names(&super::loader::corpus_dir()));
                let shown_first: Vec<usize> = shown.iter().map(|(i, _)| *i).collect();
                let (documents, passages) = crate::state::published_documents(&catalog, shown);
                dispatcher.dispatch(Action::PassagesInAll(catalog.passages));
                if catalog.search.is_some() {
                    dispatcher.dispatch(Action::PublishedSearch);
                }
                if !whole {
                    dispatcher.dispatch(Action::PublishedStories(catalog.stories.clone()));
                }
                crate::analyzer::show_result(&analyzer, &dispatcher, documents, passages);
                if !whole {
                    dispatcher.dispatch(Action::WordsFailed(tongwen::protocol::Failure::TooLargeForWords { documents: catalog.documents.len() }));
                }
                if catalog.documents.len() < tongwen::published::WHOLE_MAX_DOCUMENTS {
                    let rest = (0..catalog.documents.len()).filter(|i| !shown_first.contains(i)).map(|i| (i, Rc::new(catalog.documents[i].clone()))).collect();
                    crate::analyzer::after_paint().await;
                    crate::analyzer::fetch_fragments(&analyzer, &dispatcher, rest);
                } else if catalog.part_documents > 0 {
                    // The catalog parts of the sources the list shows
                    // first (a few KB each), so opening one of them costs
                    // its fragment alone.
                    let listed = crate::sidebar::SOURCES_PER_PAGE.div_ceil(catalog.part_documents);
                    crate::analyzer::after_paint().await;
                    let _ = crate::loader::fetch_parts(catalog.parts.iter().take(listed).cloned().collect()).await;
                }
                return;
            }
            Err(failure) => Err(Problem::from(failure)),
        },
        Some(id) => super::store::load(id).await.map_err(Problem::from).map(|(meta, bytes)| {
            let (passim, pages): (Vec<(bool, FileIn)>, Vec<(bool, FileIn)>) = meta
                .documents
                .iter()
                .zip(bytes)
                .map(|(d, b)| (d.passim, FileIn { id: d.id.clone(), bytes: b, encoding: d.encoding.clone() }))
                .partition(|(passim, _)| *passim);
            (Some(meta), pages.into_iter().map(|f| f.1).collect(), passim.into_iter().map(|f| f.1).collect())
        }),
    };
    match loaded {
        Ok((meta, pages, passim)) => {
            crate::prefs::set_open_corpus(meta.as_ref().map(|m| m.id.as_str()));
            let names = match &meta {
                Some(meta) => meta.given_names(),
                None => crate::prefs::builtin_names(&super::loader::corpus_dir()),
            };
            let settings = {
                let mut a = analyzer.borrow_mut();
                a.files = pages;
                a.passim = passim;
                a.precomputed = None;
                a.settings
            };
            dispatcher.dispatch(Action::CorpusOpened(meta));
            show_names(&analyzer, &dispatcher, names);
            analyze(&analyzer, &dispatcher, settings);
        }
        // A corpus that cannot be read: say so, and fall back to the built-in one.
        Err(problem) if id.is_some() => {
            dispatcher.dispatch(Action::Notice(Some(problem)));
            Box::pin(open_corpus(analyzer, dispatcher, None)).await;
        }
        Err(problem) => dispatcher.dispatch(Action::Failed(problem)),
    }
}

/// The built-in corpus's files as (passim output, pages).
fn split_raw(raw: Vec<super::loader::RawFile>) -> (Vec<FileIn>, Vec<FileIn>) {
    let (passim, pages): (Vec<_>, Vec<_>) = raw.into_iter().partition(|f| f.passim);
    let to_file = |f: super::loader::RawFile| FileIn { id: f.id, bytes: f.bytes, encoding: None };
    (passim.into_iter().map(to_file).collect(), pages.into_iter().map(to_file).collect())
}

/// Analyses the open corpus again with new settings; a precomputed corpus
/// has its files fetched first.
pub async fn reanalyze(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, settings: tongwen::reuse::Settings) {
    if analyzer.borrow().precomputed.is_some() && analyzer.borrow().files.is_empty() {
        let files = match super::loader::fetch_manifest().await {
            Ok(manifest) => super::loader::fetch_files(manifest).await,
            Err(e) => Err(e),
        };
        match files {
            Ok(raw) => {
                let (passim, pages) = split_raw(raw);
                let mut a = analyzer.borrow_mut();
                a.files = pages;
                a.passim = passim;
            }
            Err(failure) => return dispatcher.dispatch(Action::Failed(failure.into())),
        }
    }
    if !analyzer.borrow().files.is_empty() {
        analyze(&analyzer, &dispatcher, settings);
    }
}

/// Lists the stored corpora into the state.
pub async fn refresh_corpora(dispatcher: &UseReducerDispatcher<AppState>) {
    match super::store::list().await {
        Ok(list) => dispatcher.dispatch(Action::Corpora(list)),
        Err(error) => dispatcher.dispatch(Action::Notice(Some(error.into()))),
    }
}

/// Adds files to the open user corpus, or to a new one when the built-in
/// corpus is open. Stored first, all or nothing; then re-analyzed.
pub async fn add_files(
    analyzer: SharedAnalyzer,
    dispatcher: UseReducerDispatcher<AppState>,
    current: Option<CorpusMeta>,
    files: Vec<(String, Result<Vec<u8>, String>)>,
    // The name the user typed for the source (pasted text: one file).
    name: Option<String>,
) {
    let mut rejected = Vec::new();
    let readable: Vec<FileIn> = files
        .into_iter()
        .filter_map(|(name, bytes)| match bytes {
            Ok(bytes) => Some(FileIn { id: name, bytes, encoding: None }),
            Err(e) => {
                rejected.push((name, Refusal::Unreadable { detail: e }));
                None
            }
        })
        .collect();
    // Sorted in the worker (zips opened, binaries refused, ids made unique
    // in the corpus they join), never on this thread.
    let taken: Vec<String> = current.iter().flat_map(|m| m.documents.iter().map(|d| d.id.clone())).collect();
    let Some((kept, refused)) = crate::analyzer::take_in(&analyzer, readable, taken).await else {
        return dispatcher.dispatch(Action::Notice(Some(Problem::IntakeStopped)));
    };
    rejected.extend(refused);
    dispatcher.dispatch(Action::Rejected(rejected));
    let Some(first) = kept.first().map(|(k, _)| k.id.clone()) else { return };
    let mut meta = current.unwrap_or_else(|| super::store::new_corpus(Some(&first)));
    let mut added = Vec::new();
    for (Kept { id, passim }, bytes) in kept {
        meta.documents.push(DocMeta { id: id.clone(), encoding: None, name: name.clone(), passim, bytes: bytes.len() });
        added.push((id, bytes));
    }
    match super::store::save(&meta, &added, &[]).await {
        Ok(()) => {
            refresh_corpora(&dispatcher).await;
            open_corpus(analyzer, dispatcher, Some(meta.id)).await;
        }
        Err(error) => dispatcher.dispatch(Action::Notice(Some(error.into()))),
    }
}

/// Stores a changed corpus record (renamed, a document removed or given
/// another encoding or name) and, when `reanalyze`, opens it again.
pub async fn change_corpus(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, meta: CorpusMeta, removed: Vec<String>, reanalyze: bool) {
    match super::store::save(&meta, &[], &removed).await {
        Ok(()) => {
            refresh_corpora(&dispatcher).await;
            if reanalyze {
                open_corpus(analyzer, dispatcher, Some(meta.id)).await;
            } else {
                show_names(&analyzer, &dispatcher, meta.given_names());
                dispatcher.dispatch(Action::CorpusRenamed(meta));
            }
        }
        Err(error) => dispatcher.dispatch(Action::Notice(Some(error.into()))),
    }
}

/// Deletes one corpus (`Some`) or all of them (`None`, "Reset"), then
/// opens the built-in corpus.
pub async fn delete_corpus(analyzer: SharedAnalyzer, dispatcher: UseReducerDispatcher<AppState>, meta: Option<CorpusMeta>) {
    let done = match &meta {
        Some(m) => super::store::delete(m).await,
        None => super::store::delete_all().await,
    };
    if let Err(error) = done {
        dispatcher.dispatch(Action::Notice(Some(error.into())));
    }
    refresh_corpora(&dispatcher).await;
    open_corpus(analyzer, dispatcher, None).await;
}
