//! The corpus segmented once, for the word view, keywords and search.
//!
//! Every article body is cut into words when the index is built; what is
//! kept is compact: the bodies' characters in one array, a bit per
//! character for "a word starts here", and per character value the places
//! it occurs. A query looks up its rarest character and checks each place,
//! so it costs about as much as that character is common, never a scan of
//! the corpus.

use crate::text::Space;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{DocIndex, DocumentAnalysis};
use crate::segment::{Candidate, CandidateCounter, Idf, KeywordMethod, Segmenter, MIN_ARTICLES_FOR_CORPUS_IDF};

/// Keeps articles apart in the character array, so no hit spans two.
const ARTICLE_GAP: char = '\u{0}';
/// Keeps paragraphs apart: a hit never spans two paragraphs either.
const PARAGRAPH_GAP: char = '\n';

/// A piece of an article's text that search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Title,
    Subtitle,
    Byline,
    /// The article's dateline (`新华社北京6月18日电`).
    Dateline,
    /// A dateline opening paragraph `k` (an article filing from two places).
    ParagraphDateline(usize),
    Paragraph(usize),
}

#[derive(Debug, Clone)]
struct ArticleEntry {
    doc: DocIndex,
    article: usize,
    /// Each field and where it starts in `CorpusIndex::chars`, in order.
    fields: Vec<(Field, u32)>,
    /// TF-IDF keywords, chosen when the index is built.
    keywords: Vec<(String, f64)>,
}

/// Word boundaries and character positions of every article body.
#[derive(Debug, Default)]
pub struct CorpusIndex {
    chars: Vec<char>,
    /// Bit `i` set: a word starts at `chars[i]` (and the one before ends).
    word_starts: Vec<u64>,
    /// Where each article starts in `chars`, ascending.
    article_starts: Vec<u32>,
    articles: Vec<ArticleEntry>,
    /// Every position of each character, ascending.
    postings: FxHashMap<char, Vec<u32>>,
    /// Strings jieba splits that the user may want as words.
    pub candidates: Vec<Candidate>,
}

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub field: Field,
    /// In characters of the field's text, half-open.
    pub begin: usize,
    pub end: usize,
    /// The occurrence is the query's words, not part of other words.
    pub whole_word: bool,
    /// Up to [`CONTEXT`] characters either side, within the field.
    pub before: String,
    pub matched: String,
    pub after: String,
}

impl Hit {
    /// The occurrence `[begin, end)` of the field whose characters are
    /// `text`, with its context: what every search (in the worker's
    /// index, or in a published corpus's fragments) shows of a hit.
    pub fn in_field(field: Field, text: &[char], begin: usize, end: usize, whole_word: bool) -> Hit {
        let string = |r: std::ops::Range<usize>| text[r].iter().collect::<String>();
        Hit {
            field,
            begin,
            end,
            whole_word,
            before: string(begin.saturating_sub(CONTEXT)..begin),
            matched: string(begin..end),
            after: string(end..(end + CONTEXT).min(text.len())),
        }
    }
}

/// The hits of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleHits {
    pub doc: DocIndex,
    pub article: usize,
    /// All hits, counted; `hits` may list fewer (see [`SearchResults::capped`]).
    pub count: usize,
    pub whole_words: usize,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    /// How jieba cuts the query, e.g. `["中亚", "峰会"]`.
    pub query_words: Vec<String>,
    pub total: usize,
    pub whole_words: usize,
    /// Per document (by index), the hits in it; documents without hits left out.
    pub per_source: Vec<(DocIndex, usize)>,
    /// Articles with whole-word hits first, then by number of hits.
    pub articles: Vec<ArticleHits>,
    /// More hits exist than are listed with context.
    pub capped: bool,
    /// How long the search took where it ran (set by the worker).
    #[serde(default)]
    pub elapsed_ms: f64,
    /// Articles that may hold the query and were not checked (a published
    /// corpus's chunked search confirms a longer query only in the
    /// articles it lists, [`crate::search_chunks`]).
    #[serde(default)]
    pub unconfirmed: usize,
}

