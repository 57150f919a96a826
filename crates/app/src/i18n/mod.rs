//! Every string the interface shows, in Chinese and English. Components
//! ask `use_strings()` for the current table; nothing else holds UI text.

use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The browser's preference: Chinese for `zh*`, English otherwise.
    pub fn from_browser() -> Lang {
        let pref = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
        if pref.to_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh-CN" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// The strings for the page's current language, for code outside a
/// component's render (dialogs and messages from callbacks).
pub fn page_strings() -> &'static Strings {
    let code = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang")).unwrap_or_default();
    Lang::from_code(&code).unwrap_or(Lang::En).strings()
}

pub struct Strings {
    pub switch_to: &'static str,
    pub language: &'static str,
    pub loading: &'static str,
    pub reflowing: fn(usize, usize) -> String,
    pub finding: &'static str,
    pub ready: fn(usize, usize) -> String,
    pub error: fn(&str) -> String,
    pub cancelled: &'static str,
    pub crashed: fn(&str) -> String,
    pub corpus: &'static str,
    pub builtin_corpus: &'static str,
    pub add_files: &'static str,
    pub add_folder: &'static str,
    pub paste: &'static str,
    pub paste_placeholder: &'static str,
    pub paste_name: &'static str,
    pub rename: &'static str,
    pub rename_prompt: &'static str,
    pub rename_doc_prompt: &'static str,
    pub new_corpus: &'static str,
    pub delete: &'static str,
    pub delete_confirm: &'static str,
    pub reset: &'static str,
    pub reset_hint: &'static str,
    pub reset_confirm: &'static str,
    pub drop_hint: &'static str,
    pub drop_here: &'static str,
    pub not_added: &'static str,
    pub encoding: &'static str,
    pub detected: fn(&str) -> String,
    pub remove_doc: &'static str,
    pub export: &'static str,
    pub export_json: &'static str,
    pub export_md: &'static str,
    pub export_md_zip: &'static str,
    pub export_txt_zip: &'static str,
    pub export_csv: &'static str,
    pub export_passim: &'static str,
    pub export_tei: &'static str,
    pub passim_clusters: &'static str,
    pub segmenting: fn(usize, usize) -> String,
    pub words_failed: fn(&str) -> String,
    pub words_loading: &'static str,
    pub searching: &'static str,
    pub search_placeholder: &'static str,
    pub search_label: &'static str,
    pub search_results: &'static str,
    /// (hits, articles, whole-word hits)
    pub found: fn(usize, usize, usize) -> String,
    pub query_words: &'static str,
    pub more_results: &'static str,
    pub more_in_article: fn(usize) -> String,
    pub by_article: &'static str,
    pub concordance: &'static str,
    pub sort_by: &'static str,
    /// The phone's one menu of the top bar's controls.
    pub menu: &'static str,
    pub concordance_order: fn(crate::concordance::Order) -> &'static str,
    pub per_source: &'static str,
    pub capped: fn(usize) -> String,
    pub unconfirmed: fn(usize) -> String,
    /// (hits, whole-word hits)
    pub hit_count: fn(usize, usize) -> String,
    pub word_view: &'static str,
    pub word_view_hint: &'static str,
    pub keywords: &'static str,
    pub keyword_method: &'static str,
    pub dictionary: &'static str,
    pub dictionary_hint: &'static str,
    pub close: &'static str,
    pub word: &'static str,
    pub frequency: &'static str,
    pub tag: &'static str,
    pub add: &'static str,
    pub your_words: &'static str,
    pub remove_word: fn(&str) -> String,
    pub add_word: fn(&str) -> String,
    pub export_txt: &'static str,
    pub import_txt: &'static str,
    pub imported: fn(usize) -> String,
    /// Refusals, warnings, failures and storage errors.
    pub messages: &'static crate::messages::Messages,
    pub candidates: &'static str,
    /// (how jieba cuts it now, occurrences)
    pub candidate_meta: fn(&str, usize) -> String,
    /// (shown on click, still hidden)
    pub more_sources: fn(usize, usize) -> String,
    pub progress: &'static str,
    pub cancel: &'static str,
    pub views: &'static str,
    pub read: &'static str,
    pub overview: &'static str,
    pub settings: &'static str,
    pub min_len: &'static str,
    pub boilerplate: &'static str,
    pub stock: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub keys: &'static str,
    pub shortcuts: &'static str,
    pub key_tab: &'static str,
    pub key_enter: &'static str,
    pub key_np: &'static str,
    pub key_esc: &'static str,
    pub key_help: &'static str,
    pub key_search: &'static str,
    pub sources: &'static str,
    pub filter: &'static str,
    pub filter_label: &'static str,
    pub source_meta: fn(usize, usize, &str) -> String,
    pub article_meta: fn(usize, f64) -> String,
    pub share_label: &'static str,
    pub untitled: &'static str,
    pub raw_page: &'static str,
    pub reflowed: &'static str,
    pub no_articles: &'static str,
    /// A published page whose text is still on its way.
    pub page_loading: &'static str,
    pub elsewhere: &'static str,
    pub block_caption: &'static str,
    pub block_furniture: &'static str,
    pub block_infobox: &'static str,
    pub block_headline: &'static str,
    pub block_dateline: &'static str,
    pub block_byline: &'static str,
    pub block_fragment: &'static str,
    pub shared_passage: fn(usize) -> String,
    pub also_in: fn(usize) -> String,
    pub click_to_compare: &'static str,
    /// A link named an article or passage the corpus does not have.
    pub not_found_title: &'static str,
    pub not_found: fn(&str) -> String,
    pub back_to_reading: &'static str,
    /// The first thing Tab reaches: it skips the bars to the article's text.
    pub skip_to_text: &'static str,
    /// The popover's name: the witnesses of the passage under the cursor.
    pub witnesses: &'static str,
    pub compare: &'static str,
    pub back: &'static str,
    /// (passage counted from 1, passages, witness counted from 1, witnesses, differences)
    pub compare_info: fn(usize, usize, usize, usize, usize) -> String,
    pub previous: &'static str,
    pub next: &'static str,
    pub right_witness: &'static str,
    pub variant: &'static str,
    pub only_here: &'static str,
    pub legend_keys: &'static str,
    /// The toggle that shows every witness of the story in one table.
    pub collate: &'static str,
    pub collation_label: &'static str,
    /// (variant readings against the fullest witness)
    pub distance: fn(usize) -> String,
    pub fullest: &'static str,
    pub omitted: &'static str,
    pub quoted_in: &'static str,
    pub no_passage: &'static str,
    pub overview_hint: fn(usize, usize) -> String,
    pub matrix_label: &'static str,
    pub chars: fn(usize) -> String,
    pub passages: &'static str,
    pub by_length: &'static str,
    pub by_witnesses: &'static str,
    pub cluster_meta: fn(usize, usize) -> String,
    /// (articles, most characters one article shares, passages)
    pub story_meta: fn(usize, usize, usize) -> String,
    /// (stories in all, stories listed)
    pub corpus_stories: fn(usize, usize) -> String,
}

mod en;
mod zh;

pub use en::EN;
pub use zh::ZH;


/// The strings of the language in context (English outside any provider).
#[hook]
pub fn use_strings() -> &'static Strings {
    use_context::<Lang>().unwrap_or(Lang::En).strings()
}

