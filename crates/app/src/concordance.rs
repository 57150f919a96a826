//! The concordance's lines and their orders. Pure, so the sorts are
//! tested natively; the search view only draws what this returns.

use tongwen::search::{ArticleHits, Hit, SearchResults};

use crate::state::Source;

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Source by source, each in reading order.
    #[default]
    Text,
    /// By the words just before the keyword, read from the keyword
    /// leftwards (what a concordancer calls sorting on L1, L2 …).
    Left,
    /// By the words just after the keyword.
    Right,
    /// By source name, then reading order.
    Source,
    /// By the date the source's page prints (undated last), then source.
    Date,
}

impl Order {
    pub const ALL: [Order; 5] = [Order::Text, Order::Left, Order::Right, Order::Source, Order::Date];
}

/// One line: the article's hits and the hit.
pub type Line<'a> = (&'a ArticleHits, &'a Hit);

/// Every listed hit as a concordance line, in `order`; ties keep reading
/// order, so a sort never shuffles equal lines.
pub fn lines<'a>(found: &'a SearchResults, sources: &[Source], order: Order) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = found.articles.iter().flat_map(|g| g.hits.iter().map(move |h| (g, h))).collect();
    lines.sort_by_key(|(g, h)| (g.doc, g.article, h.field.reading_order(), h.begin));
    let doc = |g: &ArticleHits| sources.get(g.doc.0).map(|s| &s.doc);
    match order {
        Order::Text => {}
        Order::Left => lines.sort_by_cached_key(|(_, h)| h.before.chars().rev().collect::<String>()),
        Order::Right => lines.sort_by(|a, b| a.1.after.cmp(&b.1.after)),
        Order::Source => lines.sort_by_cached_key(|(g, _)| doc(g).map(|d| d.name.clone())),
        Order::Date => lines.sort_by_cached_key(|(g, _)| {
            let d = doc(g);
            (d.and_then(|d| d.date.clone()).is_none(), d.and_then(|d| d.date.clone()), d.map(|d| d.name.clone()))
        }),
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use tongwen::model::DocIndex;
    use tongwen::search::Field;

    fn hit(before: &str, after: &str, begin: usize) -> Hit {
        Hit { field: Field::Paragraph(0), begin, end: begin + 2, whole_word: true, before: before.into(), matched: "合作".into(), after: after.into() }
    }

    fn source(id: &str, name: &str, date: Option<&str>) -> Source {
        let doc = tongwen::model::DocumentAnalysis { id: id.into(), name: name.into(), date: date.map(str::to_owned), ..Default::default() };
        Source::from_output(tongwen::protocol::DocumentOut { doc, text: String::new(), shares: Vec::new() }).0
    }

    fn found() -> SearchResults {
        let group = |doc: usize, hits: Vec<Hit>| ArticleHits { doc: DocIndex(doc), article: 0, count: hits.len(), whole_words: hits.len(), hits };
        SearchResults {
            articles: vec![
                group(0, vec![hit("务实", "共赢", 5), hit("深化", "机制", 1)]),
                group(1, vec![hit("加强", "成果", 3)]),
                group(2, vec![hit("全面", "平台", 0)]),
            ],
            ..Default::default()
        }
    }

    fn shown(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|(g, h)| format!("{}:{}", g.doc.0, h.before)).collect()
    }

    #[test]
    fn each_order_sorts_its_own_key_and_ties_keep_reading_order() {
        let sources = [source("a", "乙报", Some("2025-06-19")), source("b", "甲报", None), source("c", "丙报", Some("2025-06-18"))];
        let f = found();
        assert_eq!(shown(&lines(&f, &sources, Order::Text)), ["0:深化", "0:务实", "1:加强", "2:全面"]);
        // Left: by the character next to the keyword first (化 < 实 < 强 < 面 by code point).
        let left: Vec<char> = lines(&f, &sources, Order::Left).iter().map(|(_, h)| h.before.chars().last().unwrap()).collect();
        assert!(left.windows(2).all(|w| w[0] <= w[1]), "{left:?}");
        let right: Vec<&str> = lines(&f, &sources, Order::Right).iter().map(|(_, h)| h.after.as_str()).collect();
        assert!(right.windows(2).all(|w| w[0] <= w[1]) && right.len() == 4, "{right:?}");
        let by_source: Vec<usize> = lines(&f, &sources, Order::Source).iter().map(|(g, _)| g.doc.0).collect();
        let mut names: Vec<&str> = by_source.iter().map(|&d| sources[d].doc.name.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        names.dedup();
        assert_eq!(names.len(), 3);
        assert_eq!(shown(&lines(&f, &sources, Order::Date)), ["2:全面", "0:深化", "0:务实", "1:加强"], "dated first, oldest first; ties in reading order");
    }
}
