//! From glyphs to lines, and from lines to blocks.
//!
//! A line is glyphs of one size on one baseline with no gap wider than a
//! column gap between them; lines of neighbouring columns share baselines
//! and are told apart by that gap. A block is lines stacked in one column,
//! in one size, at line pitch: a column of body text between a headline
//! and a photo, a headline of two lines, a caption.

use super::{PositionedPage, Run};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub ch: char,
    pub x: f32,
    pub width: f32,
    /// Baseline, from the page's top.
    pub y: f32,
    pub size: f32,
    /// Where the glyph came in the page's content: a line's glyphs are
    /// read in this order, which an extractor's places can get wrong where
    /// a font's widths are wrong (a comma placed over the `%` before it).
    pub seq: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub glyphs: Vec<Glyph>,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub lines: Vec<Line>,
    pub size: f32,
}

impl Block {
    pub fn left(&self) -> f32 {
        self.lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min)
    }
    pub fn right(&self) -> f32 {
        self.lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max)
    }
    /// The top of the first line's glyphs (a glyph rises about its size
    /// above the baseline).
    pub fn top(&self) -> f32 {
        self.lines.first().map_or(0.0, |l| l.y - l.size)
    }
    /// The bottom of the last line's descenders.
    pub fn bottom(&self) -> f32 {
        self.lines.last().map_or(0.0, |l| l.y + 0.25 * l.size)
    }
    pub fn text(&self) -> String {
        self.lines.iter().flat_map(|l| l.glyphs.iter().map(|g| g.ch)).collect()
    }
}

/// Two glyphs farther apart than this many font sizes are in different
/// columns: justification stretches a line by a fraction of a cell, a
/// column gap is a cell or more (less the overstated width a font may
/// give the last glyph of a line).
const COLUMN_GAP: f32 = 0.6;
/// Glyphs set one after the other in the content are one line unless
/// this many sizes apart.
const WIDE_GAP: f32 = 3.0;
/// The same glyph less than this many sizes from itself is overprinted.
const OVERPRINT: f32 = 0.2;
/// Baselines closer than this many font sizes are one baseline.
const SAME_BASELINE: f32 = 0.3;
/// The farthest the next line of a block sits below the last, in sizes
/// (line pitch is 1.2–1.8 sizes; a paragraph space adds a little).
const MAX_PITCH: f32 = 2.3;
/// How far a line may start right of its block's left edge (an indented
/// first line) or left of it (the line after an indented one), in sizes.
const MAX_INDENT: f32 = 3.2;

fn finite_or(v: f32, or: f32) -> f32 {
    if v.is_finite() {
        v
    } else {
        or
    }
}

/// Each character of a run as a glyph, the run's width shared out evenly.
/// Places that are not finite become the page's corner, sizes that are not
/// positive become 1, so every character stays in the layout.
fn glyphs_of(run: &Run) -> impl Iterator<Item = Glyph> + '_ {
    let n = run.text.chars().filter(|c| !c.is_control()).count().max(1) as f32;
    let size = finite_or(run.size, 1.0).abs().max(0.01);
    let (x, y) = (finite_or(run.x, 0.0), finite_or(run.y, 0.0));
    let width = finite_or(run.width, 0.0).max(0.0);
    let step = width / n;
    run.text.chars().filter(|c| !c.is_control()).enumerate().map(move |(k, ch)| Glyph { ch, x: x + step * k as f32, width: step, y, size, seq: 0 })
}

