//! Columns printed side by side, as `pdftotext -layout` prints a page.
//!
//! Such a dump places every piece of text where it stood on the page, so
//! one physical line holds a line of each column (or of two articles set
//! side by side), padded apart with spaces. Read line by line, the columns
//! alternate. This pass finds each column's left edge from where text
//! starts again and again after a gap, cuts every line at those edges, and
//! hands the layout pass the pieces column after column, so that each
//! column reads as running text and its indents still show. It works band
//! by band: two blank lines end a block of the page (a headline and its
//! columns, say), and the next block has columns of its own, unless the
//! line under them goes on in the band's columns (a taller headline beside
//! them spaced their rows apart).
//!
//! A page with no such columns comes back unchanged. Every piece is a range
//! of one input line, so offsets still point into the original.

use super::layout::Line;
use super::patterns;
use crate::model::MarkerKind;

/// Spaces that part one column's text from the next column's on a line.
const GAP: usize = 2;
/// Blank lines in a row that end a band (a block) of the page.
const BAND_BREAK: usize = 2;
/// How far right of its column's edge text may start (an indent), and
/// how far apart the starts that make one edge may lie.
const INDENT: usize = 3;
/// Rows of a band, most, that may be a headline block alone, over columns
/// that start under it.
const HEADLINE_ROWS: usize = 3;
/// Starts at one place that make a column edge in any band, however tall:
/// a short column beside a long one (an article beside a page-long
/// column) is a column still.
const EDGE_STARTS: usize = 6;
/// Cells between a column's text and a jump marker after it on its line,
/// fewest, for the marker to stand apart (see [`jump_apart`]).
const JUMP_APART: usize = 8;
/// Indented lines, fewest, for a column to open its paragraphs with an
/// indent (see [`close_stray_rows`]).
const INDENTED_LINES: usize = 2;
/// Lines with a column gap, fewest, for the page to be read as columns.
const GAPPED_LINES: usize = 4;

/// The page's lines with columns printed side by side read one after
/// another (see the module documentation).
pub fn one_after_another(src: &[char], lines: Vec<Line>) -> Vec<Line> {
    let gapped = lines.iter().filter(|l| gapped(src, l)).count();
    if gapped < GAPPED_LINES {
        return lines;
    }
    let runs: Vec<Vec<(usize, usize)>> = lines.iter().map(|l| words(src, l)).collect();
    let mut out = Vec::with_capacity(lines.len() + 16);
    let mut band: Vec<Line> = Vec::new();
    // The runs of the band's lines with columns, so far.
    let mut band_runs = BandRuns::default();
    // Blank lines after the band, until the text under them says whether they end it.
    let mut blank_run: Vec<Line> = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        if line.is_blank() {
            blank_run.push(line);
            continue;
        }
        if blank_run.len() >= BAND_BREAK {
            // The next line with text after this one, which may say that a
            // line of one run is a narrow column's.
            let after = (i + 1..runs.len()).find(|&k| !runs[k].is_empty()).map(|k| runs[k].as_slice());
            // Where the line's first word ends (a single space may part
            // a headline's last characters from a byline on their row).
            let first_word = runs[i].first().map(|&(b, e)| src[line.start + b..line.start + e].iter().position(|&c| c == ' ').map_or(e, |k| b + k));
            if ends_band(&band_runs, &runs[i], first_word, after) {
                read_band(src, std::mem::take(&mut band), &mut out);
                band_runs = BandRuns::default();
                out.append(&mut blank_run);
            } else {
                // Rows a taller line beside the columns spaced apart: no
                // break in any column.
                blank_run.clear();
            }
        }
        band.append(&mut blank_run);
        band_runs.add_row(&runs[i]);
        band.push(line);
    }
    read_band(src, band, &mut out);
    out.append(&mut blank_run);
    out
}

/// Do blank lines end the band above them? Not where the line under them
/// goes on in the band's columns: two runs of text or more, each in a
/// column of the band (where a run of a line with columns began, or
/// indented from there, and no wider than it), or right of all the band's
/// text (a column the band's headline stood over: `博鳌亚洲论坛…闭幕` over
/// two columns, a narrow box of large type beside them). A taller headline
/// beside a column spaces the rows apart (`【筑梦现代化` / `共绘新图景` in a
/// narrow box beside a column of text), and the columns go on under the
/// blank lines. A line of one run may be the headline of an article set
/// in the same columns below, which are a block of their own; so may
/// anything under a band with no columns. It is the narrow box's next row
/// only where it fits one column and the line after it (`after`) goes on
/// in the band's other columns.
fn ends_band(band_runs: &BandRuns, next: &[(usize, usize)], first_word: Option<usize>, after: Option<&[(usize, usize)]>) -> bool {
    if band_runs.box_goes_on(next, first_word) {
        return false;
    }
    let in_a_column = |&(b, e): &(usize, usize)| band_runs.in_a_column(b, e);
    let right_of_all = if band_runs.rows <= HEADLINE_ROWS { band_runs.max_end.map_or(usize::MAX, |e| e + GAP) } else { usize::MAX };
    let goes_on = |runs: &[(usize, usize)]| runs.len() >= 2 && runs.iter().all(|r| in_a_column(r) || r.0 >= right_of_all);
    match next {
        [one] => !(in_a_column(one) && after.is_some_and(|a| goes_on(a) && a.iter().all(|r| r.0 > one.1))),
        _ => !goes_on(next),
    }
}

