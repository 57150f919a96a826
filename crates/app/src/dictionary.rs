//! The user's dictionary: words jieba should keep whole, proposals from the
//! corpus, and import/export as a jieba-format `.txt`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::i18n::use_strings;
use tongwen::segment::{format_user_dict, parse_user_dict, Candidate, UserWord};

/// Adds or replaces words (by the word itself), keeping the order.
pub fn merged(current: &[UserWord], new: impl IntoIterator<Item = UserWord>) -> Vec<UserWord> {
    let mut out = current.to_vec();
    for w in new {
        match out.iter_mut().find(|x| x.word == w.word) {
            Some(x) => *x = w,
            None => out.push(w),
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct DictionaryProps {
    pub words: Rc<Vec<UserWord>>,
    pub candidates: Rc<Vec<Candidate>>,
    pub on_change: Callback<Vec<UserWord>>,
    pub on_close: Callback<()>,
}

#[function_component(DictionaryPanel)]
pub fn dictionary_panel(props: &DictionaryProps) -> Html {
    let t = use_strings();
    let (word, freq, tag) = (use_node_ref(), use_node_ref(), use_node_ref());
    let message = use_state(|| None::<String>);
    let value = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value().trim().to_owned()).unwrap_or_default();
    let on_add = {
        let (word, freq, tag, words, cb, message) = (word.clone(), freq.clone(), tag.clone(), props.words.clone(), props.on_change.clone(), message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let line = format!("{} {} {}", value(&word), value(&freq), value(&tag));
            match parse_user_dict(&line) {
                Ok(new) if !new.is_empty() => {
                    cb.emit(merged(&words, new));
                    message.set(None);
                    for r in [&word, &freq, &tag] {
                        if let Some(i) = r.cast::<web_sys::HtmlInputElement>() {
                            i.set_value("");
                        }
                    }
                }
                Ok(_) => {}
                Err(err) => message.set(Some(err)),
            }
        })
    };
    let on_export = {
        let (words, message) = (props.words.clone(), message.clone());
        Callback::from(move |_| {
            let text = wasm_bindgen::JsValue::from_str(&format_user_dict(&words));
            if let Err(e) = super::files::download("tongwen-userdict.txt", "text/plain;charset=utf-8", &text) {
                message.set(Some(format!("{e:?}")));
            }
        })
    };
    let on_import = {
        let (words, cb, message) = (props.words.clone(), props.on_change.clone(), message.clone());
        Callback::from(move |e: Event| {
            let Some(file) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
            let (words, cb, message) = (words.clone(), cb.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                    Err(e) => return message.set(Some(format!("{e:?}"))),
                };
                // Whole or nothing: a bad line leaves the dictionary as it was.
                match parse_user_dict(&super::files::decode_text(&bytes)) {
                    Ok(new) => {
                        message.set(Some((super::i18n::page_strings().imported)(new.len())));
                        cb.emit(merged(&words, new));
                    }
                    Err(err) => message.set(Some(err)),
                }
            });
        })
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="dictionary" role="dialog" aria-label={t.dictionary}>
            <header class="dictionary-head">
                <h2>{ t.dictionary }</h2>
                <button class="toggle" onclick={close} aria-label={t.close}>{"×"}</button>
            </header>
            <p class="hint">{ t.dictionary_hint }</p>
            <form class="add-word" onsubmit={on_add}>
                <input ref={word} id="new-word" required=true placeholder={t.word} aria-label={t.word} />
                <input ref={freq} id="new-freq" type="number" min="1" placeholder={t.frequency} aria-label={t.frequency} />
                <input ref={tag} id="new-tag" placeholder={t.tag} aria-label={t.tag} size="4" />
                <button class="toggle" type="submit">{ t.add }</button>
            </form>
            if let Some(m) = &*message { <p class="dictionary-message" role="status">{ m }</p> }
            <ul class="user-words" aria-label={t.your_words}>
                { for props.words.iter().enumerate().map(|(i, w)| {
                    let (words, cb) = (props.words.clone(), props.on_change.clone());
                    let remove = Callback::from(move |_| {
                        let mut next = words.to_vec();
                        next.remove(i);
                        cb.emit(next);
                    });
                    html! {
                        <li class="user-word">
                            <span class="word">{ &w.word }</span>
                            <span class="word-meta">{ format!("{} {}", w.freq.map(|f| f.to_string()).unwrap_or_default(), w.tag.clone().unwrap_or_default()) }</span>
                            <button class="toggle remove" onclick={remove} aria-label={(t.remove_word)(&w.word)}>{"−"}</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="dictionary-files">
                <button class="toggle" onclick={on_export}>{ t.export_txt }</button>
                <label class="toggle file-button">{ t.import_txt }
                    <input type="file" accept=".txt,text/plain" class="visually-hidden" onchange={on_import} />
                </label>
            </div>
            if !props.candidates.is_empty() {
                <h3>{ t.candidates }</h3>
                <ul class="candidates">
                    { for props.candidates.iter().filter(|c| props.words.iter().all(|w| w.word != c.word)).take(20).map(|c| {
                        let (words, cb, word) = (props.words.clone(), props.on_change.clone(), c.word.clone());
                        let accept = Callback::from(move |_| cb.emit(merged(&words, [UserWord { word: word.clone(), freq: None, tag: None }])));
                        html! {
                            <li class="candidate">
                                <span class="word">{ &c.word }</span>
                                <span class="word-meta">{ (t.candidate_meta)(&c.split, c.count) }</span>
                                <button class="toggle" onclick={accept} aria-label={(t.add_word)(&c.word)}>{ t.add }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_replaces_by_word_and_keeps_order() {
        let w = |word: &str, freq| UserWord { word: word.into(), freq, tag: None };
        let merged = merged(&[w("甲", None), w("乙", None)], [w("乙", Some(5)), w("丙", None)]);
        assert_eq!(merged, vec![w("甲", None), w("乙", Some(5)), w("丙", None)]);
    }
}
