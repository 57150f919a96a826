//! What the app remembers across visits, in `localStorage` through
//! `gloo-storage`: the only module that touches it. Each is small (the
//! user's dictionary is a few kilobytes at most).

use gloo_storage::{LocalStorage, Storage};
use tongwen::segment::{format_user_dict, parse_user_dict, UserWord};

use crate::i18n::Lang;

const THEME: &str = "tongwen.theme";
const LANG: &str = "tongwen.lang";
const USER_WORDS: &str = "tongwen.userdict";
const OPEN_CORPUS: &str = "tongwen.corpus";
/// Followed by the site's corpus directory: the names given to its sources.
const BUILTIN_NAMES: &str = "tongwen.names.";

/// A text value: JSON as `gloo-storage` writes it, or the bare text
/// earlier versions wrote.
fn text(key: &str) -> Option<String> {
    LocalStorage::get::<String>(key).ok().or_else(|| LocalStorage::raw().get_item(key).ok().flatten())
}

fn set_text(key: &str, value: &str) {
    // Storage full or blocked (private browsing): the preference is just
    // not remembered.
    let _ = LocalStorage::set(key, value);
}

/// `auto` (follow the system), `light` or `dark`.
pub fn theme() -> String {
    text(THEME).filter(|t| matches!(t.as_str(), "auto" | "light" | "dark")).unwrap_or_else(|| "auto".to_owned())
}

pub fn set_theme(theme: &str) {
    set_text(THEME, theme);
}

/// The interface language the reader chose, if they did.
pub fn lang() -> Option<Lang> {
    text(LANG).and_then(|code| Lang::from_code(&code))
}

pub fn set_lang(lang: Lang) {
    set_text(LANG, lang.code());
}

/// The user's dictionary, kept in jieba's format.
pub fn user_words() -> Vec<UserWord> {
    text(USER_WORDS).and_then(|t| parse_user_dict(&t).ok()).unwrap_or_default()
}

pub fn set_user_words(words: &[UserWord]) {
    set_text(USER_WORDS, &format_user_dict(words));
}

/// The corpus open at the last visit (`None`: the built-in one).
pub fn open_corpus() -> Option<String> {
    text(OPEN_CORPUS)
}

pub fn set_open_corpus(id: Option<&str>) {
    match id {
        Some(id) => set_text(OPEN_CORPUS, id),
        None => LocalStorage::delete(OPEN_CORPUS),
    }
}

/// The names the reader gave the sources of the site's corpus in `dir`
/// (a user corpus keeps its own, with it).
pub fn builtin_names(dir: &str) -> tongwen::masthead::GivenNames {
    LocalStorage::get(format!("{BUILTIN_NAMES}{dir}")).unwrap_or_default()
}

pub fn set_builtin_names(dir: &str, names: &tongwen::masthead::GivenNames) {
    let key = format!("{BUILTIN_NAMES}{dir}");
    if names.is_empty() {
        LocalStorage::delete(key);
    } else {
        let _ = LocalStorage::set(key, names);
    }
}
