//! Any text reflows, as plain text or Markdown, and every visible
//! character lands in exactly one piece with exact spans, or in the
//! document's markup (the coverage invariant).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Decoded once, as the app and the CLI do: re-encoding the text and
    // decoding it again would strip a U+FEFF at its start as a BOM.
    let decoded = tongwen::decode::decode(data);
    let text = decoded.text.clone();
    // As plain text and as Markdown (whose markup is accounted for apart).
    let markdown = tongwen::analysis::analyze_decoded("f.md", decoded.clone());
    let doc = tongwen::analysis::analyze_decoded("f.txt", decoded);
    for doc in [doc, markdown] {
        let problems = tongwen::reflow::check_coverage(&text, &doc);
        assert!(problems.is_empty(), "{}: {problems:?}", doc.id);
    }
});
