use super::*;
use crate::model::{BlockKind, DocumentAnalysis, MarkerKind};

/// A page being set by hand: one-character runs, as pdf-extract gives them.
struct Setter {
    runs: Vec<Run>,
}

impl Setter {
    fn new() -> Self {
        Setter { runs: Vec::new() }
    }

    /// One line of text from (x, baseline y), one cell per character.
    fn line(&mut self, text: &str, x: f32, y: f32, size: f32) {
        for (k, ch) in text.chars().enumerate() {
            self.runs.push(Run { text: ch.to_string(), x: x + k as f32 * size, y, width: size, size });
        }
    }

    /// Paragraphs set into columns `cells` wide at the lefts given, from
    /// baseline `y` down, `rows` lines a column, the first line of each
    /// paragraph indented two cells. Returns the baseline below the text.
    fn columns(&mut self, paragraphs: &[&str], lefts: &[f32], cells: usize, rows: usize, y: f32, size: f32) -> f32 {
        let mut lines: Vec<(String, bool)> = Vec::new();
        for p in paragraphs {
            let chars: Vec<char> = p.chars().collect();
            let mut at = 0;
            let mut first = true;
            while at < chars.len() {
                let room = if first { cells - 2 } else { cells };
                let end = (at + room).min(chars.len());
                lines.push((chars[at..end].iter().collect(), first));
                at = end;
                first = false;
            }
        }
        let pitch = size * 1.5;
        for (k, (text, first)) in lines.iter().enumerate() {
            let (col, row) = (k / rows, k % rows);
            let x = lefts[col] + if *first { 2.0 * size } else { 0.0 };
            self.line(text, x, y + row as f32 * pitch, size);
        }
        y + rows.min(lines.len()) as f32 * pitch
    }

    fn page(self) -> PositionedPage {
        PositionedPage { width: 600.0, height: 800.0, runs: self.runs }
    }
}

const P1: &str = "新华社北京3月5日电　国务院总理李强5日在人民大会堂会见来访的客人，双方就经济形势交换了意见。";
const P2: &str = "李强表示，今年以来，中国经济回升向好的态势不断巩固增强，实现良好开局。";
const P3: &str = "客人表示，愿同中方一道，推动合作不断取得新成果。";
const Q1: &str = "春意浓，花枝俏。重庆奉节段坪村，万亩桃花盛放，人们漫步其中，尽享花开的喜悦。";
const Q2: &str = "以花为媒，文旅赋能。河南固始近百万株郁金香迎春绽放，人们还可以体验花田露营。";

fn analyse(doc: &PositionedDocument) -> (String, DocumentAnalysis) {
    let LaidOut { text, reflowed, .. } = read("p.pdf", doc);
    let doc = DocumentAnalysis { id: "p.pdf".into(), chars: text.chars().count(), articles: reflowed.articles, other: reflowed.other, markup: reflowed.markup, ..Default::default() };
    let problems = crate::reflow::check_coverage(&text, &doc);
    assert!(problems.is_empty(), "{problems:?}\n{text}");
    (text, doc)
}

fn bodies(doc: &DocumentAnalysis) -> Vec<Vec<String>> {
    doc.articles.iter().map(|a| a.paragraphs.iter().map(|p| p.text.clone()).collect()).collect()
}

/// One article in three columns under a headline spanning them, with a
/// page header and footer.
fn one_article_page() -> PositionedPage {
    let mut s = Setter::new();
    s.line("光明日报　2024年3月5日　星期二　第3版", 200.0, 20.0, 9.0);
    s.line("李强会见来访客人", 40.0, 80.0, 26.0);
    s.line("本报记者　王嵘", 40.0, 104.0, 11.0);
    s.columns(&[P1, P2, P3], &[40.0, 220.0, 400.0], 14, 6, 130.0, 12.0);
    s.line("— 3 —", 290.0, 785.0, 9.0);
    s.page()
}

