//! What a page says about the paper it comes from, and what to call the
//! source for that.
//!
//! Readers tell sources apart by paper and date (`人民日报 · 2025-10-20`),
//! not by the first headline: two reprints of one report share their
//! headline, up to a dash, and named after it they look alike everywhere a
//! witness is listed. Only page furniture is trusted for the paper: a
//! masthead line, a page header with the date and weekday, a 版 line
//! (`《人民日报》（2025年10月20日 第 05 版）`). Datelines and bylines are
//! not: a county paper prints `新疆日报乌鲁木齐6月18日讯` when it reprints
//! the provincial daily, and that does not make it the provincial daily.
//! Without furniture, the source is called by its file name.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::DocumentAnalysis;

/// A paper's name: Han characters ending in a paper's word (`日报`,
/// `晚报` …), possibly its overseas edition. Not a bare `报`: `本报`,
/// `喜报` and `捷报` are not papers.
const PAPER: &str = r"[\p{Han}]{1,10}?(?:日报|晚报|时报|早报|晨报|商报|周报|导报|青年报|法治报|经济报)(?:海外版)?";

/// `《人民日报》`, or a paper's name at the start of a header line.
static PAPER_IN_FURNITURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"《({PAPER})》|^({PAPER})(?:[\s　]|[（(0-9０-９第]|$)")).unwrap());

/// A line that is nothing but a paper's name (a masthead), perhaps spaced.
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"^({PAPER})$")).unwrap());

/// Most characters a [`MASTHEAD`] line holds, spaces aside: ten of the
/// name, three of the paper's word, three of `海外版`.
const MASTHEAD_MAX_CHARS: usize = 16;

/// What a masthead line ends with.
pub(crate) const MASTHEAD_ENDS: [char; 2] = ['报', '版'];

/// Can `line` be a masthead at all? A cheap test before the regex, which
/// would otherwise run on every line of every page: short, and ending in
/// `报` or `版` (of `海外版`, perhaps spaced).
fn could_be_masthead(line: &str) -> bool {
    line.trim_end().ends_with(MASTHEAD_ENDS) && line.chars().filter(|c| !c.is_whitespace()).nth(MASTHEAD_MAX_CHARS).is_none()
}

/// Is `line` nothing but a paper's name (a masthead), perhaps spaced?
/// Page furniture: an extractor that splits a header line at its wide
/// spaces (pdftotext's default mode) leaves the paper's name alone on a
/// line, where it would read as a headline.
pub fn is_masthead_line(line: &str) -> bool {
    masthead_name(line).is_some()
}

/// The paper's name if `line` is nothing but that name (a masthead).
fn masthead_name(line: &str) -> Option<String> {
    if !could_be_masthead(line) {
        return None;
    }
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    MASTHEAD.captures(&squeezed).map(|m| m[1].to_owned())
}

/// A date, as furniture and datelines print it (`2024年3月25日`).
pub(crate) static DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap());

/// The paper and the date a page prints in its furniture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Masthead {
    pub paper: Option<String>,
    /// ISO 8601 (`2025-10-20`): the same in every language, and it sorts.
    pub date: Option<String>,
}

/// Reads the paper and date off the page's furniture lines: the most
/// frequent of each wins, and a tie names nothing (a page that prints two
/// papers' mastheads equally often does not say which it is).
pub fn masthead(text: &str) -> Masthead {
    let mut papers: BTreeMap<String, usize> = BTreeMap::new();
    let mut dates: BTreeMap<String, usize> = BTreeMap::new();
    for line in text.lines() {
        if let Some(name) = masthead_name(line) {
            *papers.entry(name).or_default() += 1;
            continue;
        }
        if !crate::reflow::patterns::is_furniture(line) {
            continue;
        }
        let trimmed = line.trim();
        if let Some(m) = PAPER_IN_FURNITURE.captures(trimmed) {
            let name = m.get(1).or(m.get(2)).map_or("", |g| g.as_str());
            *papers.entry(name.to_owned()).or_default() += 1;
        }
        if let Some(m) = DATE.captures(trimmed) {
            let (y, mo, d) = (&m[1], m[2].parse::<u32>().unwrap_or(0), m[3].parse::<u32>().unwrap_or(0));
            if (1..=12).contains(&mo) && (1..=31).contains(&d) {
                *dates.entry(format!("{y}-{mo:02}-{d:02}")).or_default() += 1;
            }
        }
    }
    Masthead { paper: most_frequent(papers), date: most_frequent(dates) }
}

