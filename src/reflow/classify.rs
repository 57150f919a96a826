//! Names each layout unit by the press convention it follows.

use super::layout::{Measure, Unit};
use super::patterns;
use super::piece::Piece;
use crate::model::MarkerKind;
use crate::text::{cell_width, ends_sentence_of, is_clause_punct};

#[derive(Clone)]
pub enum Item {
    Para { piece: Piece, dangling: bool, last_full: bool, measure: Measure },
    /// A paragraph opening with a dateline; `rest` may be empty.
    Dated { dateline: Piece, rest: Piece },
    Closing(Piece),
    Byline(Piece),
    Caption(Piece),
    Furniture(Piece),
    Infobox(Piece),
    Crosshead(Piece),
    /// A headline line; `sub` for a `——` subtitle, `runs_on` when it fills
    /// its column (so a following line may continue it).
    Headline { piece: Piece, sub: bool, runs_on: bool, lines: usize },
    /// A Markdown `#`/`##` heading: always starts an article.
    MdTitle(Piece),
    /// The first copy of a headline the extraction printed twice
    /// (`…竖井掘进全国首台…竖井掘进机始发`): kept aside, never a title.
    Echo(Piece),
    Marker { piece: Piece, kind: MarkerKind },
    /// Ends a run of headlines without starting an article: put after a
    /// headline lifted out of a paragraph, which labels the article around it.
    RunBreak,
}

impl std::fmt::Debug for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Item::Para { piece, dangling, .. } => write!(f, "Para{} {}", if *dangling { "(dangling)" } else { "" }, piece.text()),
            Item::Dated { dateline, rest } => write!(f, "Dated [{}] {}", dateline.text(), rest.text()),
            Item::Closing(p) => write!(f, "Closing {}", p.text()),
            Item::Byline(p) => write!(f, "Byline {}", p.text()),
            Item::Caption(p) => write!(f, "Caption {}", p.text()),
            Item::Furniture(p) => write!(f, "Furniture {}", p.text()),
            Item::Infobox(p) => write!(f, "Infobox {}", p.text()),
            Item::Crosshead(p) => write!(f, "Crosshead {}", p.text()),
            Item::Headline { piece, sub, .. } => write!(f, "Headline{} {}", if *sub { "(sub)" } else { "" }, piece.text()),
            Item::MdTitle(p) => write!(f, "MdTitle {}", p.text()),
            Item::Echo(p) => write!(f, "Echo {}", p.text()),
            Item::Marker { piece, kind } => write!(f, "Marker {kind:?} {}", piece.text()),
            Item::RunBreak => write!(f, "RunBreak"),
        }
    }
}

impl Item {
    pub fn is_display(&self) -> bool {
        matches!(self, Item::Headline { .. } | Item::Infobox(_) | Item::Caption(_) | Item::Furniture(_) | Item::Echo(_))
    }

    /// The text a sentence runs through: a paragraph's, or a dateline's
    /// paragraph after the dateline. `None` for every other item.
    pub fn running_text(&self) -> Option<&Piece> {
        match self {
            Item::Para { piece, .. } => Some(piece),
            Item::Dated { rest, .. } => Some(rest),
            _ => None,
        }
    }

    /// Appends paragraph `more`, which carries on the sentence this item
    /// left hanging; a paragraph then ends as `more` ends.
    pub fn carry_on_with(&mut self, more: Item) {
        let Item::Para { piece, dangling, last_full, .. } = more else { unreachable!("only paragraphs carry on") };
        match self {
            Item::Para { piece: cut, dangling: d, last_full: lf, .. } => {
                cut.append(piece);
                (*d, *lf) = (dangling, last_full);
            }
            Item::Dated { rest, .. } => rest.append(piece),
            _ => unreachable!("only paragraphs hang"),
        }
    }

    /// The piece of an item that is one run of text.
    fn text_piece(&self) -> Option<&Piece> {
        match self {
            Item::Para { piece, .. } | Item::Headline { piece, .. } => Some(piece),
            Item::Caption(p) | Item::Byline(p) => Some(p),
            _ => None,
        }
    }
}

pub fn classify(units: Vec<Unit>) -> Vec<Item> {
    let mut items = join_captions(units.into_iter().flat_map(classify_unit));
    promote_titles_over_subtitles(&mut items);
    mark_infoboxes(&mut items);
    labels_inside_articles(&mut items);
    items
}

/// Longest label, in characters, that reads as a subhead inside an article.
const LABEL_MAX: usize = 4;

