//! Chinese words: jieba-rs segmentation with the user's own words, and
//! keywords (TF-IDF over the loaded corpus, or TextRank).
//!
//! The dictionary (`www/dict/dict.txt.gz`, jieba's own, 5 MB unpacked) is a site asset
//! rather than embedded, so the first view never waits for it: the worker
//! fetches it after the first analysis is shown. The CLI and native tests
//! embed the same files.

use crate::text::Space;
use std::collections::HashMap;

use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TextRank};
use serde::{Deserialize, Serialize};

/// jieba's tables are kept gzipped (the repository and the site both
/// carry them packed); this unpacks one, as the worker does after a fetch.
pub fn gunzip_text(packed: &[u8]) -> Result<String, String> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(packed).read_to_string(&mut text).map_err(|e| e.to_string())?;
    Ok(text)
}

/// The jieba dictionary shipped with the site, for native front ends.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin_dict() -> &'static str {
    static DICT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DICT.get_or_init(|| gunzip_text(include_bytes!("../www/dict/dict.txt.gz")).expect("the built-in dictionary unpacks"))
}

/// jieba's IDF table, the keyword fallback for tiny corpora.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin_idf() -> &'static str {
    static IDF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    IDF.get_or_init(|| gunzip_text(include_bytes!("../www/dict/idf.txt.gz")).expect("the built-in IDF table unpacks"))
}

/// A word the user taught the segmenter, as in jieba's dictionary format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserWord {
    pub word: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

/// Reads a jieba-format user dictionary: `word [freq] [tag]` per line.
/// Blank lines and `#` comments are skipped; a bad line is an error that
/// names it, so an import either applies whole or not at all.
pub fn parse_user_dict(text: &str) -> Result<Vec<UserWord>, String> {
    let mut words = Vec::new();
    for (n, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let word = fields.next().unwrap_or_default().to_owned();
        let (mut freq, mut tag) = (None, None);
        for field in fields {
            match field.parse::<usize>() {
                Ok(f) if freq.is_none() && tag.is_none() => freq = Some(f),
                _ if tag.is_none() && !field.chars().all(|c| c.is_ascii_digit()) => tag = Some(field.to_owned()),
                _ => return Err(format!("line {}: expected `word [frequency] [tag]`, found `{line}`", n + 1)),
            }
        }
        words.push(UserWord { word, freq, tag });
    }
    Ok(words)
}

/// Writes words in jieba's format, which [`parse_user_dict`] reads back.
pub fn format_user_dict(words: &[UserWord]) -> String {
    let mut out = String::new();
    for w in words {
        out.push_str(&w.word);
        if let Some(f) = w.freq {
            out.push_str(&format!(" {f}"));
        }
        if let Some(t) = &w.tag {
            out.push_str(&format!(" {t}"));
        }
        out.push('\n');
    }
    out
}

