//! Writes a synthetic reprint corpus as a site corpus directory (files and
//! `manifest.json`), e.g. for the browser benchmark:
//! `cargo run --release --example write_corpus -- dist/bench-corpus 10`.

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "bench-corpus".into()));
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let papers = (mb << 20) / 6000;
    let corpus = tongwen_testkit::synth::reprint_corpus(11, papers / 3 + 1, papers);
    std::fs::create_dir_all(&dir)?;
    let mut entries = Vec::new();
    for (i, page) in corpus.pages.iter().enumerate() {
        let file = format!("{i:05}.txt");
        std::fs::write(dir.join(&file), &page.text)?;
        entries.push(tongwen::corpus::ManifestEntry { file, passim: false });
    }
    let manifest = tongwen::corpus::Manifest { documents: entries, precomputed: None, published: None };
    std::fs::write(dir.join("manifest.json"), serde_json::to_string(&manifest).expect("manifest"))?;
    let bytes: usize = corpus.pages.iter().map(|p| p.text.len()).sum();
    println!("wrote {} files, {:.1} MB, to {}", corpus.pages.len(), bytes as f64 / 1048576.0, dir.display());
    Ok(())
}