/// The runs of a band's lines with columns, by where they start: each
/// start's widest end and how many runs start there. Asked about a run,
/// it looks at the few starts near it, never at every run of the band
/// (a long band of many rows would make that quadratic).
#[derive(Default)]
struct BandRuns {
    by_start: std::collections::BTreeMap<usize, (usize, usize)>,
    max_end: Option<usize>,
    /// The band's text lines so far.
    rows: usize,
    /// The first run of every row so far, where each starts where the
    /// first row's did (or the row has text only right of it): where it
    /// starts and its widest end (see [`BandRuns::box_goes_on`]). None
    /// once a row starts elsewhere.
    left_box: Option<(usize, usize)>,
    /// The widest run right of a row's first, so far.
    widest_beside: usize,
}

impl BandRuns {
    fn add_row(&mut self, runs: &[(usize, usize)]) {
        self.rows += 1;
        match (self.rows, runs.first()) {
            (1, Some(&first)) => self.left_box = Some(first),
            // A row with text only right of the box: the box's large type
            // printed nothing on it.
            (_, Some(&(b, _))) if self.left_box.is_some_and(|(_, end)| b >= end + GAP) => {}
            (_, Some(&(b, e))) => self.left_box = self.left_box.filter(|&(start, _)| b.abs_diff(start) <= 1).map(|(start, end)| (start, end.max(e))),
            (_, None) => self.left_box = None,
        }
        self.widest_beside = runs.iter().skip(1).map(|&(b, e)| e - b).fold(self.widest_beside, usize::max);
        if runs.len() < 2 {
            return;
        }
        for &(b, e) in runs {
            let entry = self.by_start.entry(b).or_insert((e, 0));
            *entry = (entry.0.max(e), entry.1 + 1);
            self.max_end = self.max_end.max(Some(e));
        }
    }

    /// Does a line go on in a narrow box on the left that every row of the
    /// band has begun with (a headline in large type, `采访两会` / `的外国记`
    /// / `者：中国`, beside a headline and byline over columns that start
    /// under them)? Its first run starts where the box's did and is no
    /// wider than the box has been (or its first word is not, where
    /// `first_word` ends it: `议 本报记者`, the headline's last character and
    /// the byline's smaller type under it on one row), and the rest of it,
    /// if any, lies right of the box. The box is narrower than some text
    /// beside it: two columns of one width are a band's columns, and only
    /// [`ends_band`]'s other tests say whether they go on.
    fn box_goes_on(&self, next: &[(usize, usize)], first_word: Option<usize>) -> bool {
        let Some((start, end)) = self.left_box.filter(|&(start, end)| end - start < self.widest_beside) else {
            return false;
        };
        match next {
            [(b, e), beside @ ..] => b.abs_diff(start) <= 1 && (*e).min(first_word.unwrap_or(*e)) <= end && beside.iter().all(|r| r.0 >= end + GAP),
            [] => false,
        }
    }

    /// Does a run from `b` to `e` go on in a column of the band: a run
    /// of the band started at most an indent left of it, or a little right
    /// of it where that start was seen once (an indented first line,
    /// `在回答记者提问时` four cells right of its column's `俭表示…`), and
    /// it is no wider than that run (by a figure's play)? A start seen
    /// more often is the column's edge.
    fn in_a_column(&self, b: usize, e: usize) -> bool {
        let seen_once = |s: usize| self.by_start.range(s.saturating_sub(INDENT)..=s + INDENT).map(|(_, &(_, n))| n).sum::<usize>() == 1;
        self.by_start
            .range(b.saturating_sub(INDENT)..=b + 2 * INDENT)
            .any(|(&s, &(end, _))| (b + 1 >= s || seen_once(s)) && e <= end + INDENT)
    }
}

/// The runs of text on a line, as character ranges of the line: text
/// broken by fewer than [`GAP`] spaces is one run.
fn words(src: &[char], line: &Line) -> Vec<(usize, usize)> {
    let chars = &src[line.start..line.end];
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if chars[k] == ' ' || chars[k] == '\t' {
            k += 1;
            continue;
        }
        let begin = k;
        let mut end = k + 1;
        let mut j = k + 1;
        while j < chars.len() {
            if chars[j] == ' ' || chars[j] == '\t' {
                let gap_end = (j..chars.len()).find(|&g| chars[g] != ' ' && chars[g] != '\t').unwrap_or(chars.len());
                if gap_end - j >= GAP || gap_end == chars.len() {
                    break;
                }
                j = gap_end;
            } else {
                j += 1;
                end = j;
            }
        }
        out.push((begin, end));
        k = end;
    }
    out
}

/// Does the line hold two runs of text or more ([`words`])? Asked of
/// every line, so without listing them.
fn gapped(src: &[char], line: &Line) -> bool {
    let (mut text_before, mut gap) = (false, 0);
    for &c in &src[line.start..line.end] {
        if c == ' ' || c == '\t' {
            gap += 1;
        } else if text_before && gap >= GAP {
            return true;
        } else {
            (text_before, gap) = (true, 0);
        }
    }
    false
}

