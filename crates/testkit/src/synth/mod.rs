//! Synthetic newspaper pages with exact gold, for measuring reflow (and,
//! later, reuse detection) and for benchmarks at any size.
//!
//! Clean articles are built from sentences of the seed corpus, then laid
//! out the way the seed pages look: narrow hard-wrapped columns of 11–18
//! cells with eaten indents, column breaks mid-sentence, justification
//! spaces, spaced digits, dash variants, page-jump markers, headlines
//! printed after their body or dropped into a paragraph, and dumps with one
//! paragraph per line or Markdown headings. The generator records where each
//! gold paragraph ends in the page, so boundaries are scored exactly.

use tongwen::model::DocumentAnalysis;

pub mod typeset;
pub mod wire;

const SEED_SOURCES: [&str; 2] =
    [include_str!("../../../../www/corpus/001_a71703915d167703.txt"), include_str!("../../../../www/corpus/003_f0687f8725c1cd82.txt")];

/// Sentences of real newspaper Chinese, from the one-paragraph-per-line seeds.
pub fn sentence_pool() -> Vec<String> {
    let mut out = Vec::new();
    for src in SEED_SOURCES {
        for line in src.lines() {
            let line = line.replace("**", "");
            let line = line.trim();
            if line.starts_with('#') || line.chars().count() < 30 || !tongwen::text::ends_sentence(line) {
                continue;
            }
            let mut cur = String::new();
            for c in line.chars() {
                cur.push(c);
                if matches!(c, '。' | '！' | '？') {
                    out.push(std::mem::take(&mut cur));
                }
            }
            if !cur.trim().is_empty() {
                if let Some(last) = out.last_mut() {
                    last.push_str(&cur); // closing quotes after the full stop
                }
            }
        }
    }
    // A sentence that opens with a dateline would start a new report.
    out.retain(|s| s.chars().count() >= 8 && tongwen::reflow::patterns::opening_dateline_len(s.trim()).is_none());
    out
}

/// One clean article as the gold standard has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldArticle {
    pub title: String,
    pub dateline: Option<String>,
    pub paragraphs: Vec<String>,
}

/// A generated page and its gold.
#[derive(Debug, Clone)]
pub struct Page {
    pub text: String,
    pub articles: Vec<GoldArticle>,
    /// Offset (code points) of the last character of every gold paragraph.
    pub paragraph_ends: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Narrow,
    OnePerLine,
    Markdown,
}

struct Writer {
    out: String,
    pos: usize,
}

impl Writer {
    fn put(&mut self, s: &str) {
        self.out.push_str(s);
        self.pos += s.chars().count();
    }
}

const PLACES: [&str; 6] = ["北京", "阿斯塔纳", "乌鲁木齐", "西安", "贵阳", "太原"];
const NAMES: [&str; 8] = ["张涛", "王嵘", "陈尚文", "董越", "李明", "韩墨", "周圆", "严冰"];

fn title_from(rng: &mut fastrand::Rng, pool: &[String]) -> String {
    loop {
        let s = &pool[rng.usize(..pool.len())];
        let clauses: Vec<&str> = s.split(['，', '。', '、', '；', '：', '“', '”', '！', '？']).filter(|c| (6..=16).contains(&c.chars().count())).collect();
        if clauses.is_empty() {
            continue;
        }
        let first = clauses[rng.usize(..clauses.len())].trim();
        if first.chars().any(|c| c.is_ascii_digit()) || first.contains(' ') {
            continue;
        }
        if rng.u8(..4) == 0 && clauses.len() > 1 {
            let second = clauses[rng.usize(..clauses.len())].trim();
            if second != first && !second.contains(' ') {
                return format!("{first} {second}");
            }
        }
        return first.to_owned();
    }
}

fn article(rng: &mut fastrand::Rng, pool: &[String], dash: char) -> GoldArticle {
    let title = title_from(rng, pool);
    let dateline = match rng.u8(..4) {
        0 => None,
        1 => Some(format!("本报讯（记者 {} {}）", NAMES[rng.usize(..NAMES.len())], NAMES[rng.usize(..NAMES.len())])),
        _ => Some(format!("新华社{}6月{}日电", PLACES[rng.usize(..PLACES.len())], rng.u8(10..=28))),
    };
    let paragraphs = (0..rng.usize(2..=7))
        .map(|_| (0..rng.usize(1..=3)).map(|_| pool[rng.usize(..pool.len())].as_str()).collect::<String>().replace('—', &dash.to_string()))
        .collect();
    GoldArticle { title: title.replace('—', &dash.to_string()), dateline, paragraphs }
}