/// A short headline line between two paragraphs, with no dateline or byline
/// after it (`亮点`, `四个关键词`), labels a part of the article it stands
/// in: a new article needs a headline with a dateline, a byline, a marker
/// or a clear break.
fn labels_inside_articles(items: &mut [Item]) {
    for i in 1..items.len().saturating_sub(1) {
        let label = match &items[i] {
            Item::Headline { piece, sub: false, lines: 1, .. } => piece.len() <= LABEL_MAX && !piece.chars().iter().any(|c| is_clause_punct(*c)),
            _ => false,
        };
        let after_text = match &items[i - 1] {
            Item::Para { dangling, .. } => !dangling,
            Item::Dated { rest, .. } => ends_sentence_of(rest.chars()),
            _ => false,
        };
        let between = after_text && matches!(items[i + 1], Item::Para { .. });
        if label && between {
            if let Item::Headline { piece, .. } = &mut items[i] {
                items[i] = Item::Crosshead(std::mem::take(piece));
            }
        }
    }
}

fn classify_unit(unit: Unit) -> Vec<Item> {
    match unit {
        Unit::Marker { piece, kind } => vec![Item::Marker { piece, kind }],
        Unit::Furniture(piece) => vec![Item::Furniture(piece)],
        Unit::Heading { mut piece, level } => {
            piece.clean_spaces(true);
            if level <= 2 {
                vec![Item::MdTitle(piece)]
            } else {
                let text = piece.text();
                if patterns::opening_dateline_len(&text).is_some() {
                    return classify_text(piece, 1, true, false, false, Measure::default());
                }
                vec![Item::Crosshead(piece)]
            }
        }
        Unit::Text { piece, lines, last_full, overwide, headline, measure } => classify_text(piece, lines, last_full, overwide, headline, measure),
    }
}

/// `headline`: the unit is a line of a headline block (see
/// [`super::headline_block`]).
fn classify_text(mut piece: Piece, lines: usize, last_full: bool, overwide: bool, headline: bool, measure: Measure) -> Vec<Item> {
    let spaced = piece.clean_spaces(true);
    // The patterns run on the text only where its characters let them
    // match (most units are paragraphs that match none). A paragraph
    // longer than a caption can only open with a dateline.
    let chars = piece.chars();
    let has = patterns::Triggers::of(chars).filter(|_| chars.len() <= patterns::SHORT_PATTERN_BYTES);
    let has = has.filter(|has| has.dateline_word || has.caption() || has.byline() || has.crosshead());
    let dateline_early = chars.iter().take(patterns::DATELINE_WORD_WITHIN).any(|&c| patterns::is_dateline_word(c));
    if has.is_some() || dateline_early {
        let may = |test: fn(&patterns::Triggers) -> bool| has.as_ref().is_some_and(test);
        let text = piece.text();
        if may(patterns::Triggers::closing_dateline) && patterns::is_closing_dateline(&text) {
            return vec![Item::Closing(piece)];
        }
        if let Some(n) = dateline_early.then(|| patterns::opening_dateline_len(&text)).flatten() {
            let (mut dateline, mut rest) = piece.split_at(n);
            dateline.trim();
            rest.clean_spaces(false);
            return vec![Item::Dated { dateline, rest }];
        }
        if may(patterns::Triggers::caption) && patterns::is_caption(&text) {
            return vec![Item::Caption(piece)];
        }
        if may(patterns::Triggers::byline) && patterns::is_byline(&text) {
            return vec![Item::Byline(piece)];
        }
        if may(patterns::Triggers::crosshead) && patterns::is_crosshead(&text) {
            return vec![Item::Crosshead(piece)];
        }
    }
    let chars = piece.chars();
    if chars.first().is_some_and(|c| matches!(c, '▶' | '■' | '●' | '◆')) {
        return vec![Item::Infobox(piece)];
    }
    let sub = chars.starts_with(&['—', '—']) || chars.starts_with(&['─', '─']);
    let short = chars.len() <= 60;
    let clause = chars.iter().any(|&c| is_clause_punct(c));
    let ends = ends_sentence_of(chars);
    // A full stop inside ends a sentence there: text, never a headline.
    // A line of a headline block never runs on into the next: the block
    // already said where its title ends.
    // A quotation cut off is running text, never a headline (asked of
    // short units only: most units are paragraphs).
    if !ends && !chars.contains(&'。') && (headline || lines <= 3 && short && crate::text::quotes_balance(chars) && (sub || overwide || !last_full || (lines == 1 && !clause))) {
        if let Some(at) = echo_len(piece.chars()) {
            let (echo, mut piece) = piece.split_at(at);
            piece.trim();
            return vec![Item::Echo(echo), Item::Headline { piece, sub, runs_on: last_full && !headline, lines }];
        }
        return vec![Item::Headline { piece, sub, runs_on: last_full && !headline, lines }];
    }
    if spaced {
        piece.clean_spaces(false);
    }
    vec![Item::Para { dangling: !ends, piece, last_full, measure }]
}

