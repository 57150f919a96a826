//! Fonts as the text interpreter needs them: how a string's bytes split
//! into character codes, each code's Unicode text, and its advance width.
//!
//! lopdf parses the font dictionaries, their ToUnicode CMaps and simple
//! encodings; this reads what extraction needs from them. A CID font that
//! names a predefined CMap, and has no ToUnicode, is read through the
//! carried maps ([`crate::cmap`]): code to CID, CID to Unicode. Widths come from
//! a composite font's `W` array (both of its forms: `c [w1 w2 …]` and
//! `c_first c_last w`) or a simple font's `Widths`; a glyph without one
//! takes `DW` or `MissingWidth`.

use std::collections::HashMap;

use std::sync::Arc;

use lopdf::{Dictionary, Document, Encoding, Object};

use crate::cmap::{self, CMap};

/// One glyph of a shown string.
pub struct Glyph {
    pub text: String,
    /// Advance in text space units (a thousandth of the font size): across
    /// in horizontal writing, down in vertical.
    pub width: f32,
    /// A single-byte code 32: word spacing applies to it.
    pub is_space: bool,
}

/// How a font's shown strings split into codes, and each code's CID.
enum Codes {
    /// A simple font: one byte, one code.
    OneByte,
    /// `Identity-H`/`-V`, or a CMap not carried: two bytes, the CID.
    Identity,
    /// A predefined CMap (`GBK-EUC-H`, `UniGB-UCS2-H` …).
    Predefined(Arc<CMap>),
}

pub struct Font<'a> {
    codes: Codes,
    /// Glyph widths by CID (a composite font) or by code (a simple one).
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Type 3 fonts scale glyph space by their FontMatrix, not by 1/1000.
    scale: f32,
    /// Set down the page, not across (an encoding ending in `-V`).
    pub vertical: bool,
    /// The font's own ToUnicode map: first, as the spec says.
    to_unicode: Option<Encoding<'static>>,
    /// A simple font's encoding, for codes its ToUnicode lacks.
    encoding: Option<Encoding<'a>>,
    /// The character collection's CID-to-Unicode map (`Adobe-GB1-UCS2`),
    /// for a CID font's codes its ToUnicode (if any) does not map.
    collection: Option<Arc<CMap>>,
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

fn name<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a str> {
    d.get(key).ok().map(|o| deref(doc, o)).and_then(|o| o.as_name().ok()).and_then(|n| std::str::from_utf8(n).ok())
}

/// The font's ToUnicode CMap, parsed by lopdf. lopdf reads it only when
/// the font names no encoding (or `Identity-H`), so it is asked about a
/// copy of the font without its `Encoding`.
fn to_unicode(doc: &Document, font: &Dictionary) -> Option<Encoding<'static>> {
    font.get(b"ToUnicode").ok()?;
    let mut bare = font.clone();
    bare.remove(b"Encoding");
    match bare.get_font_encoding(doc) {
        Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}

/// The carried CID-to-Unicode map of a character collection, from the
/// CIDFont's `CIDSystemInfo`, else from the encoding's name.
fn collection(doc: &Document, cid_font: Option<&Dictionary>, encoding: &str) -> Option<Arc<CMap>> {
    let ordering = cid_font
        .and_then(|d| dict(doc, d, b"CIDSystemInfo"))
        .and_then(|info| info.get(b"Ordering").ok().map(|o| deref(doc, o)))
        .and_then(|o| o.as_str().ok().or_else(|| o.as_name().ok()))
        .map(|o| String::from_utf8_lossy(o).into_owned());
    let ordering = ordering.filter(|o| o != "Identity").or_else(|| {
        let simplified = ["GB", "UniGB"].iter().any(|p| encoding.starts_with(p));
        let traditional = ["B5", "ETen", "HKscs", "CNS", "UniCNS"].iter().any(|p| encoding.starts_with(p));
        simplified.then(|| "GB1".to_owned()).or_else(|| traditional.then(|| "CNS1".to_owned()))
    })?;
    cmap::predefined(&format!("Adobe-{ordering}-UCS2"))
}

