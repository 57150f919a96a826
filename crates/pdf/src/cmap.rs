//! Adobe's predefined CMaps (PDF 32000-1 §9.7.5.2), for Chinese fonts that
//! name one as their encoding instead of embedding their own.
//!
//! Why: newspaper PDFs set by Founder (方正) systems, as most Chinese
//! dailies are, use CID fonts encoded `GBK-EUC-H` with no ToUnicode map.
//! Their codes are GBK, their widths are keyed by CID, and their text is
//! known only through the character collection (`Adobe-GB1-UCS2`). Without
//! these maps such a page comes out as U+FFFD and misplaced glyphs.
//!
//! The maps are the ones pdf.js ships (`pdfjs-dist/cmaps`, Adobe's
//! cmap-resources, BSD-3-Clause; see `cmaps/LICENSE`) in pdf.js's compact
//! binary form, for the Chinese collections only (GB1 and CNS1). This is
//! a port of pdf.js's `BinaryCMapReader` (`src/core/binary_cmap.js`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// One CMap: how a string's bytes split into codes (its codespace), and
/// what each code maps to: a CID (an encoding CMap) or the UTF-16 bytes of
/// its text (a `…-UCS2` map from CIDs to Unicode).
#[derive(Debug, Default)]
pub struct CMap {
    pub vertical: bool,
    /// Codespace ranges by code length in bytes (index 0: one byte).
    codespace: [Vec<(u32, u32)>; 4],
    cids: HashMap<u32, u32>,
    text: HashMap<u32, Vec<u8>>,
}

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        /// The maps this crate carries, by name.
        const EMBEDDED: &[(&str, &[u8])] = &[$(($name, include_bytes!(concat!("../cmaps/", $name, ".bcmap")))),*];
    };
}

embedded!(
    "Adobe-CNS1-UCS2", "Adobe-GB1-UCS2", "B5-H", "B5-V", "B5pc-H", "B5pc-V", "CNS-EUC-H", "CNS-EUC-V", "CNS1-H", "CNS1-V", "CNS2-H", "CNS2-V",
    "ETen-B5-H", "ETen-B5-V", "ETenms-B5-H", "ETenms-B5-V", "GB-EUC-H", "GB-EUC-V", "GB-H", "GB-V", "GBK-EUC-H", "GBK-EUC-V", "GBK2K-H",
    "GBK2K-V", "GBKp-EUC-H", "GBKp-EUC-V", "GBT-EUC-H", "GBT-EUC-V", "GBT-H", "GBT-V", "GBTpc-EUC-H", "GBTpc-EUC-V", "GBpc-EUC-H",
    "GBpc-EUC-V", "HKscs-B5-H", "HKscs-B5-V", "UniCNS-UCS2-H", "UniCNS-UCS2-V", "UniCNS-UTF16-H", "UniCNS-UTF16-V", "UniGB-UCS2-H",
    "UniGB-UCS2-V", "UniGB-UTF16-H", "UniGB-UTF16-V",
);

/// The names of the maps carried.
#[cfg(test)]
fn embedded_names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(name, _)| *name)
}

/// The predefined CMap called `name`, with the maps it builds on
/// (`usecmap`) merged in; `None` if it is not carried or does not read.
/// Each is read once per process.
pub fn predefined(name: &str) -> Option<Arc<CMap>> {
    static LOADED: OnceLock<Mutex<HashMap<String, Option<Arc<CMap>>>>> = OnceLock::new();
    let loaded = LOADED.get_or_init(Default::default);
    if let Some(known) = loaded.lock().ok()?.get(name) {
        return known.clone();
    }
    let map = read_with_parents(name, &mut Vec::new(), &|n| EMBEDDED.iter().find(|(e, _)| *e == n).map(|(_, b)| *b)).map(Arc::new);
    loaded.lock().ok()?.insert(name.to_owned(), map.clone());
    map
}

/// Reads `name` (its bytes from `find`) with the maps it builds on merged
/// in. A map that builds on itself, however far round, is damage: none.
fn read_with_parents<'a>(name: &str, seen: &mut Vec<String>, find: &dyn Fn(&str) -> Option<&'a [u8]>) -> Option<CMap> {
    if seen.iter().any(|s| s == name) {
        return None;
    }
    seen.push(name.to_owned());
    let (mut map, parent) = read(find(name)?).ok()?;
    if let Some(parent) = parent {
        let base = read_with_parents(&parent, seen, find)?;
        for (len, ranges) in base.codespace.into_iter().enumerate() {
            map.codespace[len].extend(ranges);
        }
        for (code, cid) in base.cids {
            map.cids.entry(code).or_insert(cid);
        }
        for (code, text) in base.text {
            map.text.entry(code).or_insert(text);
        }
    }
    Some(map)
}