/// jieba with the user's words; HMM on, so unknown names still group.
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// Builds from a jieba dictionary (150–480 ms in a browser: build once).
    pub fn new(dict: &str, user_words: &[UserWord]) -> Result<Self, String> {
        let mut jieba = Jieba::with_dict(&mut dict.as_bytes()).map_err(|e| e.to_string())?;
        for w in user_words {
            if !w.word.trim().is_empty() && !w.word.chars().any(char::is_whitespace) {
                jieba.add_word(&w.word, w.freq, w.tag.as_deref());
            }
        }
        Ok(Segmenter { jieba })
    }

    /// The built-in dictionary with `user_words` (native front ends).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin(user_words: &[UserWord]) -> Self {
        Segmenter::new(builtin_dict(), user_words).expect("the built-in dictionary parses")
    }

    /// The part-of-speech test for stock phrases with the built-in
    /// dictionary, loaded the first time a passage needs it (tens of
    /// megabytes; the CLI and `build-site`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin_names_test() -> impl Fn(&str) -> bool {
        let segmenter = std::cell::OnceCell::new();
        move |text| segmenter.get_or_init(|| Segmenter::builtin(&[])).is_only_names(text)
    }

    /// Words of `text`, in order; together they are exactly `text`.
    pub fn cut<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba.cut(text, true).into_iter().map(|t| t.word).collect()
    }

    /// Where each word of `text` ends, in characters (the last is the length).
    pub fn word_ends(&self, text: &str) -> Vec<u32> {
        self.jieba.cut(text, true).into_iter().map(|t| t.end as u32).collect()
    }

    /// Words of `text` with their part-of-speech tags (jieba's tag set:
    /// `nr` person, `ns` place, `nt` organisation, `n` noun, `x` other …).
    pub fn tag<'a>(&'a self, text: &'a str) -> Vec<(&'a str, &'a str)> {
        self.jieba.tag(text, true).into_iter().map(|t| (t.word, t.tag)).collect()
    }

    /// Whether `text` is only names, titles and places (a stock phrase by
    /// part of speech, [`crate::reuse::stock::only_names`]).
    pub fn is_only_names(&self, text: &str) -> bool {
        crate::reuse::stock::only_names(&self.tag(text))
    }

    /// Whether jieba knows `word` (from the dictionary or the user).
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// TextRank keywords of `text` (jieba-rs's own implementation).
    pub fn textrank(&self, text: &str, top: usize) -> Vec<(String, f64)> {
        let config = KeywordExtractConfig::builder().use_hmm(true).build();
        TextRank::new(5, config)
            .extract_keywords(&self.jieba, text, top * 3, vec![])
            .into_iter()
            .filter(|k| is_content_word(&k.keyword))
            .take(top)
            .map(|k| (k.keyword, k.weight))
            .collect()
    }
}

/// A word of a reflowed paragraph and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordAt {
    pub word: String,
    /// Input offsets (code points of the decoded text), half-open: from
    /// the word's first visible character to just after its last.
    pub begin: usize,
    pub end: usize,
}

/// The words of a paragraph with their input offsets. Whitespace tokens
/// are left out: they are layout, not words.
pub fn words_with_offsets(seg: &Segmenter, paragraph: &crate::model::Paragraph, input: &[char]) -> Vec<WordAt> {
    let mut offsets = crate::model::covered_offsets(&paragraph.spans, input);
    let mut out = Vec::new();
    for w in seg.cut(&paragraph.text) {
        let visible: Vec<usize> = w.chars().filter(|c| !c.is_space()).map_while(|_| offsets.next()).collect();
        if let (Some(&b), Some(&e)) = (visible.first(), visible.last()) {
            out.push(WordAt { word: w.to_owned(), begin: b, end: e + 1 });
        }
    }
    out
}

/// Function words and other words that are never keywords. jieba-rs's
/// default stop list is English only.
const STOP_WORDS: &[&str] = &[
    "我们", "他们", "你们", "这个", "那个", "这些", "那些", "一个", "没有", "不是", "就是", "还是", "已经", "可以", "以及", "进行",
    "通过", "表示", "如果", "因为", "所以", "但是", "而且", "并且", "或者", "其中", "之一", "同时", "目前", "今年", "去年", "记者",
    "方面", "问题", "工作", "有关", "相关", "为了", "对于", "关于", "之间", "不断", "这样", "一些", "自己", "什么", "如何", "正在",
    "一直", "还有", "以来", "此外", "其他", "今天", "当前", "实现", "开展", "取得", "作为", "继续", "提供", "一道", "共同", "重要",
];

/// Whether a word can be a keyword: two or more characters, at least one
/// of them a letter (Han or otherwise), and not a function word.
pub fn is_content_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().any(char::is_alphabetic) && !STOP_WORDS.contains(&word) && !word.chars().all(|c| c.is_ascii_digit())
}

/// Inverse document frequencies: from the loaded corpus when it has enough
/// articles to say something, else jieba's table.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    weights: HashMap<String, f64>,
    /// For words the table does not know: its median, as jieba does.
    unknown: f64,
}

/// Below this many articles a corpus's own document frequencies are noise,
/// and jieba's table (from a large general corpus) ranks better.
pub const MIN_ARTICLES_FOR_CORPUS_IDF: usize = 30;

