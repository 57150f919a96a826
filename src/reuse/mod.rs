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
use normalize::{ArticleText, Unit};

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
    /// The same settings with the minimum length brought into 8–200, the
    /// range the CLI and the settings panel offer: a link or a saved
    /// session may carry any number.
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
/// A gram shared by more articles than this is a common phrase
/// (`高质量发展`, `新华社记者`) unless the same articles share enough other
/// grams: see [`Scan::groups`].
const COMMON: usize = 64;
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
pub(crate) fn gram_hash(g: &[Unit]) -> u64 {
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
    // Every article's matching text, a document per task (a tenth of a
    // large corpus's time when it was made on one core).
    let per_doc = crate::parallel::map((0..docs.len()).collect(), |d| {
        docs[d].articles.iter().enumerate().map(|(a, article)| ArticleText::new(d, a, article, &inputs[d])).filter(|t| t.len() >= settings.min_len).collect::<Vec<_>>()
    });
    let mut texts: Vec<ArticleText> = per_doc.into_iter().flatten().collect();
    // Articles past 2^24 can't be indexed in the packed form; there are none
    // in practice, and the rest of the corpus is still compared.
    texts.truncate(LOW_MASK as usize);
    let threshold = boilerplate_threshold(texts.len());
    let (pairs, frequent) = candidate_pairs(&texts, threshold, settings, GRAMS_PER_SLICE);
    let found = align_pairs(&pairs, &texts, &frequent, settings, GRAMS_KEPT);
    cluster(docs, inputs, &texts, found, settings, threshold, &frequent, names)
}

/// How many grams [`align_pairs`] keeps made at once: 128 MB of them (it
/// holds more when one batch of pairs needs more).
const GRAMS_KEPT: usize = 1 << 24;

/// The passages of the candidate pairs, in their order.
fn align_pairs(pairs: &[(usize, usize)], texts: &[ArticleText], frequent: &[u64], settings: Settings, keep: usize) -> Vec<PairPassage> {
    // Each article's grams, sorted (hash | position), are made when its
    // first pair comes up and kept for its later pairs, up to GRAMS_KEPT:
    // past that, the grams needed again last are dropped (made again if
    // need be), so a corpus of hundreds of megabytes never holds all its
    // grams at 8 bytes a character.
    let uses = Uses::of(pairs, texts.len());
    let mut grams: Vec<Option<Vec<u64>>> = vec![None; texts.len()];
    let mut kept_grams = 0;
    let mut found: Vec<PairPassage> = Vec::new();
    // A batch of pairs at a time, on every core: its articles' grams made,
    // its pairs aligned, then the grams no later pair needs freed.
    let batch = if crate::parallel::pieces() > 1 { 1024 } else { 1 };
    for (b, run) in pairs.chunks(batch).enumerate() {
        let (start, end) = (b * batch, b * batch + run.len());
        let mut needed: Vec<usize> = run.iter().flat_map(|&(x, y)| [x, y]).filter(|&a| grams[a].is_none()).collect();
        needed.sort_unstable();
        needed.dedup();
        let coming: usize = needed.iter().map(|&a| texts[a].len()).sum();
        if kept_grams + coming > keep {
            // Drop what this batch does not use, needed again last first.
            let mut droppable: Vec<usize> = (0..grams.len()).filter(|&a| grams[a].is_some() && uses.next(a, start) >= end).collect();
            droppable.sort_by_cached_key(|&a| std::cmp::Reverse(uses.next(a, start)));
            for a in droppable {
                if kept_grams + coming <= keep / 2 {
                    break;
                }
                kept_grams -= texts[a].len();
                grams[a] = None;
            }
        }
        for (a, g) in needed.iter().zip(crate::parallel::map(needed.clone(), |a| article_grams(&texts[a], frequent))) {
            grams[*a] = Some(g);
        }
        kept_grams += coming;
        let grams_of = |a: usize| grams[a].as_deref().unwrap_or_default();
        let aligned = crate::parallel::map(run.to_vec(), |(x, y)| {
            let mut als = align_pair(&texts[x], &texts[y], grams_of(x), grams_of(y), settings);
            drop_dominated(&mut als);
            als.into_iter().map(move |al| PairPassage { x, y, al }).collect::<Vec<_>>()
        });
        found.extend(aligned.into_iter().flatten());
        for &(x, y) in run {
            for a in [x, y] {
                if uses.next(a, end) == usize::MAX && grams[a].take().is_some() {
                    kept_grams -= texts[a].len();
                }
            }
        }
    }
    found
}

