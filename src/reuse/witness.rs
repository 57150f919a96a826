//! From pairwise alignments to passages as a reader sees them: a passage is
//! a stretch of text shared by one set of witnesses, every member sharing
//! its whole extent with every other member.
//!
//! A transitive cluster (every article linked by some alignment, as passim
//! reports it) puts a 21-character quote and the 1,500-character report it
//! quotes into one passage, and then every member is presented as sharing
//! everything. Here each *story* (a connected set of alignments) is cut
//! instead, the way a star alignment is built for collation:
//! 1. the article with the most aligned text is the pivot;
//! 2. every alignment with the pivot marks, on the pivot's characters, where
//!    that witness starts and stops sharing; between two such marks the set
//!    of witnesses is constant, and that stretch is one passage, projected
//!    onto each witness through its alignment;
//! 3. alignments between two other witnesses are trimmed of what those two
//!    already share in a passage, and what is left (text the pivot does not
//!    print) goes round again with a new pivot.
//!
//! So a report printed whole by A and B and only its lead by C gives two
//! passages, the lead {A, B, C} and the rest {A, B}; halves printed by
//! different papers give two passages, never one of three.

use super::align::Alignment;

/// A pairwise alignment between articles `x` and `y` (article indices).
#[derive(Debug, Clone)]
pub struct Pair {
    pub x: usize,
    pub y: usize,
    pub al: Alignment,
}

impl Pair {
    /// The same alignment seen from the other side.
    fn flipped(&self) -> Pair {
        let al = &self.al;
        Pair {
            x: self.y,
            y: self.x,
            al: Alignment { a0: al.b0, a1: al.b1, b0: al.a0, b1: al.a1, matches: al.matches, diffs: al.diffs.iter().map(|(a, b)| (b, a)).collect() },
        }
    }
}

/// One member of a passage: `[begin, end)` of an article's matching text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stretch {
    pub article: usize,
    pub begin: usize,
    pub end: usize,
}

/// A passage before it is made display text: its story and its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub story: usize,
    pub members: Vec<Stretch>,
}

/// Disjoint sets of articles (union-find with path halving).
pub struct Sets(Vec<usize>);

impl Sets {
    pub fn new(n: usize) -> Self {
        Sets((0..n).collect())
    }

    pub fn root(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller root stands for both.
    pub fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.0[a.max(b)] = a.min(b);
    }
}

/// Where position `p` of the `a` side lands on the `b` side. Inside a
/// differing stretch, a start maps to the start of the other side's reading
/// and an end to its end, so a member never begins or ends mid-variant.
pub fn project(al: &Alignment, p: usize, is_end: bool) -> usize {
    let mut shift: isize = al.b0 as isize - al.a0 as isize;
    for ((a0, a1), (b0, b1)) in al.diffs.iter() {
        if p < a0 || (p == a0 && !is_end) {
            break;
        }
        if p < a1 || (p == a1 && a0 == a1 && !is_end) {
            return if is_end { b1 } else { b0 };
        }
        shift = b1 as isize - a1 as isize;
    }
    ((p as isize + shift).max(al.b0 as isize) as usize).min(al.b1)
}

/// The part of `al` whose `a` side lies in `[from, to)`, with its diffs.
fn restrict(al: &Alignment, from: usize, to: usize) -> Alignment {
    let (b0, b1) = (project(al, from, false), project(al, to, true));
    let diffs: super::align::Diffs = al.diffs.iter().filter(|&((a0, a1), _)| a0 >= from && a1 <= to).collect();
    let changed: usize = diffs.iter().map(|((a0, a1), (c0, c1))| (a1 - a0).max(c1 - c0)).sum();
    Alignment { a0: from, a1: to, b0, b1: b1.max(b0), matches: (to - from).saturating_sub(changed), diffs }
}

/// Aligns two articles on request (article indices; the first on side a).
pub type AlignOnDemand<'a> = &'a mut dyn FnMut(usize, usize) -> Vec<Alignment>;

