use yew::prelude::*;

use super::app::Source;
use crate::model::{Article, BlockKind, MarkerKind};

#[derive(Properties, PartialEq)]
pub struct ReadingPaneProps {
    pub source: Source,
    #[prop_or_default]
    pub article: usize,
    #[prop_or_default]
    pub raw: bool,
    #[prop_or_default]
    pub on_toggle_raw: Callback<()>,
}

/// Shows one article of a source, or the raw page. Text goes in as text
/// nodes, never as HTML.
#[function_component(ReadingPane)]
pub fn reading_pane(props: &ReadingPaneProps) -> Html {
    let doc = &props.source.doc;
    let toggle = {
        let cb = props.on_toggle_raw.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <div class="source-view">
            <div class="source-bar">
                <p class="source-file">{ format!("{} · {} 篇 · {} 字 · {}", doc.id, doc.articles.len(), doc.chars, doc.encoding) }</p>
                <button class="toggle" aria-pressed={props.raw.to_string()} onclick={toggle}>
                    { if props.raw { "重排 Reflowed" } else { "原文 Raw page" } }
                </button>
            </div>
            { for doc.warnings.iter().map(|w| html! { <p class="warning" role="alert">{ w }</p> }) }
            if props.raw {
                <pre class="raw-text" aria-label="原文 Raw page">{ &*props.source.text }</pre>
            } else if let Some(a) = doc.articles.get(props.article) {
                <ArticleView article={a.clone()} />
            } else {
                <p class="empty">{"这一版没有识别出文章。 No articles were found on this page."}</p>
            }
            if !props.raw && !doc.other.is_empty() {
                <aside class="page-other" aria-label="版面其他内容 Elsewhere on the page">
                    <h3>{"版面其他内容 Elsewhere on the page"}</h3>
                    { for doc.other.iter().map(|b| html! {
                        <p class={classes!("block", block_class(b.kind))}>
                            <span class="block-kind">{ block_label(b.kind) }</span>{ &b.text }
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
        BlockKind::Headline => "headline",
        BlockKind::Dateline => "dateline",
        BlockKind::Byline => "byline",
        BlockKind::Fragment => "fragment",
    }
}

fn block_label(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Caption => "图片说明",
        BlockKind::Infobox => "资料框",
        BlockKind::Headline => "标题",
        BlockKind::Dateline => "电头",
        BlockKind::Byline => "署名",
        BlockKind::Fragment => "片段",
    }
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Article,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let a = &props.article;
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
        <article class="article" aria-labelledby="article-title" lang="zh-CN">
            <header class="article-head">
                <h2 id="article-title" class={classes!("article-title", a.title.is_none().then_some("untitled"))}>
                    { a.title.clone().unwrap_or_else(|| "（无标题）".to_owned()) }
                </h2>
                if let Some(s) = &a.subtitle { <p class="subtitle">{ s }</p> }
                if let Some(b) = &a.byline { <p class="byline">{ b }</p> }
            </header>
            { marker(MarkerKind::ContinuedFrom) }
            { for a.paragraphs.iter().enumerate().map(|(k, p)| {
                if p.heading {
                    html! { <h3 class="crosshead">{ &p.text }</h3> }
                } else {
                    let dateline = if k == 0 && !closing { a.dateline.clone() } else { None }.or_else(|| p.dateline.clone());
                    html! {
                        <p class="para">
                            if let Some(d) = dateline { <span class="dateline">{ d }</span>{" "} }
                            { &p.text }
                        </p>
                    }
                }
            }) }
            if a.paragraphs.is_empty() || closing {
                if let Some(d) = &a.dateline { <p class="closing-dateline"><span class="dateline">{ d }</span></p> }
            }
            { marker(MarkerKind::ContinuedOn) }
        </article>
    }
}
