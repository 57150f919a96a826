//! Turning the bytes a user hands us into text, without ever failing.
//!
//! Newspaper dumps arrive as UTF-8 (with or without BOM), UTF-16 (with or
//! without BOM), or GB18030/GBK and Big5 from older Windows tools, and often
//! with a slip: one bad byte, a last character cut in half, a line pasted
//! from a Latin-1 file. The rule is to prefer the encoding under which the
//! text is overwhelmingly valid and to count the few bad sequences (shown as
//! U+FFFD, with a warning), rather than to read the whole file in an
//! encoding under which every byte is "valid" but the text is mojibake:
//! 1. a BOM is trusted, except that a UTF-8 BOM before UTF-16 text (NULs in
//!    every other byte) is taken for what it is;
//! 2. UTF-16 without a BOM is told by the pattern of its NUL bytes;
//! 3. UTF-8 wins when at least four in five of its non-ASCII sequences are
//!    valid;
//! 4. otherwise `chardetng` guesses, and a Chinese, Japanese or Korean
//!    encoding under which all but a few sequences are valid is preferred to
//!    a single-byte guess (chardetng rules out an encoding at its first bad
//!    byte, so one stray 0xFF in GBK made it pick windows-1252).
//!
//! Every later offset refers to the decoded text.

use crate::model::Warning;
use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from raw bytes, plus what we had to assume to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `UTF-8`, `GB18030`, `UTF-16LE`.
    pub encoding: &'static str,
    pub warnings: Vec<Warning>,
}

/// Decodes `bytes`, detecting the encoding. Never panics.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_8 {
            if let Some(utf16) = utf16_by_layout(body) {
                let body = Encoding::for_bom(body).map_or(body, |(_, n)| &body[n..]);
                let mut d = decode_as(body, utf16);
                d.warnings.insert(0, Warning::Utf8MarkBeforeUtf16 { encoding: utf16.name().to_owned() });
                return d;
            }
        }
        return decode_as(body, enc);
    }
    if let Some(utf16) = utf16_by_layout(bytes) {
        return decode_as(bytes, utf16);
    }
    // Most files are valid UTF-8: told by encoding_rs's validator, without
    // counting their characters.
    if Encoding::utf8_valid_up_to(bytes) == bytes.len() {
        return decode_as(bytes, UTF_8);
    }
    let (errors, valid_non_ascii) = utf8_census(bytes);
    if errors == 0 || valid_non_ascii >= 4 * errors {
        return decode_as(bytes, UTF_8);
    }
    decode_as(bytes, legacy_encoding(bytes))
}

/// UTF-16 told by where its NUL bytes fall (a BOM, if any, is allowed):
/// ASCII, digits and line breaks put a NUL in the high byte of their code
/// unit, so in UTF-16LE NULs sit at odd offsets and in UTF-16BE at even
/// ones. Binary data has NULs at both, often in pairs.
pub fn utf16_by_layout(bytes: &[u8]) -> Option<&'static Encoding> {
    // Past a UTF-8 byte-order mark (mislabelled UTF-16) and a UTF-16 one.
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let bytes = bytes.strip_prefix(&[0xFF, 0xFE]).or_else(|| bytes.strip_prefix(&[0xFE, 0xFF])).unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(1 << 16) & !1];
    let units = head.len() / 2;
    // No NUL byte, no pattern of them (`contains` is a `memchr`).
    if units < 2 || !head.contains(&0) {
        return None;
    }
    let (mut even, mut odd, mut both) = (0usize, 0usize, 0usize);
    for pair in head.chunks_exact(2) {
        match (pair[0] == 0, pair[1] == 0) {
            (true, true) => both += 1,
            (true, false) => even += 1,
            (false, true) => odd += 1,
            (false, false) => {}
        }
    }
    let (nuls, other, enc) = if odd >= even { (odd, even, UTF_16LE) } else { (even, odd, UTF_16BE) };
    // Enough NULs to be a pattern, most on one side (CJK code points such
    // as 一, U+4E00, put some on the other), hardly any 00 00.
    let patterned = nuls >= 2 && nuls * 100 >= units && other * 4 <= nuls && both * 100 <= units;
    if !patterned {
        return None;
    }
    // And the units must read as text: few unpaired surrogates or controls.
    let (text, _) = enc.decode_without_bom_handling(head);
    let total = text.chars().count().max(1);
    let odd_chars = text.chars().filter(|&c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))).count();
    (odd_chars * 50 <= total).then_some(enc)
}

