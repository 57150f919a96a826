//! Prints how a PDF is read by layout, for tuning:
//! `cargo run --example pdf_layout FILE.pdf`. Each page's blocks in
//! reading order, each line with its left edge, baseline and size.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_layout FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    match tongwen_pdf::extract(&bytes) {
        Ok(doc) => print!("{}", tongwen::positioned::debug_layout(&doc)),
        Err(why) => {
            eprintln!("{path}: {why}");
            std::process::exit(1);
        }
    }
}