/// Where each article comes up in a list of pairs, in order.
struct Uses {
    /// `at[starts[a]..starts[a + 1]]`: the pairs of article `a`.
    starts: Vec<usize>,
    at: Vec<usize>,
}

impl Uses {
    fn of(pairs: &[(usize, usize)], articles: usize) -> Self {
        let mut starts = vec![0usize; articles + 1];
        for &(x, y) in pairs {
            starts[x + 1] += 1;
            starts[y + 1] += 1;
        }
        for a in 0..articles {
            starts[a + 1] += starts[a];
        }
        let mut fill = starts.clone();
        let mut at = vec![0; starts[articles]];
        for (i, &(x, y)) in pairs.iter().enumerate() {
            for a in [x, y] {
                at[fill[a]] = i;
                fill[a] += 1;
            }
        }
        Uses { starts, at }
    }

    /// The first pair of `a` at or after `from`; `usize::MAX` if none.
    fn next(&self, a: usize, from: usize) -> usize {
        let mine = &self.at[self.starts[a]..self.starts[a + 1]];
        mine.get(mine.partition_point(|&i| i < from)).copied().unwrap_or(usize::MAX)
    }
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

/// How many grams [`candidate_pairs`] sorts at once: 128 MB of them.
const GRAMS_PER_SLICE: usize = 1 << 24;

/// Article pairs that share enough grams to hold a passage, from sorted
/// arrays of `hash | article`; also returns the boilerplate grams.
///
/// Every gram of the corpus at 8 bytes is the largest thing the analysis
/// would hold (a 100 MB corpus has 40 million), so the grams are made and
/// sorted a slice of hash space at a time: a gram's slice holds every
/// article that has it, and pairs are counted across slices.
fn candidate_pairs(texts: &[ArticleText], threshold: usize, settings: Settings, per_slice: usize) -> (Vec<(usize, usize)>, Vec<u64>) {
    let total: usize = texts.iter().map(|t| t.len().saturating_sub(K - 1)).sum();
    let slices = total.div_ceil(per_slice).max(1);
    // The hash is the top 40 bits: slices are equal ranges of it.
    let slice_of = move |h: u64| (((h >> LOW_BITS) as u128 * slices as u128) >> (64 - LOW_BITS)) as usize;
    let batches = crate::parallel::ranges(texts.len());
    let in_slice = move |h: u64, slice: usize| slices == 1 || slice_of(h) == slice;
    // How many grams of each batch fall in each slice, counted once for
    // both passes (counting a slice when it came hashed the corpus once
    // more per slice and pass).
    let per_batch: Vec<Vec<usize>> = crate::parallel::map(batches.clone(), |batch| {
        let mut n = vec![0usize; slices];
        for i in batch {
            if slices == 1 {
                n[0] += texts[i].len().saturating_sub(K - 1);
            } else {
                for w in texts[i].norm.windows(K) {
                    n[slice_of(gram_hash(w))] += 1;
                }
            }
        }
        n
    });
    let slice_grams = |slice: usize| -> Vec<u64> {
        // Written in place, batch by batch, where the counts say: never
        // the slice twice over.
        let counts: Vec<usize> = per_batch.iter().map(|n| n[slice]).collect();
        let mut grams = vec![0u64; counts.iter().sum()];
        let mut rest: &mut [u64] = &mut grams;
        let mut jobs = Vec::with_capacity(batches.len());
        for (batch, &n) in batches.iter().zip(&counts) {
            let (mine, after) = std::mem::take(&mut rest).split_at_mut(n);
            jobs.push((batch.clone(), mine));
            rest = after;
        }
        crate::parallel::map(jobs, |(batch, out)| {
            let hashes = batch.flat_map(|i| texts[i].norm.windows(K).map(gram_hash).filter(|&h| in_slice(h, slice)).map(move |h| h | i as u64));
            for (slot, g) in out.iter_mut().zip(hashes) {
                *slot = g;
            }
        });
        crate::parallel::sort_unstable(&mut grams);
        grams.dedup();
        grams
    };
    // A passage of min_len characters with one slip in ten keeps about a
    // quarter of its grams intact: ask for that many, and at least three.
    let needed = ((settings.min_len + 1).saturating_sub(K) / 4).max(3) as u32;
    // Pairs are proposed per gram group; most pairs share a gram or two by
    // chance. A count-min sketch (fixed size, saturating) finds the pairs
    // that may reach `needed`; only those get an exact counter. A sketch
    // only overestimates, so no true candidate is lost.
    let bits = (total * 2).next_power_of_two().clamp(1 << 16, 1 << 24);
    let sketch = Sketch::new(bits);
    let mut frequent = Vec::new();
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    // How many grams each set of articles sharing a common gram shares:
    // counted in pass 0 (`sets_seen`, slice by slice), read in pass 1.
    let (mut sets_seen, mut set_counts): (FxHashMap<u64, u32>, FxHashMap<u64, u32>) = Default::default();
    // One slice's grams are kept between the passes when there is only one.
    let mut kept: Option<Vec<u64>> = None;
    for (pass, slice) in (0..2).flat_map(|pass| (0..slices).map(move |slice| (pass, slice))) {
        let grams = match kept.take() {
            Some(grams) => grams,
            None => slice_grams(slice),
        };
        // The slice's gram groups, cut into a range per core.
        let ranges = group_ranges(&grams, crate::parallel::pieces());
        let scanned = crate::parallel::map(ranges, |range| {
            let mut scan = Scan {
                pass,
                threshold,
                needed,
                boilerplate: settings.boilerplate,
                sketch: &sketch,
                frequent: Vec::new(),
                counts: FxHashMap::default(),
                sets_seen: FxHashMap::default(),
                set_counts: &set_counts,
            };
            scan.groups(&grams[range]);
            (scan.frequent, scan.counts, scan.sets_seen)
        });
        for (f, c, sets) in scanned {
            for (set, n) in sets {
                *sets_seen.entry(set).or_default() += n;
            }
            frequent.extend(f);
            if counts.is_empty() {
                counts = c;
            } else {
                for (key, n) in c {
                    *counts.entry(key).or_default() += n;
                }
            }
        }
        if slices == 1 && pass == 0 {
            kept = Some(grams);
        }
        if pass == 0 && slice + 1 == slices {
            set_counts = std::mem::take(&mut sets_seen);
        }
    }
    drop(sketch);
    if settings.boilerplate {
        frequent.clear();
    }
    let mut pairs: Vec<(usize, usize)> =
        counts.into_iter().filter(|&(_, n)| n >= needed).map(|(k, _)| ((k >> 32) as usize, (k & 0xffff_ffff) as usize)).collect();
    pairs.sort_unstable();
    (pairs, frequent)
}

/// Cuts sorted `hash | article` grams into about `n` ranges, each whole
/// gram groups.
fn group_ranges(grams: &[u64], n: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let step = grams.len().div_ceil(n.max(1)).max(1);
    while start < grams.len() {
        let mut end = (start + step).min(grams.len());
        while end < grams.len() && grams[end] & !LOW_MASK == grams[end - 1] & !LOW_MASK {
            end += 1;
        }
        ranges.push(start..end);
        start = end;
    }
    ranges
}

/// A count-min sketch of article pairs: two rows of saturating counters,
/// bumped from every core at once. A pair's count is never under its true
/// count (both rows only add), so no true candidate is lost.
struct Sketch {
    bits: usize,
    cells: Vec<std::sync::atomic::AtomicU8>,
}

impl Sketch {
    fn new(bits: usize) -> Self {
        Sketch { bits, cells: (0..bits * 2).map(|_| std::sync::atomic::AtomicU8::new(0)).collect() }
    }

