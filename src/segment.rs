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
///
/// Two of the usual new-word tests keep out phrases: no part of a word is
/// a function character (`共赢的`, `尊重和`, `亮点是习近平` were proposed
/// before), and a word is free on both sides (branching entropy): it
/// meets different neighbours left and right. A reprinted report repeats a
/// phrase with its context, so repetition alone proves nothing here.
#[derive(Debug, Default)]
pub struct CandidateCounter<'a> {
    grams: HashMap<Vec<&'a str>, GramStats<'a>>,
    tokens: HashMap<&'a str, usize>,
    articles: usize,
}

/// What is known of one n-gram of adjacent tokens.
#[derive(Debug)]
struct GramStats<'a> {
    count: usize,
    last_article: usize,
    articles: usize,
    /// The tokens seen just before and just after it, with their counts
    /// (`None`: the start or end of a text, a different context each time).
    left: Vec<(Option<&'a str>, u32)>,
    right: Vec<(Option<&'a str>, u32)>,
}

/// Characters that glue words together rather than make them: particles,
/// conjunctions, prepositions, the copula, measure words and demonstratives.
/// A proposed word neither starts nor ends with one, nor has one as a part.
const FUNCTION_CHARS: &str = "的了着过地得和与及或并而且是在把被对从向为以于将让给由等也都就又再还之其这那此该个们吗呢吧啊呀即则更最很太越较";

/// Localizers close the noun phrase before them (`框架内`): a lone one
/// inside a proposal, not at its end, joins two phrases.
const LOCALIZERS: &str = "内上下中里外前后间";

/// Prefixes bind to what follows (`新时代`): a lone one at a proposal's
/// end is cut from its word.
const PREFIXES: &str = "新老大小各全多每首第";

fn is_function_char(c: char) -> bool {
    FUNCTION_CHARS.contains(c)
}

/// Shannon entropy, in bits, of the neighbours seen; each text edge counts
/// as a neighbour of its own.
fn branching_entropy(neighbours: &[(Option<&str>, u32)]) -> f64 {
    let total = f64::from(neighbours.iter().map(|(_, n)| n).sum::<u32>().max(1));
    let surprise = |k: f64| -(k / total) * (k / total).log2();
    neighbours
        .iter()
        .map(|&(w, n)| match w {
            Some(_) => surprise(f64::from(n)),
            // `n` text edges: `n` contexts seen once each.
            None => f64::from(n) * surprise(1.0),
        })
        .sum()
}

/// The least branching entropy, on either side, of a word: below it the
/// string is a piece of one longer phrase. Two different neighbours seen
/// once and twice give 0.92 bits.
const MIN_BRANCHING_ENTROPY: f64 = 0.9;

/// Does a gram meet different neighbours on both sides? On the left, one
/// word of two or more characters mostly before it (`总统` before
/// `托卡耶夫`) still leaves it free: titles and roles precede names. On the
/// right, a fixed neighbour means a fragment (`跨国有组织` before `犯罪`).
fn free_on_both_sides(s: &GramStats) -> bool {
    let one_word = |side: &[(Option<&str>, u32)]| {
        side.iter().max_by_key(|(_, n)| *n).is_some_and(|(w, _)| w.is_some_and(|w| w.chars().count() >= 2 && w.chars().all(is_han)))
    };
    let free = |side: &[(Option<&str>, u32)]| branching_entropy(side) >= MIN_BRANCHING_ENTROPY;
    (free(&s.left) || one_word(&s.left)) && free(&s.right)
}

fn note_neighbour<'a>(seen: &mut Vec<(Option<&'a str>, u32)>, w: Option<&'a str>) {
    match seen.iter_mut().find(|(x, _)| *x == w && w.is_some()) {
        Some((_, n)) => *n += 1,
        None => seen.push((w, 1)),
    }
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
            for (i, win) in words.windows(n).enumerate() {
                let dotted = n == 3 && win[1] == "·" && han(win[0]) && han(win[2]);
                // A stray single character is the sign of a bad split.
                let lens: Vec<usize> = win.iter().map(|w| w.chars().count()).collect();
                let short = win.iter().all(|w| han(w))
                    && lens.iter().all(|&l| l <= 3)
                    && lens.contains(&1)
                    && (3..=6).contains(&lens.iter().sum::<usize>());
                let lone = |w: &str, set: &str| w.chars().count() == 1 && w.chars().all(|c| set.contains(c));
                let glue = win.iter().any(|w| lone(w, FUNCTION_CHARS))
                    || win[0].starts_with(is_function_char)
                    || win[n - 1].ends_with(is_function_char)
                    || win[..n - 1].iter().any(|w| lone(w, LOCALIZERS))
                    || lone(win[n - 1], PREFIXES);
                if (dotted || short) && !glue {
                    let e = self.grams.entry(win.to_vec()).or_insert(GramStats { count: 0, last_article: usize::MAX, articles: 0, left: Vec::new(), right: Vec::new() });
                    e.count += 1;
                    if e.last_article != a {
                        e.last_article = a;
                        e.articles += 1;
                    }
                    note_neighbour(&mut e.left, i.checked_sub(1).map(|k| words[k]));
                    note_neighbour(&mut e.right, words.get(i + n).copied());
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
            .filter(|(g, s)| {
                // Cohesive: the parts rarely occur apart from each other.
                let rarest = g.iter().filter(|w| **w != "·").map(|w| tokens[w]).min().unwrap_or(0);
                s.count >= 3
                    && s.articles >= 2
                    && s.count * 10 >= rarest * 8
                    && free_on_both_sides(s)
            })
            .map(|(g, s)| Candidate { word: g.concat(), count: s.count, split: g.join(" ") })
            .filter(|c| !seg.knows(&c.word))
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        // Of a proposal and a longer one that contains it, the longer wins
        // if the shorter never occurs without it; else the shorter, which
        // is the word (`托卡耶夫` over `总统托卡耶夫`).
        let words: Vec<(String, usize)> = out.iter().map(|c| (c.word.clone(), c.count)).collect();
        out.retain(|c| {
            let inside_as_often = words.iter().any(|(w, n)| w.len() > c.word.len() && w.contains(&c.word) && *n >= c.count);
            let holds_a_commoner = words.iter().any(|(w, n)| w.len() < c.word.len() && c.word.contains(w.as_str()) && *n > c.count);
            !inside_as_often && !holds_a_commoner
        });
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

    /// Counts `articles` (already cut into tokens) and returns the words proposed.
    fn proposed(articles: &[&[&str]]) -> Vec<String> {
        let seg = Segmenter::builtin(&[]);
        let mut counter = CandidateCounter::default();
        for a in articles {
            counter.add_article(a);
        }
        counter.finish(&seg, 50).into_iter().map(|c| c.word).collect()
    }

    #[test]
    fn phrases_glued_by_function_characters_are_never_proposed() {
        // Each repeated in three articles with varied neighbours: only the
        // function character (or localizer, or dangling prefix) keeps it out.
        let a: &[&str] = &["。", "互利", "共", "赢", "的", "目标", "，", "尊重", "和", "支持", "；", "框架", "内", "建立", "。", "进入", "新", "阶段", "，", "斯", "凯里", "特", "说"];
        let b: &[&str] = &["：", "互利", "共", "赢", "的", "道路", "；", "尊重", "和", "理解", "，", "框架", "内", "建立", "；", "进入", "新", "时期", "。", "斯", "凯里", "特", "表示"];
        let c: &[&str] = &["，", "互利", "共", "赢", "的", "关系", "。", "尊重", "和", "信任", "。", "框架", "内", "建立", "，", "进入", "新", "高度", "；", "斯", "凯里", "特", "指出"];
        let words = proposed(&[a, b, c]);
        assert!(words.contains(&"斯凯里特".to_owned()), "a name in varied company is proposed: {words:?}");
        for phrase in ["互利共赢的", "共赢的", "尊重和", "框架内建立", "进入新"] {
            assert!(!words.contains(&phrase.to_owned()), "{phrase} proposed: {words:?}");
        }
        // A token that starts or ends with a function character, at the
        // proposal's edge, keeps it out too.
        let edge = |w: &'static str, x: &'static str, y: &'static str| -> Vec<&'static str> { vec![x, "扎", w, y] };
        let (a, b, c) = (edge("里别克的", "。", "说"), edge("里别克的", "，", "表示"), edge("里别克的", "；", "指出"));
        assert!(!proposed(&[&a, &b, &c]).iter().any(|w| w.contains("里别克")), "ends in 的");
        let edge = |x: &'static str, y: &'static str| -> Vec<&'static str> { vec![x, "在扎", "里别克", y] };
        let (a, b, c) = (edge("。", "说"), edge("，", "表示"), edge("；", "指出"));
        assert!(!proposed(&[&a, &b, &c]).iter().any(|w| w.contains("在扎")), "starts with 在");
        let (a, b, c) = (vec!["。", "扎", "里别克", "说"], vec!["，", "扎", "里别克", "表示"], vec!["；", "扎", "里别克", "指出"]);
        assert!(proposed(&[&a, &b, &c]).contains(&"扎里别克".to_owned()), "without them it is proposed");
    }

    #[test]
    fn a_string_always_followed_by_one_word_is_a_fragment_not_a_word() {
        let a: &[&str] = &["。", "跨国", "有", "组织", "犯罪", "，"];
        let b: &[&str] = &["打击", "跨国", "有", "组织", "犯罪", "。"];
        let c: &[&str] = &["，", "跨国", "有", "组织", "犯罪", "；"];
        assert!(!proposed(&[a, b, c]).contains(&"跨国有组织".to_owned()));
        // Followed by different words, it is free on the right.
        let c: &[&str] = &["，", "跨国", "有", "组织", "活动", "；"];
        let d: &[&str] = &["，", "跨国", "有", "组织", "行为", "；"];
        assert!(proposed(&[a, b, c, d]).contains(&"跨国有组织".to_owned()));
    }

    #[test]
    fn a_title_always_before_a_name_leaves_the_name_free_and_the_name_wins() {
        let a: &[&str] = &["总统", "托", "卡耶夫", "说", "，", "总统", "托", "卡耶夫", "表示"];
        let b: &[&str] = &["总统", "托", "卡耶夫", "指出", "。"];
        let c: &[&str] = &["。", "托", "卡耶夫", "认为", "，"];
        let words = proposed(&[a, b, c]);
        assert!(words.contains(&"托卡耶夫".to_owned()), "{words:?}");
        assert!(!words.contains(&"总统托卡耶夫".to_owned()), "the name, not the name with its title: {words:?}");
    }

    #[test]
    fn a_neighbour_seen_again_counts_again_and_only_a_han_word_frees_the_left() {
        // Right: 说 three times, 表示 once: 0.81 bits, a fixed context.
        let text = |l: &'static str, r: &'static str| -> Vec<&'static str> { vec![l, "扎", "里别克", r] };
        let (a, b, c, d) = (text("。", "说"), text("，", "说"), text("；", "说"), text("：", "表示"));
        assert!(!proposed(&[&a, &b, &c, &d]).contains(&"扎里别克".to_owned()));
        // Left: always a dash, which is no title: not free on that side.
        let (a, b, c) = (text("——", "说"), text("——", "表示"), text("——", "指出"));
        assert!(!proposed(&[&a, &b, &c]).contains(&"扎里别克".to_owned()));
    }

    #[test]
    fn only_short_runs_of_han_tokens_with_a_lone_character_are_proposed() {
        // Each in three articles, with different neighbours on both sides.
        let thrice = |gram: &[&'static str]| -> Vec<String> {
            let around = [("。", "说"), ("，", "表示"), ("；", "指出")];
            let texts: Vec<Vec<&str>> = around.iter().map(|&(l, r)| [&[l][..], gram, &[r][..]].concat()).collect();
            proposed(&texts.iter().map(Vec::as_slice).collect::<Vec<_>>())
        };
        assert_eq!(thrice(&["扎", "里别克"]), ["扎里别克"]);
        assert_eq!(thrice(&["扎", "里别", "内"]), ["扎里别内"], "a localizer may end a proposal, not stand inside one");
        assert!(thrice(&["扎", "里别克斯坦"]).is_empty(), "a part over three characters");
        assert!(thrice(&["扎里", "别克"]).is_empty(), "no lone character: jieba did not stumble");
        assert!(thrice(&["扎", "B"]).is_empty(), "not all Han");
        assert!(thrice(&["扎", "里别克", "斯坦诺"]).iter().all(|w| w != "扎里别克斯坦诺"), "over six characters");
        // Names joined by a middle dot are proposed whole; Latin ones are not.
        assert!(thrice(&["阿卜杜", "·", "拉赫曼"]).contains(&"阿卜杜·拉赫曼".to_owned()));
        assert!(thrice(&["Abdul", "·", "Rahman"]).is_empty());
        assert!(thrice(&["阿卜杜", "-", "拉赫曼"]).is_empty());
    }

    #[test]
    fn parts_that_often_stand_apart_are_not_one_word() {
        let with = |l: &'static str, r: &'static str| -> Vec<&'static str> { vec![l, "扎", "里别克", r] };
        let (a, b, c) = (with("。", "说"), with("，", "表示"), with("；", "指出"));
        // Both parts also stand alone, three times more each (the rarest
        // part decides: a part seen only in the run binds it).
        let apart: Vec<&str> = vec!["。", "里别克", "说", "，", "里别克", "表示", "；", "里别克", "指出", "扎", "说", "扎", "说", "扎"];
        assert!(proposed(&[&a, &b, &c]).contains(&"扎里别克".to_owned()));
        assert!(!proposed(&[&a, &b, &c, &apart]).contains(&"扎里别克".to_owned()));
    }

    #[test]
    fn branching_entropy_counts_each_text_edge_apart() {
        assert_eq!(branching_entropy(&[(Some("说"), 4)]), 0.0);
        assert!((branching_entropy(&[(Some("说"), 1), (Some("表示"), 1)]) - 1.0).abs() < 1e-9);
        assert!((branching_entropy(&[(None, 2)]) - 1.0).abs() < 1e-9, "two edges are two contexts");
        assert!((branching_entropy(&[(Some("说"), 2), (Some("表示"), 1)]) - 0.918).abs() < 1e-3);
    }
}