/// Column edges of a band: positions where text starts on many lines (a
/// fifth of the band's text lines, or [`EDGE_STARTS`] in a tall band; the
/// first text of a line, or text after a gap), each the leftmost start of
/// a cluster of starts within [`INDENT`] of each other. A cluster that
/// most of the text of the column to its left runs across is no column
/// of its own: it is that column's indented lines. An indent of two Han
/// characters can print four cells right of its column's edge, wider than
/// [`INDENT`], where the grid's cells are narrower than a Han character.
fn edges(runs: &[Vec<(usize, usize)>], rows: usize) -> Vec<usize> {
    let mut starts: Vec<usize> = runs.iter().flatten().map(|w| w.0).collect();
    starts.sort_unstable();
    let needed = (rows / 5).clamp(2, EDGE_STARTS);
    let mut clusters = Vec::new();
    let mut k = 0;
    while k < starts.len() {
        let mut j = k + 1;
        while j < starts.len() && starts[j] - starts[j - 1] <= INDENT {
            j += 1;
        }
        if j - k >= needed {
            clusters.push(starts[k]);
        }
        k = j;
    }
    let mut out: Vec<usize> = Vec::with_capacity(clusters.len());
    for &edge in &clusters {
        let Some(&left) = out.last() else {
            out.push(edge);
            continue;
        };
        // The text that starts in the column to the left, up to this edge.
        let (mut across, mut all) = (0, 0);
        for &(b, e) in runs.iter().flatten() {
            if b >= left && b < edge {
                all += 1;
                across += usize::from(e > edge);
            }
        }
        if 2 * across <= all {
            out.push(edge);
        }
    }
    out
}

/// Appends the band's lines to `out`, column after column if it has
/// columns side by side, else as they stand.
fn read_band(src: &[char], band: Vec<Line>, out: &mut Vec<Line>) {
    let runs: Vec<Vec<(usize, usize)>> = band.iter().map(|l| words(src, l)).collect();
    let rows = band.iter().filter(|l| !l.is_blank()).count();
    let edges = edges(&runs, rows);
    if edges.len() < 2 || runs.iter().all(|r| r.len() < 2) {
        out.extend(band);
        return;
    }
    let column = |x: usize| edges.iter().rposition(|&e| e <= x + 1).unwrap_or(0);
    let mut streams: Vec<Vec<Line>> = vec![Vec::new(); edges.len()];
    // Jump markers set apart after a column's text, read at its end.
    let mut jumps: Vec<Vec<Line>> = vec![Vec::new(); edges.len()];
    for (line, runs) in band.iter().zip(&runs) {
        if line.is_blank() {
            for s in &mut streams {
                s.push(line.clone());
            }
            continue;
        }
        // Each run that is a jump marker set apart from the run before it,
        // asked once per run.
        let apart: Vec<bool> = (0..runs.len()).map(|k| k > 0 && jump_apart(src, line, runs[k - 1], runs[k])).collect();
        let mut k = 0;
        let mut prev_end = 0;
        while k < runs.len() {
            let c = column(runs[k].0);
            let mut j = k + 1;
            while j < runs.len() && column(runs[j].0) == c && !apart[j] {
                j += 1;
            }
            // From the column's edge, so an indent still shows.
            let begin = runs[k].0.min(edges[c].max(prev_end));
            let end = runs[j - 1].1;
            let piece = Line::new(src, line.start + begin, line.start + end);
            if apart[k] {
                jumps[c].push(piece);
            } else {
                streams[c].push(piece);
            }
            prev_end = end;
            k = j;
        }
    }
    for (c, (stream, jumps)) in streams.into_iter().zip(jumps).enumerate() {
        if c > 0 {
            // A column break, as a plain dump shows one.
            let at = stream.first().map_or(0, |l| l.start);
            out.push(Line::new(src, at, at));
        }
        out.extend(close_stray_rows(stream));
        out.extend(jumps);
    }
}

/// A column's stream without the blank rows another column made: where
/// the column opens its paragraphs with an indent, a single blank row
/// between two of its lines, the lower one not indented, is no paragraph
/// break (a caption beside it, set in its own leading, put a row between
/// `…初步形成光子产业生态体系。` and `2023年，陕西光子…`).
fn close_stray_rows(stream: Vec<Line>) -> Vec<Line> {
    let indented = |l: &Line| !l.is_blank() && l.lead > l.start;
    if stream.iter().filter(|l| indented(l)).count() < INDENTED_LINES {
        return stream;
    }
    let stray: Vec<bool> = (0..stream.len())
        .map(|i| {
            stream[i].is_blank()
                && i > 0
                && !stream[i - 1].is_blank()
                && stream.get(i + 1).is_some_and(|next| !next.is_blank() && !indented(next))
        })
        .collect();
    stream.into_iter().zip(stray).filter(|(_, stray)| !stray).map(|(l, _)| l).collect()
}

