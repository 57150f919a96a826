//! Engine throughput on synthetic page dumps: `make bench` (`cargo bench`).
//! Not a test: figures go to stdout and, by `make bench`, into the README.
//! Each figure is the median of 5 runs after a warm-up, with min and max.

use std::time::Instant;

use tongwen_testkit::measure::{live, peak, reset_peak, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn median_min_max(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

fn time<F: FnMut()>(mut f: F) -> (f64, f64, f64) {
    f(); // warm-up
    median_min_max(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

fn main() {
    let sizes_mb = [1usize, 5, 10, 20];
    // `BENCH_ONLY=adversarial cargo bench` runs that table alone.
    if std::env::var("BENCH_ONLY").as_deref() == Ok("adversarial") {
        return adversarial_growth();
    }
    // `BENCH_ONLY=reuse cargo bench` skips the reflow-only table;
    // `BENCH_ONLY=reflow` runs it alone.
    if std::env::var("BENCH_ONLY").as_deref() != Ok("reuse") {
        reflow_only(&sizes_mb);
    }
    if std::env::var("BENCH_ONLY").as_deref() == Ok("reflow") {
        return;
    }
    if std::env::var("BENCH_ONLY").as_deref() != Ok("reuse") {
        adversarial_growth();
    }
    whole_analysis(&sizes_mb);
    // The process's high-water mark, over every run above (20 MB included).
    if let Some(kb) = std::fs::read_to_string("/proc/self/status").ok().and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_owned())) {
        println!();
        println!("peak RSS of the benchmark process (all corpora above, up to 21.5 MB): {} MB", kb.parse::<u64>().unwrap_or(0) / 1024);
    }
}

fn reflow_only(sizes_mb: &[usize]) {
    println!("reflow throughput (decode + reflow), synthetic page dumps, median of 5 after warm-up");
    println!("| input | pages | median s | min s | max s | MB/s | time ratio to previous |");
    println!("|---|---|---|---|---|---|---|");
    let mut prev: Option<f64> = None;
    for &mb in sizes_mb {
        let pages = tongwen_testkit::synth::corpus_of_size(mb << 20, 42);
        let bytes: usize = pages.iter().map(String::len).sum();
        let (med, min, max) = time(|| {
            for (i, p) in pages.iter().enumerate() {
                std::hint::black_box(tongwen::analyze_document(&i.to_string(), p.as_bytes()));
            }
        });
        let ratio = prev.map_or("—".to_owned(), |p| format!("{:.2}× for {:.1}× input", med / p, if mb == 5 { 5.0 } else { 2.0 }));
        println!("| {mb} MB | {} | {med:.3} | {min:.3} | {max:.3} | {:.1} | {ratio} |", pages.len(), bytes as f64 / (1 << 20) as f64 / med);
        prev = Some(med);
    }
    // One document of 10 MB: no step may be quadratic in document length.
    let big: String = tongwen_testkit::synth::corpus_of_size(10 << 20, 7).concat();
    let (med, min, max) = time(|| {
        std::hint::black_box(tongwen::analyze_document("big.txt", big.as_bytes()));
    });
    println!("| one 10 MB document | 1 | {med:.3} | {min:.3} | {max:.3} | {:.1} | — |", big.len() as f64 / (1 << 20) as f64 / med);
}

/// Inputs that were quadratic (issue 19, cases 6 to 8), each at two sizes
/// four times apart: linear growth shows as a time ratio near 4.
fn adversarial_growth() {
    println!();
    println!("adversarial inputs at two sizes (decode + reflow), median of 5 after warm-up");
    println!("| input | small | large (4×) | time ratio |");
    println!("|---|---|---|---|");
    let column = "标题\n\n新华社北京6月18日电 国家主席习\n近平结束出席第二届中国—中亚峰\n";
    // (what, the input for a size, the smaller size)
    type Case = (&'static str, Box<dyn Fn(usize) -> String>, usize);
    let cases: [Case; 3] = [
        ("blank lines inside a paragraph", Box::new(move |n| format!("{column}{}会，后乘专机回到北京。\n", "\n".repeat(n))), 250_000),
        ("page-jump markers on one line", Box::new(|n| "（下转第三版）".repeat(n)), 125_000),
        ("a marker every 46 characters, no line breaks", Box::new(|n| "国家主席习近平应邀赴哈萨克斯坦出席第二届中国—中亚峰会并发表主旨讲话（下转第三版）".repeat(n)), 60_000),
    ];
    for (name, make, n) in cases {
        let (small, large) = (make(n), make(4 * n));
        let (a, _, _) = time(|| {
            std::hint::black_box(tongwen::analyze_document("x.txt", small.as_bytes()));
        });
        let (b, _, _) = time(|| {
            std::hint::black_box(tongwen::analyze_document("x.txt", large.as_bytes()));
        });
        let mb = |s: &String| s.len() as f64 / (1 << 20) as f64;
        println!("| {name} | {:.1} MB: {a:.3} s | {:.1} MB: {b:.3} s | {:.2}× |", mb(&small), mb(&large), b / a);
    }
}

fn whole_analysis(sizes_mb: &[usize]) {
    println!();
    println!("whole analysis (decode + reflow + shared passages), synthetic reprint corpora, median of 5 after warm-up");
    println!("| input | papers | articles | passages | median s | min s | max s | MB/s | time ratio to previous | peak heap / input |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut prev: Option<f64> = None;
    for &mb in sizes_mb {
        // About 6 KB a paper (so each corpus is at least its nominal size);
        // a wire story is reprinted about three times.
        let papers = (mb << 20) / 6000;
        let corpus = tongwen_testkit::synth::reprint_corpus(11, papers / 3 + 1, papers);
        let ids: Vec<String> = (0..corpus.pages.len()).map(|i| format!("{i:05}.txt")).collect();
        let bytes: usize = corpus.pages.iter().map(|p| p.text.len()).sum();
        let run = || tongwen::analyze_documents(ids.iter().map(String::as_str).zip(corpus.pages.iter().map(|p| p.text.as_bytes())));
        let base = live();
        reset_peak();
        let a = run();
        let peak = peak() - base;
        let (articles, passages) = (a.documents.iter().map(|d| d.articles.len()).sum::<usize>(), a.passages.len());
        drop(a);
        let (med, min, max) = time(|| {
            std::hint::black_box(run());
        });
        let ratio = prev.map_or("—".to_owned(), |p| format!("{:.2}× for {:.1}× input", med / p, if mb == 5 { 5.0 } else { 2.0 }));
        println!(
            "| {:.1} MB | {} | {articles} | {passages} | {med:.3} | {min:.3} | {max:.3} | {:.1} | {ratio} | {:.1}× |",
            bytes as f64 / (1 << 20) as f64,
            corpus.pages.len(),
            bytes as f64 / (1 << 20) as f64 / med,
            peak as f64 / bytes as f64
        );
        prev = Some(med);
    }
}
