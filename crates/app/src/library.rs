//! The corpus bar: which corpus is open, and adding text to it (files,
//! folders, a zip, or text pasted from a PDF viewer).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::i18n::use_strings;
use tongwen::corpus::CorpusMeta;

use crate::problems::{Problem, Refusal};

/// Files as read in the browser: name, and bytes or why they could not be read.
pub type PickedFiles = Vec<(String, Result<Vec<u8>, String>)>;

#[derive(Properties, PartialEq)]
pub struct CorpusBarProps {
    pub corpora: Rc<Vec<CorpusMeta>>,
    pub current: Option<CorpusMeta>,
    pub rejected: Rc<Vec<(String, Refusal)>>,
    pub notice: Option<Problem>,
    /// Open a stored corpus by id (`None`: the built-in one).
    pub on_open: Callback<Option<String>>,
    pub on_files: Callback<PickedFiles>,
    /// Files that start a new corpus, whatever is open.
    pub on_new: Callback<PickedFiles>,
    /// Pasted text: (the name typed for the source, if any; the file).
    pub on_paste: Callback<(Option<String>, PickedFiles)>,
    pub on_rename: Callback<String>,
    pub on_delete: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_dismiss: Callback<()>,
}

fn confirm(message: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(message).ok()).unwrap_or(false)
}

#[function_component(CorpusBar)]
pub fn corpus_bar(props: &CorpusBarProps) -> Html {
    let t = use_strings();
    let pasting = use_state(|| false);
    let paste_text = use_node_ref();
    let paste_name = use_node_ref();
    let on_select = {
        let cb = props.on_open.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                let v = select.value();
                cb.emit((!v.is_empty()).then_some(v));
            }
        })
    };
    let pick = |cb: Callback<PickedFiles>| {
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let Some(list) = input.files() else { return };
            let cb = cb.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let files = super::files::read_files(list).await;
                input.set_value(""); // the same files can be picked again
                cb.emit(files);
            });
        })
    };
    let on_pick = pick(props.on_files.clone());
    let on_new = pick(props.on_new.clone());
    let toggle_paste = {
        let pasting = pasting.clone();
        Callback::from(move |_| pasting.set(!*pasting))
    };
    let on_paste = {
        let (cb, pasting, text, name) = (props.on_paste.clone(), pasting.clone(), paste_text.clone(), paste_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = text.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            if body.trim().is_empty() {
                return;
            }
            let given = name.cast::<web_sys::HtmlInputElement>().map(|i| i.value().trim().to_owned()).unwrap_or_default();
            let file = if given.is_empty() { "pasted.txt".to_owned() } else if given.contains('.') { given.clone() } else { format!("{given}.txt") };
            // The typed name names the source, even where the text prints a masthead.
            cb.emit(((!given.is_empty()).then_some(given), vec![(file, Ok(body.into_bytes()))]));
            pasting.set(false);
        })
    };
    let on_rename = {
        let (cb, current) = (props.on_rename.clone(), props.current.clone());
        Callback::from(move |_| {
            let Some(c) = &current else { return };
            if let Some(name) = web_sys::window().and_then(|w| w.prompt_with_message_and_default(super::i18n::page_strings().rename_prompt, &c.name).ok().flatten()) {
                if !name.trim().is_empty() {
                    cb.emit(name.trim().to_owned());
                }
            }
        })
    };
    let on_delete = {
        let cb = props.on_delete.clone();
        Callback::from(move |_| {
            if confirm(super::i18n::page_strings().delete_confirm) {
                cb.emit(());
            }
        })
    };
    let on_reset = {
        let cb = props.on_reset.clone();
        Callback::from(move |_| {
            if confirm(super::i18n::page_strings().reset_confirm) {
                cb.emit(());
            }
        })
    };
    let dismiss = {
        let cb = props.on_dismiss.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let current_id = props.current.as_ref().map(|c| c.id.clone()).unwrap_or_default();
    html! {
        <section class="corpus-bar" aria-label={t.corpus}>
            <label class="corpus-select">{ t.corpus }
                <select id="corpus" onchange={on_select}>
                    <option value="" selected={current_id.is_empty()}>{ t.builtin_corpus }</option>
                    { for props.corpora.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={c.id == current_id}>{ format!("{} ({})", c.name, c.documents.len()) }</option>
                    }) }
                </select>
            </label>
            <div class="corpus-actions">
                <label class="toggle file-button">{ t.add_files }
                    <input id="add-files" type="file" multiple=true accept=".txt,.md,.pdf,.zip,.json,.jsonl,text/plain,application/pdf" class="visually-hidden" onchange={on_pick.clone()} />
                </label>
                <label class="toggle file-button">{ t.add_folder }
                    <input id="add-folder" type="file" multiple=true webkitdirectory=true class="visually-hidden" onchange={on_pick} />
                </label>
                <button class="toggle" aria-expanded={pasting.to_string()} onclick={toggle_paste}>{ t.paste }</button>
                if props.current.is_some() {
                    <label class="toggle file-button">{ t.new_corpus }
                        <input id="new-corpus" type="file" multiple=true accept=".txt,.md,.pdf,.zip,.json,.jsonl,text/plain,application/pdf" class="visually-hidden" onchange={on_new} />
                    </label>
                }
                if props.current.is_some() {
                    <button class="toggle" onclick={on_rename}>{ t.rename }</button>
                    <button class="toggle" onclick={on_delete}>{ t.delete }</button>
                }
                if !props.corpora.is_empty() {
                    <button class="toggle" onclick={on_reset} title={t.reset_hint}>{ t.reset }</button>
                }
            </div>
            <p class="hint drop-hint">{ t.drop_hint }</p>
            if *pasting {
                <form class="paste" onsubmit={on_paste}>
                    <textarea ref={paste_text} id="paste-text" rows="6" placeholder={t.paste_placeholder} aria-label={t.paste} />
                    <input ref={paste_name} id="paste-name" placeholder={t.paste_name} aria-label={t.paste_name} />
                    <button class="toggle" type="submit">{ t.add }</button>
                </form>
            }
            if !props.rejected.is_empty() {
                <ul class="rejected" role="alert" aria-label={t.not_added}>
                    { for props.rejected.iter().map(|(name, why)| html! {
                        <li><span class="file-name">{ name }</span>{ ": " }{ (t.messages.refusal)(why) }</li>
                    }) }
                </ul>
            }
            if let Some(n) = &props.notice {
                <p class="notice" role="alert">{ t.messages.problem(n) }{" "}<button class="toggle" onclick={dismiss} aria-label={t.close}>{"×"}</button></p>
            }
        </section>
    }
}

