//! Turning the bytes a user hands us into text, without ever failing.
//!
//! Newspaper dumps arrive as UTF-8 (with or without BOM), UTF-16 with a BOM,
//! or GB18030/GBK from older Windows tools. A BOM is trusted; otherwise valid
//! UTF-8 wins; otherwise `chardetng` guesses. Bytes that do not decode become
//! U+FFFD and a warning, so every later offset refers to this decoded text.

use encoding_rs::{Encoding, UTF_8};

/// Text decoded from raw bytes, plus what we had to assume to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `UTF-8`, `GB18030`, `UTF-16LE`.
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// Decodes `bytes`, detecting the encoding. Never panics.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            // Our users' files have no origin, so no TLD hint.
            (detector.guess(None, chardetng::Utf8Detection::Allow), bytes)
        }
    };
    decode_as(body, encoding)
}

/// Decodes `bytes` (BOM already removed) as `encoding`; used when the user
/// overrides detection.
pub fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        warnings.push(format!(
            "{bad} byte sequence(s) were not valid {}; shown as U+FFFD",
            encoding.name()
        ));
    }
    if text.contains('\0') {
        warnings.push("the file contains NUL characters; it may not be text".to_owned());
    }
    Decoded { text: text.into_owned(), encoding: encoding.name(), warnings }
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
