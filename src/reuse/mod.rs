//! Shared passages: find, align and cluster the text articles share.
//!
//! 1. [`normalize`]: each article's body becomes folded characters with an
//!    input offset each.
//! 2. Index: every 5-gram is hashed into one sorted array. Grams found in
//!    more than the boilerplate share of articles seed nothing (unless asked).
//!    A gram shared by a few articles proposes every pair; one shared by many
//!    proposes a chain of neighbouring pairs, so candidate pairs grow
//!    linearly with the corpus, never with the square of the article count.
//! 3. [`align`]: per candidate pair, exact seed runs are chained, extended
//!    and diffed; an alignment that is long and close enough is a passage.
//! 4. Clustering: overlapping intervals in one article are one witness;
//!    witnesses linked by passages form a cluster (as passim reports it).
//! 5. Variant readings come from the differences of each aligned pair.

pub mod align;
pub mod normalize;

use rustc_hash::FxHashMap;

use crate::model::{DocumentAnalysis, Member, Passage, Variant};
use align::{align_split, anchors_from_seeds, chain, Alignment};
use normalize::ArticleText;

/// Gram length for seeds. Five characters survive one slip in ten often
/// enough, and are rare enough in Chinese to mean something.
pub const K: usize = 5;

/// User settings for reuse detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Minimum passage length in non-whitespace characters (8 to 200).
    pub min_len: usize,
    /// Report boilerplate (text in more than max(5, 20 %) of articles) too.
    pub boilerplate: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { min_len: 20, boilerplate: false }
    }
}

impl Settings {
    pub fn clamped(self) -> Self {
        Settings { min_len: self.min_len.clamp(8, 200), ..self }
    }
}

/// Text in more than this many articles is boilerplate.
pub fn boilerplate_threshold(articles: usize) -> usize {
    5usize.max(articles / 5)
}

/// Lowest share of matching characters for an alignment to count.
const MIN_IDENTITY: f64 = 0.8;
/// A gram shared by at most this many articles proposes all their pairs.
const ALL_PAIRS: usize = 8;
/// Seeds per gram per article: repeats beyond this are degenerate text.
const MAX_REPEAT: usize = 4;

fn gram_hash(g: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in g {
        h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (h >> 29)
}

/// A pairwise match between two articles (indices into the article list).
#[derive(Debug, Clone)]
struct PairPassage {
    x: usize,
    y: usize,
    al: Alignment,
}

/// Finds the shared passages of a corpus. `inputs[i]` is the decoded text
/// of `docs[i]`. Never panics; cost is near-linear in corpus size.
pub fn find_passages(docs: &[DocumentAnalysis], inputs: &[Vec<char>], settings: Settings) -> Vec<Passage> {
    let settings = settings.clamped();
    let mut texts: Vec<ArticleText> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (a, article) in doc.articles.iter().enumerate() {
            let t = ArticleText::new(d, a, article, &inputs[d]);
            if t.len() >= settings.min_len {
                texts.push(t);
            }
        }
    }
    let threshold = boilerplate_threshold(texts.len());
    let frequent = frequent_grams(&texts, threshold, settings.boilerplate);
    let pairs = candidate_pairs(&texts, threshold, settings.boilerplate);
    let mut found: Vec<PairPassage> = Vec::new();
    for (x, y) in pairs {
        for al in align_pair(&texts[x], &texts[y], &frequent, settings) {
            found.push(PairPassage { x, y, al });
        }
    }
    cluster(docs, inputs, &texts, found, settings, threshold)
}

/// Grams too common to seed with (boilerplate), as a sorted list of hashes.
fn frequent_grams(texts: &[ArticleText], threshold: usize, keep_all: bool) -> Vec<u64> {
    if keep_all {
        return Vec::new();
    }
    let mut per_article: Vec<(u64, u32)> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let start = per_article.len();
        per_article.extend(t.norm.windows(K).map(|g| (gram_hash(g), i as u32)));
        per_article[start..].sort_unstable();
        let mut w = start;
        for r in start..per_article.len() {
            if r == start || per_article[r] != per_article[w - 1] {
                per_article[w] = per_article[r];
                w += 1;
            }
        }
        per_article.truncate(w);
    }
    per_article.sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < per_article.len() {
        let h = per_article[i].0;
        let mut j = i;
        while j < per_article.len() && per_article[j].0 == h {
            j += 1;
        }
        if j - i > threshold {
            out.push(h);
        }
        i = j;
    }
    out
}

