//! A fixed workload for profiling the reflow (`perf record` this example).
fn main() {
    let pages = tongwen_testkit::synth::corpus_of_size(8 << 20, 42);
    for (i, p) in pages.iter().enumerate() {
        std::hint::black_box(tongwen::analyze_document(&i.to_string(), p.as_bytes()));
    }
}
