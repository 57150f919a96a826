//! The words the dictionary panel would suggest for a corpus, to judge by
//! eye: `cargo run --release --example word_candidates [DIR]` (default:
//! the built-in seeds). The README states the share a reader judged real.

use tongwen::search::CorpusIndex;
use tongwen::segment::Segmenter;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "www/corpus".into());
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir).expect("a folder of pages").map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let bytes: Vec<(String, Vec<u8>)> = files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    let analysis = tongwen::analyze_documents(bytes.iter().map(|(id, b)| (id.as_str(), b.as_slice())));
    let seg = Segmenter::builtin(&[]);
    let index = CorpusIndex::build(&analysis.documents, &seg, None, &mut |_, _| ());
    for c in &index.candidates {
        println!("{}\t{}\t{}", c.word, c.count, c.split);
    }
}