/// Is `run` a jump marker (`（下转第14版）`) standing wider apart from
/// the run before it on the line than text of one column stands
/// (further than [`JUMP_APART`] cells)? The extraction set it on the row
/// of a column's first line; on the page it ends the column.
fn jump_apart(src: &[char], line: &Line, before: (usize, usize), run: (usize, usize)) -> bool {
    if run.0 < before.1 + JUMP_APART {
        return false;
    }
    let text: String = src[line.start + run.0..line.start + run.1].iter().collect();
    matches!(patterns::markers(&text).as_slice(), [(0, n, MarkerKind::ContinuedOn)] if *n == text.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        let src: Vec<char> = text.chars().collect();
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, c) in src.iter().enumerate() {
            if *c == '\n' {
                lines.push(Line::new(&src, start, i));
                start = i + 1;
            }
        }
        one_after_another(&src, lines).iter().map(|l| l.text.trim_end().to_owned()).collect()
    }

    #[test]
    fn a_line_is_gapped_when_a_gap_of_two_spaces_or_more_parts_its_text() {
        for (line, runs) in [
            ("左栏文字  右栏文字", 2),
            ("左栏\t\t右栏   第三栏", 3),
            ("一 个 空 格 不 算", 1),
            ("  缩进和行尾的空格不算    ", 1),
            ("　全角空格是字", 1),
            ("", 0),
        ] {
            let src: Vec<char> = line.chars().collect();
            let line = Line::new(&src, 0, src.len());
            assert_eq!(words(&src, &line).len(), runs, "{src:?}");
            assert_eq!(gapped(&src, &line), runs > 1, "{src:?}");
        }
    }

    /// The lines read that hold text, trimmed.
    fn text_lines(got: &[String]) -> Vec<&str> {
        got.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect()
    }

    /// A line with each text placed at its character position.
    fn row(cells: &[(usize, &str)]) -> String {
        let mut out = String::new();
        for (x, t) in cells {
            let n = out.chars().count();
            out.extend(std::iter::repeat_n(' ', x.saturating_sub(n)));
            out.push_str(t);
        }
        out + "\n"
    }

    #[test]
    fn columns_side_by_side_are_read_one_after_another() {
        let page = [
            row(&[(0, "烂漫春光好"), (30, "李强会见国际货币")]),
            row(&[(2, "央视网消息：人们"), (14, "花等特色赏花线路，")]),
            row(&[(0, "来到户外，共赴春日"), (14, "农耕文化体验。"), (30, "基金组织总裁")]),
            row(&[(0, "繁花之约。"), (16, "生态美，鲜花盛，"), (30, "本报武汉3月1日电   国务院总")]),
            row(&[(2, "春意浓，花枝俏。"), (14, "人气涨。"), (30, "理李强会见了她。")]),
        ]
        .concat();
        let got = read(&page);
        let want = [
            "烂漫春光好",
            "  央视网消息：人们",
            "来到户外，共赴春日",
            "繁花之约。",
            "  春意浓，花枝俏。",
            "",
            "花等特色赏花线路，",
            "农耕文化体验。",
            "  生态美，鲜花盛，",
            "人气涨。",
            "",
            "李强会见国际货币",
            "基金组织总裁",
            "本报武汉3月1日电   国务院总",
            "理李强会见了她。",
        ];
        assert_eq!(got, want, "{got:#?}");
    }

    #[test]
    fn four_lines_with_a_column_gap_make_a_page_of_columns_three_do_not() {
        let rows = |n: usize| (0..n).map(|k| row(&[(0, &format!("甲栏第{k}行")), (12, &format!("乙栏第{k}行"))])).collect::<String>();
        let four = read(&rows(GAPPED_LINES));
        assert_eq!(four.first().map(String::as_str), Some("甲栏第0行"));
        assert_eq!(four.iter().filter(|l| l.starts_with("乙栏")).count(), GAPPED_LINES, "{four:?}");
        // A line of one run is no gapped line.
        let three = read(&format!("{}甲栏一行\n", rows(GAPPED_LINES - 1)));
        assert!(three[..3].iter().all(|l| l.starts_with("甲栏") && l.contains("乙栏")), "{three:?}");
    }

    #[test]
    fn gaps_are_two_spaces_or_tabs_and_an_edge_takes_an_indent_of_three() {
        // A single space inside a cell, at the same place on every line, is no gap.
        let rows: String = (0..6).map(|k| row(&[(0, &format!("甲栏文字很长的 一行{k}")), (20, "乙栏")])).collect();
        let got = read(&rows);
        assert!(got.iter().take(6).all(|l| l.starts_with("甲栏文字很长的 一行")), "{got:?}");
        // Tabs part columns as spaces do.
        let tabbed: String = (0..5).map(|k| format!("甲栏第{k}行\t\t乙栏第{k}行\n")).collect();
        let got = read(&tabbed);
        assert_eq!(got.iter().filter(|l| l.trim_start().starts_with("乙栏")).count(), 5, "{got:?}");
        // Paragraphs indented by three spaces stay in their column.
        let indented: String = (0..6).map(|k| row(&[(if k % 2 == 0 { 3 } else { 0 }, &format!("甲栏第{k}行")), (20, &format!("乙栏第{k}行"))])).collect();
        let got = read(&indented);
        assert_eq!(got[..6].iter().map(|l| l.trim().to_owned()).collect::<Vec<_>>(), (0..6).map(|k| format!("甲栏第{k}行")).collect::<Vec<_>>(), "{got:?}");
    }

    #[test]
    fn an_indent_wider_than_three_cells_stays_in_its_column() {
        // pdftotext -layout's grid is finer than a Han character: a
        // column's paragraphs open four cells right of its edge, on as
        // many lines as make an edge, and the column's text runs across.
        let page = [
            row(&[(2, "本报西安电 今年前两个月"), (30, "海关统计数据显示，今年")]),
            row(&[(0, "区域货物贸易进出口两位"), (26, "域外贸进出口总值创历史新高，")]),
            row(&[(0, "红”。"), (26, "同比增长，占全国进出口总值的")]),
            row(&[(2, "前两个月，长三角"), (26, "37.3%。")]),
            row(&[(30, "“两位数”增长背后，是产业")]),
            row(&[(26, "的有力支撑。前两个月，长三角区")]),
        ]
        .concat();
        let got = read(&page);
        let order = text_lines(&got);
        assert_eq!(order, ["本报西安电 今年前两个月", "区域货物贸易进出口两位", "红”。", "前两个月，长三角", "海关统计数据显示，今年", "域外贸进出口总值创历史新高，", "同比增长，占全国进出口总值的", "37.3%。", "“两位数”增长背后，是产业", "的有力支撑。前两个月，长三角区"], "{got:#?}");
        // Where the text of the left column stops short of the starts, they
        // are a column's edge, however near.
        let narrow: String = (0..6).map(|k| row(&[(0, &format!("甲{k}")), (if k % 2 == 0 { 5 } else { 9 }, &format!("乙栏第{k}行"))])).collect();
        let got = read(&narrow);
        assert_eq!(got.iter().filter(|l| l.trim_start().starts_with('甲')).count(), 6, "{got:#?}");
        assert!(got[..6].iter().all(|l| l.starts_with('甲')), "{got:#?}");
    }

    #[test]
    fn an_edge_needs_a_fifth_of_the_band_s_text_lines() {
        // Fifteen text lines with blank lines between: a start seen on two
        // of them (a gap inside a column) is not a column's edge.
        let mut page = String::new();
        for k in 0..15 {
            let stray = if k < 2 { vec![(0, "甲栏"), (12, "乙栏文字"), (40, "杂")] } else { vec![(0, "甲栏"), (12, "乙栏文字")] };
            page += &row(&stray);
            page += "\n";
        }
        let got = read(&page);
        assert!(got.iter().any(|l| l.starts_with("乙栏文字") && l.ends_with("杂")), "{got:?}");
    }

    #[test]
    fn a_jump_marker_set_far_right_of_a_columns_first_line_ends_the_column() {
        let page = [
            row(&[(2, "央视网消息：3月1日出版的"), (30, "改进人民政协工作》。这是"), (70, "（下转第14版）")]),
            row(&[(0, "第5期《求是》杂志发表中共"), (30, "习近平总书记有关重要论述")]),
            row(&[(0, "中央总书记的文章《加强和"), (30, "的节录。")]),
            row(&[(0, "第四行的文字写在这里。"), (30, "第四行右栏的文字。")]),
        ]
        .concat();
        let got = read(&page);
        let order = text_lines(&got);
        assert_eq!(order, ["央视网消息：3月1日出版的", "第5期《求是》杂志发表中共", "中央总书记的文章《加强和", "第四行的文字写在这里。", "改进人民政协工作》。这是", "习近平总书记有关重要论述", "的节录。", "第四行右栏的文字。", "（下转第14版）"], "{got:#?}");
        // Text that is no marker stays on its line; so does a marker near
        // the text before it.
        for (x, far) in [(70, "（下转第十四版"), (49, "（下转第14版）")] {
            let page = page.replacen("（下转第14版）", "", 1).lines().next().map(|l| format!("{}{}{far}\n", l.trim_end(), " ".repeat(x - l.trim_end().chars().count()))).unwrap() + page.split_inclusive('\n').skip(1).collect::<String>().as_str();
            let got = read(&page);
            assert!(got.iter().any(|l| l.trim().starts_with("改进人民政协工作》。这是") && l.trim().ends_with(far)), "{far} at {x}: {got:#?}");
        }
    }

    #[test]
    fn a_blank_row_in_a_column_that_indents_its_paragraphs_breaks_only_before_an_indent() {
        let page = |second: usize, under: usize| {
            [
                row(&[(2, "走进西安高新区，这家"), (32, "可以利用平台提供的设备。")]),
                row(&[(0, "光子企业自主研发的"), (second, "从科技成果转化到企业")]),
                row(&[(0, "飞秒激光高端精密加"), (30, "孵化，产业生态初步形成。")]),
                "\n".to_owned(),
                row(&[(0, "工设备。"), (under, "2023年，产业链产值较上")]),
                row(&[(2, "据了解，陕西还将整合"), (30, "年增长50%以上。")]),
            ]
            .concat()
        };
        // The right column indents its paragraphs: the row between
        // `…形成。` and the unindented `2023年，…` is another column's.
        let right = |text: &str| {
            let got = read(text);
            let right: Vec<String> = got.iter().skip_while(|l| !l.trim_start().starts_with("可以利用")).map(|l| l.trim().to_owned()).collect();
            right
        };
        assert_eq!(right(&page(32, 30)), ["可以利用平台提供的设备。", "从科技成果转化到企业", "孵化，产业生态初步形成。", "2023年，产业链产值较上", "年增长50%以上。"]);
        // Under it, an indented line opens a paragraph: the row stays.
        assert_eq!(right(&page(32, 32)), ["可以利用平台提供的设备。", "从科技成果转化到企业", "孵化，产业生态初步形成。", "", "2023年，产业链产值较上", "年增长50%以上。"]);
        // A column that shows one indent at most keeps its blank rows.
        assert_eq!(right(&page(30, 30))[3], "");
        // A column whose text starts under the band's first blank row: the
        // row opens its stream, and stays.
        let lower = [
            row(&[(2, "走进西安高新区，这家")]),
            row(&[(0, "光子企业自主研发的")]),
            "\n".to_owned(),
            row(&[(0, "飞秒激光高端精密加"), (30, "从科技成果转化到企业")]),
            row(&[(2, "据了解，陕西还将整合"), (32, "孵化，产业生态形成。")]),
            row(&[(0, "工设备。"), (32, "2023年，产业链产值")]),
            row(&[(2, "另起一段的文字"), (30, "较上年增长。")]),
        ]
        .concat();
        let got = read(&lower);
        let order = text_lines(&got);
        assert_eq!(order, ["走进西安高新区，这家", "光子企业自主研发的", "飞秒激光高端精密加", "据了解，陕西还将整合", "工设备。", "另起一段的文字", "从科技成果转化到企业", "孵化，产业生态形成。", "2023年，产业链产值", "较上年增长。"], "{got:#?}");
    }

    #[test]
    fn a_run_goes_on_in_a_column_from_its_edge_or_an_indent_left_of_a_start_seen_once() {
        let mut band = BandRuns::default();
        for row in [[(0, 4), (21, 30), (70, 75)], [(0, 4), (21, 30), (70, 75)], [(0, 4), (21, 30), (46, 55)]] {
            band.add_row(&row);
        }
        band.add_row(&[(0, 9)]);
        assert_eq!((band.rows, band.max_end), (4, Some(75)), "a line of one run is a row, and adds no start");
        assert!(band.in_a_column(20, 29), "a cell left of an edge seen three times");
        assert!(!band.in_a_column(19, 29), "two cells left of it");
        assert!(band.in_a_column(40, 50), "an indent left of a start seen once");
        assert!(!band.in_a_column(39, 50));
        assert!(!band.in_a_column(10, 14), "where no column began");
        assert!(band.in_a_column(0, 7) && !band.in_a_column(0, 8), "a figure's play wider, not more");
    }

    #[test]
    fn text_right_of_all_a_band_s_text_goes_on_in_it_only_under_a_headline_block() {
        // Under two columns of four rows, two headlines side by side, one
        // right of all the band's text: a block of their own.
        let band: String = (0..4).map(|k| row(&[(0, &format!("甲栏第{k}行文字")), (20, &format!("乙栏第{k}行文字"))])).collect();
        let under = [row(&[(0, "【活力中国】小门店"), (40, "李强主持召开常务会议")]), row(&[(0, "大梦想的故事"), (40, "央视网消息：国务院")]), row(&[(0, "本报武汉3月8日电"), (40, "总理李强主持会议")])].concat();
        let got = read(&format!("{band}\n\n{under}"));
        let order = text_lines(&got);
        assert_eq!(order[..8], ["甲栏第0行文字", "甲栏第1行文字", "甲栏第2行文字", "甲栏第3行文字", "乙栏第0行文字", "乙栏第1行文字", "乙栏第2行文字", "乙栏第3行文字"], "{got:#?}");
        assert_eq!(order[8], "【活力中国】小门店", "{got:#?}");
    }

    #[test]
    fn a_short_column_beside_a_page_long_one_is_a_column() {
        // Forty-five lines of the left column, eight of the right: the right
        // column's starts are fewer than a fifth of the band's lines.
        let page: String = (0..45).map(|k| if k < 8 { row(&[(0, &format!("左栏第{k}行")), (20, &format!("右栏第{k}行"))]) } else { row(&[(0, &format!("左栏第{k}行"))]) }).collect();
        let got = read(&page);
        let order = text_lines(&got);
        let want: Vec<String> = (0..45).map(|k| format!("左栏第{k}行")).chain((0..8).map(|k| format!("右栏第{k}行"))).collect();
        assert_eq!(order, want, "{got:#?}");
    }

    #[test]
    fn a_narrow_headline_box_beside_an_article_set_under_its_own_headline_reads_box_first() {
        // A headline of large type in a narrow box, its rows spaced apart by
        // blank lines; beside it an article whose headline and byline stand
        // over two columns, the right one starting only under them (and
        // its first line indented); one row of the box alone between blank
        // lines; a line of figures a little wider than its column's others.
        let page = [
            row(&[(0, "赵乐际分"), (20, "十四届全国人大二次会议举行")]),
            row(&[(0, "别会见哈"), (20, "新闻发布会")]),
            row(&[(0, "萨克斯坦"), (22, "本报记者 刘华")]),
            "\n\n".to_owned(),
            row(&[(0, "总统托卡"), (22, "央视网消息（新闻联"), (44, "在回答记者提问时，")]),
            "\n\n".to_owned(),
            row(&[(0, "耶夫、柬"), (20, "播）：十四届全国人大"), (40, "娄勤俭表示，过去一")]),
            row(&[(20, "二次会议今天举行新"), (40, "年，立法工作成果丰")]),
            "\n\n".to_owned(),
            row(&[(0, "埔寨国王")]),
            "\n\n".to_owned(),
            row(&[(20, "闻发布会。"), (40, "2023年立法工作成果很丰硕。")]),
        ]
        .concat();
        let got = read(&page);
        let order = text_lines(&got);
        let want = [
            "赵乐际分", "别会见哈", "萨克斯坦", "总统托卡", "耶夫、柬", "埔寨国王",
            "十四届全国人大二次会议举行", "新闻发布会", "本报记者 刘华", "央视网消息（新闻联", "播）：十四届全国人大", "二次会议今天举行新", "闻发布会。",
            "在回答记者提问时，", "娄勤俭表示，过去一", "年，立法工作成果丰", "2023年立法工作成果很丰硕。",
        ];
        assert_eq!(order, want, "{got:#?}");
    }

    #[test]
    fn a_narrow_box_every_row_begins_with_goes_on_under_blank_lines_beside_anything_right_of_it() {
        // 040: a headline of large type in a narrow box, four cells wide,
        // beside a headline and byline; under blank lines, the box's next
        // row beside the body's first line, which starts where no column
        // of the band began. A row with text only right of the box keeps it.
        let mut band = BandRuns::default();
        for row in [&[(0, 4), (73, 79)][..], &[(0, 4), (73, 74)], &[(0, 4), (75, 82)], &[(69, 81)]] {
            band.add_row(row);
        }
        assert_eq!(band.left_box, Some((0, 4)));
        assert!(band.box_goes_on(&[(0, 4), (69, 81)], None), "beside a line where no column began");
        assert!(band.box_goes_on(&[(1, 2)], None), "a row of the box alone, a cell right");
        assert!(band.box_goes_on(&[(0, 4), (6, 12)], None) && !band.box_goes_on(&[(0, 4), (5, 12)], None), "text beside it a gap right of it");
        assert!(!band.box_goes_on(&[(0, 5), (69, 81)], None), "wider than the box");
        assert!(band.box_goes_on(&[(0, 6), (12, 14)], Some(1)), "a first word in the box, a byline after it");
        assert!(!band.box_goes_on(&[(0, 6), (12, 14)], Some(5)), "a first word wider than the box");
        assert!(!band.box_goes_on(&[(2, 4), (69, 81)], None), "starting elsewhere");
        assert!(!band.box_goes_on(&[], None));
        // Text that starts a gap right of the box leaves it as it was.
        band.add_row(&[(6, 12)]);
        assert_eq!(band.left_box, Some((0, 4)));
        // A row starting elsewhere ends the box.
        band.add_row(&[(3, 9), (69, 81)]);
        assert_eq!(band.left_box, None);
        assert!(!band.box_goes_on(&[(0, 4), (69, 81)], None));
        // A box as wide as the widest text beside it is a column, no box.
        let mut even = BandRuns::default();
        for row in [[(0, 8), (20, 28)], [(0, 8), (20, 28)]] {
            even.add_row(&row);
        }
        assert_eq!((even.left_box, even.widest_beside), (Some((0, 8)), 8));
        assert!(!even.box_goes_on(&[(0, 8), (30, 38)], None));
        even.add_row(&[(0, 8), (20, 29)]);
        assert!(even.box_goes_on(&[(0, 8), (30, 38)], None), "once text beside it is wider");
        // A box set in from the page's edge: its width is what counts.
        let mut inset = BandRuns::default();
        inset.add_row(&[(10, 14), (40, 45)]);
        assert!(inset.box_goes_on(&[(10, 14), (40, 45)], None));
    }

    #[test]
    fn a_narrow_headline_box_reads_whole_before_the_article_beside_it() {
        let page = [
            row(&[(0, "采访两会"), (36, "盛世盛会议国")]),
            row(&[(0, "的外国记"), (36, "是")]),
            row(&[(0, "者：中国"), (38, "本报记者 王嵘")]),
            "\n\n".to_owned(),
            row(&[(0, "高质量发"), (38, "央视网消息（新闻联")]),
            "\n\n".to_owned(),
            row(&[(0, "展带给世"), (34, "播）：今年全国两会召开以")]),
            row(&[(34, "来，习近平总书记“三下团")]),
            "\n".to_owned(),
            row(&[(0, "界更多机"), (34, "组”，与代表委员共商国是。")]),
            "\n\n".to_owned(),
            row(&[(0, "遇")]),
            "\n".to_owned(),
            row(&[(34, "他指出，要谋划进一步全面深")]),
            row(&[(2, "本报记者 陈尚文"), (34, "化改革重大举措，为推动高质")]),
            row(&[(0, "闻联播）：两会是世"), (34, "量发展、推进中国式现代化持")]),
        ]
        .concat();
        let got = read(&page);
        let order = text_lines(&got);
        assert_eq!(order[..7], ["采访两会", "的外国记", "者：中国", "高质量发", "展带给世", "界更多机", "遇"], "{got:#?}");
        let beside = order.iter().position(|&l| l == "盛世盛会议国").expect("the headline beside");
        assert_eq!(order[beside..beside + 4], ["盛世盛会议国", "是", "本报记者 王嵘", "央视网消息（新闻联"], "{got:#?}");
    }

    #[test]
    fn a_narrow_box_goes_on_into_its_last_character_printed_beside_the_byline() {
        let page = [
            row(&[(0, "十四届全"), (36, "中央宣传部等部门部署开展")]),
            row(&[(0, "国人大二"), (36, "化科技卫生“三下乡”活动")]),
            "\n\n".to_owned(),
            row(&[(0, "第四次会"), (36, "“三下乡”活动。")]),
            "\n\n".to_owned(),
            row(&[(0, "议 本报记者"), (12, "张涛"), (36, "通知要求，各地区")]),
            row(&[(0, "董越"), (36, "各有关部门要务求")]),
        ]
        .concat();
        let got = read(&page);
        let order = text_lines(&got);
        assert_eq!(order[..4], ["十四届全", "国人大二", "第四次会", "议 本报记者      张涛"], "{got:#?}");
    }

    #[test]
    fn lines_at_two_indents_but_never_two_on_a_line_keep_their_order() {
        let columns: String = (0..5).map(|k| row(&[(0, &format!("甲{k}")), (10, &format!("乙{k}"))])).collect();
        let staggered: String = (0..6).map(|k| row(&[(if k % 2 == 0 { 0 } else { 10 }, &format!("行{k}"))])).collect();
        let got = read(&format!("{columns}\n\n{staggered}"));
        let tail: Vec<&str> = got.iter().map(|l| l.trim()).filter(|l| l.starts_with('行')).collect();
        assert_eq!(tail, ["行0", "行1", "行2", "行3", "行4", "行5"]);
    }

    #[test]
    fn a_page_without_columns_side_by_side_is_unchanged() {
        let page = "标题\n  新华社北京6月18日电 第一段，\n写到这里。\n  第二段  有两个空格。\n";
        assert_eq!(read(page), ["标题", "  新华社北京6月18日电 第一段，", "写到这里。", "  第二段  有两个空格。"]);
    }

    #[test]
    fn columns_go_on_under_blank_lines_a_taller_headline_beside_them_left() {
        // A headline in a narrow box of large type beside two columns of
        // text: its rows are farther apart, and the extractor prints blank
        // lines between the text's rows.
        let page = [
            row(&[(0, "【筑梦现代化"), (20, "习近平向巴基斯坦新任总统")]),
            row(&[(0, "共绘新图景】"), (20, "扎尔达里致贺电")]),
            row(&[(0, "代表委员履职"), (22, "本报武汉3月26日电"), (40, "得丰硕成果，两国")]),
            "\n\n".to_owned(),
            row(&[(0, "故事"), (20, "3月10日，国家主席"), (40, "关系保持高水平。")]),
            row(&[(20, "习近平致电祝贺。"), (40, "习近平强调，当前")]),
        ]
        .concat();
        let got = read(&page);
        let order = text_lines(&got);
        assert_eq!(order, ["【筑梦现代化", "共绘新图景】", "代表委员履职", "故事", "习近平向巴基斯坦新任总统", "扎尔达里致贺电", "本报武汉3月26日电", "3月10日，国家主席", "习近平致电祝贺。", "得丰硕成果，两国", "关系保持高水平。", "习近平强调，当前"], "{got:#?}");
        // Under the blank lines, a line of one run (a headline over the
        // same columns), a run wider than its column, or a run where no
        // column began, opens a block of its own.
        for under in [row(&[(0, "各地庆祝妇女节")]), row(&[(0, "故事故事故事故事故事"), (40, "关系保持高水平。")]), row(&[(0, "故事"), (30, "关系保持高水平。")])] {
            // A headline across the columns is a line of one run, and no column.
            let page = format!("{}{}\n\n{under}", row(&[(0, "代表委员履职故事代表委员履职故事代表委员履职")]), row(&[(0, "代表委员履职"), (20, "3月10日，国家主席"), (40, "得丰硕成果，两国")]).repeat(GAPPED_LINES));
            let got = read(&page);
            let order = text_lines(&got);
            let column = |t: &'static str| std::iter::repeat_n(t, GAPPED_LINES);
            let band: Vec<&str> = column("代表委员履职").chain(column("3月10日，国家主席")).chain(column("得丰硕成果，两国")).collect();
            assert_eq!(order[1..=band.len()], band, "under {under:?}: {got:#?}");
        }
    }

    #[test]
    fn two_blank_lines_end_a_band_with_columns_of_its_own() {
        let top = "甲栏第一行文字    乙栏第一行文字\n甲栏第二行文字    乙栏第二行文字\n甲栏第三行文字    乙栏第三行文字\n";
        let bottom = "丙栏第一行    丁栏第一行文字\n丙栏第二行    丁栏第二行文字\n";
        let got = read(&format!("{top}\n\n{bottom}"));
        let order = text_lines(&got);
        assert_eq!(order, ["甲栏第一行文字", "甲栏第二行文字", "甲栏第三行文字", "乙栏第一行文字", "乙栏第二行文字", "乙栏第三行文字", "丙栏第一行", "丙栏第二行", "丁栏第一行文字", "丁栏第二行文字"]);
    }
}
