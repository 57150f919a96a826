//! A fixed workload for profiling the reflow: prints the reflow's
//! throughput on it, the best of five runs after a warm-up.
//! `reflow_bench_profile MB RUNS [1]` sizes it (1: as one document). On a noisy machine, count
//! instructions instead of time:
//! `valgrind --tool=callgrind --toggle-collect='reflow_bench_profile::analyze_all' reflow_bench_profile 1 1`.
fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().expect("a number"));
    let mb = args.next().unwrap_or(8);
    let runs = args.next().unwrap_or(5);
    // A third argument of 1: the pages as one document.
    let one_document = args.next() == Some(1);
    let mut pages = tongwen_testkit::synth::corpus_of_size(mb << 20, 42);
    if one_document {
        pages = vec![pages.concat()];
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    // The patterns compile on first use; that is not throughput.
    for p in pages.iter().take(50) {
        std::hint::black_box(tongwen::analyze_document("warm-up", &p.as_bytes()[..p.len().min(20_000)]));
    }
    let best = (0..runs)
        .map(|_| {
            let t = std::time::Instant::now();
            analyze_all(&pages);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    println!("{:.3} s, {:.1} MB/s", best, bytes as f64 / (1 << 20) as f64 / best);
}

#[inline(never)]
fn analyze_all(pages: &[String]) {
    for (i, p) in pages.iter().enumerate() {
        std::hint::black_box(tongwen::analyze_document(&i.to_string(), p.as_bytes()));
    }
}
