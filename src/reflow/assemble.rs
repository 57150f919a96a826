//! Assembly: classified items → articles and other blocks.

use crate::text::Space;
use std::collections::HashSet;


use super::classify::Item;
use super::piece::Piece;
use super::layout::Measure;
use super::row_order::PageNgrams;
use crate::model::{Article, Block, BlockKind, Marker, MarkerKind, Paragraph, Span};
use super::witnessed::{Move, Witnessed};
use crate::reuse::normalize::fold;
use crate::text::{ends_sentence_of, is_cjk};

/// An article under construction.
#[derive(Default)]
struct Draft {
    titles: Vec<Head>,
    byline: Option<Piece>,
    dateline: Option<Piece>,
    paras: Vec<(Piece, bool)>,
    markers: Vec<(Piece, MarkerKind)>,
    /// Datelines that open a paragraph inside the article: (paragraph, dateline).
    para_datelines: Vec<(usize, Piece)>,
    /// Titled by a Markdown heading, which we trust over any guess.
    fixed_title: bool,
    /// Headlines stood right before it, so it has a title coming.
    headed: bool,
    /// Closed by a closing dateline.
    closed: bool,
}

impl Draft {
    fn untitled(&self) -> bool {
        self.titles.is_empty()
    }
}

/// A headline with its subtitle lines.
#[derive(Debug, Clone, Default)]
struct Head {
    title: Vec<Piece>,
    subtitle: Vec<Piece>,
    sub_runs_on: bool,
    /// The title's last line filled its column: the next line may wrap it.
    title_runs_on: bool,
    byline: Option<Piece>,
    /// How far under the headline line above it it was printed: when
    /// apart, a headline of its own, never that one's wrap.
    apart: Apart,
}

impl Head {
    fn text(&self) -> String {
        self.title.iter().chain(&self.subtitle).map(Piece::text).collect()
    }
    fn numeric(&self) -> bool {
        self.subtitle.is_empty() && self.title.iter().map(|p| p.chars().iter().filter(|c| c.is_ascii_digit()).count()).sum::<usize>() >= 2
    }
}

/// Headlines seen together, and where they stand among the articles.
struct HeadRun {
    heads: Vec<Head>,
    /// Drafts that existed before the run: candidates for headlines printed after their body.
    before: usize,
    /// The article that starts right after the run, if any.
    next: Option<usize>,
}

struct Assembler<'s> {
    src: &'s [char],
    drafts: Vec<Draft>,
    cur: Option<usize>,
    pending: Vec<Item>,
    runs: Vec<HeadRun>,
    other: Vec<(BlockKind, Piece)>,
}

impl Assembler<'_> {
    fn new_draft(&mut self) -> usize {
        self.drafts.push(Draft::default());
        self.cur = Some(self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    fn current(&mut self) -> usize {
        match self.cur {
            Some(c) => c,
            None => self.new_draft(),
        }
    }

    /// Closes the pending headlines into a run; `next` says whether an
    /// article starts right after them.
    fn flush_run(&mut self, next: Option<usize>) {
        if self.pending.is_empty() {
            return;
        }
        let heads = build_heads(self.src, std::mem::take(&mut self.pending));
        let before = next.unwrap_or(self.drafts.len());
        if let Some(d) = next {
            self.drafts[d].headed = true;
        }
        self.runs.push(HeadRun { heads, before, next });
    }

    /// An article starts here if headlines precede it or `force` says so.
    fn start_if_pending(&mut self, force: bool) -> usize {
        if !self.pending.is_empty() || force || self.cur.is_none() {
            let d = self.new_draft();
            self.flush_run(Some(d));
            d
        } else {
            self.current()
        }
    }

    fn feed(&mut self, item: Item) {
        match item {
            Item::Headline { .. } => self.pending.push(item),
            Item::RunBreak => self.flush_run(None),
            Item::Infobox(p) => self.other.push((BlockKind::Infobox, p)),
            Item::Caption(p) => self.other.push((BlockKind::Caption, p)),
            Item::Furniture(p) => self.other.push((BlockKind::Furniture, p)),
            Item::Echo(p) => self.other.push((BlockKind::Headline, p)),
            Item::MdTitle(p) => {
                self.flush_run(None);
                let d = self.new_draft();
                let text = p.text();
                let head = match text.find("——") {
                    Some(byte) if byte > 0 => {
                        let (mut t, mut s) = p.split_at(text[..byte].chars().count());
                        t.trim();
                        s.trim();
                        Head { title: vec![t], subtitle: vec![s], ..Head::default() }
                    }
                    _ => Head { title: vec![p], ..Head::default() },
                };
                self.drafts[d].titles.push(head);
                self.drafts[d].fixed_title = true;
            }
            Item::Para { piece, .. } => {
                let d = self.start_if_pending(false);
                self.drafts[d].paras.push((piece, false));
            }
            Item::Dated { dateline, rest } => {
                let cur = self.cur.map(|c| &self.drafts[c]);
                let reuse = self.pending.is_empty() && cur.is_some_and(|c| c.paras.is_empty() && c.dateline.is_none());
                // A report filed from two places under one headline
                // (`新华社北京…电` then `新华社阿斯塔纳…电`) stays one article.
                let second_filing = self.pending.is_empty()
                    && cur.is_some_and(|c| {
                        (c.headed || c.fixed_title)
                            && !c.closed
                            && (1..=3).contains(&c.paras.len())
                            && c.dateline.as_ref().is_some_and(|first| files_from_elsewhere(&first.text(), &dateline.text()))
                    });
                if second_filing {
                    let d = self.current();
                    let draft = &mut self.drafts[d];
                    draft.paras.push((rest, false));
                    draft.para_datelines.push((draft.paras.len() - 1, dateline));
                    return;
                }
                let d = if reuse { self.current() } else { self.start_if_pending(true) };
                self.drafts[d].dateline = Some(dateline);
                if !rest.is_blank() {
                    self.drafts[d].paras.push((rest, false));
                }
            }
            Item::Closing(p) => {
                self.flush_run(None);
                match self.cur {
                    Some(c) if self.drafts[c].dateline.is_none() => self.drafts[c].dateline = Some(p),
                    _ => self.other.push((BlockKind::Dateline, p)),
                }
                if let Some(c) = self.cur {
                    self.drafts[c].closed = true;
                }
                self.cur = None;
            }
            Item::Byline(p) => {
                if !self.pending.is_empty() {
                    // A byline under headlines goes wherever they go.
                    self.pending.push(Item::Byline(p));
                } else {
                    let d = self.current();
                    if self.drafts[d].byline.is_none() {
                        self.drafts[d].byline = Some(p);
                    } else {
                        self.other.push((BlockKind::Byline, p));
                    }
                }
            }
            Item::Crosshead(p) => {
                self.flush_run(None);
                let d = self.current();
                self.drafts[d].paras.push((p, true));
            }
            Item::Marker { piece, kind: MarkerKind::ContinuedOn } => {
                let d = self.current();
                self.drafts[d].markers.push((piece, MarkerKind::ContinuedOn));
                self.flush_run(None);
                self.cur = None;
            }
            Item::Marker { piece, kind: MarkerKind::ContinuedFrom } => {
                let d = self.new_draft();
                self.flush_run(Some(d));
                self.drafts[d].markers.push((piece, MarkerKind::ContinuedFrom));
            }
        }
    }
}

/// Two datelines of one source and date but different places, as in a
/// report filed from Beijing and Astana: `新华社北京6月18日电` / `新华社阿斯塔纳6月18日电`.
fn files_from_elsewhere(first: &str, second: &str) -> bool {
    let head = |d: &str| d.split(['电', '讯']).next().unwrap_or("").to_owned();
    let (a, b) = (head(first), head(second));
    let source = |d: &str| ["新华社", "本报", "中新社"].into_iter().find(|s| d.starts_with(s));
    a.contains('月') && b.contains('月') && a != b && source(&a).is_some() && source(&a) == source(&b)
}

/// Groups headline lines: a `——` subtitle joins the headline before it, a
/// line under a title that stopped short of its column's edge is its
/// subtitle (a wrapped title fills the line), and a line after a subtitle
/// that filled its column continues the subtitle. A line printed apart
/// from the headline above it ([`printed_apart`]) heads on its own.
fn build_heads(src: &[char], items: Vec<Item>) -> Vec<Head> {
    let mut heads: Vec<Head> = Vec::new();
    for item in items {
        if let Item::Byline(p) = item {
            match heads.last_mut() {
                Some(h) if h.byline.is_none() => h.byline = Some(p),
                _ => heads.push(Head { byline: Some(p), ..Head::default() }),
            }
            continue;
        }
        let Item::Headline { piece, sub, runs_on, .. } = item else { continue };
        // Measured once, from the last line of the headline above (its
        // subtitle's, if it has one).
        let apart = heads.last().map_or(Apart::Near, |h| printed_apart(src, if h.subtitle.is_empty() { &h.title } else { &h.subtitle }, &piece));
        match heads.last_mut() {
            // A line under a title that stopped short of its column's edge
            // is not the title wrapping: it is the subtitle.
            Some(h) if !sub && !h.title.is_empty() && h.subtitle.is_empty() && h.byline.is_none() && !h.title_runs_on && apart == Apart::Near => {
                h.subtitle.push(piece);
                h.sub_runs_on = runs_on;
            }
            Some(h) if sub => {
                h.subtitle.push(piece);
                h.sub_runs_on = runs_on;
            }
            Some(h) if !h.subtitle.is_empty() && h.sub_runs_on => {
                h.subtitle.push(piece);
                h.sub_runs_on = false;
            }
            _ if sub => heads.push(Head { subtitle: vec![piece], sub_runs_on: runs_on, ..Head::default() }),
            _ => heads.push(Head { title: vec![piece], title_runs_on: runs_on, apart, ..Head::default() }),
        }
    }
    heads
}

/// How far under the headline lines above it a headline line was printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Apart {
    /// On the next line or the one after (one blank line down): a
    /// title's wrap or its subtitle may be.
    #[default]
    Near,
    /// Two lines or more down, with other text between: pdftotext prints
    /// a headline's box beside other columns' text, whose lines stand
    /// between it and a line that is not its own.
    BeyondText,
    /// Two blank lines or more down, and nothing else between: a headline
    /// of its own. Generator 1 prints a headline under its body, then the
    /// next article's, two blank lines down.
    BeyondBlank,
}