impl CMap {
    /// Splits `bytes` into codes by the codespace: each code is the
    /// shortest prefix inside a range of its length. A byte that starts no
    /// code is taken alone, so no byte is lost.
    pub fn codes(&self, bytes: &[u8]) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let mut code = 0u32;
            let mut found = None;
            for len in 1..=4.min(bytes.len() - at) {
                code = code << 8 | bytes[at + len - 1] as u32;
                if self.codespace[len - 1].iter().any(|&(lo, hi)| (lo..=hi).contains(&code)) {
                    found = Some((code, len));
                    break;
                }
            }
            let (code, len) = found.unwrap_or((bytes[at] as u32, 1));
            out.push((code, len));
            at += len;
        }
        out
    }

    /// The CID an encoding CMap gives `code`.
    pub fn cid(&self, code: u32) -> Option<u32> {
        self.cids.get(&code).copied()
    }

    /// The text a `…-UCS2` map gives `cid` (its UTF-16 code units).
    pub fn text(&self, cid: u32) -> Option<String> {
        let bytes = self.text.get(&cid)?;
        let units: Vec<u16> = bytes.chunks(2).map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)])).collect();
        Some(String::from_utf16_lossy(&units)).filter(|t| !t.is_empty())
    }
}

/// A CMap that fails to read is refused whole, never half used.
#[derive(Debug, PartialEq)]
pub struct Malformed;

const MAX_NUM_SIZE: usize = 16;
/// No range in a carried map is longer; a longer one is damage.
const MAX_RANGE: u32 = 1 << 16;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

type Num = [u8; MAX_NUM_SIZE];

fn to_int(a: &Num, size: usize) -> u32 {
    a[..=size].iter().fold(0u32, |n, &b| n << 8 | b as u32)
}

fn to_bytes(a: &Num, size: usize) -> Vec<u8> {
    a[..=size].to_vec()
}

/// `a += b` over `size + 1` big-endian bytes.
fn add(a: &mut Num, b: &Num, size: usize) {
    let mut carry = 0u32;
    for i in (0..=size).rev() {
        carry += a[i] as u32 + b[i] as u32;
        a[i] = carry as u8;
        carry >>= 8;
    }
}

fn increment(a: &mut Num, size: usize) {
    for i in (0..=size).rev() {
        a[i] = a[i].wrapping_add(1);
        if a[i] != 0 {
            break;
        }
    }
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, Malformed> {
        let b = *self.bytes.get(self.at).ok_or(Malformed)?;
        self.at += 1;
        Ok(b)
    }

    /// A number in 7-bit groups, most significant first; a set high bit
    /// says more follow.
    fn number(&mut self) -> Result<u32, Malformed> {
        let mut n = 0u32;
        loop {
            let b = self.byte()?;
            n = n.checked_mul(128).ok_or(Malformed)? | (b & 0x7f) as u32;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
    }

    /// A number whose lowest bit is its sign.
    fn signed(&mut self) -> Result<i64, Malformed> {
        let n = self.number()? as i64;
        Ok(if n & 1 == 1 { !(n >> 1) } else { n >> 1 })
    }

    fn hex(&mut self, num: &mut Num, size: usize) -> Result<(), Malformed> {
        let end = self.at + size + 1;
        num[..=size].copy_from_slice(self.bytes.get(self.at..end).ok_or(Malformed)?);
        self.at = end;
        Ok(())
    }

    /// A `size + 1`-byte number written as 7-bit groups.
    fn hex_number(&mut self, num: &mut Num, size: usize) -> Result<(), Malformed> {
        let mut groups = Vec::new();
        loop {
            let b = self.byte()?;
            groups.push(b & 0x7f);
            if b & 0x80 == 0 {
                break;
            }
        }
        let (mut buffer, mut bits) = (0u32, 0u32);
        for i in (0..=size).rev() {
            while bits < 8 {
                let Some(g) = groups.pop() else { break };
                buffer |= (g as u32) << bits;
                bits += 7;
            }
            num[i] = buffer as u8;
            buffer >>= 8;
            bits = bits.saturating_sub(8);
        }
        Ok(())
    }

    /// A signed `hex_number`: its lowest bit is the sign.
    fn hex_signed(&mut self, num: &mut Num, size: usize) -> Result<(), Malformed> {
        self.hex_number(num, size)?;
        let sign = if num[size] & 1 == 1 { 0xff } else { 0 };
        let mut c = 0u32;
        for b in num.iter_mut().take(size + 1) {
            c = (c & 1) << 8 | *b as u32;
            *b = (c >> 1) as u8 ^ sign;
        }
        Ok(())
    }

    /// The next range of a record, in `start` and `end`: the first one's
    /// start in full, a later one's as its gap after the range before (or
    /// right after it, in a sequence); its end as a length past its start.
    fn range(&mut self, first: bool, sequence: bool, start: &mut Num, end: &mut Num, size: usize) -> Result<(), Malformed> {
        if first {
            self.hex(start, size)?;
        } else {
            increment(end, size);
            if sequence {
                *start = *end;
            } else {
                self.hex_number(start, size)?;
                add(start, end, size);
            }
        }
        self.hex_number(end, size)?;
        add(end, start, size);
        Ok(())
    }

    fn string(&mut self) -> Result<String, Malformed> {
        let len = self.number()?;
        (0..len).map(|_| self.number().map(|c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))).collect()
    }
}

