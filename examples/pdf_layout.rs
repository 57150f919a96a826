//! Prints how a PDF is read by layout, for tuning and for comparing
//! extractors: `cargo run --example pdf_layout FILE.pdf|RUNS.json [--text]`.
//! A `.json` file is positioned runs as `scripts/typeset.mjs` saves pdf.js's
//! (`pdfjs-runs/`). Prints each page's blocks in reading order, each line
//! with its left edge, baseline and size; with `--text`, the laid-out text
//! the document's offsets refer to.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: pdf_layout FILE.pdf|RUNS.json [--text]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let read = if path.ends_with(".json") { serde_json::from_slice(&bytes).map_err(|e| e.to_string()) } else { tongwen_pdf::extract(&bytes).map_err(|e| e.to_string()) };
    match read {
        Ok(doc) if args.iter().any(|a| a == "--text") => print!("{}", tongwen::positioned::read(path, &doc).text),
        Ok(doc) => print!("{}", tongwen::positioned::debug_layout(&doc)),
        Err(why) => {
            eprintln!("{path}: {why}");
            std::process::exit(1);
        }
    }
}
