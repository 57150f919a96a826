//! Peak heap per stage of the analysis, for memory work:
//! `cargo run --release --example memory_stages [MB]`.
use tongwen::measure::{live, peak, reset_peak, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn mark(label: &str, base: usize, input: usize) {
    let (live, peak) = (live() - base, peak() - base);
    println!("{label:<28} live {:>6.1}×  peak {:>6.1}×", live as f64 / input as f64, peak as f64 / input as f64);
}

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let papers = (mb << 20) / 7000;
    let corpus = tongwen::synth::reprint_corpus(11, papers / 3 + 1, papers);
    let input: usize = corpus.pages.iter().map(|p| p.text.len()).sum();
    let base = live();
    reset_peak();
    let mut docs = Vec::new();
    let mut texts: Vec<Vec<char>> = Vec::new();
    for (i, p) in corpus.pages.iter().enumerate() {
        let d = tongwen::decode::decode(p.text.as_bytes());
        texts.push(d.text.chars().collect());
        docs.push(tongwen::analysis::analyze_decoded(&format!("{i}"), d));
    }
    mark("decode + reflow", base, input);
    let passages = tongwen::reuse::find_passages(&docs, &texts, Default::default());
    mark("shared passages", base, input);
    drop(passages);
}
