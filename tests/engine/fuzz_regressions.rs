//! Inputs `make fuzz` found crashing, kept so they stay fixed. The first
//! (a UTF-16 file whose text starts with a second U+FEFF) showed that the
//! reflow target decoded twice, so a leading U+FEFF became a BOM the second
//! time; the target now decodes once, as the app and the CLI do.
#![cfg(not(target_arch = "wasm32"))]

/// Each file of `tests/fixtures/fuzz/` decodes and reflows with every
/// visible character in exactly one piece.
#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = std::path::Path::new("tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let decoded = tongwen::decode::decode(&std::fs::read(&path).unwrap());
        let text = decoded.text.clone();
        let doc = tongwen::analysis::analyze_decoded("f.txt", decoded);
        assert_eq!(tongwen::reflow::check_coverage(&text, &doc), Vec::<String>::new(), "{}", path.display());
        n += 1;
    }
    assert!(n > 0);
}
