//! Headline blocks: the lines between the end of one article and the
//! byline or dateline of the next.
//!
//! A byline (`本报记者 李明`) or an opening dateline (`本报西安3月10日电`)
//! follows a headline. The short run of lines above it that ends no
//! sentence, back to the last line that did, is that headline: its title,
//! wrapped however narrow its box, and its subtitle. Typesetting gives no
//! other sign in a text dump: the title's lines may be as wide as the body's
//! column (`俄称拦截乌方防空导弹` over a ten-cell column) or a third of it
//! (`全国政协十四届` / `常委会第五次会` / `议闭幕`), and the title may
//! follow the last line of the article before with no blank line.
//!
//! Inside a block, the title ends where its wrap does: at a line shorter
//! than the one above it (the title's last), or before a line longer than
//! the one above it (which did not wrap). The rest is the subtitle. Under a
//! title's first line, a shorter line may be either; the characters at the
//! join decide ([`wraps_into`]).

use super::layout::Line;
use crate::text::ends_sentence;

/// Most characters a headline block holds, title and subtitle together.
/// More than that is text whose sentence a page or column break cut.
const BLOCK_MAX_CHARS: usize = 64;

/// Most characters a headline block holds when none of its lines ends at
/// a clause mark: a long title over a subtitle (`做堪当强国建设、民族复兴
/// 重任的可靠接班人——习近平总书记在…` runs to 72).
const LONG_BLOCK_MAX_CHARS: usize = 96;

/// Most lines a headline block holds: a title in large type over a
/// column of nine cells runs to six lines, its subtitle to five more
/// (`习 近 平 在` / `中 共 中 央` / … / `强调` / `大力推动我国新` / … / `献`).
/// The characters' limits bound a run of body text long before this.
const BLOCK_MAX_LINES: usize = 12;

/// How much longer, in cells, a line must be than the one above it for the
/// one above to be a whole line that did not wrap (a figure the wrap would
/// not split leaves a line a cell or so short).
const WRAP_SLACK: f32 = 1.0;

/// How far short of its column a headline line may be and still fill it,
/// and how much longer the next line must then be for it to be whole: the
/// play of figures and Latin in a line as wide as the text
/// (`…习近平总书记在` over `2024年春季学期…开班之`).
const FILLED_SLACK: f32 = 2.0;

/// Where the headline blocks of a page lie, line by line.
#[derive(Debug, Default)]
pub struct HeadlineBlocks {
    /// The line is in a headline block.
    member: Vec<bool>,
    /// The line opens a headline line of its own: the block's first, or
    /// the first of its subtitle.
    opens: Vec<bool>,
}

impl HeadlineBlocks {
    pub fn member(&self, line: usize) -> bool {
        self.member.get(line).copied().unwrap_or(false)
    }

    pub fn opens(&self, line: usize) -> bool {
        self.opens.get(line).copied().unwrap_or(false)
    }
}

/// Can the line be part of a headline? Not when it ends a sentence, holds
/// a full stop, or is a line of its own kind (caption, dateline,
/// crosshead, furniture).
pub(super) fn headline_text(line: &Line) -> bool {
    let t = line.content();
    !ends_sentence(t) && !t.contains('。') && !line.own_kind()
}

/// A line that is a quotation and nothing else (`“强本强基”`): a crosshead
/// inside text, but inside a headline block one of its wrapped lines
/// (`“强本强基”` / `“严监严管”` / `推动资本市场` / `高质量发展`).
fn quoted_words(line: &Line) -> bool {
    line.conv.crosshead && line.content().starts_with('“')
}

/// How much wider or narrower than the lines above it a headline's lines
/// must be to start a block under them with no sentence ended
/// ([`set_apart_from_column`]).
const WIDER_THAN_COLUMN: f32 = 3.0;

/// Is line `k` the last of three lines of one width, running text of a
/// column, and the `block` under it set in another width: its first line
/// wider by [`WIDER_THAN_COLUMN`] cells, or two lines or more, every one
/// narrower by as much? Then the text breaks off there at the column's
/// foot, mid-sentence, and the block is a headline: pdf.js gives a side
/// column's last lines (`人民法院、最高人` / `民检察院过去一年`) and then
/// the next article's headline across columns (`2023年我国海洋生产总值达` /
/// `99097亿元`), or in a narrow box of large type (`工作报告。去年成绩来` /
/// `李强会见` / `世界银行` / `行长`). Running text of the column fills
/// each line but a paragraph's last, which ends a sentence.
fn set_apart_from_column(lines: &[Line], k: usize, block: &[Line]) -> bool {
    let width = lines[k].width;
    let Some(above) = k.checked_sub(2).map(|a| &lines[a..k]) else { return false };
    let one_width = |slack: f32| above.iter().all(|l| (l.width - width).abs() < slack);
    let wider = block.first().is_some_and(|first| first.width >= width + WIDER_THAN_COLUMN);
    let narrower = block.len() >= 2 && block.iter().all(|l| l.width + WIDER_THAN_COLUMN <= width);
    // Under a narrower block, lines a mark's width apart (`贸易投资、产业发`
    // over `展、营商环境、民生`, unjustified) are one column still.
    (wider && one_width(WRAP_SLACK)) || (narrower && one_width(FILLED_SLACK))
}

/// Can a headline block start under the line: a blank line, a sentence's
/// end, or a line of its own kind? Not under text whose sentence goes on
/// (`撑。前2个月，长三角…` over `江苏增长12.8%，浙江增长`).
fn bounds_a_block(line: &Line) -> bool {
    line.is_blank() || ends_sentence(line.content()) || line.own_kind()
}

/// Finds the headline blocks of a page: for each byline or opening
/// dateline, the lines above it back to the last blank line, sentence end
/// or line of its own kind, if they are few and short.
pub fn find(lines: &[Line], pairs: &mut PagePairs) -> HeadlineBlocks {
    let mut blocks = HeadlineBlocks { member: vec![false; lines.len()], opens: vec![false; lines.len()] };
    // One past the last written line above the one looked at.
    let mut written_end = 0;
    for credit in 1..lines.len() {
        if !lines[credit - 1].is_blank() {
            written_end = credit;
        }
        // The block ends over the credit, or over the blank lines between
        // them: an extractor that sets every block apart (pdftotext's
        // default mode) sets a headline apart from its dateline too.
        let j = written_end;
        // The credit under a block, not a second credit line.
        if !lines[credit].is_credit() || j == 0 || lines[j - 1].is_credit() {
            continue;
        }
        let mut first = j;
        let mut chars = 0;
        // Text a break cut off ends a line at a clause mark now and then;
        // a headline's lines hardly ever.
        let mut clause_ends = false;
        let fits = loop {
            let Some(line) = first.checked_sub(1).map(|k| &lines[k]) else { break true };
            if first < j && set_apart_from_column(lines, first - 1, &lines[first..j]) {
                break true;
            }
            if line.is_blank() || !(headline_text(line) || quoted_words(line)) {
                break bounds_a_block(line);
            }
            chars += line.visible_chars();
            clause_ends |= line.content().chars().next_back().is_some_and(crate::text::is_clause_punct);
            first -= 1;
            let most = if clause_ends { BLOCK_MAX_CHARS } else { LONG_BLOCK_MAX_CHARS };
            if chars > most || j - first > BLOCK_MAX_LINES {
                break false;
            }
        };
        // Set apart from its credit, a block is set apart above too: a
        // block of its own, not the tail of one a blank line cut. A block
        // already found (two credits under one headline) stays.
        let apart = j == credit || first == 0 || lines[first - 1].is_blank();
        if !fits || !apart || first == j || blocks.member[first] {
            continue;
        }
        mark(&mut blocks, lines, first..j, pairs);
    }
    if sets_blocks_apart(lines) {
        mark_displaced(&mut blocks, lines, pairs);
    }
    blocks
}

