//! Reflow informed by reuse: what other papers' copies of a report say
//! about how this page's articles go together.
//!
//! A page is first reflowed on its own. When other documents of the corpus
//! print the same reports, the alignments of the shared passages say three
//! things the page alone cannot. 001 in the seeds shows all three:
//! - **A run printed inside another article.** Three paragraphs of the
//!   "Xi returns to Beijing" report stand inside the article beside it,
//!   glued to a paragraph cut mid-sentence. Another paper's copy of the
//!   report holds those paragraphs, and the rest of that copy aligns with
//!   this page's "returns" article, which lacks them. So they belong there.
//! - **An article cut in two.** A headline block printed mid-article makes
//!   two articles, and both align, in order, with one article elsewhere.
//! - **The headline.** A headline block of kicker, subtitle and title flattened
//!   into one line: the other papers print which part is the title.
//!
//! [`witnessed`] reads these hints off the passages (model types only, so
//! it works the same on passages found here or imported from passim); the
//! reflow applies them when it assembles the page again
//! ([`super::reflow_chars_witnessed`]), checking each against the page's own
//! text, so a hint that does not fit the page changes nothing.

use std::collections::{BTreeMap, HashMap};

use crate::model::{DocumentAnalysis, MarkerKind, Passage, PassageKind};
use crate::reuse::normalize::fold;
use crate::text::Space;

/// A stretch of the page, `[begin, end)` in code points, that belongs to
/// the article holding the offset `home`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub begin: usize,
    pub end: usize,
    pub home: usize,
}

/// What other documents say about one page. Articles are named by an
/// offset of their body, which survives the page being assembled again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Witnessed {
    pub moves: Vec<Move>,
    /// Two articles (by an offset in each, in reading order) that are one.
    pub joins: Vec<[usize; 2]>,
    /// The title other papers print for the article holding the offset.
    pub titles: Vec<(usize, String)>,
}

impl Witnessed {
    pub fn is_empty(&self) -> bool {
        self.moves.is_empty() && self.joins.is_empty() && self.titles.is_empty()
    }
}

/// Share of an article's body another article must align with to count as
/// a copy of it.
const COPY_SHARE: f32 = 0.4;
/// Largest share of an article a run printed inside it may have.
const RUN_SHARE: f32 = 0.3;
/// Shortest run worth moving, in code points.
const RUN_MIN: usize = 20;
/// Members this close (in code points) make one stretch.
const STRETCH_GAP: usize = 12;

/// One witnessed piece: `[begin, end)` on this page and `[w_begin, w_end)`
/// in the witness's document.
#[derive(Debug, Clone, Copy)]
struct Piece {
    begin: usize,
    end: usize,
    w_begin: usize,
    w_end: usize,
}

/// The hints for every document of `documents`, read off `passages`, in
/// one pass over the passages (a corpus of thousands of pages must not
/// read every passage once per page).
pub fn witnessed(documents: &[DocumentAnalysis], passages: &[Passage]) -> Vec<Witnessed> {
    let doc_index: HashMap<&str, usize> = documents.iter().enumerate().map(|(k, d)| (d.id.as_str(), k)).collect();
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); documents.len()];
    for (k, p) in passages.iter().enumerate().filter(|(_, p)| p.kind == PassageKind::Reuse) {
        let mut docs: Vec<usize> = p.members.iter().filter_map(|m| doc_index.get(m.doc.as_str()).copied()).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() > 1 {
            for d in docs {
                touching[d].push(k);
            }
        }
    }
    let titles: HashMap<&str, Option<&str>> = documents
        .iter()
        .filter(|d| !touching[doc_index[d.id.as_str()]].is_empty())
        .flat_map(|e| e.articles.iter())
        .map(|a| (a.id.as_str(), a.title.as_deref()))
        .collect();
    // A page at a time, on every core: each reads only its own passages.
    crate::parallel::map((0..documents.len()).collect(), |d| witnessed_one(&documents[d], touching[d].iter().map(|&k| &passages[k]), &titles))
}

