//! A `Piece` is display text in which every character remembers the code
//! point of the input it came from. All reflow edits (joining lines, removing
//! justification spaces, cutting off a dateline) are edits on pieces, so
//! spans stay exact by construction instead of being recomputed by search.

use crate::text::Space;
use crate::model::{spans_from_offsets, Span};
use crate::text::{is_cjk, is_cjk_punct};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Piece {
    chars: Vec<char>,
    /// `offs[i]` is the input offset of `chars[i]`; strictly increasing
    /// along each line, and from line to line as printed. Text read out of
    /// print order (columns printed a row at a time, a column's foot
    /// printed apart from its head) joins lines from earlier in the input
    /// after later ones.
    offs: Vec<usize>,
}

impl Piece {
    /// An empty piece with room for `n` characters.
    pub fn with_capacity(n: usize) -> Self {
        Piece { chars: Vec::with_capacity(n), offs: Vec::with_capacity(n) }
    }

    pub fn from_range(src: &[char], begin: usize, end: usize) -> Self {
        let mut p = Piece::default();
        p.push_range(src, begin, end);
        p
    }

    pub fn push_range(&mut self, src: &[char], begin: usize, end: usize) {
        self.chars.extend_from_slice(&src[begin..end]);
        self.offs.extend(begin..end);
    }

    /// Appends the next line of the same paragraph. Lines join with nothing
    /// in between, except that two Latin letters keep one space (the newline
    /// itself, at `newline_at`, stands for it).
    pub fn push_line(&mut self, src: &[char], begin: usize, end: usize, newline_at: usize) {
        let last = self.chars.iter().rev().find(|c| !c.is_space()).copied();
        let next = src[begin..end].iter().find(|c| !c.is_space()).copied();
        if let (Some(a), Some(b)) = (last, next) {
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
                self.chars.push(' ');
                self.offs.push(newline_at);
            }
        }
        self.push_range(src, begin, end);
    }

    /// Pushes a character that stands for the input character at `at`
    /// (a space standing for a line break, say).
    pub fn push_char(&mut self, c: char, at: usize) {
        debug_assert!(self.offs.last().is_none_or(|&o| o < at));
        self.chars.push(c);
        self.offs.push(at);
    }

    pub fn append(&mut self, other: Piece) {
        self.chars.extend(other.chars);
        self.offs.extend(other.offs);
    }

    /// The display text, allocated to its exact size: a corpus's paragraph
    /// texts are held for the whole analysis, and `collect` can leave up to
    /// half of a CJK string's capacity unused.
    pub fn text(&self) -> String {
        crate::text::string_of(&self.chars)
    }

    /// The input offset each character stands for: increasing, except
    /// where the columns of a page printed side by side meet.
    pub fn offsets(&self) -> &[usize] {
        &self.offs
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn is_blank(&self) -> bool {
        self.chars.iter().all(|c| c.is_space())
    }

    pub fn first_offset(&self) -> Option<usize> {
        self.offs.first().copied()
    }

    pub fn last_offset(&self) -> Option<usize> {
        self.offs.last().copied()
    }

    /// Splits at character index `at` (not byte, not input offset).
    pub fn split_at(&self, at: usize) -> (Piece, Piece) {
        let at = at.min(self.chars.len());
        (
            Piece { chars: self.chars[..at].to_vec(), offs: self.offs[..at].to_vec() },
            Piece { chars: self.chars[at..].to_vec(), offs: self.offs[at..].to_vec() },
        )
    }

    /// Spans of the input this piece's visible characters come from.
    pub fn spans(&self, src: &[char]) -> Vec<Span> {
        spans_from_offsets(self.chars.iter().zip(&self.offs).filter(|(c, _)| !c.is_space()).map(|(_, &o)| o), src)
    }

    pub fn trim(&mut self) {
        let start = self.chars.iter().position(|c| !c.is_space()).unwrap_or(self.chars.len());
        let end = self.chars.iter().rposition(|c| !c.is_space()).map_or(start, |i| i + 1);
        // In place: most pieces have nothing to trim.
        self.chars.truncate(end);
        self.offs.truncate(end);
        self.chars.drain(..start);
        self.offs.drain(..start);
    }

    /// Removes justification whitespace and trims. Spaces go when they stand
    /// between CJK characters, or next to CJK punctuation, or between CJK and
    /// a digit; other runs (between Latin words) collapse to one space.
    ///
    /// With `names`, a space between two CJK characters goes only when both
    /// neighbouring tokens are single characters: `董 越` → `董越`, but
    /// `常轶茹 张涛` keeps its space, as a byline separates names with it.
    ///
    /// Says whether a space is left, so that a caller that cleans again
    /// without `names` can skip a piece with none.
    pub fn clean_spaces(&mut self, names: bool) -> bool {
        // Most running text holds no space at all, or only an indent
        // before it: nothing to clean, at most a trim.
        let first = self.chars.iter().position(|c| !c.is_space()).unwrap_or(self.chars.len());
        let last = self.chars.iter().rposition(|c| !c.is_space()).map_or(first, |i| i + 1);
        if !self.chars[first..last].iter().any(|c| c.is_space()) {
            self.trim();
            return false;
        }
        let n = self.chars.len();
        // What stays is copied out: the runs' neighbours are read in the
        // original, never in what was already cleaned.
        let (mut chars, mut offs) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut spaced = false;
        cleaned_spaces(&self.chars, names, |i, c| {
            spaced |= c == ' ';
            chars.push(c);
            offs.push(self.offs[i]);
        });
        (self.chars, self.offs) = (chars, offs);
        spaced
    }
}

