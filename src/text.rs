//! Character classes that newspaper layout depends on.

/// CJK ideographs and the kana/hangul that sometimes appear next to them.
pub fn is_cjk(c: char) -> bool {
    // Asked of most characters of a page, most of them common Han: those
    // are answered by the first range.
    is_common_han(c)
        || matches!(c as u32,
            0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3134F
            | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0x3007)
}

/// Full-width punctuation used in running Chinese text (including quotes and
/// brackets), which never takes justification spaces around it.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '•' | '─' | '－' | '▶' | '■' | '●')
}

/// Characters that end a sentence, possibly followed by closing quotes.
pub fn is_sentence_final(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '!' | '?' | '；')
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '』' | '」' | '）' | ')' | '》' | '】' | '"' | '\'')
}

/// Does this text end a sentence, looking past closing quotes and brackets?
pub fn ends_sentence(s: &str) -> bool {
    ends_sentence_rev(s.trim_end().chars().rev())
}

/// [`ends_sentence`] of text held as characters.
pub fn ends_sentence_of(chars: &[char]) -> bool {
    ends_sentence_rev(chars.iter().copied().rev().skip_while(|c| c.is_whitespace()))
}

/// [`ends_sentence`] of the characters `rev` yields from the text's last
/// that is not white space backwards.
fn ends_sentence_rev(rev: impl Iterator<Item = char>) -> bool {
    let mut it = rev.skip_while(|&c| is_closer(c));
    match it.next() {
        // A Latin full stop ends a sentence after a letter (`Wednesday.`),
        // not in a number or an abbreviation of one (`3.`, `No.5`).
        Some('.') => it.next().is_some_and(|c| c.is_ascii_lowercase() || c == ')'),
        Some(c) => is_sentence_final(c),
        // Only closers, e.g. `）`: a bracketed dateline such as `（新华社…电）`.
        None => false,
    }
}

/// Punctuation that marks running text rather than a headline.
pub fn is_clause_punct(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '、' | ',' | ';')
}

/// Do the double quotation marks of `chars` pair up? A quotation opened
/// and not closed, or closed and not opened (`“如果将中国—中亚`), is running
/// text a break cut off: a headline that quotes holds the whole quotation
/// (`“两会”时间`). Marks are counted, not matched, since extractions print
/// an opening mark as `”` often enough.
pub fn quotes_balance(chars: &[char]) -> bool {
    chars.iter().filter(|&&c| matches!(c, '“' | '”')).count() % 2 == 0
}

/// Characters that show nothing and mean nothing to a reader: zero-width
/// space, word joiner, BOM (zero-width no-break space), soft hyphen. PDF
/// extractors and web pages leave them at line ends; the engine treats them
/// as white space, so they never change the reflow or reach the text.
/// (Zero-width joiners are not here: they hold emoji sequences together.)
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// White space as the engine sees it: Unicode white space and
/// [`is_invisible`] characters. Every place that decides whether a
/// character belongs to a piece uses this, so offsets agree everywhere.
pub trait Space {
    fn is_space(&self) -> bool;
}

impl Space for char {
    fn is_space(&self) -> bool {
        // Asked of every character, most of them Han: answered without
        // the Unicode table for those.
        !is_common_han(*self) && (self.is_whitespace() || is_invisible(*self))
    }
}

/// Line breaks: LF, a CR not followed by LF, NEL, the line and paragraph
/// separators, and the vertical tab and form feed that PDF extractors put
/// between pages. A CR LF pair is one break, at the LF.
pub fn is_line_break(src: &[char], i: usize) -> bool {
    match src[i] {
        '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' => true,
        '\r' => src.get(i + 1) != Some(&'\n'),
        _ => false,
    }
}

/// How many bytes `chars` take in UTF-8. Counted by comparisons rather
/// than `char::len_utf8`, whose branches cost more than the encoding.
pub fn utf8_len(chars: &[char]) -> usize {
    chars.iter().map(|&c| 1 + usize::from(c >= '\u{80}') + usize::from(c >= '\u{800}') + usize::from(c >= '\u{10000}')).sum()
}

/// The text of `chars`, allocated to its exact size (`collect` can leave
/// up to half of a CJK string's capacity unused).
pub fn string_of(chars: &[char]) -> String {
    let mut s = String::with_capacity(utf8_len(chars));
    for &c in chars {
        s.push(c);
    }
    s
}

