use std::rc::Rc;

use yew::prelude::*;

use crate::state::Source;
pub use crate::words::WordsContext;
use crate::words::Keywords;
use super::i18n::{use_strings, Strings};
use tongwen::model::{Article, BlockKind, MarkerKind, Passage};
use tongwen::search::Field;
use tongwen::view::{article_members, find_all, highlight, runs};

#[derive(Properties, PartialEq)]
pub struct ReadingPaneProps {
    pub source: Source,
    #[prop_or_default]
    pub article: usize,
    #[prop_or_default]
    pub raw: bool,
    #[prop_or_default]
    pub on_toggle_raw: Callback<()>,
    #[prop_or_default]
    pub passages: Rc<Vec<Passage>>,
    /// Every source, to name the other witnesses.
    #[prop_or_default]
    pub sources: Rc<Vec<Source>>,
    /// Open the compare view on (passage, member of this article).
    #[prop_or_default]
    pub on_compare: Callback<(usize, usize)>,
}

/// Shows one article of a source, or the raw page. Text goes in as text
/// nodes, never as HTML.
#[function_component(ReadingPane)]
pub fn reading_pane(props: &ReadingPaneProps) -> Html {
    let t = use_strings();
    let doc = &props.source.doc;
    let toggle = {
        let cb = props.on_toggle_raw.clone();
        Callback::from(move |_| cb.emit(()))
    };
    // The raw page opens where the article starts, not at the page's top.
    use_effect_with((props.raw, doc.id.clone(), props.article), |(raw, _, _)| {
        if *raw {
            crate::window::scroll_into_view("pre.raw-text mark.prov", web_sys::ScrollLogicalPosition::Start);
        }
        || ()
    });
    html! {
        <div class="source-view">
            <div class="source-bar">
                <p class="source-file">{ format!("{} · {}", doc.id, (t.source_meta)(doc.articles.len(), doc.chars, &doc.encoding)) }</p>
                <button class="toggle" aria-pressed={props.raw.to_string()} onclick={toggle}>
                    { if props.raw { t.reflowed } else { t.raw_page } }
                </button>
            </div>
            { for doc.warnings.iter().map(|w| html! { <p class="warning" role="alert">{ (t.messages.warning)(w) }</p> }) }
            if props.source.awaited.is_some() {
                <p class="loading" role="status">{ t.page_loading }</p>
            } else if props.raw {
                // Provenance: the raw page, with where this article came from marked.
                <pre class="raw-text" aria-label={t.raw_page}>
                    { for tongwen::view::provenance(&props.source.chars, &doc.articles.get(props.article).map(|a| a.spans.clone()).unwrap_or_default())
                        .into_iter()
                        .map(|(t, inside)| if inside { html! { <mark class="prov">{ t }</mark> } } else { html! { { t } } }) }
                </pre>
            } else if let Some(a) = doc.articles.get(props.article) {
                <ArticleView article={a.clone()} input={props.source.chars.clone()} passages={props.passages.clone()}
                             sources={props.sources.clone()} on_compare={props.on_compare.clone()} />
            } else {
                <p class="empty">{ t.no_articles }</p>
            }
            if !props.raw && !doc.other.is_empty() {
                <aside class="page-other" aria-label={t.elsewhere}>
                    <h3>{ t.elsewhere }</h3>
                    { for doc.other.iter().map(|b| html! {
                        <p class={classes!("block", block_class(b.kind))}>
                            <span class="block-kind">{ block_label(t, b.kind) }</span>{ &b.text }
                        </p>
                    }) }
                </aside>
            }
        </div>
    }
}

fn block_class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Caption => "caption",
        BlockKind::Infobox => "infobox",
        BlockKind::Furniture => "furniture",
        BlockKind::Headline => "headline",
        BlockKind::Dateline => "dateline",
        BlockKind::Byline => "byline",
        BlockKind::Fragment => "fragment",
    }
}

fn block_label(t: &Strings, kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Caption => t.block_caption,
        BlockKind::Infobox => t.block_infobox,
        BlockKind::Furniture => t.block_furniture,
        BlockKind::Headline => t.block_headline,
        BlockKind::Dateline => t.block_dateline,
        BlockKind::Byline => t.block_byline,
        BlockKind::Fragment => t.block_fragment,
    }
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Article,
    #[prop_or_default]
    pub input: Rc<Vec<char>>,
    #[prop_or_default]
    pub passages: Rc<Vec<Passage>>,
    #[prop_or_default]
    pub sources: Rc<Vec<Source>>,
    #[prop_or_default]
    pub on_compare: Callback<(usize, usize)>,
}