/// Reads one binary CMap: the map and the name of the map it builds on.
pub fn read(bytes: &[u8]) -> Result<(CMap, Option<String>), Malformed> {
    let mut r = Reader { bytes, at: 0 };
    let mut map = CMap { vertical: r.byte()? & 1 == 1, ..CMap::default() };
    let mut parent = None;
    let (mut start, mut end, mut tmp) = ([0u8; MAX_NUM_SIZE], [0u8; MAX_NUM_SIZE], [0u8; MAX_NUM_SIZE]);
    while r.at < bytes.len() {
        let b = r.byte()?;
        let kind = b >> 5;
        if kind == 7 {
            match b & 0x1f {
                0 => drop(r.string()?), // a comment
                1 => parent = Some(r.string()?),
                _ => {}
            }
            continue;
        }
        let sequence = b & 0x10 != 0;
        let size = (b & 15) as usize;
        let items = r.number()?;
        // Sources of text maps (kinds 4 and 5) are CIDs: two bytes.
        const CID_SIZE: usize = 1;
        match kind {
            // Codespace ranges.
            0 => {
                if size > 3 {
                    return Err(Malformed);
                }
                for i in 0..items {
                    // pdf.js reads these kinds' ranges never as a sequence.
                    r.range(i == 0, false, &mut start, &mut end, size)?;
                    map.codespace[size].push((to_int(&start, size), to_int(&end, size)));
                }
            }
            // Ranges not defined: skipped, as pdf.js does.
            1 => {
                for i in 0..items {
                    // pdf.js reads these kinds' ranges never as a sequence.
                    r.range(i == 0, false, &mut start, &mut end, size)?;
                    r.number()?;
                }
            }
            // Single codes to CIDs.
            2 => {
                let mut code = [0u8; MAX_NUM_SIZE];
                r.hex(&mut code, size)?;
                let mut cid = r.number()? as i64;
                map.cids.insert(to_int(&code, size), cid as u32);
                for _ in 1..items {
                    increment(&mut code, size);
                    if !sequence {
                        r.hex_number(&mut tmp, size)?;
                        add(&mut code, &tmp, size);
                    }
                    cid += r.signed()? + 1;
                    map.cids.insert(to_int(&code, size), u32::try_from(cid).map_err(|_| Malformed)?);
                }
            }
            // Code ranges to consecutive CIDs.
            3 => {
                for i in 0..items {
                    r.range(i == 0, sequence, &mut start, &mut end, size)?;
                    let cid = r.number()?;
                    let (lo, hi) = (to_int(&start, size), to_int(&end, size));
                    if hi < lo || hi - lo > MAX_RANGE {
                        return Err(Malformed);
                    }
                    for (k, code) in (lo..=hi).enumerate() {
                        map.cids.insert(code, cid + k as u32);
                    }
                }
            }
            // Single CIDs to text.
            4 => {
                let (mut cid, mut text) = ([0u8; MAX_NUM_SIZE], [0u8; MAX_NUM_SIZE]);
                r.hex(&mut cid, CID_SIZE)?;
                r.hex(&mut text, size)?;
                map.text.insert(to_int(&cid, CID_SIZE), to_bytes(&text, size));
                for _ in 1..items {
                    increment(&mut cid, CID_SIZE);
                    if !sequence {
                        r.hex_number(&mut tmp, CID_SIZE)?;
                        add(&mut cid, &tmp, CID_SIZE);
                    }
                    increment(&mut text, size);
                    r.hex_signed(&mut tmp, size)?;
                    add(&mut text, &tmp, size);
                    map.text.insert(to_int(&cid, CID_SIZE), to_bytes(&text, size));
                }
            }
            // CID ranges to consecutive text.
            5 => {
                let mut text = [0u8; MAX_NUM_SIZE];
                for i in 0..items {
                    r.range(i == 0, sequence, &mut start, &mut end, CID_SIZE)?;
                    r.hex(&mut text, size)?;
                    // Two-byte CIDs: a range wraps round, never runs long.
                    let (lo, hi) = (to_int(&start, CID_SIZE), to_int(&end, CID_SIZE));
                    if hi < lo {
                        return Err(Malformed);
                    }
                    let mut next = text;
                    for cid in lo..=hi {
                        map.text.insert(cid, to_bytes(&next, size));
                        increment(&mut next, size);
                    }
                }
            }
            _ => return Err(Malformed),
        }
    }
    Ok((map, parent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_carried_map_reads_with_the_maps_it_builds_on() {
        for name in embedded_names() {
            let map = predefined(name).unwrap_or_else(|| panic!("{name} does not read"));
            assert_eq!(map.vertical, name.ends_with("-V"), "{name}");
            if name.ends_with("UCS2") && name.starts_with("Adobe") {
                assert!(map.text.len() > 10_000, "{name}: {} CIDs", map.text.len());
            } else {
                assert!(map.cids.len() > 5_000, "{name}: {} codes", map.cids.len());
                assert!(map.codespace.iter().any(|r| !r.is_empty()), "{name}");
            }
        }
        assert!(predefined("Identity-H").is_none() && predefined("No-Such-Map").is_none());
    }

    #[test]
    fn a_map_builds_on_its_parents_and_a_loop_of_them_is_refused() {
        let uses = |parent: &str| [&[0xe1u8, parent.len() as u8][..], parent.as_bytes()].concat();
        // "A" maps code 1 to CID 10 and uses "B", which maps codes 1 and 2
        // to 20 and 21 and has the two-byte codespace 8000–FFFF.
        let a = [&[0u8, 2 << 5, 1, 1, 10][..], &uses("B")].concat();
        let b = vec![0u8, 1, 1, 0x80, 0x00, 0x81, 0xff, 0x7f, 2 << 5, 2, 1, 20, 0, 0];
        let maps: HashMap<&str, Vec<u8>> = [("A", a.clone()), ("B", b)].into();
        let find = |n: &str| maps.get(n).map(Vec::as_slice);
        let merged = read_with_parents("A", &mut Vec::new(), &find).unwrap();
        assert_eq!((merged.cid(1), merged.cid(2)), (Some(10), Some(21)), "A's own code first, then B's others");
        assert_eq!(merged.codes(&[0x81, 0x42]), [(0x8142, 2)], "B's codespace");
        // "B" using "A" again: a loop.
        let looped: HashMap<&str, Vec<u8>> = [("A", a), ("B", [&[0u8][..], &uses("A")].concat())].into();
        let find = |n: &str| looped.get(n).map(Vec::as_slice);
        assert!(read_with_parents("A", &mut Vec::new(), &find).is_none());
    }

    /// Places checked against Adobe's source CMaps and the Unicode
    /// standard: the GBK and Big5 codes of 中 and 国, and ASCII.
    #[test]
    fn gbk_and_big5_codes_reach_their_unicode_through_the_collection() {
        let gbk = predefined("GBK-EUC-H").unwrap();
        let gb1 = predefined("Adobe-GB1-UCS2").unwrap();
        let text_of = |map: &CMap, ucs2: &CMap, bytes: &[u8]| -> String {
            map.codes(bytes).into_iter().map(|(code, _)| map.cid(code).and_then(|cid| ucs2.text(cid)).unwrap_or_else(|| "\u{fffd}".into())).collect()
        };
        // 中国 in GBK: D6D0 B9FA; then "A1" in ASCII, one byte each.
        assert_eq!(gbk.codes(&[0xd6, 0xd0, 0xb9, 0xfa, b'A', b'1']), [(0xd6d0, 2), (0xb9fa, 2), (0x41, 1), (0x31, 1)]);
        assert_eq!(text_of(&gbk, &gb1, &[0xd6, 0xd0, 0xb9, 0xfa, b'A', b'1']), "中国A1");
        // 鑫 (GBK F6CE) and 〇 (A996): outside GB 2312's plain rows.
        assert_eq!(text_of(&gbk, &gb1, &[0xf6, 0xce, 0xa9, 0x96]), "鑫〇");
        let gb = predefined("GB-EUC-H").unwrap();
        assert_eq!(text_of(&gb, &gb1, &[0xd6, 0xd0, 0xb9, 0xfa]), "中国");
        let ucs2 = predefined("UniGB-UCS2-H").unwrap();
        assert_eq!(text_of(&ucs2, &gb1, &[0x4e, 0x2d, 0x56, 0xfd]), "中国");
        // Big5: 中 A4A4, 國 B0EA.
        let big5 = predefined("ETen-B5-H").unwrap();
        let cns1 = predefined("Adobe-CNS1-UCS2").unwrap();
        assert_eq!(text_of(&big5, &cns1, &[0xa4, 0xa4, 0xb0, 0xea]), "中國");
        // The vertical map takes the horizontal one's codes it does not change.
        let vertical = predefined("GBK-EUC-V").unwrap();
        assert_eq!(text_of(&vertical, &gb1, &[0xd6, 0xd0]), "中");
    }

    #[test]
    fn a_byte_outside_every_codespace_is_one_code_and_nothing_is_lost() {
        let gbk = predefined("GBK-EUC-H").unwrap();
        // FF starts no GBK code; a lead byte at the end has no trail.
        assert_eq!(gbk.codes(&[0xff, b'a', 0xd6]), [(0xff, 1), (0x61, 1), (0xd6, 1)]);
    }

    #[test]
    fn damaged_maps_are_refused_not_half_read() {
        let (_, bytes) = EMBEDDED.iter().find(|(n, _)| *n == "GBK-EUC-H").unwrap();
        // Any prefix reads or is refused, never panics; one cut inside the
        // last record is refused.
        for cut in (0..bytes.len()).step_by(97) {
            let _ = read(&bytes[..cut]);
        }
        assert_eq!(read(&bytes[..bytes.len() - 1]).err(), Some(Malformed));
        assert!(read(bytes).is_ok());
        // A range of codes to CIDs (kind 3, four-byte codes) that wraps
        // round or spans more than 65,536 codes is refused; one code, or
        // exactly 65,537, is a range.
        let range = |start: [u8; 4], delta: &[u8]| [&[0u8, 3 << 5 | 3, 1][..], &start, delta, &[5]].concat();
        assert_eq!(read(&range([0xff; 4], &[1])).err(), Some(Malformed));
        assert_eq!(read(&range([0; 4], &[0x87, 0xff, 0xff, 0x7f])).err(), Some(Malformed));
        assert_eq!(read(&range([0; 4], &[0x84, 0x80, 0x01])).err(), Some(Malformed), "65,538 codes");
        let (long, _) = read(&range([0; 4], &[0x84, 0x80, 0x00])).unwrap();
        assert_eq!((long.cids.len(), long.cid(65_536)), (65_537, Some(5 + 65_536)));
        let (one, _) = read(&range([0, 0, 0, 0x41], &[0])).unwrap();
        assert_eq!((one.cids.len(), one.cid(0x41)), (1, Some(5)));
        // A CID range to text (kind 5) that wraps round is refused.
        let text_range = |start: [u8; 2], delta: u8| [&[0u8, 5 << 5 | 1, 1][..], &start, &[delta, 0x4e, 0x2d]].concat();
        assert_eq!(read(&text_range([0xff, 0xff], 1)).err(), Some(Malformed));
        let (two, _) = read(&text_range([0, 1], 1)).unwrap();
        assert_eq!((two.text(1), two.text(2)), (Some("中".into()), Some("丮".into())));
        let (one, _) = read(&text_range([0, 1], 0)).unwrap();
        assert_eq!((one.text(1), one.text(2)), (Some("中".into()), None));
        // Unknown metadata is skipped; an unknown record kind is refused.
        assert!(read(&[0, 0xe0 | 5]).is_ok());
        assert_eq!(read(&[0, 6 << 5, 1]).err(), Some(Malformed));
        assert!(read(&[]).is_err());
    }
}