/// Characters of context either side of a hit.
pub const CONTEXT: usize = 24;
/// At most this many hits come back with context; counts are always exact.
pub const MAX_LISTED_HITS: usize = 2000;

/// The fields of an article that search covers, in reading order, with
/// their text.
pub fn fields(article: &crate::model::Article) -> impl Iterator<Item = (Field, &str)> {
    let heads = [(Field::Title, &article.title), (Field::Subtitle, &article.subtitle), (Field::Byline, &article.byline), (Field::Dateline, &article.dateline)];
    let paragraphs = article.paragraphs.iter().enumerate().flat_map(|(i, p)| [(Field::ParagraphDateline(i), p.dateline.as_ref()), (Field::Paragraph(i), Some(&p.text))]);
    heads.into_iter().map(|(f, t)| (f, t.as_ref())).chain(paragraphs).filter_map(|(f, t)| Some((f, t?.as_str())))
}

impl CorpusIndex {
    /// Segments every article body of `docs`; `progress(done, total)` per document.
    pub fn build(docs: &[DocumentAnalysis], seg: &Segmenter, jieba_idf: Option<&Idf>, progress: &mut dyn FnMut(usize, usize)) -> Self {
        let mut index = CorpusIndex::default();
        let mut counter = CandidateCounter::default();
        // Per article, its words, for the corpus IDF and keywords.
        let mut article_words: Vec<Vec<&str>> = Vec::new();
        let mut ends = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            progress(d, docs.len());
            for (k, article) in doc.articles.iter().enumerate() {
                index.article_starts.push(index.chars.len() as u32);
                let mut entry = ArticleEntry { doc: DocIndex(d), article: k, fields: Vec::new(), keywords: Vec::new() };
                let mut words = Vec::new();
                for (field, text) in fields(article) {
                    let start = index.chars.len();
                    entry.fields.push((field, start as u32));
                    index.chars.extend(text.chars());
                    index.chars.push(PARAGRAPH_GAP);
                    ends.clear();
                    let cut = seg.cut(text);
                    let mut at = start;
                    for w in &cut {
                        ends.push(at);
                        at += w.chars().count();
                    }
                    ends.push(at);
                    index.mark_word_starts(&ends);
                    // Keywords come from the body; datelines and bylines are boilerplate.
                    if matches!(field, Field::Title | Field::Subtitle | Field::Paragraph(_)) {
                        words.extend(cut);
                    }
                }
                index.chars.push(ARTICLE_GAP);
                counter.add_article(&words);
                article_words.push(words);
                index.articles.push(entry);
            }
        }
        progress(docs.len(), docs.len());
        index.word_starts.resize(index.chars.len().div_ceil(64) + 1, 0);
        for (i, &c) in index.chars.iter().enumerate() {
            if c != PARAGRAPH_GAP && c != ARTICLE_GAP && !c.is_space() {
                index.postings.entry(c).or_default().push(i as u32);
            }
        }
        let corpus_idf;
        let idf = match jieba_idf {
            Some(table) if article_words.len() < MIN_ARTICLES_FOR_CORPUS_IDF => table,
            _ => {
                corpus_idf = Idf::from_corpus(article_words.iter().map(|w| w.iter().copied()));
                &corpus_idf
            }
        };
        for (entry, words) in index.articles.iter_mut().zip(&article_words) {
            entry.keywords = idf.keywords(words.iter().copied(), KEYWORDS_KEPT);
        }
        index.candidates = counter.finish(seg, 50);
        index
    }

    fn mark_word_starts(&mut self, starts: &[usize]) {
        for &s in starts {
            let (w, b) = (s / 64, s % 64);
            if self.word_starts.len() <= w {
                self.word_starts.resize(w + 1, 0);
            }
            self.word_starts[w] |= 1 << b;
        }
    }

    fn word_starts_at(&self, i: usize) -> bool {
        self.word_starts.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn entry(&self, doc: DocIndex, article: usize) -> Option<(usize, &ArticleEntry)> {
        // Articles are stored in (doc, article) order.
        let i = self.articles.binary_search_by(|e| (e.doc, e.article).cmp(&(doc, article))).ok()?;
        Some((i, &self.articles[i]))
    }

    /// Per paragraph of an article, where each word ends (in characters).
    pub fn words(&self, doc: DocIndex, article: usize) -> Option<Vec<Vec<u32>>> {
        let (_, entry) = self.entry(doc, article)?;
        let out = entry
            .fields
            .iter()
            .filter(|(f, _)| matches!(f, Field::Paragraph(_)))
            .map(|&(_, start)| {
                let start = start as usize;
                let end = start + self.chars[start..].iter().position(|&c| c == PARAGRAPH_GAP).unwrap_or(0);
                (start + 1..=end).filter(|&i| i == end || self.word_starts_at(i)).map(|i| (i - start) as u32).collect()
            })
            .collect();
        Some(out)
    }

    /// An article's keywords: TF-IDF from the index, or TextRank now.
    pub fn keywords(&self, doc: DocIndex, article: usize, method: KeywordMethod, seg: &Segmenter, docs: &[DocumentAnalysis]) -> Vec<(String, f64)> {
        match method {
            KeywordMethod::TfIdf => self.entry(doc, article).map(|(_, e)| e.keywords.clone()).unwrap_or_default(),
            KeywordMethod::TextRank => {
                let Some(a) = docs.get(doc.0).and_then(|d| d.articles.get(article)) else { return Vec::new() };
                let text: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
                seg.textrank(&text.join("\n"), KEYWORDS_KEPT)
            }
        }
    }

    /// Every occurrence of `query`; whole-word occurrences rank first.
    pub fn search(&self, query: &str, seg: &Segmenter) -> SearchResults {
        let query = query.trim();
        let q: Vec<char> = query.chars().collect();
        let mut results = SearchResults { query: query.to_owned(), ..Default::default() };
        if q.is_empty() || q.iter().any(|&c| c == PARAGRAPH_GAP || c == ARTICLE_GAP) {
            return results;
        }
        results.query_words = seg.cut(query).into_iter().map(str::to_owned).collect();
        // Where words start inside the query, relative to its start.
        let mut query_starts = vec![false; q.len() + 1];
        let mut at = 0;
        for w in &results.query_words {
            query_starts[at] = true;
            at += w.chars().count();
        }
        query_starts[q.len()] = true;
        // The rarest non-space character of the query leads the lookup.
        let Some((lead, places)) = q
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_space())
            .map(|(k, c)| (k, self.postings.get(c).map_or(&[][..], Vec::as_slice)))
            .min_by_key(|(_, p)| p.len())
        else {
            return results;
        };
        let mut by_article: Vec<ArticleHits> = Vec::new();
        for &p in places {
            let Some(start) = (p as usize).checked_sub(lead) else { continue };
            let end = start + q.len();
            if end > self.chars.len() || self.chars[start..end] != q[..] {
                continue;
            }
            let whole_word = (0..=q.len()).all(|i| self.word_starts_at(start + i) == query_starts[i]);
            let a = self.article_starts.partition_point(|&s| s as usize <= start) - 1;
            let entry = &self.articles[a];
            let f = entry.fields.partition_point(|&(_, s)| s as usize <= start) - 1;
            let (field, para_start) = (entry.fields[f].0, entry.fields[f].1 as usize);
            let para_end = para_start + self.chars[para_start..].iter().position(|&c| c == PARAGRAPH_GAP).unwrap_or(0);
            if by_article.last().is_none_or(|g| (g.doc, g.article) != (entry.doc, entry.article)) {
                by_article.push(ArticleHits { doc: entry.doc, article: entry.article, count: 0, whole_words: 0, hits: Vec::new() });
            }
            let group = by_article.last_mut().expect("just pushed");
            group.count += 1;
            group.whole_words += usize::from(whole_word);
            results.total += 1;
            results.whole_words += usize::from(whole_word);
            if results.total <= MAX_LISTED_HITS {
                group.hits.push(Hit::in_field(field, &self.chars[para_start..para_end], start - para_start, end - para_start, whole_word));
            }
        }
        results.capped = results.total > MAX_LISTED_HITS;
        for g in &mut by_article {
            // Whole-word hits first, each kind in reading order.
            g.hits.sort_by_key(|h| (!h.whole_word, h.field.reading_order(), h.begin));
            match results.per_source.last_mut() {
                Some((d, n)) if *d == g.doc => *n += g.count,
                _ => results.per_source.push((g.doc, g.count)),
            }
        }
        by_article.sort_by_key(|g| (g.whole_words == 0, std::cmp::Reverse(g.whole_words), std::cmp::Reverse(g.count)));
        results.articles = by_article;
        results
    }
}