/// The size most characters of `blocks` are set in (to the half point):
/// the body's. 1 for no text.
pub fn body_size<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for line in blocks.into_iter().flat_map(|b| &b.lines) {
        let size = (line.size * 2.0).round() / 2.0;
        match counts.iter_mut().find(|(s, _)| *s == size) {
            Some((_, n)) => *n += line.glyphs.len(),
            None => counts.push((size, line.glyphs.len())),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map_or(1.0, |(s, _)| s)
}

pub fn same_size(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.08 * a.max(b)
}

/// The page's lines, top to bottom and left to right.
pub fn lines(page: &PositionedPage) -> Vec<Line> {
    let mut glyphs: Vec<Glyph> = page.runs.iter().flat_map(glyphs_of).enumerate().map(|(seq, g)| Glyph { seq, ..g }).collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out = Vec::new();
    let mut row: Vec<Glyph> = Vec::new();
    let flush = |row: &mut Vec<Glyph>, out: &mut Vec<Line>| {
        // One baseline may hold several sizes (a headline beside a column):
        // each size is read apart, then split at column gaps.
        row.sort_by(|a, b| a.size.total_cmp(&b.size).then(a.x.total_cmp(&b.x)));
        let mut start = 0;
        for k in 1..=row.len() {
            if k == row.len() || !same_size(row[start].size, row[k].size) {
                let mut same: Vec<Glyph> = row[start..k].to_vec();
                same.sort_by(|a, b| a.x.total_cmp(&b.x));
                // A glyph drawn again over itself is one glyph: producers
                // fake bold type by printing a line twice, a hair apart.
                same.dedup_by(|later, kept| later.ch == kept.ch && !later.ch.is_whitespace() && (later.x - kept.x).abs() < OVERPRINT * kept.size && (later.y - kept.y).abs() < OVERPRINT * kept.size);
                split_at_gaps(same, out);
                start = k;
            }
        }
        row.clear();
    };
    for g in glyphs {
        if let Some(first) = row.first() {
            if g.y - first.y > SAME_BASELINE * first.size.min(g.size) {
                flush(&mut row, &mut out);
            }
        }
        row.push(g);
    }
    flush(&mut row, &mut out);
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    out
}

fn split_at_gaps(glyphs: Vec<Glyph>, out: &mut Vec<Line>) {
    let mut line: Vec<Glyph> = Vec::new();
    // Where the last inked glyph ends. Glyphs set one after another in the
    // content are one line across any gap a line holds (a full-width
    // space after a dateline's 电, letter-spaced words); a glyph from
    // elsewhere in the content is another column's past a column gap.
    let mut ink_end: Option<f32> = None;
    for g in glyphs {
        let set_with = line.last().is_some_and(|p| g.seq == p.seq + 1);
        let gap = ink_end.map_or(0.0, |end| g.x - end);
        if ink_end.is_some() && gap > if set_with { WIDE_GAP } else { COLUMN_GAP } * g.size {
            out.push(line_of(std::mem::take(&mut line)));
            ink_end = None;
        }
        if !g.ch.is_whitespace() {
            ink_end = Some(ink_end.map_or(g.x + g.width, |end: f32| end.max(g.x + g.width)));
        }
        line.push(g);
    }
    if !line.is_empty() {
        out.push(line_of(line));
    }
}

fn line_of(mut glyphs: Vec<Glyph>) -> Line {
    glyphs.sort_by_key(|g| g.seq);
    // Spaces at either end take no part in where the line sits.
    let inked = || glyphs.iter().filter(|g| !g.ch.is_whitespace());
    let x0 = inked().map(|g| g.x).fold(f32::INFINITY, f32::min);
    let x1 = inked().map(|g| g.x + g.width).fold(f32::NEG_INFINITY, f32::max);
    let (x0, x1) = if x0.is_finite() { (x0, x1) } else { (glyphs[0].x, glyphs[0].x) };
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    let y = glyphs.iter().map(|g| g.y).sum::<f32>() / glyphs.len() as f32;
    Line { glyphs, x0, x1, y, size }
}

/// The page's blocks, in the order their first lines come down the page.
pub fn blocks(page: &PositionedPage) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Blocks still open: a line can join only the block whose last line is
    // right above it in the same column.
    for line in lines(page) {
        let fits = |b: &Block| {
            let last = b.lines.last().expect("a block has a line");
            let pitch = line.y - last.y;
            let overlap = line.x1.min(b.right()) - line.x0.max(b.left());
            let narrower = (line.x1 - line.x0).min(b.right() - b.left()).max(line.size);
            same_size(b.size, line.size)
                && pitch > SAME_BASELINE * line.size
                && pitch <= MAX_PITCH * line.size
                && overlap >= 0.5 * narrower.min(line.size * 4.0).max(0.0)
                && (line.x0 - b.left()).abs() <= MAX_INDENT * line.size
        };
        let best = blocks.iter().enumerate().filter(|(_, b)| fits(b)).min_by(|(_, a), (_, b)| {
            let da = line.y - a.lines.last().map_or(0.0, |l| l.y);
            let db = line.y - b.lines.last().map_or(0.0, |l| l.y);
            da.total_cmp(&db)
        });
        match best.map(|(k, _)| k) {
            // Only the block nearest above takes it: a later line of a
            // block never passes another line of the same column.
            Some(k) => blocks[k].lines.push(line),
            None => blocks.push(Block { size: line.size, lines: vec![line] }),
        }
    }
    blocks
}