fn most_frequent(counts: BTreeMap<String, usize>) -> Option<String> {
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    match ranked.as_slice() {
        [(_, n), (_, m), ..] if n == m => None,
        [(name, _), ..] => Some(name.clone()),
        [] => None,
    }
}

/// The file name without its extension, and without the hash that
/// download tools append (`000_7db16642f3192162.txt` is `000`).
pub fn file_stem(id: &str) -> &str {
    let name = id.rsplit(['/', '\\']).next().unwrap_or(id);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    match stem.rsplit_once(['_', '-']) {
        Some((head, hash)) if !head.is_empty() && hash.len() >= 12 && hash.chars().all(|c| c.is_ascii_hexdigit()) => head,
        _ if stem.is_empty() => name,
        _ => stem,
    }
}

/// What to call a source: `paper · date`, the paper, or the file name
/// with the date the page prints.
pub fn source_name(id: &str, m: &Masthead) -> String {
    match (&m.paper, &m.date) {
        (Some(p), Some(d)) => format!("{p} · {d}"),
        (Some(p), None) => p.clone(),
        (None, Some(d)) => format!("{} · {d}", file_stem(id)),
        (None, None) => file_stem(id).to_owned(),
    }
}

/// Names a document from its text: `paper · date`, else its file name.
pub fn name_source(doc: &mut DocumentAnalysis, text: &str) {
    let m = masthead(text);
    doc.name = source_name(&doc.id, &m);
    (doc.paper, doc.date) = (m.paper, m.date);
}

/// Makes the names of a corpus's sources distinct: where two would share
/// a name (two pages of one issue), each gets its file name after it; two
/// files called alike (`a.txt`, `a.md`) are called by their whole names.
pub fn distinct_names(documents: &mut [DocumentAnalysis]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for doc in documents.iter() {
        *seen.entry(doc.name.clone()).or_default() += 1;
    }
    for doc in documents.iter_mut().filter(|d| seen[&d.name] > 1) {
        let stem = file_stem(&doc.id);
        doc.name = if doc.name == stem { doc.id.clone() } else { format!("{} ({stem})", doc.name) };
    }
}

/// The names readers gave sources, by document id. A name is a view over
/// the analysis, never an input to it: renaming a source re-analyses
/// nothing, and taking a name back (blank) shows the found one again.
pub type GivenNames = BTreeMap<String, String>;

