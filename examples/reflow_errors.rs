//! Lists the text reflow's errors on a typeset directory, for tuning on a
//! set that is not held out: `cargo run --release --example reflow_errors
//! DIR [MODE]` (MODE one of `default`, `raw`, `layout`, `pdfjs`; default
//! `pdfjs`). Per page: titles found that the gold lacks (`+T`), gold titles
//! not found (`-T`), paragraphs found that are no gold paragraph (`+P`)
//! and gold paragraphs not found whole (`-P`), each cut to 40 characters
//! (whole with `FULL=1`).
//!
//! `reflow_errors synth FIRST PAGES` lists the same for the first
//! generator's pages from seed FIRST on (tune on seed 1's pages; the
//! held-out seed is `reflow_quality`'s); with `SHOW=1`, each page's text
//! and the titles and subtitles found in it too.

use std::collections::HashMap;

use tongwen_testkit::synth::typeset::{visible, GoldPage};

/// The first 40 characters, or all with `FULL=1` in the environment.
fn cut(s: &str) -> String {
    if std::env::var_os("FULL").is_some() {
        return s.to_owned();
    }
    s.chars().take(40).collect()
}

/// What `found` has more of than `gold` (multiset difference).
fn extra(found: &[String], gold: &[String]) -> Vec<String> {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for g in gold {
        *left.entry(g).or_default() += 1;
    }
    found.iter().filter(|f| match left.get_mut(f.as_str()) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    }).cloned().collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(std::path::PathBuf::from) else {
        eprintln!("usage: reflow_errors DIR [MODE]");
        std::process::exit(2);
    };
    if args[0] == "synth" {
        let first: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
        let pages: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100);
        let pool = tongwen_testkit::synth::sentence_pool();
        for seed in first..first + pages {
            let page = tongwen_testkit::synth::page(seed, &pool);
            let doc = tongwen::analyze_document("synthetic.txt", page.text.as_bytes());
            if std::env::var_os("SHOW").is_some() {
                println!("=== page {seed}\n{}\n=== titles found: {:?}", page.text, doc.articles.iter().map(|a| (a.title.as_deref(), a.subtitle.as_deref())).collect::<Vec<_>>());
            }
            let gold_titles: Vec<String> = page.articles.iter().map(|a| visible(&a.title)).collect();
            report(&seed.to_string(), &doc, gold_titles, page.gold_paragraph_texts());
        }
        return;
    }
    let mode = args.get(1).map_or("pdfjs", String::as_str);
    let mut golds: Vec<_> = std::fs::read_dir(dir.join("gold")).expect("DIR/gold").filter_map(|e| e.ok().map(|e| e.path())).collect();
    golds.sort();
    for path in golds {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Ok(gold) = serde_json::from_str::<GoldPage>(&std::fs::read_to_string(&path).unwrap()) else { continue };
        let Ok(text) = std::fs::read_to_string(dir.join(mode).join(format!("{stem}.txt"))) else { continue };
        let doc = tongwen::analyze_document("page.txt", text.as_bytes());
        let gold_paragraphs: Vec<String> = gold.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| visible(p))).collect();
        let gold_titles: Vec<String> = gold.articles.iter().filter_map(|a| a.title.as_deref().map(visible)).collect();
        report(&stem, &doc, gold_titles, gold_paragraphs);
    }
}

/// Prints one page's errors, if it has any.
fn report(stem: &str, doc: &tongwen::DocumentAnalysis, gold_titles: Vec<String>, gold_paragraphs: Vec<String>) {
    let found_paragraphs = tongwen_testkit::synth::body_texts(doc);
    let found_titles: Vec<String> = doc.articles.iter().filter_map(|a| a.title.as_deref().map(visible)).collect();
    let lines: Vec<String> = [("+T", extra(&found_titles, &gold_titles)), ("-T", extra(&gold_titles, &found_titles)), ("+P", extra(&found_paragraphs, &gold_paragraphs)), ("-P", extra(&gold_paragraphs, &found_paragraphs))]
        .into_iter()
        .flat_map(|(tag, items)| items.into_iter().map(move |i| format!("  {tag} {}", cut(&i))))
        .collect();
    if !lines.is_empty() {
        println!("{stem}:\n{}", lines.join("\n"));
    }
}
