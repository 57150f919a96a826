//! Scoring the reflow on the second generator's pages: real news items
//! typeset by Chromium's print-to-PDF and extracted by pdftotext (default,
//! `-raw`, `-layout`) and pdf.js (`scripts/typeset.mjs` makes them; a fixed
//! sample is committed in `tests/fixtures/typeset/`).
//!
//! The extracted text is not the generator's own, so gold cannot be offsets
//! into it. It is text: a paragraph start is found when a reflowed
//! paragraph opens with the same 20 characters as a gold paragraph, a
//! paragraph is exact when its whole text is a gold paragraph's, and a
//! title when it equals a gold title (white space never counts; each gold
//! item is matched once).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{body_texts, ReflowScore};

/// One page's gold: its articles, or parts of articles, as typeset.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPage {
    pub articles: Vec<GoldPiece>,
}

/// An article as printed on the page; the continuation of an article from
/// another page has no title.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPiece {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub layout: GoldLayout,
}

/// How the piece was set, as far as scoring asks.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldLayout {
    /// The body's line height over its type size; pages typeset before it
    /// was drawn per page (session 19) were all set at 1.55.
    pub leading: Option<f64>,
}

/// The leading above which poppler's default mode keeps no two lines in
/// one block (its `maxLineSpacingDelta`), and columns set side by side come
/// out line by line, interleaved.
pub const POPPLER_BLOCK_LEADING: f64 = 1.5;

impl GoldPage {
    /// The page's body leading (1.55 where the gold does not say).
    pub fn leading(&self) -> f64 {
        self.articles.first().and_then(|a| a.layout.leading).unwrap_or(1.55)
    }
}

/// Characters that identify where a paragraph starts.
const OPENING: usize = 20;

/// `s` without white space, as paragraphs and titles are compared.
pub fn visible(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn opening(s: &str) -> String {
    s.chars().take(OPENING).collect()
}

/// Takes one of `key` from `pool`, if there is one left.
fn take(pool: &mut HashMap<String, usize>, key: &str) -> bool {
    match pool.get_mut(key) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    }
}

fn counts(keys: impl IntoIterator<Item = String>) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for k in keys {
        *m.entry(k).or_default() += 1;
    }
    m
}

/// Scores the reflow of one extracted page against its gold.
pub fn score_extracted(text: &str, gold: &GoldPage) -> ReflowScore {
    score_document(&tongwen::analyze_document("page.txt", text.as_bytes()), gold)
}

/// Scores one page read by layout from its positioned text against its gold.
pub fn score_positioned(positioned: &tongwen::positioned::PositionedDocument, gold: &GoldPage) -> ReflowScore {
    score_document(&tongwen::analysis::analyze_positioned("page.pdf", positioned).0, gold)
}

/// Scores one reflowed page against its gold.
pub fn score_document(doc: &tongwen::DocumentAnalysis, gold: &GoldPage) -> ReflowScore {
    let found = body_texts(doc);
    let gold_paragraphs: Vec<String> = gold.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| visible(p))).collect();
    let mut openings = counts(gold_paragraphs.iter().map(|p| opening(p)));
    let mut whole = counts(gold_paragraphs.iter().cloned());
    let boundary_hits = found.iter().filter(|p| take(&mut openings, &opening(p))).count();
    let exact_paragraphs = found.iter().filter(|p| take(&mut whole, p)).count();
    let gold_titles: Vec<String> = gold.articles.iter().filter_map(|a| a.title.as_deref().map(visible)).collect();
    let found_titles: Vec<String> = doc.articles.iter().filter_map(|a| a.title.as_deref().map(visible)).collect();
    let mut titles = counts(gold_titles.iter().cloned());
    let exact_titles = found_titles.iter().filter(|t| take(&mut titles, t)).count();
    ReflowScore {
        gold_paragraphs: gold_paragraphs.len(),
        found_paragraphs: found.len(),
        boundary_hits,
        exact_paragraphs,
        gold_titles: gold_titles.len(),
        exact_titles,
        found_titles: found_titles.len(),
    }
}

/// The extraction modes, as `scripts/typeset.mjs` names its folders.
pub const MODES: [&str; 4] = ["default", "raw", "layout", "pdfjs"];

/// The extractors a typeset directory's PDFs are read by layout with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfReader {
    /// `tongwen-pdf`, the native reader (`pdf/NNN.pdf`).
    Native,
    /// pdf.js's text items, as `scripts/typeset.mjs` saved them
    /// (`pdfjs-runs/NNN.json`).
    PdfJs,
}