/// Fewest and most characters of a headline line that an extractor set
/// down inside another article's sentence.
const DISPLACED_CHARS: std::ops::RangeInclusive<usize> = 6..=40;

/// Marks the headlines an extractor set down inside a sentence of another
/// article, on a page that sets its blocks apart: a line alone between
/// blank lines, with no clause mark in it, where the text above breaks off
/// mid-sentence and the text below finishes it. pdftotext's default mode
/// puts a headline across the columns wherever its height falls among the
/// first column's blocks (`…打造新的合` / `【在希望的田野上】各地春耕备耕有序开展`
/// / `作增长点，…`). The characters at the joins decide, as for a wrap
/// ([`wraps_into`]): the pair the text makes across the line recurs on
/// the page, the pairs it makes with the line do not. The line then heads
/// a block of its own; `assemble` rejoins the sentence and gives the
/// headline to the article whose words it shares.
fn mark_displaced(blocks: &mut HeadlineBlocks, lines: &[Line], pairs: &mut PagePairs) {
    let blank = |i: usize| lines.get(i).is_none_or(Line::is_blank);
    for i in 2..lines.len().saturating_sub(2) {
        let line = &lines[i];
        // (A line of a headline block found above, alone, opens it already.)
        if line.is_blank() || !blank(i - 1) || !blank(i + 1) || !headline_text(line) {
            continue;
        }
        let t = line.content();
        if !DISPLACED_CHARS.contains(&line.visible_chars()) || t.chars().any(crate::text::is_clause_punct) {
            continue;
        }
        let (Some(above), Some(below)) = ((0..i).rev().find(|&k| !blank(k)), (i + 1..lines.len()).find(|&k| !blank(k))) else { continue };
        // Running text on both sides: blocks of more than a line (a line
        // alone is a headline's, as where 000 prints its headlines after
        // the body, one to a block), the one above cut mid-sentence.
        if above == 0 || blank(above - 1) || blank(below + 1) {
            continue;
        }
        let (above, below) = (&lines[above], &lines[below]);
        if ends_sentence(above.content()) {
            continue;
        }
        // Not a join in the page's text (the line stands between), so
        // any occurrence is one elsewhere.
        let across = join(above, below).is_some_and(|pair| pairs.count(lines, pair) > 0);
        if across && !wraps_into(lines, pairs, above, line) && !wraps_into(lines, pairs, line, below) {
            blocks.member[i] = true;
            blocks.opens[i] = true;
        }
    }
}

/// Does the page set its blocks apart with blank lines, its paragraphs'
/// lines kept together (pdftotext's default mode on a page whose leading
/// keeps each column's lines one block)? Then a line alone between blank
/// lines in another article's sentence may be a headline set down there
/// ([`mark_displaced`]). Not when blocks are a line or two
/// each, as on a loosely leaded page in pdftotext's default and `-layout`
/// modes, where side-by-side columns come out a line at a time: there a
/// blank line says nothing of blocks. A line the layout pass read as one
/// of a double-spaced run (its blank lines dropped) is a block of its own.
fn sets_blocks_apart(lines: &[Line]) -> bool {
    let mut blocks = 0;
    let mut written = 0;
    let mut after_blank = true;
    for line in lines {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        written += 1;
        if after_blank || line.spaced_out {
            blocks += 1;
        }
        after_blank = false;
    }
    written as f32 >= BLOCK_LINES_APART * blocks as f32
}

/// Fewest lines a page's blocks hold on average when it sets blocks apart
/// ([`sets_blocks_apart`]): 3.2 to 8.9 on tightly leaded pages in
/// pdftotext's default mode, 1.0 to 1.5 on loosely leaded ones.
const BLOCK_LINES_APART: f32 = 2.5;

/// How often a pair of adjacent characters occurs on the page, white
/// space left out and lines run together (so a word wrapped in the body
/// counts). The first few questions of a page are answered by reading it;
/// a page that asks more (a long document with many headlines) counts
/// every pair once.
#[derive(Default)]
pub(super) struct PagePairs {
    asked: usize,
    counts: Option<rustc_hash::FxHashMap<(char, char), u32>>,
}

/// Questions answered by reading the page before every pair is counted.
const PAIRS_READ: usize = 4;

impl PagePairs {
    fn count(&mut self, lines: &[Line], pair: (char, char)) -> u32 {
        self.asked += 1;
        if self.asked <= PAIRS_READ {
            return read_pair(lines, pair);
        }
        let counts = self.counts.get_or_insert_with(|| {
            let mut counts = rustc_hash::FxHashMap::default();
            each_pair(lines, |p| *counts.entry(p).or_insert(0) += 1);
            counts
        });
        counts.get(&pair).copied().unwrap_or(0)
    }
}

/// How often `pair` occurs on the page, as [`each_pair`] sees pairs, read
/// without decoding the page: a byte search for the pair's second
/// character, then a look at the character before it (across a line
/// break, the last of the lines above).
fn read_pair(lines: &[Line], (first, second): (char, char)) -> u32 {
    let mut bytes = [0; 4];
    let finder = memchr::memmem::Finder::new(second.encode_utf8(&mut bytes).as_bytes());
    // The last character of the lines above line `k` that is not white space.
    let last_above = |k: usize| lines[..k].iter().rev().find_map(|l| l.content().trim_end().chars().next_back());
    let mut n = 0;
    for (k, line) in lines.iter().enumerate() {
        let text = line.content();
        for at in finder.find_iter(text.as_bytes()) {
            let before = text[..at].trim_end().chars().next_back().or_else(|| last_above(k));
            n += u32::from(before == Some(first));
        }
    }
    n
}

