//! Blocks in reading order to articles, by size and place.
//!
//! The body size is the size most characters are set in. A block much
//! larger is a headline, a little larger a subtitle (or a crosshead, once
//! an article's body has begun), smaller a byline or a caption; a block in
//! the page's top or bottom margin band is furniture. A headline opens an
//! article; body lines join its paragraphs, and an indented line starts a
//! new one. A document that shows neither size nor indentation is read by
//! the text reflow's rules instead.

use super::lines::{same_size, Block, Line};
use super::Placed;
use crate::model::{Article, BlockKind, Marker, Paragraph};
use crate::reflow::patterns;
use crate::reflow::piece::Piece;
use crate::reflow::Reflowed;
use crate::text::Space;

/// Sizes at least this many times the body size are headlines.
const HEADLINE: f32 = 1.3;
/// Sizes at least this many times the body size are subtitles.
const SUBTITLE: f32 = 1.08;
/// Sizes below this many times the body size are bylines and captions.
const SMALL: f32 = 0.95;
/// A block of small type this many lines long that is no caption is
/// running text (a sidebar, a 链接 box set a size down), never a byline.
const RUNNING_LINES: usize = 3;
/// The share of the page's height at its top and at its bottom where
/// headers and footers sit.
const MARGIN_BAND: f32 = 0.06;
/// A line starting this many sizes right of its column's left edge is
/// indented (papers indent two cells).
const INDENT: f32 = 1.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Furniture,
    Headline,
    Subtitle,
    Small,
    Body,
}

fn role(block: &Block, body: f32, page_height: f32) -> Role {
    let band = MARGIN_BAND * page_height;
    let in_margin = page_height > 0.0 && (block.bottom() <= band || block.top() >= page_height - band);
    // Headers and footers are set small, or say what they are; body text
    // that runs into the margin band (a column's last line) stays body.
    if (in_margin && block.size < body * SMALL) || (block.lines.len() == 1 && (in_margin || block.size <= body * SUBTITLE) && patterns::is_furniture(&block.text())) {
        return Role::Furniture;
    }
    if block.size >= body * HEADLINE {
        Role::Headline
    } else if block.size >= body * SUBTITLE {
        Role::Subtitle
    } else if block.size < body * SMALL && (block.lines.len() < RUNNING_LINES || super::is_caption(&block.text())) {
        Role::Small
    } else {
        Role::Body
    }
}

/// An article being built.
#[derive(Default)]
struct Draft {
    title: Option<Piece>,
    /// The size the title is set in.
    title_size: f32,
    subtitle: Option<Piece>,
    byline: Option<Piece>,
    /// Body lines: (page, block, line) and whether a heading paragraph.
    body: Vec<BodyLine>,
    markers: Vec<Marker>,
}

#[derive(Clone, Copy)]
struct BodyLine {
    page: usize,
    block: usize,
    line: usize,
    heading: bool,
}

impl Draft {
    fn has_body(&self) -> bool {
        !self.body.is_empty()
    }
}

/// A block's lines as one piece: lines joined, justification spaces gone.
fn piece_of(src: &[char], lines: &[(usize, usize)], names: bool) -> Piece {
    let mut p = Piece::default();
    for &(b, e) in lines {
        if p.is_empty() {
            p.push_range(src, b, e);
        } else {
            p.push_line(src, b, e, b - 1);
        }
    }
    p.clean_spaces(names);
    p
}

