//! Reflow: from a raw page dump to articles and clean paragraphs.
//! (Foundation stub: groups lines into blocks; the real reflow follows.)

use crate::model::{Article, Block, BlockKind, DocumentAnalysis, Paragraph, Span};

/// Reflows `text`; every non-whitespace character ends up in exactly one piece.
pub fn reflow(doc_id: &str, text: &str) -> (Vec<Article>, Vec<Block>) {
    let _ = doc_id;
    let mut other = Vec::new();
    let mut cur = Paragraph::default();
    let mut pos = 0usize;
    for line in text.split_inclusive('\n') {
        let n = line.chars().count();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            if !cur.text.is_empty() {
                other.push(Block { kind: BlockKind::Fragment, text: std::mem::take(&mut cur.text), spans: std::mem::take(&mut cur.spans) });
            }
        } else {
            cur.text.push_str(body.trim());
            let span: Span = [pos, pos + body.chars().count()];
            cur.spans.push(span);
        }
        pos += n;
    }
    if !cur.text.is_empty() {
        other.push(Block { kind: BlockKind::Fragment, text: cur.text, spans: cur.spans });
    }
    (Vec::new(), other)
}

/// Fills the reflow fields of `doc` from `text`.
pub fn reflow_into(doc: &mut DocumentAnalysis, text: &str) {
    let (articles, other) = reflow(&doc.id, text);
    doc.articles = articles;
    doc.other = other;
}
