//! Where an analysis's memory goes, for memory work:
//! `cargo run --release --features parallel --example memory_stages [MB]`.
//!
//! Prints the live heap (as a multiple of the input) whenever it moves by
//! half the input, the peak after reflow and after the passages, and what
//! the finished analysis holds, part by part. Heap counted by the test
//! kit's allocator; resident memory (what `make bench` reports) adds the
//! allocator's own overhead.
use tongwen_testkit::measure::{live, peak, reset_peak, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let papers = (mb << 20) / 6000;
    let corpus = tongwen_testkit::synth::reprint_corpus(11, papers / 3 + 1, papers);
    let input: usize = corpus.pages.iter().map(|p| p.text.len()).sum();
    let intake = tongwen::intake::Intake { documents: corpus.pages.iter().enumerate().map(|(i, p)| (format!("{i:05}.txt"), p.text.clone().into_bytes())).collect(), ..Default::default() };
    drop(corpus);
    let base = live() - input;
    let times = |x: usize| x as f64 / input as f64;
    reset_peak();
    let start = std::time::Instant::now();
    std::thread::spawn(move || {
        let mut last = 0.0;
        loop {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let now = (live() - base) as f64 / input as f64;
            if (now - last).abs() >= 0.5 {
                println!("{:>6.1} s  live {now:>5.1}×", start.elapsed().as_secs_f64());
                last = now;
            }
        }
    });
    let mut reflowed = false;
    let (analysis, chars) = tongwen::analysis::analyze_intake(intake, Default::default(), None, &mut |s| {
        if matches!(s, tongwen::analysis::Stage::Passages) && !reflowed {
            reflowed = true;
            println!("{:>6.1} s  reflowed: live {:.1}×, peak {:.1}×", start.elapsed().as_secs_f64(), times(live() - base), times(peak() - base));
        }
    });
    println!("{:>6.1} s  analysed: live {:.1}×, peak {:.1}×", start.elapsed().as_secs_f64(), times(live() - base), times(peak() - base));
    let code_points: usize = chars.iter().map(Vec::capacity).sum::<usize>() * 4;
    let paragraphs = analysis.documents.iter().flat_map(|d| &d.articles).flat_map(|a| &a.paragraphs);
    let (text, spans) = paragraphs.fold((0, 0), |(t, s), p| (t + p.text.capacity(), s + p.spans.capacity() * 16));
    let members = analysis.passages.iter().flat_map(|p| &p.members);
    let member_text: usize = members.map(|m| m.text.capacity()).sum();
    let readings: usize = analysis.passages.iter().flat_map(|p| &p.variants).flat_map(|v| v.readings.iter()).map(|[a, b]| a.len() + b.len() + 8).sum();
    println!("held: code points {:.2}×, paragraph text {:.2}×, paragraph spans {:.2}×, member text {:.2}×, variant readings {:.2}×", times(code_points), times(text), times(spans), times(member_text), times(readings));
    let json = serde_json::to_vec(&analysis).map(|v| v.len()).unwrap_or(0);
    println!("JSON {:.1}× the input", times(json));
}
