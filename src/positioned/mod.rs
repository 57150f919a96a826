//! Positioned text: a PDF's pages as runs of glyphs with their places and
//! sizes, read by layout rather than by guesswork.
//!
//! A text dump has thrown away what a PDF still knows: where each glyph
//! sits, how large it is, and where the page ends. With those, a column is
//! a column because it is one, a headline is large, a paragraph starts
//! where its first line is indented, and a page header sits in the top
//! margin. So a PDF is read in three passes:
//! 1. [`lines`] groups glyphs into lines and lines into blocks (a run of
//!    lines in one column, in one size);
//! 2. [`order`] puts a page's blocks in reading order by recursive XY-cut;
//! 3. [`assemble`] names each block by its size and place (furniture,
//!    headline, subtitle, byline, caption, body) and builds articles,
//!    starting paragraphs at indented lines.
//!
//! The extractor that makes a [`PositionedDocument`] lives outside the
//! engine (`crates/pdf` natively; pdf.js can make the same runs), so the
//! engine reads positioned text without linking a PDF parser.
//!
//! The document's original text is [`laid_out_text`]: every line in
//! reading order, a blank line between blocks and between pages. Every
//! piece's spans are code points into it, as for a text file.

mod assemble;
mod lines;
mod order;

use serde::{Deserialize, Serialize};

use crate::reflow::Reflowed;

/// A PDF's text, page by page, as an extractor found it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PositionedDocument {
    pub pages: Vec<PositionedPage>,
}

/// One page: its size in points and its text runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PositionedPage {
    pub width: f32,
    pub height: f32,
    pub runs: Vec<Run>,
}

/// A run of text set in one size on one baseline. `x` is its left edge and
/// `y` its baseline, both in points from the page's top left (so `y` grows
/// down the page); `width` spans the run; `size` is the font size. An
/// extractor that reports glyphs one by one gives one-character runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
}

/// A document read by layout: its original text (also as characters, which
/// every offset counts) and its reflow.
pub struct LaidOut {
    pub text: String,
    pub chars: Vec<char>,
    pub reflowed: Reflowed,
}

impl PositionedDocument {
    /// Characters of text on every page.
    pub fn chars(&self) -> usize {
        self.pages.iter().flat_map(|p| &p.runs).map(|r| r.text.chars().count()).sum()
    }

    /// Does any page hold text (not only white space)? A PDF without is a
    /// scan, or pictures: it needs OCR.
    pub fn has_text(&self) -> bool {
        self.pages.iter().flat_map(|p| &p.runs).any(|r| !r.text.trim().is_empty())
    }

    /// The document as a file the app keeps in place of the PDF it was
    /// read from (the browser reads a PDF once): JSON that opens with
    /// [`STORED_MAGIC`].
    pub fn to_stored(&self) -> Vec<u8> {
        serde_json::to_vec(&Stored { tongwen_positioned: 1, pages: &self.pages }).expect("positioned text serializes")
    }

    /// A document [`PositionedDocument::to_stored`] wrote; None for any
    /// other bytes.
    pub fn from_stored(bytes: &[u8]) -> Option<Self> {
        if !bytes.starts_with(STORED_MAGIC) {
            return None;
        }
        #[derive(Deserialize)]
        struct Read {
            pages: Vec<PositionedPage>,
        }
        serde_json::from_slice::<Read>(bytes).ok().map(|r| PositionedDocument { pages: r.pages })
    }
}

/// How a stored positioned document begins; no page dump does.
pub const STORED_MAGIC: &[u8] = b"{\"tongwen_positioned\":1,";

#[derive(Serialize)]
struct Stored<'a> {
    tongwen_positioned: u32,
    pages: &'a [PositionedPage],
}

/// Reads a positioned document into its text and articles. `doc_id` names
/// the articles (`<doc_id>#<k>`). Never panics: a run whose place is not a
/// finite number is read at the page's corner, and one whose size is not a
/// positive number at size 1, so its characters still land in the text.
pub fn read(doc_id: &str, doc: &PositionedDocument) -> LaidOut {
    let pages: Vec<Vec<lines::Block>> = doc
        .pages
        .iter()
        .map(|page| {
            let blocks = lines::blocks(page);
            let order = order::reading_order(&blocks);
            let mut blocks: Vec<Option<lines::Block>> = blocks.into_iter().map(Some).collect();
            order.into_iter().filter_map(|k| blocks[k].take()).collect()
        })
        .collect();
    let (text, placed) = laid_out_text(&pages);
    let src: Vec<char> = text.chars().collect();
    let heights: Vec<f32> = doc.pages.iter().map(|p| p.height).collect();
    let reflowed = assemble::assemble(doc_id, &src, &pages, &placed, &heights);
    LaidOut { text, chars: src, reflowed }
}

/// A photo caption or credit, by what it says (`图为…`, `…摄`).
fn is_caption(text: &str) -> bool {
    let t: String = text.split_whitespace().collect();
    crate::reflow::patterns::is_caption(&t) || crate::reflow::patterns::opens_caption_sentence(&t) || t.ends_with('摄')
}

/// A human-readable trace of the layout, for tuning: each page's blocks
/// in reading order, each line with its left edge, baseline and size.
pub fn debug_layout(doc: &PositionedDocument) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (n, page) in doc.pages.iter().enumerate() {
        let blocks = lines::blocks(page);
        let _ = writeln!(out, "=== page {} ({} × {})", n + 1, page.width, page.height);
        for k in order::reading_order(&blocks) {
            let b = &blocks[k];
            let _ = writeln!(out, "--- block {k}: size {:.1}, x {:.1}–{:.1}", b.size, b.left(), b.right());
            for l in &b.lines {
                let text: String = l.glyphs.iter().map(|g| g.ch).collect();
                let _ = writeln!(out, "{:7.1} {:7.1} {:5.1} |{text}", l.x0, l.y, l.size);
            }
        }
    }
    out
}

/// Where each line of each block landed in the text: `[page][block][line]`
/// gives the code point range of the line.
type Placed = Vec<Vec<Vec<(usize, usize)>>>;

/// The original text of a positioned document: the lines of each block in
/// reading order, one per line, a blank line after each block.
fn laid_out_text(pages: &[Vec<lines::Block>]) -> (String, Placed) {
    let mut text = String::new();
    let mut at = 0;
    let mut placed = Vec::with_capacity(pages.len());
    for page in pages {
        let mut page_placed = Vec::with_capacity(page.len());
        for block in page {
            let mut block_placed = Vec::with_capacity(block.lines.len());
            for line in &block.lines {
                let begin = at;
                for g in &line.glyphs {
                    text.push(g.ch);
                    at += 1;
                }
                block_placed.push((begin, at));
                text.push('\n');
                at += 1;
            }
            text.push('\n');
            at += 1;
            page_placed.push(block_placed);
        }
        placed.push(page_placed);
    }
    (text, placed)
}

#[cfg(test)]
mod tests;
