//! Shared passages on the five seed pages: the acceptance points of the
//! shared-passages issue, with default settings.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use tongwen::{Analysis, Passage};

/// The five seed pages analyzed with `settings`.
pub(crate) fn analyse_seeds(settings: tongwen::reuse::Settings) -> Analysis {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let inputs: Vec<(String, Vec<u8>)> = files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    tongwen::analyze_corpus(inputs.iter().map(|(id, b)| (id.as_str(), b.as_slice())), settings)
}

/// The seeds with the default settings, analyzed once.
fn seeds() -> &'static Analysis {
    static A: OnceLock<Analysis> = OnceLock::new();
    A.get_or_init(|| analyse_seeds(Default::default()))
}

fn docs_of(p: &Passage) -> Vec<&str> {
    let mut d: Vec<&str> = p.members.iter().map(|m| &m.doc[..3]).collect();
    d.sort_unstable();
    d.dedup();
    d
}

/// A passage whose witnesses include all of `docs` and one of which contains `text`.
fn passage_with<'a>(a: &'a Analysis, docs: &[&str], text: &str) -> Option<&'a Passage> {
    a.passages.iter().find(|p| docs.iter().all(|d| docs_of(p).contains(d)) && p.members.iter().any(|m| m.text.replace('\n', "").contains(text)))
}

/// Does the passage show `x` against `y` as a variant reading (either way round)?
fn shows(p: &Passage, x: &str, y: &str) -> bool {
    p.variants.iter().flat_map(|v| v.readings.iter()).any(|[a, b]| {
        let fits = |a: &str, b: &str| a != b && ((x.contains(a) && y.contains(b)) || (a.contains(x) && b.contains(y)));
        fits(a, b) || fits(b, a)
    })
}

/// Does any passage of the story show `x` against `y`?
fn story_shows(a: &Analysis, story: usize, x: &str, y: &str) -> bool {
    a.passages.iter().filter(|p| p.story == story).any(|p| shows(p, x, y))
}

#[test]
fn wang_yi_interview_is_one_story_with_its_variant_readings() {
    let a = seeds();
    let p = passage_with(a, &["000", "001", "002"], "仲夏时节，习近平主席赴阿斯塔纳出席第二届中国").expect("Wang Yi interview shared by 000, 001, 002");
    assert!(story_shows(a, p.story, "分别", "分享"), "{:?}", p.variants);
    assert!(story_shows(a, p.story, "最重大外交行动", "最重要大外交行动"), "{:?}", p.variants);
    assert!(story_shows(a, p.story, "安排战机为专机护航", "安排战机组为专机护航"));
    // Dash variants (— in 000, － in 002) never make a variant reading.
    assert!(!story_shows(a, p.story, "—", "－"));
    for p in a.passages.iter().filter(|q| q.story == p.story) {
        for m in &p.members {
            assert!(m.begin < m.end && m.spans.first().unwrap()[0] == m.begin && m.spans.last().unwrap()[1] == m.end);
        }
    }
}

#[test]
fn every_member_shares_the_whole_passage() {
    // The seed checks: the sentence about Tokayev is shared by
    // exactly 000, 001 and 002, and no member is a fragment of another.
    let a = seeds();
    let tokayev = "东道主哈萨克斯坦总统托卡耶夫高度重视习近平主席此行";
    let holding: Vec<&Passage> = a.passages.iter().filter(|p| p.members.iter().any(|m| m.text.replace('\n', "").contains(tokayev))).collect();
    assert!(!holding.is_empty());
    for p in holding {
        let mut docs = docs_of(p);
        docs.sort_unstable();
        docs.dedup();
        assert_eq!(docs, ["000", "001", "002"], "{p:?}");
    }
    for p in &a.passages {
        let lens: Vec<usize> = p.members.iter().map(|m| m.text.chars().filter(|c| !c.is_whitespace()).count()).collect();
        let longest = *lens.iter().max().unwrap();
        assert!(lens.iter().all(|&l| l as f64 >= 0.6 * longest as f64), "passage {} members {lens:?}", p.id);
    }
}

#[test]
fn xi_returns_to_beijing_is_shared_by_000_and_001() {
    assert!(passage_with(seeds(), &["000", "001"], "乘专机回到北京").is_some());
}

#[test]
fn reactions_report_is_shared_by_001_and_002() {
    assert!(passage_with(seeds(), &["001", "002"], "宁夏在多年的荒漠化防治国际合作实践中积累了丰富经验").is_some());
}

#[test]
fn opening_of_003_is_shared_despite_an_edit() {
    let a = seeds();
    let p = passage_with(a, &["000", "001", "002", "003"], "在阿斯塔纳不到48小时时间里").expect("003's opening in all four");
    let m003 = p.members.iter().find(|m| m.doc.starts_with("003") && m.text.contains("48小时")).unwrap();
    assert!(m003.text.contains("十余场双边活动") && m003.text.contains("达成百余项合作成果。"), "{}", m003.text);
    assert!(shows(p, "十余场多双边活动", "十余场双边活动"), "{:?}", p.variants);
}

#[test]
fn stock_phrase_alone_is_never_a_passage() {
    for p in &seeds().passages {
        let alone = p.members.iter().all(|m| m.text.contains("构建更加紧密的中国") && m.text.chars().count() < 26);
        assert!(!alone, "{p:?}");
    }
}

