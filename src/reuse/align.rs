//! Aligning two articles: exact seed runs ("anchors") chained like
//! minimap2 does, edges extended, and the gaps between anchors diffed.

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// An exact match of `len` characters at `a` in one text and `b` in the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub a: usize,
    pub b: usize,
    pub len: usize,
}

/// A local alignment: `[a0, a1)` in one text matches `[b0, b1)` in the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    pub a0: usize,
    pub a1: usize,
    pub b0: usize,
    pub b1: usize,
    /// Matching characters.
    pub matches: usize,
    /// Differences: `(a range, b range)`, either possibly empty.
    pub diffs: Diffs,
}

/// A difference: `(a range, b range)`, either possibly empty.
pub type Diff = ((usize, usize), (usize, usize));

/// An alignment's differences, kept as `u32` (positions in one article):
/// a 100 MB corpus's alignments hold millions of them until the variant
/// readings are read off, and at 32 bytes each they were its largest
/// passing allocation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diffs(Vec<[u32; 4]>);

impl Diffs {
    pub fn push(&mut self, ((a0, a1), (b0, b1)): Diff) {
        let at = |x: usize| u32::try_from(x).expect("an article under 4 G characters");
        self.0.push([at(a0), at(a1), at(b0), at(b1)]);
    }

    pub fn iter(&self) -> impl Iterator<Item = Diff> + '_ {
        self.0.iter().map(|&[a0, a1, b0, b1]| ((a0 as usize, a1 as usize), (b0 as usize, b1 as usize)))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Diff> for Diffs {
    fn from_iter<I: IntoIterator<Item = Diff>>(diffs: I) -> Self {
        let mut out = Diffs::default();
        for d in diffs {
            out.push(d);
        }
        out
    }
}

impl Alignment {
    pub fn identity(&self) -> f64 {
        let longer = (self.a1 - self.a0).max(self.b1 - self.b0).max(1);
        self.matches as f64 / longer as f64
    }
}

/// Anchors further apart than this in either text are not chained.
const MAX_GAP: usize = 48;
/// Insertions or deletions longer than this end a passage.
pub const MAX_INDEL: usize = 10;
/// How many earlier anchors the chaining looks back at (keeps it linear).
const LOOK_BACK: usize = 48;

/// Merges seed hits on the same diagonal into maximal exact runs.
pub fn anchors_from_seeds(mut seeds: Vec<(usize, usize)>, k: usize) -> Vec<Anchor> {
    seeds.sort_unstable_by_key(|&(a, b)| (a as i64 - b as i64, a));
    let mut out: Vec<Anchor> = Vec::new();
    for (a, b) in seeds {
        if let Some(last) = out.last_mut() {
            if last.a as i64 - last.b as i64 == a as i64 - b as i64 && a <= last.a + last.len - k + 1 {
                last.len = last.len.max(a + k - last.a);
                continue;
            }
        }
        out.push(Anchor { a, b, len: k });
    }
    out.sort_unstable_by_key(|x| (x.a, x.b));
    out
}

/// Chains anchors into co-linear runs (each a candidate passage), best first.
pub fn chain(anchors: &[Anchor]) -> Vec<Vec<Anchor>> {
    let n = anchors.len();
    let mut score = vec![0f64; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        let x = anchors[i];
        score[i] = x.len as f64;
        for j in (i.saturating_sub(LOOK_BACK)..i).rev() {
            let p = anchors[j];
            if p.a >= x.a || p.b >= x.b {
                continue;
            }
            let (pa_end, pb_end) = (p.a + p.len, p.b + p.len);
            let gap_a = x.a as i64 - pa_end as i64;
            let gap_b = x.b as i64 - pb_end as i64;
            if gap_a > MAX_GAP as i64 || gap_b > MAX_GAP as i64 || gap_a < -(x.len as i64) || gap_b < -(x.len as i64) {
                continue;
            }
            let indel = (gap_a - gap_b).unsigned_abs() as usize;
            if indel > MAX_INDEL {
                continue;
            }
            let overlap = (-gap_a.min(gap_b)).max(0) as f64;
            let s = score[j] + x.len as f64 - overlap - indel as f64 * 0.5 - gap_a.max(gap_b).max(0) as f64 * 0.05;
            if s > score[i] {
                score[i] = s;
                prev[i] = j;
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&x, &y| score[y].total_cmp(&score[x]));
    let mut used = vec![false; n];
    let mut chains = Vec::new();
    for end in order {
        if used[end] {
            continue;
        }
        let mut c = Vec::new();
        let mut i = end;
        while i != usize::MAX && !used[i] {
            used[i] = true;
            c.push(anchors[i]);
            i = prev[i];
        }
        c.reverse();
        chains.push(c);
    }
    chains
}

/// Ungapped extension from a position outward; returns how many characters
/// to take (X-drop: stop once the score falls 4 below its best).
fn extend<T: Eq>(a: &[T], b: &[T], forward: bool, limit: usize) -> usize {
    let (mut s, mut best, mut best_len) = (0i32, 0i32, 0usize);
    for t in 0..limit.min(a.len()).min(b.len()) {
        let (x, y) = if forward { (&a[t], &b[t]) } else { (&a[a.len() - 1 - t], &b[b.len() - 1 - t]) };
        s += if x == y { 1 } else { -2 };
        if s > best {
            best = s;
            best_len = t + 1;
        }
        if s < best - 4 {
            break;
        }
    }
    best_len
}

/// A difference longer than this (on either side) is where texts really
/// diverge: the passage ends there and another may begin after it.
pub const MAX_DIFF: usize = 8;

/// Turns a chain into alignments over `a` and `b`, split wherever the texts
/// really diverge.
pub fn align_split<T: Eq + std::hash::Hash>(a: &[T], b: &[T], chain: &[Anchor]) -> Vec<Alignment> {
    let whole = align(a, b, chain);
    let mut out = Vec::new();
    let mut cur = Alignment { a0: whole.a0, b0: whole.b0, a1: whole.a0, b1: whole.b0, matches: 0, diffs: Diffs::default() };
    for ((x0, x1), (y0, y1)) in whole.diffs.iter() {
        if (x1 - x0).max(y1 - y0) > MAX_DIFF {
            cur.matches += (x0 - cur.a1).min(y0 - cur.b1);
            cur.a1 = x0;
            cur.b1 = y0;
            out.push(std::mem::replace(&mut cur, Alignment { a0: x1, b0: y1, a1: x1, b1: y1, matches: 0, diffs: Diffs::default() }));
        } else {
            cur.matches += (x0 - cur.a1).min(y0 - cur.b1);
            cur.diffs.push(((x0, x1), (y0, y1)));
            cur.a1 = x1;
            cur.b1 = y1;
        }
    }
    cur.matches += (whole.a1 - cur.a1).min(whole.b1 - cur.b1);
    cur.a1 = whole.a1;
    cur.b1 = whole.b1;
    out.push(cur);
    out
}

/// Turns a chain into one alignment over `a` and `b`.
pub fn align<T: Eq + std::hash::Hash>(a: &[T], b: &[T], chain: &[Anchor]) -> Alignment {
    let first = chain[0];
    let last = *chain.last().unwrap();
    let left = extend(&a[..first.a], &b[..first.b], false, 12);
    let right = extend(&a[last.a + last.len..], &b[last.b + last.len..], true, 12);
    let mut al = Alignment {
        a0: first.a - left,
        b0: first.b - left,
        a1: last.a + last.len + right,
        b1: last.b + last.len + right,
        matches: 0,
        diffs: Diffs::default(),
    };
    // Walk anchors, diffing what lies between them.
    let (mut pa, mut pb) = (al.a0, al.b0);
    let mut steps: Vec<Anchor> = chain.to_vec();
    steps.push(Anchor { a: al.a1, b: al.b1, len: 0 });
    for x in steps {
        // Overlapping anchors (an indel inside a seed): skip what is covered.
        let skip = pa.saturating_sub(x.a).max(pb.saturating_sub(x.b)).min(x.len);
        let (xa, xb, xlen) = (x.a + skip, x.b + skip, x.len - skip);
        if xa >= pa && xb >= pb {
            diff_gap(a, b, (pa, xa), (pb, xb), &mut al);
            al.matches += xlen;
            pa = xa + xlen;
            pb = xb + xlen;
        }
    }
    al
}

fn diff_gap<T: Eq + std::hash::Hash>(a: &[T], b: &[T], (a0, a1): (usize, usize), (b0, b1): (usize, usize), al: &mut Alignment) {
    if a0 == a1 && b0 == b1 {
        return;
    }
    if a0 == a1 || b0 == b1 {
        al.diffs.push(((a0, a1), (b0, b1)));
        return;
    }
    for op in capture_diff_slices(Algorithm::Myers, &a[a0..a1], &b[b0..b1]) {
        match op {
            DiffOp::Equal { len, .. } => al.matches += len,
            DiffOp::Delete { old_index, old_len, new_index } => {
                al.diffs.push(((a0 + old_index, a0 + old_index + old_len), (b0 + new_index, b0 + new_index)))
            }
            DiffOp::Insert { old_index, new_index, new_len } => {
                al.diffs.push(((a0 + old_index, a0 + old_index), (b0 + new_index, b0 + new_index + new_len)))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => al
                .diffs
                .push(((a0 + old_index, a0 + old_index + old_len), (b0 + new_index, b0 + new_index + new_len))),
        }
    }
    // Adjacent delete+insert from Myers read better as one substitution.
    let mut merged: Vec<Diff> = Vec::new();
    for d in std::mem::take(&mut al.diffs).iter() {
        match merged.last_mut() {
            Some(m) if m.0 .1 == d.0 .0 && m.1 .1 == d.1 .0 => {
                m.0 .1 = d.0 .1;
                m.1 .1 = d.1 .1;
            }
            _ => merged.push(d),
        }
    }
    al.diffs = merged.into_iter().collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn seeds(a: &[char], b: &[char], k: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..=a.len().saturating_sub(k) {
            for j in 0..=b.len().saturating_sub(k) {
                if a[i..i + k] == b[j..j + k] {
                    out.push((i, j));
                }
            }
        }
        out
    }

    #[test]
    fn differences_packed_read_back_as_pushed() {
        let diffs: Diffs = [((3, 4), (3, 4)), ((10, 10), (9, 12))].into_iter().collect();
        assert_eq!(diffs.iter().collect::<Vec<_>>(), [((3, 4), (3, 4)), ((10, 10), (9, 12))]);
        assert_eq!(diffs.len(), 2);
        assert!(!diffs.is_empty() && Diffs::default().is_empty());
        let al = Alignment { a0: 0, a1: 10, b0: 0, b1: 8, matches: 7, diffs };
        assert_eq!(al.identity(), 0.7, "matches over the longer side");
    }

    #[test]
    fn substitution_and_insertion_are_found() {
        let a = chars("XX并同中亚五国元首分别举行双边会晤。这是今年我国对中亚地区最重大外交行动，务实高效YY");
        let b = chars("ZZZ并同中亚五国元首分享举行双边会晤。这是今年我国对中亚地区最重要大外交行动，务实高效QQ");
        let anchors = anchors_from_seeds(seeds(&a, &b, 5), 5);
        let best = &chain(&anchors)[0];
        let al = align(&a, &b, best);
        assert_eq!((al.a0, al.b0), (2, 3));
        let readings: Vec<(String, String)> = al
            .diffs
            .iter()
            .map(|((x0, x1), (y0, y1))| (a[x0..x1].iter().collect(), b[y0..y1].iter().collect()))
            .collect();
        assert_eq!(readings, vec![("别".into(), "享".into()), ("".into(), "要".into())]);
        assert!(al.identity() > 0.9);
    }

    #[test]
    fn real_divergence_splits_the_passage() {
        let a = chars("在阿斯塔纳不到48小时时间里达成百余项合作成果。东道主哈萨克斯坦总统托卡耶夫高度重视此行，亲赴机场迎送安排战机为专机护航共同欣赏");
        let b = chars("在阿斯塔纳不到48小时时间里达成百余项合作成果。多国人士在接受新华社记者采访时表示此行，亲赴机场迎送安排战机为专机护航共同欣赏");
        let anchors = anchors_from_seeds(seeds(&a, &b, 5), 5);
        let parts = align_split(&a, &b, &chain(&anchors)[0]);
        assert!(parts.len() >= 2, "{parts:?}");
        assert!(parts.iter().all(|p| p.identity() > 0.95), "{parts:?}");
    }
}