/// Walks `chars` as [`Piece::clean_spaces`] cleans them: calls `keep`
/// with each character that stays and its index, in order; a run of
/// spaces that stays is one `' '`, at the run's first index.
pub fn cleaned_spaces(chars: &[char], names: bool, mut keep: impl FnMut(usize, char)) {
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !chars[i].is_space() {
            keep(i, chars[i]);
            i += 1;
            continue;
        }
        let run_start = i;
        while i < n && chars[i].is_space() {
            i += 1;
        }
        if run_start == 0 || i == n {
            continue; // leading or trailing: trimmed
        }
        let (a, b) = (chars[run_start - 1], chars[i]);
        // A run of only invisible characters (a zero-width space) was
        // never a space: it goes whole.
        let invisible = chars[run_start..i].iter().all(|&c| crate::text::is_invisible(c));
        let drop_all = if invisible || is_cjk_punct(a) || is_cjk_punct(b) {
            true
        } else if is_cjk(a) && is_cjk(b) {
            !names || (token_len_back(chars, run_start) == 1 && token_len_fwd(chars, i) == 1)
        } else {
            (is_cjk(a) && b.is_ascii_digit()) || (a.is_ascii_digit() && is_cjk(b))
        };
        // A run that is not dropped keeps one space, at its first
        // character's offset.
        if !drop_all {
            keep(run_start, ' ');
        }
    }
}

fn token_len_back(chars: &[char], end: usize) -> usize {
    chars[..end].iter().rev().take_while(|c| !c.is_space() && !is_cjk_punct(**c)).count()
}

fn token_len_fwd(chars: &[char], start: usize) -> usize {
    chars[start..].iter().take_while(|c| !c.is_space() && !is_cjk_punct(**c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(s: &str) -> (Vec<char>, Piece) {
        let src: Vec<char> = s.chars().collect();
        let p = Piece::from_range(&src, 0, src.len());
        (src, p)
    }

    #[test]
    fn cleaning_says_whether_a_space_is_left() {
        for (text, names, left) in [("蓬 勃 生 机", false, false), ("蓬勃生机 ", false, false), ("使用 PPT 制作", false, true), ("常轶茹 张涛", true, true), ("常轶茹 张涛", false, false)] {
            let (_, mut p) = piece(text);
            assert_eq!(p.clean_spaces(names), left, "{text}");
            assert_eq!(p.text().contains(' '), left, "{text}");
        }
    }

    #[test]
    fn justification_spaces_go() {
        let (_, mut p) = piece("蓬 勃 生 机 ，实 现 了");
        p.clean_spaces(false);
        assert_eq!(p.text(), "蓬勃生机，实现了");
        let (_, mut p) = piece("2025 年 6 月 16 日");
        p.clean_spaces(false);
        assert_eq!(p.text(), "2025年6月16日");
        let (_, mut p) = piece("使用 PPT  制作 the  new deal");
        p.clean_spaces(false);
        assert_eq!(p.text(), "使用 PPT 制作 the new deal");
        // White space at either end goes, whatever its kind.
        let (_, mut p) = piece("\u{3000} 董 越 \n");
        p.clean_spaces(false);
        assert_eq!((p.text().as_str(), p.offsets()), ("董越", &[2, 4][..]));
    }

    #[test]
    fn trimming_keeps_each_character_at_its_offset() {
        let (_, mut p) = piece("  中国 \n");
        p.trim();
        assert_eq!((p.text().as_str(), p.offsets()), ("中国", &[2, 3][..]));
        let (_, mut p) = piece(" \n ");
        p.trim();
        assert!(p.is_empty());
    }

    #[test]
    fn names_keep_their_spaces() {
        let (_, mut p) = piece("新华社记者 董 越");
        p.clean_spaces(true);
        assert_eq!(p.text(), "新华社记者 董越");
        let (_, mut p) = piece("本报讯（记者 常轶茹 张涛 实习记者 彭林海）");
        p.clean_spaces(true);
        assert_eq!(p.text(), "本报讯（记者 常轶茹 张涛 实习记者 彭林海）");
    }

    #[test]
    fn spans_bridge_whitespace_but_not_text() {
        let src: Vec<char> = "双方合\n\n标题\n\n作将".chars().collect();
        let mut p = Piece::from_range(&src, 0, 3);
        p.push_line(&src, 9, 11, 8);
        assert_eq!(p.text(), "双方合作将");
        assert_eq!(p.spans(&src), vec![[0, 3], [9, 11]]);
        let src: Vec<char> = "有 利\n于".chars().collect();
        let mut p = Piece::from_range(&src, 0, 3);
        p.push_line(&src, 4, 5, 3);
        p.clean_spaces(false);
        assert_eq!((p.text().as_str(), p.spans(&src)), ("有利于", vec![[0, 5]]));
    }

    #[test]
    fn latin_words_across_a_line_break_keep_a_space() {
        let src: Vec<char> = "the\nword".chars().collect();
        let mut p = Piece::from_range(&src, 0, 3);
        p.push_line(&src, 4, 8, 3);
        assert_eq!(p.text(), "the word");
    }
}
