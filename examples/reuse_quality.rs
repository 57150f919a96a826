//! Prints shared-passage quality on two reprint generators with exact
//! character-level gold, per character and per ordered document pair:
//! `cargo run --release --example reuse_quality [STORIES PAPERS]`.
//!
//! 1. `synth::reprint_corpus`: Markov text from the seeds, random edits.
//! 2. `synth::wire`: real news items (the development set in
//!    `../shared/corpus/dev/cctv-2024-03` when present, else the committed
//!    sample) reprinted in full, as leads, halves and quotes, with
//!    transpositions and scan slips.

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (stories, papers) = (args.first().copied().unwrap_or(60), args.get(1).copied().unwrap_or(200));
    println!("## Generator 1: Markov reprints");
    let s = tongwen_testkit::synth::evaluate_reuse(7, stories, papers);
    println!("stories: {stories}, papers: {papers}, gold shared chars: {}, found: {}", s.gold, s.found);
    println!("character-level precision {:.4}  recall {:.4}  F1 {:.4}", s.precision(), s.recall(), s.f1());
    let s = tongwen_testkit::synth::evaluate_reuse_pairs(7, stories, papers);
    println!("per ordered document pair: gold {}, found {}", s.gold, s.found);
    println!("per pair precision {:.4}  recall {:.4}  F1 {:.4}", s.precision(), s.recall(), s.f1());

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/corpus/dev/cctv-2024-03");
    let (items, from) = match tongwen_testkit::synth::wire::items_in(&dev) {
        items if items.len() >= 20 => (items, "the development set"),
        _ => (tongwen_testkit::synth::wire::items_in(&root.join("tests/fixtures/cctv-sample")), "the committed sample"),
    };
    println!("\n## Generator 2: real items reprinted ({} items from {from}, {papers} papers)", items.len());
    let s = tongwen_testkit::synth::wire::evaluate_wire_pairs(7, &items, papers);
    println!("per ordered document pair: gold {}, found {}", s.gold, s.found);
    println!("per pair precision {:.4}  recall {:.4}  F1 {:.4}", s.precision(), s.recall(), s.f1());
}
