//! Shared passages on generated corpora: quality floor, invariants, and a
//! planted passage. Floors sit under the measured figures in the README.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

#[test]
fn character_level_quality_on_a_reprint_corpus() {
    let s = tongwen_testkit::synth::evaluate_reuse(3, 20, 60);
    assert!(s.gold > 10_000, "{s:?}");
    assert!(s.f1() >= 0.95, "F1 {:.4} {s:?}", s.f1());
}

#[test]
fn per_document_pair_quality_on_a_reprint_corpus() {
    // Issue 13's measure: what each document is said to share with each
    // other one. The transitive clusters scored precision 0.64 here.
    let s = tongwen_testkit::synth::evaluate_reuse_pairs(3, 20, 60);
    assert!(s.gold > 10_000, "{s:?}");
    assert!(s.precision() >= 0.98 && s.f1() >= 0.97, "precision {:.4} F1 {:.4} {s:?}", s.precision(), s.f1());
}

#[test]
fn per_document_pair_quality_on_real_items_reprinted() {
    // The second generator (`synth::wire`): real news items reprinted in
    // full, as leads, halves and quotes, with transpositions and scan
    // slips; built apart from the first. On the committed sample of 24
    // items (the README reports the whole development set).
    let items = tongwen_testkit::synth::wire::items_in(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cctv-sample"));
    for seed in 1..=4 {
        let s = tongwen_testkit::synth::wire::evaluate_wire_pairs(seed, &items, 40);
        assert!(s.gold > 20_000, "seed {seed}: {s:?}");
        assert!(s.precision() >= 0.98 && s.f1() >= 0.93, "seed {seed}: precision {:.4} F1 {:.4} {s:?}", s.precision(), s.f1());
    }
}

fn check_members(analysis: &tongwen::Analysis, texts: &[String]) -> Result<(), TestCaseError> {
    for p in &analysis.passages {
        prop_assert!(p.size >= 2 && p.size == p.members.len());
        for m in &p.members {
            let d: usize = analysis.documents.iter().position(|d| d.id == m.doc).unwrap();
            let chars: Vec<char> = texts[d].chars().collect();
            prop_assert!(m.begin < m.end && m.end <= chars.len());
            // The outermost extent of its spans, whatever their order.
            prop_assert_eq!(m.begin, m.spans.iter().map(|s| s[0]).min().unwrap());
            prop_assert_eq!(m.end, m.spans.iter().map(|s| s[1]).max().unwrap());
            let from_spans: String = m.spans.iter().flat_map(|&[b, e]| chars[b..e].iter()).filter(|c| !c.is_whitespace()).collect();
            let text: String = m.text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(from_spans, text);
        }
        for v in &p.variants {
            prop_assert!(v.members[0] < p.size && v.members[1] < p.size);
        }
        // Every member shares the passage's whole extent with every other,
        // up to variant readings: a diff of any two members has no long
        // stretch that only one of them has (a fragment of a report, or a
        // report beside its quote, would), and no member is much shorter.
        let visible: Vec<Vec<char>> = p.members.iter().map(|m| m.text.chars().filter(|c| !c.is_whitespace()).map(tongwen::reuse::normalize::fold).collect()).collect();
        for (i, a) in visible.iter().enumerate() {
            for b in &visible[i + 1..] {
                let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
                prop_assert!(short as f64 >= 0.6 * long as f64, "members of {} and {} characters in passage {}", short, long, p.id);
                let unmatched = similar::capture_diff_slices(similar::Algorithm::Myers, a, b)
                    .iter()
                    .map(|op| match *op {
                        similar::DiffOp::Equal { .. } => 0,
                        similar::DiffOp::Delete { old_len, .. } => old_len,
                        similar::DiffOp::Insert { new_len, .. } => new_len,
                        similar::DiffOp::Replace { old_len, new_len, .. } => old_len.max(new_len),
                    })
                    .max()
                    .unwrap_or(0);
                prop_assert!(unmatched <= 24, "a stretch of {unmatched} characters in one member only, in passage {}: {:?}", p.id, p.members);
            }
        }
    }
    Ok(())
}

/// Builds a 200-character passage, plants it with 5 % substitutions into
/// another article, and expects the pair to be found.
fn planted(seed: u64) -> (Vec<String>, String) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let markov = tongwen_testkit::synth::Markov::from_seeds();
    let passage: String = {
        let mut p = String::new();
        while p.chars().count() < 200 {
            p.push_str(&markov.paragraph(&mut rng, 40, 80));
        }
        p.chars().take(200).collect()
    };
    let noisy: String = passage
        .chars()
        .enumerate()
        .map(|(i, c)| if i % 20 == 7 && tongwen::text::is_cjk(c) { '囗' } else { c })
        .collect();
    let doc_a = format!("第一篇标题\n\n{}\n\n{passage}\n\n{}\n", markov.paragraph(&mut rng, 60, 120), markov.paragraph(&mut rng, 60, 120));
    let doc_b = format!("第二篇标题\n\n{}\n\n{noisy}\n", markov.paragraph(&mut rng, 60, 120));
    (vec![doc_a, doc_b], passage)
}

