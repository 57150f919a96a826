//! Matching text: what counts as "the same character" when comparing papers.

use crate::text::Space;
use crate::model::{covered_offsets, spans_from_offsets, Article, Span};

/// Folds the differences that never break a passage: dash variants, full-
/// and half-width forms, curly and straight quotes, Latin case. Whitespace
/// is dropped before this is called.
pub fn fold(c: char) -> char {
    match c {
        '—' | '－' | '–' | '―' | '‐' | '‑' | '‒' | '−' | '─' | '━' | '-' => '—',
        '“' | '”' | '„' | '「' | '」' | '『' | '』' | '"' | '＂' | '〝' | '〞' => '"',
        '‘' | '’' | '\'' | '＇' => '\'',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).map_or(c, |h| h.to_ascii_lowercase()),
        _ => c.to_ascii_lowercase(),
    }
}

/// One character of matching text: its code point when it is in the Basic
/// Multilingual Plane, as nearly all of a newspaper's are.
///
/// Why not `char`: the matching texts of a whole corpus are held at once,
/// and at 100 MB of input two bytes a character is 70 MB less at the
/// analysis's peak, and half the memory the gram hashing and the merges
/// read. A character beyond the BMP (a rare name's character in CJK
/// extension B) stands as one of the private-use code points U+E000–U+F8FF
/// (`unit`). Two such characters 0x1900 apart then match each other: a
/// passage's members still print both as they are, but that pair is never
/// listed among its variants.
pub type Unit = u16;

/// The matching unit of a folded character (see [`Unit`]).
pub fn unit(c: char) -> Unit {
    const PRIVATE_USE: u32 = 0xE000;
    const PRIVATE_USE_SIZE: u32 = 0x1900;
    let c = c as u32;
    match u16::try_from(c) {
        Ok(u) => u,
        Err(_) => (PRIVATE_USE + (c - 0x10000) % PRIVATE_USE_SIZE) as u16,
    }
}

/// An article's body as the reuse engine sees it: folded characters, each
/// with the input offset it came from, and where its paragraphs start.
#[derive(Debug, Clone, Default)]
pub struct ArticleText {
    pub doc: usize,
    pub article: usize,
    /// Folded, whitespace-free characters, as [`Unit`]s.
    pub norm: Vec<Unit>,
    /// The input offset (code points) of each character, as runs: from
    /// `runs[r].0` on, characters come from `runs[r].1` on, one after
    /// another. A run breaks only where the input skips something (a line
    /// break, a space), so this is a tenth of an offset per character, on
    /// corpora held whole. The input holds the characters as printed, so
    /// no copy of them is kept here.
    pub(crate) runs: Vec<(u32, u32)>,
    /// Where each paragraph after the first starts, as an index into
    /// `norm` (increasing). Kept as boundaries rather than a paragraph
    /// number per character: four bytes per character less, on corpora of
    /// hundreds of megabytes.
    pub para_starts: Vec<u32>,
}

impl ArticleText {
    /// Does `[from, to)` stand where page furniture stands: a whole
    /// paragraph, or the very start or end of the article (a line the
    /// reflow joined to the text it follows), give or take a mark?
    pub fn stands_alone(&self, from: usize, to: usize) -> bool {
        let k = self.para_starts.partition_point(|&p| p as usize <= from);
        let start = if k == 0 { 0 } else { self.para_starts[k - 1] as usize };
        let end = self.para_starts.get(k).map_or(self.norm.len(), |&p| p as usize);
        let paragraph = from <= start + 1 && to + 2 >= end && to <= end;
        paragraph || from <= 1 || to + 2 >= self.norm.len()
    }

    /// Builds the matching text of `article` from the decoded input `input`.
    /// The coverage invariant (the non-whitespace characters of a
    /// paragraph's spans are exactly those of its text) makes this exact.
    pub fn new(doc: usize, article_idx: usize, article: &Article, input: &[char]) -> Self {
        // Sized exactly: these are held for the whole corpus at once.
        let n: usize = article.paragraphs.iter().map(|p| p.text.chars().filter(|c| !c.is_space()).count()).sum();
        let mut t = ArticleText { doc, article: article_idx, norm: Vec::with_capacity(n), ..Default::default() };
        for (k, p) in article.paragraphs.iter().enumerate() {
            if k > 0 {
                t.para_starts.push(t.norm.len() as u32);
            }
            let mut text_chars = p.text.chars().filter(|c| !c.is_space());
            for off in covered_offsets(&p.spans, input) {
                // Spans and text agree by invariant; trust the text if not.
                let shown = text_chars.next().unwrap_or(input[off]);
                t.push(fold(shown), off);
            }
        }
        t.runs.shrink_to_fit();
        t
    }

    /// Appends a character read at input offset `off`.
    fn push(&mut self, c: char, off: usize) {
        let k = self.norm.len() as u32;
        let follows = self.runs.last().is_some_and(|&(i, o)| o as usize + (k - i) as usize == off);
        if !follows {
            self.runs.push((k, off as u32));
        }
        self.norm.push(unit(c));
    }

    /// The input offset of character `k`.
    pub fn src(&self, k: usize) -> usize {
        let r = self.runs.partition_point(|&(i, _)| i as usize <= k) - 1;
        let (i, o) = self.runs[r];
        o as usize + (k - i as usize)
    }