/// Fewest characters of a headline the extraction can echo.
const ECHO_MIN: usize = 4;

/// Length of the echoed start of a headline printed twice, the first copy
/// cut short: `全国首台初雨调蓄竖井掘进` + `全国首台初雨调蓄竖井掘进机始发`.
fn echo_len(chars: &[char]) -> Option<usize> {
    let n = chars.len();
    (ECHO_MIN..=n / 2).rev().find(|&k| chars[k..].starts_with(&chars[..k]) && chars[..k].iter().any(|c| crate::text::is_cjk(*c)))
}

/// Longest caption a `图为…` sentence and its credit make together.
const CAPTION_MAX: usize = 150;

/// Photo captions the layout cut apart. A credit split in two where its
/// bracket opens and closes (`（新华社记者` / `王翔 摄）`) is one credit, and
/// a `图为…` sentence right before a credit is the caption it signs.
fn join_captions(items: impl Iterator<Item = Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for item in items {
        out.push(item);
        while out.len() >= 2 {
            let (a, b) = (&out[out.len() - 2], &out[out.len() - 1]);
            let (Some(pa), Some(pb)) = (a.text_piece(), b.text_piece()) else { break };
            // Asked after every item: the lengths and kinds rule out most
            // pairs before their texts are built.
            let (could_split, could_sign) = (pa.len() + pb.len() <= 40, matches!(b, Item::Caption(_)) && pa.len() + pb.len() <= CAPTION_MAX);
            if !could_split && !could_sign {
                break;
            }
            let (ta, tb) = (pa.text(), pb.text());
            let opens = |t: &str| t.matches(['（', '(']).count() > t.matches(['）', ')']).count();
            let closes = |t: &str| t.matches(['）', ')']).count() > t.matches(['（', '(']).count();
            let split_credit = opens(&ta) && closes(&tb) && !matches!(a, Item::Caption(_)) && ta.chars().count() + tb.chars().count() <= 40;
            let signed = matches!(b, Item::Caption(_))
                && matches!(a, Item::Para { .. } | Item::Headline { .. })
                && patterns::opens_caption_sentence(&ta)
                && ta.chars().count() + tb.chars().count() <= CAPTION_MAX;
            if !(split_credit || signed) {
                break;
            }
            let mut joined = pa.clone();
            joined.append(pb.clone());
            out.truncate(out.len() - 2);
            if signed {
                out.push(Item::Caption(joined));
            } else {
                out.extend(classify_text(joined, 2, false, false, false, Measure::default()));
            }
        }
    }
    out
}

/// A line directly above a `——` subtitle is its headline, even when it
/// has a comma (`弘扬中国—中亚精神，致力永久睦邻友好`).
fn promote_titles_over_subtitles(items: &mut [Item]) {
    for i in 0..items.len().saturating_sub(1) {
        let next_is_sub = matches!(items[i + 1], Item::Headline { sub: true, .. });
        if let Item::Para { piece, dangling: true, .. } = &mut items[i] {
            if next_is_sub && piece.len() <= 40 {
                items[i] = Item::Headline { piece: std::mem::take(piece), sub: false, runs_on: false, lines: 1 };
            }
        }
    }
}