/// The text with every `（下转…）` / `（上接…）` marker cut out.
fn without_jump_markers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = ["（下转", "（上接"].iter().filter_map(|m| rest.find(m)).min() {
        let Some(close) = rest[at..].find('）') else { break };
        out.push_str(&rest[..at]);
        rest = &rest[at + close + '）'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn jump_markers_are_cut_from_the_planted_text() {
    assert_eq!(without_jump_markers("充电（下转第二版）形成（上接第一版）为"), "充电形成为");
    assert_eq!(without_jump_markers("无标记（下转"), "无标记（下转");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn members_lie_inside_their_documents(seed in prop_oneof![Just(7417u64), 0u64..10_000]) {
        let corpus = tongwen_testkit::synth::reprint_corpus(seed, 4, 6);
        let texts: Vec<String> = corpus.pages.iter().map(|p| p.text.clone()).collect();
        let ids: Vec<String> = (0..texts.len()).map(|i| format!("{i:05}.txt")).collect();
        let a = tongwen::analyze_documents(ids.iter().map(String::as_str).zip(texts.iter().map(|t| t.as_bytes())));
        check_members(&a, &texts)?;
    }

    #[test]
    fn a_planted_noisy_passage_is_found(seed in 0u64..10_000) {
        let (docs, passage) = planted(seed);
        let a = tongwen::analyze_documents([("a.txt", docs[0].as_bytes()), ("b.txt", docs[1].as_bytes())]);
        check_members(&a, &docs)?;
        // The chain learned the seeds' jump markers (`（下转第二版）`),
        // and reflow rightly reads none of them into the text, so the core
        // is taken from the passage as it reads.
        let core: String = without_jump_markers(&passage).chars().skip(30).take(20).collect();
        // Reflow may cut the planted text in two articles (a line of it can
        // read as a headline); the passages shared by a and b must still
        // hold the core and most of the planted text on both sides.
        let shared: Vec<&tongwen::Passage> = a.passages.iter().filter(|p| p.members.iter().any(|m| m.doc == "a.txt") && p.members.iter().any(|m| m.doc == "b.txt")).collect();
        let chars_in = |doc: &str| -> usize { shared.iter().flat_map(|p| &p.members).filter(|m| m.doc == doc).map(|m| m.text.chars().filter(|c| !c.is_whitespace()).count()).sum() };
        let mut in_a: Vec<&tongwen::Member> = shared.iter().flat_map(|p| &p.members).filter(|m| m.doc == "a.txt").collect();
        in_a.sort_by_key(|m| m.begin);
        let a_text: String = in_a.iter().map(|m| m.text.replace('\n', "")).collect();
        let found = a_text.contains(&core)
            && chars_in("a.txt") >= 150
            && chars_in("b.txt") >= 150;
        prop_assert!(found, "planted passage not found: {:?}", a.passages.iter().map(|p| p.members.iter().map(|m| (m.article.clone(), m.begin, m.end)).collect::<Vec<_>>()).collect::<Vec<_>>());
    }

    #[test]
    fn random_text_never_panics(texts in prop::collection::vec("[中国亚峰会，。—－“”新华社电 \n0-9a-z]{0,300}", 0..5)) {
        let ids: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
        let a = tongwen::analyze_documents(ids.iter().map(String::as_str).zip(texts.iter().map(|t| t.as_bytes())));
        check_members(&a, &texts)?;
    }
}

#[test]
fn a_member_trimmed_of_its_marks_still_holds_most_of_the_passage() {
    // Seed 5648: a 9-character sliver `据本报记者了解，五，` joined a 23-character
    // passage; two witnesses lacking it passed the 60 % rule by one
    // character, and trimming a mark then left them under it.
    let corpus = tongwen_testkit::synth::reprint_corpus(5648, 4, 6);
    let texts: Vec<String> = corpus.pages.iter().map(|p| p.text.clone()).collect();
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("{i:05}.txt")).collect();
    let a = tongwen::analyze_documents(ids.iter().map(String::as_str).zip(texts.iter().map(|t| t.as_bytes())));
    check_members(&a, &texts).unwrap();
}

#[test]
fn a_member_read_out_of_input_order_spans_its_outermost_extent() {
    // `pdftotext -layout` prints columns side by side; read one after
    // another, a passage's later text can stand earlier in the input. A
    // member's begin and end were its first span's start and its last
    // span's end, and so could be backwards (and overflowed downstream).
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typeset");
    let mut ids = Vec::new();
    let mut texts = Vec::new();
    for mode in ["layout", "raw"] {
        for k in 0..10 {
            ids.push(format!("{mode}/{k:03}.txt"));
            texts.push(std::fs::read_to_string(fixtures.join(mode).join(format!("{k:03}.txt"))).unwrap());
        }
    }
    let a = tongwen::analyze_documents(ids.iter().map(String::as_str).zip(texts.iter().map(|t| t.as_bytes())));
    let out_of_order = a.passages.iter().flat_map(|p| &p.members).filter(|m| m.spans.windows(2).any(|w| w[1][0] < w[0][0])).count();
    assert!(out_of_order > 0, "no member read out of input order: the test tests nothing");
    check_members(&a, &texts).unwrap();
}

#[test]
fn the_same_corpus_gives_the_same_analysis_every_time() {
    // A map seeded at random (std's `HashMap`) once chose, by its
    // iteration order, the characters the generator's scan slips put in:
    // the corpus of one seed, and the score on it, moved run to run. The
    // corpus is generated afresh each time, and analysed.
    for seed in [5648, 7417, 11] {
        let run = || {
            let corpus = tongwen_testkit::synth::reprint_corpus(seed, 4, 6);
            let ids: Vec<String> = (0..corpus.pages.len()).map(|i| format!("{i:05}.txt")).collect();
            serde_json::to_string(&tongwen::analyze_documents(ids.iter().map(String::as_str).zip(corpus.pages.iter().map(|p| p.text.as_bytes())))).unwrap()
        };
        let first = run();
        for _ in 0..4 {
            assert!(run() == first, "seed {seed}: two analyses of one corpus differ");
        }
    }
}

#[test]
fn transposed_passages_are_both_found() {
    let mut rng = fastrand::Rng::with_seed(5);
    let markov = tongwen_testkit::synth::Markov::from_seeds();
    let (p1, p2, filler) = (markov.paragraph(&mut rng, 80, 120), markov.paragraph(&mut rng, 80, 120), markov.paragraph(&mut rng, 80, 120));
    let a = format!("甲报标题\n\n{p1}\n\n{filler}\n\n{p2}\n");
    let b = format!("乙报标题\n\n{p2}\n\n{p1}\n");
    let an = tongwen::analyze_documents([("a.txt", a.as_bytes()), ("b.txt", b.as_bytes())]);
    for p in [&p1, &p2] {
        let core: String = p.chars().skip(10).take(30).collect();
        assert!(
            an.passages.iter().any(|x| x.members.iter().filter(|m| m.text.contains(&core)).count() == 2),
            "{core} not found in both: {:?}",
            an.passages
        );
    }
}

#[test]
fn furniture_one_source_repeats_is_boilerplate_a_phrase_inside_sentences_is_not() {
    let mut rng = fastrand::Rng::with_seed(16);
    let markov = tongwen_testkit::synth::Markov::from_seeds();
    let furniture = "欢迎订阅本报，全年订价三百六十元，各地邮局均可订阅。";
    let phrase = "推动中国同中亚国家关系更加紧密";
    // One paper, three articles, each closing on the address line; another
    // paper with three articles that use a phrase inside their sentences.
    let mut a = String::new();
    let mut b = String::new();
    for i in 0..3 {
        a.push_str(&format!("甲报第{i}篇标题\n\n{}\n\n{furniture}\n\n", markov.paragraph(&mut rng, 120, 160)));
        b.push_str(&format!("乙报第{i}篇标题\n\n{}，{phrase}，{}\n\n", markov.paragraph(&mut rng, 60, 80), markov.paragraph(&mut rng, 60, 80)));
    }
    let c = format!("丙报标题\n\n{}，{phrase}，{}\n\n", markov.paragraph(&mut rng, 60, 80), markov.paragraph(&mut rng, 60, 80));
    let settings = tongwen::reuse::Settings { min_len: 12, boilerplate: true, stock: true };
    let an = tongwen::analyze_corpus([("a.txt", a.as_bytes()), ("b.txt", b.as_bytes()), ("c.txt", c.as_bytes())], settings);
    let with = |text: &str| an.passages.iter().find(|p| p.members.iter().any(|m| m.text.contains(text))).unwrap_or_else(|| panic!("{text}: {:?}", an.passages));
    let f = with("全年订价");
    assert_eq!((f.kind, f.size), (tongwen::PassageKind::Boilerplate, 3), "{f:?}");
    assert_ne!(with("中亚国家关系").kind, tongwen::PassageKind::Boilerplate);
    // Hidden when boilerplate is not asked for.
    let hidden = tongwen::analyze_corpus([("a.txt", a.as_bytes()), ("b.txt", b.as_bytes()), ("c.txt", c.as_bytes())], tongwen::reuse::Settings { boilerplate: false, ..settings });
    assert!(hidden.passages.iter().all(|p| p.members.iter().all(|m| !m.text.contains("全年订价"))));
}

#[test]
fn boilerplate_is_hidden_by_default_and_shown_on_request() {
    let mut rng = fastrand::Rng::with_seed(9);
    let markov = tongwen_testkit::synth::Markov::from_seeds();
    let slogan = "坚持以人民为中心的发展思想，推动高质量发展取得新成效，奋力谱写新篇章";
    let docs: Vec<String> = (0..8).map(|i| format!("标题{i}\n\n{}\n\n{slogan}。\n", markov.paragraph(&mut rng, 100, 150))).collect();
    let ids: Vec<String> = (0..8).map(|i| format!("{i}.txt")).collect();
    let inputs = || ids.iter().map(String::as_str).zip(docs.iter().map(|d| d.as_bytes()));
    let default = tongwen::analyze_documents(inputs());
    assert!(default.passages.iter().all(|p| !p.members.iter().any(|m| m.text.contains("推动高质量发展取得新成效"))), "{:?}", default.passages);
    let shown = tongwen::analyze_corpus(inputs(), tongwen::reuse::Settings { min_len: 20, boilerplate: true, stock: false });
    let p = shown.passages.iter().find(|p| p.members.iter().any(|m| m.text.contains("推动高质量发展取得新成效"))).expect("boilerplate on request");
    assert!(p.kind == tongwen::PassageKind::Boilerplate && p.size == 8, "{p:?}");
}
