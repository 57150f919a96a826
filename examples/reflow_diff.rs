//! Shows where reflow misses gold paragraph boundaries and titles on synthetic pages:
//! `cargo run --example reflow_diff [FIRST_SEED] [PAGES]`.

use std::collections::HashSet;

fn main() {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (first, n) = (args.first().copied().unwrap_or(1), args.get(1).copied().unwrap_or(20));
    let pool = tongwen_testkit::synth::sentence_pool();
    for seed in first..first + n {
        let page = tongwen_testkit::synth::page(seed, &pool);
        if std::env::var("DUMP").ok() == Some(seed.to_string()) {
            std::fs::write("/tmp/page.txt", &page.text).unwrap();
        }
        let doc = tongwen::analyze_document("s.txt", page.text.as_bytes());
        let chars: Vec<char> = page.text.chars().collect();
        let gold: HashSet<usize> = page.paragraph_ends.iter().copied().collect();
        let found: HashSet<usize> = doc.articles.iter().flat_map(|a| &a.paragraphs).filter(|p| !p.heading).filter_map(|p| p.spans.last().map(|s| s[1] - 1)).collect();
        let ctx = |e: usize| -> String { chars[e.saturating_sub(12)..(e + 8).min(chars.len())].iter().collect::<String>().replace('\n', "⏎") };
        for e in gold.difference(&found) {
            println!("seed {seed} MISSED  …{}…", ctx(*e));
        }
        for e in found.difference(&gold) {
            println!("seed {seed} SPURIOUS …{}…", ctx(*e));
        }
        let titles: HashSet<&str> = doc.articles.iter().filter_map(|a| a.title.as_deref()).collect();
        for a in page.articles.iter().filter(|a| !titles.contains(a.title.as_str())) {
            println!("seed {seed} TITLE MISSED {}  (found: {:?})", a.title, titles);
        }
    }
}
