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
    ]);
    prop::collection::vec(atoms, 0..120).prop_map(|v| v.concat())
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
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check("<bytes>", &bytes)?;
    }
}
