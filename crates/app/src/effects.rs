//! Carries out what the reducer asks ([`Effect`]): the one place where a
//! change of state reaches the worker, storage and the URL.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::analyzer::{ask, SharedAnalyzer};
use crate::state::{Action, AppState, Effect};

thread_local! {
    /// Effects of the changes not yet rendered. Several actions can land
    /// before the next render; each one's effects are kept, in order.
    static PENDING: RefCell<Vec<Effect>> = const { RefCell::new(Vec::new()) };
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let effects = AppState::reduce(&mut next, action);
        PENDING.with_borrow_mut(|pending| pending.extend(effects));
        Rc::new(next)
    }
}

/// Runs the effects of every change since the last render.
pub fn run_pending(analyzer: &SharedAnalyzer, dispatcher: &UseReducerDispatcher<AppState>) {
    crate::analyzer::ask_words_once_rendered(analyzer);
    for effect in PENDING.with_borrow_mut(std::mem::take) {
        match effect {
            Effect::Reanalyze(settings) => wasm_bindgen_futures::spawn_local(crate::session::reanalyze(analyzer.clone(), dispatcher.clone(), settings)),
            Effect::Ask(request) => ask(analyzer, &request),
            Effect::SaveUserWords(words) => crate::prefs::set_user_words(&words),
            Effect::FetchFragments(wanted) => crate::analyzer::fetch_fragments(analyzer, dispatcher, wanted),
            Effect::FetchStories(file) => {
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::loader::fetch_stories(file).await {
                        Ok(stories) => dispatcher.dispatch(Action::StoriesArrived(Rc::new(stories))),
                        Err(failure) => dispatcher.dispatch(Action::Notice(Some(crate::problems::Problem::from(failure)))),
                    }
                });
            }
            Effect::WarmPublishedSearch => wasm_bindgen_futures::spawn_local(async {
                // A failure here is said by the search that needs the root.
                let _ = crate::published_search::fetch_root().await;
            }),
            Effect::SearchPublished(query) => crate::analyzer::search_published(dispatcher, query),
            // A new history entry per move, unless the URL says it already.
            // Where it names this screen already, only without the settings
            // (a link inside the page, one typed by hand), or only the
            // settings changed, the entry is rewritten: Back goes to the
            // screen before, never to the same screen.
            Effect::ShowRoute { route, shown, replace } => {
                if let Some(window) = web_sys::window() {
                    let hash = tongwen::view::link(&route, &shown);
                    let now = window.location().hash().unwrap_or_default();
                    let same_screen = tongwen::view::Route::parse(&now).as_ref() == Some(&route);
                    if now != hash {
                        match window.history() {
                            Ok(history) if replace || same_screen => {
                                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
                            }
                            _ => {
                                crate::window::push_hash(&window, &hash);
                            }
                        }
                    }
                }
            }
        }
    }
}
