//! Layout pass: physical lines → units (paragraph candidates, display lines,
//! markers, Markdown headings). This is where column breaks are told apart
//! from paragraph ends, using a column width inferred from the page itself.

use super::headline_block::{HeadlineBlocks, PagePairs};
use super::patterns;
use super::piece::Piece;
use super::row_order::{column_order, PageNgrams};
use crate::model::MarkerKind;
use crate::text::{cell_width_of, ends_sentence, is_clause_punct, is_line_break, Space};

/// One physical line of the input.
#[derive(Debug, Clone)]
pub struct Line {
    /// First and one-past-last code point of the line, without its line
    /// break (see [`is_line_break`]).
    pub start: usize,
    pub end: usize,
    /// Bounds of its non-whitespace content; equal when the line is blank.
    pub lead: usize,
    pub trail: usize,
    pub width: f32,
    pub text: String,
    /// Byte range of the content (`lead..trail`) in `text`: asked for on
    /// every pass, so found once.
    content: std::ops::Range<usize>,
    /// Column width around this line, in cells.
    pub column: f32,
    /// Press conventions the line's content matches, computed once.
    pub conv: Conventions,
    /// Spaces stand between most of its characters (`出 口 达 到 3.75 万 亿`):
    /// the typesetter stretched the line to its column, so it is full
    /// whatever its count of characters says.
    pub justified: bool,
    /// The line stood alone between blank lines in a double-spaced run,
    /// whose blank lines were dropped as line spacing
    /// ([`double_spaced_runs`]).
    pub spaced_out: bool,
}

/// What the patterns say about one line (each regex runs once per line).
#[derive(Debug, Clone, Copy, Default)]
pub struct Conventions {
    pub opening_dateline: bool,
    pub closing_dateline: bool,
    pub caption: bool,
    pub byline: bool,
    pub crosshead: bool,
    pub whole_crosshead: bool,
    /// Page furniture: a header, a footer, an editor's credit.
    pub furniture: bool,
    /// The line opens a dateline that the next line ends (`本报乌鲁木齐3月`
    /// / `2日电 俄罗斯…`): it runs on into the next line.
    pub dateline_wraps: bool,
    /// The line is a report's closing note on who attended
    /// (`王毅参加上述活动。`), a paragraph of its own.
    pub attendance: bool,
    /// A byline whose names the column wrapped: the next line holds only
    /// names (`本报记者 陈尚文` / `周圆`), and it runs on into it.
    pub byline_wraps: bool,
    /// The line opens a photo caption wrapped over lines, whose credit
    /// (`新华社记者 王嵘 摄`) ends a line or two below: a block of its own.
    pub opens_caption: bool,
}

impl Conventions {
    /// Of a line's text `t` (its content, justification spaces taken out),
    /// whose characters `has` says.
    fn of(t: &str, has: patterns::Triggers) -> Self {
        // Asked of every line, and most lines match no convention: only
        // those patterns run that might match.
        let crosshead = has.crosshead() && patterns::is_crosshead(t);
        Conventions {
            opening_dateline: has.dateline_word && patterns::opening_dateline_len(t).is_some(),
            closing_dateline: has.closing_dateline() && patterns::is_closing_dateline(t),
            caption: has.caption() && patterns::is_caption(t),
            byline: has.byline() && patterns::is_byline(t),
            crosshead,
            whole_crosshead: crosshead && t.matches('“').count() == t.matches('”').count(),
            furniture: (has.furniture_word && patterns::is_furniture(t)) || (crate::masthead::MASTHEAD_ENDS.contains(&has.last) && crate::masthead::is_masthead_line(t)),
            dateline_wraps: false,
            opens_caption: false,
            byline_wraps: false,
            attendance: has.attendance() && patterns::is_attendance_note(t),
        }
    }
}

impl Line {
    /// The line of `src[start..end]` (no line break inside), its column
    /// not yet inferred.
    pub fn new(src: &[char], start: usize, end: usize) -> Line {
        Line::with_text(src, start, end, crate::text::string_of(&src[start..end]))
    }

    /// [`Line::new`] whose text, `src[start..end]` as a string, the caller
    /// has already.
    fn with_text(src: &[char], start: usize, end: usize, text: String) -> Line {
        let slice = &src[start..end];
        let lead = slice.iter().position(|c| !c.is_space()).map_or(end, |k| start + k);
        let trail = slice.iter().rposition(|c| !c.is_space()).map_or(lead, |k| start + k + 1);
        let content_chars = &src[lead..trail];
        let utf8_len = |cs: &[char]| cs.iter().map(|c| c.len_utf8()).sum::<usize>();
        let content_at = utf8_len(&slice[..lead - start])..text.len() - utf8_len(&slice[trail - start..]);
        let content = &text[content_at.clone()];
        // Most lines hold no space: nothing to take out, nothing justified.
        let spaced = content_chars.iter().any(|c| c.is_space());
        let mut conv = match patterns::Triggers::of(content_chars) {
            None => Conventions::default(),
            Some(has) if spaced => Conventions::of(&convention_text(src, lead, trail), has),
            // Nothing to take out: the content is the convention text.
            Some(has) => Conventions::of(content, has),
        };
        let justified = spaced && justified(content_chars);
        // A byline stands alone and is never stretched to its column:
        // `记 者 从 国 家 林 草 局 了 解` is the text after a dateline.
        conv.byline &= !justified;
        Line { start, end, lead, trail, width: cell_width_of(slice), justified, text, content: content_at, column: 0.0, conv, spaced_out: false }
    }

    pub fn is_blank(&self) -> bool {
        self.lead == self.trail
    }
    /// The line is one of a double-spaced run of a column ten cells wide
    /// or more, the way pdftotext's default mode prints side-by-side
    /// columns a row at a time: its order was read from the text alone
    /// ([`super::row_order`]), and may be wrong.
    pub fn interleaved(&self) -> bool {
        self.spaced_out && self.column >= INTERLEAVED_MIN_CELLS
    }
    /// A byline or an opening dateline: what follows a headline.
    pub(super) fn is_credit(&self) -> bool {
        self.conv.byline || self.conv.opening_dateline
    }
    /// A line of a kind of its own, never part of a headline or running
    /// text: a credit, a closing dateline, a caption, a crosshead, furniture.
    pub(super) fn own_kind(&self) -> bool {
        let c = self.conv;
        self.is_credit() || c.closing_dateline || c.caption || c.crosshead || c.furniture
    }
    /// How many brackets and quotes the line opens and leaves open
    /// (negative: it closes ones opened above it, as `野上】全国春` under
    /// `【在希望的田`).
    pub(super) fn bracket_depth(&self) -> i32 {
        self.content()
            .chars()
            .map(|c| match c {
                '【' | '（' | '(' | '“' | '《' | '[' => 1,
                '】' | '）' | ')' | '”' | '》' | ']' => -1,
                _ => 0,
            })
            .sum()
    }
    pub(super) fn content(&self) -> &str {
        &self.text[self.content.clone()]
    }
    /// The characters of the content that show.
    pub(super) fn visible_chars(&self) -> usize {
        self.content().chars().filter(|c| !c.is_whitespace()).count()
    }
    /// Can the line be a wrapped headline's: text that ends no sentence
    /// and parts no clause (a colon heads many a headline: `北京：立足首都…`),
    /// of no kind of its own?
    fn headline_like(&self) -> bool {
        let t = self.content();
        !self.is_blank() && !ends_sentence(t) && !t.chars().any(|c| is_clause_punct(c) && c != '：') && !self.own_kind()
    }
    /// White space before the content (an invisible character such as a
    /// zero-width space is not an indent).
    fn indented(&self) -> bool {
        self.lead > self.start && self.text.chars().take(self.lead - self.start).any(char::is_whitespace)
    }
}

/// How many cells short of its column a line must be, after a sentence
/// ends at the column's edge, to read as a paragraph's first line whose
/// indent the extraction ate. An indent is two cells; the text around a
/// line's last figure or Latin word can leave a line of running text one
/// cell short, rarely more.
const EATEN_INDENT: f32 = 1.0;

/// [`EATEN_INDENT`] for `line`: figures and Latin are narrower than a
/// cell by a margin that varies with the font (`2024年1月至2月，我国集成`
/// measures 12 cells and fills a column of 13), so a line holding them must
/// be short by most of an indent.
fn eaten_indent(line: &Line) -> f32 {
    if line.content().chars().all(|c| !c.is_ascii()) {
        EATEN_INDENT
    } else {
        INDENT_CELLS - 0.5
    }
}

/// Fewest gaps that make a line justified: a name (`本报记者 李明 董越`)
/// has two.
const JUSTIFIED_GAPS: usize = 4;

/// Do spaces stand between most characters of `content` (no white space
/// at either end)? Counted per word: `3.75` is one.
fn justified(content: &[char]) -> bool {
    let gaps = content.windows(2).filter(|w| !w[0].is_space() && w[1].is_space()).count();
    let words = gaps + 1;
    let letters = content.iter().filter(|c| !c.is_space()).count();
    gaps >= JUSTIFIED_GAPS && letters <= 2 * words
}

/// Splits `src` into lines and infers the column width around each.
pub fn lines(src: &[char]) -> Vec<Line> {
    lines_of(src, &crate::text::string_of(src))
}

/// [`lines`] of `src`, whose text `text` is: each line's text is copied
/// out of it, not encoded from its characters again (a twentieth of the
/// reflow's work).
pub fn lines_of(src: &[char], text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    // The line's first character and byte, and the byte of character `i`.
    let (mut start, mut start_byte, mut byte) = (0, 0, 0);
    for i in 0..=src.len() {
        if i == src.len() || is_line_break(src, i) {
            out.push(Line::with_text(src, start, i, text[start_byte..byte].to_owned()));
            start = i + 1;
            start_byte = byte + src.get(i).map_or(0, |c| c.len_utf8());
        }
        byte += src.get(i).map_or(0, |c| c.len_utf8());
    }
    // Columns printed side by side (pdftotext -layout) are read one after another.
    let out = super::columns::one_after_another(src, out);
    let out = close_headline_rows(split_glued_credits(src, out));
    let mut out = split_glued_captions(src, out);
    mark_wrapped_datelines(src, &mut out);
    mark_wrapped_captions(&mut out);
    mark_wrapped_bylines(&mut out);
    mark_split_header_dates(&mut out);
    let mut out = lift_column_ends(out);
    let spaced = double_spaced_runs(&out);
    infer_columns(&mut out);
    if spaced.is_empty() {
        return out;
    }
    let page = PageNgrams::of(&out);
    for run in spaced.iter().rev() {
        set_run_column(&mut out[run.clone()]);
        // The blank lines inside the run are only line spacing.
        let kept: Vec<Line> = out.drain(run.clone()).filter(|l| !l.is_blank()).collect();
        // Its lines may be columns printed row by row.
        let kept = match column_order(&kept, &page) {
            Some(order) => {
                let mut slots: Vec<Option<Line>> = kept.into_iter().map(Some).collect();
                order.into_iter().filter_map(|k| slots[k].take()).collect()
            }
            None => kept,
        };
        out.splice(run.start..run.start, kept);
    }
    out
}

/// Moves a column's last line back above a headline printed between it
/// and the rest of its column (`…突出问题导向和需求导向，` / blank lines /
/// `福建龙岩：不断增强老区发展新动能` / `提升科技创新投入效能。` / blank
/// lines / `本报记者 严冰`): -layout prints a headline across columns at its
/// height, among the rows of the column beside it, and spaces its large
/// type apart by blank rows. Only where two blank rows or more stand over
/// the headline and under the line, the text above the headline breaks
/// off mid-sentence, the line under it ends a sentence, and a credit
/// comes next.
fn lift_column_ends(mut lines: Vec<Line>) -> Vec<Line> {
    // A headline may hold `：` and `、` (`福建龙岩：…`), never a clause.
    let headline = |l: &Line| !l.is_blank() && super::headline_block::headline_text(l) && !l.content().contains(['，', '；', ',', ';']);
    for i in 2..lines.len().saturating_sub(3) {
        let (line, end) = (&lines[i], &lines[i + 1]);
        let set_apart = [i - 2, i - 1, i + 2, i + 3].iter().all(|&k| lines[k].is_blank());
        if !set_apart || !headline(line) || end.is_blank() || end.own_kind() || !ends_sentence(end.content()) {
            continue;
        }
        let credit_next = lines[i + 2..].iter().find(|l| !l.is_blank()).is_some_and(Line::is_credit);
        let Some(above) = (0..i).rev().find(|&k| !lines[k].is_blank()) else { continue };
        if credit_next && !ends_sentence(lines[above].content()) && !lines[above].own_kind() {
            // The line moves up; the headline and the blank rows between move down one.
            lines[above + 1..=i + 1].rotate_right(1);
        }
    }
    lines
}