#[test]
fn member_text_matches_its_spans() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    for p in &seeds().passages {
        assert!(p.size >= 2 && p.size == p.members.len());
        for m in &p.members {
            let input: Vec<char> = std::fs::read_to_string(dir.join(&m.doc)).unwrap().chars().collect();
            let from_spans: String = m.spans.iter().flat_map(|&[b, e]| input[b..e].iter()).filter(|c| !c.is_whitespace()).collect();
            let text: String = m.text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(from_spans, text);
            assert!(m.text.chars().filter(|c| !c.is_whitespace()).count() >= 20);
        }
    }
}

#[test]
fn the_interview_collates_three_witnesses_with_their_readings_in_columns() {
    use tongwen::collate::{collate, story_witnesses, Column};
    let a = seeds();
    let p = passage_with(a, &["000", "001", "002"], "仲夏时节，习近平主席赴阿斯塔纳出席第二届中国").unwrap();
    let c = collate(story_witnesses(&a.passages, p.story, tongwen::reuse::long_passage(Default::default())));
    let mut docs: Vec<&str> = c.witnesses.iter().map(|w| &w.doc[..3]).collect();
    docs.sort_unstable();
    assert_eq!(docs, ["000", "001", "002"], "one row per witness of the interview");
    let column_with = |x: &str, y: &str| {
        c.columns.iter().any(|col| matches!(col, Column::Variant(r) if r.iter().any(|s| s == x) && r.iter().any(|s| s == y)))
    };
    assert!(column_with("分别", "分享"));
    assert!(column_with("重大", "重要大"));
    assert!(column_with("机为", "机组为"));
    let d = c.distances();
    assert_eq!(d[c.base], 0);
    assert!(d.iter().filter(|&&k| k > 0).count() >= 2, "the two copies with slips are at a distance: {d:?}");
}
#[test]
fn a_reprinted_report_is_never_boilerplate_and_asking_for_boilerplate_loses_nothing() {
    // The case: at minimum length 8, ticking "Boilerplate" lowered
    // the passage count and flagged a long reprint as boilerplate.
    let run = |boilerplate| analyse_seeds(tongwen::reuse::Settings { min_len: 8, boilerplate, stock: false });
    let (off, on) = (run(false), run(true));
    assert!(on.passages.len() >= off.passages.len(), "{} with boilerplate, {} without", on.passages.len(), off.passages.len());
    let long = tongwen::reuse::long_passage(tongwen::reuse::Settings { min_len: 8, ..Default::default() });
    for p in off.passages.iter().chain(&on.passages) {
        let longest = p.members.iter().map(|m| m.text.chars().filter(|c| !c.is_whitespace()).count()).max().unwrap();
        assert!(p.kind != tongwen::PassageKind::Boilerplate || longest < long, "a report flagged as boilerplate: {p:?}");
    }
    // Text printed by every paper is still a passage, whatever its witnesses.
    let widest = on.passages.iter().filter(|p| p.members.iter().any(|m| m.text.chars().count() >= long)).map(|p| p.size).max().unwrap();
    assert!(widest >= 3);
}

#[test]
fn names_attributions_and_formulas_are_stock_phrases_hidden_by_default() {
    let shown = analyse_seeds(tongwen::reuse::Settings { stock: true, ..Default::default() });
    for phrase in ["吉尔吉斯斯坦前外长阿利克别克·叶克申库洛夫", "推动国际秩序朝着更加公正合理的方向发展"] {
        let p = shown.passages.iter().find(|p| p.members.iter().any(|m| m.text.replace('\n', "").contains(phrase))).unwrap_or_else(|| panic!("{phrase} is shared"));
        assert_eq!(p.kind, tongwen::PassageKind::Stock, "{phrase}: {p:?}");
        // No member starts or ends on a dangling mark.
        for m in &p.members {
            let first = m.text.chars().next().unwrap();
            assert!(!"，。、；：”’）".contains(first), "{:?}", m.text);
        }
    }
    // Hidden with the default settings, and the reports stay.
    let default = seeds();
    assert!(default.passages.iter().all(|p| p.kind == tongwen::PassageKind::Reuse));
    assert!(!default.passages.iter().any(|p| p.members.iter().any(|m| m.text.contains("叶克申库洛夫") && m.text.chars().count() < 40)));
}
#[test]
fn the_story_tei_holds_every_witness_and_the_readings() {
    let a = seeds();
    let p = passage_with(a, &["000", "001", "002"], "仲夏时节，习近平主席赴阿斯塔纳出席第二届中国").unwrap();
    let tei = tongwen::export::story_tei(&a.passages, p.story, tongwen::reuse::long_passage(Default::default()), &a.documents);
    let app = tei.split("<app>").find(|app| app.contains(">分享<")).expect("an app with 分享");
    assert!(app.contains(">分别</rdg>"), "{app}");
    // The three copies come first; the articles that quote the report after.
    let witnesses: Vec<&str> = tei.split("<witness xml:id=").skip(1).collect();
    assert!(witnesses.len() > 3, "{}", witnesses.len());
    let copies: Vec<&str> = witnesses[..3].iter().map(|w| &w.split(" · ").nth(1).unwrap()[..3]).collect();
    assert_eq!(copies, ["000", "001", "002"], "{witnesses:?}");
}
