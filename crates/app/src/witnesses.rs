//! The witnesses popover: the other papers that print the passage under the
//! pointer or focus, each a link to the compare view.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::use_strings;
use crate::labels::witness_label;
use crate::state::Source;
use tongwen::model::Passage;

#[derive(Properties, PartialEq)]
pub struct WitnessesProps {
    pub passages: Rc<Vec<Passage>>,
    pub sources: Rc<Vec<Source>>,
    /// The passage, and its member in the article being read.
    pub passage: usize,
    pub member: usize,
    /// The article being read: its own copies are not listed.
    pub article: String,
    /// Where the reading pane places the popover.
    pub node: NodeRef,
    /// The pointer or focus entered (keep it open) or left (close it soon).
    pub on_keep: Callback<web_sys::Event>,
    pub on_leave: Callback<web_sys::Event>,
}

#[function_component(WitnessesPopover)]
pub fn witnesses_popover(props: &WitnessesProps) -> Html {
    let t = use_strings();
    let (pi, mi) = (props.passage, props.member);
    let p = &props.passages[pi];
    let (keep, leave) = (props.on_keep.clone(), props.on_leave.clone());
    html! {
        // (mi: the member being read, whose length the heading gives.)
        <aside class="witnesses" id="witnesses" role="group" aria-label={t.witnesses} ref={props.node.clone()}
               onmouseenter={keep.reform(|e: MouseEvent| e.into())}
               onfocusin={keep.reform(|e: FocusEvent| e.into())}
               onmouseleave={leave.reform(|e: MouseEvent| e.into())}
               onfocusout={leave.reform(|e: FocusEvent| e.into())}>
            <h3>{ (t.also_in)(p.members[mi].text.chars().filter(|c| !c.is_whitespace()).count()) }</h3>
            <ul>
                { for p.members.iter().enumerate()
                    // Each other article once, the one being read never.
                    .filter(|(i, m)| m.article != props.article && p.members[..*i].iter().all(|e| e.article != m.article))
                    .map(|(i, m)| {
                    let (source, title) = witness_label(&props.sources, &m.doc, &m.article);
                    let snippet: String = m.text.chars().filter(|c| *c != '\n').take(36).collect();
                    // A real link: the compare view of this witness against the one being read.
                    let href = tongwen::view::Route::Compare { passage: pi, left: mi, right: i }.to_hash();
                    html! {
                        <li class="witness">
                            <a class="witness-link" href={href}>
                                <span class="witness-source">{ source }</span>
                                <span class="witness-title">{ title }</span>
                                <span class="witness-snippet">{ format!("{snippet}…") }</span>
                            </a>
                        </li>
                    }
                }) }
            </ul>
            <p class="hint">{ t.click_to_compare }</p>
        </aside>
    }
}