/// The hints for one page, from the passages that touch it.
fn witnessed_one<'a>(d: &DocumentAnalysis, passages: impl Iterator<Item = &'a Passage>, titles: &HashMap<&str, Option<&str>>) -> Witnessed {
    let mut out = Witnessed::default();
    if d.articles.is_empty() {
        return out;
    }
    let index: HashMap<&str, usize> = d.articles.iter().enumerate().map(|(k, a)| (a.id.as_str(), k)).collect();
    // cover[k][witness article id] = the pieces of article k it aligns with.
    // Ordered: the runs moved and the titles voted follow its order, and a
    // page must reflow the same way every time.
    let mut cover: Vec<BTreeMap<&str, Vec<Piece>>> = vec![BTreeMap::new(); d.articles.len()];
    for p in passages {
        for m in p.members.iter().filter(|m| m.doc == d.id) {
            let Some(&k) = index.get(m.article.as_str()) else { continue };
            for w in p.members.iter().filter(|w| w.doc != d.id) {
                cover[k].entry(w.article.as_str()).or_default().push(Piece { begin: m.begin, end: m.end, w_begin: w.begin, w_end: w.end });
            }
        }
    }
    let body: Vec<usize> = d.articles.iter().map(|a| a.body_chars().max(1)).collect();
    let anchor: Vec<Option<usize>> = d
        .articles
        .iter()
        .map(|a| {
            a.paragraphs
                .first()
                .and_then(|p| p.spans.first())
                .or(a.spans.first())
                .map(|s| s[0])
        })
        .collect();
    let covered =
        |pieces: &[Piece]| -> usize { stretches(pieces).iter().map(|s| s.end - s.begin).sum() };
    let share = |k: usize, w: &str| {
        cover[k]
            .get(w)
            .map_or(0.0, |p| covered(p) as f32 / body[k] as f32)
    };

    // An article cut in two: both halves copies of one article, in its order.
    for k in 0..d.articles.len().saturating_sub(1) {
        let (a, b) = (&d.articles[k], &d.articles[k + 1]);
        if b.dateline.is_some() || a.markers.iter().any(|m| m.kind == MarkerKind::ContinuedOn) {
            continue;
        }
        let joined = cover[k].iter().any(|(w, first)| {
            let Some(second) = cover[k + 1].get(w) else {
                return false;
            };
            share(k, w) >= COPY_SHARE
                && share(k + 1, w) >= COPY_SHARE
                && first.iter().map(|p| p.w_end).max() <= second.iter().map(|p| p.w_begin).min()
        });
        if let (true, Some(x), Some(y)) = (joined, anchor[k], anchor[k + 1]) {
            out.joins.push([x, y]);
        }
    }

    // A run inside another article: a small part of this article, aligned
    // with a copy of another article of the page, and with a part of that
    // copy the other article lacks (so it is not a quotation of it).
    for (k, witnesses) in cover.iter().enumerate() {
        for (w, pieces) in witnesses {
            if share(k, w) > RUN_SHARE {
                continue;
            }
            let home = (0..d.articles.len())
                .filter(|&b| b != k && share(b, w) >= COPY_SHARE)
                .max_by(|&x, &y| share(x, w).total_cmp(&share(y, w)));
            let Some(home) = home else { continue };
            let Some(home_anchor) = anchor[home] else {
                continue;
            };
            let home_pieces = &cover[home][w];
            for s in stretches(pieces) {
                let in_home = home_pieces
                    .iter()
                    .any(|h| h.w_begin < s.w_end && s.w_begin < h.w_end);
                let run = Move { begin: s.begin, end: s.end, home: home_anchor };
                // Each witness that prints the report says the same: the
                // move is listed once.
                if s.end - s.begin >= RUN_MIN && !in_home && !out.moves.contains(&run) {
                    out.moves.push(run);
                }
            }
        }
    }

    // The title the copies print, where this article's headline holds it.
    for (k, a) in d.articles.iter().enumerate() {
        let Some(anchor) = anchor[k] else { continue };
        let heading: String = a
            .title
            .iter()
            .chain(&a.subtitle)
            .flat_map(|t| t.chars())
            .filter(|c| !c.is_space())
            .map(fold)
            .collect();
        let own: String = a
            .title
            .iter()
            .flat_map(|t| t.chars())
            .filter(|c| !c.is_space())
            .map(fold)
            .collect();
        let mut votes: HashMap<String, (usize, String)> = HashMap::new();
        for w in cover[k].keys().filter(|w| share(k, w) >= RUN_SHARE) {
            let Some(Some(t)) = titles.get(w) else {
                continue;
            };
            let folded: String = t.chars().filter(|c| !c.is_space()).map(fold).collect();
            if folded.chars().count() >= 4 && folded != own && heading.contains(&folded) {
                votes.entry(folded).or_insert((0, (*t).to_owned())).0 += 1;
            }
        }
        if let Some((_, (_, title))) = votes.into_iter().max_by(|x, y| {
            x.1 .0
                .cmp(&y.1 .0)
                .then(x.0.len().cmp(&y.0.len()))
                .then(y.0.cmp(&x.0))
        }) {
            out.titles.push((anchor, title));
        }
    }
    out
}