/// Display width in "CJK cells": a full-width character counts one, a
/// half-width one counts a half. Column widths are measured this way.
///
/// Measured per grapheme cluster, so an emoji built of several code points
/// (a ZWJ family, a flag, a keycap, a skin tone) is one wide character, and
/// combining marks and variation selectors add nothing.
pub fn cell_width(s: &str) -> f32 {
    // Most lines hold nothing that joins into clusters: count per char,
    // and measure by clusters only on meeting a character that joins.
    let mut cells = 0.0;
    for c in s.chars() {
        if joins_cluster(c) {
            use unicode_segmentation::UnicodeSegmentation;
            return s.graphemes(true).map(cluster_cells).sum();
        }
        if !c.is_space() {
            cells += char_cells(c);
        }
    }
    cells
}

/// [`cell_width`] of text held as characters (a line of the input):
/// nothing to decode, and Han, most of it, counted first.
pub fn cell_width_of(chars: &[char]) -> f32 {
    let mut cells = 0.0;
    for &c in chars {
        if is_common_han(c) {
            cells += 1.0;
            continue;
        }
        if joins_cluster(c) {
            return cell_width(&string_of(chars));
        }
        if !c.is_space() {
            cells += char_cells(c);
        }
    }
    cells
}

/// The CJK Unified Ideographs: each a cell wide, none joining, none white
/// space. Not [`is_cjk`]: its kana hold combining marks (U+3099, U+309A)
/// that are none of the three.
fn is_common_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The punctuation of Chinese text (`，。、：“”（）《》—…`): each a cell
/// wide, none joining. Answered without the Unicode tables, like
/// [`is_common_han`]: after Han, the characters asked of most often.
fn is_wide_punct(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{3029}' | '\u{FF01}'..='\u{FF60}' | '\u{2018}'..='\u{201D}' | '\u{2014}' | '\u{2026}')
}

/// Cells of one grapheme cluster: an emoji sequence (joined, flagged,
/// keycapped, toned or in emoji presentation) is wide; anything else
/// takes the width of its first character.
fn cluster_cells(g: &str) -> f32 {
    let mut chars = g.chars();
    let Some(first) = chars.next() else { return 0.0 };
    if first.is_space() {
        return 0.0;
    }
    let emoji = chars.any(|c| matches!(c as u32, 0x200D | 0x20E3 | 0xFE0F | 0x1F1E6..=0x1F1FF | 0x1F3FB..=0x1F3FF));
    if emoji { 1.0 } else { char_cells(first) }
}

/// Cells of one character standing alone (or at the head of its cluster).
fn char_cells(c: char) -> f32 {
    if is_common_han(c) || is_wide_punct(c) {
        return 1.0; // most characters, without a table lookup
    }
    match unicode_width::UnicodeWidthChar::width(c) {
        Some(0) => 0.0,
        // Below U+2000 (Latin, Greek, Cyrillic …) half a cell; CJK text,
        // its punctuation (“ ” — …) and emoji a whole one.
        _ if (c as u32) < 0x2000 => 0.5,
        _ => 1.0,
    }
}