/// Narrowest column of a double-spaced run that reads as columns printed
/// a row at a time rather than a photo brief in a narrow column (002's is
/// seven cells wide).
const INTERLEAVED_MIN_CELLS: f32 = 10.0;

/// Fewest lines of such runs on a page that earn the reader a warning:
/// two columns of six lines.
pub const INTERLEAVED_WARNING_LINES: usize = 12;

/// Most lines a wrapped caption's `图为…` sentence and its credit take.
const CAPTION_LINES: usize = 4;

/// Is a caption's credit (`新华社记者 李明 摄`) among the few lines under
/// line `i`, as under the first line of a caption the layout wrapped?
fn caption_credit_below(lines: &[Line], i: usize) -> bool {
    lines[i + 1..].iter().filter(|l| !l.is_blank()).take(CAPTION_LINES - 1).any(|l| l.conv.caption)
}

/// Marks the lines that open a photo caption the layout wrapped
/// (`图为石泰峰、王东峰等参加` / `上述会见。新华社记者 王嵘` / `摄`): a
/// `图为…` line with a credit line at most three lines below. Without the
/// mark, the caption's first lines run on from the paragraph above it.
fn mark_wrapped_captions(lines: &mut [Line]) {
    for i in 0..lines.len() {
        let opens = patterns::opens_caption_sentence(lines[i].content());
        if opens && !lines[i].conv.caption {
            lines[i].conv.opens_caption = caption_credit_below(lines, i);
        }
    }
}

/// Marks as furniture a date alone on a line next to other furniture:
/// the rest of a page header an extractor split at its wide spaces
/// (pdftotext's default mode gives `光明日报` / `2024年3月25日` /
/// `星期一 第9版`, each a block of its own). A lone date elsewhere, as
/// under a signed statement, stays text.
fn mark_split_header_dates(lines: &mut [Line]) {
    let written: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    for (k, &i) in written.iter().enumerate() {
        if lines[i].conv.furniture || !patterns::is_lone_date(lines[i].content()) {
            continue;
        }
        let furniture_at = |j: Option<&usize>| j.is_some_and(|&j| lines[j].conv.furniture);
        if furniture_at(k.checked_sub(1).and_then(|p| written.get(p))) || furniture_at(written.get(k + 1)) {
            lines[i].conv.furniture = true;
        }
    }
}

/// Marks the bylines the column wrapped, their last names on the next
/// line: without the mark, that line of a name or two reads as a
/// headline line and joins the title above (`…带给世界更多机遇周圆`).
/// Its first line may be justified, as a justified column sets every line
/// but a paragraph's last (`本 报 记 者 严 冰` / `周圆`), and the wrap may
/// cut a name (`本 报 记 者 周` / `圆`).
fn mark_wrapped_bylines(lines: &mut [Line]) {
    for i in 0..lines.len().saturating_sub(1) {
        // Only a byline, or a justified line that might be one, wraps.
        if !(lines[i].conv.byline || lines[i].justified) {
            continue;
        }
        if lines[i + 1].is_blank() || !byline_rest(lines[i + 1].content()) {
            continue;
        }
        if lines[i].conv.byline || justified_byline(&lines[i]) {
            lines[i].conv.byline = true;
            lines[i].conv.byline_wraps = true;
        }
    }
}

/// Could `rest` be what a byline's wrap left for the next line: names, or
/// the last character of a name the wrap cut (`本 报 记 者 周` / `圆`)?
fn byline_rest(rest: &str) -> bool {
    let mut chars = rest.chars();
    let lone_han = matches!((chars.next(), chars.next()), (Some(c), None) if crate::text::is_cjk(c));
    lone_han || patterns::is_names(rest)
}

/// Is the line justified, and a byline once its justification spaces are
/// out? Only over the rest of a wrapped byline ([`byline_rest`]) is it
/// one: `记 者 从 国 家 林 草 局` is text a column stretched.
fn justified_byline(line: &Line) -> bool {
    line.justified && patterns::is_byline(&line.content().split_whitespace().collect::<String>())
}

/// Longest line that can hold only the start of a dateline.
const DATELINE_START_MAX: usize = 20;

/// Marks the lines that open a dateline the next line ends, as a narrow
/// column wraps it (`本报广州3月22` / `日电 眼下，…`), so they start a
/// paragraph and run on into it.
fn mark_wrapped_datelines(src: &[char], lines: &mut [Line]) {
    for i in 0..lines.len().saturating_sub(1) {
        let (line, next) = (&lines[i], &lines[i + 1]);
        // Not over a dateline of its own: the regex would read a headline
        // and the dateline under it (`赏花正当时` / `央视网消息：`) as one.
        if line.conv.opening_dateline || next.conv.opening_dateline || line.trail - line.lead > DATELINE_START_MAX {
            continue;
        }
        // Cheap rejection (a blank line too): the next line says 电, 讯 or
        // 消息 near its start.
        if !src[next.lead..next.trail].iter().take(12).any(|c| matches!(c, '电' | '讯' | '電' | '訊' | '息')) {
            continue;
        }
        if dateline_wraps_into(src, (line.lead, line.trail), (next.lead, next.trail)) {
            lines[i].conv.opening_dateline = true;
            lines[i].conv.dateline_wraps = true;
        }
    }
}

/// Does the text of `head` (a line's content, as `lead..trail`) open a
/// dateline that goes on into `next` (`本报广州3月22` / `日电 眼下，…`)?
fn dateline_wraps_into(src: &[char], head: (usize, usize), next: (usize, usize)) -> bool {
    let head = convention_text(src, head.0, head.1);
    let joined = head.clone() + &convention_text(src, next.0, next.1);
    patterns::opening_dateline_len(&joined).is_some_and(|n| n > head.chars().count())
}

/// Blank rows, most, between a headline's lines or under its last, where
/// -layout spaces the rows of large type apart.
const HEADLINE_ROW_GAP: usize = 2;

/// Most characters of a headline an extraction can print at the start of
/// the byline's or dateline's line.
const GLUED_MAX: usize = 2;
/// The same, where they are the headline's whole last line (see
/// [`split_glued_credits`]).
const LONG_GLUED_MAX: usize = 8;

/// The sources whose credit or dateline a headline's last characters may
/// be glued to: this paper, the agency, and national news sites, named in
/// full so that no other name before 网消息 reads as one (`来央视网消息`
/// is `来` and 央视网's dateline; no site is called 来央视网).
const GLUED_SOURCES: &[&[char]] = &[&['本', '报'], &['新', '华', '社'], &['央', '视', '网'], &['新', '华', '网'], &['人', '民', '网'], &['中', '新', '网'], &['央', '广', '网'], &['光', '明', '网']];

/// Does `c` open one of the [`GLUED_SOURCES`]? Asked of the first few
/// characters of every line.
fn opens_glued_source(c: char) -> bool {
    matches!(c, '本' | '新' | '央' | '人' | '中' | '光')
}

/// Splits a line that opens with the last character or two of a headline
/// and goes on with a byline or dateline (`坚本报记者 王嵘`,
/// `来本报北京3月10日电 …`): pdf.js ends no line after a headline's
/// short last line when the next line starts close under it. Or with the
/// headline's whole last line, up to [`LONG_GLUED_MAX`] characters, where
/// -layout printed the credit beside it (see below). Only under a
/// line that ends no sentence and holds no clause, as a wrapped headline's
/// lines do; `据新华社北京3月1日电，…` after a sentence is text.
fn split_glued_credits(src: &[char], lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        let next = lines.peek().filter(|n| !n.is_blank());
        // A credit may name its paper (`人民日报记者`), so only one of this
        // paper (本报), the agency or a national news site stands apart
        // from what precedes it, justification spaces or not. Checked
        // first: it is cheap, and rarely so.
        let own = |at: usize| {
            let unspaced = src[at..line.trail].iter().filter(|c| !c.is_space());
            // Asked at up to eight places of every line: the first
            // character rules out almost all of them.
            if !unspaced.clone().next().is_some_and(|&c| opens_glued_source(c)) {
                return false;
            }
            GLUED_SOURCES.iter().any(|name| unspaced.clone().take(name.len()).eq(name.iter()))
        };
        // More of the headline than its last two characters: its whole
        // last line, which -layout prints on the baseline of the credit
        // beside it, set apart by a space (`代表团 本报记者 陈尚文`) or not
        // (`高质量发展央视网消息（新闻联`). Unspaced, only a dateline stands
        // apart: `本报记者…` may open a sentence of the text.
        // What is glued before the credit is all Han: the search stops at
        // the line's first other character.
        let han_before = |k: usize| line.lead + k < line.trail && crate::text::is_cjk(src[line.lead + k - 1]);
        // Blank rows may stand between: -layout spaces the rows of a
        // headline's large type apart.
        let under_headline = || out.iter().rev().take(HEADLINE_ROW_GAP + 1).find(|l| !l.is_blank()).is_some_and(Line::headline_like);
        // One look at the first few characters rules out most lines: a
        // source opens none of them, and no space stands among them.
        let first_few = &src[(line.lead + 1).min(line.trail)..(line.lead + LONG_GLUED_MAX + 1).min(line.trail)];
        let may_hold_source = first_few.iter().any(|&c| opens_glued_source(c) || c.is_space());
        let glued = (1..=LONG_GLUED_MAX).take_while(|&k| may_hold_source && han_before(k)).filter(|&k| own(line.lead + k)).find(|&k| {
            let at = line.lead + k;
            under_headline() && {
                let rest = Line::new(src, at, line.end);
                let credit = if k <= GLUED_MAX || src[at].is_space() { rest.is_credit() } else { rest.conv.opening_dateline };
                // A dateline the column wrapped (`央视网消息（新闻联` / `播）：`),
                // or a byline (`议本 报 记 者 张 涛` / `董越`).
                credit
                    || next.is_some_and(|next| {
                        dateline_wraps_into(src, (rest.lead, rest.trail), (next.lead, next.trail))
                            || (k <= GLUED_MAX && justified_byline(&rest) && byline_rest(next.content()))
                    })
            }
        });
        push_split(&mut out, src, line, glued);
    }
    out
}

/// Most characters of a headline's wrapped end that -layout prints a
/// blank row under the rest of it (see [`close_headline_rows`]).
const ROW_END_CHARS: usize = 2;

/// Drops the blank row between a headline's line and its wrapped end of a
/// character or two over the credit (`各界人士纪念孙中山逝世99` / blank /
/// `周年` / `本报上海3月19日电`): -layout spaces the rows of large type
/// apart, and the blank row would cut the headline where no headline
/// ends. A line of one or two characters over a credit is no headline of
/// its own.
fn close_headline_rows(lines: Vec<Line>) -> Vec<Line> {
    let spacing: Vec<bool> = (0..lines.len())
        .map(|i| {
            lines[i].is_blank()
                && i > 0
                && lines[i - 1].headline_like()
                && lines.get(i + 1).is_some_and(|end| end.headline_like() && end.visible_chars() <= ROW_END_CHARS)
                && lines.get(i + 2).is_some_and(Line::is_credit)
        })
        .collect();
    lines.into_iter().zip(spacing).filter(|(_, spacing)| !spacing).map(|(l, _)| l).collect()
}

/// Pushes `line`, or its two halves where `at` (characters into its
/// content) cuts it.
fn push_split(out: &mut Vec<Line>, src: &[char], line: Line, at: Option<usize>) {
    match at {
        Some(k) => {
            out.push(Line::new(src, line.start, line.lead + k));
            out.push(Line::new(src, line.lead + k, line.end));
        }
        None => out.push(line),
    }
}

/// Splits a line that ends a sentence and goes on, after white space,
/// with a photo caption (`进展成效。 图为目前，全国31个省份省` over
/// `级水。新华社记者 李明` / `摄`): an extractor prints the caption's
/// first line beside the text line level with it. Only where a caption's
/// credit follows within [`CAPTION_LINES`] lines, as in
/// [`mark_wrapped_captions`], which then marks the split-off line, or
/// where the split-off text is a whole caption, credit and all
/// (`…战斗能力。 图为19日，美国和德国。新华社记者 刘华 摄`).
fn split_glued_captions(src: &[char], lines: Vec<Line>) -> Vec<Line> {
    let splits: Vec<Option<usize>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| glued_caption_at(src, line).filter(|&k| caption_credit_below(&lines, i) || Line::new(src, line.lead + k, line.end).conv.caption))
        .collect();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len() + splits.iter().flatten().count());
    for (line, split) in lines.into_iter().zip(splits) {
        push_split(&mut out, src, line, split);
    }
    out
}