/// Calls `f` on each pair of adjacent characters of the page, white space
/// left out and lines run together. A loop, not a chain of iterators: on a
/// document of ten megabytes it runs five times over.
fn each_pair(lines: &[Line], mut f: impl FnMut((char, char))) {
    let mut prev: Option<char> = None;
    for line in lines {
        for c in line.content().chars() {
            if c.is_whitespace() {
                continue;
            }
            if let Some(p) = prev {
                f((p, c));
            }
            prev = Some(c);
        }
    }
}

/// Most characters of a line that can only be the end of a wrapped
/// headline line, never a subtitle.
const WRAP_END_CHARS: usize = 2;

/// Is the line stretched to its box: justified, or a few characters each
/// set apart (`事 】 李 丽`: too few gaps for [`Line::justified`], which
/// must not read a list of names as stretched)? Its width then counts
/// fewer cells than it fills.
fn stretched(line: &Line) -> bool {
    let mut words = line.content().split_whitespace();
    line.justified || (words.clone().count() >= 3 && words.all(|w| w.chars().count() == 1))
}

/// Does the headline wrap from `line` onto `next`, by the characters at the
/// join? A wrap falls anywhere, inside a word (`国际货币` / `基金组织`), and
/// a title's words recur in its article, so the pair across a wrap occurs
/// elsewhere on the page; the pair where a title ends and its subtitle
/// begins (`发展先进制造业` / `构建现代化产业体系`) hardly ever does.
pub(super) fn wraps_into(lines: &[Line], pairs: &mut PagePairs, line: &Line, next: &Line) -> bool {
    let Some(pair) = join(line, next) else { return true };
    // A figure the wrap parted from its unit (`…逝世99` / `周年`,
    // `…突破700` / `亿立方米`) or from the word that counts it (`…升至` /
    // `133人`) is one line of the title, however rare the pair.
    if splits_a_figure(pair) {
        return true;
    }
    // The join itself is one occurrence.
    pairs.count(lines, pair) > 1
}

/// Units and measure words that follow a figure in a headline.
const UNITS: &str = "年月日时分秒周届次亿万千百十个人名家项件台辆架艘座元角米吨斤亩倍成度岁户只";

/// Words that want a figure after them and never end a headline.
const BEFORE_FIGURE: &str = "至达超逾近约第破";

/// Does the pair across a join part a figure from its unit, or a word
/// that counts from its figure?
fn splits_a_figure((last, first): (char, char)) -> bool {
    let figure = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    (figure(last) && (UNITS.contains(first) || first == '%')) || (BEFORE_FIGURE.contains(last) && figure(first))
}

/// The characters on either side of the join of `line` and `next`.
fn join(line: &Line, next: &Line) -> Option<(char, char)> {
    Some((line.content().chars().rev().find(|c| !c.is_whitespace())?, next.content().chars().find(|c| !c.is_whitespace())?))
}

