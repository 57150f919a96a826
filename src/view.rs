//! View models: what the reading and compare panes show, computed from the
//! analysis without any web API, so it is tested natively.

use crate::text::Space;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::model::{Paragraph, Passage};
use crate::reuse::normalize::fold;

/// A stretch of paragraph text and the passages (by index into the
/// analysis's passage list) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub passages: Vec<usize>,
}

/// The members of passages that lie in one article: (passage index, member index).
pub fn article_members(passages: &[Passage], article_id: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (pi, p) in passages.iter().enumerate() {
        for (mi, m) in p.members.iter().enumerate() {
            if m.article == article_id {
                out.push((pi, mi));
            }
        }
    }
    out
}

/// Cuts a paragraph into segments by the passages covering each character.
/// A character is covered when its input offset lies in a member's spans.
pub fn highlight(paragraph: &Paragraph, input: &[char], passages: &[Passage], members: &[(usize, usize)]) -> Vec<Segment> {
    let mut offsets = crate::model::covered_offsets(&paragraph.spans, input);
    let mut out: Vec<Segment> = Vec::new();
    for c in paragraph.text.chars() {
        let covering: Vec<usize> = if c.is_space() {
            out.last().map(|s| s.passages.clone()).unwrap_or_default()
        } else {
            match offsets.next() {
                Some(o) => members
                    .iter()
                    .filter(|&&(pi, mi)| passages[pi].members[mi].spans.iter().any(|&[b, e]| b <= o && o < e))
                    .map(|&(pi, _)| pi)
                    .collect(),
                None => Vec::new(),
            }
        };
        match out.last_mut() {
            Some(s) if s.passages == covering => s.text.push(c),
            _ => out.push(Segment { text: c.to_string(), passages: covering }),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    Same,
    /// Differs from the other witness at the same place (a substitution).
    Changed,
    /// Found in this witness only (an insertion here, a deletion there).
    Only,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSegment {
    pub kind: DiffKind,
    pub text: String,
}

/// Aligns two witnesses character by character (dash, width and quote
/// variants fold away first) and marks every difference on both sides.
pub fn compare(a: &str, b: &str) -> (Vec<DiffSegment>, Vec<DiffSegment>) {
    let ac: Vec<char> = a.chars().collect();
    let bc: Vec<char> = b.chars().collect();
    let af: Vec<char> = ac.iter().map(|&c| fold(c)).collect();
    let bf: Vec<char> = bc.iter().map(|&c| fold(c)).collect();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let push = |side: &mut Vec<DiffSegment>, kind: DiffKind, chars: &[char]| {
        if chars.is_empty() {
            return;
        }
        match side.last_mut() {
            Some(s) if s.kind == kind => s.text.extend(chars),
            _ => side.push(DiffSegment { kind, text: chars.iter().collect() }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &af, &bf) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                push(&mut left, DiffKind::Same, &ac[old_index..old_index + len]);
                push(&mut right, DiffKind::Same, &bc[new_index..new_index + len]);
            }
            DiffOp::Delete { old_index, old_len, .. } => push(&mut left, DiffKind::Only, &ac[old_index..old_index + old_len]),
            DiffOp::Insert { new_index, new_len, .. } => push(&mut right, DiffKind::Only, &bc[new_index..new_index + new_len]),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(&mut left, DiffKind::Changed, &ac[old_index..old_index + old_len]);
                push(&mut right, DiffKind::Changed, &bc[new_index..new_index + new_len]);
            }
        }
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;

    #[test]
    fn substitution_and_insertion_are_marked_on_both_sides() {
        let (l, r) = compare("并同中亚五国元首分别举行双边会晤。最重大外交行动", "并同中亚五国元首分享举行双边会晤。最重要大外交行动");
        assert!(l.contains(&DiffSegment { kind: DiffKind::Changed, text: "别".into() }), "{l:?}");
        assert!(r.contains(&DiffSegment { kind: DiffKind::Changed, text: "享".into() }), "{r:?}");
        assert!(r.contains(&DiffSegment { kind: DiffKind::Only, text: "要".into() }), "{r:?}");
        let (l, r) = compare("中国—中亚", "中国－中亚");
        assert!(l.iter().chain(&r).all(|s| s.kind == DiffKind::Same));
    }

    #[test]
    fn highlight_follows_member_spans() {
        let input: Vec<char> = "甲乙丙\n丁戊己".chars().collect();
        let p = Paragraph { text: "甲乙丙丁戊己".into(), spans: vec![[0, 7]], ..Default::default() };
        let member = |b, e| Member { doc: "d".into(), article: "d#1".into(), begin: b, end: e, spans: vec![[b, e]], text: String::new() };
        let passages = vec![Passage { id: 0, story: 0, size: 2, members: vec![member(1, 5), member(9, 9)], variants: vec![], kind: Default::default() }];
        let segs = highlight(&p, &input, &passages, &[(0, 0)]);
        let shown: Vec<(&str, bool)> = segs.iter().map(|s| (s.text.as_str(), !s.passages.is_empty())).collect();
        assert_eq!(shown, vec![("甲", false), ("乙丙丁", true), ("戊己", false)]);
    }
}

/// Share of an article's body (non-whitespace characters) that some
/// passage also has elsewhere, from 0 to 1.
fn shared_share_of<'a>(article: &crate::model::Article, passages: impl Iterator<Item = &'a Passage>) -> f64 {
    let body: usize = article.body_chars();
    if body == 0 {
        return 0.0;
    }
    let mut spans: Vec<[usize; 2]> =
        passages.flat_map(|p| p.members.iter().filter(|m| m.article == article.id).flat_map(|m| m.spans.iter().copied())).collect();
    spans.sort_unstable();
    // Covered body characters: paragraph spans intersected with member spans.
    let para_spans: Vec<[usize; 2]> = article.paragraphs.iter().flat_map(|p| p.spans.iter().copied()).collect();
    let mut covered = 0usize;
    let mut last_end = 0usize;
    for [b, e] in spans {
        let b = b.max(last_end);
        if b >= e {
            continue;
        }
        for &[pb, pe] in &para_spans {
            let (x, y) = (b.max(pb), e.min(pe));
            if x < y {
                covered += y - x;
            }
        }
        last_end = e;
    }
    // Spans include whitespace inside paragraphs; cap at the body size.
    (covered as f64 / body as f64).min(1.0)
}

/// [`shared_share_of`] for every article of every document at once, in one
/// pass over the passages (per article it would be quadratic).
pub fn shared_shares(docs: &[crate::model::DocumentAnalysis], passages: &[Passage]) -> Vec<Vec<f64>> {
    let mut by_article: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (pi, p) in passages.iter().enumerate() {
        for m in &p.members {
            let v = by_article.entry(m.article.as_str()).or_default();
            if v.last() != Some(&pi) {
                v.push(pi);
            }
        }
    }
    docs.iter()
        .map(|d| {
            d.articles
                .iter()
                .map(|a| match by_article.get(a.id.as_str()) {
                    Some(ps) => shared_share_of(a, ps.iter().map(|&pi| &passages[pi])),
                    None => 0.0,
                })
                .collect()
        })
        .collect()
}

/// The raw page cut into stretches inside and outside `spans` (the
/// provenance view marks where an article came from).
pub fn provenance(input: &[char], spans: &[[usize; 2]]) -> Vec<(String, bool)> {
    let mut spans: Vec<[usize; 2]> = spans.to_vec();
    spans.sort_unstable();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut pos = 0;
    for [b, e] in spans {
        let (b, e) = (b.max(pos).min(input.len()), e.min(input.len()));
        if b >= e {
            continue;
        }
        if pos < b {
            out.push((input[pos..b].iter().collect(), false));
        }
        out.push((input[b..e].iter().collect(), true));
        pos = e;
    }
    if pos < input.len() {
        out.push((input[pos..].iter().collect(), false));
    }
    out
}

/// What the URL hash says to show; the app writes it on every move, so a
/// link restores the screen and back/forward work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Overview,
    Read { doc: String, article: usize },
    Compare { passage: usize, left: usize, right: usize },
    /// Search results for `query`, by article or as a concordance.
    Search { query: String, concordance: bool },
}

