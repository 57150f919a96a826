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
pub mod stock;
pub mod witness;

use rustc_hash::FxHashMap;

use crate::model::{DocumentAnalysis, Member, Passage, PassageKind, Variant};
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
    /// Report boilerplate too: page furniture one source repeats, and text
    /// in more than half the articles ([`boilerplate_threshold`]).
    pub boilerplate: bool,
    /// Report stock phrases too (see [`crate::model::PassageKind::Stock`]).
    pub stock: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { min_len: 20, boilerplate: false, stock: false }
    }
}

impl Settings {
    pub fn clamped(self) -> Self {
        Settings { min_len: self.min_len.clamp(8, 200), ..self }
    }
}

/// Text in more than this many articles is printed on most pages of the
/// corpus: its grams seed nothing unless boilerplate is asked for, and a
/// short passage in that many articles is boilerplate. A report reprinted
/// by many papers stays under it (it is one article of each paper).
pub fn boilerplate_threshold(articles: usize) -> usize {
    5usize.max(articles / 2)
}

/// Boilerplate is page furniture, never a report: a short passage (under
/// [`long_passage`]) that one source repeats where furniture stands (a
/// document holds three of its members, or two documents hold two each,
/// and every member is a whole paragraph or an article's opening or close:
/// mastheads, page headers, 版 lines, subscription notes), or that is
/// printed in more than `threshold` articles (slogans).
/// A name or formula a paper repeats inside its sentences is not furniture
/// (it may be a stock phrase, [`stock::mark_stock`]).
fn is_boilerplate(members: &[witness::Stretch], texts: &[ArticleText], threshold: usize, settings: Settings) -> bool {
    let longest = members.iter().map(|m| m.end - m.begin).max().unwrap_or(0);
    if longest >= long_passage(settings) {
        return false;
    }
    let mut docs: Vec<usize> = members.iter().map(|m| texts[m.article].doc).collect();
    docs.sort_unstable();
    let per_doc: Vec<usize> = docs.chunk_by(|a, b| a == b).map(<[usize]>::len).collect();
    let repeated = per_doc.iter().any(|&n| n >= 3) || per_doc.iter().filter(|&&n| n >= 2).count() >= 2;
    let repeated = repeated && members.iter().all(|m| texts[m.article].stands_alone(m.begin, m.end));
    let mut articles: Vec<usize> = members.iter().map(|m| m.article).collect();
    articles.sort_unstable();
    articles.dedup();
    repeated || articles.len() > threshold
}

/// Lowest share of matching characters for an alignment to count.
const MIN_IDENTITY: f64 = 0.8;
/// A gram shared by at most this many articles proposes all their pairs.
const ALL_PAIRS: usize = 8;
/// Seeds per gram per article: repeats beyond this are degenerate text.
const MAX_REPEAT: usize = 4;
/// Bits of a packed corpus-wide gram entry that hold an article index.
const LOW_BITS: u32 = 24;
const LOW_MASK: u64 = (1 << LOW_BITS) - 1;
/// An article's own grams pack a position in the low 32 bits (an article
/// may be longer than 2^24 characters: the whole text of a long document)
/// and the top 32 bits of the gram hash above it. Seeds are checked
/// character by character, so the shorter hash costs nothing but a few
/// more comparisons.
const POS_MASK: u64 = u32::MAX as u64;

/// A 40-bit hash of a gram, in the high bits of a packed `u64`.
pub(crate) fn gram_hash(g: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in g {
        h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h ^ (h >> 29)) >> LOW_BITS << LOW_BITS
}

/// A pairwise match between two articles (indices into the article list).
#[derive(Debug, Clone)]
struct PairPassage {
    x: usize,
    y: usize,
    al: Alignment,
}

/// Drops alignments of one article pair that lie inside another on both
/// sides: a sentence an article repeats also matches the other witness's
/// copy of its twin, and that off-diagonal match would only add false
/// variants to a passage the main alignment already covers.
fn drop_dominated(als: &mut Vec<Alignment>) {
    als.sort_by_key(|a| std::cmp::Reverse((a.a1 - a.a0) + (a.b1 - a.b0)));
    let mut kept: Vec<Alignment> = Vec::with_capacity(als.len());
    for a in als.drain(..) {
        if !kept.iter().any(|k| k.a0 <= a.a0 && a.a1 <= k.a1 && k.b0 <= a.b0 && a.b1 <= k.b1) {
            kept.push(a);
        }
    }
    *als = kept;
}