/// How far under the last of the headline lines `above` the line `below`
/// was printed ([`Apart`]). A page sets a headline's lines closer together
/// than it sets a headline apart from what stands around it.
fn printed_apart(src: &[char], above: &[Piece], below: &Piece) -> Apart {
    let (Some(end), Some(start)) = (above.last().and_then(Piece::last_offset), below.first_offset()) else { return Apart::Near };
    let gap = src.get(end + 1..start).unwrap_or_default();
    // From `end` on: the title's last character is no line break.
    if (end..start).filter(|&o| crate::text::is_line_break(src, o)).nth(LINES_APART).is_none() {
        Apart::Near
    } else if gap.iter().all(Space::is_space) {
        Apart::BeyondBlank
    } else {
        Apart::BeyondText
    }
}

/// Lines between two headlines printed apart ([`printed_apart`]).
const LINES_APART: usize = 2;

/// A paragraph left hanging mid-sentence (or a dateline's paragraph, as
/// `新华社…电 …具有重要的全球示`), then headline lines, then text that
/// carries on: the headline was dropped into the paragraph by the
/// extraction. Rejoin the paragraph and move the headline after it.
fn rejoin_displaced(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut it = items.into_iter().peekable();
    while let Some(mut item) = it.next() {
        if !hangs(&item) {
            out.push(item);
            continue;
        }
        // Whether the hanging text's last line filled its column, and the
        // column's measure.
        let (mut last, column) = match &item {
            Item::Para { last_full, measure, .. } => (*last_full, *measure),
            _ => (false, Measure::default()),
        };
        let mut between: Vec<Item> = Vec::new();
        let mut rejoined_across = false;
        // A quotation left open in the text so far, kept as each piece
        // joins (counted once per piece, however long the chain).
        let mut quote_open = !crate::text::quotes_balance(item.running_text().expect("a hanging item has text").chars());
        loop {
            match it.peek() {
                Some(i) if i.is_display() && between.len() < 6 => between.push(it.next().unwrap()),
                // Text carries on after the display lines, or straight after
                // a full line (a column break the layout pass left open).
                // Or after a quotation the break cut off.
                // Not into a paragraph's indented first line: the text
                // the break cut carries on elsewhere (`rejoin_cut_sentences`).
                Some(Item::Para { measure, .. }) if !between.is_empty() || (last && !opens_indented(&column, measure)) || quote_open => {
                    let more = it.next().expect("peeked");
                    let Item::Para { piece, dangling, last_full, .. } = &more else { unreachable!("peeked a paragraph") };
                    quote_open ^= !crate::text::quotes_balance(piece.chars());
                    let dangling = *dangling;
                    last = *last_full;
                    item.carry_on_with(more);
                    if !between.is_empty() {
                        rejoined_across = true;
                        break;
                    }
                    if !dangling {
                        break;
                    }
                }
                _ => break,
            }
        }
        out.push(item);
        let lifted = rejoined_across && between.iter().any(|i| matches!(i, Item::Headline { .. }));
        out.extend(between);
        if lifted {
            out.push(Item::RunBreak);
        }
    }
    out
}

/// The bigrams of the CJK characters of `chars`, in order, repeats kept,
/// packed in a `u64` each.
fn bigram_run(chars: impl Iterator<Item = char>) -> impl Iterator<Item = u64> {
    let mut before: Option<char> = None;
    chars.filter_map(move |c| next_bigram(&mut before, c))
}

/// One step of [`bigram_run`]: the bigram `c` ends, if it is CJK and
/// follows another (`before`, the last CJK character seen).
fn next_bigram(before: &mut Option<char>, c: char) -> Option<u64> {
    if !is_cjk(c) {
        return None;
    }
    before.replace(c).map(|b| (b as u64) << 32 | c as u64)
}

