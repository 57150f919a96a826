//! The press conventions reflow recognises, as patterns over cleaned text.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::MarkerKind;

/// Who files a report: news agencies, `本报`, and named papers.
const SOURCE: &str = r"(?:新华社|新華社|中新社|本报|本報|人民日报|人民日報|[\p{Han}]{2,10}?(?:日报|日報|晚报|晚報|时报|時報|电视台|電視台|新闻网|新聞網|通讯社|通訊社|报|報))";

/// An opening dateline at the start of a paragraph: `新华社北京6月18日电`,
/// `本报阿斯塔纳6月18日电（记者…）`, `本报讯（实习记者 包洪宇）`, and a
/// news site's `央视网消息（新闻联播）：`.
static OPENING_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:本报讯|[\p{{Han}}]{{1,8}}?(?:网|網|社|台)消息\s*(?:[（(][^（）()\n]{{1,20}}[）)])?\s*[：:]?|{SOURCE}[\p{{Han}}/·]{{0,10}}?\s*(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)\s*(?:电|讯|電|訊)|{SOURCE}[\p{{Han}}]{{0,8}}?(?:电|讯|電|訊))(?:\s*[（(][^（）()\n]{{1,60}}[）)])?"
    ))
    .unwrap()
});

/// A dateline standing alone, closing an article: `（新华社北京6月18日电）`
/// or a bare `新华社北京6月15日电`.
static CLOSING_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[（(]\s*{SOURCE}[^（）()]{{0,20}}?(?:电|讯|電|訊)\s*[）)]|{SOURCE}[\p{{Han}}]{{0,10}}?\d{{1,2}}月\d{{1,2}}日(?:电|讯|電|訊))$"
    ))
    .unwrap()
});

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*(上接|下转|接|转)\s*第?\s*[0-9一二三四五六七八九十百A-Za-z]{1,4}\s*版\s*[）)]").unwrap()
});

/// A byline alone on a line: `新华社记者 董越`, `贵州日报天眼新闻记者 江婷婷`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[\p{Han}]{0,12}?(?:社|报|台|网|新闻|中心))?(?:本报|实习|特约|驻[\p{Han}]{1,6})?(?:记者|通讯员|评论员)|特约撰稿人)(?:\s*[\p{Han}·]{1,6}){1,6}$").unwrap()
});

/// Photo captions and credits: `郑坤摄`, `(人民图片)`, `（新华社记者 王翔 摄）`.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:摄|供图|制图|图片)\s*[）)]?$|^[（(]\s*(?:人民图片|新华社发|资料图片|视觉中国|新华社)\s*[）)]$").unwrap()
});

/// Sections inside an article: `一、继往开来…`, `（二）`, or a quotation standing as a crosshead.
static CROSSHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、[^。！？]{2,40}|[（(][一二三四五六七八九十]{1,3}[）)][^。！？]{0,40}|“[^“”。！？]{2,40}”|「[^「」。！？]{2,40}」)$").unwrap()
});

/// Characters some press conventions cannot match without, found in one
/// pass over a line's characters (no UTF-8 to decode). Each pattern still
/// checks its own text; these only spare most lines the patterns that
/// cannot match them.
#[derive(Debug, Clone, Copy)]
pub struct Triggers {
    /// `电`, `讯` or `息` (`消息`): every opening or closing dateline.
    pub dateline_word: bool,
    /// The first character of `记者`, `通讯员`, `评论员` or `撰稿人`:
    /// every byline ([`is_byline`]).
    pub byline_word: bool,
    /// A character every furniture pattern holds ([`FURNITURE`]): its
    /// first character (a dash, `第`, `图`, `广`, `本`, `责`, `版`, `美`),
    /// or `星` (`星期`) or `版` anywhere.
    pub furniture_word: bool,
    /// `参` or `出` (`参加`, `出席`): every attendance note.
    pub attendance_word: bool,
    /// `，` or `；`: in no byline and no attendance note.
    pub clause_mark: bool,
    /// The text's first and last characters.
    pub first: char,
    pub last: char,
}

/// A bit for each of the characters [`Triggers::of`] looks for, by its
/// code point modulo 64.
const TRIGGER_BITS: u64 = {
    let chars = ['电', '讯', '電', '訊', '息', '记', '通', '评', '撰', FURNITURE_INSIDE[0], FURNITURE_INSIDE[1], '参', '出', '，', '；'];
    let mut bits = 0u64;
    let mut i = 0;
    while i < chars.len() {
        bits |= 1 << (chars[i] as u32 % 64);
        i += 1;
    }
    bits
};

