//! Collation: every witness of a story aligned at once, as an alignment
//! table (one row per witness, columns of agreed text and of variant
//! readings), the way CollateX and TRAViz show a tradition.
//!
//! Why a star alignment on the fullest witness: reprints of one report are
//! cuts and slips of one text, rarely rearrangements, so aligning each
//! witness with the fullest one places every reading of every witness in a
//! column at the cost of one pairwise diff per witness (linear in the
//! witnesses, where a progressive multiple alignment is quadratic). The
//! base is the fullest witness because the others are, mostly, cuts of it.
//!
//! Columns are cut where the set of differing witnesses changes, so a long
//! omission in one paper does not swallow the slips two other papers make
//! inside it. A variant column takes one agreed character of context before
//! it, and after it when it is an insertion or omission, as the engine's
//! variant readings do (`分别`/`分享`, `重大`/`重要大`).

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::model::Passage;
use crate::reuse::normalize::fold;

/// One witness: an article's text over the passages of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness {
    pub doc: String,
    /// The articles its text comes from (more than one when the report
    /// continues across articles of the paper).
    pub articles: Vec<String>,
    /// Outermost extent of its members in the decoded input.
    pub begin: usize,
    pub end: usize,
    /// Its members' text in reading order, paragraph breaks removed.
    pub text: String,
}

/// A column of the alignment table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// Text every witness reads alike (up to dash, width and quote forms).
    Agreed(String),
    /// One reading per witness, in the order of [`Collation::witnesses`];
    /// an empty reading is an omission.
    Variant(Vec<String>),
}

/// All witnesses of a story aligned at once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Collation {
    pub witnesses: Vec<Witness>,
    /// Index of the fullest witness, the one the others are aligned to.
    pub base: usize,
    pub columns: Vec<Column>,
}

impl Collation {
    /// Each witness's distance from the fullest one: the number of its
    /// variant readings, a run of adjacent columns in which it reads
    /// differently counting once (an omitted sentence is one reading).
    pub fn distances(&self) -> Vec<usize> {
        (0..self.witnesses.len())
            .map(|w| {
                let differs = self.columns.iter().map(|c| matches!(c, Column::Variant(r) if !same_reading(&r[w], &r[self.base])));
                let mut runs = 0;
                let mut inside = false;
                for d in differs {
                    runs += (d && !inside) as usize;
                    inside = d;
                }
                runs
            })
            .collect()
    }

    /// The readings of a variant column grouped by identical text, in order
    /// of first witness: (reading, witnesses that read it).
    pub fn groups(readings: &[String]) -> Vec<(&str, Vec<usize>)> {
        let mut out: Vec<(&str, Vec<usize>)> = Vec::new();
        for (w, r) in readings.iter().enumerate() {
            match out.iter_mut().find(|g| same_reading(g.0, r)) {
                Some(g) => g.1.push(w),
                None => out.push((r, vec![w])),
            }
        }
        out
    }
}

fn same_reading(a: &str, b: &str) -> bool {
    a.chars().map(fold).eq(b.chars().map(fold))
}

/// The witnesses of story `story`: the documents of its longest passage
/// (the copies of the report), each one's members in the story joined in
/// reading order (a member that overlaps one already taken is skipped).
///
/// A report continued across articles of one paper (a jump, a page break)
/// is one witness, so the members of every article of the document that
/// holds a passage of at least `long` characters join; a short quote
/// elsewhere in that paper, or in a paper outside the longest passage,
/// is not a copy of the report and is left out.
pub fn story_witnesses(passages: &[Passage], story: usize, long: usize) -> Vec<Witness> {
    let in_story: Vec<&Passage> = passages.iter().filter(|p| p.story == story).collect();
    let extent = |p: &Passage| p.members.iter().map(|m| m.text.chars().filter(|c| !c.is_whitespace()).count()).max().unwrap_or(0);
    let Some(core) = in_story.iter().max_by_key(|p| extent(p)) else { return Vec::new() };
    let mut docs: Vec<&str> = Vec::new();
    for m in &core.members {
        if !docs.contains(&m.doc.as_str()) {
            docs.push(&m.doc);
        }
    }
    let linking: Vec<&str> = in_story.iter().filter(|p| extent(p) >= long || std::ptr::eq(**p, *core)).flat_map(|p| p.members.iter().map(|m| m.article.as_str())).collect();
    docs.into_iter()
        .map(|doc| {
            let mut members: Vec<&crate::model::Member> =
                in_story.iter().flat_map(|p| &p.members).filter(|m| m.doc == doc && linking.contains(&m.article.as_str())).collect();
            members.sort_by_key(|m| (m.begin, std::cmp::Reverse(m.end)));
            let mut text = String::new();
            let mut until = 0;
            let mut articles: Vec<&str> = Vec::new();
            for m in &members {
                if m.begin < until {
                    continue;
                }
                text.extend(m.text.chars().filter(|&c| c != '\n'));
                until = m.end;
                if !articles.contains(&m.article.as_str()) {
                    articles.push(&m.article);
                }
            }
            let begin = members.first().map_or(0, |m| m.begin);
            Witness { doc: doc.to_owned(), articles: articles.into_iter().map(str::to_owned).collect(), begin, end: until.max(begin), text }
        })
        .collect()
}