/// Sorted, deduplicated CJK character bigrams (see [`bigram_run`]).
fn bigrams(chars: impl Iterator<Item = char>) -> Vec<u64> {
    let mut out: Vec<u64> = bigram_run(chars).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Share of a headline's character bigrams `head` (distinct) that occur in
/// an article's body, `found` saying which do.
fn affinity(head: &[u64], found: impl Fn(u64) -> bool) -> f32 {
    let shared = head.iter().filter(|&&b| found(b)).count();
    // Two or three shared bigrams are chance, whatever the ratio.
    if shared < 4 {
        return 0.0;
    }
    shared as f32 / head.len() as f32
}

/// Which of `wanted` (sorted, distinct) occur among the bigrams
/// ([`bigram_run`]) of a body's first [`BODY_BIGRAMS_WITHIN`]
/// characters. One pass over the body per headline run: a set of the
/// body's own bigrams cost more to build than all it answered.
fn bigrams_found(d: &Draft, wanted: &[u64]) -> Vec<bool> {
    // A bit per hash bucket of the wanted bigrams: most of a body's
    // bigrams are none of them, and are told so by one bit.
    let bucket = |b: u64| (b.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize;
    let mut maybe = [0u64; 16];
    for &b in wanted {
        maybe[bucket(b) / 64] |= 1 << (bucket(b) % 64);
    }
    let mut found = vec![false; wanted.len()];
    let mut missing = wanted.len();
    // Plain loops over `next_bigram` rather than `bigram_run` over a
    // flattened, taken iterator: this reads most of a page's text, and
    // the adapters cost more than the lookups.
    let mut left = BODY_BIGRAMS_WITHIN;
    let mut before: Option<char> = None;
    for (p, _) in &d.paras {
        for &c in p.chars() {
            if left == 0 {
                return found;
            }
            left -= 1;
            let Some(b) = next_bigram(&mut before, c) else { continue };
            if maybe[bucket(b) / 64] & (1 << (bucket(b) % 64)) == 0 {
                continue;
            }
            if let Ok(k) = wanted.binary_search(&b) {
                if !found[k] {
                    found[k] = true;
                    missing -= 1;
                    if missing == 0 {
                        return found;
                    }
                }
            }
        }
    }
    found
}

/// How many characters of a body's opening [`bigrams_found`] reads.
const BODY_BIGRAMS_WITHIN: usize = 2000;

/// Gives every headline to an article: the one whose body shares most of
/// its words among the next article and the untitled ones just before the
/// run; failing that, by position (the last headline of a run heads the
/// article after it; earlier ones close the article before).
fn assign_titles(drafts: &mut Vec<Draft>, runs: Vec<HeadRun>, other: &mut Vec<(BlockKind, Piece)>) {
    const ENOUGH: f32 = 0.3;
    for run in runs {
        let mut cands: Vec<usize> = run.next.into_iter().collect();
        // Headlines printed after their body sit right after it: look back
        // three articles at most.
        let before = run.before.min(drafts.len());
        cands.extend((before.saturating_sub(3)..before).rev().filter(|&d| drafts[d].untitled() && !drafts[d].fixed_title));
        let heads: Vec<Vec<u64>> = run.heads.iter().map(|h| bigrams(h.text().chars())).collect();
        let mut wanted: Vec<u64> = heads.concat();
        wanted.sort_unstable();
        wanted.dedup();
        let found: Vec<Vec<bool>> = cands.iter().map(|&d| bigrams_found(&drafts[d], &wanted)).collect();
        let n = run.heads.len();
        let mut choice: Vec<Option<usize>> = vec![None; n];
        // Whether each headline shares words with the article after the run at all.
        let mut near_next = vec![false; n];
        for (h, head) in heads.iter().enumerate() {
            let mut best: Option<(f32, usize)> = None;
            for (k, found) in found.iter().enumerate() {
                let mut s = affinity(head, |b| wanted.binary_search(&b).is_ok_and(|i| found[i]));
                if Some(cands[k]) == run.next {
                    near_next[h] = s > 0.0;
                }
                // The last headline of a run usually heads what follows it.
                if h + 1 == n && Some(cands[k]) == run.next {
                    s += 0.1;
                }
                if s >= ENOUGH && best.is_none_or(|(b, _)| s > b + 0.05) {
                    best = Some((s, cands[k]));
                }
            }
            choice[h] = best.map(|(_, d)| d);
        }
        // A line no article claims belongs with the headline before it
        // (a deck under its title, the second line of a two-line title),
        // unless blank lines set it apart as a headline of its own.
        for h in 1..n {
            if choice[h].is_none() && run.heads[h].apart != Apart::BeyondBlank {
                choice[h] = choice[h - 1];
            }
        }
        // Two headlines or more that no body claims, between an untitled
        // article and the next: the first was printed after its body (as
        // 000 prints them) and heads the article above; the rest head the
        // one below. An article continued from another page has its title
        // there, and takes none.
        if n >= 2 && run.next.is_some() && choice.iter().all(Option::is_none) {
            let above = run.before.checked_sub(1).filter(|&d| {
                let draft = &drafts[d];
                draft.untitled() && !draft.fixed_title && !draft.markers.iter().any(|(_, k)| *k == MarkerKind::ContinuedFrom)
            });
            choice[0] = above;
        }
        // Positional fallback: unclaimed headlines at the end of the run (at
        // most two: title and deck) head the article after it.
        if let Some(next) = run.next {
            if choice.iter().all(|c| *c != Some(next)) {
                for h in (0..n).rev().take(2) {
                    if choice[h].is_some() {
                        break;
                    }
                    choice[h] = Some(next);
                }
            }
        }
        for h in 0..n {
            if choice[h].is_none() {
                let taken: HashSet<usize> = choice.iter().flatten().copied().collect();
                choice[h] = cands.iter().copied().filter(|&d| Some(d) != run.next).find(|d| !taken.contains(d) && drafts[*d].untitled());
            }
        }
        // A headline that nothing above can take and that carries no byline
        // of its own, over the deck the article below claims, heads that
        // article too when it shares some words with it, too few to claim
        // it (`…乔红：夯实核心技术` over `加快培育新质生产力`). A headline that
        // shares none heads a body printed elsewhere.
        for h in (0..n.saturating_sub(1)).rev() {
            let alone = run.heads[h].byline.is_none() && run.heads[h].subtitle.is_empty();
            if choice[h].is_none() && near_next[h] && alone && choice[h + 1] == run.next && run.heads[h + 1].apart != Apart::BeyondBlank {
                choice[h] = run.next;
            }
        }
        let mut given: HashSet<usize> = HashSet::new();
        let mut orphan: Option<usize> = None;
        for (mut head, target) in run.heads.into_iter().zip(choice) {
            let d = match target {
                Some(d) if drafts[d].untitled() || given.contains(&d) => d,
                // No article here claims it: it heads an article whose body
                // is on another page, so it stands as a title-only article.
                _ if !head.title.is_empty() || orphan.is_some() => *orphan.get_or_insert_with(|| {
                    drafts.push(Draft::default());
                    drafts.len() - 1
                }),
                _ => {
                    for p in head.subtitle.into_iter().chain(head.byline) {
                        other.push((BlockKind::Headline, p));
                    }
                    continue;
                }
            };
            given.insert(d);
            if let Some(b) = head.byline.take() {
                if drafts[d].byline.is_none() {
                    drafts[d].byline = Some(b);
                } else {
                    other.push((BlockKind::Byline, b));
                }
            }
            drafts[d].titles.push(head);
        }
    }
}

/// Joins pieces with a space where the input has whitespace between them.
fn join(src: &[char], parts: impl IntoIterator<Item = Piece>) -> Piece {
    let mut out = Piece::default();
    for p in parts {
        if p.is_blank() {
            continue;
        }
        if let (Some(prev_end), Some(first)) = (out.last_offset(), p.first_offset()) {
            if first > prev_end + 1 && src[first - 1].is_space() {
                out.push_char(' ', first - 1);
            }
        }
        out.append(p);
    }
    out
}

fn merge_spans(src: &[char], mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(l) if s[0] <= l[1] || src[l[1]..s[0]].iter().all(|c| c.is_space()) => l[1] = l[1].max(s[1]),
            _ => out.push(s),
        }
    }
    out
}

/// Characters a witnessed stretch's edge may be from a line's edge.
const SNAP: usize = 4;

/// The draft holding input offset `at` in its body or headline.
fn draft_at(drafts: &[Draft], at: usize) -> Option<usize> {
    // Offsets rise within a piece except where columns read one after another meet.
    let holds = |p: &Piece| p.offsets().contains(&at);
    drafts.iter().position(|d| d.paras.iter().any(|(p, _)| holds(p)) || d.titles.iter().any(|h| h.title.iter().chain(&h.subtitle).any(holds)))
}

/// Where in `piece` a stretch may start or end near character index `at`:
/// the piece's edges and the places where one input line ends and the
/// next begins (a paragraph glued to another at a line break).
fn snap(src: &[char], piece: &Piece, at: usize) -> Option<usize> {
    let offs = piece.offsets();
    let junction = |k: usize| k == 0 || k == offs.len() || (offs[k - 1] + 1..offs[k]).any(|o| crate::text::is_line_break(src, o));
    let (lo, hi) = (at.saturating_sub(SNAP), (at + SNAP).min(offs.len()));
    (lo..=hi).filter(|&k| junction(k)).min_by_key(|&k| k.abs_diff(at))
}

/// Most letters a witnessed stretch's edge may move by to reach a line's
/// edge: one slip.
const SNAP_LETTERS: usize = 1;

/// Letters and figures (not spaces or punctuation) in `piece` between
/// character indices `a` and `b`, in either order.
fn letters_between(piece: &Piece, a: usize, b: usize) -> usize {
    piece.chars()[a.min(b)..a.max(b)].iter().filter(|c| c.is_alphanumeric()).count()
}