/// Finds the shared passages of a corpus. `inputs[i]` is the decoded text
/// of `docs[i]`. Never panics; cost is near-linear in corpus size.
pub fn find_passages(docs: &[DocumentAnalysis], inputs: &[Vec<char>], settings: Settings) -> Vec<Passage> {
    find_passages_with(docs, inputs, settings, None)
}

/// [`find_passages`], with the part-of-speech signal for stock phrases
/// when a tagger is at hand ([`stock::NamesOnly`]).
pub fn find_passages_with(docs: &[DocumentAnalysis], inputs: &[Vec<char>], settings: Settings, names: Option<stock::NamesOnly>) -> Vec<Passage> {
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
    // Articles past 2^24 can't be indexed in the packed form; there are none
    // in practice, and the rest of the corpus is still compared.
    texts.truncate(LOW_MASK as usize);
    let threshold = boilerplate_threshold(texts.len());
    let (pairs, frequent) = candidate_pairs(&texts, threshold, settings);
    // Each article's grams, sorted (hash | position): built when its first
    // pair comes up and freed after its last, so only the articles with
    // pairs still to align hold grams (pairs come sorted, and reprints
    // cluster), not the whole corpus at 8 bytes a character.
    let mut last_use = vec![0usize; texts.len()];
    for (i, &(x, y)) in pairs.iter().enumerate() {
        last_use[x] = i;
        last_use[y] = i;
    }
    let mut grams: Vec<Option<Vec<u64>>> = vec![None; texts.len()];
    let mut found: Vec<PairPassage> = Vec::new();
    for (i, &(x, y)) in pairs.iter().enumerate() {
        for a in [x, y] {
            if grams[a].is_none() {
                grams[a] = Some(article_grams(&texts[a], &frequent));
            }
        }
        let (gx, gy) = (grams[x].as_deref().unwrap_or_default(), grams[y].as_deref().unwrap_or_default());
        let mut als = align_pair(&texts[x], &texts[y], gx, gy, settings);
        drop_dominated(&mut als);
        found.extend(als.into_iter().map(|al| PairPassage { x, y, al }));
        for a in [x, y] {
            if last_use[a] == i {
                grams[a] = None;
            }
        }
    }
    drop(grams);
    cluster(docs, inputs, &texts, found, settings, threshold, &frequent, names)
}

/// An article's grams as sorted `hash | position`, boilerplate grams left out.
fn article_grams(t: &ArticleText, frequent: &[u64]) -> Vec<u64> {
    let mut g: Vec<u64> = t
        .norm
        .windows(K)
        .enumerate()
        .take(POS_MASK as usize)
        .map(|(p, w)| (gram_hash(w), p as u64))
        .filter(|(h, _)| frequent.binary_search(h).is_err())
        .map(|(h, p)| (h & !POS_MASK) | p)
        .collect();
    g.sort_unstable();
    g
}