impl<'a> Font<'a> {
    pub fn read(doc: &'a Document, font: &'a Dictionary) -> Font<'a> {
        let subtype = font.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let to_unicode = to_unicode(doc, font);
        if subtype == b"Type0" {
            let descendant = array(doc, font, b"DescendantFonts").and_then(|a| a.first()).map(|o| deref(doc, o)).and_then(|o| o.as_dict().ok());
            let (widths, default_width) = descendant.map_or((HashMap::new(), 1000.0), |d| cid_widths(doc, d));
            // An embedded CMap stream is read as identity: rare, and its
            // ToUnicode, which such fonts carry, still gives the text.
            let encoding = name(doc, font, b"Encoding").unwrap_or("Identity-H");
            let codes = match cmap::predefined(encoding) {
                Some(map) => Codes::Predefined(map),
                None => Codes::Identity,
            };
            let vertical = match &codes {
                Codes::Predefined(map) => map.vertical,
                _ => encoding == "Identity-V",
            };
            // Also behind a ToUnicode map, for the codes it leaves out.
            let collection = collection(doc, descendant, encoding);
            return Font { codes, widths, default_width, scale: 0.001, vertical, to_unicode, encoding: None, collection };
        }
        let encoding = font.get_font_encoding(doc).ok();
        let first = font.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        let widths: HashMap<u32, f32> = array(doc, font, b"Widths").map_or_else(HashMap::new, |ws| ws.iter().enumerate().filter_map(|(k, w)| Some((first + k as u32, number(deref(doc, w))?))).collect());
        let missing = dict(doc, font, b"FontDescriptor").and_then(|d| d.get(b"MissingWidth").ok()).and_then(number).unwrap_or(0.0);
        let scale = if subtype == b"Type3" { array(doc, font, b"FontMatrix").and_then(|m| m.first()).and_then(number).unwrap_or(0.001) } else { 0.001 };
        Font { codes: Codes::OneByte, widths, default_width: missing, scale, vertical: false, to_unicode, encoding, collection: None }
    }

    /// The glyphs a shown string's bytes stand for.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let codes: Vec<(u32, usize)> = match &self.codes {
            Codes::OneByte => bytes.iter().map(|&b| (b as u32, 1)).collect(),
            Codes::Identity => bytes.chunks(2).map(|p| (p.iter().fold(0u32, |c, &b| c << 8 | b as u32), p.len())).collect(),
            Codes::Predefined(map) => map.codes(bytes),
        };
        let mut at = 0;
        codes
            .into_iter()
            .map(|(code, len)| {
                let code_bytes = &bytes[at..at + len];
                at += len;
                let cid = match &self.codes {
                    Codes::Predefined(map) => map.cid(code),
                    _ => Some(code),
                };
                let width = if self.vertical { 1000.0 } else { cid.and_then(|c| self.widths.get(&c)).copied().unwrap_or(self.default_width) * self.scale * 1000.0 };
                let is_space = matches!(self.codes, Codes::OneByte) && code == 32;
                Glyph { text: self.text_of(code, cid, code_bytes), width, is_space }
            })
            .collect()
    }

    fn text_of(&self, code: u32, cid: Option<u32>, code_bytes: &[u8]) -> String {
        let from_map = |encoding: &Encoding| match encoding {
            Encoding::UnicodeMapEncoding(map) => map.get(code, code_bytes.len() as u8).map(|units| String::from_utf16_lossy(&units)),
            encoding => Document::decode_text(encoding, code_bytes).ok(),
        };
        let text = self
            .to_unicode
            .as_ref()
            .and_then(from_map)
            .filter(|t| !t.is_empty())
            .or_else(|| self.encoding.as_ref().and_then(from_map))
            .filter(|t| !t.is_empty())
            .or_else(|| self.collection.as_ref().and_then(|c| c.text(cid?)));
        // A code the font maps to nothing: kept, as U+FFFD.
        text.unwrap_or_else(|| char::REPLACEMENT_CHARACTER.to_string())
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