/// Cuts the alignments of a corpus into passages of constant witness sets.
/// `min_len`: the shortest member kept. Stories are numbered in order of
/// their first alignment.
///
/// Candidate pairs of a report printed by many papers form a star, not
/// every pair; a witness the pivot was never aligned with would fall out of
/// the pivot's passages into passages of its own. So each pivot is aligned
/// (`align`) with the articles two steps from it; those alignments are
/// returned too, for the variant readings.
pub fn cut_passages(pairs: &[Pair], articles: usize, min_len: usize, align: AlignOnDemand) -> (Vec<Cut>, Vec<Pair>) {
    // Stories: connected sets of articles.
    let mut sets = Sets::new(articles);
    for p in pairs {
        sets.join(p.x, p.y);
    }
    let mut story_of_root: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut by_story: Vec<Vec<Pair>> = Vec::new();
    for p in pairs {
        let r = sets.root(p.x);
        let s = *story_of_root.entry(r).or_insert_with(|| {
            by_story.push(Vec::new());
            by_story.len() - 1
        });
        by_story[s].push(p.clone());
    }
    let mut out = Vec::new();
    let mut extra = Vec::new();
    for (story, pairs) in by_story.into_iter().enumerate() {
        cut_story(story, pairs, min_len, &mut out, align, &mut extra);
    }
    (out, extra)
}

fn cut_story(story: usize, mut remaining: Vec<Pair>, min_len: usize, out: &mut Vec<Cut>, align: AlignOnDemand, extra: &mut Vec<Pair>) {
    let story_first = out.len();
    let mut tried: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    while !remaining.is_empty() {
        // The pivot: the article with the most aligned text.
        let mut aligned: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        for p in &remaining {
            *aligned.entry(p.x).or_default() += p.al.a1 - p.al.a0;
            *aligned.entry(p.y).or_default() += p.al.b1 - p.al.b0;
        }
        let pivot = aligned.iter().max_by_key(|&(a, n)| (*n, std::cmp::Reverse(*a))).map(|(&a, _)| a).unwrap_or(0);
        let (star, others): (Vec<Pair>, Vec<Pair>) = remaining.into_iter().partition(|p| p.x == pivot || p.y == pivot);
        let mut star: Vec<Pair> = star.into_iter().map(|p| if p.x == pivot { p } else { p.flipped() }).collect();
        // Articles two steps from the pivot (aligned with one of its
        // witnesses, not with it) are aligned with it now, less what the
        // two already share in a passage: a bounded neighbourhood, so a
        // story joined by quotes into thousands of articles stays linear.
        let near: std::collections::HashSet<usize> = star.iter().map(|p| p.y).collect();
        let mut missing: Vec<usize> = others
            .iter()
            .filter_map(|p| match (near.contains(&p.x), near.contains(&p.y)) {
                (true, false) => Some(p.y),
                (false, true) => Some(p.x),
                _ => None,
            })
            .filter(|&w| w != pivot && tried.insert((pivot, w)))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        for w in missing {
            for al in align(pivot, w) {
                for piece in unshared(&Pair { x: pivot, y: w, al }, &out[story_first..], min_len) {
                    extra.push(piece.clone());
                    star.push(piece);
                }
            }
        }
        let first = out.len();
        cut_star(story, pivot, &star, min_len, out);
        // What two other witnesses share is already a passage where both
        // are members; the rest of their alignment goes round again.
        remaining = others.iter().flat_map(|p| unshared(p, &out[first..], min_len)).collect();
    }
}

/// The parts of `p` (at least `min_len` on both sides) that its two
/// articles do not already share as members of one of `cuts`.
fn unshared(p: &Pair, cuts: &[Cut], min_len: usize) -> Vec<Pair> {
    let mut covered: Vec<(usize, usize)> = cuts
        .iter()
        .filter(|c| c.members.iter().any(|m| m.article == p.y))
        .flat_map(|c| c.members.iter().filter(|m| m.article == p.x).map(|m| (m.begin, m.end)))
        .collect();
    covered.sort_unstable();
    let mut parts = Vec::new();
    let mut at = p.al.a0;
    for (b, e) in covered.into_iter().chain(std::iter::once((p.al.a1, p.al.a1))) {
        let (b, e) = (b.clamp(p.al.a0, p.al.a1), e.clamp(p.al.a0, p.al.a1));
        if b > at && b - at >= min_len {
            let al = restrict(&p.al, at, b);
            if al.b1 - al.b0 >= min_len {
                parts.push(Pair { x: p.x, y: p.y, al });
            }
        }
        at = at.max(e);
    }
    parts
}

/// A run of the pivot's characters `[begin, end)` and the witnesses (indices
/// into the star) that share all of it.
type Run = (usize, usize, Vec<usize>);

/// A run after joining split alignments: per witness its article and the
/// star alignments its member starts and ends in.
type JoinedRun = (usize, usize, Vec<(usize, usize, usize)>);