impl Route {
    pub fn to_hash(&self) -> String {
        match self {
            Route::Overview => "#/overview".to_owned(),
            Route::Read { doc, article } => format!("#/read/{}/{}", encode(doc), article + 1),
            Route::Compare { passage, left, right } => format!("#/compare/{passage}/{}/{}", left + 1, right + 1),
            Route::Search { query, concordance: false } => format!("#/search/{}", encode(query)),
            Route::Search { query, concordance: true } => format!("#/concordance/{}", encode(query)),
        }
    }

    /// The route a hash names; what follows a `?` is left to [`Shown`].
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.split_once('?').map_or(hash, |(p, _)| p);
        let parts: Vec<&str> = path.trim_start_matches('#').trim_start_matches('/').split('/').collect();
        match parts.as_slice() {
            ["overview"] => Some(Route::Overview),
            ["search", q] if !q.is_empty() => Some(Route::Search { query: decode(q), concordance: false }),
            ["concordance", q] if !q.is_empty() => Some(Route::Search { query: decode(q), concordance: true }),
            ["read", doc, k] => Some(Route::Read { doc: decode(doc), article: k.parse::<usize>().ok()?.checked_sub(1)? }),
            ["compare", p, l, r] => Some(Route::Compare {
                passage: p.parse().ok()?,
                left: l.parse::<usize>().ok()?.checked_sub(1)?,
                right: r.parse::<usize>().ok()?.checked_sub(1)?,
            }),
            _ => None,
        }
    }
}