/// Pieces merged where they touch or nearly do, in page order.
fn stretches(pieces: &[Piece]) -> Vec<Piece> {
    let mut sorted = pieces.to_vec();
    sorted.sort_by_key(|p| (p.begin, p.end));
    let mut out: Vec<Piece> = Vec::new();
    for p in sorted {
        match out.last_mut() {
            Some(l) if p.begin <= l.end + STRETCH_GAP => {
                l.end = l.end.max(p.end);
                l.w_begin = l.w_begin.min(p.w_begin);
                l.w_end = l.w_end.max(p.w_end);
            }
            _ => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Marker, Member, Paragraph};

    /// An article of `doc` with a body of `len` characters at `begin`.
    fn article(doc: &str, k: usize, begin: usize, len: usize, title: Option<&str>) -> Article {
        Article {
            id: format!("{doc}#{k}"),
            title: title.map(str::to_owned),
            spans: vec![[begin, begin + len]],
            paragraphs: vec![Paragraph {
                text: "字".repeat(len),
                spans: vec![[begin, begin + len]],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn doc(id: &str, articles: Vec<Article>) -> DocumentAnalysis {
        DocumentAnalysis {
            id: id.to_owned(),
            articles,
            ..Default::default()
        }
    }

    fn member(doc: &str, k: usize, begin: usize, end: usize) -> Member {
        Member {
            doc: doc.to_owned(),
            article: format!("{doc}#{k}"),
            begin,
            end,
            spans: vec![[begin, end]],
            text: String::new(),
        }
    }

    /// A passage between `a` (doc, article, begin, end) and `b`.
    fn passage(a: (&str, usize, usize, usize), b: (&str, usize, usize, usize)) -> Passage {
        Passage {
            id: 0,
            story: 0,
            size: 2,
            members: vec![member(a.0, a.1, a.2, a.3), member(b.0, b.1, b.2, b.3)],
            variants: vec![],
            kind: PassageKind::Reuse,
        }
    }

    /// Page `p`: articles of 100 characters at 0 and 100; the witness `w`
    /// has one article of 300.
    fn corpus(second: Article) -> Vec<DocumentAnalysis> {
        vec![
            doc("p", vec![article("p", 1, 0, 100, None), second]),
            doc("w", vec![article("w", 1, 0, 300, Some("标题"))]),
        ]
    }

    #[test]
    fn an_article_cut_in_two_is_joined_when_both_halves_copy_one_article_in_order() {
        let docs = corpus(article("p", 2, 100, 100, Some("另一个题")));
        let halves = [
            passage(("p", 1, 10, 60), ("w", 1, 0, 50)),
            passage(("p", 2, 100, 150), ("w", 1, 60, 110)),
        ];
        assert_eq!(witnessed(&docs, &halves)[0].joins, [[0, 100]]);
        // Out of the witness's order: two reports that quote each other.
        let swapped = [
            passage(("p", 1, 10, 60), ("w", 1, 60, 110)),
            passage(("p", 2, 100, 150), ("w", 1, 0, 50)),
        ];
        assert!(witnessed(&docs, &swapped)[0].joins.is_empty());
        // Too little of one half is the copy's.
        let thin = [
            passage(("p", 1, 10, 60), ("w", 1, 0, 50)),
            passage(("p", 2, 100, 130), ("w", 1, 60, 90)),
        ];
        assert!(witnessed(&docs, &thin)[0].joins.is_empty());
        let mut dated = article("p", 2, 100, 100, None);
        dated.dateline = Some("新华社北京6月18日电".into());
        assert!(
            witnessed(&corpus(dated), &halves)[0].joins.is_empty(),
            "a dateline starts a report of its own"
        );
        let mut jumped = corpus(article("p", 2, 100, 100, None));
        jumped[0].articles[0].markers.push(Marker {
            kind: MarkerKind::ContinuedOn,
            text: "（下转第二版）".into(),
            spans: vec![],
        });
        assert!(
            witnessed(&jumped, &halves)[0].joins.is_empty(),
            "an article that jumps goes on elsewhere"
        );
    }

    #[test]
    fn a_run_goes_home_only_if_the_home_copy_lacks_it() {
        let docs = corpus(article("p", 2, 100, 100, None));
        // Article 1 is mostly w's copy; a 25-character run of article 2 is
        // the part of w that article 1 lacks.
        let home = passage(("p", 1, 0, 60), ("w", 1, 0, 60));
        let run = passage(("p", 2, 140, 165), ("w", 1, 60, 85));
        assert_eq!(
            witnessed(&docs, &[home.clone(), run])[0].moves,
            [Move {
                begin: 140,
                end: 165,
                home: 0
            }]
        );
        // The same words the home article already has: a quotation.
        let quote = passage(("p", 2, 140, 165), ("w", 1, 20, 45));
        assert!(witnessed(&docs, &[home.clone(), quote])[0].moves.is_empty());
        let short = passage(("p", 2, 140, 155), ("w", 1, 60, 75));
        assert!(
            witnessed(&docs, &[home.clone(), short])[0].moves.is_empty(),
            "shorter than a run"
        );
        let most = passage(("p", 2, 100, 135), ("w", 1, 60, 95));
        assert!(
            witnessed(&docs, &[home.clone(), most])[0].moves.is_empty(),
            "a third of the article is no run inside it"
        );
        // The home copy holds what comes after the run in the witness, up to its edge.
        let after = passage(("p", 1, 0, 60), ("w", 1, 85, 145));
        let run = passage(("p", 2, 140, 165), ("w", 1, 60, 85));
        assert_eq!(witnessed(&docs, &[after, run])[0].moves.len(), 1);
        // A run of exactly the largest share still moves.
        let third = passage(("p", 2, 100, 130), ("w", 1, 60, 90));
        assert_eq!(witnessed(&docs, &[home.clone(), third])[0].moves.len(), 1);
        let no_home = passage(("p", 2, 140, 165), ("w", 1, 60, 85));
        assert!(witnessed(&docs, &[no_home])[0].moves.is_empty());
    }

    #[test]
    fn a_run_two_witnesses_send_home_is_one_move() {
        let mut docs = corpus(article("p", 2, 100, 100, None));
        docs.push(doc("v", vec![article("v", 1, 0, 300, Some("标题"))]));
        let hints = witnessed(
            &docs,
            &[
                passage(("p", 1, 0, 60), ("w", 1, 0, 60)),
                passage(("p", 2, 140, 165), ("w", 1, 60, 85)),
                passage(("p", 1, 0, 60), ("v", 1, 0, 60)),
                passage(("p", 2, 140, 165), ("v", 1, 60, 85)),
            ],
        );
        assert_eq!(hints[0].moves, [Move { begin: 140, end: 165, home: 0 }]);
    }

    #[test]
    fn hints_are_empty_only_when_all_three_kinds_are() {
        assert!(Witnessed::default().is_empty());
        let m = Move { begin: 0, end: 1, home: 2 };
        assert!(!Witnessed { moves: vec![m], ..Default::default() }.is_empty());
        assert!(!Witnessed { joins: vec![[0, 1]], ..Default::default() }.is_empty());
        assert!(!Witnessed { titles: vec![(0, "题".into())], ..Default::default() }.is_empty());
    }

    #[test]
    fn nearby_pieces_make_one_stretch() {
        let p = |begin, end| Piece {
            begin,
            end,
            w_begin: begin,
            w_end: end,
        };
        let s = stretches(&[p(30, 40), p(0, 20), p(20 + STRETCH_GAP, 25 + STRETCH_GAP)]);
        assert_eq!(
            s.iter().map(|s| (s.begin, s.end)).collect::<Vec<_>>(),
            [(0, 40)]
        );
        let s = stretches(&[p(0, 20), p(21 + STRETCH_GAP, 30 + STRETCH_GAP)]);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn the_title_the_copies_print_where_the_headline_holds_it() {
        let mut docs = corpus(article("p", 2, 100, 100, Some("推动合作更加紧密")));
        docs[0].articles[1].subtitle = Some("——出席峰会 弘扬 精神，致力友好".into());
        docs[1].articles[0].title = Some("弘扬精神，致力友好".into());
        let copy = [passage(("p", 2, 100, 160), ("w", 1, 0, 60))];
        assert_eq!(
            witnessed(&docs, &copy)[0].titles,
            [(100, "弘扬精神，致力友好".to_owned())]
        );
        // Dash and width variants are one title.
        docs[1].articles[0].title = Some("弘扬精神,致力友好".into());
        assert_eq!(witnessed(&docs, &copy)[0].titles.len(), 1);
        docs[1].articles[0].title = Some("推动合作更加紧密".into());
        assert!(
            witnessed(&docs, &copy)[0].titles.is_empty(),
            "already its title"
        );
        docs[1].articles[0].title = Some("出席".into());
        assert!(
            witnessed(&docs, &copy)[0].titles.is_empty(),
            "too short to tell"
        );
        docs[1].articles[0].title = Some("弘扬精神，致力友好".into());
        let slight = [passage(("p", 2, 100, 120), ("w", 1, 0, 20))];
        assert!(
            witnessed(&docs, &slight)[0].titles.is_empty(),
            "a quotation says nothing of the title"
        );
    }
}