/// The articles with a member in the story whose paper is not among its
/// witnesses: they quote the report. One witness each (its members joined),
/// in the order the passages first name them.
pub fn story_quotes(passages: &[Passage], story: usize, witnesses: &[Witness]) -> Vec<Witness> {
    let mut out: Vec<Witness> = Vec::new();
    let mut members: Vec<&crate::model::Member> =
        passages.iter().filter(|p| p.story == story).flat_map(|p| &p.members).filter(|m| !witnesses.iter().any(|w| w.doc == m.doc)).collect();
    members.sort_by_key(|m| (m.begin, std::cmp::Reverse(m.end)));
    for m in members {
        let at = match out.iter().position(|w| w.articles[0] == m.article) {
            Some(i) => i,
            None => {
                out.push(Witness { doc: m.doc.clone(), articles: vec![m.article.clone()], begin: m.begin, end: m.begin, text: String::new() });
                out.len() - 1
            }
        };
        let w = &mut out[at];
        if m.begin >= w.end {
            w.text.extend(m.text.chars().filter(|&c| c != '\n'));
            w.end = m.end;
        }
    }
    out
}

/// How one witness reads against the base, event by event. Events
/// alternate: the gap before base character 0, character 0, the gap
/// before character 1, … the gap after the last character.
struct Reading {
    /// Per event: the witness's text there.
    text: Vec<String>,
    /// Per event: whether it reads differently from the base.
    differs: Vec<bool>,
}

fn read_against(base: &[char], base_folded: &[char], witness: &str) -> Reading {
    let chars: Vec<char> = witness.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let events = 2 * base.len() + 1;
    let mut r = Reading { text: vec![String::new(); events], differs: vec![false; events] };
    let pos = |i: usize| 2 * i + 1;
    for op in capture_diff_slices(Algorithm::Myers, base_folded, &folded) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    r.text[pos(old_index + k)].push(chars[new_index + k]);
                }
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                for k in 0..old_len {
                    r.differs[pos(old_index + k)] = true;
                }
            }
            DiffOp::Insert { old_index, new_index, new_len } => {
                r.text[2 * old_index].extend(&chars[new_index..new_index + new_len]);
                r.differs[2 * old_index] = true;
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                r.text[pos(old_index)].extend(&chars[new_index..new_index + new_len]);
                for k in 0..old_len {
                    r.differs[pos(old_index + k)] = true;
                }
            }
        }
    }
    r
}