/// What a link says beyond the screen, after `?`: the settings that
/// change what is found, and the word view (`?min=30&stock&words`; a flag
/// is written only when on). The app writes them into every hash it
/// shows; a hash with no `?` (a link inside the page, one typed by hand)
/// keeps the settings as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shown {
    pub settings: crate::reuse::Settings,
    pub words: bool,
}

impl Shown {
    /// `?min=…` and the flags that are on.
    pub fn to_query(&self) -> String {
        let mut query = format!("?min={}", self.settings.min_len);
        for (on, name) in [(self.settings.boilerplate, "boilerplate"), (self.settings.stock, "stock"), (self.words, "words")] {
            if on {
                query.push('&');
                query.push_str(name);
            }
        }
        query
    }

    /// Reads what follows the `?` of a hash (`None`: there is none); what
    /// it does not say is the default, and a bad minimum length is ignored.
    pub fn parse(hash: &str) -> Option<Shown> {
        let mut shown = Shown::default();
        let (_, query) = hash.split_once('?')?;
        for part in query.split('&') {
            match part.split_once('=') {
                Some(("min", n)) => {
                    if let Ok(n) = n.parse() {
                        shown.settings.min_len = n;
                    }
                }
                None if part == "boilerplate" => shown.settings.boilerplate = true,
                None if part == "stock" => shown.settings.stock = true,
                None if part == "words" => shown.words = true,
                _ => {}
            }
        }
        Some(shown)
    }
}

/// The whole hash for a screen: its route, then its settings.
pub fn link(route: &Route, shown: &Shown) -> String {
    format!("{}{}", route.to_hash(), shown.to_query())
}