/// One star: the pivot's alignments with its witnesses (pivot on side a).
fn cut_star(story: usize, pivot: usize, star: &[Pair], min_len: usize, out: &mut Vec<Cut>) {
    let mut marks: Vec<usize> = star.iter().flat_map(|p| [p.al.a0, p.al.a1]).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut open: Option<(usize, Vec<usize>)> = None; // start, witnesses (star indices)
    let mut stretches: Vec<Run> = Vec::new();
    for w in marks.windows(2) {
        let (b, e) = (w[0], w[1]);
        let mut set: Vec<usize> = (0..star.len()).filter(|&i| star[i].al.a0 <= b && e <= star[i].al.a1).collect();
        // One member per witness: where an article repeats a sentence, its
        // longest alignment with the pivot speaks for it.
        set.sort_by_key(|&i| (star[i].y, std::cmp::Reverse(star[i].al.a1 - star[i].al.a0), i));
        set.dedup_by_key(|i| star[*i].y);
        match &mut open {
            Some((_, s)) if *s == set => {}
            _ => {
                if let Some((start, s)) = open.take() {
                    stretches.push((start, b, s));
                }
                open = Some((b, set));
            }
        }
    }
    if let (Some((start, s)), Some(&end)) = (open, marks.last()) {
        stretches.push((start, end, s));
    }
    absorb_slivers(&mut stretches, min_len);
    for (b, e, set) in join_across_splits(star, stretches) {
        if e - b < min_len {
            continue;
        }
        let mut members = vec![Stretch { article: pivot, begin: b, end: e }];
        for &(article, first, last) in &set {
            let (pb, pe) = (project(&star[first].al, b, false), project(&star[last].al, e, true));
            // The pivot's stretch reaches the minimum; a witness's copy of
            // it may be a dropped character shorter and is still a member
            // (the rule below keeps out fragments).
            if pe > pb {
                members.push(Stretch { article, begin: pb, end: pe });
            }
        }
        // A witness whose alignment ends inside an absorbed sliver still
        // shares nearly all of the stretch; one that shares much less is
        // not a member of it (every member shares the whole passage).
        keep_whole_sharers(&mut members);
        if members.len() >= 2 {
            members.sort_unstable();
            members.dedup();
            out.push(Cut { story, members });
        }
    }
}

/// Drops the members much shorter than the longest (under 60 %): they
/// share only part of the passage, and every member shares all of it.
pub fn keep_whole_sharers(members: &mut Vec<Stretch>) {
    let longest = members.iter().map(|m| m.end - m.begin).max().unwrap_or(0);
    members.retain(|m| 10 * (m.end - m.begin) >= 6 * longest);
}

/// A noise cluster can split one witness's alignment with the pivot in two
/// (the aligner ends a passage at a long difference). Two stretches with
/// the same witnesses, at most an indel apart on the pivot and on every
/// witness, are one passage. Returns stretches with, per witness, its
/// article and the alignments its member starts and ends in.
fn join_across_splits(star: &[Pair], stretches: Vec<Run>) -> Vec<JoinedRun> {
    use super::align::MAX_INDEL;
    let mut joined: Vec<JoinedRun> = Vec::new();
    for (b, e, set) in stretches {
        if set.is_empty() {
            continue;
        }
        let witnesses: Vec<(usize, usize, usize)> = set.iter().map(|&i| (star[i].y, i, i)).collect();
        if let Some(last) = joined.last_mut() {
            let near = b >= last.1 && b - last.1 <= MAX_INDEL;
            let same = last.2.len() == witnesses.len()
                && last.2.iter().zip(&witnesses).all(|(x, y)| {
                    let (end, start) = (project(&star[x.2].al, last.1, true), project(&star[y.1].al, b, false));
                    x.0 == y.0 && start >= end && start - end <= MAX_INDEL
                });
            if near && same {
                last.1 = e;
                for (x, y) in last.2.iter_mut().zip(&witnesses) {
                    x.2 = y.2;
                }
                continue;
            }
        }
        joined.push((b, e, witnesses));
    }
    joined
}

/// A sliver of `len` joining one neighbour of `neighbour` characters: up to
/// an indel if the neighbour is ten times as long; or, if it is twice as
/// long, up to a length that leaves the witness that lacks it short of the
/// passage by no more than a deletion and an indel together (`DELETION`).
fn one_side_absorbable(len: usize, neighbour: usize, min_len: usize) -> bool {
    use super::align::MAX_INDEL;
    (len <= MAX_INDEL && 10 * len <= neighbour) || (len < min_len && len + MAX_INDEL <= DELETION && 2 * len <= neighbour)
}

/// The longest run of a passage's text one member may lack (a sentence a
/// paper cut), as the member property test holds it.
const DELETION: usize = 24;