/// Hard-wraps `text` at `width` cells, returning the lines.
fn wrap(text: &str, width: f32, first_short: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut w = 0.0;
    let mut limit = width - first_short;
    for c in text.chars() {
        let cw = if (c as u32) < 0x2000 { 0.5 } else { 1.0 };
        // Kinsoku: closing punctuation never starts a line; it hangs.
        let hangs = matches!(c, '，' | '。' | '、' | '；' | '：' | '！' | '？' | '）' | '”' | '’' | '》' | '」' | '』');
        if w + cw > limit && !cur.is_empty() && !hangs {
            lines.push(std::mem::take(&mut cur));
            w = 0.0;
            limit = width;
        }
        cur.push(c);
        w += cw;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Justification spaces between every character: `蓬 勃 生 机`.
fn justify(line: &str) -> String {
    let cs: Vec<char> = line.chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        out.push(c);
        if i + 1 < cs.len() && !(c.is_ascii_digit() && cs[i + 1].is_ascii_digit()) {
            out.push(' ');
        }
    }
    out
}

/// Digits spaced from the characters around them: `2025 年 6 月`.
fn space_digits(line: &str) -> String {
    let cs: Vec<char> = line.chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        if i > 0 && (c.is_ascii_digit() != cs[i - 1].is_ascii_digit()) && (tongwen::text::is_cjk(c) || tongwen::text::is_cjk(cs[i - 1])) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Generates one page from `seed`.
pub fn page(seed: u64, pool: &[String]) -> Page {
    let mut rng = fastrand::Rng::with_seed(seed);
    let dash = if rng.bool() { '—' } else { '－' };
    let articles: Vec<GoldArticle> = (0..rng.usize(2..=5)).map(|_| article(&mut rng, pool, dash)).collect();
    page_from(&mut rng, articles)
}

/// Lays out `articles` as one page dump in a style drawn from `rng`.
pub fn page_from(rng: &mut fastrand::Rng, articles: Vec<GoldArticle>) -> Page {
    let style = match rng.u8(..10) {
        0..=5 => Style::Narrow,
        6..=8 => Style::OnePerLine,
        _ => Style::Markdown,
    };
    let width = rng.usize(11..=18) as f32;
    let blank_between = style != Style::Narrow || rng.u8(..4) != 0;
    let spaced_digits = rng.u8(..3) == 0;
    let mut w = Writer { out: String::new(), pos: 0 };
    let mut ends = Vec::new();
    for (k, a) in articles.iter().enumerate() {
        let title_after = style == Style::Narrow && rng.u8(..4) == 0;
        let title_inside = style == Style::OnePerLine && rng.u8(..5) == 0 && a.paragraphs[0].chars().count() > 20;
        let put_title = |w: &mut Writer| match style {
            Style::Markdown => w.put(&format!("## {}\n\n", a.title)),
            _ => w.put(&format!("{}\n\n", a.title)),
        };
        if !title_after && !title_inside {
            put_title(&mut w);
        }
        let continued = k > 0 && rng.u8(..6) == 0;
        for (i, p) in a.paragraphs.iter().enumerate() {
            let mut text = p.clone();
            if i == 0 {
                if let Some(d) = &a.dateline {
                    text = match style {
                        Style::Markdown => format!("**{d}** {p}"),
                        _ => format!("{d} {p}"),
                    };
                }
                if continued {
                    text = format!("（上接第1版）{text}");
                }
            }
            let last_char_at = |w: &Writer, line: &str| w.pos + line.chars().count() - 1;
            match style {
                Style::Narrow => {
                    // Without blank lines, the indent is the only sign of a new
                    // paragraph, and real dumps keep it or show it as a short line.
                    let eaten_indent = if rng.bool() || !blank_between { 2.0 } else { 0.0 };
                    let lines = wrap(&text, width, eaten_indent);
                    for (j, line) in lines.iter().enumerate() {
                        let full = j + 1 < lines.len();
                        let mut shown = if spaced_digits { space_digits(line) } else { line.clone() };
                        if full && rng.u8(..25) == 0 {
                            shown = justify(&shown);
                        }
                        if j == lines.len() - 1 {
                            ends.push(last_char_at(&w, &shown));
                        }
                        w.put(&shown);
                        w.put("\n");
                        // A column break mid-paragraph, after a full line that does not end a sentence.
                        if full && rng.u8(..12) == 0 && !tongwen::text::ends_sentence(line) {
                            w.put("\n");
                        }
                    }
                    if blank_between {
                        w.put("\n");
                    }
                }
                Style::OnePerLine | Style::Markdown => {
                    let cs: Vec<char> = text.chars().collect();
                    if title_inside && i == 0 {
                        // The headline lands inside the first paragraph, mid-sentence.
                        let cut = cs.len() / 2;
                        let (head, tail): (String, String) = (cs[..cut].iter().collect(), cs[cut..].iter().collect());
                        w.put(&head);
                        w.put("\n\n");
                        put_title(&mut w);
                        ends.push(last_char_at(&w, &tail));
                        w.put(&tail);
                    } else if rng.u8(..15) == 0 && cs.len() > 20 && !tongwen::text::ends_sentence(&cs[..cs.len() / 2].iter().collect::<String>()) {
                        // A column break: the paragraph goes on after a blank line.
                        let cut = cs.len() / 2;
                        let (head, tail): (String, String) = (cs[..cut].iter().collect(), cs[cut..].iter().collect());
                        w.put(&head);
                        w.put("\n\n");
                        ends.push(last_char_at(&w, &tail));
                        w.put(&tail);
                    } else {
                        ends.push(last_char_at(&w, &text));
                        w.put(&text);
                    }
                    w.put("\n\n");
                }
            }
        }
        if rng.u8(..6) == 0 && k + 1 < articles.len() {
            w.put("（下转第三版）\n");
        }
        if title_after {
            w.put("\n");
            put_title(&mut w);
        }
        w.put("\n");
    }
    Page { text: w.out, articles, paragraph_ends: ends }
}

impl Page {
    /// Every gold paragraph as a reader sees it, white space removed: an
    /// article's dateline is part of its first paragraph (as
    /// [`body_texts`] reads a reflowed one).
    pub fn gold_paragraph_texts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for a in &self.articles {
            for (i, p) in a.paragraphs.iter().enumerate() {
                let dateline = a.dateline.as_deref().filter(|_| i == 0).unwrap_or("");
                out.push(dateline.chars().chain(p.chars()).filter(|c| !c.is_whitespace()).collect());
            }
        }
        out
    }

    /// Input offsets of the non-whitespace characters of every gold
    /// paragraph, in order: found by walking back from each paragraph's
    /// recorded end, skipping the whitespace layout added and any headline
    /// dropped inside the paragraph.
    pub fn paragraph_offsets(&self) -> Vec<Vec<usize>> {
        let chars: Vec<char> = self.text.chars().collect();
        let mut out = Vec::new();
        let mut k = 0;
        for a in &self.articles {
            for (i, p) in a.paragraphs.iter().enumerate() {
                let end = self.paragraph_ends[k];
                k += 1;
                let want: Vec<char> = p.chars().filter(|c| !c.is_whitespace()).collect();
                let mut offs = vec![usize::MAX; want.len()];
                let mut pos = end as isize;
                for w in (0..want.len()).rev() {
                    while pos >= 0 && chars[pos as usize] != want[w] {
                        pos -= 1;
                    }
                    if pos < 0 {
                        break;
                    }
                    offs[w] = pos as usize;
                    pos -= 1;
                }
                let _ = i;
                out.push(offs);
            }
        }
        out
    }
}

/// Fresh pseudo-Chinese from an order-1 character chain trained on the
/// seeds: realistic character statistics, but no long runs shared by chance.
pub struct Markov {
    /// Ordered, so that what the generator draws from it depends on the
    /// seed alone (a `HashMap` iterates in a new order every run).
    followers: std::collections::BTreeMap<char, Vec<char>>,
    starts: Vec<char>,
}

impl Markov {
    pub fn from_seeds() -> Self {
        let mut followers: std::collections::BTreeMap<char, Vec<char>> = std::collections::BTreeMap::new();
        let mut starts = Vec::new();
        for src in SEED_SOURCES {
            let cs: Vec<char> = src.chars().filter(|c| !c.is_whitespace() && !matches!(c, '#' | '*')).collect();
            for w in cs.windows(2) {
                followers.entry(w[0]).or_default().push(w[1]);
                if w[0] == '。' && tongwen::text::is_cjk(w[1]) {
                    starts.push(w[1]);
                }
            }
        }
        Markov { followers, starts }
    }

    /// A paragraph of at least `len` characters, ending a sentence.
    pub fn paragraph(&self, rng: &mut fastrand::Rng, min: usize, max: usize) -> String {
        let len = rng.usize(min..=max);
        let mut out = String::new();
        let mut n = 0;
        let mut c = self.starts[rng.usize(..self.starts.len())];
        loop {
            out.push(c);
            n += 1;
            if c == '。' && n >= len {
                return out;
            }
            c = match self.followers.get(&c) {
                Some(f) if n < len * 3 => f[rng.usize(..f.len())],
                _ => {
                    out.push('。');
                    return out;
                }
            };
        }
    }
}

/// Where a reprinted character comes from: (story, character index in it).
pub type StoryPos = (u32, u32);

/// Per paragraph, per character: its story position, if it is reprinted.
type ParagraphTags = Vec<Vec<Option<StoryPos>>>;

/// A corpus of papers reprinting wire stories, with character-level gold.
pub struct ReprintCorpus {
    pub pages: Vec<Page>,
    /// Per page: input offset → (story, character index in the story).
    pub tags: Vec<Vec<(usize, (u32, u32))>>,
}

impl ReprintCorpus {
    /// Gold: `(page, offset)` of every character whose story position was
    /// printed by at least two pages.
    pub fn shared_chars(&self) -> std::collections::HashSet<(usize, usize)> {
        let mut seen: std::collections::HashMap<(u32, u32), Vec<usize>> = std::collections::HashMap::new();
        for (p, tags) in self.tags.iter().enumerate() {
            for &(_, t) in tags {
                let v = seen.entry(t).or_default();
                if v.last() != Some(&p) {
                    v.push(p);
                }
            }
        }
        let mut out = std::collections::HashSet::new();
        for (p, tags) in self.tags.iter().enumerate() {
            for &(o, t) in tags {
                if seen[&t].len() >= 2 {
                    out.insert((p, o));
                }
            }
        }
        out
    }
}

/// Generates `papers` pages from `stories` wire stories; each page prints
/// 1–3 of them (cut, edited, OCR-damaged) among 1–2 local stories.
pub fn reprint_corpus(seed: u64, stories: usize, papers: usize) -> ReprintCorpus {
    let mut rng = fastrand::Rng::with_seed(seed);
    let markov = Markov::from_seeds();
    let pool = sentence_pool();
    // A wire story: paragraphs with per-character story positions.
    let wire: Vec<Vec<String>> =
        (0..stories).map(|_| (0..rng.usize(3..=7)).map(|_| markov.paragraph(&mut rng, 50, 200)).collect()).collect();
    let cjk: Vec<char> = markov.followers.keys().copied().filter(|c| tongwen::text::is_cjk(*c)).collect();
    let mut pages = Vec::new();
    let mut tags_all = Vec::new();
    for _ in 0..papers {
        let dash = if rng.bool() { '—' } else { '－' };
        let mut arts: Vec<GoldArticle> = Vec::new();
        // Per article, per paragraph, per char: tag.
        let mut art_tags: Vec<ParagraphTags> = Vec::new();
        for _ in 0..rng.usize(1..=3) {
            let s = rng.usize(..stories);
            let story = &wire[s];
            let mut base = 0u32;
            let offsets: Vec<u32> = story.iter().map(|p| { let b = base; base += p.chars().count() as u32; b }).collect();
            // A cut: some paragraphs from the start and end go.
            let from = if rng.u8(..3) == 0 { rng.usize(..story.len() / 2 + 1) } else { 0 };
            let to = if rng.u8(..3) == 0 { rng.usize(from + 1..=story.len()) } else { story.len() };
            let mut paras = Vec::new();
            let mut ptags = Vec::new();
            let ocr = [0.0, 0.01, 0.03, 0.05, 0.08, 0.10][rng.usize(..6)];
            for (k, p) in story.iter().enumerate().take(to).skip(from) {
                if to - from > 2 && rng.u8(..8) == 0 {
                    continue; // a dropped paragraph
                }
                let mut cs: Vec<char> = p.chars().collect();
                let mut ts: Vec<Option<(u32, u32)>> = (0..cs.len() as u32).map(|i| Some((s as u32, offsets[k] + i))).collect();
                // A deleted sentence.
                if rng.u8(..6) == 0 {
                    let stops: Vec<usize> = (0..cs.len()).filter(|&i| cs[i] == '。').collect();
                    if stops.len() >= 2 {
                        let i = rng.usize(..stops.len() - 1);
                        cs.drain(stops[i] + 1..=stops[i + 1]);
                        ts.drain(stops[i] + 1..=stops[i + 1]);
                    }
                }
                // OCR slips: substitutions keep the story position.
                for c in cs.iter_mut() {
                    if tongwen::text::is_cjk(*c) && rng.f64() < ocr {
                        *c = cjk[rng.usize(..cjk.len())];
                    }
                    if *c == '—' {
                        *c = dash;
                    }
                }
                // A local insertion.
                if rng.u8(..10) == 0 {
                    let at = rng.usize(..cs.len());
                    let ins: Vec<char> = "据本报记者了解，".chars().collect();
                    ts.splice(at..at, std::iter::repeat_n(None, ins.len()));
                    cs.splice(at..at, ins);
                }
                paras.push(cs.into_iter().collect::<String>());
                ptags.push(ts);
            }
            if paras.is_empty() {
                continue;
            }
            let dateline = Some(format!("{}{}6月{}日电", ["新华社", "本报"][rng.usize(..2)], PLACES[rng.usize(..PLACES.len())], rng.u8(10..=28)));
            arts.push(GoldArticle { title: title_from(&mut rng, &pool), dateline, paragraphs: paras });
            art_tags.push(ptags);
        }
        for _ in 0..rng.usize(1..=2) {
            let paragraphs = (0..rng.usize(2..=5)).map(|_| markov.paragraph(&mut rng, 40, 160)).collect::<Vec<_>>();
            art_tags.push(paragraphs.iter().map(|p| vec![None; p.chars().count()]).collect());
            arts.push(GoldArticle { title: title_from(&mut rng, &pool), dateline: None, paragraphs });
        }
        // Shuffle article order, keeping tags in step.
        let mut order: Vec<usize> = (0..arts.len()).collect();
        rng.shuffle(&mut order);
        let arts_o: Vec<GoldArticle> = order.iter().map(|&i| arts[i].clone()).collect();
        let tags_o: Vec<_> = order.iter().map(|&i| art_tags[i].clone()).collect();
        let page = page_from(&mut rng, arts_o);
        let mut tags = Vec::new();
        for (offs, ts) in page.paragraph_offsets().iter().zip(tags_o.iter().flatten()) {
            let ts_nonws: Vec<Option<(u32, u32)>> = ts.clone();
            for (o, t) in offs.iter().zip(ts_nonws) {
                if let (true, Some(t)) = (*o != usize::MAX, t) {
                    tags.push((*o, t));
                }
            }
        }
        pages.push(page);
        tags_all.push(tags);
    }
    ReprintCorpus { pages, tags: tags_all }
}

/// Character-level scores of shared-passage detection against gold.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ReuseScore {
    pub gold: usize,
    pub found: usize,
    pub hits: usize,
}

