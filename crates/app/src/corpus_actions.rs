//! What the corpus controls (the library bar and the sidebar) can ask:
//! open, add to, change and delete stored corpora. Each starts the
//! matching `session` task, which reports back as actions.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::library::PickedFiles;
use crate::analyzer::SharedAnalyzer;
use crate::session;
use crate::state::{Action, AppState};
use tongwen::corpus::CorpusMeta;

#[derive(Clone)]
pub struct CorpusActions {
    pub open: Callback<Option<String>>,
    /// Files for the open corpus (a new one if the built-in one is open).
    pub add: Callback<PickedFiles>,
    /// Files for a new corpus.
    pub add_new: Callback<PickedFiles>,
    /// Pasted text for the open corpus, with the name typed for it.
    pub paste: Callback<(Option<String>, PickedFiles)>,
    /// (document, the name its user gives the source; blank: the found one).
    pub rename_document: Callback<(String, String)>,
    pub rename: Callback<String>,
    pub delete: Callback<()>,
    /// Forget every stored corpus and return to the built-in one.
    pub reset: Callback<()>,
    /// (document, encoding to read it in; `None`: detect).
    pub set_encoding: Callback<(String, Option<String>)>,
    pub remove_document: Callback<String>,
    pub dismiss: Callback<()>,
}

impl CorpusActions {
    pub fn new(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>, current: &Option<CorpusMeta>) -> Self {
        let (a, d, c) = (analyzer.clone(), dispatcher.clone(), current.clone());
        CorpusActions {
            open: {
                let (a, d) = (a.clone(), d.clone());
                Callback::from(move |id| spawn_local(session::open_corpus(a.clone(), d.clone(), id)))
            },
            add: {
                let (a, d, c) = (a.clone(), d.clone(), c.clone());
                Callback::from(move |files| spawn_local(session::add_files(a.clone(), d.clone(), c.clone(), files, None)))
            },
            add_new: {
                let (a, d) = (a.clone(), d.clone());
                Callback::from(move |files| spawn_local(session::add_files(a.clone(), d.clone(), None, files, None)))
            },
            paste: {
                let (a, d, c) = (a.clone(), d.clone(), c.clone());
                Callback::from(move |(name, files)| spawn_local(session::add_files(a.clone(), d.clone(), c.clone(), files, name)))
            },
            rename_document: {
                let (a, d, c) = (a.clone(), d.clone(), c.clone());
                // A name re-analyses nothing: it is kept (with the user's
                // corpus, or in the browser for the site's) and shown.
                Callback::from(move |(doc, name): (String, String)| {
                    if c.is_some() {
                        change(&a, &d, &c, false, |m| m.documents.iter_mut().filter(|x| x.id == doc).for_each(|x| x.name = (!name.is_empty()).then(|| name.clone())));
                    } else {
                        let dir = crate::loader::corpus_dir();
                        let mut names = crate::prefs::builtin_names(&dir);
                        if name.is_empty() {
                            names.remove(&doc);
                        } else {
                            names.insert(doc, name);
                        }
                        crate::prefs::set_builtin_names(&dir, &names);
                        crate::analyzer::show_names(&a, &d, names);
                    }
                })
            },
            rename: {
                let (a, d, c) = (a.clone(), d.clone(), c.clone());
                Callback::from(move |name: String| change(&a, &d, &c, false, |m| m.name = name))
            },
            set_encoding: {
                let (a, d, c) = (a.clone(), d.clone(), c.clone());
                Callback::from(move |(doc, encoding): (String, Option<String>)| {
                    change(&a, &d, &c, true, |m| m.documents.iter_mut().filter(|x| x.id == doc).for_each(|x| x.encoding = encoding.clone()))
                })
            },
            remove_document: {
                let (a, d, c) = (a.clone(), d.clone(), c.clone());
                Callback::from(move |doc: String| {
                    let Some(mut meta) = c.clone() else { return };
                    meta.documents.retain(|x| x.id != doc);
                    spawn_local(session::change_corpus(a.clone(), d.clone(), meta, vec![doc], true));
                })
            },
            delete: {
                let (a, d, c) = (a.clone(), d.clone(), c.clone());
                Callback::from(move |()| spawn_local(session::delete_corpus(a.clone(), d.clone(), c.clone())))
            },
            reset: {
                let (a, d) = (a.clone(), d.clone());
                Callback::from(move |()| spawn_local(session::delete_corpus(a.clone(), d.clone(), None)))
            },
            dismiss: Callback::from(move |()| {
                d.dispatch(Action::Notice(None));
                d.dispatch(Action::Rejected(Vec::new()));
            }),
        }
    }
}

/// Saves an edit of the open corpus's manifest (none open: nothing to
/// edit), analyzing it again when `reanalyze`.
fn change(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>, current: &Option<CorpusMeta>, reanalyze: bool, edit: impl FnOnce(&mut CorpusMeta)) {
    if let Some(mut meta) = current.clone() {
        edit(&mut meta);
        spawn_local(session::change_corpus(analyzer.clone(), dispatcher.clone(), meta, Vec::new(), reanalyze));
    }
}