impl Idf {
    /// `ln(N / df)` over `documents`, each given as its set of words.
    pub fn from_corpus<'a>(documents: impl IntoIterator<Item = impl IntoIterator<Item = &'a str>>) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0usize;
        for doc in documents {
            n += 1;
            let mut seen = std::collections::HashSet::new();
            for w in doc {
                if seen.insert(w) {
                    *df.entry(w.to_owned()).or_default() += 1;
                }
            }
        }
        let n = n.max(1) as f64;
        let weights: HashMap<String, f64> = df.into_iter().map(|(w, d)| (w, (n / d as f64).ln() + 1e-3)).collect();
        // A word the corpus has never seen is as rare as can be.
        Idf { weights, unknown: n.ln() + 1e-3 }
    }

    /// Parses jieba's `idf.txt` (`word weight` per line).
    pub fn from_jieba_table(text: &str) -> Self {
        let weights: HashMap<String, f64> = text
            .lines()
            .filter_map(|line| {
                let (w, x) = line.split_once(' ')?;
                Some((w.to_owned(), x.trim().parse().ok()?))
            })
            .collect();
        let mut all: Vec<f64> = weights.values().copied().collect();
        all.sort_by(f64::total_cmp);
        let unknown = all.get(all.len() / 2).copied().unwrap_or(10.0);
        Idf { weights, unknown }
    }

    pub fn weight(&self, word: &str) -> f64 {
        self.weights.get(word).copied().unwrap_or(self.unknown)
    }

    /// The top `top` TF-IDF keywords of a text given as its words.
    pub fn keywords<'a>(&self, words: impl IntoIterator<Item = &'a str>, top: usize) -> Vec<(String, f64)> {
        let mut tf: HashMap<&str, usize> = HashMap::new();
        let mut total = 0usize;
        for w in words {
            total += 1;
            if is_content_word(w) {
                *tf.entry(w).or_default() += 1;
            }
        }
        let total = total.max(1) as f64;
        let mut scored: Vec<(String, f64)> = tf.into_iter().map(|(w, n)| (w.to_owned(), n as f64 / total * self.weight(w))).collect();
        // Ties break by the word, so the list is stable across runs.
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        scored.truncate(top);
        scored
    }
}

/// How an article's keywords are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum KeywordMethod {
    #[default]
    TfIdf,
    TextRank,
}

/// A string the user may want as a word: frequent in the corpus, but
/// jieba splits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub word: String,
    /// Occurrences in the corpus.
    pub count: usize,
    /// How jieba cuts it now, e.g. `托卡 耶夫`.
    pub split: String,
}

/// Proposes words from segmented texts: runs of short Han tokens, one of
/// them a lone character, that recur, nearly always together, in several
/// articles (`托 卡耶夫`), and names joined with `·`. Fed one article at a
/// time, so a large corpus is never held as tokens all at once.
#[derive(Debug, Default)]
pub struct CandidateCounter<'a> {
    /// Per n-gram of adjacent tokens: count, last article seen in, articles.
    grams: HashMap<Vec<&'a str>, (usize, usize, usize)>,
    tokens: HashMap<&'a str, usize>,
    articles: usize,
}