/// How long the witnesses popover stays after the pointer or focus leaves.
const POPOVER_GRACE_MS: u32 = 350;

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let t = use_strings();
    let words = use_context::<WordsContext>().unwrap_or_default();
    let a = &props.article;
    // A hit opened from the search results: bring it into view.
    use_effect_with((words.focus, a.id.clone()), |(focus, _)| {
        if focus.is_some() {
            crate::window::scroll_into_view("#focus-hit", web_sys::ScrollLogicalPosition::Center);
        }
        || ()
    });
    let members = article_members(&props.passages, &a.id);
    // Segments depend on the article and the analysis only: compute them
    // once, not on every hover (each hover re-renders this component).
    let segments = use_memo(
        (a.id.clone(), Rc::as_ptr(&props.passages) as usize, Rc::as_ptr(&props.input) as usize),
        {
            let (paragraphs, input, passages, members) = (a.paragraphs.clone(), props.input.clone(), props.passages.clone(), members.clone());
            move |_| -> Vec<Vec<tongwen::view::Segment>> {
                if members.is_empty() {
                    return vec![Vec::new(); paragraphs.len()];
                }
                paragraphs.iter().map(|p| highlight(p, &input, &passages, &members)).collect()
            }
        },
    );
    // The passage under the pointer or keyboard focus: (passage, member here),
    // and where its highlight is on screen (left, bottom, top), for the popover.
    let hovered = use_state(|| None::<(usize, usize, (f64, f64, f64))>);
    let popover = use_node_ref();
    // Place the popover under the highlight (above it near the bottom of the
    // window). CSSOM writes, which the CSP allows; style attributes it forbids.
    {
        let popover = popover.clone();
        use_effect_with(*hovered, move |h| {
            if let (Some((_, _, (left, bottom, top))), Some(el)) = (h, popover.cast::<web_sys::HtmlElement>()) {
                let (vw, vh) = web_sys::window()
                    .map(|w| (w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0), w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(768.0)))
                    .unwrap_or((1024.0, 768.0));
                let (w, hgt) = (el.offset_width() as f64, el.offset_height() as f64);
                let x = left.min(vw - w - 8.0).max(8.0);
                let y = if bottom + 8.0 + hgt < vh { bottom + 6.0 } else { (top - hgt - 6.0).max(8.0) };
                let style = el.style();
                let _ = style.set_property("left", &format!("{x}px"));
                let _ = style.set_property("top", &format!("{y}px"));
                let _ = style.set_property("visibility", "visible");
            }
            || ()
        });
    }
    let place = |e: &web_sys::Event| -> (f64, f64, f64) {
        use wasm_bindgen::JsCast;
        e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map_or((0.0, 0.0, 0.0), |el| {
            let r = el.get_bounding_client_rect();
            (r.left(), r.bottom(), r.top())
        })
    };
    // Search hits in a heading or dateline (no word view there).
    let marked = |text: &str, field: Field| -> Html {
        let hits = find_all(text, &words.query);
        if hits.is_empty() {
            return html! { { text } };
        }
        let focus = words.focus.filter(|f| f.0 == field).and_then(|f| hits.iter().position(|h| h.0 == f.1));
        html! { { for runs(text, 0, None, &hits).into_iter().map(|r| match r.hit {
            Some(h) if Some(h) == focus => html! { <span class="hit focus" id="focus-hit">{ r.text }</span> },
            Some(_) => html! { <span class="hit">{ r.text }</span> },
            None => html! { { r.text } },
        }) } }
    };
    let member_here = |pi: usize| members.iter().find(|&&(p, _)| p == pi).map_or(0, |&(_, m)| m);
    // Leaving a highlight closes the popover after a moment, so the pointer
    // (or Tab) can reach the popover's links; entering either keeps it.
    let closing_timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let keep = {
        let timer = closing_timer.clone();
        Callback::from(move |_: web_sys::Event| drop(timer.borrow_mut().take()))
    };
    let leave = {
        let (h, timer) = (hovered.clone(), closing_timer.clone());
        Callback::from(move |_: web_sys::Event| {
            let h = h.clone();
            *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(POPOVER_GRACE_MS, move || h.set(None)));
        })
    };
    // A dateline printed after the body (`（新华社北京6月18日电）`) closes the article.
    let body_start = a.paragraphs.first().and_then(|p| p.spans.first()).map(|s| s[0]);
    let closing = matches!((a.dateline_spans.first(), body_start), (Some(d), Some(b)) if d[0] > b);
    let marker = |kind: MarkerKind| {
        html! {
            { for a.markers.iter().filter(|m| m.kind == kind).map(|m| html! {
                <p class={classes!("marker", if kind == MarkerKind::ContinuedFrom { "from" } else { "on" })}>{ &m.text }</p>
            }) }
        }
    };
    html! {
        <article class="article" aria-labelledby="article-title" lang="zh-CN" data-article={a.id.clone()}>
            <header class="article-head">
                <h2 id="article-title" class={classes!("article-title", a.title.is_none().then_some("untitled"))}>
                    { a.title.as_ref().map_or_else(|| html! { t.untitled }, |title| marked(title, Field::Title)) }
                </h2>
                if let Some(s) = &a.subtitle { <p class="subtitle">{ marked(s, Field::Subtitle) }</p> }
                if let Some(b) = &a.byline { <p class="byline">{ marked(b, Field::Byline) }</p> }
                <Keywords />
            </header>
            { marker(MarkerKind::ContinuedFrom) }
            { for a.paragraphs.iter().enumerate().map(|(k, p)| {
                if p.heading {
                    html! { <h3 class="crosshead">{ &p.text }</h3> }
                } else {
                    let dateline = if k == 0 && !closing { a.dateline.as_ref().map(|d| (d, Field::Dateline)) } else { None }
                        .or_else(|| p.dateline.as_ref().map(|d| (d, Field::ParagraphDateline(k))));
                    let segments = &segments[k];
                    let ends = words.article_words.as_ref().filter(|_| words.word_view).and_then(|w| w.ends.get(k)).map(Vec::as_slice);
                    let hits = find_all(&p.text, &words.query);
                    let focus = words.focus.filter(|f| f.0 == Field::Paragraph(k)).and_then(|f| hits.iter().position(|h| h.0 == f.1));
                    // The paragraph's characters, once, for cutting out whole words.
                    let para_chars: Vec<char> = if ends.is_some() { p.text.chars().collect() } else { Vec::new() };
                    // Words and hits inside a stretch that starts at character `from`.
                    let inner = |text: &str, from: usize| -> Html {
                        if ends.is_none() && hits.is_empty() {
                            return html! { { text } };
                        }
                        html! { { for runs(text, from, ends, &hits).into_iter().map(|r| {
                            let word_class = r.word.map(|w| format!("w w{}", w % 2));
                            let hit_class = r.hit.map(|h| if Some(h) == focus { "hit focus" } else { "hit" });
                            // The whole word (a run may be part of one).
                            let whole = r.word.and_then(|w| ends.map(|e| {
                                let b = if w == 0 { 0 } else { e[w - 1] as usize };
                                let end = e.get(w).map_or(b, |&x| x as usize).min(para_chars.len());
                                para_chars[b.min(end)..end].iter().collect::<String>()
                            }));
                            // In the word view a click looks the word up rather than compares.
                            let on_word = {
                                let cb = words.on_word.clone();
                                Callback::from(move |e: MouseEvent| if let Some(w) = whole.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
                                    e.stop_propagation();
                                    cb.emit((w.to_owned(), true));
                                })
                            };
                            html! {
                                <span class={classes!(word_class, hit_class)} onclick={on_word}
                                      id={(hit_class == Some("hit focus")).then_some("focus-hit")}>{ r.text }</span>
                            }
                        }) } }
                    };
                    let mut at = 0;
                    html! {
                        <p class="para" data-paragraph={k.to_string()}>
                            if let Some((d, field)) = dateline { <span class="dateline">{ marked(d, field) }</span>{" "} }
                            if segments.is_empty() {
                                { inner(&p.text, 0) }
                            } else {
                                { for segments.iter().map(|seg| {
                                    let from = at;
                                    at += seg.text.chars().count();
                                    if seg.passages.is_empty() {
                                        return inner(&seg.text, from);
                                    }
                                    // Strength by witnesses: tint and underline grow with
                                    // the number of other papers, so colour is not the only signal.
                                    let pi = seg.passages[0];
                                    let others = props.passages[pi].size.saturating_sub(1).min(4);
                                    let mi = member_here(pi);
                                    let open = { let cb = props.on_compare.clone(); Callback::from(move |_: MouseEvent| cb.emit((pi, mi))) };
                                    let key = { let cb = props.on_compare.clone(); Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" { cb.emit((pi, mi)) }) };
                                    let enter = { let (h, k) = (hovered.clone(), keep.clone()); Callback::from(move |e: MouseEvent| { k.emit(e.clone().into()); h.set(Some((pi, mi, place(&e)))) }) };
                                    let focus = { let (h, k) = (hovered.clone(), keep.clone()); Callback::from(move |e: FocusEvent| { k.emit(e.clone().into()); h.set(Some((pi, mi, place(&e)))) }) };
                                    let (out, blur) = { let l = leave.clone(); let l2 = leave.clone(); (Callback::from(move |e: MouseEvent| l.emit(e.into())), Callback::from(move |e: FocusEvent| l2.emit(e.into()))) };
                                    html! {
                                        <mark class={classes!("shared", format!("w{others}"))} tabindex="0" role="button"
                                              data-passage={pi.to_string()}
                                              title={(t.shared_passage)(props.passages[pi].size - 1)}
                                              onclick={open} onkeydown={key} onmouseenter={enter} onfocus={focus}
                                              onmouseleave={out} onblur={blur}
                                              aria-describedby={hovered.is_some_and(|h| h.0 == pi).then_some("witnesses")}>
                                            { inner(&seg.text, from) }
                                        </mark>
                                    }
                                }) }
                            }
                        </p>
                    }
                }
            }) }
            if a.paragraphs.is_empty() || closing {
                if let Some(d) = &a.dateline { <p class="closing-dateline"><span class="dateline">{ marked(d, Field::Dateline) }</span></p> }
            }
            { marker(MarkerKind::ContinuedOn) }
            if let Some((pi, mi, _)) = *hovered {
                <crate::witnesses::WitnessesPopover passages={props.passages.clone()} sources={props.sources.clone()}
                    passage={pi} member={mi} article={a.id.clone()} node={popover.clone()} on_keep={keep.clone()} on_leave={leave.clone()} />
            }
        </article>
    }
}
