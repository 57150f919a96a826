//! The corpus at a glance: who shares what with whom, and the stories
//! (reprinted reports) with their passages.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::Source;
use super::i18n::use_strings;
use crate::labels::{witness_label, witness_short};
use tongwen::model::Passage;
use tongwen::view::{overview, stories};

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub sources: Rc<Vec<Source>>,
    pub passages: Rc<Vec<Passage>>,
    /// Open (passage, left member, right member) in the compare view.
    pub on_pair: Callback<(usize, usize, usize)>,
    /// A large published corpus's every story (its stories file), whatever
    /// fragments are here; `None` for any other corpus.
    #[prop_or_default]
    pub corpus_stories: Option<Rc<tongwen::published::Stories>>,
}

/// Stories of a large published corpus listed, the longest first.
pub const CORPUS_STORIES_LISTED: usize = 100;

#[function_component(OverviewView)]
pub fn overview_view(props: &OverviewProps) -> Html {
    let t = use_strings();
    let by_witnesses = use_state(|| false);
    let order: Vec<String> = props.sources.iter().flat_map(|s| s.doc.articles.iter().map(|a| a.id.clone())).collect();
    let o = overview(&props.passages, &order);
    let doc_of = |article: &str| article.rsplit_once('#').map_or(article, |(d, _)| d).to_owned();
    let len = |p: &Passage| p.members.iter().map(|m| m.text.chars().filter(|c| !c.is_whitespace()).count()).max().unwrap_or(0);
    let mut list = stories(&props.passages);
    if *by_witnesses {
        list.sort_by_key(|s| (std::cmp::Reverse(s.articles.len()), std::cmp::Reverse(s.length)));
    }
    let sort = |w: bool| {
        let s = by_witnesses.clone();
        Callback::from(move |_| s.set(w))
    };
    html! {
        <section class="overview" aria-label={t.overview}>
            <h2>{ t.overview }</h2>
            <p class="hint">{ (t.overview_hint)(o.articles.len(), props.passages.len()) }</p>
            <div class="matrix-wrap">
                <table class="matrix" aria-label={t.matrix_label}>
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            { for o.articles.iter().map(|a| {
                                let (src, title) = witness_label(&props.sources, &doc_of(a), a);
                                html! { <th scope="col" class="across" title={format!("{src} · {title}")}>{ witness_short(&props.sources, &doc_of(a), a) }</th> }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for o.articles.iter().enumerate().map(|(i, a)| {
                            let (src, title) = witness_label(&props.sources, &doc_of(a), a);
                            html! {
                                <tr>
                                    <th scope="row" title={format!("{src} · {title}")}>{ witness_short(&props.sources, &doc_of(a), a) }</th>
                                    { for (0..o.articles.len()).map(|j| {
                                        let v = o.shared[i][j];
                                        let level = o.level(i, j);
                                        match o.best[i][j] {
                                            Some(pair) if v > 0 => {
                                                let cb = props.on_pair.clone();
                                                html! {
                                                    <td class={format!("heat h{level}")} data-shared={v.to_string()}>
                                                        <button aria-label={format!("{level} · {} × {}: {}", witness_short(&props.sources, &doc_of(a), a), witness_short(&props.sources, &doc_of(&o.articles[j]), &o.articles[j]), (t.chars)(v))}
                                                                title={(t.chars)(v)} onclick={Callback::from(move |_| cb.emit(pair))}>{ level.to_string() }</button>
                                                    </td>
                                                }
                                            }
                                            _ => html! { <td class="heat h0"></td> },
                                        }
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>
                { t.passages }{" "}
                <button class={classes!("toggle", (!*by_witnesses).then_some("current"))} aria-pressed={(!*by_witnesses).to_string()} onclick={sort(false)}>{ t.by_length }</button>
                {" "}
                <button class={classes!("toggle", (*by_witnesses).then_some("current"))} aria-pressed={by_witnesses.to_string()} onclick={sort(true)}>{ t.by_witnesses }</button>
            </h3>
            <ol class="story-list">
                { for list.into_iter().map(|story| {
                    // A passage opens with its fullest copy in another paper on the right.
                    let open = |i: usize| {
                        let p = &props.passages[i];
                        let right = (1..p.members.len()).filter(|&k| p.members[k].doc != p.members[0].doc).max_by_key(|&k| (p.members[k].text.chars().count(), std::cmp::Reverse(k))).unwrap_or(1.min(p.members.len() - 1));
                        let cb = props.on_pair.clone();
                        Callback::from(move |_| cb.emit((i, 0, right)))
                    };
                    let first = story.passages[0];
                    let snippet: String = props.passages[first].members[0].text.chars().filter(|c| *c != '\n').take(40).collect();
                    html! {
                        <li class="story" data-story={story.story.to_string()}>
                            <button class="story-open" onclick={open(first)}>
                                <span class="cluster-meta">{ (t.story_meta)(story.articles.len(), story.length, story.passages.len()) }</span>
                                <span class="cluster-snippet">{ format!("{snippet}…") }</span>
                            </button>
                            <span class="cluster-witnesses">
                                { for story.articles.iter().map(|a| { let (s, title) = witness_label(&props.sources, &doc_of(a), a); html! { <span class="tag" title={format!("{s} · {title}")}>{ witness_short(&props.sources, &doc_of(a), a) }</span> } }) }
                            </span>
                            if story.passages.len() > 1 {
                                <ol class="cluster-list">
                                    { for story.passages.iter().map(|&i| {
                                        let p = &props.passages[i];
                                        let snippet: String = p.members[0].text.chars().filter(|c| *c != '\n').take(30).collect();
                                        html! {
                                            <li class="cluster">
                                                <button class="cluster-open" onclick={open(i)}>
                                                    <span class="cluster-meta">{ (t.cluster_meta)(p.size, len(p)) }</span>
                                                    <span class="cluster-snippet">{ format!("{snippet}…") }</span>
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ol>
                            }
                        </li>
                    }
                }) }
            </ol>
            if let Some(all) = &props.corpus_stories {
                <h3>{ (t.corpus_stories)(all.len(), all.len().min(CORPUS_STORIES_LISTED)) }</h3>
                <ol class="corpus-story-list">
                    { for longest(all).into_iter().map(|story| html! {
                        <li class="story" data-story={story.story.to_string()}>
                            <span class="cluster-meta">{ (t.story_meta)(story.articles.len(), story.length, story.passages.len()) }</span>
                            <span class="cluster-witnesses">
                                { for story.articles.iter().map(|a| {
                                    let doc = doc_of(a);
                                    let k = props.sources.iter().find(|s| s.doc.id == doc).and_then(|s| s.doc.articles.iter().position(|x| x.id == *a)).unwrap_or(0);
                                    let href = tongwen::view::Route::Read { doc: doc.clone(), article: k }.to_hash();
                                    html! { <a class="tag" href={href}>{ witness_short(&props.sources, &doc, a) }</a> }
                                }) }
                            </span>
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}

/// The [`CORPUS_STORIES_LISTED`] longest stories, longest first.
fn longest(all: &tongwen::published::Stories) -> Vec<&tongwen::published::CatalogStory> {
    let mut list: Vec<&tongwen::published::CatalogStory> = all.iter().collect();
    list.sort_by_key(|s| (std::cmp::Reverse(s.length), s.story));
    list.truncate(CORPUS_STORIES_LISTED);
    list
}
