//! Native word benchmarks for `make bench`: jieba-rs (through tongwen's
//! segmenter) on the shared 1 MiB text, and search latency on a 10 MB
//! corpus. Writes the text to the given path first, so the Python and
//! browser runs cut exactly the same characters.
//! `cargo run --release --example segment_bench -- dist/bench-text.txt`

use std::time::Instant;

use tongwen::search::CorpusIndex;
use tongwen::segment::Segmenter;

fn median_min_max(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

/// Median, min, max of 5 runs after a warm-up, in milliseconds.
fn time_ms<F: FnMut()>(mut f: F) -> (f64, f64, f64) {
    f();
    median_min_max(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

/// The seeds repeated to 1 MiB, cut on a character boundary.
fn bench_text() -> String {
    let mut seeds = String::new();
    let mut files: Vec<_> = std::fs::read_dir("www/corpus").expect("www/corpus").flatten().map(|e| e.path()).collect();
    files.sort();
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "txt")) {
        seeds.push_str(&std::fs::read_to_string(f).expect("a seed"));
    }
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(&seeds);
    }
    let mut end = 1 << 20;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "dist/bench-text.txt".into());
    let text = bench_text();
    std::fs::write(&out, &text).expect("write the bench text");
    let mb = text.len() as f64 / (1 << 20) as f64;
    let (init, init_min, init_max) = time_ms(|| {
        std::hint::black_box(Segmenter::builtin(&[]));
    });
    let seg = Segmenter::builtin(&[]);
    let words = seg.cut(&text).len();
    let (cut, cut_min, cut_max) = time_ms(|| {
        std::hint::black_box(seg.cut(&text));
    });
    println!("native-init-ms {init:.1} {init_min:.1} {init_max:.1}");
    println!("native-cut-ms {cut:.1} {cut_min:.1} {cut_max:.1} words {words} mb {mb:.3} mbps {:.2}", mb / (cut / 1000.0));

    // Search on a 10 MB corpus: the queries a reader would type.
    let pages = tongwen_testkit::synth::reprint_corpus(11, 600, 1747).pages;
    let bytes: usize = pages.iter().map(|p| p.text.len()).sum();
    let docs: Vec<_> = pages.iter().enumerate().map(|(i, p)| tongwen::analyze_document(&format!("{i}.txt"), p.text.as_bytes())).collect();
    let t = Instant::now();
    let index = CorpusIndex::build(&docs, &seg, None, &mut |_, _| ());
    let build_s = t.elapsed().as_secs_f64();
    let queries = ["合作", "发展", "中国", "经济", "人民", "的", "建设项目", "习近平"];
    let mut per_query = Vec::new();
    for q in queries {
        let (m, _, _) = time_ms(|| {
            std::hint::black_box(index.search(q, &seg));
        });
        per_query.push((q, m, index.search(q, &seg).total));
    }
    let (med, min, max) = median_min_max(per_query.iter().map(|x| x.1).collect());
    println!("native-search-ms {med:.2} {min:.2} {max:.2} corpus-mb {:.1} index-s {build_s:.2}", bytes as f64 / (1 << 20) as f64);
    for (q, m, n) in per_query {
        println!("  {q}: {m:.2} ms, {n} hits");
    }
}
