//! Prints reflow quality on both generators:
//! `cargo run --release --example reflow_quality [PAGES] [TYPESET_DIR…]`.
//!
//! 1. Synthetic pages with exact gold (`synth`), laid out the way the seeds
//!    look: PAGES pages from seed 1, which tuning read, and as many from
//!    [`HELD_OUT_SEED`], which it did not.
//! 2. Real news items typeset by Chromium's print-to-PDF and extracted by
//!    pdftotext (default, -raw, -layout) and pdf.js: `target/typeset`, as
//!    `make quality` writes it with `scripts/typeset.mjs`, or else the
//!    committed sample in `tests/fixtures/typeset`; or each directory
//!    given (`make quality` also scores a held-out set typeset from
//!    another seed, which no tuning looked at).

/// The first seed of the synthetic pages no tuning looked at (tuning read
/// pages from seed 1).
const HELD_OUT_SEED: u64 = 700_001;

fn main() {
    let pages: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(500);
    synthetic("tuned on", 1, pages);
    synthetic("held out", HELD_OUT_SEED, pages);

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = root.join("target/typeset");
    let given: Vec<std::path::PathBuf> = std::env::args().skip(2).map(Into::into).collect();
    let dirs = if !given.is_empty() {
        given
    } else if built.join("gold").is_dir() {
        vec![built]
    } else {
        vec![root.join("tests/fixtures/typeset")]
    };
    for dir in dirs {
        typeset(&dir);
    }
}

fn synthetic(what: &str, first: u64, pages: u64) {
    let s = tongwen_testkit::synth::evaluate(first, pages);
    println!("## Generator 1: synthetic pages ({pages}, seeds from {first}, {what})");
    println!("gold paragraphs: {}, found: {}", s.gold_paragraphs, s.found_paragraphs);
    println!("paragraph boundaries: precision {:.4}  recall {:.4}  F1 {:.4}", s.precision(), s.recall(), s.f1());
    println!("exact paragraphs: {:.4}", s.exact_rate());
    println!("article titles: found {:.4}  F1 {:.4}\n", s.title_rate(), s.title_f1());
}

fn typeset(dir: &std::path::Path) {
    use tongwen_testkit::synth::typeset::{evaluate_dir, evaluate_dir_where, evaluate_pdf_dir, pages_where, GoldPage, PdfReader, MODES, POPPLER_BLOCK_LEADING};
    println!("\n## Generator 2: typeset by Chromium, extracted by real tools ({})", dir.display());
    println!("| extractor | gold paragraphs | paragraph starts P / R / F1 | exact paragraphs | titles P / R / F1 |");
    println!("|---|---|---|---|---|");
    for mode in MODES {
        if let Some(s) = evaluate_dir(dir, mode) {
            row(mode, &s);
        }
    }
    // Poppler's default and -layout modes read a page by its leading:
    // above 1.5, each line is a block of its own (see typeset.mjs).
    for mode in ["default", "layout"] {
        for (tight, name) in [(true, "tight"), (false, "loose")] {
            let keep = |g: &GoldPage| (g.leading() <= POPPLER_BLOCK_LEADING) == tight;
            if let Some(s) = evaluate_dir_where(dir, mode, keep) {
                row(&format!("{mode}, {name} leading ({} pages)", pages_where(dir, keep)), &s);
            }
        }
    }
    for (reader, name) in [(PdfReader::Native, "PDF by layout, tongwen-pdf"), (PdfReader::PdfJs, "PDF by layout, pdf.js runs")] {
        if let Some((s, refused)) = evaluate_pdf_dir(dir, reader) {
            row(&if refused > 0 { format!("{name}, {refused} refused") } else { name.to_owned() }, &s);
        }
    }
}

/// One extractor's row of the table.
fn row(name: &str, s: &tongwen_testkit::synth::ReflowScore) {
    let title_p = s.exact_titles as f64 / s.found_titles.max(1) as f64;
    println!(
        "| {name} | {} | {:.3} / {:.3} / **{:.3}** | **{:.3}** | {:.3} / {:.3} / **{:.3}** |",
        s.gold_paragraphs,
        s.precision(),
        s.recall(),
        s.f1(),
        s.exact_rate(),
        title_p,
        s.title_rate(),
        s.title_f1()
    );
}