impl Field {
    /// Where the field comes when the article is read top to bottom.
    pub fn reading_order(self) -> usize {
        match self {
            Field::Title => 0,
            Field::Subtitle => 1,
            Field::Byline => 2,
            Field::Dateline => 3,
            Field::ParagraphDateline(k) => 4 + 2 * k,
            Field::Paragraph(k) => 5 + 2 * k,
        }
    }
}

/// How many keywords an article header shows.
pub const KEYWORDS: usize = 10;
/// How many are kept per article (the CLI's `--top` may ask for more).
const KEYWORDS_KEPT: usize = 30;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::segment::UserWord;

    fn corpus(pages: &[&str]) -> Vec<DocumentAnalysis> {
        crate::analyze_documents(pages.iter().enumerate().map(|(i, p)| (["a.txt", "b.txt", "c.txt", "d.txt"][i], p.as_bytes()))).documents
    }

    #[test]
    fn whole_word_hits_rank_before_substring_hits() {
        // 中亚 is a word in a; in b it is only the tail of 华中 + 亚洲.
        let docs = corpus(&["本报讯 中亚合作前景广阔，中亚人民欢迎。\n", "本报讯 华中亚洲研究中心今天成立。\n"]);
        let seg = Segmenter::builtin(&[]);
        let index = CorpusIndex::build(&docs, &seg, None, &mut |_, _| ());
        let r = index.search("中亚", &seg);
        assert_eq!(r.total, 3);
        assert_eq!(r.whole_words, 2);
        assert_eq!((r.articles[0].doc, r.articles[0].whole_words), (DocIndex(0), 2));
        assert_eq!((r.articles[1].doc, r.articles[1].whole_words, r.articles[1].count), (DocIndex(1), 0, 1));
        let h = &r.articles[1].hits[0];
        assert_eq!((h.matched.as_str(), h.whole_word), ("中亚", false));
        assert!(h.before.ends_with('华') && h.after.starts_with('洲'));
        assert_eq!(r.per_source, vec![(DocIndex(0), 2), (DocIndex(1), 1)]);
        // A hit's place points at the paragraph text.
        let Field::Paragraph(k) = h.field else { panic!("{:?}", h.field) };
        let p = &docs[1].articles[r.articles[1].article].paragraphs[k];
        assert_eq!(p.text.chars().skip(h.begin).take(h.end - h.begin).collect::<String>(), "中亚");
    }

    #[test]
    fn a_hit_shows_its_context_within_its_field_and_the_results_name_the_query() {
        // 30 characters either side of the hit, in one paragraph.
        let before = "一二三四五六七八九十".repeat(3);
        let after = "甲乙丙丁戊己庚辛壬癸".repeat(3);
        let field: Vec<char> = format!("{before}中亚{after}").chars().collect();
        let h = Hit::in_field(Field::Paragraph(0), &field, 30, 32, true);
        assert_eq!((h.begin, h.end, h.whole_word, h.matched.as_str()), (30, 32, true, "中亚"));
        assert_eq!(h.before, before.chars().skip(30 - CONTEXT).collect::<String>());
        assert_eq!(h.after, after.chars().take(CONTEXT).collect::<String>());
        // At the field's edges the context stops there.
        let h = Hit::in_field(Field::Title, &field[28..34], 2, 4, false);
        assert_eq!((h.before.as_str(), h.matched.as_str(), h.after.as_str()), ("九十", "中亚", "甲乙"));
        let docs = corpus(&["本报讯 中亚合作前景广阔。\n"]);
        let seg = Segmenter::builtin(&[]);
        let r = CorpusIndex::build(&docs, &seg, None, &mut |_, _| ()).search("  中亚 ", &seg);
        assert_eq!(r.query, "中亚");
    }

    #[test]
    fn word_ends_cover_each_paragraph_and_follow_the_user_dictionary() {
        let docs = corpus(&["本报讯 哈萨克斯坦总统托卡耶夫在阿斯塔纳会见了他。\n\n第二段很短。\n"]);
        let seg = Segmenter::builtin(&[]);
        let words = CorpusIndex::build(&docs, &seg, None, &mut |_, _| ()).words(DocIndex(0), 0).unwrap();
        let paras = &docs[0].articles[0].paragraphs;
        assert_eq!(words.len(), paras.len());
        for (ends, p) in words.iter().zip(paras) {
            assert_eq!(*ends.last().unwrap() as usize, p.text.chars().count());
        }
        let text: Vec<char> = paras[0].text.chars().collect();
        let toka = paras[0].text.find("托卡耶夫").map(|b| paras[0].text[..b].chars().count()).unwrap() as u32;
        assert!(words[0].contains(&(toka + 1)), "split apart: 托 | 卡耶夫");
        let taught = Segmenter::builtin(&[UserWord { word: "托卡耶夫".into(), freq: None, tag: None }]);
        let words = CorpusIndex::build(&docs, &taught, None, &mut |_, _| ()).words(DocIndex(0), 0).unwrap();
        assert!(words[0].contains(&(toka + 4)) && !words[0].contains(&(toka + 1)), "{:?}", &text);
    }

    #[test]
    fn titles_and_datelines_are_searched_too() {
        let docs = corpus(&["阿斯塔纳见闻\n\n新华社阿斯塔纳6月18日电 今天在阿斯塔纳。\n"]);
        let seg = Segmenter::builtin(&[]);
        let r = CorpusIndex::build(&docs, &seg, None, &mut |_, _| ()).search("阿斯塔纳", &seg);
        let fields: Vec<Field> = r.articles[0].hits.iter().map(|h| h.field).collect();
        assert_eq!(r.total, 3, "{fields:?} {:?}", docs[0].articles[0]);
        assert!(fields.contains(&Field::Title) && fields.contains(&Field::Paragraph(0)), "{fields:?}");
    }

    #[test]
    fn nothing_found_and_odd_queries_are_empty_results() {
        let docs = corpus(&["本报讯 今天天气很好。\n"]);
        let seg = Segmenter::builtin(&[]);
        let index = CorpusIndex::build(&docs, &seg, None, &mut |_, _| ()).search("火星", &seg);
        assert_eq!(index.total, 0);
        let index = CorpusIndex::build(&docs, &seg, None, &mut |_, _| ());
        for q in ["", "   ", "\n", "今天\n天气", "\u{0}"] {
            assert_eq!(index.search(q, &seg).total, 0, "{q:?}");
        }
        assert_eq!(index.search(" 天气 ", &seg).total, 1, "the query is trimmed");
    }
}