/// Article pairs that share at least two grams, from one sorted gram array.
fn candidate_pairs(texts: &[ArticleText], threshold: usize, keep_all: bool) -> Vec<(usize, usize)> {
    let mut grams: Vec<(u64, u32)> = Vec::with_capacity(texts.iter().map(ArticleText::len).sum());
    for (i, t) in texts.iter().enumerate() {
        grams.extend(t.norm.windows(K).map(|g| (gram_hash(g), i as u32)));
    }
    grams.sort_unstable();
    grams.dedup();
    let mut counts: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut i = 0;
    let mut arts: Vec<u32> = Vec::new();
    while i < grams.len() {
        let h = grams[i].0;
        arts.clear();
        while i < grams.len() && grams[i].0 == h {
            arts.push(grams[i].1);
            i += 1;
        }
        let df = arts.len();
        if df < 2 || (df > threshold && !keep_all) {
            continue;
        }
        if df <= ALL_PAIRS {
            for (p, &x) in arts.iter().enumerate() {
                for &y in &arts[p + 1..] {
                    *counts.entry((x, y)).or_default() += 1;
                }
            }
        } else {
            // Many witnesses: link neighbours; clustering joins the chain.
            for w in arts.windows(2) {
                *counts.entry((w[0], w[1])).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = counts.into_iter().filter(|&(_, n)| n >= 2).map(|((x, y), _)| (x as usize, y as usize)).collect();
    pairs.sort_unstable();
    pairs
}

/// All passages between two articles.
fn align_pair(x: &ArticleText, y: &ArticleText, frequent: &[u64], settings: Settings) -> Vec<Alignment> {
    // Index the shorter article's grams, scan the longer one.
    let (short, long, swapped) = if x.len() <= y.len() { (x, y, false) } else { (y, x, true) };
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (p, g) in short.norm.windows(K).enumerate() {
        let h = gram_hash(g);
        if frequent.binary_search(&h).is_ok() {
            continue;
        }
        let e = index.entry(h).or_default();
        if e.len() < MAX_REPEAT {
            e.push(p as u32);
        }
    }
    let mut seeds: Vec<(usize, usize)> = Vec::new();
    let mut seen_in_long: FxHashMap<u64, u32> = FxHashMap::default();
    for (p, g) in long.norm.windows(K).enumerate() {
        let h = gram_hash(g);
        if let Some(ps) = index.get(&h) {
            let n = seen_in_long.entry(h).or_default();
            *n += 1;
            if *n as usize > MAX_REPEAT {
                continue;
            }
            for &q in ps {
                if short.norm[q as usize..q as usize + K] == long.norm[p..p + K] {
                    seeds.push((q as usize, p));
                }
            }
        }
    }
    let anchors = anchors_from_seeds(seeds, K);
    let mut out = Vec::new();
    for c in chain(&anchors) {
        for al in align_split(&short.norm, &long.norm, &c) {
            let shorter = (al.a1 - al.a0).min(al.b1 - al.b0);
            if shorter < settings.min_len || al.identity() < MIN_IDENTITY {
                continue;
            }
            out.push(if swapped { swap(al) } else { al });
        }
    }
    out
}

fn swap(al: Alignment) -> Alignment {
    Alignment {
        a0: al.b0,
        a1: al.b1,
        b0: al.a0,
        b1: al.a1,
        matches: al.matches,
        diffs: al.diffs.into_iter().map(|(p, q)| (q, p)).collect(),
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut c = x;
        while self.0[c] != r {
            let n = self.0[c];
            self.0[c] = r;
            c = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Groups pairwise passages into clusters of witnesses.
fn cluster(
    docs: &[DocumentAnalysis],
    inputs: &[Vec<char>],
    texts: &[ArticleText],
    found: Vec<PairPassage>,
    settings: Settings,
    threshold: usize,
) -> Vec<Passage> {
    // Intervals per article: (article, begin, end, passage index, side).
    let mut intervals: Vec<(usize, usize, usize, usize, u8)> = Vec::with_capacity(found.len() * 2);
    for (i, p) in found.iter().enumerate() {
        intervals.push((p.x, p.al.a0, p.al.a1, i, 0));
        intervals.push((p.y, p.al.b0, p.al.b1, i, 1));
    }
    intervals.sort_unstable();
    // Overlapping intervals in one article are one witness (a node).
    let mut node_of = vec![[0usize; 2]; found.len()];
    let mut nodes: Vec<(usize, usize, usize)> = Vec::new(); // article, begin, end
    for &(art, b, e, i, side) in &intervals {
        match nodes.last_mut() {
            // Overlapping or touching intervals are one witness.
            Some(n) if n.0 == art && b <= n.2 + 1 => n.2 = n.2.max(e),
            _ => nodes.push((art, b, e)),
        }
        node_of[i][side as usize] = nodes.len() - 1;
    }
    let mut uf = UnionFind((0..nodes.len()).collect());
    for n in &node_of {
        uf.union(n[0], n[1]);
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for n in 0..nodes.len() {
        groups.entry(uf.find(n)).or_default().push(n);
    }
    let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, n) in node_of.iter().enumerate() {
        by_root.entry(uf.find(n[0])).or_default().push(i);
    }
    let mut passages: Vec<Passage> = Vec::new();
    let mut roots: Vec<usize> = groups.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        let members_nodes = &groups[&root];
        let distinct_articles = {
            let mut a: Vec<usize> = members_nodes.iter().map(|&n| nodes[n].0).collect();
            a.sort_unstable();
            a.dedup();
            a.len()
        };
        let boilerplate = distinct_articles > threshold;
        if boilerplate && !settings.boilerplate {
            continue;
        }
        let members: Vec<Member> = members_nodes
            .iter()
            .map(|&n| {
                let (art, b, e) = nodes[n];
                let t = &texts[art];
                let input = &inputs[t.doc];
                let spans = t.spans(b, e, input);
                Member {
                    doc: docs[t.doc].id.clone(),
                    article: docs[t.doc].articles[t.article].id.clone(),
                    begin: spans.first().map_or(0, |s| s[0]),
                    end: spans.last().map_or(0, |s| s[1]),
                    spans,
                    text: t.text(b, e, input),
                }
            })
            .collect();
        let index_of = |node: usize| members_nodes.iter().position(|&m| m == node).unwrap_or(0);
        let mut variants: Vec<Variant> = Vec::new();
        for &pi in by_root.get(&root).map(Vec::as_slice).unwrap_or(&[]) {
            let p = &found[pi];
            let (mx, my) = (index_of(node_of[pi][0]), index_of(node_of[pi][1]));
            let (tx, ty) = (&texts[p.x], &texts[p.y]);
            let mut v = Variant { members: [mx, my], readings: Vec::new(), contexts: Vec::new() };
            for &((a0, a1), (b0, b1)) in &p.al.diffs {
                // An insertion or deletion gets context on both sides.
                let right = (a0 == a1 || b0 == b1) as usize;
                v.readings.push([reading(tx, a0, a1, 1, right), reading(ty, b0, b1, 1, right)]);
                v.contexts.push([reading(tx, a0, a1, 4, 4), reading(ty, b0, b1, 4, 4)]);
            }
            let (first, second) = (v.members[0].min(v.members[1]), v.members[0].max(v.members[1]));
            if v.members[0] > v.members[1] {
                for r in v.readings.iter_mut().chain(v.contexts.iter_mut()) {
                    r.swap(0, 1);
                }
            }
            v.members = [first, second];
            match variants.iter_mut().find(|w| w.members == v.members) {
                Some(w) => {
                    w.readings.extend(v.readings);
                    w.contexts.extend(v.contexts);
                }
                None => variants.push(v),
            }
        }
        passages.push(Passage { id: 0, size: members.len(), members, variants, boilerplate });
    }
    // Longest first; ids follow that order.
    passages.sort_by_key(|p| std::cmp::Reverse(p.members.iter().map(|m| m.text.chars().count()).max().unwrap_or(0)));
    for (i, p) in passages.iter_mut().enumerate() {
        p.id = i;
    }
    passages
}

/// A reading with `left` and `right` characters of context, so that a
/// substitution reads `分别`/`分享` and an insertion `机为`/`机组为`.
fn reading(t: &ArticleText, from: usize, to: usize, left: usize, right: usize) -> String {
    let b = from.saturating_sub(left);
    let e = (to + right).min(t.len());
    t.shown[b..e].iter().collect()
}
