//! Two witnesses of a passage side by side, every difference marked; or,
//! with the collation toggle, every witness of its story in one table.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::Source;
use super::i18n::{use_strings, Strings};
use crate::labels::witness_label;
use tongwen::collate::{collate, story_quotes, story_witnesses, Collation, Column};
use tongwen::model::Passage;
use tongwen::view::{compare, DiffKind, DiffSegment};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub sources: Rc<Vec<Source>>,
    pub passages: Rc<Vec<Passage>>,
    pub passage: usize,
    pub left: usize,
    pub right: usize,
    pub on_right: Callback<usize>,
    /// +1 next passage, -1 previous.
    pub on_step: Callback<i32>,
    pub on_close: Callback<()>,
    /// Export the collation of a story (by id) as TEI.
    #[prop_or_default]
    pub on_tei: Callback<usize>,
    /// The length from which a passage links a story, for its witnesses.
    pub long: usize,
}

fn side(t: &Strings, segments: &[DiffSegment]) -> Html {
    html! {
        { for segments.iter().map(|s| match s.kind {
            DiffKind::Same => html! { { &s.text } },
            DiffKind::Changed => html! { <span class="diff changed" title={t.variant}>{ &s.text }</span> },
            DiffKind::Only => html! { <span class="diff only" title={t.only_here}>{ &s.text }</span> },
        }) }
    }
}

#[function_component(CompareView)]
pub fn compare_view(props: &CompareProps) -> Html {
    let t = use_strings();
    let collated = use_state(|| false);
    // A passage opened from low on the reading page: start at the top, with
    // the controls (sticky) and both columns' first lines in view.
    use_effect_with(props.passage, |_| {
        if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("main.reading").ok().flatten()) {
            main.set_scroll_top(0);
        }
        || ()
    });
    let Some(p) = props.passages.get(props.passage) else {
        return html! { <p class="empty">{ t.no_passage }</p> };
    };
    let (l, r) = (&p.members[props.left.min(p.members.len() - 1)], &p.members[props.right.min(p.members.len() - 1)]);
    let (ls, rs) = compare(&l.text, &r.text);
    let (l_source, l_title) = witness_label(&props.sources, &l.doc, &l.article);
    let (r_source, r_title) = witness_label(&props.sources, &r.doc, &r.article);
    let changes = ls.iter().filter(|s| s.kind != DiffKind::Same).count() + rs.iter().filter(|s| s.kind == DiffKind::Only).count();
    let choose = {
        let cb = props.on_right.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(sel) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                if let Ok(i) = sel.value().parse() {
                    cb.emit(i);
                }
            }
        })
    };
    let step = |d: i32| {
        let cb = props.on_step.clone();
        Callback::from(move |_| cb.emit(d))
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="compare" aria-label={t.compare}>
            <div class="compare-bar">
                <button class="toggle" onclick={close}>{ t.back }</button>
                <span class="compare-info">
                    { (t.compare_info)(p.id + 1, props.passages.len(), props.left.min(p.members.len() - 1) + 1, p.size, changes) }
                </span>
                <span class="compare-steps">
                    <button class="toggle" onclick={step(-1)} aria-keyshortcuts="p" title="p">{ t.previous }</button>
                    <button class="toggle" onclick={step(1)} aria-keyshortcuts="n" title="n">{ t.next }</button>
                </span>
                <button class={classes!("toggle", "collate", collated.then_some("current"))} aria-pressed={collated.to_string()}
                        onclick={{ let c = collated.clone(); Callback::from(move |_| c.set(!*c)) }}>{ t.collate }</button>
                <button class="toggle tei" onclick={{ let (cb, story) = (props.on_tei.clone(), p.story); Callback::from(move |_| cb.emit(story)) }}>{ t.export_tei }</button>
            </div>
            if *collated {
                <CollationTable sources={props.sources.clone()} passages={props.passages.clone()} story={p.story} long={props.long} />
            } else {
            <div class="compare-cols">
                <div class="witness-col left">
                    <h3><span class="witness-source">{ l_source }</span><span class="witness-title">{ l_title }</span></h3>
                    <p class="compare-text">{ side(t, &ls) }</p>
                </div>
                <div class="witness-col right">
                    <h3>
                        <label class="visually-hidden" for="right-witness">{ t.right_witness }</label>
                        <select id="right-witness" onchange={choose}>
                            { for p.members.iter().enumerate().filter(|(i, _)| *i != props.left).map(|(i, m)| {
                                let (src, title) = witness_label(&props.sources, &m.doc, &m.article);
                                let snippet: String = m.text.chars().filter(|c| *c != '\n').take(14).collect();
                                html! { <option value={i.to_string()} selected={i == props.right}>{ format!("{src} · {title} · {snippet}…") }</option> }
                            }) }
                        </select>
                        <span class="witness-source">{ r_source }</span><span class="witness-title">{ r_title }</span>
                    </h3>
                    <p class="compare-text">{ side(t, &rs) }</p>
                </div>
            </div>
            }
            <p class="legend">
                <span class="diff changed">{ t.variant }</span>{" "}
                <span class="diff only">{ t.only_here }</span>{ t.legend_keys }
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CollationProps {
    sources: Rc<Vec<Source>>,
    passages: Rc<Vec<Passage>>,
    story: usize,
    long: usize,
}

/// Every witness of a story as an alignment table: one row per witness,
/// agreed text and variant readings in columns, each row's distance from
/// the fullest witness, and the papers that only quote the report below.
#[function_component(CollationTable)]
fn collation_table(props: &CollationProps) -> Html {
    let t = use_strings();
    let table = use_memo((props.story, props.long, Rc::as_ptr(&props.passages) as usize), {
        let passages = props.passages.clone();
        move |&(story, long, _)| {
            let c: Collation = collate(story_witnesses(&passages, story, long));
            let quotes = story_quotes(&passages, story, &c.witnesses);
            (c, quotes)
        }
    });
    let (c, quotes) = &*table;
    let distances = c.distances();
    html! {
        <div class="collation-wrap">
            <table class="collation" aria-label={t.collation_label}>
                <tbody>
                    { for c.witnesses.iter().enumerate().map(|(w, wit)| {
                        let (source, title) = witness_label(&props.sources, &wit.doc, &wit.articles[0]);
                        let base = w == c.base;
                        html! {
                            <tr class={classes!("witness-row", base.then_some("base"))} data-doc={wit.doc.clone()}>
                                <th scope="row">
                                    <span class="witness-source">{ source }</span>
                                    <span class="witness-title">{ title }</span>
                                    <span class="distance">{ if base { t.fullest.to_owned() } else { (t.distance)(distances[w]) } }</span>
                                </th>
                                { for c.columns.iter().map(|col| match col {
                                    Column::Agreed(text) => html! { <td class="agreed">{ text }</td> },
                                    Column::Variant(r) => {
                                        let differs = r[w] != r[c.base];
                                        if r[w].is_empty() {
                                            html! { <td class={classes!("variant", "omitted", differs.then_some("differs"))} title={t.omitted}>{ "—" }</td> }
                                        } else {
                                            html! { <td class={classes!("variant", differs.then_some("differs"))}>{ &r[w] }</td> }
                                        }
                                    }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if !quotes.is_empty() {
                <p class="quoted-in">
                    { t.quoted_in }
                    { for quotes.iter().map(|q| {
                        let (source, title) = witness_label(&props.sources, &q.doc, &q.articles[0]);
                        html! { <span class="tag">{ format!("{source} · {title}") }</span> }
                    }) }
                </p>
            }
        </div>
    }
}