/// Applies what other papers' copies say (see [`super::witnessed`]):
/// moves runs printed inside another article home, joins an article cut
/// in two, and titles an article as the copies do. Each hint is checked
/// against the page; one that does not fit it is left unapplied.
fn apply_witnessed(src: &[char], drafts: &mut Vec<Draft>, hints: &Witnessed) {
    for m in &hints.moves {
        move_run(src, drafts, m);
    }
    for &[first, second] in &hints.joins {
        let (Some(x), Some(y)) = (draft_at(drafts, first), draft_at(drafts, second)) else { continue };
        if x == y {
            continue;
        }
        let (x, y) = (x.min(y), x.max(y));
        let second = drafts.remove(y);
        let first = &mut drafts[x];
        let shift = first.paras.len();
        first.para_datelines.extend(second.para_datelines.into_iter().map(|(k, p)| (k + shift, p)));
        first.paras.extend(second.paras);
        first.titles.extend(second.titles);
        first.fixed_title |= second.fixed_title;
        first.markers.extend(second.markers);
        first.byline = first.byline.take().or(second.byline);
        first.dateline = first.dateline.take().or(second.dateline);
    }
    for (at, title) in &hints.titles {
        if let Some(d) = draft_at(drafts, *at) {
            retitle(&mut drafts[d], title);
        }
    }
}

/// Moves the stretch `m` out of the article it was printed in, if it
/// starts and ends where lines or paragraphs do and ends a sentence, into
/// the article it belongs to; the paragraph it was glued to joins the
/// text after it.
fn move_run(src: &[char], drafts: &mut [Draft], m: &Move) {
    let (Some(from), Some(to)) = (draft_at(drafts, m.begin), draft_at(drafts, m.home)) else { return };
    if from == to || !drafts[from].para_datelines.is_empty() {
        return;
    }
    let paras = &drafts[from].paras;
    let locate = |at: usize| paras.iter().position(|(p, _)| p.offsets().last().is_some_and(|&l| l >= at));
    let (Some(i0), Some(i1)) = (locate(m.begin), locate(m.end.saturating_sub(1))) else { return };
    let at0 = paras[i0].0.offsets().partition_point(|&o| o < m.begin);
    let at1 = paras[i1].0.offsets().partition_point(|&o| o < m.end);
    let (Some(c0), Some(c1)) = (snap(src, &paras[i0].0, at0), snap(src, &paras[i1].0, at1)) else { return };
    // Snapping may step over a slip at the stretch's edge, never over
    // words the witness does not print: a run that starts inside a line
    // (`国家主` / `席习近平|致电…`) is no paragraph printed in the wrong place.
    if letters_between(&paras[i0].0, c0, at0) > SNAP_LETTERS || letters_between(&paras[i1].0, c1, at1) > SNAP_LETTERS {
        return;
    }
    if (i0, c0) >= (i1, c1) || !ends_sentence_of(&paras[i1].0.chars()[..c1.min(paras[i1].0.len())]) {
        return;
    }
    let mut kept = std::mem::take(&mut drafts[from].paras);
    let after = kept.split_off(i1 + 1);
    let mut run = kept.split_off(i0);
    let (prefix, first) = run[0].0.split_at(c0);
    run[0].0 = first;
    let last = run.len() - 1;
    let (tail, suffix) = run[last].0.split_at(if i0 == i1 { c1 - c0 } else { c1 });
    run[last].0 = tail;
    run.retain(|(p, _)| !p.is_blank());
    let mut rest: Vec<(Piece, bool)> = Vec::new();
    if !suffix.is_blank() {
        rest.push((suffix, false));
    }
    rest.extend(after);
    if !prefix.is_blank() {
        let mut prefix = prefix;
        if !ends_sentence_of(prefix.chars()) && rest.first().is_some_and(|(_, heading)| !heading) {
            prefix.append(rest.remove(0).0);
        }
        kept.push((prefix, false));
    }
    kept.extend(rest);
    drafts[from].paras = kept;
    let home = &mut drafts[to];
    let first = run.first().and_then(|(p, _)| p.first_offset());
    let at = home.paras.iter().position(|(p, _)| p.first_offset() > first).unwrap_or(home.paras.len());
    for (k, _) in home.para_datelines.iter_mut().filter(|(k, _)| *k >= at) {
        *k += run.len();
    }
    home.paras.splice(at..at, run);
}

/// Makes `title` (as another paper prints it) the draft's title, where its
/// headline holds it; the rest of the headline becomes the subtitle.
fn retitle(draft: &mut Draft, title: &str) {
    let want: Vec<char> = title.chars().filter(|c| !c.is_space()).map(fold).collect();
    let pieces: Vec<Piece> = draft.titles.iter().flat_map(|h| h.title.iter().chain(&h.subtitle)).cloned().collect();
    // Every visible character of the headline: (piece, index in it).
    let chars: Vec<(usize, usize)> =
        pieces.iter().enumerate().flat_map(|(k, p)| p.chars().iter().enumerate().filter(|(_, c)| !c.is_space()).map(move |(i, _)| (k, i))).collect();
    let folded: Vec<char> = chars.iter().map(|&(k, i)| fold(pieces[k].chars()[i])).collect();
    if want.is_empty() {
        return;
    }
    let Some(start) = folded.windows(want.len()).position(|w| w == want.as_slice()) else { return };
    let (from, to) = (chars[start], chars[start + want.len() - 1]);
    let (mut kicker, mut main, mut rest) = (Vec::new(), Piece::default(), Vec::new());
    for (k, p) in pieces.into_iter().enumerate() {
        let begin = if k < from.0 { p.len() } else if k == from.0 { from.1 } else { 0 };
        let end = if k < to.0 { p.len() } else if k == to.0 { to.1 + 1 } else { 0 };
        let (before, inner) = p.split_at(begin);
        let (inner, after) = inner.split_at(end.max(begin) - begin);
        kicker.push(before);
        main.append(inner);
        rest.push(after);
    }
    let mut subtitle: Vec<Piece> = kicker.into_iter().chain(rest).filter(|p| !p.is_blank()).collect();
    for p in &mut subtitle {
        p.trim();
    }
    main.trim();
    let byline = draft.titles.iter_mut().find_map(|h| h.byline.take());
    draft.titles = vec![Head { title: vec![main], subtitle, byline, ..Head::default() }];
}

/// Most items before or after a paragraph a column break cut mid-sentence
/// that are searched for the rest of its sentence.
const CUT_SENTENCE_REACH: usize = 12;

/// Evidence that takes a link before any other, by the text alone: text
/// that cannot open a paragraph scores 2, characters across the join
/// printed together elsewhere on the page 1 or 1.5 ([`PageNgrams::reads_on`]).
const LINKED_BY_TEXT: f32 = 1.0;

/// Paragraphs cut mid-sentence by a column break, whose columns the
/// extraction printed apart (pdftotext's default mode sets each column's
/// block apart, and may print a column's foot after the next column's
/// head, or between another article's blocks): each is linked to the
/// paragraph that carries on its sentence, within a few items before or
/// after it, and the chain of them is read as one paragraph where its
/// first part stands. What stands between stays where it is.
///
/// Links are taken best evidence first: text that cannot open a
/// paragraph ([`opens_mid_sentence`]: `…油菜花海金灿夺` / … / `目，游客们赏
/// 花拍照…`), or the characters across the join printed together
/// elsewhere on the page (`…绿色化转` / `型齐头并进…`). Then each paragraph
/// left cut on a full line takes the first later one, not yet taken, that
/// opens on a full line of the same column, where nothing says which is
/// whose: the extraction prints the feet of columns in column order.
fn rejoin_cut_sentences(src: &[char], items: Vec<Item>) -> Vec<Item> {
    let n = items.len();
    let hanging: Vec<usize> = (0..n).filter(|&i| hangs(&items[i])).collect();
    if hanging.is_empty() {
        return items;
    }
    let mut page: Option<PageNgrams> = None;
    let mut by_text: Vec<(f32, usize, usize)> = Vec::new();
    for &i in &hanging {
        for j in (i.saturating_sub(CUT_SENTENCE_REACH)..n.min(i + 1 + CUT_SENTENCE_REACH)).filter(|&j| j != i) {
            let Some(opens_mid) = carries_on(&items[i], &items[j]) else { continue };
            let (Some(tail), Some(Item::Para { piece, .. })) = (items[i].running_text(), items.get(j)) else { continue };
            let mut evidence = if opens_mid { 2.0 } else { 0.0 };
            evidence += page.get_or_insert_with(|| PageNgrams::pairs_of_text(src)).reads_on(tail.chars(), piece.chars());
            if evidence >= LINKED_BY_TEXT {
                by_text.push((evidence, i, j));
            }
        }
    }
    // Best first; among equals the nearer, after before before.
    let reach = |i: usize, j: usize| if j > i { 2 * (j - i) } else { 2 * (i - j) + 1 };
    by_text.sort_by(|a, b| b.0.total_cmp(&a.0).then(reach(a.1, a.2).cmp(&reach(b.1, b.2))));
    let mut chains = Chains::new(n);
    for &(_, i, j) in &by_text {
        chains.link(i, j);
    }
    for &i in &hanging {
        let cut_on_full_line = matches!(items[i], Item::Para { last_full: true, .. });
        if chains.next[i].is_some() || !cut_on_full_line {
            continue;
        }
        let next = (i + 1..n.min(i + 1 + CUT_SENTENCE_REACH)).find(|&j| chains.previous[j].is_none() && carries_on(&items[i], &items[j]).is_some());
        if let Some(j) = next {
            chains.link(i, j);
        }
    }
    chains.read(items)
}

