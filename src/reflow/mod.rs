//! Reflow: from a raw page dump to articles and clean paragraphs.
//!
//! Three passes, each on data that keeps input offsets per character:
//! 1. [`layout`] groups physical lines into units, telling column breaks
//!    from paragraph ends with a column width inferred from the page;
//! 2. [`classify`] names each unit with the press's conventions (datelines,
//!    bylines, headlines, markers, captions) from [`patterns`];
//! 3. [`assemble`] rejoins paragraphs cut by displaced headlines, splits the
//!    page into articles, and gives each headline to the article whose words
//!    it shares, since some papers print the headline after the body.
//!
//! Invariant (checked by [`check_coverage`]): every input character that
//! is not white space lands in exactly one piece, or, if it is Markdown
//! markup read as such, in the document's `markup` spans.

mod assemble;
mod classify;
mod columns;
mod headline_block;
pub mod layout;
pub mod patterns;
pub mod piece;
mod row_order;
pub mod witnessed;

use crate::model::{Article, Block, DocumentAnalysis, Span};

/// What reflow makes of one document.
pub struct Reflowed {
    pub articles: Vec<Article>,
    pub other: Vec<Block>,
    /// Markdown markup read as markup and not shown (`## `, `**`).
    pub markup: Vec<Span>,
    /// Lines whose order was read from the text alone, as columns printed
    /// a row at a time come ([`layout::Line::interleaved`]).
    pub interleaved_lines: usize,
}

/// Reflows `text` into articles and other blocks. `doc_id` is the file
/// name: inline Markdown is markup only in a Markdown file.
pub fn reflow(doc_id: &str, text: &str) -> Reflowed {
    reflow_decoded(doc_id, text, &text.chars().collect::<Vec<char>>(), &witnessed::Witnessed::default())
}

/// [`reflow`] of text already split into characters.
pub fn reflow_chars(doc_id: &str, src: &[char]) -> Reflowed {
    reflow_chars_witnessed(doc_id, src, &witnessed::Witnessed::default())
}

/// [`reflow_chars`] again, with what other papers' copies of its reports
/// say about the page (see [`witnessed`]).
pub fn reflow_chars_witnessed(doc_id: &str, src: &[char], hints: &witnessed::Witnessed) -> Reflowed {
    reflow_decoded(doc_id, &crate::text::string_of(src), src, hints)
}

/// [`reflow_chars_witnessed`] of a text whose characters `src` are: both
/// at hand, as after decoding, the text's lines are copied, not encoded
/// again.
fn reflow_decoded(doc_id: &str, text: &str, src: &[char], hints: &witnessed::Witnessed) -> Reflowed {
    debug_assert_eq!(text.len(), crate::text::utf8_len(src));
    let lines = layout::lines_of(src, text);
    let mut markup = Vec::new();
    let markdown = crate::intake::is_markdown_name(doc_id) || layout::certain_markdown(src, &lines);
    let units = layout::units(src, &lines, markdown, &mut markup);
    let interleaved_lines = lines.iter().filter(|l| l.interleaved()).count();
    drop(lines);
    let items = classify::classify(units);
    let (articles, other) = assemble::assemble(doc_id, src, items, hints);
    Reflowed { articles, other, markup: crate::model::spans_from_offsets(markup, src), interleaved_lines }
}

/// A human-readable trace of the layout pass, for tuning heuristics.
pub fn debug_layout(text: &str) -> String {
    use std::fmt::Write;
    let src: Vec<char> = text.chars().collect();
    let lines = layout::lines(&src);
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        let _ = writeln!(out, "{i:4} w{:5.1} col{:5.1} |{}", l.width, l.column, l.text);
    }
    for item in classify::classify(layout::units(&src, &lines, false, &mut Vec::new())) {
        let _ = writeln!(out, "{item:?}").map(|_| ());
    }
    out
}

/// Fills the reflow fields of `doc` from `text`.
pub fn reflow_into(doc: &mut DocumentAnalysis, text: &str) {
    reflow_decoded_into(doc, text, &text.chars().collect::<Vec<char>>());
}