/// Where in the line's content a caption opens after a sentence's end and
/// white space (`进展成效。 图为…`), if it does.
fn glued_caption_at(src: &[char], line: &Line) -> Option<usize> {
    let content = &src[line.lead..line.trail];
    // Cheap rejection: most lines hold no 图.
    if !content.contains(&'图') {
        return None;
    }
    (1..content.len()).find(|&k| {
        content[k - 1].is_whitespace()
            && patterns::opens_caption_sentence(&content[k..].iter().take(2).collect::<String>())
            && content[..k].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|&c| crate::text::ends_sentence(&c.to_string()))
    })
}

/// A line's content as the press conventions are matched against it:
/// without invisible characters, and without justification spaces
/// (`本 报 武 汉 3 月 26 日 电` is a dateline).
fn convention_text(src: &[char], lead: usize, trail: usize) -> String {
    let content = &src[lead..trail];
    if content.iter().any(|c| c.is_space() && !crate::text::is_invisible(*c)) {
        // Cleaned as a piece would be, without building one: this is
        // asked of every justified line.
        // Dropped once the patterns have run: room enough, not counted.
        let mut text = String::with_capacity(content.len() * 3);
        super::piece::cleaned_spaces(content, false, |_, c| text.push(c));
        return text;
    }
    content.iter().filter(|c| !crate::text::is_invisible(**c)).collect()
}

/// Fewest lines that make a double-spaced run.
const DOUBLE_SPACED_MIN: usize = 6;

/// Runs of column lines each standing alone between single blank lines: a
/// narrow column (a photo brief, a sidebar) whose extraction put a blank
/// line after every line, or side-by-side columns that poppler's default
/// mode printed row by row ([`super::row_order`]). There the blank lines
/// say nothing about paragraphs, so the run is read as if they were not
/// there. Lines much wider than the run's typical line (a headline over
/// it) end a run; lines of 40 cells or more are one paragraph each.
/// Returns the ranges of line indices, each from a text line to the line
/// after the run's last text line.
fn double_spaced_runs(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let alone = |i: usize| !lines[i].is_blank() && (i == 0 || lines[i - 1].is_blank()) && lines.get(i + 1).is_none_or(Line::is_blank);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !alone(i) {
            i += 1;
            continue;
        }
        // A chain of lone lines, one blank line apart.
        let mut chain = vec![i];
        while let Some(&last) = chain.last() {
            let next = last + 2;
            if next < lines.len() && lines[last + 1].is_blank() && alone(next) {
                chain.push(next);
            } else {
                break;
            }
        }
        i = chain.last().unwrap() + 1;
        if chain.len() < DOUBLE_SPACED_MIN {
            continue;
        }
        let mut widths: Vec<f32> = chain.iter().map(|&k| lines[k].width).collect();
        widths.sort_by(f32::total_cmp);
        let typical = widths[widths.len() / 2];
        // Lines as wide as a column of 20 cells or more are hard-wrapped
        // text only when most stop mid-sentence: short paragraphs, one a
        // line between blank lines, each end one.
        let wrapped = || chain.iter().filter(|&&k| !ends_sentence(lines[k].content())).count() * 2 > chain.len();
        if typical >= WIDE || (typical >= WIDE / 2.0 && !wrapped()) {
            continue;
        }
        let in_column = |k: usize| lines[k].width <= typical * 1.3 + 1.0;
        for part in chain.split(|&k| !in_column(k)) {
            if part.len() >= DOUBLE_SPACED_MIN {
                runs.push(part[0]..part[part.len() - 1] + 1);
            }
        }
    }
    runs
}

/// The column of a double-spaced run, from its own lines only (the text
/// around it is set in other columns).
fn set_run_column(run: &mut [Line]) {
    let mut ws: Vec<f32> = run.iter().filter(|l| !l.is_blank()).map(|l| l.width).collect();
    ws.sort_by(f32::total_cmp);
    let column = ws[(ws.len() * 6 / 10).min(ws.len() - 1)];
    for l in run.iter_mut().filter(|l| !l.is_blank()) {
        l.column = column;
        l.spaced_out = true;
    }
}

/// Dumps with one paragraph per line have no column to speak of.
pub const WIDE: f32 = 40.0;

/// Column width per line: a high percentile of the widths of nearby
/// non-blank lines. Local, because one page mixes columns of 11 to 18 cells.
fn infer_columns(lines: &mut [Line]) {
    let idx: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    const HALF: usize = COLUMN_WINDOW / 2;
    // Lines narrower than four cells tell nothing of their column.
    let counted = |w: &f32| *w >= 4.0;
    // The window slides by a line at a time: each step takes one width
    // out and puts one in, instead of sorting them all again.
    let mut window = SortedWidths::default();
    let (mut lo, mut hi) = (0, 0);
    for (k, &i) in idx.iter().enumerate() {
        // As many lines at a page's edges as inside it: a page that opens
        // with a marker and a paragraph's short ends would read as a column
        // of nine cells from its first few lines alone.
        let new_hi = (k.saturating_sub(HALF) + COLUMN_WINDOW).min(idx.len());
        let new_lo = new_hi.saturating_sub(COLUMN_WINDOW);
        for w in idx[lo..new_lo].iter().map(|&j| lines[j].width).filter(counted) {
            window.remove(w);
        }
        for w in idx[hi..new_hi].iter().map(|&j| lines[j].width).filter(counted) {
            window.insert(w);
        }
        (lo, hi) = (new_lo, new_hi);
        let ws = window.sorted();
        // The 60th percentile: six tenths of the count, rounded down, is
        // always a place in it.
        lines[i].column = if ws.is_empty() { lines[i].width } else { ws[ws.len() * 6 / 10] };
    }
    widen_to_text_below(lines, &idx);
}

/// Widens the column of a line wider than the lines around it said
/// ([`overwide`]) to the text under it, where the two lines under it are
/// as wide as it (by [`OVERWIDE_PLAY`]): it is the first line of a column
/// wider than the one above it, no headline across columns (`巴勒` ends a
/// dateline's line of 24 cells, and `斯坦伊斯兰抵抗运动…的副指挥` over lines
/// of 25.5 to 27 cells carries it on). A headline across stands over
/// shorter lines: its wrapped end, a byline, a column's text.
fn widen_to_text_below(lines: &mut [Line], idx: &[usize]) {
    for (k, &i) in idx.iter().enumerate() {
        if !overwide(&lines[i]) {
            continue;
        }
        let [a, b] = [k + 1, k + 2].map(|n| idx.get(n).map_or(0.0, |&j| lines[j].width));
        if a.min(b) + OVERWIDE_PLAY >= lines[i].width {
            lines[i].column = lines[i].column.max(a.min(b));
        }
    }
}

/// How many non-blank lines, the line itself among them, [`infer_columns`]
/// reads a line's column from.
const COLUMN_WINDOW: usize = 11;

/// The widths in [`infer_columns`]' window, kept sorted, on the stack:
/// asked for every line.
#[derive(Default)]
struct SortedWidths {
    widths: [f32; COLUMN_WINDOW],
    len: usize,
}

impl SortedWidths {
    fn insert(&mut self, w: f32) {
        let at = self.sorted().partition_point(|x| x.total_cmp(&w).is_lt());
        self.widths.copy_within(at..self.len, at + 1);
        self.widths[at] = w;
        self.len += 1;
    }

    fn remove(&mut self, w: f32) {
        let at = self.sorted().partition_point(|x| x.total_cmp(&w).is_lt());
        self.widths.copy_within(at + 1..self.len, at);
        self.len -= 1;
    }

    fn sorted(&self) -> &[f32] {
        &self.widths[..self.len]
    }
}

#[derive(Debug, Clone)]
pub enum Unit {
    /// Running text: one or more lines, maybe interrupted by column breaks.
    /// `headline`: the lines are a title or subtitle over a byline or
    /// dateline ([`super::headline_block`]).
    Text { piece: Piece, lines: usize, last_full: bool, overwide: bool, headline: bool, measure: Measure },
    /// A Markdown heading (`#` level) or a line wholly in `**bold**`.
    Heading { piece: Piece, level: u8 },
    Marker { piece: Piece, kind: MarkerKind },
    /// A line of page furniture (header, footer, editor's credit), cut out
    /// of the text it interrupts.
    Furniture(Piece),
}

/// How wide a unit of running text was set, in cells: what says, when
/// the extraction printed a paragraph's columns apart, which piece of text
/// carries on which (`assemble::rejoin_cut_sentences`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measure {
    /// The unit's widest line: its column, if it has a full line.
    pub widest: f32,
    /// Its first line: as wide as the column when it carries on text from
    /// elsewhere, an indent short when it opens a paragraph.
    pub first_line: f32,
    /// The first line's width says whether it is indented
    /// ([`width_tells_indent`]).
    pub first_tells_indent: bool,
}

fn wide(line: &Line) -> bool {
    line.column > WIDE
}

/// Is the line as wide as its column, i.e. does the text run on?
fn full(line: &Line) -> bool {
    full_with(line, line.indented())
}

/// `first`: the line opens a paragraph, whose indent the extraction may have
/// eaten, so it may be two or three cells short.
fn full_with(line: &Line, first: bool) -> bool {
    if line.justified {
        return true;
    }
    if wide(line) {
        return line.width >= 30.0;
    }
    let slack = if first { 4.0 } else { 2.0 };
    line.width >= line.column - slack
}

/// Closing marks a line may not start with, and opening ones it may not
/// end with: a justified column moves a character to the next line to
/// keep them (kinsoku), and that line then stops a cell short.
const NO_LINE_START: &[char] = &['，', '。', '、', '；', '：', '？', '！', '”', '’', '）', '》', '】', '」', '』', '…', '—', '·'];
const NO_LINE_END: &[char] = &['“', '‘', '（', '《', '【', '「', '『'];
/// A paragraph's indent, in cells.
const INDENT_CELLS: f32 = 2.0;

/// A line of full-width characters that ends a sentence a cell or more
/// short of its justified column, where no character was moved down for
/// kinsoku: the paragraph ends there. Justification fills every line of
/// running text but a paragraph's last, whose characters are as wide as
/// the column's, so a cell short is the end (a slack of two cells stays
/// for lines with figures and Latin, whose widths vary by font). A
/// paragraph's first line is two cells shorter anyway, for its indent.
fn stops_short(line: &Line, opens_unit: bool, next: Option<&Line>) -> bool {
    let Some(next) = next.filter(|n| !n.is_blank()) else { return false };
    let moved_for_kinsoku = moved_for_kinsoku(next);
    let short_by = if opens_unit { INDENT_CELLS + 1.0 } else { 1.0 };
    !line.justified && !wide(line) && line.column - line.width >= short_by && line.content().chars().all(|c| !c.is_ascii()) && !moved_for_kinsoku
}

/// Does `next` open with characters a justified line above it could not
/// end with: an opening mark, or one character and a closing mark
/// (kinsoku moved them down, and the line above stops a cell short)?
fn moved_for_kinsoku(next: &Line) -> bool {
    let mut opening = next.content().chars().filter(|c| !c.is_space());
    let (first, second) = (opening.next(), opening.next());
    first.is_some_and(|c| NO_LINE_END.contains(&c)) || second.is_some_and(|c| NO_LINE_START.contains(&c))
}

/// Does `line`'s width say whether it is indented: is it [`evenly_set`],
/// and does the line `below` it not open with what a justified line
/// could not hold at its end (a mark kinsoku moved down, or a figure or
/// Latin word too long for the room left, as `业投资…同比分别增长` /
/// `9.4%和15.1%…` stops two cells short)?
fn width_tells_indent(line: &Line, below: Option<&Line>) -> bool {
    evenly_set(line) && below.is_none_or(|b| b.is_blank() || !(moved_for_kinsoku(b) || b.content().trim_start().starts_with(|c: char| c.is_ascii_alphanumeric())))
}

/// Does line `i` go on with running text: not the first line of its
/// unit, which already holds a clause (`unit_holds_clause`, line `i`
/// included), and under a full line whose sentence runs on into it?
fn continues_running_text(lines: &[Line], i: usize, first: bool, unit_holds_clause: impl FnOnce() -> bool) -> bool {
    let above = |l: &Line| !l.is_blank() && full(l) && !ends_sentence(l.content());
    !first && above(&lines[i - 1]) && unit_holds_clause()
}

/// How much wider than its column a line must be to span columns.
const OVERWIDE_PLAY: f32 = 2.5;

/// Wider than the column: a headline spanning columns.
fn overwide(line: &Line) -> bool {
    !wide(line) && line.width > line.column + OVERWIDE_PLAY
}

/// A line that is a whole item by itself and never runs on.
fn standalone(line: &Line, next: Option<&Line>) -> bool {
    let c = line.conv;
    let bare_dateline = c.closing_dateline && !line.content().starts_with(['（', '(']);
    (c.closing_dateline && (!bare_dateline || next.is_none_or(Line::is_blank))) || c.whole_crosshead || c.caption || c.byline
}

