//! Shows where reflow misses the gold titles and paragraph starts of the
//! typeset pages (the second generator): `cargo run --example typeset_diff
//! [MODE] [DIR]`, MODE one of default, raw, layout, pdfjs (pdfjs unless
//! given), DIR `target/typeset` unless given.

use std::collections::HashSet;

fn visible(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "pdfjs".into());
    let dir = std::path::PathBuf::from(std::env::args().nth(2).unwrap_or_else(|| "target/typeset".into()));
    let mut golds: Vec<_> = std::fs::read_dir(dir.join("gold")).expect("no gold directory").filter_map(|e| e.ok().map(|e| e.path())).collect();
    golds.sort();
    for g in golds {
        let stem = g.file_stem().unwrap().to_string_lossy().into_owned();
        let Ok(text) = std::fs::read_to_string(dir.join(&mode).join(format!("{stem}.txt"))) else { continue };
        let gold: tongwen_testkit::synth::typeset::GoldPage = serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        let doc = tongwen::analyze_document("page.txt", text.as_bytes());
        let gold_titles: HashSet<String> = gold.articles.iter().filter_map(|a| a.title.as_deref().map(visible)).collect();
        let found_titles: Vec<String> = doc.articles.iter().map(|a| a.title.as_deref().map(visible).unwrap_or_else(|| "(untitled)".into())).collect();
        for t in &gold_titles {
            if !found_titles.contains(t) {
                println!("{stem} MISSED   title {t}");
            }
        }
        for t in &found_titles {
            if !gold_titles.contains(t) {
                println!("{stem} SPURIOUS title {t}");
            }
        }
        if std::env::var("STARTS").is_ok() {
            let starts: HashSet<String> = gold.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| visible(p).chars().take(20).collect::<String>())).collect();
            let found: Vec<String> = tongwen_testkit::synth::body_texts(&doc);
            let found_starts: HashSet<String> = found.iter().map(|p| p.chars().take(20).collect()).collect();
            for s in starts.difference(&found_starts) {
                println!("{stem} MISSED   start {s}");
            }
            for s in found_starts.difference(&starts) {
                println!("{stem} SPURIOUS start {s}");
            }
        }
    }
}
