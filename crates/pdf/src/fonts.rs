//! Fonts as the text interpreter needs them: how a string's bytes split
//! into character codes, each code's Unicode text, and its advance width.
//!
//! lopdf parses the font dictionaries, their ToUnicode CMaps and simple
//! encodings; this reads what extraction needs from them. Widths come from
//! a composite font's `W` array (both of its forms: `c [w1 w2 …]` and
//! `c_first c_last w`) or a simple font's `Widths`; a glyph without one
//! takes `DW` or `MissingWidth`.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

/// One glyph of a shown string.
pub struct Glyph {
    pub text: String,
    /// Advance in text space units (a thousandth of the font size).
    pub width: f32,
    /// A single-byte code 32: word spacing applies to it.
    pub is_space: bool,
}

pub struct Font<'a> {
    /// Composite (Type0) fonts take two-byte codes.
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Type 3 fonts scale glyph space by their FontMatrix, not by 1/1000.
    scale: f32,
    encoding: Option<Encoding<'a>>,
}

fn number(o: &Object) -> Option<f32> {
    o.as_float().ok().filter(|v| v.is_finite())
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

/// The dictionary under `key` in `d`, through a reference if it is one.
pub(crate) fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key).ok().map(|o| deref(doc, o)).and_then(|o| o.as_dict().ok())
}

fn array<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    d.get(key).ok().map(|o| deref(doc, o)).and_then(|o| o.as_array().ok())
}

impl<'a> Font<'a> {
    pub fn read(doc: &'a Document, font: &'a Dictionary) -> Font<'a> {
        let subtype = font.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let encoding = font.get_font_encoding(doc).ok();
        if subtype == b"Type0" {
            let descendant = array(doc, font, b"DescendantFonts").and_then(|a| a.first()).map(|o| deref(doc, o)).and_then(|o| o.as_dict().ok());
            let (widths, default_width) = descendant.map_or((HashMap::new(), 1000.0), |d| cid_widths(doc, d));
            return Font { two_byte: true, widths, default_width, scale: 0.001, encoding };
        }
        let first = font.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        let widths: HashMap<u32, f32> = array(doc, font, b"Widths").map_or_else(HashMap::new, |ws| ws.iter().enumerate().filter_map(|(k, w)| Some((first + k as u32, number(deref(doc, w))?))).collect());
        let missing = dict(doc, font, b"FontDescriptor").and_then(|d| d.get(b"MissingWidth").ok()).and_then(number).unwrap_or(0.0);
        let scale = if subtype == b"Type3" { array(doc, font, b"FontMatrix").and_then(|m| m.first()).and_then(number).unwrap_or(0.001) } else { 0.001 };
        Font { two_byte: false, widths, default_width: missing, scale, encoding }
    }

    /// The glyphs a shown string's bytes stand for.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|code_bytes| {
                let code = code_bytes.iter().fold(0u32, |c, &b| c << 8 | b as u32);
                let width = self.widths.get(&code).copied().unwrap_or(self.default_width) * self.scale * 1000.0;
                Glyph { text: self.text_of(code, code_bytes), width, is_space: !self.two_byte && code == 32 }
            })
            .collect()
    }

    fn text_of(&self, code: u32, code_bytes: &[u8]) -> String {
        let text = match &self.encoding {
            Some(Encoding::UnicodeMapEncoding(map)) => map.get(code, code_bytes.len() as u8).map(|units| String::from_utf16_lossy(&units)),
            Some(encoding) => Document::decode_text(encoding, code_bytes).ok(),
            None => None,
        };
        match text {
            Some(t) if !t.is_empty() => t,
            // A code the font maps to nothing: kept, as U+FFFD.
            _ => char::REPLACEMENT_CHARACTER.to_string(),
        }
    }
}

/// A CIDFont's widths (`W`) and default width (`DW`).
fn cid_widths(doc: &Document, cid_font: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let default_width = cid_font.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let Some(w) = array(doc, cid_font, b"W") else { return (widths, default_width) };
    let w: Vec<&Object> = w.iter().map(|o| deref(doc, o)).collect();
    let mut i = 0;
    while i + 1 < w.len() {
        let Some(first) = number(w[i]).map(|v| v as u32) else { break };
        if let Ok(list) = w[i + 1].as_array() {
            for (k, width) in list.iter().enumerate() {
                if let Some(width) = number(deref(doc, width)) {
                    widths.insert(first + k as u32, width);
                }
            }
            i += 2;
        } else {
            let (Some(last), Some(width)) = (number(w[i + 1]), w.get(i + 2).and_then(|o| number(o))) else { break };
            // A range past 65,535 CIDs is damage, not a font.
            for cid in first..=(last as u32).min(first.saturating_add(65_535)) {
                widths.insert(cid, width);
            }
            i += 3;
        }
    }
    (widths, default_width)
}
