//! PDF reading speed, native: `cargo run --release --example pdf_bench
//! [DIR]` (`make bench` runs it on `target/typeset`, 60 typeset pages, or
//! on the committed fixtures). Each figure is the median of 5 runs after a
//! warm-up: extraction by `tongwen-pdf`, then the layout reading alone
//! (lines, blocks, reading order, articles), then both.

use std::time::Instant;

fn median<F: FnMut()>(mut f: F) -> (f64, f64, f64) {
    f();
    let mut runs: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    (runs[2], runs[0], runs[4])
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::args().nth(1).map(std::path::PathBuf::from).unwrap_or_else(|| {
        let built = root.join("target/typeset/pdf");
        if built.is_dir() {
            built
        } else {
            root.join("tests/fixtures/typeset-pdf/pdf")
        }
    });
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("a folder of PDFs").filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
    files.sort();
    let pdfs: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).expect("readable")).collect();
    let mb = pdfs.iter().map(Vec::len).sum::<usize>() as f64 / (1 << 20) as f64;
    let docs: Vec<_> = pdfs.iter().map(|b| tongwen_pdf::extract(b).expect("a readable PDF")).collect();
    let pages: usize = docs.iter().map(|d| d.pages.len()).sum();
    println!("PDF reading, {} files, {pages} pages, {mb:.1} MB ({}), median of 5 after warm-up", pdfs.len(), dir.display());
    println!("| step | median s | min–max s | pages/s |");
    println!("|---|---|---|---|");
    let row = |what: &str, (med, lo, hi): (f64, f64, f64)| println!("| {what} | {med:.3} | {lo:.3}–{hi:.3} | {:.0} |", pages as f64 / med);
    row("extraction (`tongwen-pdf`)", median(|| {
        for b in &pdfs {
            std::hint::black_box(tongwen_pdf::extract(b).ok());
        }
    }));
    row("layout reading (`positioned::read`)", median(|| {
        for (k, d) in docs.iter().enumerate() {
            std::hint::black_box(tongwen::positioned::read(&k.to_string(), d));
        }
    }));
    row("both, one core", median(|| {
        for (k, b) in pdfs.iter().enumerate() {
            if let Ok(d) = tongwen_pdf::extract(b) {
                std::hint::black_box(tongwen::analysis::analyze_positioned(&k.to_string(), &d));
            }
        }
    }));
}