    /// The input offsets of characters `[from, to)`, in order.
    pub fn offsets(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.runs.partition_point(|&(i, _)| i as usize <= from).saturating_sub(1);
        let ends = self.runs.iter().skip(first + 1).map(|&(j, _)| j as usize).chain([self.norm.len()]);
        self.runs[first.min(self.runs.len())..].iter().zip(ends).flat_map(move |(&(i, o), end)| {
            let (i, o) = (i as usize, o as usize);
            (i.max(from)..end.min(to)).map(move |k| o + (k - i))
        })
    }

    pub fn len(&self) -> usize {
        self.norm.len()
    }

    pub fn is_empty(&self) -> bool {
        self.norm.is_empty()
    }

    /// Input spans of characters `[from, to)`: runs merge across whitespace.
    pub fn spans(&self, from: usize, to: usize, input: &[char]) -> Vec<Span> {
        spans_from_offsets(self.offsets(from, to), input)
    }

    /// The character `k` as printed.
    pub fn shown(&self, k: usize, input: &[char]) -> char {
        input[self.src(k)]
    }

    /// Display text of characters `[from, to)`, with a line break between
    /// paragraphs and a space where the input separates Latin words.
    pub fn text(&self, from: usize, to: usize, input: &[char]) -> String {
        let mut out = String::new();
        // The next paragraph start after `from`.
        let mut next_start = self.para_starts.partition_point(|&p| p as usize <= from);
        for k in from..to {
            let mut new_paragraph = false;
            while self.para_starts.get(next_start).is_some_and(|&p| p as usize <= k) {
                new_paragraph = true;
                next_start += 1;
            }
            if k > from {
                if new_paragraph {
                    out.push('\n');
                } else if self.shown(k, input).is_ascii_alphanumeric()
                    && self.shown(k - 1, input).is_ascii_alphanumeric()
                    && self.src(k) > self.src(k - 1) + 1
                    && input[self.src(k - 1) + 1..self.src(k)].iter().any(|c| c.is_space())
                {
                    out.push(' ');
                }
            }
            out.push(self.shown(k, input));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_what_papers_vary() {
        let a: String = "中国—中亚“精神”ＡＢＣ１２".chars().map(fold).collect();
        let b: String = "中国－中亚\"精神\"abc12".chars().map(fold).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn offsets_are_kept_as_runs_and_read_back_one_by_one_or_as_a_range() {
        let offs = [3usize, 4, 5, 9, 10, 12, 13, 14, 15, 40];
        let mut t = ArticleText::default();
        for &o in &offs {
            t.push('字', o);
        }
        assert_eq!(t.runs, [(0, 3), (3, 9), (5, 12), (9, 40)], "a run per jump");
        assert_eq!((0..offs.len()).map(|k| t.src(k)).collect::<Vec<_>>(), offs);
        for from in 0..=offs.len() {
            for to in from..=offs.len() {
                assert_eq!(t.offsets(from, to).collect::<Vec<_>>(), offs[from..to], "[{from}, {to})");
            }
        }
        assert_eq!(ArticleText::default().offsets(0, 0).count(), 0);
    }

    #[test]
    fn a_whole_paragraph_or_an_article_edge_stands_alone_a_phrase_inside_does_not() {
        // Paragraphs of 10, 6 and 8 characters.
        let t = ArticleText { norm: vec![unit('字'); 24], para_starts: vec![10, 16], ..Default::default() };
        assert!(t.stands_alone(10, 16), "the second paragraph");
        assert!(t.stands_alone(11, 15), "less a mark at each end");
        assert!(t.stands_alone(0, 9) && t.stands_alone(16, 24));
        assert!(!t.stands_alone(12, 16), "two characters short at the start");
        assert!(!t.stands_alone(10, 13), "a phrase at its start");
        assert!(!t.stands_alone(8, 16), "across a boundary");
        assert!(!t.stands_alone(2, 16), "two paragraphs, not from the article's start");
        assert!(t.stands_alone(0, 4) && t.stands_alone(1, 3), "the article's opening");
        assert!(t.stands_alone(19, 22) && t.stands_alone(20, 24), "the article's close");
        assert!(!t.stands_alone(18, 21), "three characters before the close");
    }

    #[test]
    fn a_bmp_character_is_its_own_unit_and_one_beyond_it_a_private_use_one() {
        assert_eq!(unit('字'), 0x5B57);
        assert_eq!(unit('—'), 0x2014);
        assert_eq!(unit('a'), 0x61);
        assert_eq!(unit('\u{FFFF}'), 0xFFFF);
        // 𠀀 (U+20000) and 𪚥 (U+2A6A5), CJK extension B.
        for c in ['𠀀', '𪚥', '\u{10000}', '\u{10FFFF}'] {
            assert!((0xE000..0xF900).contains(&unit(c)), "{c:?} gives {:X}", unit(c));
        }
        assert_ne!(unit('𠀀'), unit('𠀁'), "neighbours stay apart");
        assert_eq!(unit('\u{10000}'), 0xE000);
        assert_eq!(unit('\u{118FF}'), 0xF8FF);
        assert_eq!(unit('\u{11900}'), 0xE000, "wraps round the private-use area");
    }
}
