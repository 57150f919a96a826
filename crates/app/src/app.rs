//! The root component: it holds the state, starts the worker and the first
//! load, wires the window's hooks, and lays out the panes. What changes
//! the state is `state`; what the changes ask of the browser is `effects`.

use std::rc::Rc;

use yew::prelude::*;

use crate::compare::CompareView;
use crate::corpus_actions::CorpusActions;
use crate::i18n::Lang;
use crate::reading::{ReadingPane, WordsContext};
use crate::send;
use crate::analyzer::{ask, start_worker, Analyzer, SharedAnalyzer};
use crate::sidebar::Sidebar;
use crate::state::{Action, AppState, View};
use crate::topbar::TopBar;
use crate::window::{use_file_drop, use_hash_navigation, use_keys};
use tongwen::protocol::{ExportKind, Request};
use tongwen::view::Route;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState { user_words: Rc::new(crate::prefs::user_words()), ..AppState::default() });
    // The worker lives as long as the app; analysis never runs on this thread.
    let analyzer: SharedAnalyzer = use_mut_ref(Analyzer::default);
    {
        let (analyzer, dispatcher) = (analyzer.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            // No worker yet: a precomputed corpus is shown without one, and
            // the first request for analysis, words or search starts it
            // (with the user's own words, remembered from the last visit).
            crate::analyzer::attach(&analyzer, dispatcher.clone());
            // The corpus open last time, else the built-in one.
            wasm_bindgen_futures::spawn_local(async move {
                crate::session::open_corpus(analyzer, dispatcher.clone(), crate::prefs::open_corpus()).await;
                crate::session::refresh_corpora(&dispatcher).await;
            });
            || ()
        });
    }
    // What each change of state asks of the world (the reducer decides,
    // effects.rs carries it out), run after the render that shows it.
    {
        let (analyzer, dispatcher) = (analyzer.clone(), state.dispatcher());
        use_effect(move || crate::effects::run_pending(&analyzer, &dispatcher));
    }
    use_hash_navigation(state.dispatcher());
    use_keys(state.dispatcher());
    let bars_hidden = crate::window::use_bars_hidden_on_scroll();
    let corpus = CorpusActions::new(&analyzer, &state.dispatcher(), &state.corpus);
    let dragging = use_file_drop(corpus.add.clone());
    // Interface language: the browser's, unless the reader chose; remembered.
    let lang = use_state(|| crate::prefs::lang().unwrap_or_else(Lang::from_browser));
    use_effect_with(*lang, |l| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", l.code());
        }
        || ()
    });
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            crate::prefs::set_lang(next);
            lang.set(next);
        })
    };
    let on_cancel = {
        let (analyzer, dispatcher) = (analyzer.clone(), state.dispatcher());
        Callback::from(move |()| {
            // Terminates the busy worker; a fresh one waits for the next job.
            start_worker(&analyzer, dispatcher.clone());
            dispatcher.dispatch(Action::Cancelled);
        })
    };
    let export = {
        let analyzer = analyzer.clone();
        Callback::from(move |kind: ExportKind| ask(&analyzer, &Request::Export(kind)))
    };
    let long = tongwen::reuse::long_passage(state.settings);
    let words_context = WordsContext {
        word_view: state.word_view,
        article_words: state.article_words.clone(),
        method: state.keyword_method,
        query: if matches!(state.view, View::Search { .. }) { String::new() } else { state.query.trim().to_owned() },
        focus: state.focus,
        on_word: send(&state, |(word, concordance): (String, bool)| if concordance { Action::Concordance(word) } else { Action::Query(word) }),
        on_method: send(&state, Action::KeywordMethod),
    };
    let t = lang.strings();
    html! {
        <ContextProvider<Lang> context={*lang}>
        <ContextProvider<WordsContext> context={words_context}>
        <div class={classes!("app", bars_hidden.then_some("bars-hidden"))}>
            <button class="toggle skip-link" onclick={Callback::from(|_| crate::window::focus_text())}>{ t.skip_to_text }</button>
            <TopBar state={state.clone()} lang={*lang} on_lang={on_lang} on_cancel={on_cancel} on_export={export.clone()} />
            if state.help {
                <div class="shortcuts" role="dialog" aria-label={t.shortcuts}>
                    <h2>{ t.shortcuts }</h2>
                    <dl>
                        <dt>{"Tab / Shift+Tab"}</dt><dd>{ t.key_tab }</dd>
                        <dt>{"Enter"}</dt><dd>{ t.key_enter }</dd>
                        <dt>{"n / p"}</dt><dd>{ t.key_np }</dd>
                        <dt>{"Esc"}</dt><dd>{ t.key_esc }</dd>
                        <dt>{"/"}</dt><dd>{ t.key_search }</dd>
                        <dt>{"?"}</dt><dd>{ t.key_help }</dd>
                    </dl>
                </div>
            }
            if state.dictionary_open {
                <crate::dictionary::DictionaryPanel words={state.user_words.clone()} candidates={state.candidates.clone()}
                    on_change={send(&state, Action::SetUserWords)} on_close={send(&state, |()| Action::ToggleDictionary)} />
            }
            if dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ t.drop_here }</p></div>
            }
            <Sidebar sources={state.sources.clone()} selected={state.selected} article={state.article}
                     shares={state.shares.clone()} on_select={send(&state, Action::Select)}
                     on_article={send(&state, |(i, a)| Action::SelectArticle(i, a))}
                     corpus={state.corpus.clone()} on_encoding={corpus.set_encoding.clone()} on_remove={corpus.remove_document.clone()}
                     on_rename_doc={corpus.rename_document.clone()}>
                <crate::library::CorpusBar corpora={state.corpora.clone()} current={state.corpus.clone()}
                    rejected={state.rejected.clone()} notice={state.notice.clone()}
                    on_open={corpus.open} on_files={corpus.add} on_new={corpus.add_new} on_paste={corpus.paste} on_rename={corpus.rename}
                    on_delete={corpus.delete} on_reset={corpus.reset} on_dismiss={corpus.dismiss} />
            </Sidebar>
            <main class="reading">
                { match (state.view, state.sources.get(state.selected).cloned()) {
                    (View::Compare { passage, left, right }, _) => html! {
                        <CompareView sources={state.sources.clone()} passages={state.passages.clone()}
                                     passage={passage} left={left} right={right} long={long}
                                     on_right={send(&state, Action::CompareWith)} on_step={send(&state, Action::Step)}
                                     on_close={send(&state, |_| Action::CloseCompare)}
                                     on_tei={export.reform(move |story| ExportKind::StoryTei { story, long })} />
                    },
                    (View::Read, Some(source)) => html! {
                        <ReadingPane source={source} article={state.article} raw={state.raw} on_toggle_raw={send(&state, |_| Action::ToggleRaw)}
                                     passages={state.passages.clone()} sources={state.sources.clone()}
                                     on_compare={{
                                         // The pane counts passages in the list it was drawn with.
                                         let drawn = state.passages.clone();
                                         send(&state, move |(p, m): (usize, usize)| Action::Compare(drawn.get(p).map_or(usize::MAX, |x| x.id), m))
                                     }} />
                    },
                    (View::Read, None) => html! {},
                    (View::Search { concordance }, _) => html! {
                        <crate::search::SearchView query={state.query.clone()} found={state.found.clone()} words={state.words.clone()} indexed={state.published_search}
                                                   concordance={concordance} sources={state.sources.clone()}
                                                   on_open={send(&state, |(d, a, f, b)| Action::OpenHit(d, a, f, b))}
                                                   on_mode={send(&state, |concordance| Action::ShowSearch { concordance })} />
                    },
                    (View::Missing, source) => html! {
                        <section class="missing" role="alert">
                            <h2>{ t.not_found_title }</h2>
                            <p>{ (t.not_found)(&state.missing.as_ref().map(|r| r.to_hash()).unwrap_or_default()) }</p>
                            <a class="toggle" href={source.map_or_else(|| "#/overview".to_owned(), |s| Route::Read { doc: s.doc.id.clone(), article: state.article }.to_hash())}>
                                { t.back_to_reading }
                            </a>
                        </section>
                    },
                    (View::Overview, _) => html! {
                        <crate::overview::OverviewView sources={state.sources.clone()} passages={state.passages.clone()} corpus_stories={state.corpus_stories.clone()}
                                                       on_pair={send(&state, |(p, l, r)| Action::CompareMembers(p, l, r))} />
                    },
                } }
            </main>
        </div>
        </ContextProvider<WordsContext>>
        </ContextProvider<Lang>>
    }
}