/// Article pairs that share enough grams to hold a passage, from one sorted
/// array of `hash | article`; also returns the boilerplate grams.
fn candidate_pairs(texts: &[ArticleText], threshold: usize, settings: Settings) -> (Vec<(usize, usize)>, Vec<u64>) {
    let mut grams: Vec<u64> = Vec::with_capacity(texts.iter().map(ArticleText::len).sum());
    for (i, t) in texts.iter().enumerate() {
        grams.extend(t.norm.windows(K).map(|g| gram_hash(g) | i as u64));
    }
    grams.sort_unstable();
    grams.dedup();
    // A passage of min_len characters with one slip in ten keeps about a
    // quarter of its grams intact: ask for that many, and at least three.
    let needed = ((settings.min_len + 1).saturating_sub(K) / 4).max(3) as u32;
    // Pairs are proposed per gram group; most pairs share a gram or two by
    // chance. A count-min sketch (fixed size, saturating) finds the pairs
    // that may reach `needed`; only those get an exact counter. A sketch
    // only overestimates, so no true candidate is lost.
    let bits = (grams.len() * 2).next_power_of_two().clamp(1 << 16, 1 << 24);
    let mut sketch = vec![0u8; bits * 2];
    let slot = |key: u64, d: u64| -> usize {
        let h = (key ^ d.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        d as usize * bits + ((h ^ (h >> 31)) as usize & (bits - 1))
    };
    let mut frequent = Vec::new();
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for pass in 0..2 {
        let mut arts: Vec<u64> = Vec::new();
        let mut i = 0;
        while i < grams.len() {
            let h = grams[i] & !LOW_MASK;
            arts.clear();
            while i < grams.len() && grams[i] & !LOW_MASK == h {
                arts.push(grams[i] & LOW_MASK);
                i += 1;
            }
            let df = arts.len();
            if df > threshold {
                if pass == 0 {
                    frequent.push(h);
                }
                if !settings.boilerplate {
                    continue;
                }
            }
            if df < 2 {
                continue;
            }
            let mut bump = |x: u64, y: u64| {
                let key = x << 32 | y;
                let (s0, s1) = (slot(key, 0), slot(key, 1));
                if pass == 0 {
                    sketch[s0] = sketch[s0].saturating_add(1);
                    sketch[s1] = sketch[s1].saturating_add(1);
                } else if sketch[s0].min(sketch[s1]) as u32 >= needed {
                    *counts.entry(key).or_default() += 1;
                }
            };
            if df <= ALL_PAIRS {
                for (p, &x) in arts.iter().enumerate() {
                    for &y in &arts[p + 1..] {
                        bump(x, y);
                    }
                }
            } else {
                // Many witnesses: link each to the first (a star). Passages
                // are cut on a pivot's alignments with every other witness
                // (`witness::cut_passages`), which a star gives and a chain
                // of neighbours does not; both are linear.
                for &y in &arts[1..] {
                    bump(arts[0], y);
                }
            }
        }
    }
    drop(sketch);
    drop(grams);
    if settings.boilerplate {
        frequent.clear();
    }
    let mut pairs: Vec<(usize, usize)> =
        counts.into_iter().filter(|&(_, n)| n >= needed).map(|(k, _)| ((k >> 32) as usize, (k & 0xffff_ffff) as usize)).collect();
    pairs.sort_unstable();
    (pairs, frequent)
}

/// All passages between two articles. Seeds come from a merge-join of the
/// two sorted gram lists: linear, and no allocation per gram.
fn align_pair(x: &ArticleText, y: &ArticleText, gx: &[u64], gy: &[u64], settings: Settings) -> Vec<Alignment> {
    let mut seeds: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < gx.len() && j < gy.len() {
        let (hx, hy) = (gx[i] & !POS_MASK, gy[j] & !POS_MASK);
        if hx < hy {
            i += 1;
        } else if hy < hx {
            j += 1;
        } else {
            let i_end = i + gx[i..].iter().take_while(|v| *v & !POS_MASK == hx).count();
            let j_end = j + gy[j..].iter().take_while(|v| *v & !POS_MASK == hx).count();
            for &a in &gx[i..i_end.min(i + MAX_REPEAT)] {
                for &b in &gy[j..j_end.min(j + MAX_REPEAT)] {
                    let (pa, pb) = ((a & POS_MASK) as usize, (b & POS_MASK) as usize);
                    if x.norm[pa..pa + K] == y.norm[pb..pb + K] {
                        seeds.push((pa, pb));
                    }
                }
            }
            i = i_end;
            j = j_end;
        }
    }
    let anchors = anchors_from_seeds(seeds, K);
    let mut out = Vec::new();
    for c in chain(&anchors) {
        for al in align_split(&x.norm, &y.norm, &c) {
            let shorter = (al.a1 - al.a0).min(al.b1 - al.b0);
            if shorter >= settings.min_len && al.identity() >= MIN_IDENTITY {
                out.push(al);
            }
        }
    }
    out
}

/// Turns pairwise alignments into passages of constant witness sets
/// ([`witness::cut_passages`]), each with its story, display text, spans
/// and the variant readings of every aligned pair of its members.
fn cluster(
    docs: &[DocumentAnalysis],
    inputs: &[Vec<char>],
    texts: &[ArticleText],
    found: Vec<PairPassage>,
    settings: Settings,
    threshold: usize,
    frequent: &[u64],
    names: Option<stock::NamesOnly>,
) -> Vec<Passage> {
    let mut pairs: Vec<witness::Pair> = found.into_iter().map(|p| witness::Pair { x: p.x, y: p.y, al: p.al }).collect();
    // A pivot's missing alignments, on request (its grams kept between calls).
    let mut pivot_grams: Option<(usize, Vec<u64>)> = None;
    let mut align = |x: usize, y: usize| -> Vec<Alignment> {
        if pivot_grams.as_ref().is_none_or(|(a, _)| *a != x) {
            pivot_grams = Some((x, article_grams(&texts[x], frequent)));
        }
        let gx = pivot_grams.as_ref().map(|(_, g)| g.as_slice()).unwrap_or_default();
        let mut als = align_pair(&texts[x], &texts[y], gx, &article_grams(&texts[y], frequent), settings);
        drop_dominated(&mut als);
        als
    };
    let (cuts, extra) = witness::cut_passages(&pairs, texts.len(), settings.min_len, &mut align);
    pairs.extend(extra);
    // Alignments by article pair, for the variant readings of each passage.
    let mut by_pair: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
    for (i, p) in pairs.iter().enumerate() {
        by_pair.entry((p.x.min(p.y), p.x.max(p.y))).or_default().push(i);
    }
    let mut passages: Vec<Passage> = Vec::new();
    // The members of each passage in matching-text coordinates.
    let mut stretches: Vec<Vec<witness::Stretch>> = Vec::new();
    for cut in cuts {
        let kind = if is_boilerplate(&cut.members, texts, threshold, settings) { PassageKind::Boilerplate } else { PassageKind::Reuse };
        if kind == PassageKind::Boilerplate && !settings.boilerplate {
            continue;
        }
        // No member starts or ends on a dangling mark (`，` `。”`).
        // The minimum length applies to the aligned text (the cut keeps
        // only members that reach it): trimming a mark never removes a
        // member, or a stretch that starts on the full stop before it would
        // leave a hole in every witness of a long report.
        let mut members: Vec<witness::Stretch> = cut.members.iter().map(|m| trim_dangling(&texts[m.article], &inputs[texts[m.article].doc], *m)).filter(|m| m.end > m.begin).collect();
        // Trimming a mark can leave a member that passed the cut just
        // under the share of the whole that every member holds.
        witness::keep_whole_sharers(&mut members);
        let cut = witness::Cut { story: cut.story, members };
        if cut.members.len() < 2 {
            continue;
        }
        let members: Vec<Member> = cut
            .members
            .iter()
            .map(|m| {
                let t = &texts[m.article];
                let input = &inputs[t.doc];
                let spans = t.spans(m.begin, m.end, input);
                Member {
                    doc: docs[t.doc].id.clone(),
                    article: docs[t.doc].articles[t.article].id.clone(),
                    begin: spans.first().map_or(0, |s| s[0]),
                    end: spans.last().map_or(0, |s| s[1]),
                    spans,
                    text: t.text(m.begin, m.end, input),
                }
            })
            .collect();
        let mut variants: Vec<Variant> = Vec::new();
        for (i, mi) in cut.members.iter().enumerate() {
            for (j, mj) in cut.members.iter().enumerate().skip(i + 1) {
                let key = (mi.article.min(mj.article), mi.article.max(mj.article));
                let mut v = Variant { members: [i, j], readings: Vec::new() };
                let inside = |m: &witness::Stretch, art: usize, r0: usize, r1: usize| m.article == art && r0 >= m.begin && r1 <= m.end;
                for &pi in by_pair.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                    let p = &pairs[pi];
                    let (tx, ty) = (&texts[p.x], &texts[p.y]);
                    let (inx, iny) = (&inputs[tx.doc], &inputs[ty.doc]);
                    for &((a0, a1), (b0, b1)) in &p.al.diffs {
                        // A reading counts when it lies inside both members.
                        let forward = inside(mi, p.x, a0, a1) && inside(mj, p.y, b0, b1);
                        let backward = inside(mi, p.y, b0, b1) && inside(mj, p.x, a0, a1);
                        if !forward && !backward {
                            continue;
                        }
                        // An insertion or deletion gets context on both sides.
                        let right = (a0 == a1 || b0 == b1) as usize;
                        let (ra, rb) = (reading(tx, inx, a0, a1, 1, right), reading(ty, iny, b0, b1, 1, right));
                        v.readings.push(if forward { [ra, rb] } else { [rb, ra] });
                    }
                }
                if !v.readings.is_empty() {
                    variants.push(v);
                }
            }
        }
        passages.push(Passage { id: 0, story: cut.story, size: members.len(), members, variants, kind });
        stretches.push(cut.members);
    }
    assign_stories(&mut passages, &stretches, texts.len(), settings);
    stock::mark_stock(&mut passages, &stretches, texts, settings, names);
    if !settings.stock {
        passages.retain(|p| p.kind != PassageKind::Stock);
    }
    // Longest first; ids follow that order, and stories are numbered in
    // the order of their longest passage.
    passages.sort_by_key(|p| std::cmp::Reverse(p.members.iter().map(|m| m.text.chars().count()).max().unwrap_or(0)));
    let mut story_ids: FxHashMap<usize, usize> = FxHashMap::default();
    for (i, p) in passages.iter_mut().enumerate() {
        p.id = i;
        let next = story_ids.len();
        p.story = *story_ids.entry(p.story).or_insert(next);
    }
    passages
}

