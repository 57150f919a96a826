//! Search for a published corpus too large to hold whole, in chunks the
//! reader fetches as a query needs them (the Pagefind way). Every
//! character, and every pair of adjacent characters, of every article's
//! searched fields ([`crate::search::fields`]) is a **key**, listed with
//! the articles it occurs in and how often. The keys are sorted and cut
//! into chunks of about [`CHUNK_BYTES`]; the [`SearchRoot`] names each
//! chunk and its first key.
//!
//! A query of one or two characters is one key, so one chunk gives every
//! article that holds it and the exact count. A longer query needs each of
//! its pairs: the articles that hold them all are candidates, their counts
//! an upper bound, and the reader confirms each in its fragment
//! ([`article_hits`]) as it shows it.
//!
//! Pairs, not words: the page has no dictionary (jieba's is 1.9 MB and
//! lives in the worker), and a pair finds every occurrence of every word,
//! however a segmenter would cut it. So a hit here is never marked whole
//! word.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{Article, DocIndex, DocumentAnalysis};
use crate::published::ReadError;
use crate::search::{fields, ArticleHits, Hit};
use crate::text::Space as _;

/// The search root's format; a reader refuses another.
pub const FORMAT: u32 = 1;

/// About how large a chunk grows (JSON bytes) before the next key starts
/// a new one.
pub const CHUNK_BYTES: usize = 32 * 1024;

/// Characters (of the whole corpus) whose keys one pass collects: the
/// index of a 108 MB corpus is built a slice of the key space at a time,
/// so its postings never sit in memory all at once.
const PASS_CHARS: usize = 4_000_000;

/// What a reader fetches first, on its first search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRoot {
    pub format: u32,
    /// Articles indexed, numbered document by document in catalog order.
    pub articles: usize,
    /// Per chunk: its first key and its file (relative to the catalog).
    pub chunks: Vec<(String, String)>,
}

/// (article number, occurrences), in article order.
pub type Postings = Vec<(u32, u32)>;

/// Whether a character is part of keys (white space never is).
fn indexed(c: char) -> bool {
    !c.is_space()
}

/// A key packed for sorting: the first character, then the second plus
/// one (0: none), so packed order is the keys' string order.
fn pack(first: char, second: Option<char>) -> u64 {
    (u64::from(first) << 22) | second.map_or(0, |c| u64::from(c) + 1)
}

fn unpack(key: u64) -> String {
    let first = char::from_u32((key >> 22) as u32).unwrap_or(char::REPLACEMENT_CHARACTER);
    let second = (key & ((1 << 22) - 1)).checked_sub(1).and_then(|c| char::from_u32(c as u32));
    std::iter::once(first).chain(second).collect()
}

/// Calls `key(first, second)` for every key of `text`: each indexed
/// character, and each pair of adjacent indexed characters.
fn keys_of(text: &str, mut key: impl FnMut(char, Option<char>)) {
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if !indexed(c) {
            previous = None;
            continue;
        }
        key(c, None);
        if let Some(p) = previous {
            key(p, Some(c));
        }
        previous = Some(c);
    }
}

/// The articles of `docs` in index order (document by document).
fn articles(docs: &[DocumentAnalysis]) -> impl Iterator<Item = &Article> {
    docs.iter().flat_map(|d| d.articles.iter())
}

/// Which pass collects the keys that start with each character: passes
/// over ranges of characters in code point order (so keys come out
/// sorted), each starting a new range once about `pass_chars` occurrences
/// are in the last. Returns the pass of each character and how many.
fn passes(docs: &[DocumentAnalysis], pass_chars: usize) -> (FxHashMap<char, usize>, usize) {
    let mut frequency: FxHashMap<char, usize> = FxHashMap::default();
    for article in articles(docs) {
        for (_, text) in fields(article) {
            for c in text.chars().filter(|&c| indexed(c)) {
                *frequency.entry(c).or_default() += 1;
            }
        }
    }
    let mut by_char: Vec<(char, usize)> = frequency.into_iter().collect();
    by_char.sort_unstable();
    let mut pass_of: FxHashMap<char, usize> = FxHashMap::default();
    let (mut pass, mut filled) = (0, 0);
    for (c, n) in by_char {
        if filled >= pass_chars {
            pass += 1;
            filled = 0;
        }
        pass_of.insert(c, pass);
        filled += n;
    }
    let count = if pass_of.is_empty() { 0 } else { pass + 1 };
    (pass_of, count)
}

/// Writes the index of `docs` as chunks, each serialized and handed to
/// `store`, which returns its name (a hash of its bytes); returns the root.
pub fn write_index<E>(docs: &[DocumentAnalysis], store: &mut dyn FnMut(&[u8]) -> Result<String, E>) -> Result<SearchRoot, E> {
    write_index_in_passes(docs, PASS_CHARS, store)
}