/// Does the line open a block of its own? A `——` line does (a subtitle),
/// unless it is stretched to its column: justification stretches running
/// text, and a wrap set the dash at the start of a line of it.
fn starts_block(line: &Line) -> bool {
    let t = line.content();
    let c = line.conv;
    t.starts_with(['#', '▶', '■', '●', '◆'])
        || (t.starts_with("——") && !line.justified)
        || c.opening_dateline
        || c.closing_dateline
        || c.crosshead
        || c.caption
        || c.opens_caption
        || c.byline
        || whole_bold(t).is_some()
}

/// Does a line with nothing after it look like a headline rather than text?
fn headline_like(line: &Line) -> bool {
    let t = line.content();
    !ends_sentence(t) && !full(line) && !t.chars().any(is_clause_punct)
}

/// How close in length two headline lines must be to read as a title and
/// its parallel subtitle rather than one title wrapped. A wrapped title
/// leaves its second line shorter, often much (`前5月中国新疆对中亚五国` /
/// `进出口总值超千亿元` is one title).
const PARALLEL: f32 = 0.15;

/// Two short headline lines of the same length, one under the other, are
/// a title and its subtitle (`烂漫春光好` / `赏花正当时`): each a headline
/// line of its own. Not so when a bracket opened on the first closes on
/// the second (`【在希望的田` / `野上】…`), nor in a run of three or more
/// such lines, which is a headline wrapped in a narrow box of its own.
fn headline_over_headline(lines: &[Line], i: usize) -> bool {
    let (line, Some(next)) = (&lines[i], lines.get(i + 1)) else { return false };
    let parallel = |a: &Line, b: &Line| headline_like(a) && headline_like(b) && (b.width - a.width).abs() <= (PARALLEL * a.width).max(1.5);
    // The brackets are counted only for the few parallel pairs: this runs for every line.
    parallel(line, next)
        && line.bracket_depth() <= 0
        && !(i > 0 && parallel(&lines[i - 1], line))
        && !lines.get(i + 2).is_some_and(|after| parallel(next, after))
}

/// A line that does not end a sentence, followed by a line wider than the
/// column that reads as a headline (`十四届全国人大二次会议举行` over a
/// nine-cell column): the headline spans columns, and the text before it
/// breaks off there.
fn headline_across(next: &Line) -> bool {
    let t = next.content();
    overwide(next) && !ends_sentence(t) && !t.chars().any(is_clause_punct) && t.chars().count() <= 30
}

fn whole_bold(t: &str) -> Option<(usize, usize)> {
    let inner = t.strip_prefix("**")?.strip_suffix("**")?;
    (!inner.is_empty() && !inner.contains("**")).then_some((2, 2))
}

struct Builder<'a> {
    src: &'a [char],
    blocks: HeadlineBlocks,
    units: Vec<Unit>,
    cur: Option<OpenText>,
}

/// The unit being read: the ranges of the input its lines hold, joined
/// into a piece when the unit ends, at its full size at once (a piece grown
/// line by line was copied to a larger buffer every few lines, a twentieth
/// of the reflow's work), the indices of its first and last lines, and
/// the width of its widest line.
struct OpenText {
    ranges: Vec<(usize, usize)>,
    first: usize,
    last: usize,
    widest: f32,
}

impl OpenText {
    /// How many lines (or runs of a line that markers cut) it holds.
    fn lines(&self) -> usize {
        self.ranges.len()
    }

    /// Does the text hold a character `f` is true of?
    fn holds(&self, src: &[char], f: impl Fn(char) -> bool) -> bool {
        self.ranges.iter().any(|&(begin, end)| src[begin..end].iter().any(|&c| f(c)))
    }

    /// The lines joined as [`Piece::push_line`] joins them.
    fn piece(&self, src: &[char]) -> Piece {
        // Room for a space at each junction of two Latin words.
        let mut piece = Piece::with_capacity(self.ranges.iter().map(|(begin, end)| end - begin + 1).sum());
        for &(begin, end) in &self.ranges {
            piece.push_line(src, begin, end, begin.saturating_sub(1));
        }
        piece
    }
}

impl Builder<'_> {
    fn flush(&mut self, lines: &[Line]) {
        if let Some(text) = self.cur.take() {
            let mut piece = text.piece(self.src);
            piece.trim();
            if !piece.is_blank() {
                let l = &lines[text.last];
                let first = &lines[text.first];
                let measure = Measure { widest: text.widest, first_line: first.width, first_tells_indent: width_tells_indent(first, lines.get(text.first + 1)) };
                self.units.push(Unit::Text { piece, lines: text.lines(), last_full: full(l), overwide: overwide(l), headline: self.blocks.member(text.last), measure });
            }
        }
    }

    fn push_text(&mut self, begin: usize, end: usize, line_idx: usize, width: f32) {
        match &mut self.cur {
            Some(text) => {
                text.ranges.push((begin, end));
                text.last = line_idx;
                text.widest = text.widest.max(width);
            }
            None => self.cur = Some(OpenText { ranges: vec![(begin, end)], first: line_idx, last: line_idx, widest: width }),
        }
    }
}

/// The parts of a line to keep, without its Markdown markup: leading `#`s
/// of a heading (in any text: `## ` at a line start is certain Markdown)
/// and, in Markdown files only, `**` pairs. A `**` with no partner on its
/// line is text (`2**10`). Returns the heading level; the parts go into
/// `ranges`, emptied first (one buffer serves every line of a page).
fn markup_free_ranges(src: &[char], line: &Line, markdown: bool, ranges: &mut Vec<(usize, usize)>) -> u8 {
    let mut b = line.lead;
    let mut level = 0u8;
    while b < line.trail && src[b] == '#' && level < 6 {
        b += 1;
        level += 1;
    }
    if level > 0 && !(b < line.trail && src[b].is_space()) {
        // `#hashtag`, not a heading.
        b = line.lead;
        level = 0;
    }
    ranges.clear();
    let mut s = b;
    let stars: Vec<usize> = if markdown || whole_bold_chars(&src[b..line.trail]) { star_pairs(src, b, line.trail) } else { Vec::new() };
    for &i in &stars {
        if s < i {
            ranges.push((s, i));
        }
        s = i + 2;
    }
    if s < line.trail {
        ranges.push((s, line.trail));
    }
    level
}

/// Does the text show Markdown structure beyond doubt: an ATX heading
/// (`## 标题`) or a line that opens with a `**…**` pair? Then its inline
/// `**` pairs are markup even in a `.txt` file (seed 001 is such a file);
/// otherwise `**` is text (`2**10等于1024`).
pub fn certain_markdown(src: &[char], lines: &[Line]) -> bool {
    lines.iter().filter(|l| !l.is_blank()).any(|l| {
        let c = &src[l.lead..l.trail];
        let hashes = c.iter().take_while(|&&ch| ch == '#').count();
        let heading = (1..=6).contains(&hashes) && c.get(hashes).is_some_and(|ch| ch.is_space());
        let opens_bold = c.starts_with(&['*', '*']) && c.len() > 4 && !c[2].is_space() && star_pairs(src, l.lead, l.trail).len() >= 2;
        heading || opens_bold
    })
}

/// Is this line's content `**…**` with nothing after it? (Certain
/// Markdown in any file: a line wholly in bold.)
fn whole_bold_chars(content: &[char]) -> bool {
    // Asked of every line: most open with no star, and need no String.
    if content.iter().find(|c| !c.is_space()) != Some(&'*') {
        return false;
    }
    let t: String = content.iter().collect();
    whole_bold(t.trim_matches(|c: char| c.is_space())).is_some()
}

/// Starts of the `**` markers in `src[b..e]` that pair up; an odd last one
/// is left as text.
fn star_pairs(src: &[char], b: usize, e: usize) -> Vec<usize> {
    let mut at = Vec::new();
    let mut i = b;
    while i + 1 < e {
        if src[i] == '*' && src[i + 1] == '*' {
            at.push(i);
            i += 2;
        } else {
            i += 1;
        }
    }
    at.truncate(at.len() & !1);
    at
}

/// Groups lines into units. `markdown`: the file is Markdown (by its
/// name), so inline `**` pairs are markup. Offsets of the markup removed
/// are added to `markup`, so every input character stays accounted for.
pub fn units(src: &[char], lines: &[Line], markdown: bool, markup: &mut Vec<usize>) -> Vec<Unit> {
    // The page's character pairs, counted once for the headline blocks
    // and the column breaks both.
    let mut pairs = PagePairs::default();
    let mut b = Builder { src, blocks: super::headline_block::find(lines, &mut pairs), units: Vec::new(), cur: None };
    // The next non-blank line after each line, found in one backward pass
    // (a search per blank line was quadratic in a run of blank lines).
    let mut next_nonblank_at = vec![None; lines.len()];
    for i in (0..lines.len().saturating_sub(1)).rev() {
        next_nonblank_at[i] = if lines[i + 1].is_blank() { next_nonblank_at[i + 1] } else { Some(i + 1) };
    }
    let next_nonblank = |i: usize| next_nonblank_at[i];
    let mut ranges = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            // Decided once per run of blank lines: the rest of the run sees
            // the same lines on either side.
            let run_goes_on = i > 0 && lines[i - 1].is_blank();
            if let Some(text) = b.cur.as_ref().filter(|_| !run_goes_on) {
                let prev = &lines[text.last];
                let go_on = next_nonblank(i).is_some_and(|j| runs_on_into(prev, &lines[j]) || continues_over_blank(lines, &mut pairs, prev, text.lines(), &lines[j], lines.get(j + 1)));
                if !go_on {
                    b.flush(lines);
                }
            }
            continue;
        }
        let content = line.content();
        let level = markup_free_ranges(src, line, markdown, &mut ranges);
        // Most lines hold no markup: the whole content is kept.
        if ranges != [(line.lead, line.trail)] {
            let mut kept = ranges.iter().flat_map(|&(s, e)| s..e).peekable();
            for (o, c) in src.iter().enumerate().take(line.trail).skip(line.lead) {
                if kept.peek() == Some(&o) {
                    kept.next();
                } else if !c.is_space() {
                    markup.push(o);
                }
            }
        }
        if level > 0 || whole_bold(content).is_some() {
            b.flush(lines);
            let piece = trimmed_piece(src, &ranges);
            if !piece.is_blank() {
                b.units.push(Unit::Heading { piece, level: if level > 0 { level } else { 7 } });
            }
            continue;
        }
        // Page furniture stands apart; a paragraph it cut is rejoined
        // across it later (`assemble`), as across a caption.
        if line.conv.furniture {
            b.flush(lines);
            b.units.push(Unit::Furniture(trimmed_piece(src, &ranges)));
            continue;
        }
        let indented_start = line.indented() && !wide(line) && b.cur.as_ref().is_some_and(|text| {
            let prev = &lines[text.last];
            ends_sentence(prev.content()) || !full(prev)
        });
        let joins_previous = b.cur.as_ref().is_some_and(|text| runs_on_into(&lines[text.last], line));
        // Inside a headline block only its own breaks count (a `——` may
        // go on a bracketed title).
        let in_block = b.blocks.member(i) && !b.blocks.opens(i);
        if !joins_previous && !in_block && (starts_block(line) || indented_start || b.blocks.opens(i) || b.cur.as_ref().is_some_and(|text| wide(&lines[text.last]) && wide(line) && ends_sentence(lines[text.last].content()))) {
            b.flush(lines);
        }
        let unit_lines_before = b.cur.as_ref().map_or(0, OpenText::lines);
        // Cut page-jump markers out of the line; the text around them stays.
        let mut pos = 0usize; // chars of the line consumed, relative to the lead
        // Markers say 版; most lines don't, and skip the work.
        let found = if content.contains('版') {
            let line_text: String = ranges.iter().flat_map(|&(s, e)| src[s..e].iter()).collect();
            patterns::markers(&line_text)
        } else {
            Vec::new()
        };
        if !found.is_empty() {
            let flat: Vec<usize> = ranges.iter().flat_map(|&(s, e)| s..e).collect();
            for (mb, me, kind) in found {
                if pos < mb {
                    push_flat(&mut b, &flat[pos..mb], i, lines[i].width);
                }
                b.flush(lines);
                let mut piece = Piece::default();
                for &o in &flat[mb..me] {
                    piece.push_range(src, o, o + 1);
                }
                b.units.push(Unit::Marker { piece, kind });
                pos = me;
            }
            if pos < flat.len() {
                push_flat(&mut b, &flat[pos..], i, lines[i].width);
            }
        } else {
            for &(s, e) in &ranges {
                b.push_text(s, e, i, lines[i].width);
            }
        }
        // Does the paragraph end with this line?
        let next = lines.get(i + 1);
        let first = unit_lines_before == 0;
        // The next line is a headline over a byline or dateline: the text
        // ends here, its sentence finished or cut off.
        let headline_next = next.is_some_and(|n| headline_like(n) && lines.get(i + 2).is_some_and(Line::is_credit));
        let ends_here = headline_next || if ends_sentence(content) {
            !full_with(line, first)
                || wide(line)
                || stops_short(line, first, next)
                || next.is_none_or(|n| n.is_blank() || n.indented() || starts_block(n) || n.conv.attendance)
                // The next line is short but text runs on after it: it opens
                // a paragraph whose indent the extraction ate.
                || next.is_some_and(|n| opens_with_eaten_indent(n, lines.get(i + 2)))
        } else {
            // Wider than its column: a headline across columns, unless it
            // reads as text (a dateline, a clause), and the column is
            // only wider than the lines around it said.
            (overwide(line) && !line.conv.opening_dateline && !content.chars().any(is_clause_punct))
                || standalone(line, next)
                || headline_over_headline(lines, i)
                || next.is_some_and(headline_across)
                || next.is_none_or(starts_block)
                // A short line before a full one: a headline over its text,
                // unless it goes on with running text (a unit with clauses
                // in it) whose full line above runs on into it: figures
                // narrower than a cell leave such a line short
                // (`…北京、天津、石家庄等地` / `昨天（3月12日）最高的气温均在14℃`).
                || (!full_with(line, first)
                    && next.is_some_and(|n| full(n) && !n.is_blank())
                    && !line.conv.opening_dateline
                    && !continues_running_text(lines, i, first, || b.cur.as_ref().is_some_and(|text| text.holds(src, is_clause_punct))))
        };
        // Inside a headline block, its own breaks decide.
        let ends_here = if b.blocks.member(i) && b.blocks.member(i + 1) { b.blocks.opens(i + 1) } else { ends_here };
        if ends_here && !next_nonblank(i).is_some_and(|j| runs_on_into(line, &lines[j])) {
            b.flush(lines);
        }
    }
    b.flush(lines);
    b.units
}

