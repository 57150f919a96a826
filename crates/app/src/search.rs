//! Corpus search results: by article, or as a concordance (KWIC) aligned
//! on the keyword. Every hit opens its place in the text.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Source, WordsStatus};
use super::i18n::use_strings;
use crate::concordance::{lines, Order};
use crate::labels::{article_label, witness_short};
use tongwen::model::DocIndex;
use tongwen::search::{Hit, SearchResults};

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub query: String,
    pub found: Option<Rc<SearchResults>>,
    pub words: WordsStatus,
    /// Searched through a published corpus's chunked index, not the worker.
    #[prop_or_default]
    pub indexed: bool,
    pub concordance: bool,
    pub sources: Rc<Vec<Source>>,
    /// (document, article, field, begin)
    pub on_open: Callback<(DocIndex, usize, tongwen::search::Field, usize)>,
    pub on_mode: Callback<bool>,
}

/// A hit in context: before, the match, after. Text nodes only.
fn in_context(h: &Hit) -> Html {
    html! {
        <>
            <span class="kwic-before">{ &h.before }</span>
            <mark class={classes!("kwic-hit", (!h.whole_word).then_some("substring"))}>{ &h.matched }</mark>
            <span class="kwic-after">{ &h.after }</span>
        </>
    }
}

/// Concordance lines, and articles in the by-article list, drawn per page:
/// a common word has thousands of hits, and drawing them all at once would
/// hold up typing.
pub const LINES_PER_PAGE: usize = 200;
pub const ARTICLES_PER_PAGE: usize = 40;
/// Sources listed with their counts above the results (a published
/// corpus of 17,000 pages can have a hit in most of them).
pub const SOURCES_COUNTED: usize = 100;
/// Hits shown under each article in the by-article list.
pub const HITS_PER_ARTICLE: usize = 5;