/// Fills the reflow fields of `doc` from its text and that text's
/// characters `src` (offsets count them).
pub fn reflow_decoded_into(doc: &mut DocumentAnalysis, text: &str, src: &[char]) {
    let Reflowed { articles, other, markup, interleaved_lines } = reflow_decoded(&doc.id, text, src, &witnessed::Witnessed::default());
    if interleaved_lines >= layout::INTERLEAVED_WARNING_LINES {
        doc.warnings.push(crate::model::Warning::RowsInterleaved { lines: interleaved_lines });
    }
    doc.articles = articles;
    doc.other = other;
    doc.markup = markup;
}

/// Every span of every piece of `doc`, tagged with a description.
pub fn all_spans(doc: &DocumentAnalysis) -> Vec<(String, &str, &[Span])> {
    let mut out: Vec<(String, &str, &[Span])> = Vec::new();
    for a in &doc.articles {
        let fields = [
            ("title", a.title.as_deref(), &a.title_spans),
            ("subtitle", a.subtitle.as_deref(), &a.subtitle_spans),
            ("byline", a.byline.as_deref(), &a.byline_spans),
            ("dateline", a.dateline.as_deref(), &a.dateline_spans),
        ];
        for (what, text, spans) in fields {
            if let Some(t) = text {
                out.push((format!("{} {what}", a.id), t, spans));
            }
        }
        for (k, p) in a.paragraphs.iter().enumerate() {
            if let Some(d) = &p.dateline {
                out.push((format!("{} paragraph {k} dateline", a.id), d, &p.dateline_spans));
            }
            out.push((format!("{} paragraph {k}", a.id), &p.text, &p.spans));
        }
        for m in &a.markers {
            out.push((format!("{} marker", a.id), &m.text, &m.spans));
        }
    }
    for (k, b) in doc.other.iter().enumerate() {
        out.push((format!("other {k} ({:?})", b.kind), &b.text, &b.spans));
    }
    out
}