/// The text of a line's markup-free ranges as one piece, trimmed.
fn trimmed_piece(src: &[char], ranges: &[(usize, usize)]) -> Piece {
    let mut piece = Piece::default();
    for &(s, e) in ranges {
        piece.push_range(src, s, e);
    }
    piece.trim();
    piece
}

/// Pushes a run of input offsets (contiguous or not) onto the current unit.
fn push_flat(b: &mut Builder<'_>, offs: &[usize], line_idx: usize, width: f32) {
    let mut k = 0;
    while k < offs.len() {
        let mut e = k + 1;
        while e < offs.len() && offs[e] == offs[e - 1] + 1 {
            e += 1;
        }
        b.push_text(offs[k], offs[e - 1] + 1, line_idx, width);
        k = e;
    }
}

/// A line that cannot open a paragraph, so the text before it runs on
/// into it: it starts with a mark that ends or parts a clause, or closes a
/// bracket (`70.1%` / `，远高于…`), or it carries on a number the wrap cut
/// (`2` / `024 年`).
fn runs_on_into(prev: &Line, next: &Line) -> bool {
    let Some(first) = next.content().chars().next() else { return false };
    if prev.conv.dateline_wraps || prev.conv.byline_wraps {
        return true;
    }
    // Not a closing quote: extractions print an opening quote as `”` often
    // enough (the first generator copies that slip) that one opens paragraphs.
    if matches!(first, '，' | '、' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '』' | '」' | '）' | '》' | '】') {
        return !prev.is_blank();
    }
    prev.content().chars().last().is_some_and(|c| c.is_ascii_digit() || c == '.') && (first.is_ascii_digit() || first == '%')
}

/// A blank line is a column break, not a paragraph end, when the text before
/// it runs the full column without finishing its sentence and the text after
/// it carries on (it does not start a headline, dateline or new paragraph).
/// `after_next` is the line right after `next` (blank or not).
fn continues_over_blank(lines: &[Line], pairs: &mut PagePairs, prev: &Line, prev_lines: usize, next: &Line, after_next: Option<&Line>) -> bool {
    let p = prev.content();
    if ends_sentence(p) || starts_block(next) || patterns::markers(next.content()).first().is_some_and(|m| m.0 == 0) {
        return false;
    }
    if wide(prev) {
        // One paragraph per line: a sentence cut mid-way continues when the next line is text too.
        return prev.width >= 30.0 && (next.width >= 30.0 || ends_sentence(next.content()) || next.content().chars().any(is_clause_punct));
    }
    if prev.conv.whole_crosshead {
        return false;
    }
    if !full_with(prev, prev_lines == 1) || overwide(prev) || (next.indented() && !full(next)) || opens_after_break(next, after_next) {
        return false;
    }
    // A single full line with no clause punctuation may be a headline
    // (but not a dateline, which runs on into its paragraph), unless the
    // characters at the join make a pair the page prints elsewhere: a
    // paragraph's first line that a column break parted from the rest
    // (`本届峰会最突出的亮点是习` / `近平主席宣布…`), as a wrap falls
    // inside words that recur ([`super::headline_block::wraps_into`]).
    if prev_lines == 1 && !p.chars().any(is_clause_punct) && !prev.conv.opening_dateline && !super::headline_block::wraps_into(lines, pairs, prev, next) {
        return false;
    }
    // The next line must read as text, not as a short headline.
    if headline_like(next) && after_next.is_none_or(|a| a.is_blank()) {
        return false;
    }
    true
}

/// Is `line` a paragraph's first line whose indent the extraction ate:
/// short of its column by an indent, with full text running on under it?
fn opens_with_eaten_indent(line: &Line, below: Option<&Line>) -> bool {
    !wide(line) && line.width <= line.column - eaten_indent(line) && !ends_sentence(line.content()) && below.is_some_and(|b| !b.is_blank() && full(b))
}

/// Cells a paragraph's first line after a column break falls short of its
/// column by, at least, to read as indented: more than the cell a column
/// estimated from the lines around it can be off by.
pub(super) const INDENT_AFTER_BREAK: f32 = 1.5;

/// Does `line`, after a column break, open a paragraph whose indent the
/// extraction ate ([`opens_with_eaten_indent`], its width telling, short
/// by [`INDENT_AFTER_BREAK`])? The text the break cut carries on
/// elsewhere (pdftotext's default mode prints a column's foot apart from
/// its head; `assemble::rejoin_cut_sentences` finds it).
fn opens_after_break(line: &Line, below: Option<&Line>) -> bool {
    width_tells_indent(line, below) && line.width <= line.column - INDENT_AFTER_BREAK && opens_with_eaten_indent(line, below)
}