/// Each item's link to the item that carries on its sentence.
struct Chains {
    next: Vec<Option<usize>>,
    previous: Vec<Option<usize>>,
}

impl Chains {
    fn new(n: usize) -> Chains {
        Chains { next: vec![None; n], previous: vec![None; n] }
    }

    /// Links `i` to `j` if neither is linked that way yet and the link
    /// closes no loop.
    fn link(&mut self, i: usize, j: usize) {
        if self.next[i].is_some() || self.previous[j].is_some() {
            return;
        }
        let mut head = i;
        while let Some(p) = self.previous[head] {
            head = p;
        }
        if head != j {
            self.next[i] = Some(j);
            self.previous[j] = Some(i);
        }
    }

    /// The items with each chain joined into its first item, where that
    /// stands.
    fn read(self, items: Vec<Item>) -> Vec<Item> {
        let mut slots: Vec<Option<Item>> = items.into_iter().map(Some).collect();
        let mut out = Vec::with_capacity(slots.len());
        for k in 0..slots.len() {
            if self.previous[k].is_some() {
                continue;
            }
            let Some(mut item) = slots[k].take() else { continue };
            let mut at = self.next[k];
            while let Some(j) = at {
                item.carry_on_with(slots[j].take().expect("each item is in one chain"));
                at = self.next[j];
            }
            out.push(item);
        }
        out
    }
}

/// Most cells two pieces of one column's text differ by in their widest
/// lines: figures in a full line leave it short.
const SAME_COLUMN: f32 = 1.5;

/// Does text measured `after` open a paragraph, set in the column of the
/// text measured `before`: its first line an indent short
/// ([`super::layout::INDENT_AFTER_BREAK`]) of the column, the wider of
/// the two widest lines?
fn opens_indented(before: &Measure, after: &Measure) -> bool {
    let column = before.widest.max(after.widest);
    after.first_tells_indent
        && column < super::layout::WIDE
        && after.first_line <= column - super::layout::INDENT_AFTER_BREAK
        && (before.widest - after.widest).abs() <= SAME_COLUMN
}

/// May paragraph `j` carry on the sentence hanging item `cut` stops in?
/// `Some(true)` when `j`'s text cannot open a paragraph; `Some(false)`
/// when its first line is as wide as `cut`'s column (no indent) and no
/// line of it wider; `None` otherwise. A dateline's paragraph, whose
/// column is not measured, is carried on only by text that cannot open a
/// paragraph; so is a paragraph set wider than columns are.
fn carries_on(cut: &Item, j: &Item) -> Option<bool> {
    let Item::Para { piece, measure: after, .. } = j else { return None };
    if opens_mid_sentence(piece.chars()) {
        return Some(true);
    }
    let Item::Para { measure: before, .. } = cut else { return None };
    let column = before.widest;
    (column < super::layout::WIDE && after.first_line >= column - FULL_LINE_PLAY && after.widest <= column + FULL_LINE_PLAY).then_some(false)
}

/// Cells a full line of running text may fall short of its column, or
/// stand over it, and still read as full: a cell a figure or a kinsoku
/// mark moves. Narrower than [`SAME_COLUMN`], which compares two pieces'
/// widest lines: here a first line must be full to carry a sentence on,
/// not an indent short.
const FULL_LINE_PLAY: f32 = 1.0;

/// Does the item's text stop mid-sentence: a paragraph left dangling, or
/// one that opens with a dateline and has text after it?
fn hangs(item: &Item) -> bool {
    match item {
        Item::Para { dangling, .. } => *dangling,
        Item::Dated { rest, .. } => !rest.is_empty() && !ends_sentence_of(rest.chars()),
        _ => false,
    }
}

/// Text that cannot open a paragraph: it starts with a mark that ends or
/// parts a clause or closes a bracket, or with one character before such a
/// mark (`目，`, `德）`; not a numbered heading's `一、`).
fn opens_mid_sentence(text: &[char]) -> bool {
    let mut cs = text.iter().copied().filter(|c| !c.is_whitespace());
    let closes = |c: char| matches!(c, '，' | '、' | '。' | '；' | '：' | '！' | '？' | '）' | '》' | '】' | '」' | '』');
    match (cs.next(), cs.next()) {
        (Some(first), _) if closes(first) => true,
        (Some(first), Some(second)) => crate::text::is_cjk(first) && closes(second) && !(second == '、' && "一二三四五六七八九十".contains(first)),
        _ => false,
    }
}

