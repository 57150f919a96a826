//! The second reprint generator, built apart from the first so that a
//! figure on it is not a figure on what the engine was tuned on.
//!
//! Where [`super::reprint_corpus`] writes Markov text from the seeds and
//! edits it with random substitutions, this one takes real news items (the
//! CCTV sample in `tests/fixtures/cctv-sample/`, or the whole development
//! set) and reprints them the ways papers do, each with exact character
//! gold:
//! - in full, as a lead only, or one half (two papers printing the two
//!   halves of one report share nothing with each other);
//! - with two paragraphs transposed, a sentence cut, or the broadcaster's
//!   opening (`央视网消息（新闻联播）：`) replaced by the paper's own;
//! - as a quote of one or two sentences inside a paper's own article;
//! - with OCR slips of the kind real scans make: visually confusable
//!   characters (`己`/`已`, `未`/`末`), dropped characters, and half-width
//!   punctuation;
//! - laid out as a plain dump: indented paragraphs hard-wrapped at 12–28
//!   characters, a page header line, articles one after another.
//!
//! The papers' own articles come from items that share no 12-character
//! stretch with any reprinted item; a paragraph of them two papers both
//! print is shared in the gold too, so the gold is exact.

use std::collections::HashSet;

use super::StoryPos;

/// A news item: its title and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// Reads items in the development format: the title, a blank line, then
/// paragraphs separated by blank lines.
/// Subheadings (paragraphs that end without a sentence mark, as in the
/// several-stories items) are left out: a paper prints them as headings,
/// which are not passage text.
pub fn parse_item(text: &str) -> Option<Item> {
    let mut blocks = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty());
    let title = blocks.next()?.to_owned();
    let paragraphs: Vec<String> = blocks.map(|b| b.replace('\n', "")).filter(|p| tongwen::text::ends_sentence(p)).collect();
    (!paragraphs.is_empty()).then_some(Item { title, paragraphs })
}

/// Every `*.txt` item in `dir`, in file-name order.
pub fn items_in(dir: &std::path::Path) -> Vec<Item> {
    let mut files: Vec<std::path::PathBuf> =
        std::fs::read_dir(dir).map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect()).unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).filter_map(|t| parse_item(&t)).collect()
}

/// Pages and their gold: per page, input offset → story position.
pub struct WireCorpus {
    pub texts: Vec<String>,
    pub tags: Vec<Vec<(usize, StoryPos)>>,
    /// The text of each story a position points into: the reprinted
    /// stories (their paragraphs joined), then each paragraph of the
    /// papers' own.
    pub sources: Vec<String>,
    /// How many of `sources` are reprinted stories.
    pub reprinted: usize,
}

/// Pairs a scan confuses, both ways.
const CONFUSABLE: [(char, char); 14] = [
    ('己', '已'),
    ('未', '末'),
    ('土', '士'),
    ('日', '曰'),
    ('人', '入'),
    ('大', '太'),
    ('天', '夭'),
    ('千', '干'),
    ('于', '干'),
    ('刀', '力'),
    ('贝', '见'),
    ('间', '问'),
    ('设', '没'),
    ('责', '贵'),
];

const BROADCAST_OPENING: &str = "央视网消息（新闻联播）：";

/// A page being written: its characters and the gold of each.
#[derive(Default)]
struct PageWriter {
    text: Vec<char>,
    tags: Vec<(usize, StoryPos)>,
}

impl PageWriter {
    fn plain(&mut self, s: &str) {
        self.text.extend(s.chars());
    }

    /// One paragraph, indented and hard-wrapped at `width` characters.
    fn paragraph(&mut self, chars: &[(char, Option<StoryPos>)], width: usize) {
        self.plain("　　");
        let mut col = 2;
        for &(c, tag) in chars {
            if col >= width {
                self.text.push('\n');
                col = 0;
            }
            if let Some(t) = tag {
                self.tags.push((self.text.len(), t));
            }
            self.text.push(c);
            col += 1;
        }
        self.text.push('\n');
    }
}