/// Checks the coverage invariant; returns a description of each violation.
/// Every character that is not white space (see [`crate::text::Space`])
/// belongs to exactly one piece, or is Markdown markup listed in
/// `doc.markup`; and each piece's spans read exactly its text.
pub fn check_coverage(text: &str, doc: &DocumentAnalysis) -> Vec<String> {
    use crate::text::Space;
    let src: Vec<char> = text.chars().collect();
    let mut owner: Vec<u32> = vec![0; src.len()];
    let mut problems = Vec::new();
    let markup = [("markup".to_owned(), "", doc.markup.as_slice())];
    for (what, piece_text, spans) in all_spans(doc).into_iter().chain(markup.iter().map(|(w, t, s)| (w.clone(), *t, *s))) {
        let mut from_spans = String::new();
        for &[b, e] in spans {
            if b >= e || e > src.len() {
                problems.push(format!("{what}: bad span [{b}, {e})"));
                continue;
            }
            for (i, owner) in owner.iter_mut().enumerate().take(e).skip(b) {
                if !src[i].is_space() {
                    *owner += 1;
                    from_spans.push(src[i]);
                }
            }
        }
        if what == "markup" {
            if let Some(c) = from_spans.chars().find(|c| !matches!(c, '#' | '*')) {
                problems.push(format!("markup holds {c:?}"));
            }
            continue;
        }
        let want: String = piece_text.chars().filter(|c| !c.is_space()).collect();
        if from_spans != want {
            problems.push(format!("{what}: spans read {from_spans:?}, text is {want:?}"));
        }
    }
    for (i, &n) in owner.iter().enumerate() {
        let c = src[i];
        if c.is_space() {
            continue;
        }
        if n == 0 {
            problems.push(format!("char {i} {c:?} belongs to nothing"));
        } else if n > 1 {
            problems.push(format!("char {i} {c:?} belongs to {n} pieces"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_after_an_unfinished_paragraph_heads_the_next_report() {
        // A narrow column: the first report breaks off at a full line.
        let text = "第一篇的标题\n\n这是第一篇正文的最后\n一段，在这里被版面截\n断了，没有写完的句子\n还会继续到别的版面上\n\n第二篇的标题\n\n新华社北京6月18日电 第\n二篇的正文从这里开始，\n讲的是另一件事情。\n";
        let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
        reflow_into(&mut doc, text);
        let titles: Vec<Option<&str>> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
        assert_eq!(titles, [Some("第一篇的标题"), Some("第二篇的标题")], "{:#?}", doc.articles);
        assert_eq!(doc.articles[1].dateline.as_deref(), Some("新华社北京6月18日电"));
        assert!(check_coverage(text, &doc).is_empty());
    }

    /// `text` reflowed, after checking that every character of it is
    /// accounted for.
    fn reflowed(text: &str) -> DocumentAnalysis {
        let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
        reflow_into(&mut doc, text);
        assert!(check_coverage(text, &doc).is_empty());
        doc
    }

    /// The articles' paragraphs of `text` reflowed (see [`reflowed`]).
    fn paragraphs_of(text: &str) -> Vec<String> {
        reflowed(text).articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.text.clone())).collect()
    }

    #[test]
    fn a_quotation_a_break_cut_off_is_no_headline_and_goes_on_after_the_break() {
        // One paragraph a line; a column break cuts a quotation after its
        // first words. Short and unfinished, the cut line would read as a
        // headline but for the quotation it leaves open.
        let text = "第一篇的标题\n\n新华社北京6月18日电 这是第一篇正文的第一段，写在这里。\n\n“如果将中国—中亚命运共同体\n\n比作一株植物，它需要施肥浇水才能生长。”专家说。\n\n这是第一篇的最后一段。\n";
        let doc = reflowed(text);
        let titles: Vec<Option<&str>> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
        assert_eq!(titles, [Some("第一篇的标题")], "{:#?}", doc.articles);
        let paragraphs = paragraphs_of(text);
        assert_eq!(paragraphs[1], "“如果将中国—中亚命运共同体比作一株植物，它需要施肥浇水才能生长。”专家说。", "{paragraphs:#?}");
        // A closing mark left over (or an opening one printed as `”`) too.
        let doc = reflowed(&text.replace("“如果", "”如果"));
        assert_eq!(doc.articles.len(), 1, "{:#?}", doc.articles);
        // A headline that holds its whole quotation is still a headline.
        let quoted = text.replace("“如果将中国—中亚命运共同体\n\n比作", "“两会”时间\n\n新华社北京6月18日电 比作");
        let titles: Vec<String> = reflowed(&quoted).articles.iter().filter_map(|a| a.title.clone()).collect();
        assert_eq!(titles, ["第一篇的标题", "“两会”时间"]);
    }

    #[test]
    fn a_dash_line_with_no_title_above_it_is_its_articles_subtitle() {
        // `——记…` under a finished paragraph: the subtitle of the report
        // that follows, never its title, whatever the line's width.
        let text = "上一篇的最后一段写在这里。\n\n——记在希望的田野上\n\n新华社北京6月18日电 今天，这是正文的第一段。\n这是正文的第二句。\n";
        let doc = reflowed(text);
        let heads: Vec<(Option<&str>, Option<&str>)> = doc.articles.iter().map(|a| (a.title.as_deref(), a.subtitle.as_deref())).collect();
        assert_eq!(heads, [(None, None), (None, Some("——记在希望的田野上"))], "{:#?}", doc.articles);
    }

    #[test]
    fn a_sentence_a_column_break_cut_goes_on_where_its_column_does_past_another_column() {
        // pdftotext's default mode: each column a block, another column's
        // block between the cut sentence and the rest of it.
        let text = "春光好\n\n本报西安3月9日电 阳春三月\n，鲜花盛开。在陕西汉中，\n地处秦岭南麓的洋县万亩油\n菜花海金灿夺\n\n全国政协委员夏先生表示，要建\n设集体育、文化、产业于一体的\n产业园。\n\n目，游客们赏花拍照，感受\n春天气息。\n";
        assert_eq!(paragraphs_of(text), ["阳春三月，鲜花盛开。在陕西汉中，地处秦岭南麓的洋县万亩油菜花海金灿夺目，游客们赏花拍照，感受春天气息。", "全国政协委员夏先生表示，要建设集体育、文化、产业于一体的产业园。"]);
        // A paragraph that may open one (`目前，`) is no rest of a sentence.
        let found = paragraphs_of(&text.replace("目，游客们", "目前，游客"));
        assert_eq!(found.last().map(String::as_str), Some("目前，游客赏花拍照，感受春天气息。"), "{found:#?}");
        // Nor does a finished sentence take the text that may go on it.
        let found = paragraphs_of(&text.replace("菜花海金灿夺", "菜花海金灿灿。"));
        assert_eq!(found.last().map(String::as_str), Some("目，游客们赏花拍照，感受春天气息。"), "{found:#?}");
    }

    #[test]
    fn a_headline_dropped_into_a_datelines_paragraph_titles_it_and_the_paragraph_is_whole() {
        // The article's first paragraph, after its dateline, stops
        // mid-sentence; its headline stands before the rest.
        let text = "新华社贵阳6月16日电 多国人士在接受记者采访时表示，峰会成果具有重要的全球示\n\n习近平主席在讲话中指出\n\n范意义。专家说，这一条约具有重要意义。\n\n各方将继续深化合作。\n";
        let doc = reflowed(text);
        assert_eq!(doc.articles.len(), 1, "{:#?}", doc.articles);
        let a = &doc.articles[0];
        assert_eq!(a.title.as_deref(), Some("习近平主席在讲话中指出"));
        assert_eq!(a.dateline.as_deref(), Some("新华社贵阳6月16日电"));
        let paragraphs: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(paragraphs, ["多国人士在接受记者采访时表示，峰会成果具有重要的全球示范意义。专家说，这一条约具有重要意义。", "各方将继续深化合作。"]);
        // A dateline's paragraph that ends its sentence keeps its place:
        // the headline after it heads what follows.
        let doc = reflowed(&text.replace("全球示\n", "全球意义。\n"));
        assert_eq!(doc.articles.len(), 2, "{:#?}", doc.articles);
        assert_eq!(doc.articles[1].title.as_deref(), Some("习近平主席在讲话中指出"));
    }

    #[test]
    fn of_two_headlines_between_an_untitled_article_and_the_next_the_first_heads_the_one_above() {
        let text = "新华社北京6月16日电 第一篇的正文写在这里，\n已经写完了。\n\n\n稳步推进农业现代化\n\n\n持续提升互联互通水平\n\n新华社西安6月17日电 第二篇的正文从这里开\n始，讲的是另一件事情。\n";
        let doc = reflowed(text);
        let titles: Vec<Option<&str>> = doc.articles.iter().map(|a| a.title.as_deref()).collect();
        assert_eq!(titles, [Some("稳步推进农业现代化"), Some("持续提升互联互通水平")], "{:#?}", doc.articles);
        // An article continued from another page has its title there: the
        // lines head the article below.
        let doc = reflowed(&format!("（上接第1版）{text}"));
        assert_eq!(doc.articles[0].title, None, "{:#?}", doc.articles);
        assert!(doc.articles[1].title.as_deref().is_some_and(|t| t.starts_with("稳步推进农业现代化")), "{:#?}", doc.articles);
    }

    #[test]
    fn the_rest_of_a_cut_sentence_is_looked_for_twelve_items_on() {
        let with_between = |between: usize| {
            let others: Vec<String> = (0..between).map(|k| format!("另一栏的第{k}段话，写在\n这里，已经写完了。\n")).collect();
            paragraphs_of(&format!("春光好\n\n阳春三月，鲜花盛开。在陕\n西汉中，地处秦岭南麓的洋\n县，油菜花金灿夺\n\n{}\n目，游客们赏花拍照，感受\n春天气息。\n", others.join("\n")))
        };
        // A paragraph with no dateline.
        let joined = "阳春三月，鲜花盛开。在陕西汉中，地处秦岭南麓的洋县，油菜花金灿夺目，游客们赏花拍照，感受春天气息。";
        let found = with_between(11);
        assert_eq!((found.len(), found[0].as_str()), (12, joined), "{found:#?}");
        let found = with_between(12);
        assert_eq!(found.len(), 14, "{found:#?}");
        assert_eq!(found.last().map(String::as_str), Some("目，游客们赏花拍照，感受春天气息。"));
    }

    #[test]
    fn a_caption_wrapped_over_lines_under_a_full_line_is_one_caption_between_two_paragraphs() {
        // The paragraph ends on a full line; the caption's 图为 sentence and
        // its credit wrap over three lines of the column; text goes on.
        let text = "王沪宁会见英国两党议员代表团\n\n本报武汉3月21日电\n中共中央政治局常委、全\n国政协主席王沪宁21日\n在京会见来华出席第十二\n届中英政党对话的英国保\n守党、工党议员代表团。\n图为石泰峰、王东峰等参加\n上 述 会 见 。 新 华 社 记 者 王 嵘\n摄\n王沪宁表示，中国正\n以高质量发展全面推进中\n国式现代化。\n";
        let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
        reflow_into(&mut doc, text);
        let paragraphs: Vec<&str> = doc.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.text.as_str())).collect();
        assert_eq!(paragraphs, ["中共中央政治局常委、全国政协主席王沪宁21日在京会见来华出席第十二届中英政党对话的英国保守党、工党议员代表团。", "王沪宁表示，中国正以高质量发展全面推进中国式现代化。"], "{:#?}", doc);
        let captions: Vec<&str> = doc.other.iter().filter(|b| b.kind == crate::model::BlockKind::Caption).map(|b| b.text.as_str()).collect();
        assert_eq!(captions, ["图为石泰峰、王东峰等参加上述会见。新华社记者王嵘摄"]);
        assert!(check_coverage(text, &doc).is_empty());
        // A credit four lines below a 图为 line signs no caption it opens:
        // those lines stay text.
        let text = "烂漫春光好\n\n今年春天来得早，山坡上开满了鲜花。\n图为春光下的山坡，鲜花开满了整\n个山坡，游客们赏花拍照，感受春\n天的气息和乡村振兴的新变化，在\n花海中流连忘返，久久不愿离去。\n新华社记者 王翔 摄\n";
        let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
        reflow_into(&mut doc, text);
        assert!(doc.articles.iter().flat_map(|a| &a.paragraphs).any(|p| p.text.contains("游客们赏花拍照")), "{:#?}", doc);
    }

    #[test]
    fn a_byline_whose_last_name_wrapped_keeps_it_and_the_title_stays_whole() {
        // A headline wrapped in a narrow column, its last character printed
        // on the byline's line, the byline's last name on a line of its
        // own (as pdf.js gave a typeset page); then the same with the
        // byline's first line justified, and with a name cut in two.
        let body = "央视网消息（新\n闻联播）：两会是世\n界观察中国的一个重\n要窗口，今年来到两\n会现场采访的外国记\n者表示，通过两会了\n解了中国的发展。\n";
        let cases = [
            ("采 访 两 会\n的 外 国 记\n者 ： 中 国\n高 质 量 发\n展 带 给 世\n界 更 多 机\n遇本报记者 陈尚文\n周圆\n", "采访两会的外国记者：中国高质量发展带给世界更多机遇", "本报记者陈尚文周圆"),
            ("俄 称 击 落\n大 量 乌 无\n人机\n本 报 记 者 严 冰\n周圆\n", "俄称击落大量乌无人机", "本报记者严冰周圆"),
            // The wrap cut the name: its last character alone.
            ("南水北调\n累计调水\n突 破 700\n亿立方米\n本 报 记 者 周\n圆\n", "南水北调累计调水突破700亿立方米", "本报记者周圆"),
        ];
        // A byline over a dateline does not run on into it, and a justified
        // line of text over a short line of two characters is no byline.
        let text = "李强会见客人\n本报记者 王嵘\n新华社北京3月5日电 国务院总理\n李强5日在人民大会堂会见来访\n的客人，双方表示要继 续 保 持 多 种 形 式 的 交\n往来\n";
        let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
        reflow_into(&mut doc, text);
        let a = &doc.articles[0];
        assert_eq!((a.byline.as_deref(), a.dateline.as_deref()), (Some("本报记者 王嵘"), Some("新华社北京3月5日电")), "{:#?}", doc.articles);
        assert!(a.paragraphs.iter().any(|p| p.text.contains("的交往来")), "{:#?}", doc.articles);
        for (head, title, byline) in cases {
            let text = format!("{head}{body}");
            let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
            reflow_into(&mut doc, &text);
            let a = &doc.articles[0];
            assert_eq!(a.title.as_deref().map(|t| t.split_whitespace().collect::<String>()), Some(title.into()), "{:#?}", doc.articles);
            assert_eq!(a.byline.as_deref().map(|b| b.split_whitespace().collect::<String>()), Some(byline.into()));
            assert!(check_coverage(&text, &doc).is_empty());
        }
    }

    #[test]
    fn who_attended_closes_a_report_as_a_paragraph_of_its_own_after_a_full_line() {
        // The last paragraph ends on a full line of its column; the note on
        // who attended follows unindented.
        let report = |last: &str| format!("李强会见客人\n\n新华社北京3月5日电 国务院总理\n李强5日在人民大会堂会见来\n访的客人，双方签署了多项合\n作文件，涉及贸易和投资等。\n{last}\n");
        let paragraphs = |text: &str| {
            let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
            reflow_into(&mut doc, text);
            assert!(check_coverage(text, &doc).is_empty());
            doc.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.text.clone())).collect::<Vec<_>>()
        };
        assert_eq!(paragraphs(&report("吴政隆参加上述活动。")), ["国务院总理李强5日在人民大会堂会见来访的客人，双方签署了多项合作文件，涉及贸易和投资等。", "吴政隆参加上述活动。"]);
        // Any other sentence there goes on the paragraph, as a sentence that
        // ends on a full line usually does.
        assert_eq!(paragraphs(&report("客人参加了交流并发言。")).len(), 1);
    }

    #[test]
    fn a_sentence_ending_a_cell_short_of_a_justified_column_ends_its_paragraph() {
        // A 13-cell column; the first paragraph's last line stops a cell
        // short, and the next paragraph's indent was lost.
        let paragraphs = |body: &str| {
            let text = format!("李强会见客人\n\n国务院总理李强五日在人民大\n会堂会见来访的客人双方交换\n了意见并签署了合作文件。\n{body}");
            let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
            reflow_into(&mut doc, &text);
            assert!(check_coverage(&text, &doc).is_empty());
            doc.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.text.clone())).collect::<Vec<_>>()
        };
        let two = paragraphs("李强表示中国经济回升向好的\n态势不断巩固增强实现良好开\n局。\n");
        assert_eq!(two, ["国务院总理李强五日在人民大会堂会见来访的客人双方交换了意见并签署了合作文件。", "李强表示中国经济回升向好的态势不断巩固增强实现良好开局。"]);
        // The opening quote could not end the line above, so the column
        // moved it down: the line is short for that, and the text goes on.
        assert_eq!(paragraphs("“一带一路”合作成果丰硕双\n方同意继续推进。\n").len(), 1);
        // A paragraph's first line ending a sentence two cells short is
        // short for its lost indent.
        let text = "烂漫春光好\n\n春光好，鲜花开满山坡。\n在陕西汉中地处秦岭南麓的洋\n县万亩油菜花海金灿夺目游客\n们赏花拍照感受春天的气息和\n乡村振兴的新变化。\n";
        let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
        reflow_into(&mut doc, text);
        assert_eq!(doc.articles[0].paragraphs.len(), 1, "{:#?}", doc.articles);
    }

    #[test]
    fn coverage_check_notices_lost_and_doubled_text() {
        let text = "标题一\n\n新华社北京6月18日电 第一段。\n\n第二段。\n";
        let mut doc = DocumentAnalysis { id: "t".into(), ..Default::default() };
        reflow_into(&mut doc, text);
        assert!(check_coverage(text, &doc).is_empty());
        let mut lost = doc.clone();
        lost.articles[0].paragraphs.pop();
        assert!(check_coverage(text, &lost).iter().any(|p| p.contains("belongs to nothing")));
        let mut doubled = doc.clone();
        let p = doubled.articles[0].paragraphs[0].clone();
        doubled.articles[0].paragraphs.push(p);
        assert!(check_coverage(text, &doubled).iter().any(|p| p.contains("belongs to 2")));
    }
}
