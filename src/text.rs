//! Character classes that newspaper layout depends on.

/// CJK ideographs and the kana/hangul that sometimes appear next to them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F
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
    let mut it = s.trim_end().chars().rev().skip_while(|&c| is_closer(c));
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

/// Display width in "CJK cells": a full-width character counts one, a
/// half-width one counts a half. Column widths are measured this way.
pub fn cell_width(s: &str) -> f32 {
    s.chars().filter(|c| !c.is_whitespace()).map(|c| if (c as u32) < 0x2000 { 0.5 } else { 1.0 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_end_sees_past_closers() {
        assert!(ends_sentence("发挥建设性作用。”"));
        assert!(ends_sentence("成功？」） "));
        assert!(!ends_sentence("中国—中"));
        assert!(!ends_sentence("（新华社北京6月18日电）"));
    }

    #[test]
    fn widths() {
        assert_eq!(cell_width("中国ab"), 3.0);
        assert!(is_cjk('中') && !is_cjk('a') && is_cjk_punct('，'));
    }
}