/// What a file name may hold that a hash path may not: everything but
/// ASCII letters, digits and `-_.~` is percent-encoded.
const PATH_PART: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, PATH_PART).to_string()
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod route_tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for r in [
            Route::Read { doc: "000_7db16642f3192162.txt".into(), article: 2 },
            Route::Read { doc: "我的 文件#1.txt".into(), article: 0 },
            Route::Compare { passage: 4, left: 0, right: 2 },
            Route::Overview,
            Route::Search { query: "阿斯塔纳 峰会/?&".into(), concordance: false },
            Route::Search { query: "中亚".into(), concordance: true },
        ] {
            assert_eq!(Route::parse(&r.to_hash()), Some(r.clone()), "{}", r.to_hash());
        }
        assert_eq!(Route::parse("#/nonsense"), None);
        assert_eq!(Route::parse("#/search/"), None);
        assert_eq!(Route::parse("#/concordance/?min=20"), None);
        assert_eq!(Route::parse("#/read/x/0"), None);
        assert_eq!(Route::parse("#/compare/1/2/%"), None);
    }

    #[test]
    fn provenance_marks_spans() {
        let input: Vec<char> = "ab cd ef".chars().collect();
        assert_eq!(provenance(&input, &[[3, 5]]), vec![("ab ".into(), false), ("cd".into(), true), (" ef".into(), false)]);
    }
}

/// The corpus at a glance: articles that share text, how much each pair
/// shares, and the passage that best shows each pair.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overview {
    /// Article ids in corpus order (only those sharing anything).
    pub articles: Vec<String>,
    /// `shared[i][j]`: characters articles i and j share (symmetric).
    pub shared: Vec<Vec<usize>>,
    /// `best[i][j]`: (passage, member in i, member in j) with most shared text.
    pub best: Vec<Vec<Option<(usize, usize, usize)>>>,
}

impl Overview {
    /// Heat level 0–5 of a cell, relative to the hottest cell.
    pub fn level(&self, i: usize, j: usize) -> u8 {
        let max = self.shared.iter().flatten().copied().max().unwrap_or(0);
        let v = self.shared[i][j];
        if v == 0 || max == 0 {
            0
        } else {
            (1 + (v * 5 - 1) / max).min(5) as u8
        }
    }
}

fn member_len(m: &crate::model::Member) -> usize {
    m.text.chars().filter(|c| !c.is_space()).count()
}

/// Builds the overview; `order` gives article ids in reading order.
pub fn overview(passages: &[Passage], order: &[String]) -> Overview {
    let mut used: Vec<bool> = vec![false; order.len()];
    let index: std::collections::HashMap<&str, usize> = order.iter().enumerate().map(|(i, a)| (a.as_str(), i)).collect();
    for p in passages {
        for m in &p.members {
            if let Some(&i) = index.get(m.article.as_str()) {
                used[i] = true;
            }
        }
    }
    let articles: Vec<String> = order.iter().zip(&used).filter(|(_, u)| **u).map(|(a, _)| a.clone()).collect();
    let pos: std::collections::HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.as_str(), i)).collect();
    let n = articles.len();
    let mut shared = vec![vec![0usize; n]; n];
    let mut best: Vec<Vec<Option<(usize, usize, usize)>>> = vec![vec![None; n]; n];
    let mut best_len = vec![vec![0usize; n]; n];
    for (pi, p) in passages.iter().enumerate() {
        for (a, ma) in p.members.iter().enumerate() {
            for (b, mb) in p.members.iter().enumerate() {
                let (Some(&i), Some(&j)) = (pos.get(ma.article.as_str()), pos.get(mb.article.as_str())) else { continue };
                if i == j {
                    continue;
                }
                let len = member_len(ma).min(member_len(mb));
                shared[i][j] += len;
                if len > best_len[i][j] {
                    best_len[i][j] = len;
                    best[i][j] = Some((pi, a, b));
                }
            }
        }
    }
    Overview { articles, shared, best }
}

/// The passages of one story, for the overview's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySummary {
    pub story: usize,
    /// Indices into the passage list, longest first.
    pub passages: Vec<usize>,
    /// Every article with a member in the story, once, in passage order.
    pub articles: Vec<String>,
    /// The most text one article shares in the story (non-space characters).
    pub length: usize,
}

