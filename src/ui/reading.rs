use yew::prelude::*;

use super::app::Source;

#[derive(Properties, PartialEq)]
pub struct ReadingPaneProps {
    pub source: Source,
}

/// Shows one source. Text goes in as text nodes, never as HTML.
#[function_component(ReadingPane)]
pub fn reading_pane(props: &ReadingPaneProps) -> Html {
    let doc = &props.source.doc;
    html! {
        <article class="source-view" aria-labelledby="source-title">
            <h2 id="source-title" class="source-title">{ &doc.name }</h2>
            <p class="source-file">{ format!("{} · {} 字 · {}", doc.id, doc.chars, doc.encoding) }</p>
            { for doc.warnings.iter().map(|w| html! { <p class="warning" role="alert">{ w }</p> }) }
            <pre class="raw-text">{ &*props.source.text }</pre>
        </article>
    }
}