/// Witnesses' alignments with the pivot end a few characters apart (the
/// aligner stops at the last match, and OCR slips move it), and in a report
/// printed by many papers one of them cuts a short sentence: both leave
/// slivers shorter than a passage where the witness set changes. Dropped,
/// a sliver is a hole in every copy. Each sliver joins the adjacent stretch
/// whose witnesses it shares most ([`one_side_absorbable`]), so its
/// characters stay credited to the witnesses that share them; the one that
/// lacks them is short by no more than the member property allows.
fn absorb_slivers(stretches: &mut Vec<Run>, min_len: usize) {
    let common = |a: &[usize], b: &[usize]| a.iter().filter(|x| b.contains(x)).count();
    let mut i = 0;
    while i < stretches.len() {
        let (b, e, ref set) = stretches[i];
        if e - b >= min_len || set.is_empty() {
            i += 1;
            continue;
        }
        let prev = (i > 0 && stretches[i - 1].1 == b && !stretches[i - 1].2.is_empty()).then(|| i - 1);
        let next = (i + 1 < stretches.len() && stretches[i + 1].0 == e && !stretches[i + 1].2.is_empty()).then_some(i + 1);
        let score = |j: usize| (common(set, &stretches[j].2), stretches[j].1 - stretches[j].0);
        let into = match (prev, next) {
            (Some(p), Some(n)) => Some(if score(p) >= score(n) { p } else { n }),
            (p, n) => p.or(n),
        };
        match into {
            // Into the neighbour it shares most with (see the rule).
            Some(j) if common(set, &stretches[j].2) > 0 && one_side_absorbable(e - b, stretches[j].1 - stretches[j].0, min_len) => {
                if j < i {
                    stretches[j].1 = e;
                } else {
                    stretches[j].0 = b;
                }
                stretches.remove(i);
                i = i.saturating_sub(1);
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(x: usize, y: usize, a: (usize, usize), b0: usize) -> Pair {
        Pair { x, y, al: Alignment { a0: a.0, a1: a.1, b0, b1: b0 + a.1 - a.0, matches: a.1 - a.0, diffs: Default::default() } }
    }

    fn shape(cuts: &[Cut]) -> Vec<Vec<(usize, usize, usize)>> {
        let mut v: Vec<Vec<(usize, usize, usize)>> = cuts.iter().map(|c| c.members.iter().map(|m| (m.article, m.begin, m.end)).collect()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_full_report_and_its_lead_make_two_passages() {
        // A and B print 1,000 characters; C prints the first 100.
        let pairs = [exact(0, 1, (0, 1000), 0), exact(0, 2, (0, 100), 0), exact(1, 2, (0, 100), 0)];
        let cuts = cut_passages(&pairs, 3, 20, &mut |_, _| Vec::new()).0;
        assert_eq!(shape(&cuts), [vec![(0, 0, 100), (1, 0, 100), (2, 0, 100)], vec![(0, 100, 1000), (1, 100, 1000)]]);
        assert!(cuts.iter().all(|c| c.story == 0));
    }

    #[test]
    fn two_halves_printed_by_different_papers_are_two_passages() {
        let pairs = [exact(0, 1, (0, 500), 0), exact(0, 2, (500, 1000), 0)];
        assert_eq!(shape(&cut_passages(&pairs, 3, 20, &mut |_, _| Vec::new()).0), [vec![(0, 0, 500), (1, 0, 500)], vec![(0, 500, 1000), (2, 0, 500)]]);
    }

    #[test]
    fn text_the_pivot_lacks_goes_round_again() {
        // A prints 0..1000; B and C both print it and a paragraph A cut.
        let pairs = [exact(0, 1, (0, 1000), 0), exact(0, 2, (0, 1000), 0), exact(1, 2, (0, 1300), 0)];
        let cuts = cut_passages(&pairs, 3, 20, &mut |_, _| Vec::new()).0;
        assert_eq!(shape(&cuts), [vec![(0, 0, 1000), (1, 0, 1000), (2, 0, 1000)], vec![(1, 1000, 1300), (2, 1000, 1300)]]);
    }

    #[test]
    fn a_quote_is_a_passage_of_its_own_length() {
        // A 21-character quote of a long report is a passage of 21 characters
        // with the report's matching sentence, not a witness of the report.
        let pairs = [exact(0, 1, (0, 1500), 0), exact(0, 2, (700, 721), 5)];
        let cuts = cut_passages(&pairs, 3, 20, &mut |_, _| Vec::new()).0;
        assert_eq!(shape(&cuts), [vec![(0, 0, 700), (1, 0, 700)], vec![(0, 700, 721), (1, 700, 721), (2, 5, 26)], vec![(0, 721, 1500), (1, 721, 1500)]]);
    }

    #[test]
    fn a_witness_is_a_member_once() {
        // B repeats a sentence of A: the main alignment and an off-diagonal
        // one both cover A's copy; B is one member, from the main one.
        let pairs = [exact(0, 1, (0, 500), 0), exact(0, 1, (100, 150), 300)];
        assert_eq!(shape(&cut_passages(&pairs, 2, 20, &mut |_, _| Vec::new()).0), [vec![(0, 0, 500), (1, 0, 500)]]);
    }

    #[test]
    fn slivers_where_alignments_end_apart_join_their_neighbours() {
        // C's alignment with A starts 3 characters later and ends 5 earlier
        // than B's: A's first and last characters stay shared with B.
        let pairs = [exact(0, 1, (0, 1000), 0), exact(0, 2, (3, 995), 3)];
        assert_eq!(shape(&cut_passages(&pairs, 3, 20, &mut |_, _| Vec::new()).0), [vec![(0, 0, 1000), (1, 0, 1000), (2, 3, 995)]]);
    }

    #[test]
    fn a_sentence_one_paper_lacks_at_an_edge_joins_if_short_enough() {
        // C stops 13 characters before A and B: those stay shared by A and
        // B, C's member is short by 13 (within the 24 the property allows).
        let pairs = [exact(0, 1, (0, 1000), 0), exact(0, 2, (0, 987), 0)];
        assert_eq!(shape(&cut_passages(&pairs, 3, 20, &mut |_, _| Vec::new()).0), [vec![(0, 0, 1000), (1, 0, 1000), (2, 0, 987)]]);
        // 15 characters and an indel would leave C short by more: the
        // sliver is no passage (under the minimum) and no part of one.
        let pairs = [exact(0, 1, (0, 1000), 0), exact(0, 2, (0, 985), 0)];
        assert_eq!(shape(&cut_passages(&pairs, 3, 20, &mut |_, _| Vec::new()).0), [vec![(0, 0, 985), (1, 0, 985), (2, 0, 985)]]);
    }

    #[test]
    fn the_pivot_is_aligned_with_articles_two_steps_away() {
        // A star around article 1: 0 and 2 are each aligned with 1 only.
        // Article 0 has the most aligned text, so it is the pivot, and it is
        // asked for its alignment with 2.
        let pairs = [exact(1, 0, (0, 1000), 0), exact(1, 2, (0, 500), 0), exact(0, 3, (0, 600), 0)];
        let mut asked = Vec::new();
        let (cuts, extra) = cut_passages(&pairs, 4, 20, &mut |x, y| {
            asked.push((x, y));
            vec![Alignment { a0: 0, a1: 500, b0: 0, b1: 500, matches: 500, diffs: Default::default() }]
        });
        assert_eq!(asked, [(0, 2)]);
        assert_eq!(extra.len(), 1);
        // The lead is one passage of all four, not fragments per star.
        assert!(shape(&cuts).contains(&vec![(0, 0, 500), (1, 0, 500), (2, 0, 500), (3, 0, 500)]), "{:?}", shape(&cuts));
    }

    #[test]
    fn an_alignment_split_by_noise_is_one_passage() {
        // B's copy is aligned in two parts, 6 characters apart on both sides.
        let pairs = [exact(0, 1, (0, 100), 0), exact(0, 1, (106, 300), 106)];
        assert_eq!(shape(&cut_passages(&pairs, 2, 20, &mut |_, _| Vec::new()).0), [vec![(0, 0, 300), (1, 0, 300)]]);
        // Far apart on the witness (a transposition): two passages.
        let pairs = [exact(0, 1, (0, 100), 200), exact(0, 1, (106, 300), 0)];
        assert_eq!(cut_passages(&pairs, 2, 20, &mut |_, _| Vec::new()).0.len(), 2);
    }

    #[test]
    fn projection_keeps_variant_readings_whole() {
        // a: 0..10 matches b: 0..10; a 10..12 is b 10..15 (an insertion of 3); then 12..30 ↔ 15..33.
        let al = Alignment { a0: 0, a1: 30, b0: 0, b1: 33, matches: 28, diffs: [((10, 12), (10, 15))].into_iter().collect() };
        assert_eq!(project(&al, 5, false), 5);
        assert_eq!(project(&al, 11, false), 10);
        assert_eq!(project(&al, 11, true), 15);
        assert_eq!(project(&al, 20, true), 23);
        assert_eq!(project(&al, 30, true), 33);
        let r = restrict(&al, 5, 20);
        assert_eq!((r.b0, r.b1, r.diffs.len()), (5, 23, 1));
    }
}