impl ReuseScore {
    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.gold)
    }
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }
}

/// Runs the whole engine on a reprint corpus and scores it per character.
pub fn evaluate_reuse(seed: u64, stories: usize, papers: usize) -> ReuseScore {
    let corpus = reprint_corpus(seed, stories, papers);
    let ids: Vec<String> = (0..corpus.pages.len()).map(|i| format!("{i:05}.txt")).collect();
    let analysis = tongwen::analyze_documents(ids.iter().map(String::as_str).zip(corpus.pages.iter().map(|p| p.text.as_bytes())));
    let gold = corpus.shared_chars();
    let pages: Vec<Vec<char>> = corpus.pages.iter().map(|p| p.text.chars().collect()).collect();
    let mut found = std::collections::HashSet::new();
    for p in analysis.passages.iter().filter(|p| p.kind == tongwen::model::PassageKind::Reuse) {
        for m in &p.members {
            let page: usize = m.doc[..5].parse().unwrap_or(0);
            found.extend(tongwen::model::covered_offsets(&m.spans, &pages[page]).map(|o| (page, o)));
        }
    }
    ReuseScore { gold: gold.len(), found: found.len(), hits: found.intersection(&gold).count() }
}

/// The measure issue 13 asks for: for every ordered pair of documents
/// (a, b), the characters of a that the output says are shared with b (the
/// union of a's members over every passage that also has a member in b),
/// against the characters of a whose story position b also prints.
pub fn evaluate_reuse_pairs(seed: u64, stories: usize, papers: usize) -> ReuseScore {
    let corpus = reprint_corpus(seed, stories, papers);
    let texts: Vec<&str> = corpus.pages.iter().map(|p| p.text.as_str()).collect();
    score_reuse_pairs(&texts, &corpus.tags, tongwen::reuse::Settings::default())
}