/// Info-boxes are runs of short lines around a `▶` item: `阿勒泰微数据`,
/// `截至今年5月`, `65个`, `60.07亿元`. Short or mostly numeric headline
/// lines next to an info-box item join it.
fn mark_infoboxes(items: &mut [Item]) {
    let small = |item: &Item| match item {
        Item::Headline { piece, sub: false, lines, .. } => {
            let t = piece.text();
            let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
            cell_width(&t) <= 8.0 * *lines as f32 || digits * 10 >= t.chars().count() * 4
        }
        // Short label lines run together when the box is narrow.
        Item::Para { piece, dangling: true, .. } => piece.len() <= 20,
        _ => false,
    };
    let is_box = |item: &Item| matches!(item, Item::Infobox(_));
    // One left-to-right sweep: each maximal run of boxes and small lines
    // that contains a box becomes an info-box. Linear, however many `▶`.
    let mut i = 0;
    while i < items.len() {
        if !(small(&items[i]) || is_box(&items[i])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < items.len() && (small(&items[i]) || is_box(&items[i])) {
            i += 1;
        }
        if items[start..i].iter().any(is_box) {
            for item in &mut items[start..i] {
                if let Item::Headline { piece, .. } | Item::Para { piece, .. } = item {
                    *item = Item::Infobox(std::mem::take(piece));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<String> {
        let src: Vec<char> = text.chars().collect();
        let lines = super::super::layout::lines(&src);
        classify(super::super::layout::units(&src, &lines, false, &mut Vec::new())).iter().map(|i| format!("{i:?}")).collect()
    }

    #[test]
    fn a_short_label_between_paragraphs_is_a_crosshead() {
        let found = items("标题一则\n\n新华社北京6月18日电 这是第一段的内容。\n\n亮点\n\n这是亮点部分的内容，写在这里。\n\n（二）\n\n这是第二部分的内容。\n");
        assert!(found.contains(&"Crosshead 亮点".to_owned()) && found.contains(&"Crosshead （二）".to_owned()), "{found:?}");
        // Longer than a label, or before a dateline: a headline.
        let found = items("这是第一段的内容。\n\n五个字标题\n\n这是另一篇的内容。\n");
        assert!(found.contains(&"Headline 五个字标题".to_owned()), "{found:?}");
        let found = items("这是第一段的内容。\n\n亮点\n\n新华社北京6月18日电 这是另一篇。\n");
        assert!(found.contains(&"Headline 亮点".to_owned()), "{found:?}");
        let found = items("这是第一段没有写完的\n\n亮点\n\n内容。\n");
        assert!(!found.contains(&"Crosshead 亮点".to_owned()), "{found:?}");
    }

    #[test]
    fn a_headline_block_is_headlines_and_a_full_stop_inside_makes_text() {
        let body = "王沪宁表示，一年来，全国政\n协坚决贯彻落实习近平总书记重要\n指示精神和中共中央决策部署，坚\n持团结和民主两大主题，坚持人民\n政协性质定位，坚持人民政协为人\n民理念。\n";
        // Four narrow lines over a byline: a title of four lines (more
        // than three lines is otherwise text).
        let found = items(&format!("{body}【在希望的田\n野上】全国春\n播已由南向北\n陆续展开\n本报记者 李明 王嵘\n{body}"));
        let at = found.iter().position(|i| i.starts_with("Headline")).expect("a headline");
        assert_eq!(found[at..at + 2], ["Headline 【在希望的田野上】全国春播已由南向北陆续展开", "Byline 本报记者 李明 王嵘"], "{found:?}");
        // Short, unfinished, not full: a headline, unless a sentence ends inside it.
        let found = items(&format!("{body}\n同比增长十个百分点\n\n{body}"));
        assert!(found.contains(&"Headline 同比增长十个百分点".to_owned()), "{found:?}");
        let found = items(&format!("{body}\n开局良好。数据显示同比增长\n\n{body}"));
        assert!(found.iter().any(|i| i.starts_with("Para") && i.contains("开局良好。数据显示同比增长")), "{found:?}");
    }

    #[test]
    fn an_echoed_headline_is_said_once() {
        assert_eq!(echo_len(&"全国首台掘进全国首台掘进机始发".chars().collect::<Vec<_>>()), Some(6));
        assert_eq!(echo_len(&"春光春光好".chars().collect::<Vec<_>>()), None, "too short to be an echo");
        assert_eq!(echo_len(&"一二三四一二三四".chars().collect::<Vec<_>>()), Some(4), "a whole headline printed twice");
        assert_eq!(echo_len(&"1234512345".chars().collect::<Vec<_>>()), None, "numbers repeat for other reasons");
        let found = items("全国首台初雨调蓄竖井掘进全国首台初雨调蓄竖井掘进机始发\n\n新华社上海6月18日电 今天，全国首台初雨调蓄竖井掘进机在上海始发，\n这是一个重要的进展，工程将在明年建成。\n");
        assert_eq!(found[..2], ["Echo 全国首台初雨调蓄竖井掘进", "Headline 全国首台初雨调蓄竖井掘进机始发"], "{found:?}");
    }

    #[test]
    fn a_credit_cut_over_lines_and_its_caption_are_one_caption() {
        let found = items("图为当日拍摄的施工现场。\n\n（新华社记者\n王翔 摄）\n");
        assert_eq!(found, ["Caption 图为当日拍摄的施工现场。（新华社记者王翔 摄）"]);
        // A credit alone is still a caption; a sentence that does not open with 图为 is not.
        assert_eq!(items("（新华社记者\n王翔 摄）\n"), ["Caption （新华社记者王翔 摄）"]);
        let found = items("工程建成后，每次可拦截初期雨水。\n\n（新华社记者\n王翔 摄）\n");
        assert_eq!(found, ["Para 工程建成后，每次可拦截初期雨水。", "Caption （新华社记者王翔 摄）"]);
        // Brackets that close on their own line are not a split credit.
        let found = items("（一）\n\n王翔 摄）\n");
        assert!(found.iter().all(|i| !i.contains("（一）王翔")), "{found:?}");
    }
}