/// [`write_index`], collecting keys whose first characters occur about
/// `pass_chars` times in one pass over the corpus (the output does not
/// depend on it).
pub fn write_index_in_passes<E>(docs: &[DocumentAnalysis], pass_chars: usize, store: &mut dyn FnMut(&[u8]) -> Result<String, E>) -> Result<SearchRoot, E> {
    let (pass_of, passes) = passes(docs, pass_chars);
    let mut root = SearchRoot { format: FORMAT, articles: articles(docs).count(), chunks: Vec::new() };
    let mut chunk: Vec<u8> = Vec::new();
    let mut first_key = String::new();
    let mut close = |chunk: &mut Vec<u8>, first_key: &mut String, root: &mut SearchRoot| -> Result<(), E> {
        chunk.push(b']');
        root.chunks.push((std::mem::take(first_key), store(chunk)?));
        chunk.clear();
        Ok(())
    };
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut flat: Vec<u32> = Vec::new();
    for pass in 0..passes {
        let mut postings: FxHashMap<u64, Postings> = FxHashMap::default();
        for (n, article) in articles(docs).enumerate() {
            counts.clear();
            for (_, text) in fields(article) {
                keys_of(text, |first, second| {
                    if pass_of.get(&first) == Some(&pass) {
                        *counts.entry(pack(first, second)).or_default() += 1;
                    }
                });
            }
            for (&key, &count) in &counts {
                postings.entry(key).or_default().push((n as u32, count));
            }
        }
        let mut keys: Vec<u64> = postings.keys().copied().collect();
        keys.sort_unstable();
        for key in keys {
            let list = &postings[&key];
            flat.clear();
            let mut last = 0;
            for &(article, count) in list {
                flat.extend([article - last, count]);
                last = article;
            }
            let text = unpack(key);
            if chunk.is_empty() {
                chunk.push(b'[');
                first_key = text.clone();
            } else {
                chunk.push(b',');
            }
            serde_json::to_writer(&mut chunk, &(text, &flat)).expect("a key serializes to JSON");
            if chunk.len() >= CHUNK_BYTES {
                close(&mut chunk, &mut first_key, &mut root)?;
            }
        }
    }
    if !chunk.is_empty() {
        close(&mut chunk, &mut first_key, &mut root)?;
    }
    Ok(root)
}

/// The root from its JSON; another format is refused.
pub fn read_root(bytes: &[u8], file: &str) -> Result<SearchRoot, ReadError> {
    let root: SearchRoot = serde_json::from_slice(bytes).map_err(|e| ReadError::Unreadable { file: file.to_owned(), detail: e.to_string() })?;
    if root.format != FORMAT {
        return Err(ReadError::Format(root.format));
    }
    Ok(root)
}

/// A chunk from its JSON: its keys, each with its postings.
pub fn read_chunk(bytes: &[u8], file: &str) -> Result<Vec<(String, Postings)>, ReadError> {
    let unreadable = |detail: String| ReadError::Unreadable { file: file.to_owned(), detail };
    let raw: Vec<(String, Vec<u32>)> = serde_json::from_slice(bytes).map_err(|e| unreadable(e.to_string()))?;
    raw.into_iter()
        .map(|(key, flat)| {
            if flat.len() % 2 != 0 {
                return Err(unreadable(format!("the postings of {key} are cut short")));
            }
            let mut at = 0u32;
            let mut list = Vec::with_capacity(flat.len() / 2);
            for pair in flat.chunks_exact(2) {
                at = at.checked_add(pair[0]).ok_or_else(|| unreadable(format!("the postings of {key} overflow")))?;
                list.push((at, pair[1]));
            }
            Ok((key, list))
        })
        .collect()
}

/// The keys a query needs: its pairs of adjacent characters, or, for one
/// character, the character. None for a query with white space inside
/// (no field holds it where keys are cut) or none at all.
pub fn query_keys(query: &str) -> Vec<String> {
    let q: Vec<char> = query.trim().chars().collect();
    if q.is_empty() || q.iter().any(|&c| !indexed(c)) {
        return Vec::new();
    }
    if q.len() == 1 {
        return vec![q[0].to_string()];
    }
    let mut keys: Vec<String> = q.windows(2).map(|w| w.iter().collect()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The chunk that holds `key` if any does: the last whose first key is
/// not after it.
pub fn chunk_for<'a>(root: &'a SearchRoot, key: &str) -> Option<&'a str> {
    let after = root.chunks.partition_point(|(first, _)| first.as_str() <= key);
    after.checked_sub(1).map(|i| root.chunks[i].1.as_str())
}