/// Marks that may not open a member (they close or continue what came
/// before it) and marks that may not close one (they open what follows).
fn dangles_at_start(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | '。' | '！' | '？' | '”' | '’' | '）' | '》' | '」' | '』' | '】' | ',' | ';' | ':' | '.' | ')' | '!' | '?')
}

fn dangles_at_end(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | '“' | '‘' | '（' | '《' | '「' | '『' | '【' | ',' | ';' | ':' | '(')
}

/// `m` without dangling punctuation at either end.
fn trim_dangling(t: &ArticleText, input: &[char], mut m: witness::Stretch) -> witness::Stretch {
    while m.begin < m.end && dangles_at_start(t.shown(m.begin, input)) {
        m.begin += 1;
    }
    while m.end > m.begin && dangles_at_end(t.shown(m.end - 1, input)) {
        m.end -= 1;
    }
    m
}

/// Passages shorter than this (in matching characters) never join two
/// stories: a quote or a name links reports without making them one.
/// The length from which a passage links a story (shorter ones are
/// quotes): three times the minimum length, and at least 60 characters.
pub fn long_passage(settings: Settings) -> usize {
    (settings.min_len * 3).max(60)
}

/// Stories: the articles linked by long passages, each set one story (a
/// reprinted report and its copies). Cutting works on the wider connected
/// set, where one quoted sentence links every report of a summit; a reader
/// wants the report. A short passage takes the story of its first member.
fn assign_stories(passages: &mut [Passage], stretches: &[Vec<witness::Stretch>], articles: usize, settings: Settings) {
    let mut sets = witness::Sets::new(articles);
    let long = long_passage(settings);
    for s in stretches {
        if s.iter().map(|m| m.end - m.begin).max().unwrap_or(0) >= long {
            for w in s.windows(2) {
                sets.join(w[0].article, w[1].article);
            }
        }
    }
    for (p, s) in passages.iter_mut().zip(stretches) {
        p.story = sets.root(s[0].article);
    }
}

