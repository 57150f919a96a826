//! Stock phrases: shared text that is real but says nothing about reuse,
//! a name with a title, an attribution, a formula. Hidden by default.

use rustc_hash::{FxHashMap, FxHashSet};

use super::normalize::ArticleText;
use super::witness::Stretch;
use super::{gram_hash, long_passage, Settings, K};
use crate::model::{Passage, PassageKind};

/// Tells whether a text is only names, titles and places (the CLI and the
/// worker pass [`crate::segment::Segmenter::is_only_names`] when they have
/// a dictionary; without one the other two signals decide).
pub type NamesOnly<'a> = &'a dyn Fn(&str) -> bool;

/// Title words a name comes with (`外长`, `总统`, `社长` …): nouns that end
/// like an office.
const TITLE_ENDINGS: &[&str] = &["长", "员", "统", "席", "理", "使", "官", "书记", "主任", "记者", "专家", "总裁", "董事", "代表", "顾问", "教授", "博士", "大使"];

/// Whether tagged words (jieba's tag set) are only names, titles and
/// places: at least three quarters of the characters that are not
/// punctuation are in person (`nr…`), place (`ns…`, `s`, `f`),
/// organisation (`nt…`, `nz`) or unknown (`x`, mostly transliterated
/// names) words, or in nouns that are titles. One stray word a name is
/// mis-cut into (`托`/`卡耶夫`) does not tip it.
pub fn only_names(tagged: &[(&str, &str)]) -> bool {
    let mut named = 0;
    let mut content = 0;
    for (word, tag) in tagged {
        let n = word.chars().filter(|c| c.is_alphanumeric()).count();
        if n == 0 {
            continue; // punctuation
        }
        content += n;
        let title = *tag == "n" && word.chars().count() >= 2 && TITLE_ENDINGS.iter().any(|e| word.ends_with(e));
        let name = ["nr", "ns", "nt", "nz"].iter().any(|p| tag.starts_with(p)) || ["x", "s", "f"].contains(tag);
        if name || title {
            named += n;
        }
    }
    content > 0 && named * 4 >= content * 3
}

/// Passages of one stretch of shared text meet within this many characters
/// (a trimmed mark, an indel where the witness set changes).
const CONTIGUOUS: usize = 3;