/// Analyses `texts` (document ids are their indices, `00000.txt` …) and
/// scores the passages per ordered document pair against `tags`: per page,
/// input offset → story position, shared where two pages print a position.
pub fn score_reuse_pairs(texts: &[&str], tags: &[Vec<(usize, StoryPos)>], settings: tongwen::reuse::Settings) -> ReuseScore {
    use std::collections::{HashMap, HashSet};
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("{i:05}.txt")).collect();
    let analysis = tongwen::analyze_corpus(ids.iter().map(String::as_str).zip(texts.iter().map(|t| t.as_bytes())), settings);
    // Which pages print each story position.
    let mut printed_by: HashMap<StoryPos, Vec<u32>> = HashMap::new();
    for (p, tags) in tags.iter().enumerate() {
        for &(_, t) in tags {
            let v = printed_by.entry(t).or_default();
            if v.last() != Some(&(p as u32)) {
                v.push(p as u32);
            }
        }
    }
    let mut gold: HashSet<(u32, u32, u32)> = HashSet::new();
    for (p, tags) in tags.iter().enumerate() {
        for &(o, t) in tags {
            for &q in &printed_by[&t] {
                if q != p as u32 {
                    gold.insert((p as u32, q, o as u32));
                }
            }
        }
    }
    let pages: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    let mut found: HashSet<(u32, u32, u32)> = HashSet::new();
    for p in analysis.passages.iter().filter(|p| p.kind == tongwen::model::PassageKind::Reuse) {
        let docs: Vec<u32> = p.members.iter().map(|m| m.doc[..5].parse().unwrap_or(0)).collect();
        for (m, &a) in p.members.iter().zip(&docs) {
            let offsets: Vec<usize> = tongwen::model::covered_offsets(&m.spans, &pages[a as usize]).collect();
            for &b in docs.iter().filter(|&&b| b != a) {
                found.extend(offsets.iter().map(|&o| (a, b, o as u32)));
            }
        }
    }
    ReuseScore { gold: gold.len(), found: found.len(), hits: found.intersection(&gold).count() }
}