pub fn assemble(doc_id: &str, src: &[char], pages: &[Vec<Block>], placed: &Placed, heights: &[f32]) -> Reflowed {
    let body = super::lines::body_size(pages.iter().flatten());
    let roles: Vec<Vec<Role>> = pages.iter().zip(heights).map(|(blocks, &h)| blocks.iter().map(|b| role(b, body, h)).collect()).collect();
    let all_lines = || pages.iter().flatten().flat_map(|b| &b.lines);
    let varied = all_lines().any(|l| (l.size - body).abs() > 0.08 * body);
    let indented = pages.iter().zip(&roles).any(|(blocks, roles)| {
        blocks.iter().zip(roles).filter(|(_, r)| **r == Role::Body).any(|(b, _)| b.lines.iter().any(|l| l.x0 - b.left() >= INDENT * l.size))
    });
    if !varied && !indented {
        return crate::reflow::reflow_chars(doc_id, src);
    }

    let mut drafts: Vec<Draft> = Vec::new();
    let mut other: Vec<crate::model::Block> = Vec::new();
    let push_other = |other: &mut Vec<crate::model::Block>, kind: BlockKind, p: Piece| {
        if !p.is_blank() {
            other.push(crate::model::Block { kind, text: p.text(), spans: p.spans(src) });
        }
    };
    for (pg, blocks) in pages.iter().enumerate() {
        let mut headline_on_page = false;
        for (bk, block) in blocks.iter().enumerate() {
            headline_on_page |= roles[pg][bk] == Role::Headline;
            let lines = &placed[pg][bk];
            let names = matches!(roles[pg][bk], Role::Small | Role::Furniture);
            let piece = piece_of(src, lines, names);
            if piece.is_blank() {
                continue;
            }
            let text = piece.text();
            let open = drafts.last_mut();
            match roles[pg][bk] {
                Role::Furniture => push_other(&mut other, BlockKind::Furniture, piece),
                Role::Headline => match open {
                    Some(d) if d.title.is_some() && d.byline.is_none() && !d.has_body() && d.subtitle.is_none() => {
                        let title = d.title.as_mut().expect("checked");
                        if same_size(block.size, d.title_size) {
                            // A headline set in two blocks (cut apart by the layout) is one.
                            title.append(piece);
                        } else if block.size < d.title_size {
                            d.subtitle = Some(piece);
                        } else {
                            // A smaller line above the headline is its kicker (引题).
                            d.subtitle = Some(std::mem::replace(title, piece));
                            d.title_size = block.size;
                        }
                    }
                    _ => drafts.push(Draft { title: Some(piece), title_size: block.size, ..Default::default() }),
                },
                Role::Subtitle => match open {
                    Some(d) if d.title.is_some() && d.subtitle.is_none() && !d.has_body() => d.subtitle = Some(piece),
                    Some(d) => d.body.extend((0..lines.len()).map(|line| BodyLine { page: pg, block: bk, line, heading: true })),
                    None => drafts.push(Draft { title: Some(piece), title_size: block.size, ..Default::default() }),
                },
                Role::Small if super::is_caption(&text) => push_other(&mut other, BlockKind::Caption, piece),
                Role::Small => match open {
                    Some(d) if !d.has_body() && d.byline.is_none() => d.byline = Some(piece),
                    _ => push_other(&mut other, BlockKind::Caption, piece),
                },
                Role::Body => {
                    if drafts.is_empty() {
                        drafts.push(Draft::default());
                    }
                    let target = if headline_on_page { drafts.len() - 1 } else { carried_over(src, pages, placed, &drafts, pg, block) };
                    let d = &mut drafts[target];
                    if !d.has_body() && d.byline.is_none() && block.lines.len() == 1 && patterns::is_byline(&text) {
                        d.byline = Some(piece);
                        continue;
                    }
                    for (k, &(b, e)) in lines.iter().enumerate() {
                        let line_text: String = src[b..e].iter().collect();
                        let marks = patterns::markers(line_text.trim());
                        if let [(0, end, kind)] = marks[..] {
                            if end == line_text.trim().chars().count() {
                                let p = Piece::from_range(src, b, e);
                                d.markers.push(Marker { kind, text: { let mut t = p.clone(); t.trim(); t.text() }, spans: p.spans(src) });
                                continue;
                            }
                        }
                        d.body.push(BodyLine { page: pg, block: bk, line: k, heading: false });
                    }
                }
            }
        }
    }

    let mut articles = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let paragraphs = paragraphs(src, pages, placed, &draft.body, indented);
        if draft.title.is_none() && paragraphs.is_empty() && draft.byline.is_none() && draft.markers.is_empty() {
            continue;
        }
        let mut article = Article { id: format!("{doc_id}#{}", articles.len() + 1), ..Default::default() };
        let mut offsets: Vec<usize> = Vec::new();
        let mut take = |p: &Piece| offsets.extend(p.chars().iter().zip(p.offsets()).filter(|(c, _)| !c.is_space()).map(|(_, &o)| o));
        if let Some(t) = &draft.title {
            take(t);
            (article.title, article.title_spans) = (Some(t.text()), t.spans(src));
        }
        if let Some(t) = &draft.subtitle {
            take(t);
            (article.subtitle, article.subtitle_spans) = (Some(t.text()), t.spans(src));
        }
        if let Some(t) = &draft.byline {
            take(t);
            (article.byline, article.byline_spans) = (Some(t.text()), t.spans(src));
        }
        for (k, (mut p, heading)) in paragraphs.into_iter().enumerate() {
            take(&p);
            if k == 0 && !heading {
                if let Some(n) = patterns::opening_dateline_len(&p.text()) {
                    let (mut dateline, mut rest) = p.split_at(n);
                    dateline.trim();
                    rest.trim();
                    if !dateline.is_empty() && !rest.is_empty() {
                        (article.dateline, article.dateline_spans) = (Some(dateline.text()), dateline.spans(src));
                        p = rest;
                    }
                }
            }
            article.paragraphs.push(Paragraph { text: p.text(), spans: p.spans(src), heading, ..Default::default() });
        }
        for m in &draft.markers {
            offsets.extend(m.spans.iter().flat_map(|&[b, e]| b..e).filter(|&o| !src[o].is_space()));
        }
        article.markers = draft.markers;
        offsets.sort_unstable();
        article.spans = crate::model::spans_from_offsets(offsets, src);
        articles.push(article);
    }
    Reflowed { articles, other, markup: Vec::new(), interleaved_lines: 0 }
}

