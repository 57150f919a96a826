//! Lines of side-by-side columns that an extractor printed row by row, put
//! back in column order.
//!
//! poppler's default mode makes each line a block of its own when the
//! leading is more than 1.5 times the type size, and sorts those blocks top
//! to bottom. Columns set side by side then come out one row at a time: a
//! line of the first column, a line of the second, …, then the next row,
//! each line between blank lines. The layout pass sees a double-spaced run
//! ([`super::layout`]); read in that order, almost no line runs on into the
//! next one (about 1 junction in 80 on the typeset generator's loose pages).
//!
//! The text alone says which line follows which. While the same `k`
//! columns stand side by side, every line's next line is `k` lines further
//! on; `k` changes only where a column starts or ends. A junction is likely
//! where the characters across it occur together inside some line of the
//! same page (`中巴关` / `系的战略…`: `关系` is printed whole elsewhere on
//! it). [`column_order`] picks each line's stride by the Viterbi algorithm:
//! the sum of the junctions' evidence, less a cost for each change of
//! stride. A run read better line after line (a narrow photo brief set
//! double-spaced) keeps its order.

use super::layout::Line;
use rustc_hash::FxHashSet;

/// Most columns one row can hold.
const MAX_STRIDE: usize = 6;
/// Cost of a change of stride: the evidence of one and a half junctions.
const STRIDE_CHANGE: f32 = 1.5;
/// Evidence of a junction after a sentence's end, where the next line of
/// the column may open a paragraph with any character.
const AFTER_SENTENCE: f32 = 0.3;
/// Extra evidence when three characters across the junction occur inside
/// a line of the page.
const TRIGRAM: f32 = 0.5;
/// How much better per line the reordered run must read than the printed
/// order before it is taken.
const MARGIN_PER_LINE: f32 = 0.1;

/// The character pairs and triples printed inside the page's lines. Only
/// inside: unlike the headline blocks' pair counts (`PagePairs` in
/// [`super::headline_block`], which run lines together so that a word
/// wrapped in the body counts), the joins of a run printed row by row are
/// the very ones in question, and mostly wrong.
pub(super) struct PageNgrams(FxHashSet<u64>);

impl PageNgrams {
    pub(super) fn of(lines: &[Line]) -> PageNgrams {
        let mut set = FxHashSet::default();
        for line in lines {
            insert_ngrams(&mut set, &visible(line).collect::<Vec<char>>());
        }
        PageNgrams(set)
    }
}

/// The pairs and triples of one line's visible characters `cs`.
fn insert_ngrams(set: &mut FxHashSet<u64>, cs: &[char]) {
    for w in cs.windows(2) {
        set.insert(pair(w[0], w[1]));
    }
    for w in cs.windows(3) {
        set.insert(triple(w[0], w[1], w[2]));
    }
}

fn visible(line: &Line) -> impl Iterator<Item = char> + '_ {
    line.content().chars().filter(|c| !c.is_whitespace())
}

/// A pair packed apart from any triple (bit 63 set; a char needs 21 bits).
fn pair(a: char, b: char) -> u64 {
    1 << 63 | (a as u64) << 21 | b as u64
}

fn triple(a: char, b: char, c: char) -> u64 {
    (a as u64) << 42 | (b as u64) << 21 | c as u64
}

/// The ends of a line that a junction joins: its last two and first two
/// visible characters.
struct Ends {
    last: [Option<char>; 2],
    first: [Option<char>; 2],
    ends_sentence: bool,
}

impl Ends {
    fn of(line: &Line) -> Ends {
        Ends::of_chars(&line.content().chars().collect::<Vec<char>>())
    }

    fn of_chars(cs: &[char]) -> Ends {
        let mut last = cs.iter().rev().copied().filter(|c| !c.is_whitespace());
        let mut first = cs.iter().copied().filter(|c| !c.is_whitespace());
        let (z, y) = (last.next(), last.next());
        Ends { last: [y, z], first: [first.next(), first.next()], ends_sentence: crate::text::ends_sentence_of(cs) }
    }
}

impl PageNgrams {
    /// The pairs inside the lines of a whole text, without triples: asked
    /// of whole documents, where a set of both cost a fifth of the reflow
    /// of a long one, and a pair is what decides a join ([`reads_on`]'s
    /// triples only rank joins a pair already allows).
    ///
    /// [`reads_on`]: PageNgrams::reads_on
    pub(super) fn pairs_of_text(src: &[char]) -> PageNgrams {
        let mut set = FxHashSet::with_capacity_and_hasher(src.len(), Default::default());
        let mut before: Option<char> = None;
        for &c in src {
            if c == '\n' {
                before = None;
            } else if !c.is_whitespace() {
                if let Some(b) = before {
                    set.insert(pair(b, c));
                }
                before = Some(c);
            }
        }
        PageNgrams(set)
    }