/// Scores of reflow against gold.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ReflowScore {
    pub gold_paragraphs: usize,
    pub found_paragraphs: usize,
    pub boundary_hits: usize,
    pub exact_paragraphs: usize,
    pub gold_titles: usize,
    pub exact_titles: usize,
    /// Titles the reflow gave (for title precision; 0 where not scored).
    pub found_titles: usize,
}

fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

fn harmonic_mean(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

impl ReflowScore {
    pub fn precision(&self) -> f64 {
        ratio(self.boundary_hits, self.found_paragraphs)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.boundary_hits, self.gold_paragraphs)
    }
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }
    pub fn exact_rate(&self) -> f64 {
        ratio(self.exact_paragraphs, self.gold_paragraphs)
    }
    pub fn title_rate(&self) -> f64 {
        ratio(self.exact_titles, self.gold_titles)
    }
    /// Title F1: titles found exactly against titles the reflow gave.
    pub fn title_f1(&self) -> f64 {
        harmonic_mean(ratio(self.exact_titles, self.found_titles), self.title_rate())
    }
    pub fn add(&mut self, o: ReflowScore) {
        self.gold_paragraphs += o.gold_paragraphs;
        self.found_paragraphs += o.found_paragraphs;
        self.boundary_hits += o.boundary_hits;
        self.exact_paragraphs += o.exact_paragraphs;
        self.gold_titles += o.gold_titles;
        self.exact_titles += o.exact_titles;
        self.found_titles += o.found_titles;
    }
}