/// Is every character of `line` one whose width no font changes: an
/// ideograph or a full-width clause mark (no figures, Latin, quotes or
/// brackets, which can leave a line of running text short of its
/// column)? Only such a line's width says an indent was eaten after a
/// column break.
fn evenly_set(line: &Line) -> bool {
    line.content().chars().all(|c| crate::text::is_cjk(c) || matches!(c, '，' | '。' | '、' | '；' | '：' | '！' | '？'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_line_a_column_break_parted_runs_on_where_its_join_recurs_on_the_page() {
        let page = "国家主席习近平出席第二届中国—\n中亚峰会并发表主旨讲话，习近平\n主席的讲话引起与会各方热烈反响。\n\n本届峰会最突出的亮点是习\n\n近平主席宣布“中国—中亚精神”。\n这一精神植根于六国在长期合作中\n形成的共同理念和价值。\n";
        let read = |page: &str| {
            let doc = crate::analyze_document("page.txt", page.as_bytes());
            let titles: Vec<Option<String>> = doc.articles.iter().map(|a| a.title.clone()).collect();
            let paragraphs: Vec<String> = doc.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.text.clone())).collect();
            (titles, paragraphs)
        };
        // `习近` is printed above: the line is a paragraph's first, and the
        // text after the break carries it on.
        let (titles, paragraphs) = read(page);
        assert_eq!(titles, [None]);
        assert_eq!(paragraphs[1], "本届峰会最突出的亮点是习近平主席宣布“中国—中亚精神”。这一精神植根于六国在长期合作中形成的共同理念和价值。");
        // Printed nowhere else, the pair says nothing: the line alone may be
        // a headline, and is read as one.
        let (titles, paragraphs) = read(&page.replace("习近平\n主席", "习主席\n主席").replace("国家主席习近平", "国家主席"));
        assert_eq!(titles, [None, Some("本届峰会最突出的亮点是习".to_owned())]);
        assert!(paragraphs[1].starts_with("近平主席宣布"));
    }

    #[test]
    fn a_line_an_indent_short_after_a_column_break_opens_a_paragraph_when_its_width_tells() {
        let column = "农时，田间地头一派繁忙景\n象，种子化肥农药等农资供\n应充足，农机具检修保养工\n";
        let after = |first: &str| text_units(&format!("{column}\n{first}\n变化，合理安排播种时间，\n防范低温冷害对幼苗的影响\n和损失。\n"));
        // Two cells short, ideographs only: a paragraph's first line.
        assert_eq!(after("专家提醒农户关注天气").len(), 2);
        // A cell short is within what a column's estimate is off by.
        assert_eq!(after("专家提醒广大农户关注天").len(), 1);
        // Figures or quotes make a line short too: its width tells nothing.
        assert_eq!(after("专家提醒广大12户关注天").len(), 1);
        assert_eq!(after("专家提醒“农户”关注").len(), 1);
    }

    #[test]
    fn a_line_width_tells_no_indent_when_the_line_under_it_opens_with_what_it_could_not_hold() {
        let src = chars("业投资和制造业技术改造投资同比分别增长\n9.4%和15.1%，保持较快增速。\n（3月18日）举行新闻发布会\n了，国家统计局发布\n专家提醒农户关注天气\n");
        let ls = lines(&src);
        assert!(!width_tells_indent(&ls[0], Some(&ls[1])), "a figure moved down");
        assert!(!width_tells_indent(&ls[0], Some(&ls[2])), "an opening bracket moved down");
        assert!(!width_tells_indent(&ls[0], Some(&ls[3])), "a character and a comma moved down");
        assert!(width_tells_indent(&ls[0], Some(&ls[4])));
        assert!(width_tells_indent(&ls[0], None));
        assert!(!width_tells_indent(&ls[1], None), "figures in the line itself");
        assert!(evenly_set(&ls[4]) && !evenly_set(&ls[2]));
    }

    /// The units of `page`, all of them text: each one's text.
    fn text_units(page: &str) -> Vec<String> {
        let src = chars(page);
        units(&src, &lines(&src), false, &mut Vec::new())
            .into_iter()
            .map(|u| match u {
                Unit::Text { piece, .. } => piece.text(),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_short_line_after_a_column_break_carries_the_sentence_on_when_text_follows_it() {
        let above = "今年以来，各地认真贯彻落实党中央\n决策部署，扎实推进春耕备耕工作，\n全力以赴抓好粮食生产和重要农产\n\n";
        // Text right under the short line: the break cut a sentence.
        assert_eq!(text_units(&format!("{above}品供给保障\n正在各地展开。\n")), ["今年以来，各地认真贯彻落实党中央决策部署，扎实推进春耕备耕工作，全力以赴抓好粮食生产和重要农产品供给保障正在各地展开。"]);
        // A blank line under it: it may be a headline, and stands apart.
        assert_eq!(text_units(&format!("{above}品供给保障\n\n正在各地展开。\n")).len(), 3);
    }

    #[test]
    fn latin_words_a_wrap_parts_keep_a_space_and_han_joins_without_one() {
        assert_eq!(text_units("他说，这是 the new\ndeal 的一部分，也是\n改革的一部分。\n"), ["他说，这是 the new deal 的一部分，也是改革的一部分。"]);
    }

    #[test]
    fn the_glued_sources_are_told_by_their_first_characters_exactly() {
        // The gate rules out no source, and lets through nothing else.
        for c in ('\u{4E00}'..='\u{9FFF}').chain(['本', '报', ' ']) {
            assert_eq!(opens_glued_source(c), GLUED_SOURCES.iter().any(|name| name[0] == c), "{c}");
        }
    }

    fn chars(t: &str) -> Vec<char> {
        t.chars().collect()
    }

    /// Every convention of `line`, each pattern run whatever characters
    /// the line holds: what [`Conventions::of`] must find with its
    /// [`patterns::Triggers`] gates.
    fn ungated(line: &Line, src: &[char]) -> [bool; 7] {
        let t = convention_text(src, line.lead, line.trail);
        let t = t.as_str();
        [
            patterns::opening_dateline_len(t).is_some(),
            patterns::is_closing_dateline(t),
            patterns::is_caption(t),
            patterns::is_byline(t) && !line.justified,
            patterns::is_crosshead(t),
            patterns::is_furniture(t) || crate::masthead::is_masthead_line(t),
            patterns::is_attendance_note(t),
        ]
    }

    #[test]
    fn the_character_gates_never_hide_a_convention() {
        let c = |l: &Line| [l.conv.opening_dateline, l.conv.closing_dateline, l.conv.caption, l.conv.byline, l.conv.crosshead, l.conv.furniture, l.conv.attendance];
        // One line of each convention, each found through its gate.
        let each = "新华社北京6月18日电 党中央\n（新华社北京6月18日电）\n郑坤摄\n新华社记者 董越\n一、继往开来\n第 21 页\n王毅参加上述活动。\n人 民 日 报\n本报乌鲁木齐3月2日电";
        let src = chars(each);
        let found: Vec<[bool; 7]> = (0..src.len()).filter(|&i| src[i] == '\n').chain([src.len()]).scan(0, |start, end| {
            let line = Line::new(&src, *start, end);
            *start = end + 1;
            Some(c(&line))
        }).collect();
        for (k, expected) in [0, 1, 2, 3, 4, 5, 6, 5, 0].into_iter().enumerate() {
            assert!(found[k][expected], "line {k} of {each:?}: {:?}", found[k]);
        }
        // And on every line of the seeds and the typeset fixtures, the
        // gates agree with the patterns run on every line.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<std::path::PathBuf> = Vec::new();
        for dir in ["www/corpus", "tests/fixtures/typeset/default", "tests/fixtures/typeset/raw", "tests/fixtures/typeset/layout", "tests/fixtures/typeset/pdfjs", "tests/fixtures/typeset-boxes/layout"] {
            files.extend(std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md")));
        }
        assert!(files.len() >= 30, "{files:?}");
        let mut lines_seen = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let src = chars(&text);
            let mut start = 0;
            for i in 0..=src.len() {
                if i == src.len() || is_line_break(&src, i) {
                    let line = Line::new(&src, start, i);
                    if !line.is_blank() {
                        assert_eq!(c(&line), ungated(&line, &src), "{}: {:?}", file.display(), line.content());
                        lines_seen += 1;
                    }
                    start = i + 1;
                }
            }
        }
        assert!(lines_seen > 3000, "{lines_seen}");
    }

    /// The units' texts (without white space) of `text`.
    fn unit_texts(text: &str) -> Vec<String> {
        let src = chars(text);
        let lines = lines(&src);
        units(&src, &lines, false, &mut Vec::new())
            .into_iter()
            .map(|u| match u {
                Unit::Text { piece, .. } | Unit::Heading { piece, .. } | Unit::Marker { piece, .. } | Unit::Furniture(piece) => piece.text().split_whitespace().collect(),
            })
            .collect()
    }

    #[test]
    fn a_lines_text_is_the_input_between_its_breaks() {
        // Breaks of one to three bytes, a carriage return kept before a
        // line feed, and characters of one to four bytes.
        let text = "甲 a\r\n乙\u{2028}丙\u{85}𠀀x\r丁é\n\n戊\u{0C}己";
        let got: Vec<String> = lines_of(&chars(text), text).into_iter().map(|l| l.text).collect();
        assert_eq!(got, ["甲 a\r", "乙", "丙", "𠀀x", "丁é", "", "戊", "己"]);
        assert_eq!(lines(&chars(text)).into_iter().map(|l| l.text).collect::<Vec<_>>(), got);
    }

    #[test]
    fn a_narrow_double_spaced_column_reads_as_if_single_spaced() {
        let column = "全国首台初雨调蓄竖井掘进机始发\n\n6 月 18 日，由\n\n中 铁 十 一 局 承 建\n\n的 上 海 虹 莘 排 水\n\n泵 站 初 雨 调 蓄 管\n\n廊 工 程 取 得 重 要\n\n进展，投用于该工\n\n程 的 国 产 超 大 直\n\n径掘进机平稳始发。\n";
        let src = chars(column);
        let ls = lines(&src);
        // The blank lines between the column's lines are gone; the one
        // after the headline (which is wider) stays.
        assert_eq!(ls.iter().filter(|l| l.is_blank()).count(), 2, "{:?}", ls.iter().map(|l| &l.text).collect::<Vec<_>>());
        assert!(ls.iter().filter(|l| !l.is_blank()).skip(1).all(|l| l.column == 7.0), "the run's own column");
        // A photo brief's column, too narrow for columns printed in rows.
        assert!(ls.iter().all(|l| !l.interleaved()));
        let units = unit_texts(column);
        assert_eq!(units.last().unwrap(), "6月18日，由中铁十一局承建的上海虹莘排水泵站初雨调蓄管廊工程取得重要进展，投用于该工程的国产超大直径掘进机平稳始发。", "{units:?}");
        // Five lone lines are not enough to call it a column.
        let short = "甲乙丙丁戊己庚\n\n甲乙丙丁戊己庚\n\n甲乙丙丁戊己庚\n\n甲乙丙丁戊己庚\n\n甲乙丙丁戊己庚\n";
        assert_eq!(lines(&chars(short)).iter().filter(|l| l.is_blank()).count(), 5);
        let six = format!("{short}\n甲乙丙丁戊己庚\n");
        assert_eq!(lines(&chars(&six)).iter().filter(|l| l.is_blank()).count(), 1, "only the last line's break");
        // Lines that share a block with another are not lone lines.
        let paired = "甲乙丙丁戊己庚\n甲乙丙丁戊己庚\n\n".repeat(6);
        assert_eq!(lines(&chars(&paired)).iter().filter(|l| l.is_blank()).count(), 7);
        // Wide lines (one paragraph per line, double spaced) keep their blank lines.
        let wide = format!("{}\n\n", "这是一整段很长的文字，它占满了一整行，后面还有更多的文字在这里继续写下去。".repeat(1)).repeat(6);
        assert_eq!(lines(&chars(&wide)).iter().filter(|l| l.is_blank()).count(), 7);
    }

    /// Two columns of 21 cells, the way poppler's default mode prints a
    /// loosely leaded page: a line of each in turn, between blank lines.
    const WIDE_LEFT: [&str; 5] = ["李强表示，今年以来，中国经济回升向好的态势", "不断巩固增强，实现良好开局，为完成全年经济", "社会发展目标打下坚实基础。中国经济具有制度", "、市场、产业、人力资源和创新优势，长期向好", "的基本面没有改变也不会改变。"];
    const WIDE_RIGHT: [&str; 4] = ["我们有信心、有能力保持中国经济持续健康发展", "。中方愿进一步深化与基金组织合作。希望基金", "组织继续发挥积极影响，维护经济全球化和自由", "贸易，推动建设开放型世界经济。"];
    /// The lead above them, single-spaced: where `态势不断`, `经济社会`,
    /// `良好的` and `自由贸易` are printed whole.
    const WIDE_LEAD: &str = "国务院总理李强会见国际货币基金组织总裁，双方就中国经济社会发展态势不断向好、\n共同维护良好的国际环境和全球自由贸易交换了意见。\n";

    #[test]
    fn wide_columns_printed_row_by_row_are_read_one_after_the_other() {
        let mut rows: Vec<&str> = Vec::new();
        for k in 0..WIDE_LEFT.len() {
            rows.push(WIDE_LEFT[k]);
            rows.extend(WIDE_RIGHT.get(k));
        }
        let text = format!("{WIDE_LEAD}\n{}\n", rows.join("\n\n"));
        let src = chars(&text);
        let read = lines(&src);
        let got: Vec<String> = read.iter().filter(|l| !l.is_blank()).map(|l| l.content().to_owned()).collect();
        let expected: Vec<&str> = WIDE_LEFT.iter().chain(&WIDE_RIGHT).copied().collect();
        assert_eq!(got[2..], expected, "{got:#?}");
        // Each line of the run says its order may read wrong; the lead's
        // do not.
        assert_eq!(read.iter().filter(|l| l.interleaved()).count(), expected.len());
    }

    #[test]
    fn short_paragraphs_a_line_each_between_blank_lines_keep_their_breaks() {
        // As wide as the columns above, but every line ends its sentence:
        // one paragraph a line, not a column printed double-spaced.
        let paragraphs = ["国务院总理李强25日在京会见国际货币基金组织总裁格奥尔基耶娃。", "李强表示，今年以来，中国经济回升向好的态势不断巩固增强。", "中方愿进一步深化与基金组织合作，推动建设开放型世界经济。", "格奥尔基耶娃感谢中国为基金组织提供的大力支持和帮助。", "她表示，过去一年，中国经济增长超出预期，中国好，世界才好。", "基金组织愿同中方进一步深化合作，提升中国的代表性和发言权。"];
        // The lines as split, before any run is read.
        let split = |text: &str| -> Vec<Line> {
            let src = chars(text);
            let mut at = 0;
            text.split('\n').map(|l| { let n = l.chars().count(); let line = Line::new(&src, at, at + n); at += n + 1; line }).collect()
        };
        let text = format!("{}\n", paragraphs.join("\n\n"));
        assert!(double_spaced_runs(&split(&text)).is_empty());
        assert_eq!(unit_texts(&text), paragraphs);
        // The same lines with their sentences cut are a run.
        let cut: Vec<String> = paragraphs.iter().map(|p| p.trim_end_matches('。').to_owned()).collect();
        assert_eq!(double_spaced_runs(&split(&format!("{}\n", cut.join("\n\n")))), vec![0..11]);
        // More than half of them cut make a run; half do not.
        let cut_first = |k: usize| -> String { paragraphs.iter().enumerate().map(|(i, p)| if i < k { cut[i].as_str() } else { p }).collect::<Vec<_>>().join("\n\n") };
        assert!(double_spaced_runs(&split(&cut_first(3))).is_empty());
        assert_eq!(double_spaced_runs(&split(&cut_first(4))), vec![0..11]);
        // Under 20 cells, a run is a narrow column's however its lines end.
        let narrow = "甲乙丙丁戊己庚。\n\n".repeat(6);
        assert_eq!(double_spaced_runs(&split(&narrow)), vec![0..11]);
    }

    #[test]
    fn a_page_that_opens_with_a_marker_and_short_lines_has_the_column_of_its_text() {
        // The first lines alone say a column of seven cells, and the full
        // line under the marker would read as a headline across columns.
        let page = "（上接第2版）\n代表们回到会场继续审议政府工作报\n告。\n会议由大会主席团常务主席主持进\n行。\n春耕备耕忙\n本报记者 李明\n本报北京3月5日电 各地抓住有利时\n机推进春耕备耕工作，农业农村部门\n加强指导服务，确保粮食生产开好局\n起好步。今年以来，各地加快推进高\n标准农田建设，夯实粮食安全根基。\n";
        let units = unit_texts(page);
        assert_eq!(units[1..3], ["代表们回到会场继续审议政府工作报告。", "会议由大会主席团常务主席主持进行。"], "{units:?}");
        let src = chars(page);
        assert!(lines(&src).iter().filter(|l| !l.is_blank()).all(|l| l.column >= 16.0), "every line reads the page's column");
    }

    #[test]
    fn a_justified_line_is_full_however_few_its_characters() {
        let line = |t: &str| lines(&chars(t)).remove(0);
        assert!(line("出 口 达 到 3.75 万 亿\n").justified);
        assert!(line("示 ， 2 月 ， 国 内 市 场\n").justified);
        // Two characters a word on average is still stretched; more is text.
        assert!(line("出口 达到 三万 亿元 增长\n").justified);
        assert!(!line("出口额 达到三 万亿元 增长了 百分之\n").justified);
        // A name's two gaps, and a Latin sentence, are not justification.
        assert!(!line("本报记者 李明 董越\n").justified);
        assert!(!line("the new deal is here to stay\n").justified);
        assert!(!line("蓬 勃 生 机，实现了高质量发展\n").justified);
        // Stretched to its column, the line runs on into the next: one
        // paragraph, not a short line (a headline) over text.
        let text = "模创历史新高。\n前两个月，我国出口达到三万\n出 口 达 到 3.75 万 亿\n元，同比增长百分之十，作为观察外\n贸的“晴雨表”，国际市场运输规模。\n";
        assert_eq!(unit_texts(text)[1], "前两个月，我国出口达到三万出口达到3.75万亿元，同比增长百分之十，作为观察外贸的“晴雨表”，国际市场运输规模。");
    }

    #[test]
    fn a_dash_line_opens_a_block_unless_it_is_stretched_to_its_column() {
        // A `——` a wrap set at a line's start, the line stretched like the
        // text around it: the sentence runs on (`…“空中出租车”` / `—— 中 国 …`).
        let text = "驶“空中出租车”。来看看他\n的调研感受。\n  在广州，戴亮看到了\n未来的“空中出租车”\n—— 中 国 自 主 研 发 的\nEH216-S无人驾驶载人航\n空器。\n";
        assert_eq!(unit_texts(text)[1], "在广州，戴亮看到了未来的“空中出租车”——中国自主研发的EH216-S无人驾驶载人航空器。");
        // Not stretched, it opens a block of its own: a subtitle.
        let text = text.replace("—— 中 国 自 主 研 发 的", "——中国自主研发的");
        assert_eq!(unit_texts(&text)[2], "——中国自主研发的EH216-S无人驾驶载人航空器。");
    }

    #[test]
    fn text_wider_than_the_column_above_it_runs_on_a_headline_as_wide_does_not() {
        // Headline lines make the column look narrow; the article's lines
        // under it are wider, and still one paragraph.
        let head = "【新时代新征程新伟业】实干开新局\n各地加快推动高质量发展\n";
        let text = format!("{head}本报上海3月2日电 眼下，各地抓项目、增动能，推动高质量\n发展取得新成效。\n");
        assert_eq!(unit_texts(&text).last().unwrap(), "本报上海3月2日电眼下，各地抓项目、增动能，推动高质量发展取得新成效。");
        let text = format!("{head}海基二号在珠江口盆地海域成功滑移下水，在建造中\n创下多项纪录。\n");
        assert_eq!(unit_texts(&text).last().unwrap(), "海基二号在珠江口盆地海域成功滑移下水，在建造中创下多项纪录。");
        // The same width with no clause in it: a headline across the columns.
        let text = format!("{head}十四届全国人大二次会议在京举行开幕会议\n创下多项纪录。\n");
        let units = unit_texts(&text);
        assert_eq!(units[units.len() - 2..], ["十四届全国人大二次会议在京举行开幕会议", "创下多项纪录。"]);
    }

    #[test]
    fn a_line_wider_than_the_column_above_but_as_wide_as_the_two_under_it_spans_no_columns() {
        // Lines of twenty cells, then one of twenty-three over two of
        // twenty-one: the first line of a wider column (within 2.5).
        let line = |n: usize| "一二三四五六七八九十".chars().cycle().take(n).collect::<String>() + "\n";
        let above = line(20).repeat(8);
        let widths_of = |wide: usize, below: &[usize]| {
            let below: String = below.iter().map(|&n| line(n)).collect();
            let ls = lines(&chars(&format!("{above}甲{}{below}", line(wide - 1))));
            let k = ls.iter().position(|l| l.content().starts_with('甲')).unwrap();
            (ls[k].column, overwide(&ls[k]))
        };
        let widths = |below: &[usize]| widths_of(23, below);
        assert_eq!(widths(&[21, 21]), (21.0, false));
        // Over lines a cell narrower, or only one line as wide, it spans columns.
        assert_eq!(widths(&[20, 21]), (20.0, true));
        assert_eq!(widths(&[21, 20]), (20.0, true));
        assert_eq!(widths(&[21]), (20.0, true));
        // Three cells wider than the lines under it: its column stays.
        assert_eq!(widths_of(24, &[21, 21]), (20.0, true));
    }

    #[test]
    fn a_columns_last_line_printed_under_a_headline_across_goes_back_above_it() {
        let texts = |t: &str| lines(&chars(t)).iter().filter(|l| !l.is_blank()).map(|l| l.text.trim().to_owned()).collect::<Vec<_>>();
        let page = |above: &str, end: &str, gap: &str, credit: &str| format!("要坚持以我为主，突出问题导向和\n{above}\n{gap}福建龙岩：不断增强老区发展新动能\n{end}\n{gap}{credit}\n");
        let lifted = ["要坚持以我为主，突出问题导向和", "需求导向，", "提升科技创新投入效能。", "福建龙岩：不断增强老区发展新动能", "本报记者 严冰"];
        assert_eq!(texts(&page("需求导向，", "提升科技创新投入效能。", "\n\n", "本报记者 严冰")), lifted);
        // Not after a sentence's end, over a line that ends none, with one
        // blank row, or over no credit.
        let kept = |above: &str, end: &str, gap: &str, credit: &str| {
            let got = texts(&page(above, end, gap, credit));
            assert_eq!(got[2], "福建龙岩：不断增强老区发展新动能", "{got:?}");
        };
        kept("需求导向。", "提升科技创新投入效能。", "\n\n", "本报记者 严冰");
        kept("需求导向，", "提升科技创新投入效能", "\n\n", "本报记者 严冰");
        kept("需求导向，", "提升科技创新投入效能。", "\n", "本报记者 严冰");
        kept("需求导向，", "提升科技创新投入效能。", "\n\n", "龙岩市瞄准新材料产业。");
        // A headline with a clause in it is text.
        let got = texts("突出问题导向和\n需求导向，\n\n\n福建龙岩，不断增强新动能\n提升效能。\n\n\n本报记者 严冰\n");
        assert_eq!(got[2], "福建龙岩，不断增强新动能", "{got:?}");
    }

    #[test]
    fn a_headlines_last_character_printed_before_the_byline_goes_back_to_it() {
        let texts = |t: &str| lines(&chars(t)).iter().map(|l| l.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts("建军一百年奋\n斗目标全力攻\n坚本报记者 王嵘\n"), ["建军一百年奋", "斗目标全力攻", "坚", "本报记者 王嵘", ""]);
        assert_eq!(texts("我在中国看见未\n来本报北京3月10日电 前段时间\n")[1..3], ["来", "本报北京3月10日电 前段时间"]);
        // A national site's dateline, named in full, stands apart too; a
        // name before 网消息 that is no such site's stays whole.
        assert_eq!(texts("我在中国看见未\n来央视网消息（新闻联播）：前段时间\n")[1..3], ["来", "央视网消息（新闻联播）：前段时间"]);
        assert_eq!(texts("我在中国看见未\n来宾网消息：前段时间\n")[1], "来宾网消息：前段时间");
        // Justified, and wrapped before the dateline ends.
        assert_eq!(texts("我在中国看见未\n来央 视 网 消 息 （ 新 闻 联\n播）：前段时间，来自法国的\n")[1..3], ["来", "央 视 网 消 息 （ 新 闻 联"]);
        assert_eq!(texts("我在中国看见未\n来央 视 网 说 （ 新 闻 联\n播）：前段时间，来自法国的\n")[1], "来央 视 网 说 （ 新 闻 联");
        assert_eq!(texts("我在中国看见未\n来本报北京3\n月10日电 前段时间\n")[1..3], ["来", "本报北京3"]);
        // Justified, and wrapped before the byline's last name (or the
        // last character of one); not over text the column stretched.
        assert_eq!(texts("主席团举行第四次会\n议本 报 记 者 张 涛\n董越\n")[1..3], ["议", "本 报 记 者 张 涛"]);
        assert_eq!(texts("主席团举行第四次会\n议本 报 记 者 张\n涛\n")[1..3], ["议", "本 报 记 者 张"]);
        assert_eq!(texts("主席团举行第四次会\n议本 报 记 者 张 涛\n董越在会上说，\n")[1], "议本 报 记 者 张 涛");
        assert_eq!(texts("主席团举行第四次会\n议本报记者 张涛\n董越\n")[1..3], ["议", "本报记者 张涛"]);
        assert_eq!(texts("主席团举行第\n四次会议本 报 记 者 张 涛\n董越\n")[1], "四次会议本 报 记 者 张 涛");
        // Under a sentence, or a line with a clause, it is text.
        assert_eq!(texts("会议结束。\n据新华社北京3月1日电，会议\n")[1], "据新华社北京3月1日电，会议");
        assert_eq!(texts("他说，会议\n据新华社北京3月1日电，会议\n")[1], "据新华社北京3月1日电，会议");
        // A paper's name before its reporter is the byline's own.
        assert_eq!(texts("建军一百年奋\n人民日报记者 王嵘\n")[1], "人民日报记者 王嵘");
        // Three characters are more than a title's end.
        assert_eq!(texts("建军一百年奋\n目标坚本报记者 王嵘\n")[1], "目标坚本报记者 王嵘");
        // Set apart by a space, up to eight are (-layout prints the byline
        // on the headline's baseline); nine are not.
        assert_eq!(texts("王沪宁会见英国两党议员\n代表团 本报记者 陈尚文\n")[1..3], ["代表团", " 本报记者 陈尚文"]);
        assert_eq!(texts("王沪宁会见英国两党\n议员代表团访华会 本报记者 陈尚文\n")[1..3], ["议员代表团访华会", " 本报记者 陈尚文"]);
        assert_eq!(texts("王沪宁会见英国两党\n议员代表团访华会谈 本报记者 陈尚文\n")[1], "议员代表团访华会谈 本报记者 陈尚文");
        // Unspaced, a dateline stands apart from the headline's last line,
        // a byline not.
        assert_eq!(texts("推动资本市场\n高质量发展央视网消息（新闻联\n播）：在今天\n")[1..3], ["高质量发展", "央视网消息（新闻联"]);
        assert_eq!(texts("推动资本市场\n高质量发展本报北京3月15日电 在今天\n")[1..3], ["高质量发展", "本报北京3月15日电 在今天"]);
        assert_eq!(texts("推动资本市场\n高质量发展本报记者 陈尚文\n")[1], "高质量发展本报记者 陈尚文");
        // Up to eight characters, here too; nine are not a headline's end.
        assert_eq!(texts("推动资本市场\n向高质量发展迈进央视网消息（新闻联\n播）：在今天\n")[1..3], ["向高质量发展迈进", "央视网消息（新闻联"]);
        assert_eq!(texts("推动资本市场\n再向高质量发展迈进央视网消息（新闻联\n播）：在今天\n")[1], "再向高质量发展迈进央视网消息（新闻联");
        // A headline with a colon; one whose last line -layout printed two
        // blank rows under the line above it (large type), but not three.
        assert_eq!(texts("北京：立足首都战略定位推动高质量发\n展  本报记者 王嵘\n")[1..3], ["展", "  本报记者 王嵘"]);
        assert_eq!(texts("北京，立足首都战略定位推动高质量发\n展  本报记者 王嵘\n")[1], "展  本报记者 王嵘");
        assert_eq!(texts("各界人士纪念孙中山逝世99\n\n\n周年  本 报 上 海 3 月 19 日 电\n")[3..5], ["周年", "  本 报 上 海 3 月 19 日 电"]);
        assert_eq!(texts("各界人士纪念孙中山逝世99\n\n\n\n周年  本 报 上 海 3 月 19 日 电\n")[4], "周年  本 报 上 海 3 月 19 日 电");
    }

    #[test]
    fn a_blank_row_over_a_headline_s_wrapped_end_above_its_credit_is_spacing() {
        let title = |text: &str| crate::analyze_document("p.txt", text.as_bytes()).articles.iter().find_map(|a| a.title.clone());
        let body = "12日上午，首都各界人士会聚北京中山公园中山堂，举行仪式。\n";
        assert_eq!(title(&format!("各界人士纪念孙中山逝世99\n\n周年\n本报上海3月19日电 {body}")).as_deref(), Some("各界人士纪念孙中山逝世99周年"));
        // (The text's last line break leaves an empty line after it.)
        let blanks = |text: String| lines(&chars(&text)).iter().filter(|l| l.is_blank()).count();
        // Three characters may be a subtitle; a sentence's end is no headline.
        assert_eq!(blanks(format!("各界人士纪念孙中山\n\n九十周年\n本报上海3月19日电 {body}")), 2);
        assert_eq!(blanks(format!("首都各界举行仪式。\n\n周年\n本报上海3月19日电 {body}")), 2);
        // Not over a credit: the row stays.
        assert_eq!(blanks(format!("各界人士纪念孙中山逝世99\n\n周年\n{body}")), 2);
        assert_eq!(blanks(format!("各界人士纪念孙中山逝世99\n\n周年\n本报上海3月19日电 {body}")), 1);
    }

    fn is_opening_dateline(t: &str) -> bool {
        patterns::opening_dateline_len(t).is_some()
    }

    #[test]
    fn a_dateline_wrapped_over_two_lines_opens_its_paragraph() {
        let body = "俄称挫败乌对俄境内目标袭击\n本报乌鲁木齐3月\n2日电 俄罗斯国防部\n19日称，俄军摧毁了\n靠近边境的目标。\n";
        assert_eq!(unit_texts(body)[1], "本报乌鲁木齐3月2日电俄罗斯国防部19日称，俄军摧毁了靠近边境的目标。");
        let src = chars(body);
        let ls = lines(&src);
        assert!(ls[1].conv.dateline_wraps && ls[1].conv.opening_dateline && !ls[2].conv.dateline_wraps);
        // Twenty characters can open a dateline; twenty-one are text.
        let twenty = "伊犁哈萨克自治州日报乌鲁木齐沙依巴克3月";
        assert_eq!(twenty.chars().count(), 20);
        assert!(lines(&chars(&format!("{twenty}\n2日电 俄罗斯国防部\n")))[0].conv.dateline_wraps);
        let longer = "伊犁哈萨克自治州日报乌鲁木齐沙依巴克区3月";
        assert!(!lines(&chars(&format!("{longer}\n2日电 俄罗斯国防部\n")))[0].conv.dateline_wraps);
        assert!(is_opening_dateline(&format!("{longer}2日电")), "a dateline, were the line short enough");
        // A headline over a dateline is not the dateline's start.
        let ls = lines(&chars("赏花正当时\n央视网消息（新闻联播）：人们来到户外\n"));
        assert!(!ls[0].conv.dateline_wraps && !ls[0].conv.opening_dateline);
        // A line the next does not complete into a dateline is left alone.
        let ls = lines(&chars("本报乌鲁木齐3月\n2日下午俄罗斯国防部称\n"));
        assert!(!ls[0].conv.dateline_wraps && !ls[0].conv.opening_dateline);
    }

    #[test]
    fn a_header_split_at_its_wide_spaces_is_furniture_and_a_date_under_a_signature_is_not() {
        // pdftotext's default mode: the header's parts, each a block.
        let page = "光明日报\n\n2024年3月1日\n\n烂漫春光好\n\n星期一 第9版\n\n春意浓，花枝俏。\n\n国务院\n\n2024年3月1日\n";
        let src = chars(page);
        let furniture: Vec<String> = lines(&src).iter().filter(|l| l.conv.furniture).map(|l| l.content().to_owned()).collect();
        assert_eq!(furniture, ["光明日报", "2024年3月1日", "星期一 第9版"]);
        // The date beside the rest of a header, below it too.
        let page = "烂漫春光好\n\n2024年3月1日\n\n星期一 第9版\n";
        let src = chars(page);
        assert_eq!(lines(&src).iter().filter(|l| l.conv.furniture).count(), 2);
    }

    #[test]
    fn a_justified_line_is_never_a_byline() {
        let src = chars("本报成都3月22日电\n记 者 从 国 家 林 草 局 了 解\n到，我国推荐申报的吉林长白山。\n");
        let ls = lines(&src);
        assert!(ls[1].justified && !ls[1].conv.byline);
        assert!(lines(&chars("本报记者 赵鹏\n"))[0].conv.byline);
        assert_eq!(unit_texts(&src.iter().collect::<String>())[0], "本报成都3月22日电记者从国家林草局了解到，我国推荐申报的吉林长白山。");
    }

    #[test]
    fn justification_spaces_do_not_hide_a_dateline() {
        let src = chars("本 报 武 汉 3 月 26 日 电\n");
        assert!(lines(&src)[0].conv.opening_dateline);
        assert_eq!(convention_text(&src, 0, src.len() - 1), "本报武汉3月26日电");
        let plain = chars("本报武汉3月26日电\u{200B}\n");
        assert_eq!(convention_text(&plain, 0, plain.len() - 1), "本报武汉3月26日电");
    }

    #[test]
    fn parallel_headline_lines_are_title_and_subtitle_a_wrapped_one_is_one() {
        let body = "央视网消息（新闻联播）：人们来到户外，共赴春日繁花之约。春意浓，\n花枝俏。重庆奉节段坪村，万亩桃花盛放，人们漫步其中，尽享花开。\n";
        let units = unit_texts(&format!("烂漫春光好\n赏花正当时\n{body}"));
        assert_eq!(units[..2], ["烂漫春光好", "赏花正当时"], "{units:?}");
        let units = unit_texts(&format!("凝聚众智众力\n服务高质量发展\n{body}"));
        assert_eq!(units[..2], ["凝聚众智众力", "服务高质量发展"], "{units:?}");
        // A wrapped title's words recur in its article (seed 000: `…前5月对中亚五国进出口总值`).
        let units = unit_texts(&format!("前5月中国新疆对中亚五国\n进出口总值超千亿元\n{body}国新疆，前5月对中亚五国进出口总值\n超千亿元。\n"));
        assert_eq!(units[0], "前5月中国新疆对中亚五国进出口总值超千亿元", "{units:?}");
        // A bracket that closes on the next line, or three lines alike: one headline wrapped.
        let units = unit_texts(&format!("【在希望的\n田野上】\n{body}"));
        assert_eq!(units[0], "【在希望的田野上】", "{units:?}");
        let units = unit_texts(&format!("全国春播已\n由南向北陆\n续展开了呀\n{body}"));
        assert_eq!(units[0], "全国春播已由南向北陆续展开了呀", "{units:?}");
    }

    #[test]
    fn a_line_a_cell_short_after_a_full_sentence_opens_a_paragraph_unless_figures_make_it_short() {
        let column = "今年以来，全球生成式人工智\n能、智能网联汽车等新兴领域\n呈现爆发式增长。此外，电子\n市场的增长也拉动了集成电路\n长也拉动了集成电路的出口。\n";
        // Twelve cells of a thirteen-cell column, all full-width: the
        // paragraph's first line, its indent eaten.
        let units = unit_texts(&format!("{column}一二月份，我国集成电路出\n口额为一千六百亿元人民币，\n增长百分之二十八。\n"));
        assert_eq!(units.len(), 2, "{units:?}");
        // Twelve cells with figures in them fill the column: no new paragraph.
        let units = unit_texts(&format!("{column}2024年1月至2月，我国集成\n电路出口额为一千六百亿元人\n民币，增长百分之二十八。\n"));
        assert_eq!(units.len(), 1, "{units:?}");
        // Short by most of an indent (two cells), figures or not: a new paragraph.
        let units = unit_texts(&format!("{column}2024年1月至2月，集成电\n路出口额为一千六百亿元人民\n币，增长百分之二十八。\n"));
        assert_eq!(units.len(), 2, "{units:?}");
    }

    #[test]
    fn a_short_line_opens_a_paragraph_only_when_full_text_runs_on_under_it() {
        let column = "今年以来，全球生成式人工智\n能、智能网联汽车新兴领域。\n";
        // A cell short after a full sentence, and a full line under it:
        // the paragraph's first line, its indent eaten (also as the
        // page's second paragraph, with no line two above the full one).
        let units = unit_texts(&format!("{column}一二月份，我国集成电路出\n口额为一千六百亿元人民币，\n增长百分之二十八。\n"));
        assert_eq!(units.len(), 2, "{units:?}");
        // A short line under it: nothing says where the paragraph
        // started, and the lines run on.
        let units = unit_texts(&format!("{column}一二月份，我国集成电路出\n口额增长了。\n"));
        assert_eq!(units.len(), 1, "{units:?}");
    }

    #[test]
    fn a_short_line_that_a_full_line_runs_on_into_is_no_headline() {
        let page = "2024年3月14日 星期二 第1版\n\n在益阳\n\n　　本报北京3月15日讯　最近几天，我\n国多地气温回升。北京、天津、石家庄等地\n昨天（3月12日）最高的气温均在14℃\n左右，郑州、西安等地超过了15℃。今天\n开始，我国北方地区的气温将进一步升高，\n预计明后两天，东北多地的最高气温可达1\n0℃以上，华北平原的最高气温会升至20\n℃以上，不过，眼下正值冬春交替之际，上\n述地区白天虽然暖意融融，但夜间的最低气\n温依然维持在低位。\n";
        // Its figures leave `…14℃` short of the column, and a full line
        // follows; but the line above runs on into it: one paragraph.
        let units = unit_texts(page);
        assert!(units.iter().any(|u| u.contains("均在14℃左右，郑州")), "{units:?}");
    }

    #[test]
    fn a_caption_printed_beside_the_last_line_of_a_paragraph_is_split_off_it() {
        let page = "央视网消息（新闻联播）：国务院新\n闻办公室今天举行发布会，水利部相\n关负责人介绍了我国水安全保障的\n进展成效。 图为目前，全国31个省份省\n级 水 。 新 华 社 记 者 李 明\n摄\n十年来，我国加快完善流域防洪工程\n体系，新增水库库容1632亿立方米。\n";
        let doc = crate::analyze_document("page.txt", page.as_bytes());
        let paragraphs: Vec<&str> = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.as_str()).collect();
        assert!(paragraphs.iter().any(|p| p.ends_with("水安全保障的进展成效。")), "{paragraphs:?}");
        assert!(paragraphs.iter().all(|p| !p.contains("图为")), "{paragraphs:?}");
        // With no credit under it, `图为` after a sentence is text.
        let page = "央视网消息（新闻联播）：国务院新\n闻办公室今天举行发布会，水利部相\n关负责人介绍了我国水安全保障的\n进展成效。 图为目前，全国31个省份省\n级水网建设规划印发实施，水利部启\n动了先导区建设。\n";
        let src = chars(page);
        assert_eq!(lines(&src).iter().filter(|l| !l.is_blank()).count(), 6);
        // Nor does a `图为` inside a sentence open a caption, or one with
        // no gap before it (the extractor's text of one run).
        let credited = page.replace("动了先导区建设。", "动了先导区建设。新华社记者 李明 摄");
        assert_eq!(lines(&chars(&credited)).iter().filter(|l| !l.is_blank()).count(), 7, "split where the caption is credited");
        for glued in [credited.replace("进展成效。 图为", "进展成效， 图为"), credited.replace("进展成效。 图为", "进展成效。图为")] {
            assert_eq!(lines(&chars(&glued)).iter().filter(|l| !l.is_blank()).count(), 6, "{glued}");
        }
        // A whole caption, credit and all, beside the paragraph's last line.
        let page = "央视网消息（新闻联播）：俄罗斯国防部19日\n称，俄防空系统还拦截了导弹。此外，普京下令加\n强陆上和海上战斗能力。 图为19日，美国和德国。新华社记者 刘华 摄\n乌武装部队总参谋部19日称，乌武装部队击退俄\n军的进攻。\n";
        let doc = crate::analyze_document("page.txt", page.as_bytes());
        let paragraphs: Vec<&str> = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.as_str()).collect();
        assert_eq!(paragraphs, ["俄罗斯国防部19日称，俄防空系统还拦截了导弹。此外，普京下令加强陆上和海上战斗能力。", "乌武装部队总参谋部19日称，乌武装部队击退俄军的进攻。"]);
    }

    #[test]
    fn a_caption_credit_counts_within_three_lines_under_the_caption_s_first() {
        let with_lines_between = |n: usize| {
            let text = format!("图为会议现场\n{}新华社记者 李明 摄\n", "代表们认真审议报告\n\n".repeat(n));
            let src = chars(&text);
            caption_credit_below(&lines(&src), 0)
        };
        assert!(with_lines_between(2), "the credit third under it, blank lines not counted");
        assert!(!with_lines_between(3));
    }

    #[test]
    fn a_line_that_cannot_open_a_paragraph_runs_on_from_the_one_before() {
        let units = unit_texts("今年前五个月，出口增长了70.1%\n\n，远高于去年同期水平。全年预计在\n2\n024 年底前完成。\n");
        assert_eq!(units, ["今年前五个月，出口增长了70.1%，远高于去年同期水平。全年预计在2024年底前完成。"]);
        let units = unit_texts("这一段话已经结束了。\n\n）这是括号的另一半。\n");
        assert_eq!(units.len(), 1, "{units:?}");
        // An opening quote printed as a closing one still opens a paragraph.
        let units = unit_texts("这一段话已经结束了。\n\n”哈萨克斯坦总统说。\n");
        assert_eq!(units.len(), 2, "{units:?}");
        // Digits after a line that ends in none do not join it.
        let units = unit_texts("这一段话已经结束了。\n\n2024年是新的一年。\n");
        assert_eq!(units.len(), 2, "{units:?}");
    }

    #[test]
    fn a_headline_wider_than_the_column_breaks_the_text_before_it() {
        let column = "在会见洪森时，\n赵乐际表示，在两国\n领导人战略引领下，\n中柬命运共同体建设\n进入高水平、高质\n量、高标准的新时\n十四届全国人大二次会议举行\n新闻发布会\n本报记者 刘华 赵鹏\n";
        let units = unit_texts(column);
        assert_eq!(units[0], "在会见洪森时，赵乐际表示，在两国领导人战略引领下，中柬命运共同体建设进入高水平、高质量、高标准的新时", "{units:?}");
        assert_eq!(units[1], "十四届全国人大二次会议举行", "{units:?}");
        // A wide line that reads as text (it has a comma) carries on.
        let text = column.replace("十四届全国人大二次会议举行", "代，双方要落实两国元首达成的共识");
        assert!(unit_texts(&text)[0].ends_with("新时代，双方要落实两国元首达成的共识"), "{:?}", unit_texts(&text));
    }
}