    /// How likely the text `after` reads on from the text `before`: as
    /// for two lines of a column ([`junction`]).
    pub(super) fn reads_on(&self, before: &[char], after: &[char]) -> f32 {
        junction(self, &Ends::of_chars(before), &Ends::of_chars(after))
    }
}

/// How likely `b` reads on from `a` in one column.
fn junction(page: &PageNgrams, a: &Ends, b: &Ends) -> f32 {
    let (Some(x), Some(y)) = (a.last[1], b.first[0]) else { return 0.0 };
    let mut evidence = if page.0.contains(&pair(x, y)) {
        1.0
    } else if a.ends_sentence {
        AFTER_SENTENCE
    } else {
        0.0
    };
    let before = a.last[0].is_some_and(|w| page.0.contains(&triple(w, x, y)));
    let after = b.first[1].is_some_and(|z| page.0.contains(&triple(x, y, z)));
    if before || after {
        evidence += TRIGRAM;
    }
    evidence
}

/// The order to read the lines of a double-spaced run in (its blank lines
/// dropped; indices into `rows`): each column's lines one after another,
/// the columns in the order their first lines were printed. `None` when
/// the printed order reads as well.
pub(super) fn column_order(rows: &[Line], page: &PageNgrams) -> Option<Vec<usize>> {
    let n = rows.len();
    let evidence = evidence(rows, page);
    let strides = best_strides(&evidence);
    if !reads_better(&evidence, &strides) {
        return None;
    }
    let mut next: Vec<Option<usize>> = vec![None; n];
    let mut has_previous = vec![false; n];
    for (i, &d) in strides.iter().enumerate() {
        let j = i + d;
        if j < n && !has_previous[j] {
            next[i] = Some(j);
            has_previous[j] = true;
        }
    }
    let mut order = Vec::with_capacity(n);
    for first in (0..n).filter(|&i| !has_previous[i]) {
        let mut at = Some(first);
        while let Some(i) = at {
            order.push(i);
            at = next[i];
        }
    }
    Some(order)
}

/// `evidence[i][d - 1]`: how likely line `i + d` follows line `i`.
fn evidence(rows: &[Line], page: &PageNgrams) -> Vec<[f32; MAX_STRIDE]> {
    let ends: Vec<Ends> = rows.iter().map(Ends::of).collect();
    (0..rows.len()).map(|i| std::array::from_fn(|k| ends.get(i + k + 1).map_or(0.0, |b| junction(page, &ends[i], b)))).collect()
}

/// Do the lines read by `strides` (less the cost of each change of
/// stride) beat the printed order by [`MARGIN_PER_LINE`] a line?
fn reads_better(evidence: &[[f32; MAX_STRIDE]], strides: &[usize]) -> bool {
    let as_printed: f32 = evidence.iter().map(|e| e[0]).sum();
    let reordered: f32 = strides.iter().enumerate().map(|(i, &d)| evidence[i][d - 1]).sum::<f32>()
        - STRIDE_CHANGE * strides.windows(2).filter(|w| w[0] != w[1]).count() as f32;
    reordered >= as_printed + MARGIN_PER_LINE * evidence.len() as f32
}

/// Each line's stride (1..=MAX_STRIDE) that maximises the evidence of the
/// junctions less [`STRIDE_CHANGE`] for each change: Viterbi over strides.
fn best_strides(evidence: &[[f32; MAX_STRIDE]]) -> Vec<usize> {
    let n = evidence.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = evidence[0];
    let mut back: Vec<[usize; MAX_STRIDE]> = vec![[0; MAX_STRIDE]; n];
    for i in 1..n {
        let best_before = first_best(&score);
        let mut now = [0.0; MAX_STRIDE];
        for d in 0..MAX_STRIDE {
            let (from, value) = if score[d] >= score[best_before] - STRIDE_CHANGE {
                (d, score[d])
            } else {
                (best_before, score[best_before] - STRIDE_CHANGE)
            };
            back[i][d] = from;
            now[d] = value + evidence[i][d];
        }
        score = now;
    }
    let mut d = first_best(&score);
    let mut strides = vec![0; n];
    for i in (0..n).rev() {
        strides[i] = d + 1;
        d = back[i][d];
    }
    strides
}

