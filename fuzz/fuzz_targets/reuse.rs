//! Any corpus (the input split into documents at 0xFF bytes) is analyzed
//! for shared passages without panicking, every passage's members lie
//! inside their documents and point at the article holding them, and the
//! pages reflowed again with what their witnesses say still hold every
//! character once.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parts: Vec<&[u8]> = data.split(|&b| b == 0xFF).take(6).collect();
    let ids: Vec<String> = (0..parts.len()).map(|i| format!("{i}.txt")).collect();
    let settings = tongwen::reuse::Settings { min_len: 8, boilerplate: true };
    let analysis = tongwen::analyze_corpus(ids.iter().map(String::as_str).zip(parts.iter().copied()), settings);
    for p in &analysis.passages {
        assert!(p.members.len() >= 2);
        for m in &p.members {
            let doc = analysis.documents.iter().find(|d| d.id == m.doc).expect("a member's document exists");
            assert!(m.begin <= m.end && m.end <= doc.chars);
            let article = doc.articles.iter().find(|a| a.id == m.article).expect("a member's article exists");
            assert!(m.begin == m.end || article.spans.iter().any(|s| s[0] <= m.begin && m.begin < s[1]), "{} at {}", m.article, m.begin);
        }
    }
    for (doc, bytes) in analysis.documents.iter().zip(&parts) {
        let text = tongwen::decode::decode(bytes).text;
        assert!(tongwen::reflow::check_coverage(&text, doc).is_empty(), "{}", doc.id);
    }
});