#[function_component(SearchView)]
pub fn search_view(props: &SearchProps) -> Html {
    let t = use_strings();
    // How many pages are drawn; back to one for each new query.
    let pages = use_state(|| 1usize);
    {
        let pages = pages.clone();
        use_effect_with(props.query.clone(), move |_| {
            pages.set(1);
            || ()
        });
    }
    let more = {
        let pages = pages.clone();
        Callback::from(move |_| pages.set(*pages + 1))
    };
    let order = use_state(Order::default);
    let sort = |o: Order| {
        let order = order.clone();
        Callback::from(move |_| order.set(o))
    };
    let Some(found) = props.found.as_ref().filter(|f| f.query == props.query.trim()) else {
        let note = match &props.words {
            _ if props.indexed => t.searching.to_owned(),
            WordsStatus::Ready => t.searching.to_owned(),
            WordsStatus::Failed(f) => (t.words_failed)(&(t.messages.failure)(f)),
            _ => t.words_loading.to_owned(),
        };
        return html! { <section class="search-view"><p class="empty" role="status">{ note }</p></section> };
    };
    let name = |doc: DocIndex| props.sources.get(doc.0).map(|s| s.doc.name.clone()).unwrap_or_default();
    let title = |doc: DocIndex, article: usize| props.sources.get(doc.0).and_then(|s| s.doc.articles.get(article)).map(article_label).unwrap_or_default();
    // A concordance line names its article too, not only the paper.
    let witness = |doc: DocIndex, article: usize| {
        props.sources.get(doc.0).and_then(|s| s.doc.articles.get(article).map(|a| witness_short(&props.sources, &s.doc.id, &a.id))).unwrap_or_default()
    };
    let open = |doc: DocIndex, article: usize, h: &Hit| {
        let cb = props.on_open.clone();
        let (p, b) = (h.field, h.begin);
        Callback::from(move |()| cb.emit((doc, article, p, b)))
    };
    let on_enter = |cb: Callback<()>| Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" { cb.emit(()) });
    let mode = |concordance: bool| {
        let cb = props.on_mode.clone();
        Callback::from(move |_| cb.emit(concordance))
    };
    html! {
        <section class="search-view" aria-label={t.search_results} data-query={found.query.clone()} data-ms={crate::numbers::fixed(found.elapsed_ms, 1)}>
            <header class="search-head">
                <h2 role="status">{ (t.found)(found.total, found.articles.len(), found.whole_words) }</h2>
                <p class="query-words">{ t.query_words }{ found.query_words.join(" | ") }</p>
                <div class="views" role="group" aria-label={t.search_results}>
                    <button class={classes!("toggle", (!props.concordance).then_some("current"))} aria-pressed={(!props.concordance).to_string()} onclick={mode(false)}>{ t.by_article }</button>
                    <button class={classes!("toggle", props.concordance.then_some("current"))} aria-pressed={props.concordance.to_string()} onclick={mode(true)}>{ t.concordance }</button>
                </div>
            </header>
            if found.total > 0 {
                <ul class="per-source" aria-label={t.per_source}>
                    { for found.per_source.iter().take(SOURCES_COUNTED).map(|&(doc, n)| html! {
                        <li class="source-count" data-doc={doc.0.to_string()}><span class="source-name">{ name(doc) }</span>{" "}<span class="count">{ n }</span></li>
                    }) }
                    if found.per_source.len() > SOURCES_COUNTED {
                        <li class="source-count more">{ format!("+{}", found.per_source.len() - SOURCES_COUNTED) }</li>
                    }
                </ul>
            }
            if found.capped { <p class="hint">{ (t.capped)(found.articles.iter().map(|g| g.hits.len()).sum::<usize>().min(tongwen::search::MAX_LISTED_HITS)) }</p> }
            if found.unconfirmed > 0 { <p class="hint">{ (t.unconfirmed)(found.unconfirmed) }</p> }
            if props.concordance {
                <div class="kwic-sort" role="group" aria-label={t.sort_by}>
                    { t.sort_by }{" "}
                    { for Order::ALL.into_iter().map(|o| html! {
                        <button class={classes!("toggle", (*order == o).then_some("current"))} aria-pressed={(*order == o).to_string()} onclick={sort(o)}>{ (t.concordance_order)(o) }</button>
                    }) }
                </div>
                <table class="kwic">
                    <tbody>
                        { for lines(found, &props.sources, *order).into_iter().take(*pages * LINES_PER_PAGE).map(|(g, h)| html! {
                            <tr class="kwic-line" tabindex="0" role="link" onclick={open(g.doc, g.article, h).reform(|_: MouseEvent| ())}
                                onkeydown={on_enter(open(g.doc, g.article, h))}>
                                <td class="kwic-source" title={format!("{} · {}", name(g.doc), title(g.doc, g.article))}>{ witness(g.doc, g.article) }</td>
                                <td class="kwic-left">{ &h.before }</td>
                                <td class={classes!("kwic-key", (!h.whole_word).then_some("substring"))}>{ &h.matched }</td>
                                <td class="kwic-right">{ &h.after }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if found.articles.iter().map(|g| g.hits.len()).sum::<usize>() > *pages * LINES_PER_PAGE {
                    <button class="toggle more-lines" onclick={more}>{ t.more_results }</button>
                }
            } else {
                { for found.articles.iter().take(*pages * ARTICLES_PER_PAGE).map(|g| html! {
                    <article class="hit-group">
                        <h3><span class="source-name">{ name(g.doc) }</span>{" · "}{ title(g.doc, g.article) }
                            <span class="count">{ (t.hit_count)(g.count, g.whole_words) }</span></h3>
                        <ol class="hits">
                            { for g.hits.iter().take(HITS_PER_ARTICLE).map(|h| html! {
                                <li><button class="hit" onclick={open(g.doc, g.article, h).reform(|_: MouseEvent| ())}>{ in_context(h) }</button></li>
                            }) }
                        </ol>
                        if g.count > HITS_PER_ARTICLE {
                            <p class="hint">{ (t.more_in_article)(g.count - HITS_PER_ARTICLE) }</p>
                        }
                    </article>
                }) }
                if found.articles.len() > *pages * ARTICLES_PER_PAGE {
                    <button class="toggle more-lines" onclick={more}>{ t.more_results }</button>
                }
            }
        </section>
    }
}
