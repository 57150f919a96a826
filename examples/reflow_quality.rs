//! Prints reflow quality on synthetic pages with exact gold:
//! `cargo run --release --example reflow_quality [PAGES]`.

fn main() {
    let pages: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(500);
    let s = tongwen::synth::evaluate(1, pages);
    println!("pages: {pages}, gold paragraphs: {}, found: {}", s.gold_paragraphs, s.found_paragraphs);
    println!("paragraph boundaries: precision {:.4}  recall {:.4}  F1 {:.4}", s.precision(), s.recall(), s.f1());
    println!("exact paragraphs: {:.4}", s.exact_rate());
    println!("article titles found: {:.4}", s.title_rate());
}