    fn slots(&self, key: u64) -> [usize; 2] {
        [0u64, 1].map(|d| {
            let h = (key ^ d.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
            d as usize * self.bits + ((h ^ (h >> 31)) as usize & (self.bits - 1))
        })
    }

    fn bump(&self, key: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        for s in self.slots(key) {
            let _ = self.cells[s].fetch_update(Relaxed, Relaxed, |n| n.checked_add(1));
        }
    }

    fn at_least(&self, key: u64, needed: u32) -> bool {
        self.slots(key).iter().all(|&s| self.cells[s].load(std::sync::atomic::Ordering::Relaxed) as u32 >= needed)
    }
}

/// One range of gram groups read in one pass of [`candidate_pairs`]: the
/// first fills the sketch and lists the boilerplate grams, the second
/// counts the pairs the sketch lets through.
struct Scan<'a> {
    pass: usize,
    threshold: usize,
    needed: u32,
    boilerplate: bool,
    sketch: &'a Sketch,
    frequent: Vec<u64>,
    counts: FxHashMap<u64, u32>,
    /// Pass 0 counts here, per set of articles sharing a common gram (in
    /// more than [`COMMON`]), how many grams that exact set shares in this
    /// range; pass 1 reads the counts of the whole corpus (`set_counts`).
    sets_seen: FxHashMap<u64, u32>,
    set_counts: &'a FxHashMap<u64, u32>,
}

/// A set of articles (sorted), as one number.
fn set_key(articles: &[u64]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    articles.hash(&mut h);
    h.finish()
}

impl Scan<'_> {
    fn groups(&mut self, grams: &[u64]) {
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
            if df > self.threshold {
                if self.pass == 0 {
                    self.frequent.push(h);
                }
                if !self.boilerplate {
                    continue;
                }
            }
            if df < 2 {
                continue;
            }
            if df > COMMON {
                // A common gram links its articles only where a report is
                // shared: then `needed` grams or more (its text) are shared
                // by exactly the same articles. A common phrase's articles
                // differ from gram to gram; starred on its first article,
                // such grams made six in seven of a 108 MB corpus's pairs,
                // and dropping them lost 8 of its 39,231 passages.
                let set = set_key(&arts);
                if self.pass == 0 {
                    *self.sets_seen.entry(set).or_default() += 1;
                } else if self.set_counts.get(&set).is_none_or(|&n| n < self.needed) {
                    continue;
                }
            }
            if df <= ALL_PAIRS {
                for (p, &x) in arts.iter().enumerate() {
                    for &y in &arts[p + 1..] {
                        self.bump(x, y);
                    }
                }
            } else {
                // Many witnesses: link each to the first (a star). Passages
                // are cut on a pivot's alignments with every other witness
                // (`witness::cut_passages`), which a star gives and a chain
                // of neighbours does not; both are linear.
                for &y in &arts[1..] {
                    self.bump(arts[0], y);
                }
            }
        }
    }

    fn bump(&mut self, x: u64, y: u64) {
        let key = x << 32 | y;
        if self.pass == 0 {
            self.sketch.bump(key);
        } else if self.sketch.at_least(key, self.needed) {
            *self.counts.entry(key).or_default() += 1;
        }
    }
}

