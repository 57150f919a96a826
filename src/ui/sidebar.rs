use std::rc::Rc;

use yew::prelude::*;

use super::app::Source;
use crate::model::Article;

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
}

/// What to call an article in a list: its title, else its opening words.
pub fn article_label(a: &Article) -> String {
    match &a.title {
        Some(t) => t.clone(),
        None => {
            let first = a.paragraphs.iter().find(|p| !p.text.is_empty()).map_or("", |p| p.text.as_str());
            let words: String = first.chars().take(16).collect();
            format!("{words}…")
        }
    }
}

/// The list of sources, by readable name; the selected one lists its articles.
#[function_component(Sidebar)]
pub fn sidebar(props: &SidebarProps) -> Html {
    html! {
        <nav class="sidebar" aria-label="来源 Sources">
            <h2 class="sidebar-heading">{"来源 Sources"}</h2>
            <ul class="source-list">
                { for props.sources.iter().enumerate().map(|(i, source)| {
                    let on_select = props.on_select.clone();
                    let current = i == props.selected;
                    html! {
                        <li>
                            <button class={classes!("source", current.then_some("current"))}
                                    aria-current={current.then_some("true")}
                                    aria-expanded={current.to_string()}
                                    title={source.doc.id.clone()}
                                    onclick={Callback::from(move |_| on_select.emit(i))}>
                                <span class="source-name">{ &source.doc.name }</span>
                                <span class="source-meta">{ format!("{} 篇 · {} 字 · {}", source.doc.articles.len(), source.doc.chars, source.doc.encoding) }</span>
                            </button>
                            if current {
                                <ul class="article-list">
                                    { for source.doc.articles.iter().enumerate().map(|(k, a)| {
                                        let on_article = props.on_article.clone();
                                        let here = k == props.article;
                                        html! {
                                            <li>
                                                <button class={classes!("article-link", here.then_some("current"), a.title.is_none().then_some("untitled"))}
                                                        aria-current={here.then_some("true")}
                                                        onclick={Callback::from(move |_| on_article.emit((i, k)))}>
                                                    <span class="article-title">{ article_label(a) }</span>
                                                    <span class="article-meta">{ format!("{} 字", a.body_chars()) }</span>
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
        </nav>
    }
}
