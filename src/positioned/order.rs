//! Reading order by recursive XY-cut.
//!
//! A page is cut at a white gap that crosses it, across or down, and each
//! part is read in turn (top before bottom, left before right). Newspaper
//! pages are stacks of sections, so a cut across is taken whenever one
//! exists, widest first, except one right under a headline, a subtitle or
//! a byline: that would part a head from its body, which happens when
//! articles stand side by side with their heads level. Otherwise the
//! widest gap down is cut (between articles side by side, or between the
//! columns of one).

use super::lines::Block;

/// A block's box: left, top, right, bottom.
type Box4 = [f32; 4];

/// The order in which to read `blocks`, as indices into it.
pub fn reading_order(blocks: &[Block]) -> Vec<usize> {
    let boxes: Vec<Box4> = blocks.iter().map(|b| [b.left(), b.top(), b.right(), b.bottom()]).collect();
    let body = super::lines::body_size(blocks);
    // A head is set larger or smaller than the body (a headline, a
    // subtitle, a byline); a caption is small too, but says what it is.
    let heads: Vec<bool> = blocks.iter().map(|b| b.size > 1.05 * body || (b.size < 0.95 * body && !super::is_caption(&b.text()))).collect();
    let mut out = Vec::with_capacity(blocks.len());
    cut(&boxes, &heads, (0..blocks.len()).collect(), &mut out);
    out
}

/// Every gap in the union of `spans` (begin, end), as (width, where to
/// cut), in order along the axis.
fn gaps(mut spans: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let Some(&(_, first_end)) = spans.first() else { return Vec::new() };
    let mut reach = first_end;
    let mut out = Vec::new();
    for &(begin, end) in &spans[1..] {
        if begin > reach {
            out.push((begin - reach, (begin + reach) / 2.0));
        }
        reach = reach.max(end);
    }
    out
}

fn widest(gaps: impl Iterator<Item = (f32, f32)>) -> Option<(f32, f32)> {
    gaps.max_by(|a, b| a.0.total_cmp(&b.0))
}

fn cut(boxes: &[Box4], heads: &[bool], items: Vec<usize>, out: &mut Vec<usize>) {
    if items.len() <= 1 {
        out.extend(items);
        return;
    }
    let across = gaps(items.iter().map(|&k| (boxes[k][1], boxes[k][3])).collect());
    // The block that ends last above a cut: a head there would be parted
    // from its body.
    let head_above = |at: f32| {
        items.iter().filter(|&&k| boxes[k][3] < at).max_by(|&&a, &&b| boxes[a][3].total_cmp(&boxes[b][3])).is_some_and(|&k| heads[k])
    };
    let clean_across = widest(across.iter().copied().filter(|&(_, at)| !head_above(at)));
    let down = || widest(gaps(items.iter().map(|&k| (boxes[k][0], boxes[k][2])).collect()).into_iter());
    let (axis, at) = match (clean_across, down(), widest(across.into_iter())) {
        (Some((_, at)), _, _) => (1, at),
        (None, Some((_, at)), _) => (0, at),
        (None, None, Some((_, at))) => (1, at),
        (None, None, None) => {
            // Overlapping boxes: read them as they come down the page.
            let mut items = items;
            items.sort_by(|&a, &b| boxes[a][1].total_cmp(&boxes[b][1]).then(boxes[a][0].total_cmp(&boxes[b][0])));
            out.extend(items);
            return;
        }
    };
    let (first, second): (Vec<usize>, Vec<usize>) = items.into_iter().partition(|&k| boxes[k][axis] < at);
    cut(boxes, heads, first, out);
    cut(boxes, heads, second, out);
}