/// All passages between two articles. Seeds come from a merge-join of the
/// two sorted gram lists: linear, and no allocation per gram.
fn align_pair(x: &ArticleText, y: &ArticleText, gx: &[u64], gy: &[u64], settings: Settings) -> Vec<Alignment> {
    let mut seeds: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < gx.len() && j < gy.len() {
        let (hx, hy) = (gx[i] & !POS_MASK, gy[j] & !POS_MASK);
        if hx != hy {
            // Which side moves on is a coin toss for hashes: as arithmetic,
            // not a branch, the merge never waits on a mispredicted jump
            // (most of a pair's grams are not shared).
            i += usize::from(hx < hy);
            j += usize::from(hy < hx);
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
    let maker = PassageMaker { docs, inputs, texts, pairs: &pairs, by_pair, threshold, settings };
    // Each cut made a passage on every core: its members and their variant
    // readings depend on that cut alone (1.6 s on one core for 108 MB,
    // 0.8 s on two).
    let made = crate::parallel::map(cuts, |cut| maker.passage(cut));
    // The members of each passage in matching-text coordinates.
    let (mut passages, stretches): (Vec<Passage>, Vec<Vec<witness::Stretch>>) = made.into_iter().flatten().unzip();
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

/// What makes each cut a passage: the corpus's texts and every alignment
/// between its articles, read by every core at once.
struct PassageMaker<'a> {
    docs: &'a [DocumentAnalysis],
    inputs: &'a [Vec<char>],
    texts: &'a [ArticleText],
    pairs: &'a [witness::Pair],
    /// The alignments of each article pair (smaller index first), as
    /// indices into `pairs`.
    by_pair: FxHashMap<(usize, usize), Vec<usize>>,
    threshold: usize,
    settings: Settings,
}

impl PassageMaker<'_> {
    /// The passage of one cut, with its members' stretches in matching-text
    /// coordinates; `None` when it is boilerplate not asked for, or trimming
    /// its marks leaves fewer than two members.
    fn passage(&self, cut: witness::Cut) -> Option<(Passage, Vec<witness::Stretch>)> {
        let (texts, settings) = (self.texts, self.settings);
        let kind = if is_boilerplate(&cut.members, texts, self.threshold, settings) { PassageKind::Boilerplate } else { PassageKind::Reuse };
        if kind == PassageKind::Boilerplate && !settings.boilerplate {
            return None;
        }
        // No member starts or ends on a dangling mark (`，` `。”`).
        // The minimum length applies to the aligned text (the cut keeps
        // only members that reach it): trimming a mark never removes a
        // member, or a stretch that starts on the full stop before it would
        // leave a hole in every witness of a long report.
        let mut stretches: Vec<witness::Stretch> = cut.members.iter().map(|m| trim_dangling(&texts[m.article], &self.inputs[texts[m.article].doc], *m)).filter(|m| m.end > m.begin).collect();
        // Trimming a mark can leave a member that passed the cut just
        // under the share of the whole that every member holds.
        witness::keep_whole_sharers(&mut stretches);
        if stretches.len() < 2 {
            return None;
        }
        let members: Vec<Member> = stretches.iter().map(|m| self.member(m)).collect();
        let mut variants: Vec<Variant> = Vec::new();
        for (i, mi) in stretches.iter().enumerate() {
            for (j, mj) in stretches.iter().enumerate().skip(i + 1) {
                variants.extend(self.variant([i, j], mi, mj));
            }
        }
        Some((Passage { id: 0, story: cut.story, size: members.len(), members, variants, kind }, stretches))
    }

    /// A member as the reader sees it: its spans and text in its input.
    fn member(&self, m: &witness::Stretch) -> Member {
        let t = &self.texts[m.article];
        let doc = &self.docs[t.doc];
        let input = &self.inputs[t.doc];
        let spans = t.spans(m.begin, m.end, input);
        Member {
            doc: doc.id.clone(),
            article: doc.articles[t.article].id.clone(),
            // Outermost, not first and last: columns read one after another
            // (`pdftotext -layout`) put a passage's later text earlier in
            // the input.
            begin: spans.iter().map(|s| s[0]).min().unwrap_or(0),
            end: spans.iter().map(|s| s[1]).max().unwrap_or(0),
            spans,
            text: t.text(m.begin, m.end, input),
        }
    }

    /// Where members `mi` and `mj` (numbered `members`) read differently:
    /// every difference of their articles' alignments that lies inside
    /// both; `None` where they read the same.
    fn variant(&self, members: [usize; 2], mi: &witness::Stretch, mj: &witness::Stretch) -> Option<Variant> {
        let inside = |m: &witness::Stretch, art: usize, r0: usize, r1: usize| m.article == art && r0 >= m.begin && r1 <= m.end;
        let key = (mi.article.min(mj.article), mi.article.max(mj.article));
        let mut v = Variant { members, readings: Default::default() };
        for &pi in self.by_pair.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
            let p = &self.pairs[pi];
            let (tx, ty) = (&self.texts[p.x], &self.texts[p.y]);
            let (inx, iny) = (&self.inputs[tx.doc], &self.inputs[ty.doc]);
            for ((a0, a1), (b0, b1)) in p.al.diffs.iter() {
                let forward = inside(mi, p.x, a0, a1) && inside(mj, p.y, b0, b1);
                let backward = inside(mi, p.y, b0, b1) && inside(mj, p.x, a0, a1);
                if !forward && !backward {
                    continue;
                }
                // An insertion or deletion gets context on both sides.
                let right = (a0 == a1 || b0 == b1) as usize;
                let (ra, rb) = (reading(tx, inx, a0, a1, 1, right), reading(ty, iny, b0, b1, 1, right));
                v.readings.push(if forward { [&ra, &rb] } else { [&rb, &ra] });
            }
        }
        v.readings.shrink_to_fit();
        (!v.readings.is_empty()).then_some(v)
    }
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
    /// The articles of a reprint corpus, as the reuse engine reads them.
    fn reprint_texts() -> Vec<ArticleText> {
        let corpus = tongwen_testkit::synth::reprint_corpus(3, 20, 60);
        let ids: Vec<String> = (0..corpus.pages.len()).map(|i| format!("{i}.txt")).collect();
        let (analysis, texts) = crate::analysis::analyze_corpus_with(ids.iter().map(String::as_str).zip(corpus.pages.iter().map(|p| p.text.as_bytes())), Settings::default(), &mut |_| ());
        let chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
        let articles = analysis.documents.iter().enumerate().flat_map(|(d, doc)| doc.articles.iter().enumerate().map(move |(a, art)| (d, a, art)));
        articles.map(|(d, a, art)| ArticleText::new(d, a, art, &chars[d])).filter(|t| t.len() >= 20).collect()
    }

    /// Their candidate pairs, the grams cut into `per_slice`.
    fn pairs_sliced(per_slice: usize, boilerplate: bool) -> (Vec<(usize, usize)>, Vec<u64>) {
        let texts = reprint_texts();
        let settings = Settings { boilerplate, ..Settings::default() };
        candidate_pairs(&texts, boilerplate_threshold(texts.len()), settings, per_slice)
    }

    #[test]
    fn grams_dropped_for_want_of_room_and_made_again_give_the_same_alignments() {
        let texts = reprint_texts();
        let settings = Settings::default();
        let (pairs, frequent) = candidate_pairs(&texts, boilerplate_threshold(texts.len()), settings, usize::MAX);
        let spans = |keep: usize| -> Vec<(usize, usize, usize, usize, usize, usize)> {
            align_pairs(&pairs, &texts, &frequent, settings, keep).iter().map(|p| (p.x, p.y, p.al.a0, p.al.a1, p.al.b0, p.al.b1)).collect()
        };
        let all = spans(usize::MAX);
        assert!(all.len() > 20, "{}", all.len());
        for keep in [0, 500, 5_000] {
            assert_eq!(spans(keep), all, "{keep} grams kept");
        }
        // Where each article comes up.
        let uses = Uses::of(&[(0, 2), (1, 2), (0, 1), (2, 3)], 4);
        assert_eq!([uses.next(0, 0), uses.next(0, 1), uses.next(0, 3), uses.next(2, 2), uses.next(3, 0)], [0, 2, usize::MAX, 3, 3]);
    }

    /// Articles of matching text: each its own characters (none shared
    /// by chance), with the given shared pieces between them.
    fn texts_holding(pieces: &[Vec<&str>]) -> Vec<ArticleText> {
        let mut own = 0x4E00u16;
        let mut filler = |n: usize| -> Vec<Unit> {
            (0..n)
                .map(|_| {
                    own += 1;
                    own
                })
                .collect()
        };
        pieces
            .iter()
            .map(|shared| {
                let mut norm = filler(30);
                for piece in shared {
                    norm.extend(piece.chars().map(normalize::unit));
                    norm.extend(filler(30));
                }
                ArticleText { norm, ..Default::default() }
            })
            .collect()
    }

    #[test]
    fn the_minimum_length_is_clamped_into_8_to_200() {
        let with = |min_len| Settings { min_len, boilerplate: true, stock: true }.clamped();
        assert_eq!(with(3), Settings { min_len: 8, boilerplate: true, stock: true });
        assert_eq!(with(500).min_len, 200);
        assert_eq!(with(20).min_len, 20);
    }

    #[test]
    fn a_common_gram_links_articles_only_where_the_same_articles_share_a_text() {
        let settings = Settings::default();
        let candidates = |texts: &[ArticleText], per_slice: usize| candidate_pairs(texts, boilerplate_threshold(texts.len()), settings, per_slice).0;
        // A report reprinted by 81 articles (more than COMMON): every
        // reprint is paired with the first.
        let report = "国务院总理主持召开国务院常务会议，部署进一步做好稳就业工作，研究推动制造业高质量发展的政策措施，审议通过有关条例草案。会议指出，就业是最基本的民生。";
        let mut pieces: Vec<Vec<&str>> = vec![vec![report]; 81];
        pieces.extend(vec![vec![]; 100]);
        let texts = texts_holding(&pieces);
        for per_slice in [usize::MAX, 777] {
            assert_eq!(candidates(&texts, per_slice), (1..81).map(|y| (0, y)).collect::<Vec<_>>(), "{per_slice} grams a slice");
        }
        // Four common phrases of one gram each: article 0 and 80 others
        // hold all four, and 80 more articles each hold one of them, so
        // every phrase is in 161 articles, never the same 161. Starred on
        // their first article, the four made a pair of article 0 with each
        // of the 80 that hold all four, where no text is shared.
        let phrases = ["高质量发展", "新华社记者", "人民群众的", "中国式现代"];
        let mut pieces: Vec<Vec<&str>> = vec![phrases.to_vec(); 81];
        for p in phrases {
            pieces.extend(vec![vec![p]; 80]);
        }
        pieces.extend(vec![vec![]; 200]);
        let texts = texts_holding(&pieces);
        assert!(COMMON < 161 && 161 <= boilerplate_threshold(texts.len()));
        for per_slice in [usize::MAX, 777] {
            assert_eq!(candidates(&texts, per_slice), [], "{per_slice} grams a slice");
        }
        // A fixed phrase of as many grams as a pair needs, in the same 81
        // articles, links them as a report would; one character shorter,
        // it does not.
        let needed = ((settings.min_len + 1).saturating_sub(K) / 4).max(3);
        let long = "十四五规划纲要提出的目标";
        for (chars, linked) in [(K + needed - 1, true), (K + needed - 2, false)] {
            let phrase: String = long.chars().take(chars).collect();
            let mut pieces: Vec<Vec<&str>> = vec![vec![phrase.as_str()]; 81];
            pieces.extend(vec![vec![]; 100]);
            let pairs = candidates(&texts_holding(&pieces), usize::MAX);
            assert_eq!(pairs.len(), if linked { 80 } else { 0 }, "{phrase}");
        }
        // Under ALL_PAIRS articles, every pair of them, each once.
        let pieces: Vec<Vec<&str>> = vec![vec![report]; 3];
        assert_eq!(candidates(&texts_holding(&pieces), usize::MAX), [(0, 1), (0, 2), (1, 2)]);
    }

    #[test]
    fn grams_cut_into_slices_of_hash_space_give_the_same_candidates() {
        for boilerplate in [false, true] {
            let whole = pairs_sliced(usize::MAX, boilerplate);
            assert!(whole.0.len() > 20, "{}", whole.0.len());
            assert_eq!(whole.1.is_empty(), boilerplate, "boilerplate grams are listed unless reported");
            for per_slice in [5_000, 777] {
                assert_eq!(pairs_sliced(per_slice, boilerplate), whole, "{per_slice} grams a slice");
            }
        }
        // Ranges of whole gram groups, covering every gram once.
        let grams = [1u64 << 24, 1 << 24 | 1, 2 << 24, 3 << 24, 3 << 24 | 5, 3 << 24 | 6, 4 << 24];
        for n in 1..=8 {
            let ranges = group_ranges(&grams, n);
            assert_eq!(ranges.first().map(|r| r.start), Some(0));
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start && grams[w[1].start] >> 24 != grams[w[1].start - 1] >> 24), "{ranges:?}");
            assert_eq!(ranges.last().map(|r| r.end), Some(grams.len()));
        }
        assert_eq!(group_ranges(&grams, 3), [0..3, 3..6, 6..7]);
        assert_eq!(group_ranges(&grams, 2), [0..6, 6..7], "a group is never cut");
    }

    #[test]
    fn grams_past_two_to_the_24_are_indexed_and_seed_alignments() {
        let n = (1usize << 24) + 3000;
        let mut rng = fastrand::Rng::with_seed(24);
        let norm: Vec<Unit> = (0..n).map(|_| 0x4E00 + rng.u16(0..20000)).collect();
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
