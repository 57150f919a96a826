//! Names each layout unit by the press convention it follows.

use super::layout::Unit;
use super::patterns;
use super::piece::Piece;
use crate::model::MarkerKind;
use crate::text::{cell_width, ends_sentence, is_clause_punct};

#[derive(Clone)]
pub enum Item {
    Para { piece: Piece, dangling: bool, last_full: bool },
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
            Item::Marker { piece, kind } => write!(f, "Marker {kind:?} {}", piece.text()),
            Item::RunBreak => write!(f, "RunBreak"),
        }
    }
}

impl Item {
    pub fn is_display(&self) -> bool {
        matches!(self, Item::Headline { .. } | Item::Infobox(_) | Item::Caption(_) | Item::Furniture(_))
    }
}

pub fn classify(units: Vec<Unit>) -> Vec<Item> {
    let mut items: Vec<Item> = units.into_iter().flat_map(classify_unit).collect();
    promote_titles_over_subtitles(&mut items);
    mark_infoboxes(&mut items);
    items
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
                    return classify_text(piece, 1, true, false);
                }
                vec![Item::Crosshead(piece)]
            }
        }
        Unit::Text { piece, lines, last_full, overwide } => classify_text(piece, lines, last_full, overwide),
    }
}

fn classify_text(mut piece: Piece, lines: usize, last_full: bool, overwide: bool) -> Vec<Item> {
    piece.clean_spaces(true);
    let text = piece.text();
    if patterns::is_closing_dateline(&text) {
        return vec![Item::Closing(piece)];
    }
    if let Some(n) = patterns::opening_dateline_len(&text) {
        let (mut dateline, mut rest) = piece.split_at(n);
        dateline.trim();
        rest.clean_spaces(false);
        return vec![Item::Dated { dateline, rest }];
    }
    if patterns::is_caption(&text) {
        return vec![Item::Caption(piece)];
    }
    if patterns::is_byline(&text) {
        return vec![Item::Byline(piece)];
    }
    if patterns::is_crosshead(&text) {
        return vec![Item::Crosshead(piece)];
    }
    if text.starts_with(['▶', '■', '●', '◆']) {
        return vec![Item::Infobox(piece)];
    }
    let sub = text.starts_with("——") || text.starts_with("──");
    let short = text.chars().count() <= 60;
    let clause = text.chars().any(is_clause_punct);
    if !ends_sentence(&text) && lines <= 3 && short && (sub || overwide || !last_full || (lines == 1 && !clause)) {
        return vec![Item::Headline { piece, sub, runs_on: last_full, lines }];
    }
    piece.clean_spaces(false);
    vec![Item::Para { dangling: !ends_sentence(&text), piece, last_full }]
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