/// Aligns the witnesses into one table (see the module comment).
pub fn collate(witnesses: Vec<Witness>) -> Collation {
    let len = |w: &Witness| w.text.chars().filter(|c| !c.is_whitespace()).count();
    let Some(base) = (0..witnesses.len()).max_by_key(|&i| (len(&witnesses[i]), std::cmp::Reverse(i))) else {
        return Collation::default();
    };
    let base_chars: Vec<char> = witnesses[base].text.chars().collect();
    let base_folded: Vec<char> = base_chars.iter().map(|&c| fold(c)).collect();
    let readings: Vec<Reading> = witnesses.iter().map(|w| read_against(&base_chars, &base_folded, &w.text)).collect();
    let events = 2 * base_chars.len() + 1;
    let is_char = |e: usize| e % 2 == 1;
    // Which witnesses differ at each event.
    let signature = |e: usize| -> Vec<usize> { (0..readings.len()).filter(|&w| readings[w].differs[e]).collect() };
    // Units: maximal runs of events with one non-empty set of differing witnesses.
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut e = 0;
    while e < events {
        let sig = signature(e);
        if sig.is_empty() {
            e += 1;
            continue;
        }
        let start = e;
        // An agreed gap between two characters of the unit belongs to it.
        while e < events && (signature(e) == sig || (!is_char(e) && e + 1 < events && signature(e).is_empty() && signature(e + 1) == sig)) {
            e += 1;
        }
        units.push((start, e));
    }
    // Context: one character before each unit, and one after an insertion
    // or omission. It comes from agreed text, or from a neighbouring unit
    // whose differing witnesses all differ here too (the edge of a long
    // omission gives its character to a slip inside it).
    let mut owner: Vec<Option<usize>> = vec![None; events];
    for (u, &(a, b)) in units.iter().enumerate() {
        owner[a..b].iter_mut().for_each(|o| *o = Some(u));
    }
    for (u, &(a, b)) in units.iter().enumerate() {
        let sig = signature(a);
        let may_take = |owner: &[Option<usize>], x: usize| owner[x].is_none_or(|v| v == u || signature(x).iter().all(|w| sig.contains(w)));
        // The nearest base character before the unit, with the gap between.
        let before = if is_char(a.wrapping_sub(1)) { a.checked_sub(1) } else { a.checked_sub(2) };
        if let Some(c) = before {
            if (c..a).all(|x| may_take(&owner, x)) {
                owner[c..a].iter_mut().for_each(|o| *o = Some(u));
            }
        }
        // An omission here, by a witness that reads the text around it (one
        // absent from the whole neighbourhood, a quote, omits nothing here).
        let present_near = |r: &Reading| [a.checked_sub(1), a.checked_sub(2), Some(b), Some(b + 1)].into_iter().flatten().any(|e| e < events && is_char(e) && !r.text[e].is_empty());
        let indel = (a..b).all(|e| !is_char(e)) || readings.iter().any(|r| (a..b).any(|e| r.differs[e]) && (a..b).all(|e| r.text[e].is_empty()) && present_near(r));
        let after = if b < events && is_char(b) { Some(b + 1) } else { Some(b + 2).filter(|&x| x <= events) };
        if let (true, Some(c)) = (indel, after) {
            if (b..c).all(|x| may_take(&owner, x)) {
                owner[b..c].iter_mut().for_each(|o| *o = Some(u));
            }
        }
    }
    // Columns: runs of one owner; unowned runs are agreed text.
    let mut columns = Vec::new();
    let mut a = 0;
    while a < events {
        let mut b = a + 1;
        while b < events && owner[b] == owner[a] {
            b += 1;
        }
        let cells: Vec<String> = readings.iter().map(|r| r.text[a..b].concat()).collect();
        // What a neighbour's context left behind may read alike in every
        // witness (or be an empty gap): agreed text, then.
        if owner[a].is_none() || cells.iter().all(|c| same_reading(c, &cells[base])) {
            let text = &cells[base];
            match columns.last_mut() {
                Some(Column::Agreed(t)) => t.push_str(text),
                _ if text.is_empty() => {}
                _ => columns.push(Column::Agreed(text.clone())),
            }
        } else {
            columns.push(Column::Variant(cells));
        }
        a = b;
    }
    Collation { witnesses, base, columns }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;

    fn witness(doc: &str, text: &str) -> Witness {
        Witness { doc: doc.into(), articles: vec![format!("{doc}#1")], begin: 0, end: text.chars().count(), text: text.into() }
    }

    fn variants(c: &Collation) -> Vec<Vec<String>> {
        c.columns.iter().filter_map(|col| if let Column::Variant(r) = col { Some(r.clone()) } else { None }).collect()
    }

    /// Every witness's row, read left to right, is its own text: nothing
    /// lost, nothing doubled.
    fn rows_rebuild(c: &Collation) {
        for (w, wit) in c.witnesses.iter().enumerate() {
            let row: String = c
                .columns
                .iter()
                .map(|col| match col {
                    Column::Agreed(t) => t.clone(),
                    Column::Variant(r) => r[w].clone(),
                })
                .collect();
            assert_eq!(row.chars().map(fold).collect::<String>(), wit.text.chars().map(fold).collect::<String>(), "row {w}");
        }
    }

    #[test]
    fn substitution_and_insertions_have_their_columns_with_context() {
        let c = collate(vec![
            witness("a", "并同中亚五国元首分别举行双边会晤。这是最重大外交行动，安排战机为专机护航。"),
            witness("b", "并同中亚五国元首分享举行双边会晤。这是最重要大外交行动，安排战机组为专机护航。"),
            witness("c", "并同中亚五国元首分别举行双边会晤。"),
        ]);
        rows_rebuild(&c);
        assert_eq!(c.base, 1, "the fullest witness is the base");
        let v = variants(&c);
        assert!(v.contains(&vec!["分别".into(), "分享".into(), "分别".into()]), "{v:?}");
        assert!(v.iter().any(|r| r[0] == "重大" && r[1] == "重要大"), "{v:?}");
        assert!(v.iter().any(|r| r[0] == "机为" && r[1] == "机组为"), "{v:?}");
        // c's omission of the second sentence does not swallow a's and b's slips.
        assert!(v.iter().any(|r| r[2] == "晤" && r[0].contains("这是最")), "{v:?}");
        assert_eq!(c.distances(), vec![3, 0, 2], "a: three slips; c: a substitution and one omission");
    }

    #[test]
    fn a_witness_absent_around_a_slip_does_not_widen_its_column() {
        let c = collate(vec![
            witness("a", "这是开头的一句话。并同中亚五国元首分别举行双边会晤。这是结尾的一句话。"),
            witness("b", "这是开头的一句话。并同中亚五国元首分享举行双边会晤。这是结尾的一句话。"),
            witness("quote", "这是开头的一句话。"),
        ]);
        rows_rebuild(&c);
        let v = variants(&c);
        assert!(v.iter().any(|r| r[0] == "分别" && r[1] == "分享" && r[2].is_empty()), "{v:?}");
    }

    #[test]
    fn dash_and_width_forms_agree() {
        let c = collate(vec![witness("a", "中国—中亚峰会"), witness("b", "中国－中亚峰会")]);
        assert_eq!(c.columns.len(), 1, "{:?}", c.columns);
        assert!(matches!(&c.columns[0], Column::Agreed(_)));
        assert_eq!(c.distances(), vec![0, 0]);
    }

    #[test]
    fn insertion_at_either_end_is_kept() {
        let c = collate(vec![witness("a", "甲乙丙丁戊己庚"), witness("b", "子甲乙丙丁戊己庚辛")]);
        rows_rebuild(&c);
        let v = variants(&c);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(c.distances()[c.base], 0);
        assert_eq!(c.witnesses[c.base].doc, "b");
    }

    #[test]
    fn groups_join_equal_readings() {
        let r: Vec<String> = ["分别", "分享", "分别"].iter().map(|s| s.to_string()).collect();
        assert_eq!(Collation::groups(&r), vec![("分别", vec![0, 2]), ("分享", vec![1])]);
    }

    #[test]
    fn story_witnesses_are_the_copies_of_the_report_joined_across_articles() {
        let member = |article: &str, b: usize, text: &str| Member {
            doc: article[..1].into(),
            article: article.into(),
            begin: b,
            end: b + text.chars().count(),
            spans: vec![],
            text: text.into(),
        };
        let passage = |story, members: Vec<Member>| Passage { id: 0, story, size: members.len(), members, variants: vec![], kind: Default::default() };
        let passages = vec![
            // The report's continuation in another article of a, and in b.
            passage(0, vec![member("a#2", 50, "后半段\n后半段"), member("b#1", 40, "后半段后半段")]),
            // The longest passage: the copies are a, b and c.
            passage(0, vec![member("a#1", 0, "前半段前半段前半段"), member("b#1", 10, "前半段前半段前半段"), member("c#1", 5, "前半段前半段前半段")]),
            // Short quotes: another article of a, and d (twice) and e.
            passage(0, vec![member("a#3", 200, "引文"), member("d#1", 0, "引文")]),
            passage(0, vec![member("d#1", 10, "又一引文"), member("e#1", 3, "又一引文")]),
            passage(1, vec![member("a#4", 100, "别的别的别的"), member("e#1", 0, "别的别的别的")]),
        ];
        let w = story_witnesses(&passages, 0, 5);
        let rows: Vec<(&str, &str, usize)> = w.iter().map(|w| (w.doc.as_str(), w.text.as_str(), w.articles.len())).collect();
        assert_eq!(rows, vec![("a", "前半段前半段前半段后半段后半段", 2), ("b", "前半段前半段前半段后半段后半段", 1), ("c", "前半段前半段前半段", 1)]);
        assert_eq!((w[0].begin, w[0].end), (0, 57));
        let quotes = story_quotes(&passages, 0, &w);
        assert_eq!(quotes.iter().map(|q| (q.articles[0].as_str(), q.text.as_str())).collect::<Vec<_>>(), [("d#1", "引文又一引文"), ("e#1", "又一引文")]);
        // A long threshold above the continuation leaves a's second article out.
        assert_eq!(story_witnesses(&passages, 0, 7)[0].articles, ["a#1"]);
    }

    proptest::proptest! {
        /// Whatever the witnesses, each row rebuilds its witness and the
        /// base is at distance 0.
        #[test]
        fn rows_rebuild_their_witnesses(texts in proptest::collection::vec("[甲乙丙丁，。—－]{0,30}", 1..5)) {
            let c = collate(texts.iter().enumerate().map(|(i, t)| witness(&i.to_string(), t)).collect());
            rows_rebuild(&c);
            proptest::prop_assert_eq!(c.distances()[c.base], 0);
            for col in &c.columns {
                if let Column::Variant(r) = col {
                    proptest::prop_assert!(Collation::groups(r).len() > 1, "a variant column has two readings: {:?}", r);
                }
            }
        }
    }
}
