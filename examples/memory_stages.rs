//! Peak heap per stage of the analysis, for memory work:
//! `cargo run --release --example memory_stages [MB]`.
use tongwen_testkit::measure::{live, peak, reset_peak, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn mark(label: &str, base: usize, input: usize) {
    let (live, peak) = (live() - base, peak() - base);
    println!("{label:<28} live {:>6.1}×  peak {:>6.1}×", live as f64 / input as f64, peak as f64 / input as f64);
}

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let papers = (mb << 20) / 6000;
    let corpus = tongwen_testkit::synth::reprint_corpus(11, papers / 3 + 1, papers);
    let input: usize = corpus.pages.iter().map(|p| p.text.len()).sum();
    let intake = tongwen::intake::Intake { documents: corpus.pages.iter().enumerate().map(|(i, p)| (format!("{i:05}.txt"), p.text.clone().into_bytes())).collect(), ..Default::default() };
    drop(corpus);
    let base = live() - input;
    reset_peak();
    let mut stage = String::new();
    let (analysis, chars) = tongwen::analysis::analyze_intake(intake, Default::default(), None, &mut |s| {
        if matches!(s, tongwen::analysis::Stage::Passages) && stage.is_empty() {
            stage.push('p');
            mark("intake, decode + reflow", base, input);
        }
    });
    mark("shared passages", base, input);
    let json = serde_json::to_vec(&analysis).map(|v| v.len()).unwrap_or(0);
    println!("JSON {:.1}× the input", json as f64 / input as f64);
    drop((analysis, chars));
}
