use std::rc::Rc;

use yew::prelude::*;

use super::app::Source;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub sources: Rc<Vec<Source>>,
    pub selected: usize,
    pub on_select: Callback<usize>,
}

/// The list of sources, by readable name.
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
                                    title={source.doc.id.clone()}
                                    onclick={Callback::from(move |_| on_select.emit(i))}>
                                <span class="source-name">{ &source.doc.name }</span>
                                <span class="source-meta">{ format!("{} 字 · {}", source.doc.chars, source.doc.encoding) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