/// Compares a reflowed page with its gold: a paragraph boundary is the
/// input offset of a paragraph's last character; a paragraph is exact when
/// its text (dateline included) equals a gold paragraph's.
pub fn score(page: &Page, doc: &DocumentAnalysis) -> ReflowScore {
    use std::collections::{HashMap, HashSet};
    let gold_ends: HashSet<usize> = page.paragraph_ends.iter().copied().collect();
    let body: Vec<_> = doc.articles.iter().flat_map(|a| a.paragraphs.iter().filter(|p| !p.heading).map(move |p| (a, p))).collect();
    let found_ends: Vec<usize> = body.iter().filter_map(|(_, p)| p.spans.last().map(|s| s[1] - 1)).collect();
    let mut gold_texts: HashMap<String, usize> = HashMap::new();
    for text in page.gold_paragraph_texts() {
        *gold_texts.entry(text).or_default() += 1;
    }
    let mut exact = 0;
    for key in body_texts(doc) {
        if let Some(n) = gold_texts.get_mut(&key).filter(|n| **n > 0) {
            *n -= 1;
            exact += 1;
        }
    }
    let found_titles: HashSet<&str> = doc.articles.iter().filter_map(|a| a.title.as_deref()).collect();
    ReflowScore {
        gold_paragraphs: page.paragraph_ends.len(),
        found_paragraphs: found_ends.len(),
        boundary_hits: found_ends.iter().filter(|e| gold_ends.contains(e)).count(),
        exact_paragraphs: exact,
        gold_titles: page.articles.len(),
        exact_titles: page.articles.iter().filter(|a| found_titles.contains(a.title.as_str())).count(),
        found_titles: found_titles.len(),
    }
}