/// Splits a paragraph into sentences (closing quotes stay with theirs).
fn sentences(p: &[(char, Option<StoryPos>)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < p.len() {
        if matches!(p[i].0, '。' | '！' | '？') {
            while i + 1 < p.len() && matches!(p[i + 1].0, '”' | '’' | '」') {
                i += 1;
            }
            out.push(start..i + 1);
            start = i + 1;
        }
        i += 1;
    }
    if start < p.len() {
        out.push(start..p.len());
    }
    out
}

/// Applies a scan's slips at `rate`: confusable characters (the position
/// keeps its gold: it is the same printed character misread), dropped
/// characters, and half-width commas and colons.
fn scan(rng: &mut fastrand::Rng, p: &mut Vec<(char, Option<StoryPos>)>, rate: f64) {
    let mut out = Vec::with_capacity(p.len());
    for &(c, tag) in p.iter() {
        if rng.f64() < rate / 4.0 && tongwen::text::is_cjk(c) {
            continue; // dropped
        }
        let c = if rng.f64() < rate {
            CONFUSABLE.iter().find_map(|&(a, b)| if c == a { Some(b) } else if c == b { Some(a) } else { None }).unwrap_or(c)
        } else {
            c
        };
        let c = match c {
            '，' if rng.f64() < rate * 2.0 => ',',
            '：' if rng.f64() < rate * 2.0 => ':',
            c => c,
        };
        out.push((c, tag));
    }
    *p = out;
}

/// A paper's own headline: the opening words of one of its own paragraphs
/// (a story's title would be shared text the gold does not count).
fn headline(rng: &mut fastrand::Rng, own: &[String]) -> String {
    let p = own.get(rng.usize(..own.len().max(1))).map_or("本报消息", String::as_str);
    p.chars().take_while(|c| !matches!(c, '，' | '。' | '：' | '；')).take(rng.usize(8..=16)).collect()
}

/// Builds `papers` pages reprinting the first half of `items` (stories) among
/// the papers' own articles, drawn from the second half (items that repeat
/// text taken already are left out).
pub fn wire_corpus(seed: u64, items: &[Item], papers: usize) -> WireCorpus {
    const N: usize = 12;
    let mut rng = fastrand::Rng::with_seed(seed);
    let (first, rest) = items.split_at(items.len() / 2);
    // Real items repeat each other (a report quoted on later days, a list
    // of names): a story, or a paragraph of the papers' own, is taken only
    // if it shares no stretch of N characters with any taken before, so
    // text two pages share is always text the gold says they share.
    let mut seen: HashSet<Vec<char>> = HashSet::new();
    let mut fresh = |text: &str| -> bool {
        // The broadcaster's opening is replaced wherever it is printed.
        let cs: Vec<char> = text.replace(BROADCAST_OPENING, "").chars().collect();
        if cs.windows(N).any(|w| seen.contains(w)) {
            return false;
        }
        seen.extend(cs.windows(N).map(<[char]>::to_vec));
        true
    };
    let stories: Vec<&Item> = first.iter().filter(|i| fresh(&i.paragraphs.concat())).collect();
    let own: Vec<String> = rest.iter().flat_map(|i| i.paragraphs.iter()).map(|p| p.replace(BROADCAST_OPENING, "")).filter(|p| fresh(p)).collect();
    // Popular stories are reprinted more: the first ones weigh most.
    let pick_story = |rng: &mut fastrand::Rng| -> usize {
        let k = stories.len().max(1);
        (rng.f64().powi(2) * k as f64) as usize % k
    };
    let mut texts = Vec::new();
    let mut tags_all = Vec::new();
    for paper in 0..papers {
        let mut w = PageWriter::default();
        let width = rng.usize(12..=28);
        w.plain(&format!("2024年3月{}日 星期{} 第{}版\n\n", rng.u8(1..=31), ["一", "二", "三", "四", "五", "六", "日"][rng.usize(..7)], rng.u8(1..=12)));
        let mut articles: Vec<(String, Vec<Vec<(char, Option<StoryPos>)>>)> = Vec::new();
        let mut printed = Vec::new();
        for _ in 0..rng.usize(1..=3) {
            let s = pick_story(&mut rng);
            if stories.is_empty() || printed.contains(&s) {
                continue;
            }
            printed.push(s);
            let story = stories[s];
            let mut at = 0u32;
            let mut paras: Vec<Vec<(char, Option<StoryPos>)>> = story
                .paragraphs
                .iter()
                .map(|p| {
                    p.chars()
                        .map(|c| {
                            at += 1;
                            (c, Some((s as u32, at - 1)))
                        })
                        .collect()
                })
                .collect();
            // What the paper takes: all, the lead, or one half.
            let n = paras.len();
            match rng.u8(..20) {
                0..=2 => paras.truncate(rng.usize(1..=2.min(n))),
                3..=5 if n >= 2 => {
                    let half = n / 2;
                    if paper % 2 == 0 {
                        paras.truncate(half);
                    } else {
                        paras.drain(..half);
                    }
                }
                _ => {}
            }
            // Its own opening for the broadcaster's.
            if let Some(first) = paras.first_mut() {
                let opening: Vec<char> = BROADCAST_OPENING.chars().collect();
                if first.iter().map(|x| x.0).take(opening.len()).eq(opening.iter().copied()) {
                    first.drain(..opening.len());
                    let own_opening = match rng.u8(..3) {
                        0 => "本报讯　".to_owned(),
                        1 => format!("新华社北京3月{}日电　", rng.u8(1..=31)),
                        _ => format!("本报北京3月{}日讯　", rng.u8(1..=31)),
                    };
                    first.splice(0..0, own_opening.chars().map(|c| (c, None)));
                }
            }
            // Two paragraphs transposed; a sentence cut.
            if paras.len() >= 3 && rng.u8(..5) == 0 {
                let i = rng.usize(..paras.len() - 1);
                paras.swap(i, i + 1);
            }
            if rng.u8(..4) == 0 {
                let k = rng.usize(..paras.len());
                let ss = sentences(&paras[k]);
                if ss.len() >= 2 {
                    let cut = ss[rng.usize(..ss.len())].clone();
                    paras[k].drain(cut);
                }
            }
            let rate = [0.0, 0.0, 0.005, 0.01, 0.02, 0.04][rng.usize(..6)];
            for p in &mut paras {
                scan(&mut rng, p, rate);
            }
            paras.retain(|p| !p.is_empty());
            if !paras.is_empty() {
                articles.push((headline(&mut rng, &own), paras));
            }
        }
        // The paper's own articles, one of them quoting a story at times.
        for _ in 0..rng.usize(1..=2) {
            if own.is_empty() {
                break;
            }
            // Two papers may draw the same paragraph: then they share it, and
            // the gold says so (each own paragraph is a story of its own).
            let mut paras: Vec<Vec<(char, Option<StoryPos>)>> = (0..rng.usize(1..=3))
                .map(|_| {
                    let k = rng.usize(..own.len());
                    own[k].chars().enumerate().map(|(i, c)| (c, Some(((stories.len() + k) as u32, i as u32)))).collect()
                })
                .collect();
            if !stories.is_empty() && rng.u8(..3) == 0 {
                let s = pick_story(&mut rng);
                let base: u32 = 0;
                let story: Vec<(char, Option<StoryPos>)> =
                    stories[s].paragraphs.iter().flat_map(|p| p.chars()).enumerate().map(|(i, c)| (c, Some((s as u32, base + i as u32)))).collect();
                let ss = sentences(&story);
                let pick = ss[rng.usize(..ss.len())].clone();
                let quote: Vec<(char, Option<StoryPos>)> = story[pick].iter().copied().filter(|(c, _)| *c != '。').collect();
                let mut para: Vec<(char, Option<StoryPos>)> = "正如报道所说，“".chars().map(|c| (c, None)).collect();
                para.extend(quote);
                para.extend("”，这也是本地干部群众的共同感受。".chars().map(|c| (c, None)));
                let k = rng.usize(..=paras.len());
                paras.insert(k, para);
            }
            articles.push((headline(&mut rng, &own), paras));
        }
        rng.shuffle(&mut articles);
        for (title, paras) in &articles {
            w.plain(&format!("{title}\n\n"));
            for p in paras {
                w.paragraph(p, width);
            }
            w.plain("\n");
        }
        texts.push(w.text.iter().collect());
        tags_all.push(w.tags);
    }
    let mut sources: Vec<String> = stories.iter().map(|s| s.paragraphs.concat()).collect();
    sources.extend(own.iter().cloned());
    WireCorpus { texts, tags: tags_all, sources, reprinted: stories.len() }
}

/// The wire corpus scored per ordered document pair (see
/// [`super::score_reuse_pairs`]).
pub fn evaluate_wire_pairs(seed: u64, items: &[Item], papers: usize) -> super::ReuseScore {
    let corpus = wire_corpus(seed, items, papers);
    let texts: Vec<&str> = corpus.texts.iter().map(String::as_str).collect();
    super::score_reuse_pairs(&texts, &corpus.tags, tongwen::reuse::Settings::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<Item> {
        items_in(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/cctv-sample"))
    }

    #[test]
    fn gold_points_at_the_story_characters_it_claims() {
        let items = items();
        assert_eq!(items.len(), 24);
        let c = wire_corpus(5, &items, 30);
        assert!(c.reprinted >= 8, "most sample items are fresh: {}", c.reprinted);
        let sources: Vec<Vec<char>> = c.sources.iter().map(|s| s.chars().collect()).collect();
        let mut slips = 0;
        let mut total = 0;
        for (text, tags) in c.texts.iter().zip(&c.tags) {
            let chars: Vec<char> = text.chars().collect();
            for &(o, (s, i)) in tags {
                total += 1;
                slips += (chars[o] != sources[s as usize][i as usize]) as usize;
            }
        }
        assert!(total > 5000, "{total}");
        // Only scan slips differ, and they are rare.
        assert!(slips * 50 < total, "{slips} of {total}");
        // Some story positions are printed by two pages or more, some by one.
        let mut pages_of: std::collections::HashMap<StoryPos, HashSet<usize>> = Default::default();
        for (p, tags) in c.tags.iter().enumerate() {
            for &(_, t) in tags {
                pages_of.entry(t).or_default().insert(p);
            }
        }
        assert!(pages_of.values().any(|p| p.len() >= 3) && pages_of.values().any(|p| p.len() == 1));
        assert!(c.texts.iter().any(|t| t.contains("本报讯") || t.contains("新华社北京")));
        assert!(c.texts.iter().any(|t| t.contains("正如报道所说")), "a quote inside a paper's own article");
    }

    #[test]
    fn own_articles_share_nothing_with_the_reprinted_stories() {
        let items = items();
        let c = wire_corpus(9, &items, 20);
        let story_grams: HashSet<Vec<char>> =
            c.sources[..c.reprinted].iter().flat_map(|s| s.chars().collect::<Vec<_>>().windows(12).map(<[char]>::to_vec).collect::<Vec<_>>()).collect();
        for (text, tags) in c.texts.iter().zip(&c.tags) {
            let tagged: HashSet<usize> = tags.iter().filter(|t| (t.1 .0 as usize) < c.reprinted).map(|t| t.0).collect();
            // Untagged runs of the page (newlines and indents dropped).
            let chars: Vec<(usize, char)> = text.chars().enumerate().filter(|(_, c)| !c.is_whitespace()).collect();
            let untagged: Vec<char> = chars.iter().filter(|(o, _)| !tagged.contains(o)).map(|&(_, c)| c).collect();
            assert!(!untagged.windows(12).any(|w| story_grams.contains(w)), "a paper's own text repeats a story");
        }
    }
}