impl Triggers {
    /// Of `content`: a line's characters from the first that is not white
    /// space to the last; `None` when there are none.
    pub fn of(content: &[char]) -> Option<Self> {
        let (&first, &last) = (content.first()?, content.last()?);
        let mut has = Triggers {
            dateline_word: false,
            byline_word: false,
            furniture_word: FURNITURE_OPENERS.contains(&first),
            attendance_word: false,
            clause_mark: false,
            first,
            last,
        };
        for &c in content {
            // One bit rules out most characters before the match below.
            if TRIGGER_BITS & (1 << (c as u32 % 64)) == 0 {
                continue;
            }
            match c {
                c if is_dateline_word(c) => has.dateline_word = true,
                '记' | '通' | '评' | '撰' => has.byline_word = true,
                c if FURNITURE_INSIDE.contains(&c) => has.furniture_word = true,
                '参' | '出' => has.attendance_word = true,
                '，' | '；' => has.clause_mark = true,
                _ => {}
            }
        }
        Some(has)
    }

    /// Could the text be a byline ([`BYLINE`]: a press word, then names)?
    pub fn byline(&self) -> bool {
        self.byline_word && !self.clause_mark
    }

    /// Could the text be a closing dateline ([`CLOSING_DATELINE`]: in
    /// brackets, or ending in `电`)?
    pub fn closing_dateline(&self) -> bool {
        self.dateline_word && (OPENING_BRACKETS.contains(&self.first) || DATELINE_WORDS.contains(&self.last))
    }

    /// Could the text be an attendance note ([`ATTENDANCE`]: one clause)?
    pub fn attendance(&self) -> bool {
        self.attendance_word && !self.clause_mark
    }

    /// Could the text be a crosshead ([`is_crosshead`])?
    pub fn crosshead(&self) -> bool {
        CROSSHEAD_OPENERS.contains(&self.first)
    }

    /// Could the text be a caption or credit ([`is_caption`])?
    pub fn caption(&self) -> bool {
        CAPTION_ENDS.contains(&self.last) || OPENING_BRACKETS.contains(&self.first)
    }
}

/// What a bracketed closing dateline or credit opens with.
const OPENING_BRACKETS: [char; 2] = ['（', '('];
/// What a dateline says it was filed by, and a bare closing one ends with.
const DATELINE_WORDS: [char; 4] = ['电', '讯', '電', '訊'];
/// What a crosshead opens with: a Chinese numeral, a quote, a bracket.
const CROSSHEAD_OPENERS: [char; 14] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '“', '「', '（', '('];
/// What a caption or credit ends or opens with (`摄`, `供图`, `（人民图片）`).
const CAPTION_ENDS: [char; 5] = ['摄', '图', '片', '）', ')'];

/// How far into its paragraph an opening dateline says `电`, `讯` or `消息`.
pub const DATELINE_WORD_WITHIN: usize = 40;

/// `电`, `讯` (simplified or traditional) or the `息` of `消息`.
pub fn is_dateline_word(c: char) -> bool {
    DATELINE_WORDS.contains(&c) || c == '息'
}

/// Most bytes a line of any pattern but the opening dateline holds
/// ([`is_caption`]'s limit; the others' are lower).
pub const SHORT_PATTERN_BYTES: usize = 180;

/// Char length of the opening dateline at the start of `text`, if any.
pub fn opening_dateline_len(text: &str) -> Option<usize> {
    // Cheap rejection first: a dateline says 电, 讯 or 消息 within its first chars.
    if !text.chars().take(DATELINE_WORD_WITHIN).any(is_dateline_word) {
        return None;
    }
    OPENING_DATELINE.find(text).map(|m| m.as_str().chars().count())
}

pub fn is_closing_dateline(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 120 && t.contains(DATELINE_WORDS) && CLOSING_DATELINE.is_match(t)
}

/// Page-jump markers in `text`, as char ranges.
pub fn markers(text: &str) -> Vec<(usize, usize, MarkerKind)> {
    if !text.contains('版') {
        return Vec::new();
    }
    // Char offsets counted on from the last match, never from the start
    // again (that was quadratic in the number of markers on one line).
    let (mut byte, mut chars) = (0, 0);
    MARKER
        .captures_iter(text)
        .map(|c| {
            let m = c.get(0).unwrap();
            let kind = if matches!(&c[1], "上接" | "接") { MarkerKind::ContinuedFrom } else { MarkerKind::ContinuedOn };
            chars += text[byte..m.start()].chars().count();
            let b = chars;
            chars += m.as_str().chars().count();
            byte = m.end();
            (b, chars, kind)
        })
        .collect()
}