/// Scores every page of a typeset directory read by layout with `reader`
/// (against `gold/NNN.json`), with how many PDFs the reader refused. None
/// if the directory holds none of that reader's input.
pub fn evaluate_pdf_dir(dir: &Path, reader: PdfReader) -> Option<(ReflowScore, usize)> {
    let mut total = ReflowScore::default();
    let (mut pages, mut refused) = (0, 0);
    for (stem, gold) in golds(dir)? {
        let positioned = match reader {
            PdfReader::Native => {
                let Ok(pdf) = std::fs::read(dir.join("pdf").join(format!("{stem}.pdf"))) else { continue };
                tongwen_pdf::extract(&pdf).ok()
            }
            PdfReader::PdfJs => {
                let Ok(json) = std::fs::read_to_string(dir.join("pdfjs-runs").join(format!("{stem}.json"))) else { continue };
                serde_json::from_str(&json).ok()
            }
        };
        pages += 1;
        match positioned {
            Some(p) => total.add(score_positioned(&p, &gold)),
            None => refused += 1,
        }
    }
    (pages > 0).then_some((total, refused))
}

/// Every page's gold in a typeset directory, by file stem, in order.
fn golds(dir: &Path) -> Option<Vec<(String, GoldPage)>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("gold")).ok()?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    paths.sort();
    Some(
        paths
            .into_iter()
            .filter_map(|g| {
                let stem = g.file_stem()?.to_string_lossy().into_owned();
                let gold = serde_json::from_str::<GoldPage>(&std::fs::read_to_string(&g).ok()?).ok()?;
                Some((stem, gold))
            })
            .collect(),
    )
}

/// Scores every page of one extraction mode in a typeset directory
/// (`gold/NNN.json` beside `<mode>/NNN.txt`). None if it holds no pages.
pub fn evaluate_dir(dir: &Path, mode: &str) -> Option<ReflowScore> {
    evaluate_dir_where(dir, mode, |_| true)
}

/// How many pages of a typeset directory `keep` says yes to.
pub fn pages_where(dir: &Path, keep: impl Fn(&GoldPage) -> bool) -> usize {
    golds(dir).map_or(0, |g| g.iter().filter(|(_, g)| keep(g)).count())
}

/// [`evaluate_dir`] on the pages whose gold `keep` says yes to (those set
/// loosely or tightly, say).
pub fn evaluate_dir_where(dir: &Path, mode: &str, keep: impl Fn(&GoldPage) -> bool) -> Option<ReflowScore> {
    let mut total = ReflowScore::default();
    let mut pages = 0;
    for (stem, gold) in golds(dir)?.into_iter().filter(|(_, g)| keep(g)) {
        let Ok(text) = std::fs::read_to_string(dir.join(mode).join(format!("{stem}.txt"))) else { continue };
        total.add(score_extracted(&text, &gold));
        pages += 1;
    }
    (pages > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(title: Option<&str>, paragraphs: &[&str]) -> GoldPiece {
        GoldPiece { title: title.map(str::to_owned), subtitle: None, byline: None, paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(), layout: GoldLayout::default() }
    }

    #[test]
    fn a_clean_dump_scores_full_and_a_glued_one_does_not() {
        let p1 = "国务院总理李强25日在京会见国际货币基金组织总裁格奥尔基耶娃，双方就中国经济形势交换了意见。";
        let p2 = "李强表示，今年以来，中国经济回升向好的态势不断巩固增强，实现良好开局，为完成全年目标打下坚实基础。";
        let gold = GoldPage { articles: vec![piece(Some("李强会见国际货币基金组织总裁"), &[p1, p2])] };
        let clean = format!("李强会见国际货币基金组织总裁\n\n{p1}\n\n{p2}\n");
        let s = score_extracted(&clean, &gold);
        assert_eq!((s.gold_paragraphs, s.boundary_hits, s.exact_paragraphs, s.exact_titles), (2, 2, 2, 1), "{s:?}");
        assert!((s.f1() - 1.0).abs() < 1e-9 && (s.title_f1() - 1.0).abs() < 1e-9);
        // The two paragraphs glued into one: one start found, nothing exact.
        let glued = format!("李强会见国际货币基金组织总裁\n\n{p1}{p2}\n");
        let s = score_extracted(&glued, &gold);
        assert_eq!((s.boundary_hits, s.exact_paragraphs), (1, 0), "{s:?}");
        assert!(s.recall() < 0.6);
    }
}