/// Stock phrases: short shared text that says nothing about reuse. On a
/// passage whose longest member is short, and that is not a piece of a
/// longer shared stretch (most of its members run on into another
/// passage), any of these signals:
/// - its articles share nothing long (a name with a title, an
///   attribution, quoted in two unrelated reports);
/// - most of its grams occur in more articles than it has witnesses (a
///   formula the corpus repeats everywhere, TextPAIR's banality test);
/// - its words are only names, titles and places by jieba's
///   part-of-speech tags, when a tagger is given ([`only_names`]).
pub(super) fn mark_stock(passages: &mut [Passage], stretches: &[Vec<Stretch>], texts: &[ArticleText], settings: Settings, names: Option<NamesOnly>) {
    let short = (settings.min_len + 10).max(30);
    let length = |s: &[Stretch]| s.iter().map(|m| m.end - m.begin).max().unwrap_or(0);
    // Article pairs that share a long passage.
    let long = long_passage(settings);
    let mut linked: FxHashSet<(usize, usize)> = Default::default();
    for s in stretches.iter().filter(|s| length(s) >= long) {
        for (i, a) in s.iter().enumerate() {
            for b in &s[i + 1..] {
                linked.insert((a.article.min(b.article), a.article.max(b.article)));
            }
        }
    }
    // Where every passage member lies, per article, to tell a piece of a
    // longer shared stretch (a witness set changing for a sentence inside
    // a report) from a phrase standing on its own.
    let mut placed: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for s in stretches {
        for m in s {
            placed.entry(m.article).or_default().push((m.begin, m.end));
        }
    }
    let continues = |m: &Stretch| {
        placed.get(&m.article).is_some_and(|v| v.iter().any(|&(b, e)| (e <= m.begin && m.begin - e <= CONTIGUOUS) || (b >= m.end && b - m.end <= CONTIGUOUS)))
    };
    let piece_of_more = |s: &[Stretch]| 2 * s.iter().filter(|m| continues(m)).count() > s.len();
    let candidates: Vec<usize> =
        (0..passages.len()).filter(|&i| passages[i].kind == PassageKind::Reuse && length(&stretches[i]) <= short && !piece_of_more(&stretches[i])).collect();
    // Articles each candidate gram occurs in (counted once per article).
    let mut df: FxHashMap<u64, (u32, u32)> = FxHashMap::default(); // hash -> (articles, last article + 1)
    for &i in &candidates {
        let m = stretches[i][0];
        for w in texts[m.article].norm[m.begin..m.end].windows(K) {
            df.insert(gram_hash(w), (0, 0));
        }
    }
    if !df.is_empty() {
        // The whole corpus is read here: a range of articles per task, each
        // counting into its own copy of the table, the counts then summed.
        let counted = crate::parallel::map(crate::parallel::ranges(texts.len()), |range| {
            let mut mine = df.clone();
            for a in range {
                for w in texts[a].norm.windows(K) {
                    if let Some(e) = mine.get_mut(&gram_hash(w)) {
                        if e.1 != a as u32 + 1 {
                            *e = (e.0 + 1, a as u32 + 1);
                        }
                    }
                }
            }
            mine
        });
        for mine in counted {
            for (h, (n, _)) in mine {
                if let Some(e) = df.get_mut(&h) {
                    e.0 += n;
                }
            }
        }
    }
    for i in candidates {
        let s = &stretches[i];
        let isolated = s.iter().enumerate().all(|(k, a)| s[k + 1..].iter().all(|b| a.article == b.article || !linked.contains(&(a.article.min(b.article), a.article.max(b.article)))));
        let witnesses = {
            let mut a: Vec<usize> = s.iter().map(|m| m.article).collect();
            a.sort_unstable();
            a.dedup();
            a.len() as u32
        };
        let m = s[0];
        let grams: Vec<u64> = texts[m.article].norm[m.begin..m.end].windows(K).map(gram_hash).collect();
        let elsewhere = grams.iter().filter(|g| df.get(g).is_some_and(|e| e.0 > witnesses)).count();
        let banal = !grams.is_empty() && elsewhere * 2 > grams.len();
        // Tagging is the dear test: only when the others say no.
        if isolated || banal || names.is_some_and(|only_names| only_names(&passages[i].members[0].text)) {
            passages[i].kind = PassageKind::Stock;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;
    use crate::reuse::normalize::unit;

    #[test]
    fn a_short_passage_said_in_more_articles_than_its_witnesses_is_a_stock_phrase() {
        // Articles 0 and 1 share a long report (so their short passages
        // are not isolated), and two short passages: P, which article 2
        // prints too (three articles, two witnesses), and Q, which article
        // 0 prints twice and no other article does (two articles).
        let report = "国务院总理主持召开国务院常务会议部署进一步做好稳就业工作研究推动制造业高质量发展的政策措施审议通过有关条例草案会议指出就业是最基本的民生";
        let (p, q) = ("全面贯彻落实党的二十大精神推动经济实现质的有效提升", "坚持稳中求进工作总基调完整准确全面贯彻新发展理念");
        let mut own = 0x3400u16;
        let mut filler = || -> Vec<u16> {
            (0..10)
                .map(|_| {
                    own += 1;
                    own
                })
                .collect()
        };
        let mut texts: Vec<ArticleText> = Vec::new();
        let mut stretch_of: FxHashMap<(usize, &str), Stretch> = FxHashMap::default();
        for (a, pieces) in [vec![report, p, q, q], vec![report, p, q], vec![p]].into_iter().enumerate() {
            let mut norm = filler();
            for piece in pieces {
                stretch_of.entry((a, piece)).or_insert(Stretch { article: a, begin: norm.len(), end: norm.len() + piece.chars().count() });
                norm.extend(piece.chars().map(unit));
                norm.extend(filler());
            }
            texts.push(ArticleText { norm, ..Default::default() });
        }
        let stretches: Vec<Vec<Stretch>> = [report, p, q].iter().map(|piece| vec![stretch_of[&(0, *piece)], stretch_of[&(1, *piece)]]).collect();
        let member = |piece: &str| Member { doc: String::new(), article: String::new(), begin: 0, end: 0, spans: Vec::new(), text: piece.to_owned() };
        let mut passages: Vec<Passage> = [report, p, q]
            .iter()
            .map(|piece| Passage { id: 0, story: 0, size: 2, members: vec![member(piece), member(piece)], variants: Vec::new(), kind: PassageKind::Reuse })
            .collect();
        mark_stock(&mut passages, &stretches, &texts, Settings::default(), None);
        let kinds: Vec<PassageKind> = passages.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [PassageKind::Reuse, PassageKind::Stock, PassageKind::Reuse], "a phrase twice in one article counts that article once");
    }

    #[test]
    fn names_with_titles_are_names_formulas_are_not() {
        // As jieba tags them (see `Segmenter::tag`).
        let name = [("吉尔吉斯斯坦", "nrt"), ("前", "f"), ("外长", "n"), ("阿利", "ns"), ("克", "m"), ("别克", "nr"), ("·", "x"), ("叶克申", "x"), ("库洛夫", "nr")];
        assert!(only_names(&name));
        let attribution = [("。", "x"), ("”", "x"), ("土库曼斯坦", "ns"), ("东方", "s"), ("通讯社", "nt"), ("社长", "n"), ("阿曼", "nr"), ("萨雷耶夫", "x")];
        assert!(only_names(&attribution));
        let mis_cut = [("哈萨克斯坦", "nrt"), ("总统", "n"), ("托", "v"), ("卡耶夫", "nr")];
        assert!(only_names(&mis_cut));
        let formula = [("，", "x"), ("推动", "v"), ("国际", "n"), ("秩序", "n"), ("朝着", "p"), ("更加", "d"), ("公正", "nr"), ("合理", "vn"), ("的", "uj"), ("方向", "n"), ("发展", "vn"), ("。", "x")];
        assert!(!only_names(&formula));
        let slogan = [("“", "x"), ("中国", "ns"), ("—", "x"), ("中亚", "ns"), ("精神", "n"), ("”", "x")];
        assert!(!only_names(&slogan), "two places and a plain noun: 4 of 6");
        assert!(!only_names(&[("。", "x")]), "punctuation alone is nothing");
        assert!(!only_names(&[("国际", "n"), ("秩序", "n")]), "nouns that are not titles");
    }
}