impl<'a> CandidateCounter<'a> {
    pub fn add_article(&mut self, words: &[&'a str]) {
        let han = |w: &str| !w.is_empty() && w.chars().all(is_han);
        let a = self.articles;
        self.articles += 1;
        for w in words {
            *self.tokens.entry(w).or_default() += 1;
        }
        for n in 2..=3 {
            for win in words.windows(n) {
                let dotted = n == 3 && win[1] == "·" && han(win[0]) && han(win[2]);
                // A stray single character is the sign of a bad split.
                let lens: Vec<usize> = win.iter().map(|w| w.chars().count()).collect();
                let short = win.iter().all(|w| han(w))
                    && lens.iter().all(|&l| l <= 3)
                    && lens.contains(&1)
                    && (3..=6).contains(&lens.iter().sum::<usize>());
                if dotted || short {
                    let e = self.grams.entry(win.to_vec()).or_insert((0, usize::MAX, 0));
                    e.0 += 1;
                    if e.1 != a {
                        e.1 = a;
                        e.2 += 1;
                    }
                }
            }
        }
    }

    /// The best `limit` proposals that `seg` does not already know.
    pub fn finish(self, seg: &Segmenter, limit: usize) -> Vec<Candidate> {
        let tokens = self.tokens;
        let mut out: Vec<Candidate> = self
            .grams
            .into_iter()
            .filter(|(g, (count, _, articles))| {
                // Cohesive: the parts rarely occur apart from each other.
                let rarest = g.iter().filter(|w| **w != "·").map(|w| tokens[w]).min().unwrap_or(0);
                *count >= 3 && *articles >= 2 && *count * 10 >= rarest * 8
            })
            .map(|(g, (count, _, _))| Candidate { word: g.concat(), count, split: g.join(" ") })
            .filter(|c| !seg.knows(&c.word))
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        // A 3-gram that contains a proposed 2-gram wins over it.
        let words: Vec<String> = out.iter().map(|c| c.word.clone()).collect();
        out.retain(|c| !words.iter().any(|w| w.len() > c.word.len() && w.contains(&c.word)));
        out.truncate(limit);
        out
    }
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn user_words_join_what_jieba_splits() {
        let text = "哈萨克斯坦总统托卡耶夫在阿斯塔纳会见了他。";
        let plain = Segmenter::builtin(&[]);
        assert!(!plain.cut(text).contains(&"托卡耶夫"), "{:?}", plain.cut(text));
        let taught = Segmenter::builtin(&[UserWord { word: "托卡耶夫".into(), freq: None, tag: Some("nr".into()) }]);
        let words = taught.cut(text);
        assert!(words.contains(&"托卡耶夫"), "{words:?}");
        assert_eq!(words.concat(), text, "words cover the text exactly");
        assert_eq!(*taught.word_ends(text).last().unwrap() as usize, text.chars().count());
    }

    #[test]
    fn user_dictionaries_round_trip_and_bad_lines_are_named() {
        let text = "\u{feff}# mine\n托卡耶夫 20 nr\n阿斯塔纳\n中国—中亚机制 n\n\n";
        let words = parse_user_dict(text).unwrap();
        assert_eq!(words.len(), 3);
        assert_eq!(words[0], UserWord { word: "托卡耶夫".into(), freq: Some(20), tag: Some("nr".into()) });
        assert_eq!(words[2].tag.as_deref(), Some("n"));
        assert_eq!(parse_user_dict(&format_user_dict(&words)).unwrap(), words);
        let err = parse_user_dict("好词 3\n坏词 n 5\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
    }

    #[test]
    fn corpus_idf_ranks_the_distinctive_word_first() {
        let docs: Vec<Vec<&str>> = vec![
            vec!["中亚", "合作", "中亚", "峰会", "合作"],
            vec!["经济", "合作", "发展"],
            vec!["经济", "合作", "增长"],
            vec!["农业", "合作", "丰收"],
        ];
        let idf = Idf::from_corpus(docs.iter().map(|d| d.iter().copied()));
        let top = idf.keywords(docs[0].iter().copied(), 2);
        assert_eq!(top[0].0, "中亚");
        assert!(idf.weight("合作") < idf.weight("峰会"), "a word in every article weighs least");
        assert!(top.iter().all(|(w, _)| w != "合作"));
    }

    #[test]
    fn jieba_idf_table_parses_and_has_a_median_for_unknown_words() {
        let idf = Idf::from_jieba_table(builtin_idf());
        assert!(idf.weight("托卡耶夫") > idf.weight("中国"));
        assert!(idf.weight("中亚") > 0.0);
    }

    #[test]
    fn candidates_propose_a_recurring_name_jieba_splits() {
        let seg = Segmenter::builtin(&[]);
        let articles = [
            "托卡耶夫总统表示，双方将加强合作。",
            "托卡耶夫说，哈中友谊源远流长。托卡耶夫还说，欢迎中国企业。",
            "会见中，托卡耶夫高度评价两国关系。",
        ];
        let cut: Vec<Vec<&str>> = articles.iter().map(|a| seg.cut(a)).collect();
        let mut counter = CandidateCounter::default();
        for words in &cut {
            counter.add_article(words);
        }
        let found = counter.finish(&seg, 10);
        assert!(found.iter().any(|c| c.word == "托卡耶夫" && c.count == 4), "{found:?}");
    }
}