/// Groups passages by story; stories come longest first.
pub fn stories(passages: &[Passage]) -> Vec<StorySummary> {
    let mut out: Vec<StorySummary> = Vec::new();
    let mut at: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (pi, p) in passages.iter().enumerate() {
        let k = *at.entry(p.story).or_insert_with(|| {
            out.push(StorySummary { story: p.story, passages: Vec::new(), articles: Vec::new(), length: 0 });
            out.len() - 1
        });
        out[k].passages.push(pi);
        for m in &p.members {
            if !out[k].articles.contains(&m.article) {
                out[k].articles.push(m.article.clone());
            }
        }
    }
    for s in &mut out {
        let per_article = |a: &str| -> usize { s.passages.iter().flat_map(|&pi| &passages[pi].members).filter(|m| m.article == a).map(member_len).sum() };
        s.length = s.articles.iter().map(|a| per_article(a)).max().unwrap_or(0);
        s.passages.sort_by_key(|&pi| std::cmp::Reverse(passages[pi].members.iter().map(member_len).max().unwrap_or(0)));
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.length));
    out
}

#[cfg(test)]
mod overview_tests {
    use super::*;
    use crate::model::Member;

    #[test]
    fn pairs_add_up_symmetrically() {
        let m = |art: &str, text: &str| Member { doc: "d".into(), article: art.into(), begin: 0, end: 1, spans: vec![[0, 1]], text: text.into() };
        let ps = vec![
            Passage { id: 0, story: 0, size: 3, members: vec![m("a", "一二三四五六"), m("b", "一二三四五"), m("c", "一二三")], variants: vec![], kind: Default::default() },
            Passage { id: 1, story: 1, size: 2, members: vec![m("a", "甲乙丙丁"), m("b", "甲乙丙丁")], variants: vec![], kind: Default::default() },
        ];
        let o = overview(&ps, &["a".into(), "x".into(), "b".into(), "c".into()]);
        assert_eq!(o.articles, ["a", "b", "c"]);
        assert_eq!(o.shared[0][1], 5 + 4);
        assert_eq!(o.shared[1][0], o.shared[0][1]);
        assert_eq!(o.shared[0][2], 3);
        assert_eq!(o.best[0][1], Some((0, 0, 1)));
        assert_eq!(o.level(0, 1), 5);
        assert_eq!(o.level(0, 0), 0);
    }

    #[test]
    fn stories_group_their_passages_longest_first() {
        let m = |art: &str, text: &str| Member { doc: "d".into(), article: art.into(), begin: 0, end: 1, spans: vec![[0, 1]], text: text.into() };
        let p = |story, members: Vec<Member>| Passage { id: 0, story, size: members.len(), members, variants: vec![], kind: Default::default() };
        let ps = vec![
            p(7, vec![m("a", "甲乙丙"), m("b", "甲乙丙")]),
            p(3, vec![m("c", "一二三四"), m("d", "一二三四")]),
            p(7, vec![m("a", "子丑寅卯辰"), m("b", "子丑寅卯辰"), m("e", "子丑寅卯辰")]),
        ];
        let s = stories(&ps);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].story, s[0].passages.clone(), s[0].length), (7, vec![2, 0], 8));
        assert_eq!(s[0].articles, ["a", "b", "e"]);
        assert_eq!((s[1].story, s[1].length), (3, 4));
    }
}

/// A stretch of text drawn the same way throughout: one word (in the word
/// view) and in or out of one search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    /// Which word of the paragraph this is, when words are shown.
    pub word: Option<usize>,
    /// Which hit of the paragraph this is part of.
    pub hit: Option<usize>,
}

