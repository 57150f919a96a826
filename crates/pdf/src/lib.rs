//! A PDF's text as positioned runs, for [`tongwen::positioned`].
//!
//! The engine reads positioned text and never links a PDF parser; this
//! crate is the native extractor the CLI and `build-site` use. lopdf
//! parses the file, decrypts one that opens without a password, and reads
//! fonts' ToUnicode CMaps and encodings; [`content`] interprets the text
//! operators of each page and [`fonts`] gives each glyph its text and
//! width. Every glyph becomes a [`Run`] in the engine's frame: points from
//! the page's top left, `y` at the baseline.
//!
//! Why not pdf-extract, which does this on lopdf too: measured on the
//! typeset pages, it misreads the `c_first c_last w` form of a CIDFont's
//! `W` array, so every digit advanced one em, and the glyphs after a number
//! landed over the next column (`272` ran into it; `5.5%，` came out `5.5，%`).
//! It also panics on malformed files in many places.
//!
//! A damaged file never takes the caller down: lopdf can panic on
//! malformed input too, so reading runs under `catch_unwind`, and a panic
//! becomes [`Refusal::PdfDamaged`].

mod cmap;
mod content;
mod fonts;

use tongwen::intake::Refusal;
use tongwen::positioned::{PositionedDocument, PositionedPage};

/// Reads a PDF's text with places and sizes. Refuses an encrypted PDF
/// (one that needs a password), a damaged one, and one with pages but no
/// text at all (a scan: it needs OCR).
pub fn extract(bytes: &[u8]) -> Result<PositionedDocument, Refusal> {
    let doc = match std::panic::catch_unwind(|| read(bytes)) {
        Ok(result) => result?,
        Err(panic) => {
            let detail = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_else(|| "the reader stopped".into());
            return Err(Refusal::PdfDamaged { detail });
        }
    };
    if !doc.has_text() {
        return Err(Refusal::PdfWithoutText { pages: doc.pages.len() });
    }
    Ok(doc)
}

fn read(bytes: &[u8]) -> Result<PositionedDocument, Refusal> {
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(lopdf::Error::Decryption(_)) => return Err(Refusal::Encrypted),
        Err(e) => return Err(Refusal::PdfDamaged { detail: e.to_string() }),
    };
    // lopdf opens a PDF encrypted with an empty user password (one that
    // only restricts printing or copying) and keeps its decryption state;
    // one that needs a password stays encrypted.
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(Refusal::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(Refusal::PdfDamaged { detail: "it has no pages".into() });
    }
    Ok(PositionedDocument { pages: pages.values().map(|&id| page(&doc, id)).collect() })
}

/// One page: its media box (inherited from the page tree when the page
/// has none) and the glyphs its content shows.
fn page(doc: &lopdf::Document, id: lopdf::ObjectId) -> PositionedPage {
    let media_box = media_box(doc, id).unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let [llx, lly, urx, ury] = media_box;
    let mut reader = content::PageReader::new(doc, llx, ury);
    let (own, inherited) = doc.get_page_resources(id).unwrap_or((None, Vec::new()));
    let resources: Vec<&lopdf::Dictionary> = own.into_iter().chain(inherited.iter().filter_map(|&r| doc.get_dictionary(r).ok())).collect();
    if let Ok(content) = doc.get_page_content(id) {
        reader.read(&content, &resources, content::Matrix::IDENTITY, 0);
    }
    PositionedPage { width: (urx - llx).abs(), height: (ury - lly).abs(), runs: reader.into_runs() }
}

fn media_box(doc: &lopdf::Document, mut id: lopdf::ObjectId) -> Option<[f32; 4]> {
    // The page tree is walked up a bounded number of steps: a cycle in a
    // damaged file ends the walk.
    for _ in 0..64 {
        let dict = doc.get_dictionary(id).ok()?;
        if let Ok(b) = dict.get(b"MediaBox").and_then(|o| doc.dereference(o)).and_then(|(_, o)| o.as_array()) {
            let v: Vec<f32> = b.iter().filter_map(|o| o.as_float().ok()).collect();
            let b: [f32; 4] = v.try_into().ok()?;
            return b.iter().all(|x| x.is_finite()).then_some([b[0].min(b[2]), b[1].min(b[3]), b[0].max(b[2]), b[1].max(b[3])]);
        }
        id = dict.get(b"Parent").and_then(lopdf::Object::as_reference).ok()?;
    }
    None
}
