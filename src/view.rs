//! View models: what the reading and compare panes show, computed from the
//! analysis without any web API, so it is tested natively.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::model::{Paragraph, Passage};
use crate::reuse::normalize::fold;

/// A stretch of paragraph text and the passages (by index into the
/// analysis's passage list) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub passages: Vec<usize>,
}

/// The members of passages that lie in one article: (passage index, member index).
pub fn article_members(passages: &[Passage], article_id: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (pi, p) in passages.iter().enumerate() {
        for (mi, m) in p.members.iter().enumerate() {
            if m.article == article_id {
                out.push((pi, mi));
            }
        }
    }
    out
}

/// Cuts a paragraph into segments by the passages covering each character.
/// A character is covered when its input offset lies in a member's spans.
pub fn highlight(paragraph: &Paragraph, input: &[char], passages: &[Passage], members: &[(usize, usize)]) -> Vec<Segment> {
    // Input offset of every non-whitespace character of the text, in order.
    let mut offsets = paragraph
        .spans
        .iter()
        .flat_map(|&[b, e]| (b..e.min(input.len())).filter(|&o| !input[o].is_whitespace()));
    let mut out: Vec<Segment> = Vec::new();
    for c in paragraph.text.chars() {
        let covering: Vec<usize> = if c.is_whitespace() {
            out.last().map(|s| s.passages.clone()).unwrap_or_default()
        } else {
            match offsets.next() {
                Some(o) => members
                    .iter()
                    .filter(|&&(pi, mi)| passages[pi].members[mi].spans.iter().any(|&[b, e]| b <= o && o < e))
                    .map(|&(pi, _)| pi)
                    .collect(),
                None => Vec::new(),
            }
        };
        match out.last_mut() {
            Some(s) if s.passages == covering => s.text.push(c),
            _ => out.push(Segment { text: c.to_string(), passages: covering }),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    Same,
    /// Differs from the other witness at the same place (a substitution).
    Changed,
    /// Found in this witness only (an insertion here, a deletion there).
    Only,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSegment {
    pub kind: DiffKind,
    pub text: String,
}

/// Aligns two witnesses character by character (dash, width and quote
/// variants fold away first) and marks every difference on both sides.
pub fn compare(a: &str, b: &str) -> (Vec<DiffSegment>, Vec<DiffSegment>) {
    let ac: Vec<char> = a.chars().collect();
    let bc: Vec<char> = b.chars().collect();
    let af: Vec<char> = ac.iter().map(|&c| fold(c)).collect();
    let bf: Vec<char> = bc.iter().map(|&c| fold(c)).collect();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let push = |side: &mut Vec<DiffSegment>, kind: DiffKind, chars: &[char]| {
        if chars.is_empty() {
            return;
        }
        match side.last_mut() {
            Some(s) if s.kind == kind => s.text.extend(chars),
            _ => side.push(DiffSegment { kind, text: chars.iter().collect() }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &af, &bf) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                push(&mut left, DiffKind::Same, &ac[old_index..old_index + len]);
                push(&mut right, DiffKind::Same, &bc[new_index..new_index + len]);
            }
            DiffOp::Delete { old_index, old_len, .. } => push(&mut left, DiffKind::Only, &ac[old_index..old_index + old_len]),
            DiffOp::Insert { new_index, new_len, .. } => push(&mut right, DiffKind::Only, &bc[new_index..new_index + new_len]),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(&mut left, DiffKind::Changed, &ac[old_index..old_index + old_len]);
                push(&mut right, DiffKind::Changed, &bc[new_index..new_index + new_len]);
            }
        }
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;

    #[test]
    fn substitution_and_insertion_are_marked_on_both_sides() {
        let (l, r) = compare("并同中亚五国元首分别举行双边会晤。最重大外交行动", "并同中亚五国元首分享举行双边会晤。最重要大外交行动");
        assert!(l.contains(&DiffSegment { kind: DiffKind::Changed, text: "别".into() }), "{l:?}");
        assert!(r.contains(&DiffSegment { kind: DiffKind::Changed, text: "享".into() }), "{r:?}");
        assert!(r.contains(&DiffSegment { kind: DiffKind::Only, text: "要".into() }), "{r:?}");
        let (l, r) = compare("中国—中亚", "中国－中亚");
        assert!(l.iter().chain(&r).all(|s| s.kind == DiffKind::Same));
    }

    #[test]
    fn highlight_follows_member_spans() {
        let input: Vec<char> = "甲乙丙\n丁戊己".chars().collect();
        let p = Paragraph { text: "甲乙丙丁戊己".into(), spans: vec![[0, 7]], ..Default::default() };
        let member = |b, e| Member { doc: "d".into(), article: "d#1".into(), begin: b, end: e, spans: vec![[b, e]], text: String::new() };
        let passages = vec![Passage { id: 0, size: 2, members: vec![member(1, 5), member(9, 9)], variants: vec![], boilerplate: false }];
        let segs = highlight(&p, &input, &passages, &[(0, 0)]);
        let shown: Vec<(&str, bool)> = segs.iter().map(|s| (s.text.as_str(), !s.passages.is_empty())).collect();
        assert_eq!(shown, vec![("甲", false), ("乙丙丁", true), ("戊己", false)]);
    }
}
