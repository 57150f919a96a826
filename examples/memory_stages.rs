//! Peak heap per stage of the analysis, for memory work:
//! `cargo run --release --example memory_stages [MB]`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
}
#[global_allocator]
static GLOBAL: Counting = Counting;

fn mark(label: &str, base: usize, input: usize) {
    let (live, peak) = (LIVE.load(Ordering::Relaxed) - base, PEAK.load(Ordering::Relaxed) - base);
    println!("{label:<28} live {:>6.1}×  peak {:>6.1}×", live as f64 / input as f64, peak as f64 / input as f64);
}

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let papers = (mb << 20) / 7000;
    let corpus = tongwen::synth::reprint_corpus(11, papers / 3 + 1, papers);
    let input: usize = corpus.pages.iter().map(|p| p.text.len()).sum();
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut docs = Vec::new();
    let mut texts: Vec<Vec<char>> = Vec::new();
    for (i, p) in corpus.pages.iter().enumerate() {
        let d = tongwen::decode::decode(p.text.as_bytes());
        texts.push(d.text.chars().collect());
        docs.push(tongwen::analysis::analyze_decoded(&format!("{i}"), d));
    }
    mark("decode + reflow", base, input);
    let passages = tongwen::reuse::find_passages(&docs, &texts, Default::default());
    mark("shared passages", base, input);
    drop(passages);
}