/// Marks `range` as one headline block and opens its subtitle where the
/// title's wrap ends.
fn mark(blocks: &mut HeadlineBlocks, lines: &[Line], range: std::ops::Range<usize>, pairs: &mut PagePairs) {
    blocks.opens[range.start] = true;
    let mut wrapped_from = range.start; // the first line of the current headline
    let mut depth = 0; // brackets open since `wrapped_from`
    let mut subtitle_open = false;
    for i in range.clone() {
        blocks.member[i] = true;
        depth += lines[i].bracket_depth();
        if i + 1 >= range.end || depth > 0 {
            continue;
        }
        let (w, next) = (lines[i].width, lines[i + 1].width);
        // The line did not wrap: the next one is longer (by more than a
        // figure's play in width when the line fills the column, as a
        // wrapped line of a title as wide as the text does).
        let fills_column = w >= lines[i].column - FILLED_SLACK;
        // An opening mark never ends a line: the wrap pushes it down, and
        // the line above stops a cell short (`二次会议首场` / `“代表通道”开`).
        // Then the widths say nothing, and the join decides.
        let pushed_mark = lines[i + 1].content().starts_with(['“', '《', '（', '【', '「', '『']) && (w + WRAP_SLACK..=w + WRAP_SLACK + 1.0).contains(&next);
        let whole = !pushed_mark && next >= w + if fills_column { FILLED_SLACK } else { WRAP_SLACK };
        // The line is the short end of a wrapped headline.
        let wrap_ends = !pushed_mark && i > wrapped_from && w + WRAP_SLACK <= lines[i - 1].width;
        // Where the widths leave it open, the characters at the join decide
        // ([`wraps_into`], asked only then): for two lines that are the
        // whole block, a title and its subtitle (`俄称阻止乌方越境行动` /
        // `乌称打击俄指挥所等目标`, the title as wide as the column or not) or a
        // title whose wrap left a line nearly as long (`十四届全国人大二次会议`
        // / `主席团举行第四次会议`), whatever the widths; and for a shorter
        // line under a headline's first, the rest of the title or a subtitle.
        let join_decides = range.len() == 2 || pushed_mark || (i == wrapped_from && next + WRAP_SLACK <= w);
        // The next line wrapped too (a character or two after it), as wide
        // as this one but for figures' play: a line in the same type, so
        // the same headline (`全国水利工程供水` / `能力超9000亿立` / `方米`).
        // A subtitle's smaller type fills its box with more characters.
        let wraps_again = range.contains(&(i + 2))
            && lines[i + 2].visible_chars() <= WRAP_END_CHARS
            && (w - FILLED_SLACK..=w).contains(&next);
        let join_decides = join_decides && !wraps_again;
        // A `——` line is a subtitle (outside a bracket), unless the title
        // ran on into it in one type: a wrap in a narrow box, every line as
        // wide as the one above (`国建设、民` / `族复兴伟业` / `——热烈祝`).
        let one_type = i > wrapped_from && (w - lines[i - 1].width).abs() < WRAP_SLACK && (next - w).abs() < WRAP_SLACK;
        let dash = lines[i + 1].content().starts_with("——") && !one_type;
        // A stretched line wrapped: justification stretches every line of
        // a headline but its last (`俄 罗 斯 … 人 数 升 至` / `133人`). And
        // a character or two are a wrap's end, never a subtitle (`育秧工厂“育”`
        // / `新机`; `…推动高质量发` / `展`, printed before its byline).
        let wrapped = stretched(&lines[i]) || lines[i + 1].visible_chars() <= WRAP_END_CHARS;
        // Under a subtitle, only a `——` line opens another: the rest is the
        // subtitle, wrapped (`以色列否认与` / `袭击有关`).
        if dash || (!subtitle_open && !wrapped && (whole || wrap_ends || (join_decides && !wraps_into(lines, pairs, &lines[i], &lines[i + 1])))) {
            blocks.opens[i + 1] = true;
            wrapped_from = i + 1;
            depth = 0;
            subtitle_open = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(text: &str) -> (Vec<String>, HeadlineBlocks) {
        let src: Vec<char> = text.chars().collect();
        let lines = super::super::layout::lines(&src);
        let blocks = find(&lines, &mut PagePairs::default());
        (lines.iter().map(|l| l.text.clone()).collect(), blocks)
    }

    /// The headline lines the blocks open, each with the lines it holds.
    fn headlines(text: &str) -> Vec<String> {
        let (lines, blocks) = blocks_of(text);
        let mut out: Vec<String> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if blocks.opens(i) {
                out.push(l.clone());
            } else if blocks.member(i) {
                out.last_mut().expect("a member follows an opening").push_str(l);
            }
        }
        out
    }

    const BODY: &str = "王沪宁表示，一年来，全国政\n协坚决贯彻落实习近平总书记重要\n指示精神和中共中央决策部署，坚\n持团结和民主两大主题，坚持人民\n政协性质定位，坚持人民政协为人\n民理念，扎实开展学习贯彻习近平\n新时代中国特色社会主义思想主题\n教育，紧扣中共二十大重大决策部\n署协商议政，大兴调查研究，拓展\n团结联谊广度深度。\n";

    #[test]
    fn a_title_wrapped_in_a_narrow_box_and_its_subtitle_over_a_byline() {
        let page = format!("全国政协十四届\n常委会第五次会\n议闭幕\n王沪宁主持并讲话\n本报记者 李明 董越\n本报西安3月10日电 政协第\n{BODY}");
        assert_eq!(headlines(&page), ["全国政协十四届常委会第五次会议闭幕", "王沪宁主持并讲话"]);
    }

    #[test]
    fn a_headline_as_wide_as_the_column_after_the_last_sentence_of_the_article_before() {
        let page = format!("{BODY}俄称拦截乌方防空导弹\n本报记者 王嵘\n央视网消息（新闻联播）：俄罗斯国防部25日称，俄军在库皮\n扬斯克等方向击退乌军多次进攻。\n");
        assert_eq!(headlines(&page), ["俄称拦截乌方防空导弹"]);
        // The same line with no byline or dateline under it is text.
        let page = format!("{BODY}俄称拦截乌方防空导弹\n扬斯克等方向击退乌军多次进攻。\n");
        assert!(headlines(&page).is_empty());
    }

    #[test]
    fn a_wrapped_title_is_one_headline_and_a_longer_line_under_a_short_one_is_a_subtitle() {
        // Four lines of a bracketed title, the last short: one headline.
        let page = format!("{BODY}【在希望的田\n野上】全国春\n播已由南向北\n陆续展开\n本报记者 李明 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["【在希望的田野上】全国春播已由南向北陆续展开"]);
        // A line longer than the one above: the one above did not wrap.
        let page = format!("{BODY}凝聚众智众力\n服务高质量发展\n本报北京3月5日电 全国政协十四届二次会议\n{BODY}");
        assert_eq!(headlines(&page), ["凝聚众智众力", "服务高质量发展"]);
    }

    #[test]
    fn a_justified_headline_line_wrapped_into_the_next() {
        let unspaced = |h: Vec<String>| -> Vec<String> { h.iter().map(|t| t.split_whitespace().collect()).collect() };
        // Stretched to its box, the line goes on: `133人` ends the title.
        let page = format!("{BODY}俄 罗 斯 莫 斯 科 州 恐 袭 遇 难 人 数 升 至\n133人\n俄今天全国哀悼\n本报记者 王嵘\n{BODY}");
        assert_eq!(unspaced(headlines(&page)), ["俄罗斯莫斯科州恐袭遇难人数升至133人", "俄今天全国哀悼"]);
        // Not stretched, a shorter line under the title is its end or a
        // subtitle as the join says: here a figure after `升至` (see
        // `a_figure_parted_from_its_unit_or_its_count_word_is_one_title_line`).
        let page = format!("{BODY}俄罗斯莫斯科州恐袭遇难人数创新\n133人\n俄今天全国哀悼\n本报记者 王嵘\n{BODY}");
        assert_eq!(unspaced(headlines(&page)), ["俄罗斯莫斯科州恐袭遇难人数创新", "133人俄今天全国哀悼"]);
        // Four characters set apart are stretched too (too few gaps to
        // count as justified), though they measure a cell short.
        let page = format!("{BODY}【筑梦现代\n委员履职故\n事 】 李 丽\n丽：探索再\n生水资源里\n本报记者 王嵘\n{BODY}");
        assert_eq!(unspaced(headlines(&page)), ["【筑梦现代委员履职故事】李丽丽：探索再生水资源里"]);
        let page = format!("{BODY}【筑梦现代\n委员履职故\n事】李丽\n丽：探索再\n生水资源里\n本报记者 王嵘\n{BODY}");
        assert_eq!(unspaced(headlines(&page)), ["【筑梦现代委员履职故事】李丽", "丽：探索再生水资源里"]);
    }

    #[test]
    fn a_figure_parted_from_its_unit_or_its_count_word_is_one_title_line() {
        for (title, end) in [("俄罗斯莫斯科州恐袭遇难人数升至", "133人"), ("各界人士纪念孙中山逝世99", "周年"), ("南水北调累计调水突破700", "亿立方米")] {
            let page = format!("{BODY}{title}\n{end}\n俄今天全国哀悼\n本报记者 王嵘\n{BODY}");
            assert_eq!(headlines(&page), [format!("{title}{end}"), "俄今天全国哀悼".to_owned()], "{title}");
        }
        for pair in [('9', '周'), ('０', '年'), ('2', '%'), ('至', '1'), ('第', '３')] {
            assert!(splits_a_figure(pair), "{pair:?}");
        }
        for pair in [('9', '的'), ('年', '周'), ('至', '今'), ('的', '1')] {
            assert!(!splits_a_figure(pair), "{pair:?}");
        }
    }

    #[test]
    fn an_opening_quote_the_wrap_pushed_down_leaves_the_join_to_decide() {
        // `二次会议首场` stops a cell short because `“` may not end a line;
        // the next line is a cell longer for it. The page's text joins
        // `场“`: one title.
        let article = "央视网消息（新闻联播）：十四届全国人大二次会议首场\n“代表通道”今天开启，代表走上通道。\n";
        let title = "十四届全国人大\n二次会议首场\n“代表通道”开\n启\n";
        let page = format!("{BODY}{title}本报记者 王嵘\n{article}{BODY}");
        assert_eq!(headlines(&page), ["十四届全国人大二次会议首场“代表通道”开启"]);
        // Nowhere else on the page does `场“` occur: a title and subtitle.
        let page = format!("{BODY}{title}本报记者 王嵘\n{}{BODY}", article.replace("首场\n“代表通道”", "首场代表通道"));
        assert_eq!(headlines(&page), ["十四届全国人大二次会议首场", "“代表通道”开启"]);
        // A quoted line under one as wide was not pushed down: the widths
        // say the title goes on.
        let page = format!("{BODY}“强本强基”\n“严监严管”\n推动资本市场\n高质量发展\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["“强本强基”“严监严管”推动资本市场高质量发展"]);
    }

    #[test]
    fn a_line_is_stretched_when_justified_or_three_characters_or_more_stand_apart() {
        let line = |t: &str| super::super::layout::lines(&t.chars().collect::<Vec<_>>()).remove(0);
        for t in ["事 】 李 丽", "事 】 李", "突 破 700 亿 立 方"] {
            assert!(stretched(&line(t)), "{t}");
        }
        for t in ["事 】", "李明 王芳 赵鹏", "本报记者 李明 董越"] {
            assert!(!stretched(&line(t)), "{t}");
        }
    }

    #[test]
    fn a_character_or_two_under_a_title_end_it_and_are_no_subtitle() {
        let page = format!("{BODY}育秧工厂“育”\n新机\n本报记者 严冰 赵鹏\n{BODY}");
        assert_eq!(headlines(&page), ["育秧工厂“育”新机"]);
        // Three are a subtitle where the join says so.
        let page = format!("{BODY}育秧工厂“育”\n新机遇\n本报记者 严冰 赵鹏\n{BODY}");
        assert_eq!(headlines(&page), ["育秧工厂“育”", "新机遇"]);
    }

    #[test]
    fn a_shorter_line_under_a_title_continues_it_when_the_page_joins_the_two_characters_elsewhere() {
        // `币基` recurs in the article (国际货币 / 基金组织 wrapped in its text):
        // `李强会见国际货币` / `基金组织总裁` is one title.
        let article = "国务院总理李强25日在京会见国际货币\n基金组织总裁格奥尔基耶娃。\n";
        let page = format!("{BODY}李强会见国际货币\n基金组织总裁\n本报武汉3月1日电 {article}");
        assert_eq!(headlines(&page), ["李强会见国际货币基金组织总裁"]);
        // `业构` occurs only where the title ends: a title and its subtitle.
        let page = format!("{BODY}【新思想引领新征程】发展先进制造业\n构建现代化产业体系\n本报记者 董越\n{BODY}");
        assert_eq!(headlines(&page), ["【新思想引领新征程】发展先进制造业", "构建现代化产业体系"]);
        // Under a title of two lines, a shorter third is its end, whatever the page says.
        let page = format!("{BODY}全国政协十四届\n常委会第五次会\n议闭幕\n本报记者 李明\n{BODY}");
        assert_eq!(headlines(&page), ["全国政协十四届常委会第五次会议闭幕"]);
    }

    #[test]
    fn under_a_subtitle_the_rest_of_the_block_is_the_subtitle_wrapped_unless_a_dash_opens_another() {
        let page = format!("{BODY}联黎部队维和人员遭袭多人受伤\n以色列否认与\n袭击有关\n本报记者 刘华 陈尚文\n{BODY}");
        assert_eq!(headlines(&page), ["联黎部队维和人员遭袭多人受伤", "以色列否认与袭击有关"]);
        let page = format!("{BODY}联黎部队维和人员遭袭多人受伤\n以色列否认与\n——袭击有关\n本报记者 刘华 陈尚文\n{BODY}");
        assert_eq!(headlines(&page), ["联黎部队维和人员遭袭多人受伤", "以色列否认与", "——袭击有关"]);
    }

    #[test]
    fn a_dash_opens_a_subtitle_except_inside_a_bracket_and_two_lines_alike_are_title_and_subtitle() {
        let page = format!("{BODY}弘扬中国—中亚精神\n——习近平主席在中国—中亚峰会\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["弘扬中国—中亚精神", "——习近平主席在中国—中亚峰会"]);
        let page = format!("【筑梦现代化\n共 绘 新 图 景\n—— 代 表 委 员\n议国是】锚定\n建军一百年奋\n斗目标全力攻\n坚\n本报上海3月10日电 解\n{BODY}");
        assert_eq!(headlines(&page), ["【筑梦现代化共 绘 新 图 景—— 代 表 委 员议国是】锚定建军一百年奋斗目标全力攻坚"]);
        // A title wrapped in a narrow box, every line as wide, runs on into
        // a `——` line in its type; a line of another width starts one.
        let page = format!("{BODY}人民日报社\n论：凝心聚\n力，推进强\n国建设、民\n族复兴伟业\n——热烈祝\n贺十四届全\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["人民日报社论：凝心聚力，推进强国建设、民族复兴伟业——热烈祝贺十四届全"]);
        let page = format!("{BODY}人民日报社\n论：凝心聚\n力，推进强\n国建设、民\n族复兴伟业\n——热烈祝贺\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["人民日报社论：凝心聚力，推进强国建设、民族复兴伟业", "——热烈祝贺"]);
        let page = format!("{BODY}烂漫春光好\n赏花正当时\n央视网消息（新闻联播）：烂漫春光好，赏花\n{BODY}");
        assert_eq!(headlines(&page), ["烂漫春光好", "赏花正当时"]);
        let page = format!("{BODY}俄称拦截乌方防空导弹\n乌称打击俄军防空系统\n本报记者 陈尚文\n{BODY}");
        assert_eq!(headlines(&page), ["俄称拦截乌方防空导弹", "乌称打击俄军防空系统"]);
    }

    #[test]
    fn a_title_as_wide_as_its_column_keeps_its_subtitle_in_the_article() {
        // The title fills its column; it must not run on into the subtitle.
        let body = "本报北京3月6日电 习近平总书记指出，\n先进制造业是实体经济的重要组成部分，\n制造业是立国之本、兴国之器、强国之\n基，是国家经济命脉所系。最新数据显\n示，今年1至2月，全国高技术制造业增\n加值同比增长百分之七，增速加快。\n";
        let page = format!("【新思想引领新征程】发展先进制造业\n构建现代化产业体系\n本报记者 董越\n{body}");
        let doc = crate::analyze_document("page.txt", page.as_bytes());
        let a = &doc.articles[0];
        assert_eq!((a.title.as_deref(), a.subtitle.as_deref(), a.byline.as_deref()), (Some("【新思想引领新征程】发展先进制造业"), Some("构建现代化产业体系"), Some("本报记者 董越")), "{:?}", doc.articles);
        assert_eq!(doc.articles.len(), 1);
    }

    #[test]
    fn a_line_of_its_own_kind_bounds_a_block_and_is_never_in_one() {
        let kinds = ["本报记者 李明", "本报北京3月25日电 俄罗斯国防部称", "（新华社北京6月18日电）", "（新华社记者 王翔 摄）", "（二）", "人民日报 2024年3月10日 星期三 第15版", "— 3 —"];
        for kind in kinds {
            let page = format!("{kind}\n俄称拦截乌方防空导弹\n本报记者 王嵘\n{BODY}");
            assert_eq!(headlines(&page), ["俄称拦截乌方防空导弹"], "under {kind}");
        }
        // A credit under the end of a sentence has no headline.
        assert!(headlines(&format!("{BODY}本报记者 王嵘\n{BODY}")).is_empty());
    }

    #[test]
    fn a_block_holds_at_most_twelve_lines_and_ninety_six_characters_or_sixty_four_if_a_line_ends_at_a_clause() {
        let twelve = "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n甲\n乙\n";
        assert_eq!(headlines(&format!("{BODY}{twelve}本报记者 王嵘\n{BODY}")).len(), 1);
        let thirteen = format!("{twelve}丙\n");
        assert!(headlines(&format!("{BODY}{thirteen}本报记者 王嵘\n{BODY}")).is_empty());
        let full = "一二三四五六七八九十一二\n".repeat(8); // 96 characters
        assert_eq!(headlines(&format!("{BODY}{full}本报记者 王嵘\n{BODY}")).len(), 1);
        let over = full.replacen("二\n", "二三\n", 1);
        assert!(headlines(&format!("{BODY}{over}本报记者 王嵘\n{BODY}")).is_empty());
        // A line ending at a comma: at most 64.
        let clause = format!("一二三四五六七，\n{}", "一二三四五六七八\n".repeat(7)); // 64 characters
        assert_eq!(headlines(&format!("{BODY}{clause}本报记者 王嵘\n{BODY}")).len(), 1);
        let over = clause.replacen("八\n", "八九\n", 1);
        assert!(headlines(&format!("{BODY}{over}本报记者 王嵘\n{BODY}")).is_empty());
    }

    #[test]
    fn a_long_title_wrapped_over_lines_as_wide_as_the_text_is_one_headline_unless_a_line_ends_at_a_clause() {
        let body = "本报成都3月19日电 习近平总书记在2024年春季学期中央党校\n（国家行政学院）中青年干部培训班开班之际作出的重要指示在广大\n党员干部中引发热烈反响，大家表示，将深学细悟习近平新时代中国\n特色社会主义思想，把学习成效转化为做好本职工作的生动实践。\n";
        let title = "做堪当强国建设、民族复兴重任的可靠接班人——习近平总书记在\n2024年春季学期中央党校（国家行政学院）中青年干部培训班开班之\n际作出的重要指示引发热烈反响\n";
        let page = format!("{body}{title}本报记者 张涛\n{body}");
        assert_eq!(headlines(&page), ["做堪当强国建设、民族复兴重任的可靠接班人——习近平总书记在2024年春季学期中央党校（国家行政学院）中青年干部培训班开班之际作出的重要指示引发热烈反响"]);
        // The same run with a line ending at a comma: text cut off by a break.
        let cut = title.replace("总书记在\n", "总书记在，\n");
        assert!(headlines(&format!("{body}{cut}本报记者 张涛\n{body}")).is_empty());
    }

    #[test]
    fn the_widths_of_a_blocks_lines_say_where_the_title_wraps_and_ends() {
        // Three lines alike and a short one: one title, wrapped.
        let page = format!("{BODY}全国春播已由\n南向北陆续展\n开预计面积增\n加了两成\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["全国春播已由南向北陆续展开预计面积增加了两成"]);
        // A line half a cell short of the one above is not a wrap's end.
        let page = format!("{BODY}全国政协十四届\n常委会第五次1\n议闭幕\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["全国政协十四届常委会第五次1议闭幕"]);
        // The short end of a wrapped title, then a subtitle as short.
        let page = format!("{BODY}全国政协十四届\n常委会第五次会\n议闭幕\n王沪宁\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["全国政协十四届常委会第五次会议闭幕", "王沪宁"]);
        // A bracket closed on the second line, then a longer subtitle.
        let page = format!("{BODY}【在希望的田\n野上】春耕\n各地抢抓农时推进春播\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["【在希望的田野上】春耕", "各地抢抓农时推进春播"]);
        // Two lines alike whose join recurs on the page: one title, wrapped.
        let page = format!("{BODY}十四届全国人大二次会议\n主席团举行第四次会议\n本报记者 王嵘\n十四届全国人大二次会议主席团11日上午举行。\n");
        assert_eq!(headlines(&page), ["十四届全国人大二次会议主席团举行第四次会议"]);
    }

    #[test]
    fn a_line_that_fills_the_column_wrapped_unless_the_next_is_longer_by_a_figures_play() {
        let body = "一二三四五六七八九十一二三四五六\n".repeat(6) + "一二三四五六七八九十一二三。\n";
        // Fourteen cells of sixteen fill the column: fifteen under them is
        // the wrap (whose join, `丁甲`, recurs in the article's text).
        let page = format!("{body}甲乙丙丁戊己庚辛壬癸甲乙丙丁\n甲乙丙丁戊己庚辛壬癸甲乙丙丁戊\n本报记者 王嵘\n{body}乙丙丁甲乙丙。\n");
        assert_eq!(headlines(&page), ["甲乙丙丁戊己庚辛壬癸甲乙丙丁甲乙丙丁戊己庚辛壬癸甲乙丙丁戊"]);
        // Thirteen do not: a longer line under them is a subtitle.
        let page = format!("{body}甲乙丙丁戊己庚辛壬癸甲乙丙\n甲乙丙丁戊己庚辛壬癸甲乙丙丁\n本报记者 王嵘\n{body}");
        assert_eq!(headlines(&page), ["甲乙丙丁戊己庚辛壬癸甲乙丙", "甲乙丙丁戊己庚辛壬癸甲乙丙丁"]);
    }

    #[test]
    fn a_headline_wider_than_the_column_above_starts_where_that_column_breaks_off() {
        let column = "一二三四五六七八\n".repeat(3);
        let after = "央视网消息（新闻联播）：全国海洋生产总值达99097亿元。\n";
        // Three lines of one width, the sentence cut at the column's foot,
        // then a headline three cells wider.
        let page = format!("{BODY}{column}海洋生产总值创历史新高\n海洋经济复苏强劲\n本报记者 王嵘\n{after}");
        assert_eq!(headlines(&page), ["海洋生产总值创历史新高", "海洋经济复苏强劲"]);
        // Two cells wider: no sign of another column, and the block runs
        // up to the sentence's end.
        let page = format!("{BODY}{column}海洋生产总值创出新高\n海洋经济复苏强劲\n本报记者 王嵘\n{after}");
        assert!(headlines(&page)[0].starts_with("一二三四五六七八"), "{:?}", headlines(&page));
        // Wider, but under only two lines of one width: the same.
        let two = "一二三四五六\n一二三四五六七八\n一二三四五六七八\n";
        let page = format!("{BODY}{two}海洋生产总值创历史新高\n海洋经济复苏强劲\n本报记者 王嵘\n{after}");
        assert!(headlines(&page).concat().starts_with("一二三四五六一"), "{:?}", headlines(&page));
    }

    #[test]
    fn a_line_as_wide_as_the_one_above_that_wraps_again_is_the_same_headline_whatever_the_join() {
        // `水能` occurs nowhere else, but the line under the first fills the
        // box as it does (figures aside), and wraps again: one type.
        let page = format!("{BODY}全国水利工程供水\n能力超9000亿立\n方米\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["全国水利工程供水能力超9000亿立方米"]);
        let page = format!("{BODY}全国水利工程供水\n能力超过九千亿立\n方米\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["全国水利工程供水能力超过九千亿立方米"]);
        // Three cells narrower, or over more than a wrap's end: the join decides.
        let page = format!("{BODY}全国水利工程供水\n能力超九千\n方米\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["全国水利工程供水", "能力超九千方米"]);
        let page = format!("{BODY}全国水利工程供水\n能力超9000亿立\n方米大关\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["全国水利工程供水", "能力超9000亿立方米大关"]);
    }

    #[test]
    fn a_headline_in_a_box_narrower_than_the_column_above_starts_where_that_column_breaks_off() {
        let column = "一二三四五六七八九十\n".repeat(3);
        let after = "央视网消息（新闻联播）：国务院总理李强会见世界银行行长。\n";
        // Two lines or more, each three cells narrower than the column.
        let page = format!("{BODY}{column}李强会见\n世界银行\n行长\n{after}");
        assert_eq!(headlines(&page), ["李强会见世界银行行长"]);
        let page = format!("{BODY}{column}李强会见\n世界银行行长\n{after}");
        assert_eq!(headlines(&page).concat(), "李强会见世界银行行长");
        // One line: the end of the column's sentence, for all the widths say.
        let page = format!("{BODY}{column}李强会见\n{after}");
        assert!(headlines(&page).concat().starts_with("一二三四五六七八九十"), "{:?}", headlines(&page));
        // A line a cell short of the column's width is its running text.
        let page = format!("{BODY}{column}李强会见世界银行行\n长\n{after}");
        assert!(headlines(&page).concat().starts_with("一二三四五六七八九十"), "{:?}", headlines(&page));
        // Under a column of lines a cell apart (a mark kinsoku moved), the
        // same; two cells apart, or more, are no column.
        let ragged = "一二三四五六七八九\n一二三四五六七八九十\n一二三四五六七八九十\n";
        let page = format!("{BODY}{ragged}李强会见\n世界银行\n行长\n{after}");
        assert_eq!(headlines(&page), ["李强会见世界银行行长"]);
        for ragged in ["一二三四五六七八\n一二三四五六七八九十\n一二三四五六七八九十\n", "一二三四五六七\n一二三四五六七八九十\n一二三四五六七八九十\n"] {
            let page = format!("{BODY}{ragged}李强会见\n世界银行\n行长\n{after}");
            assert!(headlines(&page).concat().starts_with("一二三四五六七"), "{:?}", headlines(&page));
        }
    }

    #[test]
    fn two_lines_the_second_no_shorter_are_a_title_and_subtitle_unless_their_join_recurs() {
        let body = "一二三四五六七八九十一二\n".repeat(6) + "一二三四五六七八九十。\n";
        // Ten cells over eleven in a column of twelve: the title did not
        // wrap, its subtitle is as long (`俄称阻止乌方越境行动` / `乌称打击俄指挥所等目标`).
        let page = format!("{body}俄称阻止乌方越境行动\n乌称打击俄指挥所等目标\n本报记者 王嵘\n{body}");
        assert_eq!(headlines(&page), ["俄称阻止乌方越境行动", "乌称打击俄指挥所等目标"]);
        // The join recurs in the text: a title wrapped.
        let page = format!("{body}俄称阻止乌方越境行动\n乌称打击俄指挥所等目标\n本报记者 王嵘\n{body}行动乌方。\n");
        assert_eq!(headlines(&page), ["俄称阻止乌方越境行动乌称打击俄指挥所等目标"]);
    }

    #[test]
    fn a_page_answers_how_often_a_pair_occurs_the_same_when_read_and_when_counted() {
        let src: Vec<char> = format!("{BODY}国际货币\n基金组织 国际货币基金\n").chars().collect();
        let lines = super::super::layout::lines(&src);
        let mut pairs = PagePairs::default();
        let read: Vec<u32> = (0..PAIRS_READ).map(|_| pairs.count(&lines, ('币', '基'))).collect();
        assert!(pairs.counts.is_none(), "read, not counted, the first {PAIRS_READ} times");
        let counted: Vec<u32> = (0..3).map(|_| pairs.count(&lines, ('币', '基'))).collect();
        assert_eq!([read, counted].concat(), vec![2; PAIRS_READ + 3]);
        assert!(pairs.counts.is_some(), "counted once asked more than {PAIRS_READ} times");
        assert_eq!(pairs.count(&lines, ('政', '协')), 3);
        assert_eq!(pairs.count(&lines, ('币', '币')), 0);
        // Read or counted, a pair is the same: across white space, a line
        // break and blank lines, and where a character follows its like.
        let src: Vec<char> = "甲乙 丙\n\n \n丁乙乙\n丙甲 \n\u{3000}乙\n".chars().collect();
        let lines = super::super::layout::lines(&src);
        let mut counted = PagePairs { asked: PAIRS_READ, counts: None };
        for pair in [('甲', '乙'), ('乙', '丙'), ('丙', '丁'), ('乙', '乙'), ('丙', '甲'), ('甲', '甲'), ('丁', '甲')] {
            let read = read_pair(&lines, pair);
            assert_eq!(read, counted.count(&lines, pair), "{pair:?}");
        }
        assert_eq!(read_pair(&lines, ('甲', '乙')), 2);
        assert_eq!(read_pair(&lines, ('乙', '丙')), 2);
        assert_eq!(read_pair(&lines, ('丙', '丁')), 1);
        assert_eq!(read_pair(&lines, ('乙', '乙')), 1);
    }

    #[test]
    fn text_cut_before_a_dateline_is_not_a_headline() {
        // A long run with no sentence end: a paragraph cut by a break.
        let cut = "“两位数”增长背后，是产业升级、优势产品的有力支\n撑。前2个月，长三角区域机电产品出口保持强劲增长，\n江苏增长12.8%，浙江增长\n";
        let page = format!("{cut}本报西安3月10日电 今年前2个月，长三角\n{BODY}");
        assert!(headlines(&page).is_empty(), "{:?}", headlines(&page));
        // Thirteen short lines are more than a headline holds.
        let page = format!("{BODY}一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n甲\n乙\n丙\n本报记者 王嵘\n{BODY}");
        assert!(headlines(&page).is_empty());
        // A blank line or a caption bounds the block.
        let page = format!("{BODY}图为会议现场。新华社记者 张涛 摄\n俄称拦截乌方防空导弹\n本报记者 王嵘\n{BODY}");
        assert_eq!(headlines(&page), ["俄称拦截乌方防空导弹"]);
    }

    #[test]
    fn a_block_set_apart_over_the_dateline_is_a_headline_where_the_page_sets_blocks_apart() {
        const HEADLINE: &str = "两会“部长通道”开启\n聚焦高质量发展\n";
        const DATED: &str = "央视网消息（新闻联播）：全国两\n会首场“部长通道”今天开启。\n";
        // pdftotext's default mode: each block apart, a paragraph's lines together.
        let page = format!("{BODY}\n{HEADLINE}\n{DATED}");
        assert_eq!(headlines(&page), ["两会“部长通道”开启", "聚焦高质量发展"]);
        // Not the tail of a block a blank line cut from the text above it.
        let page = format!("{BODY}{HEADLINE}\n{DATED}");
        assert!(headlines(&page).is_empty());
    }

    #[test]
    fn quoted_lines_over_a_headline_s_last_lines_are_its_first() {
        let page = format!("{BODY}“强本强基”\n“严监严管”\n推动资本市场\n高质量发展\n央视网消息（新闻联播）：在今天（3月15日）国\n{BODY}");
        let found = headlines(&page);
        assert_eq!(found.concat(), "“强本强基”“严监严管”推动资本市场高质量发展", "{found:?}");
        // A quotation alone in text is no headline without a credit under it.
        assert!(headlines(&format!("{BODY}“强本强基”\n{BODY}")).is_empty());
        // Nor a quotation that ends a sentence (no crosshead: text).
        let page = format!("{BODY}“强本强基。”\n推动资本市场\n本报记者 严冰\n{BODY}");
        assert_eq!(headlines(&page), ["推动资本市场"]);
        // A numbered crosshead over a headline is the text's, not the headline's.
        let page = format!("{BODY}一、强本强基\n推动资本市场\n本报记者 严冰\n{BODY}");
        assert_eq!(headlines(&page), ["推动资本市场"]);
    }

    /// [`BODY`] cut after `打造新的合`, the line `between` set apart in the
    /// cut, and the rest of the sentence (`作增长点…`, where `合作` recurs).
    fn cut_by(between: &str) -> String {
        let before = "中方愿同哈方以高质量共建“一带一\n路”为主线，深化经贸、投资、能\n源等领域合作，优化互联互通格局，\n打造新的合\n";
        let after = "作增长点，提升人文合作水平，推\n动务实合作取得更多成果。\n";
        format!("{BODY}\n{before}\n{between}\n\n{after}")
    }

    #[test]
    fn a_headline_set_down_inside_another_article_s_sentence_is_a_headline_where_blocks_stand_apart() {
        assert_eq!(headlines(&cut_by("【在希望的田野上】各地春耕备耕有序开展")), ["【在希望的田野上】各地春耕备耕有序开展"]);
        // Not a line with a clause mark in it: text.
        assert!(headlines(&cut_by("各地春耕备耕，有序开展")).is_empty());
        // Not where the text around it does not join: `合` and `各` are no
        // pair the page prints elsewhere.
        let page = cut_by("【在希望的田野上】各地春耕备耕有序开展").replace("作增长点", "各增长点");
        assert!(headlines(&page).is_empty());
        // Not where the line joins the text above it, as a word the page
        // prints elsewhere (`合作`): the text's own line.
        assert!(headlines(&cut_by("作项目各地春耕备耕有序开展")).is_empty());
        // Not a line too short or too long for a headline.
        assert!(headlines(&cut_by("各地春耕忙")).is_empty());
        assert!(headlines(&cut_by(&"各地春耕备耕有序开展".repeat(5))).is_empty());
        // Not a line that is not apart from the text below it.
        let title = "【在希望的田野上】各地春耕备耕有序开展";
        assert!(headlines(&cut_by(title).replace(&format!("{title}\n\n"), &format!("{title}\n"))).is_empty());
        assert!(headlines(&cut_by(title).replace(&format!("\n\n{title}"), &format!("\n{title}"))).is_empty(), "nor from the text above it");
        // Not between lines alone, as headlines printed after their body
        // are (seed 000: `到位资金60.07亿元+项目65个` / `阿勒泰招商引资成绩亮眼`).
        assert!(headlines(&cut_by(title).replace("打造新的合", "\n打造新的合")).is_empty(), "a line alone above");
        assert!(headlines(&cut_by(title).replace("作增长点，提升人文合作水平，推\n", "作增长点，提升人文合作水平，推\n\n")).is_empty(), "a line alone below");
        // Nor the text below it (`合作` again).
        assert!(headlines(&cut_by("各地春耕备耕有序开展联合")).is_empty());
        // Not after a sentence's end, though the page prints the pair
        // across it elsewhere (`。中`, under BODY): no sentence was cut.
        let page = cut_by("【在希望的田野上】各地春耕备耕有序开展").replace("打造新的合\n", "打造新的合作。\n").replace("\n作增长点", "\n中增长点");
        assert!(headlines(&page).is_empty());
        // Not on a page whose blocks are a line each (a loosely leaded page:
        // there the columns come out a line at a time).
        let loose = cut_by("【在希望的田野上】各地春耕备耕有序开展").replace('\n', "\n\n\n");
        assert!(headlines(&loose).is_empty());
    }

    #[test]
    fn a_page_sets_blocks_apart_when_its_blocks_average_several_lines() {
        let apart = |text: &str| sets_blocks_apart(&super::super::layout::lines(&text.chars().collect::<Vec<char>>()));
        assert!(apart(&format!("{BODY}\n{BODY}")));
        // A line to a block, two blank lines apart; two lines to a block.
        assert!(!apart(&BODY.replace('\n', "\n\n\n")));
        let pairs: String = BODY.lines().collect::<Vec<_>>().chunks(2).map(|c| c.join("\n") + "\n\n").collect();
        assert!(!apart(&pairs));
        let fives: String = BODY.lines().collect::<Vec<_>>().chunks(5).map(|c| c.join("\n") + "\n\n").collect();
        assert!(apart(&fives));
        // One blank line apart: a double-spaced run, read with its blank
        // lines dropped, and each of its lines counted a block still.
        assert!(!apart(&BODY.replace('\n', "\n\n")));
    }
}