/// A reading with `left` and `right` characters of context, so that a
/// substitution reads `分别`/`分享` and an insertion `机为`/`机组为`.
fn reading(t: &ArticleText, input: &[char], from: usize, to: usize, left: usize, right: usize) -> String {
    let b = from.saturating_sub(left);
    let e = (to + right).min(t.len());
    (b..e).map(|k| t.shown(k, input)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two documents sharing 17.5 million characters reported a passage
    /// that ended at 16,777,231: an article's grams were indexed only up to
    /// position 2^24, the width of the packed position. They are indexed
    /// to the end now, and seeds past 2^24 are found.
    #[test]
    fn grams_past_two_to_the_24_are_indexed_and_seed_alignments() {
        let n = (1usize << 24) + 3000;
        let mut rng = fastrand::Rng::with_seed(24);
        let norm: Vec<char> = (0..n).map(|_| char::from_u32(0x4E00 + rng.u32(0..20000)).unwrap()).collect();
        let t = ArticleText { norm, ..Default::default() };
        let grams = article_grams(&t, &[]);
        let last = grams.iter().map(|g| g & POS_MASK).max().unwrap();
        assert_eq!(last as usize, n - K, "every gram position is indexed");
        // A pair whose only shared text lies past 2^24 in the long article.
        let tail = ArticleText { norm: t.norm[n - 200..].to_vec(), ..Default::default() };
        let tail_grams = article_grams(&tail, &[]);
        let found = align_pair(&t, &tail, &grams, &tail_grams, Settings::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].a0, found[0].a1), (n - 200, n));
    }
}
