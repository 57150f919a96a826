//! The word engine's part of the reading pane: the context the app gives
//! (word view, the article's words, the query, the hit to show) and the
//! article's keywords.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::use_strings;
use tongwen::protocol::ArticleWords;
use tongwen::search::Field;
use tongwen::segment::KeywordMethod;

/// What the reading pane needs from the word engine, given by the app as a
/// context so it does not thread through every component.
#[derive(Clone, PartialEq, Default)]
pub struct WordsContext {
    pub word_view: bool,
    /// The words and keywords of the article on screen, once segmented.
    pub article_words: Option<Rc<ArticleWords>>,
    pub method: KeywordMethod,
    /// The search query, whose occurrences are marked in the text.
    pub query: String,
    /// The hit to scroll to: (field, begin).
    pub focus: Option<(Field, usize)>,
    /// A word or keyword was chosen: search for it (concordance: `true`).
    pub on_word: Callback<(String, bool)>,
    pub on_method: Callback<KeywordMethod>,
}

/// The article's keywords; each runs a search. TF-IDF or TextRank.
#[function_component(Keywords)]
pub fn keywords() -> Html {
    let t = use_strings();
    let words = use_context::<WordsContext>().unwrap_or_default();
    let Some(article_words) = &words.article_words else { return html! {} };
    let toggle = {
        let (cb, next) = (words.on_method.clone(), if words.method == KeywordMethod::TfIdf { KeywordMethod::TextRank } else { KeywordMethod::TfIdf });
        Callback::from(move |_| cb.emit(next))
    };
    html! {
        <div class="keywords">
            <span class="keywords-label">{ t.keywords }</span>
            <ul aria-label={t.keywords}>
                { for article_words.keywords.iter().take(tongwen::search::KEYWORDS).map(|(w, _)| {
                    let (cb, w2) = (words.on_word.clone(), w.clone());
                    html! { <li><button class="keyword" onclick={Callback::from(move |_| cb.emit((w2.clone(), false)))}>{ w }</button></li> }
                }) }
            </ul>
            <button class="toggle method" onclick={toggle} title={t.keyword_method}>
                { if words.method == KeywordMethod::TfIdf { "TF-IDF" } else { "TextRank" } }
            </button>
        </div>
    }
}