/// The body paragraphs of a reflowed document as a reader sees them, white
/// space removed: a dateline printed before a paragraph is part of it.
pub fn body_texts(doc: &DocumentAnalysis) -> Vec<String> {
    let mut out = Vec::new();
    for a in &doc.articles {
        for (i, p) in a.paragraphs.iter().enumerate().filter(|(_, p)| !p.heading) {
            let dateline = p.dateline.as_deref().or(a.dateline.as_deref().filter(|_| i == 0)).unwrap_or("");
            out.push(dateline.chars().chain(p.text.chars()).filter(|c| !c.is_whitespace()).collect());
        }
    }
    out
}

/// Reflows `pages` generated pages from `first_seed` on and sums the scores.
pub fn evaluate(first_seed: u64, pages: u64) -> ReflowScore {
    let pool = sentence_pool();
    let mut total = ReflowScore::default();
    for seed in first_seed..first_seed + pages {
        let page = page(seed, &pool);
        let doc = tongwen::analyze_document("synthetic.txt", page.text.as_bytes());
        total.add(score(&page, &doc));
    }
    total
}

/// A corpus of about `bytes` bytes of page dumps, for benchmarks.
pub fn corpus_of_size(bytes: usize, seed: u64) -> Vec<String> {
    let pool = sentence_pool();
    let mut out = Vec::new();
    let mut total = 0;
    let mut s = seed;
    while total < bytes {
        let p = page(s, &pool);
        total += p.text.len();
        out.push(p.text);
        s += 1;
    }
    out
}
