//! Property tests: on any input, analysis never panics and every character
//! is accounted for exactly once.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

/// Text that looks like the hard cases: CJK, punctuation, digits, Latin,
/// markup, markers, datelines, spaces and line breaks, in any order.
fn newspaperish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "中", "国", "亚", "峰", "会", "，", "。", "“", "”", "—", "－", "——", "、", "；", "！", "？", "…", "（", "）",
        " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{3000}", "2025", "年", "6 月", "A", "b", "**", "#", "## ", "▶",
        "（下转第三版）", "（上接第1版）", "新华社北京6月18日电", "本报讯（记者 张涛）", "（新华社北京6月18日电）",
        "新华社记者 董 越", "郑坤摄", "(人民图片)", "“体现高度的政治互信”", "一、", "\u{FFFD}", "😀", "e\u{301}",
        // Headline blocks, glued credits, wrapped datelines, justified lines.
        "本报记者 王嵘\n", "坚本报记者 王嵘", "本报乌鲁木齐3月\n", "2日电 ", "出 口 达 到 3.75 万 亿", "全国政协十四届\n",
    ]);
    prop::collection::vec(atoms, 0..120).prop_map(|v| v.concat())
}

/// Pages with columns printed side by side, as pdftotext -layout prints
/// them: rows of cells parted by runs of spaces, with blank rows.
fn side_by_side() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec!["中", "国", "亚", "，", "。", "“", "”", "——", "2025", "新华社北京6月18日电", "郑坤摄", " ", "\u{3000}", "（下转第三版）"]);
    let cell = (0usize..7, prop::collection::vec(atoms, 0..8)).prop_map(|(gap, t)| format!("{}{}", " ".repeat(gap), t.concat()));
    let row = prop::collection::vec(cell, 0..4).prop_map(|cells| cells.concat());
    prop::collection::vec(row, 0..40).prop_map(|rows| rows.join("\n"))
}

/// Double-spaced runs, as poppler's default mode prints columns set with
/// loose leading: one line of each column in turn, a blank line after
/// each, from few characters so the page repeats their pairs (the evidence
/// that reorders them, `reflow/row_order.rs`).
fn rows_printed_one_by_one() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec!["中", "国", "亚", "关", "系", "，", "。", "”", "2025", "新华社北京6月18日电", " ", "\u{3000}"]);
    let line = prop::collection::vec(atoms, 1..10).prop_map(|t| t.concat());
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n\n"))
}

fn check(text: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let doc = tongwen::analyze_document("prop.txt", bytes);
    let decoded = tongwen::decode::decode(bytes).text;
    prop_assert_eq!(doc.chars, decoded.chars().count());
    let problems = tongwen::reflow::check_coverage(&decoded, &doc);
    prop_assert!(problems.is_empty(), "{:?}\ninput: {:?}", problems, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_is_covered(text in any::<String>()) {
        check(&text, text.as_bytes())?;
    }

    #[test]
    fn newspaper_like_text_is_covered(text in newspaperish()) {
        check(&text, text.as_bytes())?;
    }

    #[test]
    fn columns_side_by_side_are_covered(text in side_by_side()) {
        check(&text, text.as_bytes())?;
    }

    #[test]
    fn rows_printed_one_by_one_are_covered(text in rows_printed_one_by_one()) {
        check(&text, text.as_bytes())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check("<bytes>", &bytes)?;
    }
}

/// Reports made of sentences from one pool, so the papers share passages.
fn reports() -> impl Strategy<Value = Vec<String>> {
    let pool = tongwen_testkit::synth::sentence_pool();
    let sentence = prop::sample::select(pool);
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| s.concat());
    let page = (prop::collection::vec(prop_oneof![paragraph.clone(), Just("## 标题在这里".to_owned()), Just("新华社北京6月18日电 ".to_owned())], 1..12), 0usize..3)
        .prop_map(|(paras, style)| paras.join(["\n\n", "\n", "\n\n\n"][style]));
    prop::collection::vec(page, 2..4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Pages reflowed again with what their witnesses say still hold every
    /// character once, and every member points at the article holding it.
    #[test]
    fn pages_reflowed_with_their_witnesses_are_covered(pages in reports()) {
        let names: Vec<String> = (0..pages.len()).map(|k| format!("p{k}.txt")).collect();
        let corpus = tongwen::analyze_documents(names.iter().map(String::as_str).zip(pages.iter().map(|p| p.as_bytes())));
        for (doc, text) in corpus.documents.iter().zip(&pages) {
            let problems = tongwen::reflow::check_coverage(text, doc);
            prop_assert!(problems.is_empty(), "{:?}\ninput: {:?}", problems, text);
        }
        for m in corpus.passages.iter().flat_map(|p| &p.members) {
            let doc = corpus.documents.iter().find(|d| d.id == m.doc).unwrap();
            let holder = doc.articles.iter().find(|a| a.id == m.article);
            prop_assert!(holder.is_some_and(|a| a.spans.iter().any(|s| s[0] <= m.begin && m.begin < s[1])), "{} at {}", m.article, m.begin);
        }
    }
}