/// The index of the highest score, the smallest stride among equals.
fn first_best(score: &[f32; MAX_STRIDE]) -> usize {
    (0..MAX_STRIDE).fold(0, |best, d| if score[d] > score[best] { d } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflow::layout::lines;

    /// Two columns of one report (typeset generator, loose leading), the
    /// way poppler's default mode prints them: a line of each in turn.
    const LEFT: [&str; 9] = [
        "习近平指出，中国和巴",
        "基斯坦是好邻居、好朋友、",
        "好伙伴、好兄弟，两国“铁",
        "杆”友谊是历史的选择，是",
        "属于两国人民的宝贵财富。",
        "近年来，两国保持密切高层",
        "交往，双方在涉及彼此核心",
        "利益和重大关切问题上相互",
        "支持，中巴经济走廊建设取",
    ];
    const RIGHT: [&str; 9] = [
        "系的战略意义更加突出。我",
        "高度重视中巴关系发展，愿",
        "同扎尔达里总统一道努力，",
        "弘扬中巴传统友谊，推进各",
        "领域务实合作，推动中巴全",
        "天候战略合作伙伴关系取得",
        "更大发展，加快构建新时代",
        "更加紧密的中巴命运共同",
        "体，更好造福两国人民。",
    ];
    /// What the page prints above the two columns: where `巴基斯坦`,
    /// `关系`, `取得` and `全天候` are printed whole.
    const ABOVE: &str = "习近平向巴基斯坦新任总统致贺电\n\n推动全天候合作取得成果，两\n国关系保持高水平发展。\n";

    fn read(text: &str) -> Vec<String> {
        let src: Vec<char> = text.chars().collect();
        lines(&src).iter().filter(|l| !l.is_blank()).map(|l| l.content().to_owned()).collect()
    }

    fn rows(left: &[&str], right: &[&str]) -> String {
        let mut out = Vec::new();
        for (a, b) in left.iter().zip(right) {
            out.extend([*a, *b]);
        }
        out.join("\n\n")
    }

    #[test]
    fn columns_printed_row_by_row_are_read_one_after_the_other() {
        let text = format!("{ABOVE}\n{}\n", rows(&LEFT, &RIGHT));
        let got = read(&text);
        let at = got.iter().position(|l| l == LEFT[0]).expect("the left column's first line");
        let expected: Vec<&str> = LEFT.iter().chain(&RIGHT).copied().collect();
        assert_eq!(got[at..at + expected.len()], expected, "{got:#?}");
    }

    #[test]
    fn a_double_spaced_column_read_line_after_line_keeps_its_order() {
        // The same lines, each column whole, double-spaced: a narrow brief.
        let printed: Vec<&str> = LEFT.iter().chain(&RIGHT).copied().collect();
        let text = format!("{ABOVE}\n{}\n", printed.join("\n\n"));
        let got = read(&text);
        let at = got.iter().position(|l| l == LEFT[0]).expect("the first line");
        assert_eq!(got[at..at + printed.len()], printed, "{got:#?}");
    }

    #[test]
    fn without_evidence_a_run_keeps_its_printed_order() {
        // No character pair of any junction is printed inside a line.
        let run = ["甲乙丙丁", "戊己庚辛", "子丑寅卯", "辰巳午未", "申酉戌亥", "金木水火"];
        let text = run.join("\n\n");
        assert_eq!(read(&text), run);
    }

    fn line(text: &str) -> Line {
        let src: Vec<char> = text.chars().collect();
        Line::new(&src, 0, src.len())
    }

    #[test]
    fn a_junction_is_likely_where_its_characters_are_printed_together() {
        let page = PageNgrams::of(&[line("中巴关系发展"), line("战略意义更加突出。"), line("关心的人")]);
        let ends = |t: &str| Ends::of(&line(t));
        // `关系` is printed inside a line; `系发` too, so three across.
        // (`关心的` is not `关系的`: a triple counts whole.)
        assert_eq!(junction(&page, &ends("两国关"), &ends("系的")), 1.0);
        assert_eq!(junction(&page, &ends("两国关"), &ends("系发展")), 1.0 + TRIGRAM);
        assert_eq!(junction(&page, &ends("中巴关"), &ends("系发展")), 1.0 + TRIGRAM);
        // No pair: nothing, unless a sentence ended before it.
        assert_eq!(junction(&page, &ends("中巴关"), &ends("战略")), 0.0);
        assert_eq!(junction(&page, &ends("更加突出。"), &ends("战略")), AFTER_SENTENCE);
        assert_eq!(junction(&page, &ends(""), &ends("系的")), 0.0);
    }

    #[test]
    fn a_text_s_pairs_are_read_inside_its_lines_and_a_join_scores_as_between_lines() {
        let page = PageNgrams::pairs_of_text(&"今年的工 作\n重点\n".chars().collect::<Vec<char>>());
        let chars = |t: &str| t.chars().collect::<Vec<char>>();
        // White space inside a line parts nothing; a line break does.
        assert_eq!(page.reads_on(&chars("今年的工 "), &chars(" 作已经")), 1.0, "no triples");
        assert_eq!(page.reads_on(&chars("保养工"), &chars("作已经")), 1.0);
        assert_eq!(page.reads_on(&chars("保养作"), &chars("重点")), 0.0, "`作重` runs across a line break");
        assert_eq!(page.reads_on(&chars("完成。"), &chars("专家")), AFTER_SENTENCE);
        assert_eq!(page.reads_on(&chars(""), &chars("作")), 0.0);
    }

    #[test]
    fn a_stride_changes_only_where_the_evidence_pays_for_it() {
        let at = |d: usize, v: f32| -> [f32; MAX_STRIDE] { std::array::from_fn(|k| if k + 1 == d { v } else { 0.0 }) };
        // Stride 2 all along; one junction's evidence at stride 3 in the
        // middle would cost two changes, more than it brings.
        let mut evidence = vec![at(2, 1.0); 10];
        evidence[5] = at(3, 1.0);
        assert_eq!(best_strides(&evidence), vec![2; 10]);
        // From stride 1 to stride 3 halfway, the evidence of many junctions.
        let evidence: Vec<_> = (0..12).map(|i| if i < 6 { at(1, 1.0) } else { at(3, 1.0) }).collect();
        assert_eq!(best_strides(&evidence), [vec![1; 6], vec![3; 6]].concat());
        // A change late in a long run costs what it costs early on.
        let evidence: Vec<_> = (0..24).map(|i| if i < 20 { at(1, 1.0) } else { at(3, 1.0) }).collect();
        assert_eq!(best_strides(&evidence), [vec![1; 20], vec![3; 4]].concat());
        // Equal evidence: the smallest stride.
        assert_eq!(best_strides(&[[0.0; MAX_STRIDE]; 3]), vec![1; 3]);
        assert!(best_strides(&[]).is_empty());
    }

    #[test]
    fn a_run_is_reordered_only_when_it_reads_better_by_a_tenth_of_a_junction_a_line() {
        let at = |d: usize, v: f32| -> [f32; MAX_STRIDE] { std::array::from_fn(|k| if k + 1 == d { v } else { 0.0 }) };
        // Ten lines: the margin is one junction's evidence.
        let mut evidence = vec![[0.0; MAX_STRIDE]; 10];
        evidence[3] = at(2, 1.0);
        assert!(reads_better(&evidence, &[2; 10]), "exactly the margin");
        evidence[3] = at(2, 0.9);
        assert!(!reads_better(&evidence, &[2; 10]), "less than the margin");
        // Evidence printed in order counts against the reordering.
        evidence[3] = at(2, 3.0);
        evidence[4] = at(1, 2.5);
        assert!(!reads_better(&evidence, &[2; 10]));
        // Each change of stride costs: 3.5 less two changes is 0.5.
        let mut evidence = vec![[0.0; MAX_STRIDE]; 10];
        evidence[4] = at(3, 3.5);
        let strides = [1, 1, 1, 1, 3, 1, 1, 1, 1, 1];
        assert!(!reads_better(&evidence, &strides));
        evidence[4] = at(3, 4.0);
        assert!(reads_better(&evidence, &strides));
    }

    #[test]
    fn one_junction_in_twelve_lines_does_not_reorder_them() {
        // Only `甲` / `乙`, two lines apart, is printed together (above).
        let texts = ["子甲", "丑寅", "乙卯", "辰巳", "午未", "申酉", "戌亥", "金木", "水火", "土日", "月星", "天地"];
        let run: Vec<Line> = texts.iter().map(|t| line(t)).collect();
        let mut all = vec![line("甲乙")];
        all.extend(run.iter().cloned());
        let page = PageNgrams::of(&all);
        assert_eq!(best_strides(&evidence(&run, &page)), vec![2; 12], "the evidence is at stride 2");
        assert_eq!(column_order(&run, &page), None);
    }

    #[test]
    fn column_order_follows_each_column_and_starts_columns_where_they_were_printed() {
        let texts = rows(&LEFT, &RIGHT);
        let run: Vec<Line> = texts.split("\n\n").map(line).collect();
        let mut all: Vec<Line> = ABOVE.lines().map(line).collect();
        all.extend(run.iter().cloned());
        let order = column_order(&run, &PageNgrams::of(&all)).expect("reordered");
        let left: Vec<usize> = (0..LEFT.len()).map(|k| 2 * k).collect();
        let right: Vec<usize> = (0..RIGHT.len()).map(|k| 2 * k + 1).collect();
        assert_eq!(order, [left, right].concat());
    }
}