/// Invalid sequences in `bytes` read as UTF-8, and valid non-ASCII chars.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut errors, mut valid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        errors += usize::from(!chunk.invalid().is_empty());
    }
    (errors, valid)
}

/// Multi-byte encodings of Chinese, Japanese and Korean text.
const CJK_ENCODINGS: [&Encoding; 5] = [GBK, BIG5, EUC_KR, SHIFT_JIS, EUC_JP];

/// The encoding of a file that is not UTF-8 or UTF-16.
fn legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let guess = chardetng_guess(bytes);
    if CJK_ENCODINGS.contains(&guess) || guess == encoding_rs::GB18030 {
        return guess;
    }
    // A single-byte guess: is the file a CJK encoding with a few slips?
    for candidate in CJK_ENCODINGS {
        let (text, had_errors) = candidate.decode_without_bom_handling(bytes);
        if !had_errors {
            continue; // chardetng saw it valid and still preferred its guess
        }
        let errors = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
        if errors * 50 > non_ascii {
            continue;
        }
        // The slips removed, would chardetng now pick it?
        let cleaned = text.replace('\u{FFFD}', "");
        let (clean, _, _) = candidate.encode(&cleaned);
        if chardetng_guess(&clean) == candidate {
            return candidate;
        }
    }
    guess
}

fn chardetng_guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // Our users' files have no origin, so no TLD hint.
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Decodes `bytes` (BOM already removed) as `encoding`; used when the user
/// overrides detection.
pub fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        // U+FFFD already in the bytes (validly encoded) are not counted.
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count().saturating_sub(count_encoded_replacements(bytes, encoding));
        warnings.push(Warning::InvalidBytes { count: bad, encoding: encoding.name().to_owned() });
    }
    if text.contains('\0') {
        warnings.push(Warning::NulCharacters);
    }
    Decoded { text: text.into_owned(), encoding: encoding.name(), warnings }
}

/// How many U+FFFD the bytes themselves hold (UTF-8's EF BF BD; the other
/// encodings cannot write one).
fn count_encoded_replacements(bytes: &[u8], encoding: &'static Encoding) -> usize {
    if encoding != UTF_8 {
        return 0;
    }
    bytes.windows(3).filter(|w| *w == [0xEF, 0xBF, 0xBD]).count()
}

/// Looks up an encoding by a user-facing label (`gbk`, `utf-16le`, …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("新华社北京".as_bytes());
        assert_eq!(plain.text, "新华社北京");
        assert_eq!(plain.encoding, "UTF-8");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("新华社".as_bytes());
        let d = decode(&with_bom);
        assert_eq!(d.text, "新华社");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "同文".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le);
        assert_eq!((d.text.as_str(), d.encoding), ("同文", "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        for u in "同文".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).text, "同文");
    }

    #[test]
    fn gb18030_is_detected() {
        let text = "国家主席习近平应邀赴哈萨克斯坦出席第二届中国—中亚峰会。行程结束之际，外交部长王毅向随行记者介绍此访情况。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let d = decode(&bytes);
        assert_eq!(d.text, text);
        assert!(d.encoding == "GBK" || d.encoding == "gb18030", "{}", d.encoding);
    }

    #[test]
    fn invalid_bytes_become_replacement_with_warning() {
        let d = decode_as(b"ab\xFFcd", UTF_8);
        assert_eq!(d.text, "ab\u{FFFD}cd");
        assert_eq!(d.warnings.len(), 1);
    }
}
