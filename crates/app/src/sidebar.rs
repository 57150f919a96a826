use std::rc::Rc;

use yew::prelude::*;

use crate::labels::article_label;
use crate::state::Source;
use super::i18n::use_strings;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub sources: Rc<Vec<Source>>,
    pub selected: usize,
    #[prop_or_default]
    pub article: usize,
    pub on_select: Callback<usize>,
    /// (source, article)
    #[prop_or_default]
    pub on_article: Callback<(usize, usize)>,
    /// Per source, per article: share of the text found elsewhere.
    #[prop_or_default]
    pub shares: Rc<Vec<Vec<f64>>>,
    /// The open user corpus, whose documents can be re-encoded or removed.
    #[prop_or_default]
    pub corpus: Option<tongwen::corpus::CorpusMeta>,
    /// (document id, encoding label; `None`: detect)
    #[prop_or_default]
    pub on_encoding: Callback<(String, Option<String>)>,
    #[prop_or_default]
    pub on_remove: Callback<String>,
    /// (old id, new name)
    #[prop_or_default]
    pub on_rename_doc: Callback<(String, String)>,
    /// The corpus bar, above the list.
    #[prop_or_default]
    pub children: Html,
}

/// How many sources the list shows before a "show more" button: a corpus
/// of thousands of files must not cost the page one long render.
pub const SOURCES_PER_PAGE: usize = 200;

/// The list of sources, by readable name; the selected one lists its
/// articles. A filter narrows both; below 800 px the list folds away.
#[function_component(Sidebar)]
pub fn sidebar(props: &SidebarProps) -> Html {
    let t = use_strings();
    let filter = use_state(String::new);
    let shown = use_state(|| SOURCES_PER_PAGE);
    let open = use_state(|| false);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                filter.set(input.value());
            }
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let q = filter.trim().to_lowercase();
    let matches = |t: &str| q.is_empty() || t.to_lowercase().contains(&q);
    let listed: Vec<usize> = (0..props.sources.len())
        .filter(|&i| {
            let s = &props.sources[i];
            matches(&s.doc.name) || s.doc.articles.iter().any(|a| matches(&article_label(a)))
        })
        .collect();
    // The first page, and the selected source wherever it is.
    let hidden = listed.len().saturating_sub(*shown);
    let visible = listed.iter().copied().enumerate().filter(|&(rank, i)| rank < *shown || i == props.selected).map(|(_, i)| i);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + SOURCES_PER_PAGE))
    };
    html! {
        <nav class={classes!("sidebar", open.then_some("open"))} aria-label={t.sources}>
            <button class="sidebar-toggle" aria-expanded={open.to_string()} aria-controls="source-list" onclick={toggle}>
                { format!("☰ {}", t.sources) }
            </button>
            { props.children.clone() }
            <h2 class="sidebar-heading">{ t.sources }</h2>
            <input class="filter" type="search" placeholder={t.filter} aria-label={t.filter_label}
                   value={(*filter).clone()} oninput={on_filter} />
            <ul class="source-list" id="source-list">
                { for visible.map(|i| {
                    let source = &props.sources[i];
                    let on_select = props.on_select.clone();
                    let current = i == props.selected || !q.is_empty();
                    html! {
                        <li>
                            <button class={classes!("source", current.then_some("current"))}
                                    aria-current={current.then_some("true")}
                                    aria-expanded={current.to_string()}
                                    title={source.doc.id.clone()}
                                    onclick={Callback::from(move |_| on_select.emit(i))}>
                                <span class="source-name">{ &source.doc.name }</span>
                                <span class="source-meta">{ (t.source_meta)(source.doc.articles.len(), source.doc.chars, &source.doc.encoding) }</span>
                            </button>
                            if i == props.selected {
                                { doc_controls(t, &source.doc, props.corpus.as_ref(), props.on_encoding.clone(), props.on_remove.clone(), props.on_rename_doc.clone()) }
                            }
                            if current {
                                <ul class="article-list">
                                    { for source.doc.articles.iter().enumerate().filter(|(_, a)| matches(&source.doc.name) || matches(&article_label(a))).map(|(k, a)| {
                                        let on_article = props.on_article.clone();
                                        let here = i == props.selected && k == props.article;
                                        let share = props.shares.get(i).and_then(|v| v.get(k)).copied().unwrap_or(0.0);
                                        html! {
                                            <li>
                                                <button class={classes!("article-link", here.then_some("current"), a.title.is_none().then_some("untitled"))}
                                                        aria-current={here.then_some("true")}
                                                        onclick={Callback::from(move |_| on_article.emit((i, k)))}>
                                                    <span class="article-title">{ article_label(a) }</span>
                                                    <span class="article-meta">
                                                        { (t.article_meta)(source.body_chars(k), share) }
                                                        <meter min="0" max="1" value={crate::numbers::fixed(share, 3)}
                                                               aria-label={t.share_label}></meter>
                                                    </span>
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ul>
            if hidden > 0 {
                <button class="toggle more-sources" onclick={more}>{ (t.more_sources)(SOURCES_PER_PAGE.min(hidden), hidden) }</button>
            }
        </nav>
    }
}

fn chosen_encoding(corpus: Option<&tongwen::corpus::CorpusMeta>, doc: &str) -> Option<String> {
    corpus?.documents.iter().find(|d| d.id == doc)?.encoding.clone()
}

/// What the reader may change of a source: its name; and of a document of
/// their own (`corpus`, the open user corpus), its encoding (detected, or
/// chosen) and whether it stays.
fn doc_controls(
    t: &super::i18n::Strings,
    doc: &tongwen::model::DocumentAnalysis,
    corpus: Option<&tongwen::corpus::CorpusMeta>,
    on_encoding: Callback<(String, Option<String>)>,
    on_remove: Callback<String>,
    on_rename: Callback<(String, String)>,
) -> Html {
    use wasm_bindgen::JsCast;
    let id = doc.id.clone();
    let change = {
        let id = id.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                let v = select.value();
                on_encoding.emit((id.clone(), (!v.is_empty()).then_some(v)));
            }
        })
    };
    let rename = {
        let (id, current) = (id.clone(), doc.name.clone());
        Callback::from(move |_| {
            let prompt = super::i18n::page_strings().rename_doc_prompt;
            if let Some(name) = web_sys::window().and_then(|w| w.prompt_with_message_and_default(prompt, &current).ok().flatten()) {
                // A blank name gives back the one the engine finds.
                if name.trim() != current {
                    on_rename.emit((id.clone(), name.trim().to_owned()));
                }
            }
        })
    };
    let remove = Callback::from(move |_| on_remove.emit(id.clone()));
    let chosen = chosen_encoding(corpus, &doc.id);
    html! {
        <div class="doc-controls">
            // A PDF has no encoding to choose: its text came from its fonts.
            if corpus.is_some() && doc.source.is_none() {
                <label>{ t.encoding }{" "}
                    <select class="encoding" onchange={change}>
                        <option value="" selected={chosen.is_none()}>{ if chosen.is_none() { (t.detected)(&doc.encoding) } else { (t.detected)("…") } }</option>
                        { for tongwen::corpus::ENCODINGS.iter().map(|e| html! { <option value={*e} selected={chosen.as_deref() == Some(*e)}>{ *e }</option> }) }
                    </select>
                </label>
            }
            <button class="toggle rename-doc" onclick={rename}>{ t.rename }</button>
            if corpus.is_some() {
                <button class="toggle remove-doc" onclick={remove}>{ t.remove_doc }</button>
            }
        </div>
    }
}