/// The articles that hold every key, with the fewest occurrences of any of
/// them (the exact count for a query of one key, an upper bound
/// otherwise), most first. `postings` gives a key's postings (none: the
/// key is in no article).
pub fn candidates(keys: &[String], postings: impl Fn(&str) -> Option<Postings>) -> Vec<(u32, u32)> {
    let mut lists: Vec<Postings> = Vec::with_capacity(keys.len());
    for key in keys {
        match postings(key) {
            Some(list) => lists.push(list),
            None => return Vec::new(),
        }
    }
    lists.sort_by_key(Vec::len);
    let Some((shortest, rest)) = lists.split_first() else { return Vec::new() };
    let mut found: Vec<(u32, u32)> = shortest
        .iter()
        .filter_map(|&(article, count)| {
            rest.iter().try_fold(count, |low, list| list.binary_search_by_key(&article, |&(a, _)| a).ok().map(|i| low.min(list[i].1)))
                .map(|low| (article, low))
        })
        .collect();
    found.sort_by_key(|&(article, count)| (std::cmp::Reverse(count), article));
    found
}

/// Article numbers (document by document, in catalog order) told back
/// into (document, article).
#[derive(Debug, Clone, Default)]
pub struct ArticleNumbers {
    /// The number of each document's first article, and the total last.
    starts: Vec<usize>,
}

impl ArticleNumbers {
    /// From each document's number of articles.
    pub fn new(articles_per_document: impl IntoIterator<Item = usize>) -> Self {
        let mut starts = vec![0];
        for n in articles_per_document {
            starts.push(starts[starts.len() - 1] + n);
        }
        ArticleNumbers { starts }
    }

    /// Which article number `n` is: (document, article); `None` past the last.
    pub fn locate(&self, n: u32) -> Option<(usize, usize)> {
        let n = n as usize;
        if n >= *self.starts.last()? {
            return None;
        }
        // The last document that starts at or before n (skipping empty ones).
        let d = self.starts.partition_point(|&s| s <= n) - 1;
        Some((d, n - self.starts[d]))
    }
}

/// Every occurrence of `query` in an article's searched fields, with
/// context, as the worker's search gives them (never whole-word: there is
/// no segmenter here). `None` if it has none.
pub fn article_hits(doc: DocIndex, k: usize, article: &Article, query: &str) -> Option<ArticleHits> {
    let q: Vec<char> = query.trim().chars().collect();
    if q.is_empty() {
        return None;
    }
    let mut hits = Vec::new();
    for (field, text) in fields(article) {
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len().saturating_sub(q.len() - 1) {
            if chars[start..start + q.len()] == q[..] {
                hits.push(Hit::in_field(field, &chars, start, start + q.len(), false));
            }
        }
    }
    (!hits.is_empty()).then(|| ArticleHits { doc, article: k, count: hits.len(), whole_words: 0, hits })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(paragraphs: &[&str]) -> DocumentAnalysis {
        let article = Article { paragraphs: paragraphs.iter().map(|t| crate::model::Paragraph { text: (*t).to_owned(), ..Default::default() }).collect(), ..Default::default() };
        DocumentAnalysis { articles: vec![article], ..Default::default() }
    }

    #[test]
    fn passes_cut_the_characters_in_code_point_order_by_how_often_they_occur() {
        // 甲 ×3, 乙 ×1, 丙 ×2 (in code point order: 丙 < 乙 < 甲); spaces never count.
        let docs = [document(&["甲甲 乙", "丙丙甲"])];
        let (pass_of, count) = passes(&docs, 2);
        assert_eq!(count, 2);
        assert_eq!((pass_of[&'丙'], pass_of[&'乙'], pass_of[&'甲']), (0, 1, 1), "丙 fills the first pass; 乙 opens the second, 甲 joins it");
        assert!(!pass_of.contains_key(&' '));
        let (pass_of, count) = passes(&docs, 1);
        assert_eq!(count, 3);
        assert_eq!((pass_of[&'丙'], pass_of[&'乙'], pass_of[&'甲']), (0, 1, 2));
        assert_eq!(passes(&docs, usize::MAX).1, 1);
        assert_eq!(passes(&[], 1).1, 0);
        assert_eq!(passes(&[document(&["   "])], 1).1, 0);
    }

    #[test]
    fn keys_pack_in_string_order_and_unpack_to_themselves() {
        let keys = ["丙", "丙乙", "乙", "乙\u{1F600}", "\u{10FFFF}\u{10FFFF}", "a", "ab"];
        let mut packed: Vec<(u64, &str)> = keys.iter().map(|k| {
            let mut c = k.chars();
            (pack(c.next().unwrap(), c.next()), *k)
        }).collect();
        for (p, k) in &packed {
            assert_eq!(unpack(*p), *k);
        }
        packed.sort();
        let mut by_string = keys.to_vec();
        by_string.sort();
        assert_eq!(packed.iter().map(|(_, k)| *k).collect::<Vec<_>>(), by_string);
    }
}
