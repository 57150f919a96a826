//! Any text reflows, and every visible character lands in exactly one
//! piece with exact spans (the coverage invariant).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = tongwen::decode::decode(data).text;
    let doc = tongwen::analyze_document("f.txt", text.as_bytes());
    let problems = tongwen::reflow::check_coverage(&text, &doc);
    assert!(problems.is_empty(), "{problems:?}");
});