pub fn assemble(doc_id: &str, src: &[char], items: Vec<Item>, hints: &Witnessed) -> (Vec<Article>, Vec<Block>) {
    let items = rejoin_cut_sentences(src, rejoin_displaced(items));
    let mut a = Assembler { src, drafts: Vec::new(), cur: None, pending: Vec::new(), runs: Vec::new(), other: Vec::new() };
    for item in items {
        a.feed(item);
    }
    a.flush_run(None);
    let Assembler { mut drafts, runs, mut other, .. } = a;
    assign_titles(&mut drafts, runs, &mut other);
    if !hints.is_empty() {
        apply_witnessed(src, &mut drafts, hints);
    }

    let mut articles: Vec<Article> = drafts
        .into_iter()
        .map(|d| {
            let mut titles = d.titles;
            // A numeric kicker (`到位资金60.07亿元+项目65个`) is not the title when another line is.
            if titles.len() > 1 {
                if let Some(i) = titles.iter().position(Head::numeric) {
                    let kicker = titles.remove(i);
                    titles[0].subtitle.splice(0..0, kicker.title);
                }
            }
            let (title_parts, sub_parts): (Vec<Piece>, Vec<Piece>) = titles.into_iter().fold((vec![], vec![]), |(mut t, mut s), h| {
                if h.apart != Apart::Near && !t.is_empty() {
                    s.extend(h.title);
                } else {
                    t.extend(h.title);
                }
                s.extend(h.subtitle);
                (t, s)
            });
            let title = join(src, title_parts);
            let subtitle = join(src, sub_parts);
            let mut spans: Vec<Span> = Vec::new();
            let field = |p: &Option<Piece>, spans: &mut Vec<Span>| -> (Option<String>, Vec<Span>) {
                match p {
                    Some(p) if !p.is_blank() => {
                        let s = p.spans(src);
                        spans.extend(&s);
                        (Some(p.text()), s)
                    }
                    _ => (None, Vec::new()),
                }
            };
            let (title, title_spans) = field(&Some(title), &mut spans);
            let (subtitle, subtitle_spans) = field(&Some(subtitle), &mut spans);
            let (byline, byline_spans) = field(&d.byline, &mut spans);
            let (dateline, dateline_spans) = field(&d.dateline, &mut spans);
            let mut para_datelines = d.para_datelines;
            let paragraphs: Vec<Paragraph> = d
                .paras
                .into_iter()
                .enumerate()
                .filter_map(|(k, (p, heading))| {
                    let opening = para_datelines.iter().position(|(i, _)| *i == k).map(|i| para_datelines.swap_remove(i).1);
                    let (dateline, dateline_spans) = field(&opening, &mut spans);
                    if p.is_blank() && dateline.is_none() {
                        return None;
                    }
                    let s = p.spans(src);
                    spans.extend(&s);
                    Some(Paragraph { text: p.text(), spans: s, heading, dateline, dateline_spans })
                })
                .collect();
            let markers: Vec<Marker> = d
                .markers
                .into_iter()
                .map(|(p, kind)| {
                    let s = p.spans(src);
                    spans.extend(&s);
                    Marker { kind, text: p.text(), spans: s }
                })
                .collect();
            Article {
                id: String::new(),
                title,
                subtitle,
                byline,
                dateline,
                spans: merge_spans(src, spans),
                title_spans,
                subtitle_spans,
                byline_spans,
                dateline_spans,
                paragraphs,
                markers,
            }
        })
        .filter(|a| !a.spans.is_empty())
        .collect();
    // In reading order: where the body starts (a headline may be printed after it).
    articles.sort_by_key(|a| a.paragraphs.first().and_then(|p| p.spans.first()).or(a.spans.first()).map(|s| s[0]));
    for (k, a) in articles.iter_mut().enumerate() {
        a.id = format!("{doc_id}#{}", k + 1);
    }
    // Adjacent info-box lines form one block.
    let mut blocks: Vec<(BlockKind, Piece)> = Vec::new();
    other.sort_by_key(|(_, p)| p.first_offset());
    for (kind, p) in other {
        if p.is_blank() {
            continue;
        }
        match blocks.last_mut() {
            Some((k, prev)) if *k == BlockKind::Infobox && kind == BlockKind::Infobox => {
                let joined = join(src, [std::mem::take(prev), p]);
                *prev = joined;
            }
            _ => blocks.push((kind, p)),
        }
    }
    let other = blocks.into_iter().map(|(kind, p)| Block { kind, text: p.text(), spans: p.spans(src) }).collect();
    (articles, other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_opening_mid_sentence_starts_with_a_clause_mark_or_one_character_and_one() {
        let opens = |t: &str| opens_mid_sentence(&t.chars().collect::<Vec<char>>());
        for t in ["，远高于", "。", "、出口", "目，游客们", "德）下属", " 式。", "海》的"] {
            assert!(opens(t), "{t}");
        }
        for t in ["目前，游客", "一、继往开来", "十、总结", "据了解", "“两个确立”", "2024年", "", " "] {
            assert!(!opens(t), "{t}");
        }
    }

    /// The paragraphs of a page, as read.
    fn paragraphs_of(page: &str) -> Vec<String> {
        let doc = crate::analyze_document("page.txt", page.as_bytes());
        doc.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.text.clone())).collect()
    }

    /// A column of twelve cells cut mid-word (`…保养工`), the next
    /// column's head (an indent short: a paragraph's first line), then the
    /// first column's foot, as pdftotext's default mode prints them.
    const COLUMN_HEAD: &str = "春耕时节各地农民抢抓\n农时，田间地头一派繁忙景\n象，种子化肥农药等农资供\n应充足，农机具检修保养工\n";
    const NEXT_COLUMN: &str = "专家提醒农户关注天气\n变化，合理安排播种时间，\n防范低温冷害对幼苗的影响\n和损失。\n";
    const COLUMN_FOOT: &str = "作已经基本完成，为夺取全\n年粮食丰收打下坚实基础。\n";

    #[test]
    fn a_column_foot_printed_after_the_next_column_head_carries_on_its_sentence() {
        let page = format!("{COLUMN_HEAD}\n{NEXT_COLUMN}\n{COLUMN_FOOT}");
        assert_eq!(
            paragraphs_of(&page),
            [
                "春耕时节各地农民抢抓农时，田间地头一派繁忙景象，种子化肥农药等农资供应充足，农机具检修保养工作已经基本完成，为夺取全年粮食丰收打下坚实基础。",
                "专家提醒农户关注天气变化，合理安排播种时间，防范低温冷害对幼苗的影响和损失。",
            ]
        );
        // A cut column whose first line is full is not its own rest.
        let full_first = COLUMN_HEAD.replacen("春耕时节各地农民抢抓", "今年春耕时节各地农民抢抓", 1);
        assert!(paragraphs_of(&format!("{full_first}\n{NEXT_COLUMN}\n{COLUMN_FOOT}"))[0].ends_with("保养工作已经基本完成，为夺取全年粮食丰收打下坚实基础。"));
        // In print order, the text after the break carries the sentence on.
        let page = format!("{COLUMN_HEAD}\n{COLUMN_FOOT}\n{NEXT_COLUMN}");
        assert_eq!(paragraphs_of(&page).len(), 2);
        // A next column set full from its first line may carry the
        // sentence on itself: it is read so, in print order.
        let full_head = NEXT_COLUMN.replacen("专家提醒农户关注天气", "专家提醒广大农户关注天气", 1);
        let page = format!("{COLUMN_HEAD}\n{full_head}\n{COLUMN_FOOT}");
        assert!(paragraphs_of(&page)[0].ends_with("保养工专家提醒广大农户关注天气变化，合理安排播种时间，防范低温冷害对幼苗的影响和损失。"), "{:?}", paragraphs_of(&page));
    }

    #[test]
    fn a_join_printed_elsewhere_on_the_page_links_a_cut_sentence_before_order_does() {
        // Between the cut column and its foot, the next column's head and
        // text that opens full (the rest of a sentence from elsewhere).
        let other_foot = "续推进乡村全面振兴战略，\n促进城乡融合发展。\n";
        let page = |above: &str| format!("{above}{COLUMN_HEAD}\n{NEXT_COLUMN}\n{other_foot}\n{COLUMN_FOOT}");
        // `工作` is printed above: the foot that opens `作` is the cut
        // column's.
        let read = paragraphs_of(&page("今年的工作重点已经明确。\n\n"));
        assert!(read.iter().any(|p| p.ends_with("保养工作已经基本完成，为夺取全年粮食丰收打下坚实基础。")), "{read:?}");
        assert!(read.contains(&"续推进乡村全面振兴战略，促进城乡融合发展。".to_owned()), "{read:?}");
        // Printed nowhere, the join says nothing: the first text after
        // it that opens full carries the sentence on.
        let read = paragraphs_of(&page(""));
        assert!(read[0].ends_with("保养工续推进乡村全面振兴战略，促进城乡融合发展。"), "{read:?}");
    }

    fn para(text: &str, widest: f32, first_line: f32) -> Item {
        let src: Vec<char> = text.chars().collect();
        let measure = Measure { widest, first_line, first_tells_indent: true };
        Item::Para { piece: Piece::from_range(&src, 0, src.len()), dangling: true, last_full: true, measure }
    }

    #[test]
    fn a_hanging_paragraph_runs_on_straight_after_a_full_line_or_inside_a_quotation_it_left_open() {
        let item = |text: &str, dangling: bool, last_full: bool| {
            let src: Vec<char> = text.chars().collect();
            let measure = Measure { widest: 12.0, first_line: 12.0, first_tells_indent: false };
            Item::Para { piece: Piece::from_range(&src, 0, src.len()), dangling, last_full, measure }
        };
        let texts = |items: Vec<Item>| -> Vec<String> { rejoin_displaced(items).iter().filter_map(|i| i.running_text().map(Piece::text)).collect() };
        // Cut on a full line, the next paragraph carries the sentence on;
        // cut on a short line, it does not.
        assert_eq!(texts(vec![item("一二三四五六七八九十一二", true, true), item("三四五六。", false, false)]), ["一二三四五六七八九十一二三四五六。"]);
        assert_eq!(texts(vec![item("一二三四五六七八九十", true, false), item("三四五六。", false, false)]).len(), 2);
        // A quotation left open runs on to where it closes, and no further.
        let quoted = vec![item("他说：“今天的会议", true, false), item("开得很好”，大家都认为", true, false), item("会议很成功。", false, false)];
        assert_eq!(texts(quoted), ["他说：“今天的会议开得很好”，大家都认为", "会议很成功。"]);
    }

    #[test]
    fn text_carries_on_a_cut_sentence_when_it_cannot_open_a_paragraph_or_opens_full_in_its_column() {
        let cut = para("农机具检修保养工", 12.0, 10.0);
        // Text that cannot open a paragraph, whatever its column.
        assert_eq!(carries_on(&cut, &para("，为夺取全年", 20.0, 5.0)), Some(true));
        // A first line as wide as the column, a cell of slack either way.
        assert_eq!(carries_on(&cut, &para("作已经基本完成", 12.0, 12.0)), Some(false));
        assert_eq!(carries_on(&cut, &para("作已经基本完成", 13.0, 11.0)), Some(false));
        assert_eq!(carries_on(&cut, &para("作已经基本完成", 12.0, 10.5)), None, "an indent short");
        assert_eq!(carries_on(&cut, &para("作已经基本完成", 13.5, 13.5)), None, "a wider column");
        // One paragraph a line: the widths say nothing.
        assert_eq!(carries_on(&para("农机具检修保养工", 45.0, 45.0), &para("作已经基本完成", 45.0, 45.0)), None);
        assert_eq!(carries_on(&para("农机具检修保养工", 40.0, 40.0), &para("作已经基本完成", 40.0, 40.0)), None);
        assert_eq!(carries_on(&para("农机具检修保养工", 39.5, 39.5), &para("作已经基本完成", 39.5, 39.5)), Some(false));
        // A dateline's paragraph is not measured.
        let src: Vec<char> = "新华社北京电今年以来".chars().collect();
        let dated = Item::Dated { dateline: Piece::from_range(&src, 0, 6), rest: Piece::from_range(&src, 6, 10) };
        assert_eq!(carries_on(&dated, &para("作已经基本完成", 12.0, 12.0)), None);
        assert_eq!(carries_on(&dated, &para("，为夺取全年", 12.0, 12.0)), Some(true));
        assert_eq!(carries_on(&cut, &dated), None, "a dateline opens its paragraph");
    }

    #[test]
    fn a_first_line_an_indent_short_of_the_column_on_both_sides_opens_a_paragraph() {
        let m = |widest: f32, first_line: f32, first_tells_indent: bool| Measure { widest, first_line, first_tells_indent };
        assert!(opens_indented(&m(12.0, 12.0, true), &m(12.0, 10.0, true)));
        assert!(opens_indented(&m(11.0, 11.0, true), &m(12.0, 10.5, true)), "the column is the wider measure");
        assert!(!opens_indented(&m(12.0, 12.0, true), &m(12.0, 10.0, false)), "figures in the line");
        assert!(!opens_indented(&m(12.0, 12.0, true), &m(12.0, 11.0, true)), "a cell short");
        assert!(!opens_indented(&m(12.0, 12.0, true), &m(14.0, 12.0, true)), "another column");
        assert!(!opens_indented(&m(14.0, 12.0, true), &m(12.0, 10.0, true)), "another column");
        assert!(!opens_indented(&m(45.0, 45.0, true), &m(45.0, 40.0, true)), "one paragraph a line");
        assert!(!opens_indented(&m(40.0, 40.0, true), &m(40.0, 38.0, true)), "one paragraph a line, from 40 cells");
        assert!(opens_indented(&m(39.5, 39.5, true), &m(39.5, 37.5, true)));
    }

    #[test]
    fn of_links_the_text_says_as_much_for_the_nearer_wins_and_after_before_before() {
        // `工作` is printed on the page: every `作…` carries `…工` on as well.
        let src: Vec<char> = "工作".chars().collect();
        let whole = |t: &str| match para(t, 12.0, 12.0) {
            Item::Para { piece, last_full, measure, .. } => Item::Para { piece, dangling: false, last_full, measure },
            _ => unreachable!(),
        };
        let read = |items: Vec<Item>| rejoin_cut_sentences(&src, items).iter().map(|i| format!("{i:?}")).collect::<Vec<_>>();
        let items = vec![whole("作甲。"), para("保养工", 12.0, 12.0), whole("作乙。"), whole("作丙。")];
        assert_eq!(read(items), ["Para 作甲。", "Para 保养工作乙。", "Para 作丙。"], "one item either side: the one after");
        let items = vec![whole("作甲。"), para("保养工", 12.0, 12.0), Item::RunBreak, whole("作丙。")];
        assert_eq!(read(items)[..2], ["Para 保养工作甲。", "RunBreak"], "the nearer, before");
        let items = vec![whole("作甲。"), Item::RunBreak, Item::RunBreak, para("保养工", 12.0, 12.0), Item::RunBreak, whole("作丙。")];
        assert_eq!(read(items)[3], "Para 保养工作丙。", "the nearer, after");
        let gap = || [Item::RunBreak, Item::RunBreak];
        let items: Vec<Item> = [vec![whole("作甲。")], gap().into(), vec![para("保养工", 12.0, 12.0)], gap().into(), vec![whole("作丙。")]].into_iter().flatten().collect();
        assert_eq!(read(items)[3], "Para 保养工作丙。", "three items either side: the one after");
    }

    #[test]
    fn a_cut_sentence_is_carried_on_from_twelve_items_away_at_most() {
        let src: Vec<char> = "工作".chars().collect();
        let with = |item: Item, dangling: bool, last_full: bool| match item {
            Item::Para { piece, measure, .. } => Item::Para { piece, dangling, last_full, measure },
            _ => unreachable!(),
        };
        // `gap` items between the cut text and `after`, which carries it on
        // by the text (`工作`) or, the cut on a full line, by order only.
        let joined = |before: bool, gap: usize, cut_on_full_line: bool, after: &str| {
            let cut = with(para("保养工", 12.0, 12.0), true, cut_on_full_line);
            let rest = with(para(after, 12.0, 12.0), false, false);
            let mut items: Vec<Item> = (0..gap).map(|_| Item::RunBreak).collect();
            if before {
                items.insert(0, rest);
                items.push(cut);
            } else {
                items.insert(0, cut);
                items.push(rest);
            }
            rejoin_cut_sentences(&src, items).iter().any(|i| format!("{i:?}").contains("保养工作") || format!("{i:?}").contains("保养工续"))
        };
        for (before, cut_on_full_line, after) in [(false, false, "作完成。"), (true, false, "作完成。"), (false, true, "续完成。")] {
            assert!(joined(before, 11, cut_on_full_line, after), "twelve items apart: {before} {cut_on_full_line}");
            assert!(!joined(before, 12, cut_on_full_line, after), "thirteen items apart: {before} {cut_on_full_line}");
        }
    }

    #[test]
    fn chains_take_one_link_out_and_one_in_and_close_no_loop() {
        let mut chains = Chains::new(5);
        chains.link(0, 3);
        chains.link(0, 4);
        chains.link(1, 3);
        assert_eq!(chains.next, [Some(3), None, None, None, None], "one out of 0, one into 3");
        chains.link(3, 1);
        chains.link(1, 0);
        assert_eq!(chains.next[1], None, "0 → 3 → 1 → 0 would loop");
        chains.link(4, 2);
        let items: Vec<Item> = ["甲", "乙", "丙", "丁", "戊"].iter().map(|t| para(t, 12.0, 12.0)).collect();
        let read: Vec<String> = chains.read(items).iter().map(|i| format!("{i:?}")).collect();
        assert_eq!(read, ["Para(dangling) 甲丁乙", "Para(dangling) 戊丙"]);
    }

    #[test]
    fn a_headline_no_body_claims_heads_the_article_its_deck_heads_when_it_shares_words_with_it() {
        let src: Vec<char> = "【筑梦现代化共绘新图景·代表委员履职故事】乔红：夯实核心技术\n加快培育新质生产力\n本报记者 周圆\n李强同荷兰首相会谈\n全国政协委员乔红多年来持续关注人工智能和机器人技术领域的科技创新。聚焦加快培育新质生产力，乔红委员将就夯实关键核心技术提出建议。\n".chars().collect();
        let text = |t: &str| {
            let at = src.windows(t.chars().count()).position(|w| w.iter().copied().eq(t.chars())).expect("in the page");
            Piece::from_range(&src, at, at + t.chars().count())
        };
        let title = |t: &str| Head { title: vec![text(t)], ..Head::default() };
        let deck = Head { byline: Some(text("本报记者 周圆")), apart: Apart::BeyondText, ..title("加快培育新质生产力") };
        // The titles each article takes, the article after the run first.
        let assign = |first: Head, deck: Head| -> Vec<Vec<String>> {
            let body = text("全国政协委员乔红多年来持续关注人工智能和机器人技术领域的科技创新。聚焦加快培育新质生产力，乔红委员将就夯实关键核心技术提出建议。");
            let mut drafts = vec![Draft { paras: vec![(body, false)], headed: true, ..Draft::default() }];
            let run = HeadRun { heads: vec![first, deck], before: 0, next: Some(0) };
            assign_titles(&mut drafts, vec![run], &mut Vec::new());
            drafts.iter().map(|d| d.titles.iter().map(Head::text).collect()).collect()
        };
        // Six of its twenty-five bigrams are in the body: too few to claim
        // it, enough to stand over its deck.
        let kicker = "【筑梦现代化共绘新图景·代表委员履职故事】乔红：夯实核心技术";
        assert_eq!(assign(title(kicker), deck.clone()), [vec![kicker, "加快培育新质生产力"]]);
        // A headline that shares no words heads a body printed elsewhere.
        assert_eq!(assign(title("李强同荷兰首相会谈"), deck.clone()), [vec!["加快培育新质生产力"], vec!["李强同荷兰首相会谈"]]);
        // So does one with a byline or a deck of its own.
        let bylined = Head { byline: Some(text("本报记者 周圆")), ..title(kicker) };
        assert_eq!(assign(bylined, deck.clone()).len(), 2);
        let decked = Head { subtitle: vec![text("李强同荷兰首相会谈")], ..title(kicker) };
        assert_eq!(assign(decked, deck.clone()).len(), 2);
        // And one set two blank lines above the deck.
        assert_eq!(assign(title(kicker), Head { apart: Apart::BeyondBlank, ..deck }).len(), 2);
    }

    #[test]
    fn two_headlines_printed_two_blank_lines_apart_are_two_titles() {
        let body_a = "新华社北京6月18日电 国家主席习\n近平今天在人民大会堂会见来访的\n哈萨克斯坦总统托卡耶夫。两国元\n首就深化双边合作交换了意见。\n";
        let body_b = "新华社郑州6月18日电 眼下正值春\n耕时节，河南各地农民抢抓农时，\n田间地头一派繁忙景象。\n";
        let heads = |between: &str| {
            let page = format!("{body_a}\n会见哈萨克斯坦总统{between}春耕备耕有序开展\n\n{body_b}");
            let doc = crate::analyze_document("page.txt", page.as_bytes());
            doc.articles.iter().map(|a| (a.title.clone(), a.subtitle.clone())).collect::<Vec<_>>()
        };
        let some = |t: &str| Some(t.to_owned());
        // Two blank lines apart: the first was printed after its body (its
        // words are that body's), the second heads the body under it.
        assert_eq!(heads("\n\n\n"), [(some("会见哈萨克斯坦总统"), None), (some("春耕备耕有序开展"), None)]);
        // One blank line apart, the second may be the first's subtitle.
        assert_eq!(heads("\n\n"), [(some("会见哈萨克斯坦总统"), some("春耕备耕有序开展")), (None, None)]);
    }

    #[test]
    fn a_headline_line_is_apart_two_lines_down_and_beyond_blank_lines_only_when_they_are_all_between() {
        let src: Vec<char> = "标题一\n\n\n标题二\n正文\n\n标题三\n\n标题四".chars().collect();
        let at = |s: &str| {
            let text: String = src.iter().collect();
            let b = text[..text.find(s).unwrap()].chars().count();
            Piece::from_range(&src, b, b + s.chars().count())
        };
        assert_eq!(printed_apart(&src, &[at("标题一")], &at("标题二")), Apart::BeyondBlank);
        assert_eq!(printed_apart(&src, &[at("标题二")], &at("标题三")), Apart::BeyondText);
        assert_eq!(printed_apart(&src, &[at("标题三")], &at("标题四")), Apart::Near, "one blank line");
        // Its title's last line is the one measured from.
        assert_eq!(printed_apart(&src, &[at("标题一"), at("标题三")], &at("标题四")), Apart::Near);
        assert_eq!(printed_apart(&src, &[], &at("标题四")), Apart::Near);
    }

    #[test]
    fn a_headline_shares_its_bigrams_with_the_body_that_holds_its_words() {
        let body = |t: &str| {
            let src: Vec<char> = t.chars().collect();
            Draft { paras: vec![(Piece::from_range(&src, 0, src.len()), false)], ..Draft::default() }
        };
        let head = bigrams("全国首台竖井掘进机始发".chars());
        assert_eq!(head.len(), 10);
        let share = |d: &Draft| {
            let found = bigrams_found(d, &head);
            affinity(&head, |b| head.binary_search(&b).is_ok_and(|i| found[i]))
        };
        // Eight of the ten: all but 机始 and 始发 (台竖 too: the comma
        // between them is not in the way).
        assert_eq!(share(&body("由中铁十一局承建的全国首台，竖井掘进机今天在上海开工。")), 0.8);
        assert_eq!(share(&body("国务院总理在北京会见外宾，双方就合作交换意见。")), 0.0);
        // Three shared bigrams are chance.
        assert_eq!(share(&body("全国首台新车下线。")), 0.0);
        // Marks and Latin between two characters leave them a bigram.
        assert_eq!(bigram_run("中，国a家".chars()).collect::<Vec<u64>>(), vec![('中' as u64) << 32 | '国' as u64, ('国' as u64) << 32 | '家' as u64]);
    }

    #[test]
    fn a_stretch_snaps_to_a_line_edge_within_reach_and_never_to_a_space() {
        let src: Vec<char> = "甲乙丙\n丁戊己庚\n".chars().collect();
        let mut piece = Piece::from_range(&src, 0, 3);
        piece.push_line(&src, 4, 8, 3);
        assert_eq!(snap(&src, &piece, 3), Some(3), "where the first line ends");
        assert_eq!(snap(&src, &piece, 2), Some(3));
        assert_eq!(snap(&src, &piece, 6), Some(7), "the piece's end");
        let second = Piece::from_range(&src, 4, 8);
        assert_eq!(snap(&src, &second, 1), Some(0), "a line break before the piece is no junction inside it");
        // A space inside a line is no junction, and nothing else is in reach.
        let long: Vec<char> = "一二三四五六七八九十 一二三四五六七八九十".chars().collect();
        let piece = Piece::from_range(&long, 0, long.len());
        assert_eq!(snap(&long, &piece, 10), None);
        assert_eq!(snap(&long, &piece, 19), Some(21));
    }

    #[test]
    fn a_witnessed_run_moves_only_from_a_line_edge_give_or_take_one_slip() {
        let page = "今天是世界水日\n\n本报北京3月7日讯　2月29日，国家主\n席习近平致电舒尤克·道马什，祝贺他当选匈牙\n利总统并向他致以诚挚的祝贺和良好的祝愿。\n　　习近平指出，近年来，中国同匈牙利关系保\n持高水平发展。\n\n中共中央政治局举行集体学习\n\n本报北京3月9日讯　中共中央政治局2月29日\n下午就新能源技术进行集体学习。\n";
        let src: Vec<char> = page.chars().collect();
        let at = |s: &str| page[..page.find(s).unwrap()].chars().count();
        let moved = |begin: usize, end: usize| {
            let hints = Witnessed { moves: vec![Move { begin, end, home: at("中共中央政治局2月29日") }], ..Witnessed::default() };
            let articles = super::super::reflow_chars_witnessed("p.txt", &src, &hints).articles;
            articles[0].paragraphs.iter().map(|p| p.text.clone()).collect::<Vec<_>>()
        };
        let whole = "2月29日，国家主席习近平致电舒尤克·道马什，祝贺他当选匈牙利总统并向他致以诚挚的祝贺和良好的祝愿。";
        // The witness prints the run from `致电`: the four letters before
        // it on its line are not the witness's, so nothing moves.
        let end = at("\n　　习近平指出");
        let first_paragraphs = |begin: usize| moved(begin, end);
        assert_eq!(first_paragraphs(at("致电"))[0], whole);
        assert_eq!(first_paragraphs(at("近平致电"))[0], whole, "two letters are more than a slip");
        // From the line's edge, or one slip into the line: the run moves.
        assert_eq!(first_paragraphs(at("席习近平"))[0], "2月29日，国家主习近平指出，近年来，中国同匈牙利关系保持高水平发展。");
        assert_ne!(first_paragraphs(at("习近平致电"))[0], whole);
        // The same at the run's end: one slip before the line's end, not two.
        assert_ne!(moved(at("席习近平"), at("愿。"))[0], whole);
        assert_eq!(moved(at("席习近平"), at("祝愿。"))[0], whole);
    }
}