/// Page furniture: a page header or masthead line (a date with its weekday,
/// or a 版 number), a page footer (`— 3 —`, `第 21 页`), an editor's credit
/// (`本版责编：…`), `图片报道`, `广告`. Never running text: short, and no
/// sentence ends in it.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[—–\-－]\s*\d{1,3}\s*[—–\-－]|第\s*\d{1,4}\s*页|图片报道|广告)$",
        r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,6}星期[一二三四五六日天]",
        r"|第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版",
        r"|^(?:本版责编|责任编辑|本版编辑|版式设计|美术编辑|责任校对)\s*[：:]",
    ))
    .unwrap()
});

/// What [`FURNITURE`] opens with in its anchored forms, and what it holds
/// in the others (`星期`, `第…版`): furniture holds one of them.
const FURNITURE_OPENERS: [char; 11] = ['—', '–', '-', '－', '第', '图', '广', '本', '责', '版', '美'];
const FURNITURE_INSIDE: [char; 2] = ['星', '版'];

/// [`FURNITURE_INSIDE`] in UTF-8.
const FURNITURE_INSIDE_UTF8: [&[u8]; 2] = ["星".as_bytes(), "版".as_bytes()];

/// Does `t` hold a [`FURNITURE_INSIDE`] character? One pass for both, over
/// the bytes that end them: the masthead asks it of every line of a page.
fn holds_furniture_word(t: &str) -> bool {
    let bytes = t.as_bytes();
    let [star, edition] = FURNITURE_INSIDE_UTF8;
    memchr::memchr2_iter(star[2], edition[2], bytes).any(|end| end >= 2 && [star, edition].contains(&&bytes[end - 2..=end]))
}

pub fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    // Runs on every line: the cheap tests first (one `memchr2` pass for
    // the characters inside), the rare exclusion last.
    (t.starts_with(FURNITURE_OPENERS) || holds_furniture_word(t))
        && t.chars().count() <= 60
        && !crate::text::ends_sentence(t)
        && !t.contains(['，', '。'])
        && FURNITURE.is_match(t)
        && !MARKER.is_match(t)
}

/// A date and nothing else (`2024年3月25日`, [`crate::masthead::DATE`]): a
/// page header's date when an extractor split the header at its wide
/// spaces, or the date under a signed statement; [`super::layout`] tells
/// them apart by what stands next to it.
pub fn is_lone_date(text: &str) -> bool {
    let t = text.trim();
    t.ends_with('日') && t.len() <= 40 && crate::masthead::DATE.find(t).is_some_and(|m| m.range() == (0..t.len()))
}

/// The closing note of an official report, a paragraph of its own in the
/// press's convention: who else attended (`王毅参加上述活动。`,
/// `石泰峰、王东峰等参加会见。`).
static ATTENDANCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[^，。；：！？]{2,40}(?:参加|出席)了?(?:上述|会见|会谈|活动|开幕式|闭幕式|仪式|签字仪式|欢迎仪式)[^，。；]{0,10}。$").unwrap());

pub fn is_attendance_note(text: &str) -> bool {
    let t = text.trim();
    // Runs on every line: the cheap tests first.
    t.ends_with('。') && (t.contains("参加") || t.contains("出席")) && ATTENDANCE.is_match(t)
}

/// How a photo caption's sentence opens (`图为…`, `图：…`, `上图…`).
pub fn opens_caption_sentence(text: &str) -> bool {
    ["图为", "图：", "图:", "上图", "下图"].iter().any(|p| text.starts_with(p))
}

/// One to four personal names and nothing else (`周圆`, `李明 王芳`):
/// what a byline's wrapped last line holds.
static NAMES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\p{Han}·]{2,4}(?:\s+[\p{Han}·]{2,4}){0,3}$").unwrap());

pub fn is_names(text: &str) -> bool {
    NAMES.is_match(text.trim())
}

pub fn is_byline(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 120 && (t.contains("记者") || t.contains("通讯员") || t.contains("评论员") || t.contains("撰稿人")) && BYLINE.is_match(t)
}

pub fn is_caption(text: &str) -> bool {
    let t = text.trim();
    t.len() <= SHORT_PATTERN_BYTES
        && (t.ends_with(CAPTION_ENDS) || t.starts_with(OPENING_BRACKETS))
        && !crate::text::ends_sentence(t)
        && CAPTION.is_match(t)
}