/// What a source is called: the name its reader gave it, unless blank,
/// else `found`, the one [`name_source`] and [`distinct_names`] chose.
pub fn shown_name<'a>(id: &str, found: &'a str, given: &'a GivenNames) -> &'a str {
    given.get(id).map(|n| n.trim()).filter(|n| !n.is_empty()).unwrap_or(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paper_and_date_come_from_the_furniture() {
        let page = "湖北日报 2024年3月2日 星期二 第16版\n本报讯 记者从省政府获悉，2023年12月1日起，新规施行。\n正文正文。\n— 3 —\n";
        assert_eq!(masthead(page), Masthead { paper: Some("湖北日报".into()), date: Some("2024-03-02".into()) });
        let page = "第一段正文。\n《人民日报》（2025年10月20日 第 05 版）\n";
        assert_eq!(masthead(page), Masthead { paper: Some("人民日报".into()), date: Some("2025-10-20".into()) });
        let page = "人 民 日 报\n2025年10月20日 星期一\n本报\n喜报\n正文。\n";
        assert_eq!(masthead(page), Masthead { paper: Some("人民日报".into()), date: Some("2025-10-20".into()) });
    }

    #[test]
    fn a_line_that_is_only_a_paper_s_name_is_a_masthead_line() {
        for m in ["光明日报", "人 民 日 报", "人民日报海外版", "　经济日报　"] {
            assert!(is_masthead_line(m), "{m}");
        }
        for t in ["本报", "喜报", "光明日报 2024年3月1日", "光明日报记者", "光明日报发表评论员文章"] {
            assert!(!is_masthead_line(t), "{t}");
        }
    }

    #[test]
    fn a_masthead_line_may_name_an_overseas_edition_and_hold_sixteen_characters() {
        let page = "人 民 日 报 海 外 版\n正文。\n";
        assert_eq!(masthead(page).paper.as_deref(), Some("人民日报海外版"));
        // The longest masthead the pattern reads: ten characters of name.
        let page = "新疆生产建设兵团第十 青年报海外版\n正文。\n";
        assert_eq!(masthead(page).paper.as_deref(), Some("新疆生产建设兵团第十青年报海外版"));
        let page = "新疆生产建设兵团第十一青年报海外版\n正文。\n";
        assert_eq!(masthead(page).paper, None);
    }

    #[test]
    fn datelines_bylines_and_body_dates_name_no_paper() {
        let page = "新疆日报乌鲁木齐6月18日讯\n（石榴云/新疆日报记者陈蔷薇）从乌鲁木齐获悉，2025年6月18日，\n贵州日报天眼新闻记者 江婷婷\n据人民日报报道，2024年3月2日起施行。\n";
        assert_eq!(masthead(page), Masthead::default());
    }

    #[test]
    fn the_most_printed_wins_and_a_tie_names_nothing() {
        let page = "人民日报 2025年10月20日 星期一\n人民日报 2025年10月20日 星期一\n新疆日报 2025年10月21日 星期二\n";
        assert_eq!(masthead(page), Masthead { paper: Some("人民日报".into()), date: Some("2025-10-20".into()) });
        let page = "人民日报 2025年10月20日 星期一\n新疆日报 2025年10月21日 星期二\n";
        assert_eq!(masthead(page), Masthead::default());
        // Masthead lines count as often as they are printed.
        let page = "人民日报\n正文。\n人民日报\n新疆日报 第01版\n";
        assert_eq!(masthead(page).paper.as_deref(), Some("人民日报"));
        let page = "2025年13月20日 星期一\n";
        assert_eq!(masthead(page).date, None);
    }

    #[test]
    fn file_names_lose_their_extension_and_download_hash() {
        assert_eq!(file_stem("000_7db16642f3192162.txt"), "000");
        assert_eq!(file_stem("dir/人民日报-20251020.txt"), "人民日报-20251020");
        assert_eq!(file_stem("a_b.txt"), "a_b");
        assert_eq!(file_stem("_7db16642f3192162.txt"), "_7db16642f3192162");
        assert_eq!(file_stem(".txt"), ".txt");
        assert_eq!(file_stem("page"), "page");
    }

    #[test]
    fn a_source_is_paper_and_date_else_its_file_name() {
        let both = Masthead { paper: Some("人民日报".into()), date: Some("2025-10-20".into()) };
        assert_eq!(source_name("x.txt", &both), "人民日报 · 2025-10-20");
        assert_eq!(source_name("x.txt", &Masthead { date: None, ..both.clone() }), "人民日报");
        assert_eq!(source_name("x.txt", &Masthead { paper: None, ..both }), "x · 2025-10-20");
        assert_eq!(source_name("x.txt", &Masthead::default()), "x");
    }

    #[test]
    fn two_pages_of_one_issue_get_their_file_names_after_the_paper() {
        let page = "人民日报 2025年10月20日 星期一 第05版\n正文。\n";
        let ids = ["p5.txt", "p6.txt", "other.txt", "x.txt", "a.txt", "a.md"];
        let mut docs: Vec<DocumentAnalysis> = ids.iter().map(|id| DocumentAnalysis { id: (*id).into(), ..Default::default() }).collect();
        for (doc, text) in docs.iter_mut().zip([page, page, "正文。\n", "新疆日报\n正文。\n", "", ""]) {
            name_source(doc, text);
        }
        distinct_names(&mut docs);
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["人民日报 · 2025-10-20 (p5)", "人民日报 · 2025-10-20 (p6)", "other", "新疆日报", "a.txt", "a.md"]);
        assert_eq!(docs[0].paper.as_deref(), Some("人民日报"));
        assert_eq!(docs[0].date.as_deref(), Some("2025-10-20"));
        let given: GivenNames = [("p6.txt", " 第六版 "), ("other.txt", "  "), ("none.txt", "无")].map(|(id, n)| (id.to_owned(), n.to_owned())).into();
        let names: Vec<&str> = docs.iter().map(|d| shown_name(&d.id, &d.name, &given)).collect();
        assert_eq!(&names[..3], ["人民日报 · 2025-10-20 (p5)", "第六版", "other"]);
    }
}