/// Does the line at `src[b..e]` end a sentence?
fn ends_sentence(src: &[char], b: usize, e: usize) -> bool {
    crate::text::ends_sentence(src[b..e].iter().collect::<String>().trim())
}

/// Which article the body `block` at the top of page `pg` (before any
/// headline there) goes on. Two articles side by side can run over
/// together, so it is the one whose body stood in the same column at the
/// foot of the page before; a block that goes on with a paragraph (its
/// first line not indented) goes only on an article whose last sentence
/// there was left unfinished. Else the article read last.
fn carried_over(src: &[char], pages: &[Vec<Block>], placed: &Placed, drafts: &[Draft], pg: usize, block: &Block) -> usize {
    let last = drafts.len() - 1;
    let Some(prev) = pg.checked_sub(1) else { return last };
    let left = block.left();
    let goes_on = block.lines.first().is_some_and(|l| l.x0 - left < INDENT * l.size);
    let unfinished = |l: &BodyLine| {
        let (b, e) = placed[l.page][l.block][l.line];
        !ends_sentence(src, b, e)
    };
    let candidates: Vec<(usize, f32)> = drafts
        .iter()
        .enumerate()
        .filter_map(|(k, d)| {
            let l = d.body.last().filter(|l| l.page == prev && (!goes_on || unfinished(l)))?;
            Some((k, (pages[l.page][l.block].left() - left).abs()))
        })
        .collect();
    let size = block.size;
    let same_column = candidates.iter().filter(|(_, distance)| *distance <= size).min_by(|a, b| a.1.total_cmp(&b.1));
    match (same_column, goes_on) {
        (Some(&(k, _)), _) => k,
        // A paragraph goes on from the one article left unfinished.
        (None, true) if candidates.len() == 1 => candidates[0].0,
        _ => last,
    }
}

/// An article's body lines as paragraphs. A line starts a paragraph when
/// it is indented from its column's left edge, or, in a document that
/// never indents, when the line before it stopped short of the column's
/// right edge; a heading line is a paragraph of its own.
fn paragraphs(src: &[char], pages: &[Vec<Block>], placed: &Placed, body: &[BodyLine], indented: bool) -> Vec<(Piece, bool)> {
    let line = |l: &BodyLine| -> &Line { &pages[l.page][l.block].lines[l.line] };
    // The article's body lines page by page, so a line's column is looked
    // for on its own page only (an article may run over many).
    let mut on_page: std::collections::HashMap<usize, Vec<&Line>> = std::collections::HashMap::new();
    for l in body.iter().filter(|l| !l.heading) {
        on_page.entry(l.page).or_default().push(line(l));
    }
    // Each line's column: the article's body lines on its page that
    // overlap it; the column's edges are their outermost.
    let edges = |l: &BodyLine| -> (f32, f32) {
        let me = line(l);
        on_page.get(&l.page).into_iter().flatten().filter(|o| {
            let overlap = o.x1.min(me.x1) - o.x0.max(me.x0);
            overlap >= 0.5 * (o.x1 - o.x0).min(me.x1 - me.x0)
        })
        .fold((me.x0, me.x1), |(a, b), o| (a.min(o.x0), b.max(o.x1)))
    };
    let mut out: Vec<(Piece, bool)> = Vec::new();
    let mut open = false;
    let mut last_short = false;
    let mut last_offset = 0;
    for l in body {
        let me = line(l);
        let (b, e) = placed[l.page][l.block][l.line];
        let (left, right) = edges(l);
        let starts = if l.heading {
            true
        } else if indented {
            me.x0 - left >= INDENT * me.size
        } else {
            last_short
        };
        if l.heading || starts || !open {
            out.push((Piece::from_range(src, b, e), l.heading));
        } else {
            let last = out.last_mut().expect("open");
            last.0.push_line(src, b, e, last_offset.min(b.saturating_sub(1)));
        }
        open = !l.heading;
        last_short = right - me.x1 >= 1.5 * me.size && ends_sentence(src, b, e);
        last_offset = e;
    }
    for (p, _) in &mut out {
        p.clean_spaces(false);
    }
    out.retain(|(p, _)| !p.is_blank());
    out
}
