//! Prints shared-passage quality on a synthetic reprint corpus with exact
//! character-level gold: `cargo run --release --example reuse_quality [STORIES PAPERS]`.

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (stories, papers) = (args.first().copied().unwrap_or(60), args.get(1).copied().unwrap_or(200));
    let s = tongwen::synth::evaluate_reuse(7, stories, papers);
    println!("stories: {stories}, papers: {papers}, gold shared chars: {}, found: {}", s.gold, s.found);
    println!("character-level precision {:.4}  recall {:.4}  F1 {:.4}", s.precision(), s.recall(), s.f1());
    let s = tongwen::synth::evaluate_reuse_pairs(7, stories, papers);
    println!("per ordered document pair: gold {}, found {}", s.gold, s.found);
    println!("per pair precision {:.4}  recall {:.4}  F1 {:.4}", s.precision(), s.recall(), s.f1());
}