#[test]
fn a_headline_over_columns_heads_its_paragraphs_read_down_each_column() {
    let (text, doc) = analyse(&PositionedDocument { pages: vec![one_article_page()] });
    assert_eq!(doc.articles.len(), 1, "{text}");
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("李强会见来访客人"));
    // Justification spaces go; the one between the label and the name stays.
    assert_eq!(a.byline.as_deref(), Some("本报记者 王嵘"));
    assert_eq!(a.dateline.as_deref(), Some("新华社北京3月5日电"));
    let mut want: Vec<String> = vec![P1.trim_start_matches("新华社北京3月5日电　").into(), P2.into(), P3.into()];
    assert_eq!(bodies(&doc), vec![std::mem::take(&mut want)]);
    let furniture: Vec<String> = doc.other.iter().filter(|b| b.kind == BlockKind::Furniture).map(|b| b.text.split_whitespace().collect()).collect();
    assert_eq!(furniture, ["光明日报2024年3月5日星期二第3版", "—3—"]);
    // The text is the lines in reading order: the header, the headline,
    // the byline, then the first column before the second.
    let order: Vec<usize> = ["光明日报", "李强会见", "本报记者", "新华社北京", "李强表示"].iter().map(|w| text.find(w).expect(w)).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn articles_side_by_side_are_cut_apart_before_their_headlines_and_bodies() {
    let mut s = Setter::new();
    s.line("李强会见来访客人", 40.0, 80.0, 24.0);
    s.columns(&[P2, P3], &[40.0, 170.0], 8, 8, 110.0, 12.0);
    s.line("烂漫春光好", 330.0, 80.0, 24.0);
    s.columns(&[Q1, Q2], &[330.0, 460.0], 8, 8, 110.0, 12.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    let titles: Vec<Option<&str>> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(titles, [Some("李强会见来访客人"), Some("烂漫春光好")], "{text}");
    assert_eq!(bodies(&doc), vec![vec![P2.to_owned(), P3.into()], vec![Q1.into(), Q2.into()]]);
}

#[test]
fn a_subtitle_caption_and_jump_marker_are_told_by_size_and_text() {
    let mut s = Setter::new();
    s.line("烂漫春光好", 40.0, 80.0, 26.0);
    s.line("赏花正当时", 40.0, 104.0, 16.0);
    let y = s.columns(&[Q1], &[40.0, 220.0], 14, 4, 130.0, 12.0);
    s.line("图为重庆奉节的桃花。新华社记者　王翔　摄", 40.0, y + 60.0, 10.0);
    s.columns(&[Q2], &[40.0], 14, 6, y + 90.0, 12.0);
    s.line("（下转第五版）", 40.0, y + 200.0, 12.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    let a = &doc.articles[0];
    assert_eq!((a.title.as_deref(), a.subtitle.as_deref()), (Some("烂漫春光好"), Some("赏花正当时")), "{text}");
    assert_eq!(bodies(&doc), vec![vec![Q1.to_owned(), Q2.into()]]);
    assert_eq!(a.markers.iter().map(|m| (m.kind, m.text.as_str())).collect::<Vec<_>>(), [(MarkerKind::ContinuedOn, "（下转第五版）")]);
    let captions: Vec<&str> = doc.other.iter().filter(|b| b.kind == BlockKind::Caption).map(|b| b.text.as_str()).collect();
    assert_eq!(captions, ["图为重庆奉节的桃花。新华社记者 王翔 摄"]);
}

#[test]
fn body_before_any_headline_is_a_continued_article_without_a_title() {
    let mut s = Setter::new();
    s.line("（上接第2版）", 40.0, 80.0, 12.0);
    let y = s.columns(&[P2, P3], &[40.0, 220.0], 14, 3, 100.0, 12.0);
    s.line("烂漫春光好", 40.0, y + 40.0, 26.0);
    s.columns(&[Q1], &[40.0, 220.0], 14, 4, y + 70.0, 12.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert_eq!(doc.articles.len(), 2, "{text}");
    assert_eq!(doc.articles[0].title, None);
    assert_eq!(doc.articles[0].markers[0].kind, MarkerKind::ContinuedFrom);
    assert_eq!(bodies(&doc), vec![vec![P2.to_owned(), P3.into()], vec![Q1.into()]]);
}

#[test]
fn a_paragraph_goes_on_across_pages() {
    let p2: Vec<char> = P2.chars().collect();
    let mut first = Setter::new();
    first.line("李强会见来访客人", 40.0, 80.0, 26.0);
    first.line(&p2[..12].iter().collect::<String>(), 64.0, 110.0, 12.0);
    first.line(&p2[12..26].iter().collect::<String>(), 40.0, 128.0, 12.0);
    let mut second = Setter::new();
    second.line(&p2[26..].iter().collect::<String>(), 40.0, 80.0, 12.0);
    second.columns(&[P3], &[40.0], 14, 4, 98.0, 12.0);
    let (_, doc) = analyse(&PositionedDocument { pages: vec![first.page(), second.page()] });
    assert_eq!(bodies(&doc), vec![vec![P2.to_owned(), P3.into()]]);
}

#[test]
fn without_size_or_indentation_the_text_rules_read_the_page() {
    let mut s = Setter::new();
    for (k, line) in ["第一段的文字在这里结束。", "第二段从这里开始，", "又在这里结束。"].iter().enumerate() {
        s.line(line, 40.0, 80.0 + 18.0 * k as f32, 12.0);
    }
    let doc = PositionedDocument { pages: vec![s.page()] };
    let LaidOut { text, reflowed, .. } = read("p.pdf", &doc);
    let by_text = crate::reflow::reflow("p.pdf", &text);
    assert_eq!(reflowed.articles, by_text.articles);
    assert_eq!(reflowed.other, by_text.other);
}

#[test]
fn runs_at_no_place_or_size_are_kept_and_nothing_panics() {
    let mut page = one_article_page();
    page.runs.push(Run { text: "坏".into(), x: f32::NAN, y: f32::INFINITY, width: -3.0, size: 0.0 });
    page.runs.push(Run { text: "字\u{0}".into(), x: 1e30, y: -1e30, width: f32::NAN, size: f32::NEG_INFINITY });
    page.runs.push(Run { text: String::new(), x: 0.0, y: 0.0, width: 0.0, size: 12.0 });
    let doc = PositionedDocument { pages: vec![page, PositionedPage::default()] };
    let (text, doc) = analyse(&doc);
    assert!(text.contains('坏') && text.contains('字'));
    assert_eq!(doc.articles[0].title.as_deref(), Some("李强会见来访客人"));
}

#[test]
fn the_laid_out_text_holds_every_character_once() {
    let page = one_article_page();
    let want: usize = page.runs.iter().map(|r| r.text.chars().count()).sum();
    let doc = PositionedDocument { pages: vec![page] };
    assert_eq!(doc.chars(), want);
    let LaidOut { text, .. } = read("p.pdf", &doc);
    assert_eq!(text.chars().filter(|c| *c != '\n').count(), want);
}

#[test]
fn articles_side_by_side_run_over_onto_the_next_page_each_in_its_column() {
    // Two articles side by side, each cut off mid-paragraph at the foot of
    // page one; page two goes on with both, each in its own column.
    let (p, q): (Vec<char>, Vec<char>) = (P2.chars().collect(), Q1.chars().collect());
    let text = |s: &[char]| s.iter().collect::<String>();
    let mut first = Setter::new();
    first.line("李强会见来访客人", 40.0, 80.0, 24.0);
    first.line(&text(&p[..10]), 64.0, 110.0, 12.0);
    first.line(&text(&p[10..22]), 40.0, 128.0, 12.0);
    first.line("烂漫春光好", 330.0, 80.0, 24.0);
    first.line(&text(&q[..10]), 354.0, 110.0, 12.0);
    first.line(&text(&q[10..22]), 330.0, 128.0, 12.0);
    let mut second = Setter::new();
    second.line(&text(&p[22..]), 40.0, 80.0, 12.0);
    second.line(&text(&q[22..]), 330.0, 80.0, 12.0);
    let (text_out, doc) = analyse(&PositionedDocument { pages: vec![first.page(), second.page()] });
    assert_eq!(bodies(&doc), vec![vec![P2.to_owned()], vec![Q1.to_owned()]], "{text_out}");
}

#[test]
fn a_paragraph_run_over_goes_on_with_the_article_left_unfinished() {
    // The left article ends its last sentence on page one; the right one
    // breaks off. Page two goes on at the left margin, unindented: it can
    // only finish the right one's sentence.
    let q: Vec<char> = Q1.chars().collect();
    let text = |s: &[char]| s.iter().collect::<String>();
    let mut first = Setter::new();
    first.line("李强会见来访客人", 40.0, 80.0, 24.0);
    first.columns(&[P3], &[40.0], 14, 4, 110.0, 12.0);
    first.line("烂漫春光好", 330.0, 80.0, 24.0);
    first.line(&text(&q[..10]), 354.0, 110.0, 12.0);
    first.line(&text(&q[10..22]), 330.0, 128.0, 12.0);
    let mut second = Setter::new();
    second.line(&text(&q[22..]), 40.0, 80.0, 12.0);
    let (_, doc) = analyse(&PositionedDocument { pages: vec![first.page(), second.page()] });
    assert_eq!(bodies(&doc), vec![vec![P3.to_owned()], vec![Q1.to_owned()]]);
}

#[test]
fn a_photo_caption_under_a_headline_is_no_byline() {
    let mut s = Setter::new();
    s.line("烂漫春光好", 40.0, 80.0, 26.0);
    s.line("图为重庆奉节的桃花", 40.0, 104.0, 10.0);
    s.columns(&[Q1], &[40.0, 220.0], 14, 4, 130.0, 12.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert_eq!(doc.articles[0].byline, None, "{text}");
    assert_eq!(doc.other.iter().map(|b| (b.kind, b.text.as_str())).collect::<Vec<_>>(), [(BlockKind::Caption, "图为重庆奉节的桃花")]);
    // A small line under the headline that is no caption is its byline.
    let mut s = Setter::new();
    s.line("烂漫春光好", 40.0, 80.0, 26.0);
    s.line("本报记者　李明", 40.0, 104.0, 10.0);
    s.columns(&[Q1], &[40.0, 220.0], 14, 4, 130.0, 12.0);
    let (_, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert_eq!(doc.articles[0].byline.as_deref(), Some("本报记者 李明"));
}

#[test]
fn small_type_in_the_margin_bands_is_furniture_and_body_type_there_is_body() {
    // A section label in the top band (no furniture pattern says what it
    // is) and a column whose last line runs into the bottom band.
    let mut s = Setter::new();
    s.line("要闻", 280.0, 20.0, 9.0);
    s.line("李强会见来访客人", 40.0, 80.0, 26.0);
    let p: Vec<char> = P2.chars().collect();
    s.line(&p[..12].iter().collect::<String>(), 64.0, 740.0, 12.0);
    s.line(&p[12..26].iter().collect::<String>(), 40.0, 758.0, 12.0);
    s.line(&p[26..].iter().collect::<String>(), 40.0, 776.0, 12.0);
    s.line("本期导读见第二版", 40.0, 795.0, 9.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert_eq!(bodies(&doc), vec![vec![P2.to_owned()]], "{text}");
    let furniture: Vec<&str> = doc.other.iter().filter(|b| b.kind == BlockKind::Furniture).map(|b| b.text.as_str()).collect();
    assert_eq!(furniture, ["要闻", "本期导读见第二版"]);
    // The same small lines in mid-page are no furniture.
    let mut s = Setter::new();
    s.line("李强会见来访客人", 40.0, 80.0, 26.0);
    s.columns(&[P2], &[40.0], 14, 4, 110.0, 12.0);
    s.line("要闻", 280.0, 400.0, 9.0);
    let (_, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert!(doc.other.iter().all(|b| b.kind != BlockKind::Furniture), "{:?}", doc.other);
}

#[test]
fn the_layout_trace_shows_each_block_and_line_in_reading_order() {
    let trace = debug_layout(&PositionedDocument { pages: vec![one_article_page()] });
    assert!(trace.starts_with("=== page 1 (600 × 800)\n"), "{trace}");
    let headline = trace.find("|李强会见来访客人").expect("the headline line");
    let column = trace.find("|李强表示").expect("the second paragraph");
    assert!(headline < column);
    assert!(trace.contains("--- block ") && trace.contains("size 26.0"), "{trace}");
}

#[test]
fn a_line_printed_twice_a_hair_apart_for_bold_is_read_once() {
    let mut s = Setter::new();
    s.line("烂漫春光好", 40.0, 80.0, 26.0);
    s.line("烂漫春光好", 40.3, 80.2, 26.0);
    s.columns(&[Q1], &[40.0, 220.0], 14, 4, 130.0, 12.0);
    // The same characters a cell apart are two characters.
    s.line("好好学习", 40.0, 250.0, 12.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert_eq!(doc.articles[0].title.as_deref(), Some("烂漫春光好"), "{text}");
    assert!(text.contains("好好学习"), "{text}");
}

#[test]
fn small_type_running_several_lines_is_body_text_not_a_byline_or_caption() {
    let mut s = Setter::new();
    s.line("烂漫春光好", 40.0, 80.0, 26.0);
    // A 链接 box set a size down under the headline: body of the article.
    let y = s.columns(&[Q2], &[40.0], 12, 8, 110.0, 10.0);
    s.columns(&[Q1], &[40.0, 220.0], 14, 4, y + 20.0, 12.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert_eq!(doc.articles[0].byline, None, "{text}");
    assert_eq!(bodies(&doc), vec![vec![Q2.to_owned(), Q1.into()]], "{text}");
    // Two small lines there are still a byline.
    let mut s = Setter::new();
    s.line("烂漫春光好", 40.0, 80.0, 26.0);
    s.line("本报记者　李明", 40.0, 104.0, 10.0);
    s.line("通讯员　王芳", 40.0, 119.0, 10.0);
    s.columns(&[Q1], &[40.0, 220.0], 14, 4, 140.0, 12.0);
    let (text, doc) = analyse(&PositionedDocument { pages: vec![s.page()] });
    assert_eq!(doc.articles[0].byline.as_deref(), Some("本报记者 李明通讯员 王芳"), "{text}");
}