/// Code points that attach to the character before them.
fn joins_cluster(c: char) -> bool {
    let u = c as u32;
    !is_common_han(c)
        && !is_wide_punct(c)
        && ((0x300..=0x36F).contains(&u)
        || matches!(u, 0x200C | 0x200D | 0x20E3 | 0xFE0E | 0xFE0F)
        || (0x1F1E6..=0x1F1FF).contains(&u)
        || (0x1F3FB..=0x1F3FF).contains(&u)
        || (0xE0020..=0xE007F).contains(&u)
        || (u >= 0x300 && unicode_width::UnicodeWidthChar::width(c) == Some(0) && !is_invisible(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_marks_balance_when_they_pair_up_whichever_way_printed() {
        let balance = |t: &str| quotes_balance(&t.chars().collect::<Vec<char>>());
        for t in ["", "两会时间", "“两会”时间", "”两会”时间", "“一”和“二”"] {
            assert!(balance(t), "{t}");
        }
        for t in ["“如果将中国", "哈萨克斯坦”", "“一”和“二"] {
            assert!(!balance(t), "{t}");
        }
    }

    #[test]
    fn sentence_end_sees_past_closers() {
        assert!(ends_sentence("发挥建设性作用。”"));
        assert!(ends_sentence("成功？」） "));
        assert!(!ends_sentence("中国—中"));
        assert!(!ends_sentence("（新华社北京6月18日电）"));
        // A Latin full stop after a letter or a bracket, not after a figure.
        assert!(ends_sentence("on Wednesday.") && ends_sentence("(see below)."));
        assert!(!ends_sentence("增长3.") && !ends_sentence("No.5"));
        for t in ["发挥建设性作用。”", "成功？」） ", "中国—中", "（新华社北京6月18日电）", "", " ", "on Wednesday.", "No.5", "3.", "(see below). \u{3000}", "。\u{200B}"] {
            assert_eq!(ends_sentence_of(&t.chars().collect::<Vec<char>>()), ends_sentence(t), "{t:?}");
        }
    }

    #[test]
    fn a_string_of_chars_is_their_text() {
        for t in ["", "a", "中国", "é—“你好”🇨🇳\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "2024年3月 No.5"] {
            let chars: Vec<char> = t.chars().collect();
            let s = string_of(&chars);
            assert_eq!(s, t);
            assert_eq!(s.capacity(), t.len());
            assert_eq!(utf8_len(&chars), t.len());
        }
    }

    #[test]
    fn chinese_punctuation_measures_as_the_unicode_tables_say() {
        // The shortcut for punctuation gives what the tables would.
        for c in ('\u{2000}'..='\u{3100}').chain('\u{FF00}'..='\u{FFEF}').filter(|&c| is_wide_punct(c)) {
            let width = unicode_width::UnicodeWidthChar::width(c);
            assert!(width.is_some_and(|w| w > 0), "{c:?} {width:?}");
            assert!(!matches!(c as u32, 0x200C | 0x200D | 0x20E3 | 0xFE0E | 0xFE0F) && !c.is_whitespace(), "{c:?}");
            assert_eq!(cell_width(&c.to_string()), 1.0, "{c:?}");
        }
        assert!(is_wide_punct('，') && is_wide_punct('“') && is_wide_punct('—') && is_wide_punct('、') && !is_wide_punct('\u{302A}') && !is_wide_punct('a'));
    }

    #[test]
    fn widths() {
        assert_eq!(cell_width("中国ab"), 3.0);
        assert!(is_cjk('中') && !is_cjk('a') && is_cjk_punct('，'));
        // An emoji of several code points is one wide character.
        assert_eq!(cell_width("👨\u{200D}👩\u{200D}👧"), 1.0);
        assert_eq!(cell_width("🇨🇳"), 1.0);
        assert_eq!(cell_width("1\u{FE0F}\u{20E3}"), 1.0);
        assert_eq!(cell_width("👍🏽中"), 2.0);
        assert_eq!(cell_width("e\u{301}"), 0.5);
        // A combining mark with nothing to attach to takes no room.
        assert_eq!(cell_width("\u{301}中"), 1.0);
        // Invisible characters take no room.
        assert_eq!(cell_width("中\u{200B}\u{00AD}\u{FEFF}"), 1.0);
        assert_eq!(cell_width("“你好”—"), 5.0);
        for t in ["中国ab", "👨\u{200D}👩\u{200D}👧", "🇨🇳", "1\u{FE0F}\u{20E3}", "👍🏽中", "e\u{301}", " \u{301}中 ", "中\u{200B}\u{00AD}\u{FEFF}", "“你好”— ", "\u{3000}本报记者 李明"] {
            assert_eq!(cell_width_of(&t.chars().collect::<Vec<char>>()), cell_width(t), "{t:?}");
        }
    }

    #[test]
    fn line_breaks_and_spaces() {
        let src: Vec<char> = "a\r\nb\rc\u{85}d\u{2028}e\u{c}f".chars().collect();
        let breaks: Vec<usize> = (0..src.len()).filter(|&i| is_line_break(&src, i)).collect();
        assert_eq!(breaks, [2, 4, 6, 8, 10]);
        assert!('\u{200B}'.is_space() && ' '.is_space() && !'\u{200D}'.is_space() && !'中'.is_space());
    }
}