pub fn is_crosshead(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 160 && t.starts_with(CROSSHEAD_OPENERS) && CROSSHEAD.is_match(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_furniture_word_is_found_by_its_bytes_wherever_it_stands() {
        for (k, c) in FURNITURE_INSIDE.into_iter().enumerate() {
            assert_eq!(FURNITURE_INSIDE_UTF8[k], c.to_string().as_bytes());
        }
        // 犟 and 丈 end in the same bytes as 星 and 版, and ǟ in 星’s last.
        for t in ["星期一", "第05版", "2024年3月1日 星期五", "版", "犟丈", "ǟ", "ǟ星", "", "a", "正文正文"] {
            assert_eq!(holds_furniture_word(t), t.contains(FURNITURE_INSIDE), "{t}");
        }
    }

    #[test]
    fn furniture_is_told_from_text() {
        for f in ["湖北日报 2024年3月2日 星期二 第16版", "— 3 —", "- 12 -", "第 21 页", "本版责编：韩墨　版式设计：严冰", "《人民日报》（2025年10月20日 第 05 版）", "图片报道", "2025年10月20日 星期一"] {
            assert!(is_furniture(f), "{f}");
        }
        for t in ["（下转第三版）", "2024年3月2日，记者从省政府获悉", "第16版刊发了这篇文章，引起广泛关注。", "广告业发展迅速", "— 3 — 4 —", "3", "习近平回到北京"] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn a_lone_date_is_a_date_and_nothing_else() {
        for d in ["2024年3月25日", " 2024 年 3 月 8 日 "] {
            assert!(is_lone_date(d), "{d}");
        }
        for t in ["2024年3月25日电", "2024年3月25日，记者从省政府获悉", "3月25日", "2024年3月25日 星期一", "截至2024年3月25日"] {
            assert!(!is_lone_date(t), "{t}");
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(opening_dateline_len("新华社北京6月18日电6月18日下午"), Some(11));
        assert_eq!(opening_dateline_len("本报讯（实习记者 包洪宇）今年以来"), Some(13));
        assert_eq!(opening_dateline_len("本报阿斯塔纳6月18日电（记者王嵘、陈尚文）当地时间"), Some(22));
        assert_eq!(opening_dateline_len("新疆日报乌鲁木齐6月18日讯（石榴云/新疆日报记者陈蔷薇）从乌鲁木齐"), Some(29));
        assert_eq!(opening_dateline_len("新华社北京6月 18日电 党中央"), Some(12));
        assert_eq!(opening_dateline_len("央视网消息（新闻联播）：3月3日，国家主席"), Some(12));
        assert_eq!(opening_dateline_len("央视网消息"), Some(5), "a dateline the line wraps");
        assert_eq!(opening_dateline_len("消息人士称，会谈将在下周举行"), None);
        assert_eq!(opening_dateline_len("王毅说，仲夏时节"), None);
        assert_eq!(opening_dateline_len("新华社记者 董越"), None);
        // Traditional characters, as Hong Kong and Taiwan papers print them.
        assert_eq!(opening_dateline_len("新華社阿斯塔納6月17日電 國家主席"), Some(13));
        assert!(is_closing_dateline("（新華社北京6月18日電）"));
        assert!(is_closing_dateline("（新华社北京6月18日电）"));
        assert!(is_closing_dateline("(新华社北京6月19日电)"));
        assert!(is_closing_dateline("新华社北京6月15日电"));
        assert!(!is_closing_dateline("新华社北京6月18日电 6月18日下午"));
    }

    #[test]
    fn markers_bylines_captions() {
        assert_eq!(markers("（下转第三版）"), vec![(0, 7, MarkerKind::ContinuedOn)]);
        assert_eq!(markers("（上接第1版）一要以"), vec![(0, 7, MarkerKind::ContinuedFrom)]);
        assert_eq!(markers("重大。’（下转第二版）").len(), 1);
        assert!(is_byline("新华社记者 董 越"));
        assert!(is_byline("贵州日报天眼新闻记者 江婷婷"));
        assert!(!is_byline("记者从农业农村部了解到，截至6月18日"));
        assert!(!is_byline("亚斯卡罗娃向记者分享了自"));
        assert!(is_caption("郑坤摄"));
        assert!(is_caption("(人民图片)"));
        assert!(is_caption("（新华社记者 王翔 摄）"));
        assert!(is_crosshead("一、继往开来，点亮“中国—中亚精神”"));
        assert!(is_crosshead("“体现高度的政治互信”"));
        assert!(!is_crosshead("“这是令人振奋的好消息。就在峰会当天”"));
    }
}