/// Cuts characters `from..from + text.len()` of a paragraph at word ends
/// and hit edges. `word_ends` and `hits` count characters of the whole
/// paragraph, so a highlight segment can be cut on its own.
pub fn runs(text: &str, from: usize, word_ends: Option<&[u32]>, hits: &[(usize, usize)]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let at = from + i;
        let word = word_ends.map(|ends| ends.partition_point(|&e| e as usize <= at));
        let hit = hits.iter().position(|&(b, e)| b <= at && at < e);
        match out.last_mut() {
            Some(r) if r.word == word && r.hit == hit => r.text.push(c),
            _ => out.push(Run { text: c.to_string(), word, hit }),
        }
    }
    out
}

/// Every occurrence of `query` in `text`, as character ranges.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let n = query.chars().count();
    let mut out = Vec::new();
    let mut chars_before = 0;
    let mut last_byte = 0;
    for (byte, _) in text.match_indices(query) {
        chars_before += text[last_byte..byte].chars().count();
        last_byte = byte;
        out.push((chars_before, chars_before + n));
    }
    out
}

#[cfg(test)]
mod run_tests {
    use super::*;

    #[test]
    fn runs_cut_at_word_ends_and_hit_edges_and_keep_every_character() {
        // 托卡耶夫 在 阿斯塔纳 ; a hit on 卡耶夫在.
        let text = "托卡耶夫在阿斯塔纳";
        let r = runs(text, 0, Some(&[4, 5, 9]), &[(1, 5)]);
        let parts: Vec<(&str, Option<usize>, Option<usize>)> = r.iter().map(|r| (r.text.as_str(), r.word, r.hit)).collect();
        assert_eq!(parts, vec![("托", Some(0), None), ("卡耶夫", Some(0), Some(0)), ("在", Some(1), Some(0)), ("阿斯塔纳", Some(2), None)]);
        // A segment from the middle of the paragraph counts from its start.
        let tail = runs("阿斯塔纳", 5, Some(&[4, 5, 9]), &[]);
        assert_eq!(tail, vec![Run { text: "阿斯塔纳".into(), word: Some(2), hit: None }]);
        assert_eq!(runs(text, 0, None, &[]).len(), 1);
    }

    #[test]
    fn find_all_counts_characters_not_bytes() {
        assert_eq!(find_all("中亚与中亚国家", "中亚"), vec![(0, 2), (3, 5)]);
        assert_eq!(find_all("abc", " "), vec![]);
        assert_eq!(find_all("aaa", "aa"), vec![(0, 2)]);
    }

    #[test]
    fn a_link_carries_the_settings_that_differ_from_the_default() {
        let read = Route::Read { doc: "a.txt".into(), article: 2 };
        assert_eq!(link(&read, &Shown::default()), "#/read/a.txt/3?min=20");
        let shown = Shown { settings: crate::reuse::Settings { min_len: 30, boilerplate: true, stock: true }, words: true };
        let hash = link(&read, &shown);
        assert_eq!(hash, "#/read/a.txt/3?min=30&boilerplate&stock&words");
        assert_eq!((Route::parse(&hash), Shown::parse(&hash)), (Some(read), Some(shown)));
        assert_eq!(Shown::parse("#/overview"), None, "no query: the settings stay as they are");
        for (hash, min) in [("#/overview?min=x", 20), ("#/overview?min=", 20), ("#/overview?what&min=40", 40), ("#/overview?", 20)] {
            let parsed = Shown::parse(hash).unwrap();
            assert_eq!((parsed.settings.min_len, parsed.words, parsed.settings.stock), (min, false, false), "{hash}");
        }
        assert_eq!(Shown::parse("#/overview?stock").unwrap().settings, crate::reuse::Settings { stock: true, ..Default::default() });
        assert_eq!(Shown::parse("#/overview?boilerplate").unwrap().settings, crate::reuse::Settings { boilerplate: true, ..Default::default() });
        assert!(Shown::parse("#/overview?words").unwrap().words);
        assert_eq!(Route::parse("#/concordance/%E4%B8%AD?words"), Some(Route::Search { query: "中".into(), concordance: true }));
    }
}
