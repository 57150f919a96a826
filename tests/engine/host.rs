//! The worker's logic without the worker: every request the page can send
//! to [`Host`], what it answers, what it fetches, and what waits for what.

use std::cell::Cell;
use std::io::Write;

use tongwen::host::{Host, Outgoing, Resource};
use tongwen::protocol::{result_messages, Assembler, ExportKind, Failure, FileIn, Job, Kept, Request, Update, CHUNK_CHARS};

/// The fetch failure a shell reports for `url`.
fn gone(url: &str) -> Failure {
    Failure::Load { url: url.into(), detail: "HTTP 404".into() }
}
use tongwen::model::DocIndex;
use tongwen::segment::{KeywordMethod, UserWord};

/// A clock that moves one millisecond per reading (per test thread, so
/// tests running side by side do not move each other's clocks).
fn ticks() -> f64 {
    thread_local! {
        static NOW: Cell<u64> = const { Cell::new(0) };
    }
    NOW.with(|now| {
        now.set(now.get() + 1);
        now.get() as f64
    })
}

fn gzip(text: &str) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap()
}

fn dictionary() -> Vec<u8> {
    gzip(tongwen::segment::builtin_dict())
}

fn seed(name: &str) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    let path = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name)).unwrap();
    std::fs::read(path).unwrap()
}

fn file(id: &str, bytes: Vec<u8>) -> FileIn {
    FileIn { id: id.into(), bytes, encoding: None }
}

fn job(files: Vec<FileIn>) -> Job {
    Job { files, min_len: 20, boilerplate: false, stock: false, passim: Vec::new() }
}

/// Two seeds that share the Xi-returns report.
fn two_seeds() -> Job {
    job(vec![file("000.txt", seed("000")), file("001.txt", seed("001"))])
}

/// Runs one step and returns what it sent.
fn step(host: &mut Host, request: Request) -> Vec<Outgoing> {
    let mut out = Vec::new();
    host.handle(request, &mut |o| out.push(o));
    out
}

fn land(host: &mut Host, resource: Resource, got: Result<Vec<u8>, Failure>) -> Vec<Outgoing> {
    let mut out = Vec::new();
    host.fetched(resource, got, &mut |o| out.push(o));
    out
}

fn updates(out: &[Outgoing]) -> Vec<&Update> {
    out.iter().filter_map(|o| if let Outgoing::Update(u) = o { Some(u) } else { None }).collect()
}

fn fetches(out: &[Outgoing]) -> Vec<&Resource> {
    out.iter().filter_map(|o| if let Outgoing::Fetch(r) = o { Some(r) } else { None }).collect()
}

/// A host with the two seeds analyzed and indexed.
fn indexed() -> Host {
    let mut host = Host::new(ticks);
    step(&mut host, Request::Analyze(two_seeds()));
    let asked = step(&mut host, Request::IndexWords);
    land(&mut host, Resource::Dictionary, Ok(dictionary()));
    if fetches(&asked).contains(&&Resource::Idf) {
        land(&mut host, Resource::Idf, Err(gone("dict/idf.txt.gz")));
    }
    host
}

#[test]
fn an_analysis_reports_progress_then_the_result_in_chunks_ending_done() {
    let mut host = Host::new(ticks);
    let out = step(&mut host, Request::Analyze(two_seeds()));
    let ups = updates(&out);
    assert!(matches!(ups[0], Update::Progress(_)), "{:?}", ups[0]);
    assert_eq!(ups.last(), Some(&&Update::Done));
    let mut asm = Assembler::default();
    for u in ups {
        asm.take(&mut u.clone(), |d| d);
    }
    let (docs, passages) = asm.finish();
    assert_eq!(docs.iter().map(|d| d.doc.id.as_str()).collect::<Vec<_>>(), ["000.txt", "001.txt"]);
    assert!(passages.iter().any(|p| p.members.iter().any(|m| m.text.contains("乘专机回到北京"))), "the shared report is found");
    assert!(fetches(&out).is_empty(), "an analysis fetches nothing: words wait for IndexWords");
}

#[test]
fn words_wait_for_the_dictionary_fetched_once_and_index_when_it_lands() {
    let mut host = Host::new(ticks);
    assert!(step(&mut host, Request::IndexWords).is_empty(), "nothing to index before an analysis");
    step(&mut host, Request::Analyze(two_seeds()));
    let asked = step(&mut host, Request::IndexWords);
    assert!(fetches(&asked).contains(&&Resource::Dictionary));
    assert!(fetches(&asked).contains(&&Resource::Idf), "two pages are too few articles for their own IDF");
    assert!(updates(&asked).is_empty());
    // Asked again while the fetches are in flight: no second fetch.
    assert!(step(&mut host, Request::IndexWords).is_empty());
    // Words and search are not answered before the index exists.
    assert!(step(&mut host, Request::Words { doc: DocIndex(0), article: 0, method: KeywordMethod::TfIdf }).is_empty());
    assert!(step(&mut host, Request::Search("北京".into())).is_empty());
    // The dictionary lands first: still waiting for the IDF table.
    assert!(updates(&land(&mut host, Resource::Dictionary, Ok(dictionary()))).is_empty());
    let out = land(&mut host, Resource::Idf, Ok(gzip("北京 5.0\n")));
    let ups = updates(&out);
    assert!(matches!(ups[0], Update::Segmenting(_, 2)), "{:?}", ups[0]);
    assert!(matches!(ups.last(), Some(Update::WordsReady { .. })), "{:?}", ups.last());
    // Once indexed, asking again does nothing.
    assert!(step(&mut host, Request::IndexWords).is_empty());
}

#[test]
fn an_unreachable_idf_table_still_indexes_by_the_corpus_alone() {
    let host = indexed();
    drop(host);
    let mut host = Host::new(ticks);
    step(&mut host, Request::Analyze(two_seeds()));
    step(&mut host, Request::IndexWords);
    land(&mut host, Resource::Dictionary, Ok(dictionary()));
    let out = land(&mut host, Resource::Idf, Err(gone("dict/idf.txt.gz")));
    assert!(matches!(updates(&out).last(), Some(Update::WordsReady { .. })));
}

#[test]
fn words_and_search_are_answered_from_the_index() {
    let mut host = indexed();
    let out = step(&mut host, Request::Words { doc: DocIndex(1), article: 0, method: KeywordMethod::TfIdf });
    let Some(Update::Words(w)) = updates(&out).first().copied() else { panic!("{out:?}") };
    assert_eq!((w.doc, w.article), (DocIndex(1), 0));
    assert!(!w.ends.is_empty() && !w.keywords.is_empty());
    assert!(step(&mut host, Request::Words { doc: DocIndex(9), article: 0, method: KeywordMethod::TfIdf }).is_empty(), "no such document: no answer");
    let out = step(&mut host, Request::Search("北京".into()));
    let Some(Update::Found(found)) = updates(&out).first().copied() else { panic!("{out:?}") };
    assert!(!found.articles.is_empty());
    assert_eq!(found.elapsed_ms, 1.0, "timed by the host's clock");
}

#[test]
fn a_text_to_cut_waits_for_a_late_dictionary_and_a_failed_one_is_said() {
    let mut host = Host::new(ticks);
    let first = step(&mut host, Request::Segment("中华人民共和国".into()));
    assert_eq!(fetches(&first), [&Resource::Dictionary]);
    assert!(step(&mut host, Request::Segment("北京".into())).is_empty(), "one fetch for both");
    let out = land(&mut host, Resource::Dictionary, Err(gone("dict/dict.txt.gz")));
    assert_eq!(updates(&out).len(), 2);
    assert!(updates(&out).iter().all(|u| **u == Update::WordsFailed(gone("dict/dict.txt.gz"))));
    // A later request tries again, and this time the dictionary arrives.
    assert_eq!(fetches(&step(&mut host, Request::Segment("中华人民共和国".into()))), [&Resource::Dictionary]);
    let out = land(&mut host, Resource::Dictionary, Ok(dictionary()));
    let Some(Update::Segmented { words, init_ms, cut_ms }) = updates(&out).first().copied() else { panic!("{out:?}") };
    assert_eq!(words.concat(), "中华人民共和国");
    assert_eq!((*init_ms, *cut_ms), (1.0, 1.0), "each step timed by the host's clock");
    // With the dictionary here, a cut is answered at once.
    assert!(matches!(updates(&step(&mut host, Request::Segment("北京".into())))[..], [Update::Segmented { .. }]));
}

#[test]
fn a_dictionary_that_is_not_gzip_fails_the_words_but_not_the_host() {
    let mut host = Host::new(ticks);
    step(&mut host, Request::Analyze(two_seeds()));
    step(&mut host, Request::IndexWords);
    let out = land(&mut host, Resource::Dictionary, Ok(b"<html>not found</html>".to_vec()));
    assert!(updates(&out).iter().any(|u| matches!(u, Update::WordsFailed(Failure::Dictionary { .. }))), "{out:?}");
    // Reading still works: an export is made.
    assert!(matches!(step(&mut host, Request::Export(ExportKind::Json))[..], [Outgoing::WithBytes { update: Update::Exported { .. }, .. }]));
}

#[test]
fn user_words_index_the_corpus_again_with_them() {
    let mut host = indexed();
    let word = "回到北京乘专机";
    let before = step(&mut host, Request::Search(word.into()));
    let out = step(&mut host, Request::UserWords(vec![UserWord { word: "乘专机".into(), freq: Some(100_000), tag: None }]));
    assert!(matches!(updates(&out).last(), Some(Update::WordsReady { .. })), "indexed again at once: {out:?}");
    let out = step(&mut host, Request::Segment("乘专机回到北京".into()));
    let Some(Update::Segmented { words, .. }) = updates(&out).first().copied() else { panic!("{out:?}") };
    assert!(words.iter().any(|w| w == "乘专机"), "{words:?}");
    assert!(!updates(&before).is_empty());
}

#[test]
fn a_name_the_user_gave_a_source_names_it_in_exports_across_analyses_and_a_blank_gives_back_the_found_one() {
    let mut host = Host::new(ticks);
    let export_names = |host: &mut Host| {
        let out = step(host, Request::Export(ExportKind::Json));
        let [Outgoing::WithBytes { bytes, .. }] = &out[..] else { panic!("{out:?}") };
        let json: serde_json::Value = serde_json::from_slice(&bytes[0]).unwrap();
        json["documents"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
    };
    let given = |name: &str| Request::Names([("001.txt".to_owned(), name.to_owned())].into());
    // Given before the analysis: it holds for it.
    assert!(step(&mut host, given("人民日报 · 6月19日")).is_empty(), "names are applied, not answered");
    let mut asm = Assembler::default();
    for u in updates(&step(&mut host, Request::Analyze(two_seeds()))) {
        asm.take(&mut u.clone(), |d| d);
    }
    let names: Vec<String> = asm.finish().0.into_iter().map(|d| d.doc.name).collect();
    assert_eq!(names, ["000", "001"], "the page is sent the names the engine found, and applies the reader's itself");
    assert_eq!(export_names(&mut host), ["000", "人民日报 · 6月19日"]);
    let out = step(&mut host, Request::Export(ExportKind::PassagesCsv));
    let [Outgoing::WithBytes { bytes, .. }] = &out[..] else { panic!("{out:?}") };
    assert!(String::from_utf8_lossy(&bytes[0]).contains("人民日报 · 6月19日"), "the CSV names its witnesses by source name");
    // Renamed again, then taken back: no analysis runs.
    step(&mut host, given("新疆日报"));
    assert_eq!(export_names(&mut host), ["000", "新疆日报"]);
    step(&mut host, given("  "));
    assert_eq!(export_names(&mut host), ["000", "001"]);
    // A name given after an analysis holds for the next one too.
    step(&mut host, given("新疆日报"));
    step(&mut host, Request::Analyze(two_seeds()));
    assert_eq!(export_names(&mut host), ["000", "新疆日报"]);
}

#[test]
fn exports_carry_their_bytes_beside_the_update_and_a_missing_story_fails() {
    let mut host = Host::new(ticks);
    step(&mut host, Request::Analyze(two_seeds()));
    let out = step(&mut host, Request::Export(ExportKind::Json));
    let [Outgoing::WithBytes { update: Update::Exported { name, mime }, bytes }] = &out[..] else { panic!("{out:?}") };
    assert_eq!((name.as_str(), mime.as_str()), ("tongwen-analysis.json", "application/json"));
    let json: serde_json::Value = serde_json::from_slice(&bytes[0]).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 2);
    let out = step(&mut host, Request::Export(ExportKind::PassagesCsv));
    assert!(matches!(&out[..], [Outgoing::WithBytes { update: Update::Exported { name, .. }, bytes }] if name == "tongwen-passages.csv" && bytes.len() == 1));
    let out = step(&mut host, Request::Export(ExportKind::StoryTei { story: 999, long: 80 }));
    assert_eq!(updates(&out), [&Update::Failed(Failure::NoSuchStory)]);
}

/// The JSON Lines `build-site` writes for a precomputed corpus.
fn precomputed_lines(job: &Job) -> Vec<u8> {
    let inputs = job.files.iter().map(|f| (f.id.as_str(), f.bytes.as_slice()));
    let (analysis, texts) = tongwen::analysis::analyze_corpus_with(inputs, Default::default(), &mut |_| ());
    let shares = tongwen::view::shared_shares(&analysis.documents, &analysis.passages);
    result_messages(analysis, texts, shares).map(|u| serde_json::to_string(&u).unwrap() + "\n").collect::<String>().into_bytes()
}

#[test]
fn a_precomputed_analysis_is_fetched_and_held_for_exports_not_sent_back() {
    // The page read and showed it before the worker started: sending it
    // again would cost the page a second parse for nothing.
    let mut host = Host::new(ticks);
    let out = step(&mut host, Request::Precomputed("corpus/analysis.jsonl".into()));
    let [Outgoing::Fetch(resource @ Resource::Precomputed { url, .. })] = &out[..] else { panic!("{out:?}") };
    assert_eq!(url, "corpus/analysis.jsonl");
    // The reader's names for the built-in sources, sent as the worker starts.
    step(&mut host, Request::Names([("000.txt".to_owned(), "人民日报".to_owned())].into()));
    let out = land(&mut host, resource.clone(), Ok(precomputed_lines(&two_seeds())));
    assert!(out.is_empty(), "{out:?}");
    let out = step(&mut host, Request::Export(ExportKind::Json));
    let [Outgoing::WithBytes { bytes, .. }] = &out[..] else { panic!("{out:?}") };
    let json: serde_json::Value = serde_json::from_slice(&bytes[0]).unwrap();
    assert!(json["passages"].as_array().is_some_and(|p| !p.is_empty()));
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(2), "the documents are kept too");
    assert_eq!((&json["documents"][0]["name"], &json["documents"][1]["name"]), (&"人民日报".into(), &"001".into()));
}

#[test]
fn an_export_or_search_asked_while_the_precomputed_analysis_is_on_its_way_waits_for_it() {
    // The worker starts when the reader first exports or searches, and its
    // first job is to fetch the analysis the page shows: the answer must be
    // about that analysis, not the empty corpus before it.
    let mut host = Host::new(ticks);
    let out = step(&mut host, Request::Precomputed("corpus/analysis.jsonl".into()));
    let [Outgoing::Fetch(resource)] = &out[..] else { panic!("{out:?}") };
    assert!(step(&mut host, Request::Export(ExportKind::Json)).is_empty(), "the export waits");
    let out = land(&mut host, resource.clone(), Ok(precomputed_lines(&two_seeds())));
    let [Outgoing::WithBytes { bytes, .. }] = &out[..] else { panic!("{out:?}") };
    let json: serde_json::Value = serde_json::from_slice(&bytes[0]).unwrap();
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(2));
    // A load that fails still answers what waited (about what the worker has).
    let out = step(&mut host, Request::Precomputed("gone.jsonl".into()));
    let [Outgoing::Fetch(resource)] = &out[..] else { panic!("{out:?}") };
    assert!(step(&mut host, Request::Export(ExportKind::Json)).is_empty());
    let out = land(&mut host, resource.clone(), Err(gone("gone.jsonl")));
    assert!(matches!(&out[..], [Outgoing::Update(Update::Failed(_)), Outgoing::WithBytes { .. }]), "{out:?}");
    // And an analysis that replaces a load in flight answers them too.
    step(&mut host, Request::Precomputed("slow.jsonl".into()));
    assert!(step(&mut host, Request::Export(ExportKind::Json)).is_empty());
    let out = step(&mut host, Request::Analyze(job(vec![file("004.txt", seed("004"))])));
    assert!(matches!(out.last(), Some(Outgoing::WithBytes { .. })), "{out:?}");
}

#[test]
fn words_asked_for_before_the_precomputed_analysis_lands_are_indexed_when_it_does() {
    let mut host = Host::new(ticks);
    let out = step(&mut host, Request::Precomputed("corpus/analysis.jsonl".into()));
    let [Outgoing::Fetch(resource)] = &out[..] else { panic!("{out:?}") };
    assert!(fetches(&step(&mut host, Request::IndexWords)).is_empty(), "nothing to index yet");
    let out = land(&mut host, resource.clone(), Ok(precomputed_lines(&two_seeds())));
    assert!(fetches(&out).contains(&&Resource::Dictionary), "{out:?}");
    land(&mut host, Resource::Idf, Err(gone("dict/idf.txt.gz")));
    let out = land(&mut host, Resource::Dictionary, Ok(dictionary()));
    let Some(Update::WordsReady { candidates }) = updates(&out).last().copied() else { panic!("{out:?}") };
    assert!(!candidates.is_empty());
    let out = step(&mut host, Request::Words { doc: DocIndex(1), article: 0, method: KeywordMethod::TfIdf });
    assert!(matches!(updates(&out)[..], [Update::Words(_)]), "{out:?}");
}

#[test]
fn a_damaged_or_cut_short_precomputed_analysis_is_refused_with_a_reason() {
    let mut host = Host::new(ticks);
    let lines = precomputed_lines(&two_seeds());
    let damaged = |f: &Failure| matches!(f, Failure::PrecomputedDamaged { line: 1, .. });
    let incomplete = |f: &Failure| *f == Failure::PrecomputedIncomplete;
    let not_utf8 = |f: &Failure| *f == Failure::NotUtf8 { url: "a.jsonl".into() };
    let cases: [(Vec<u8>, &dyn Fn(&Failure) -> bool); 3] = [
        (b"{\"Documents\":[oops\n".to_vec(), &damaged),
        (lines[..lines.len() - "\"Done\"\n".len()].to_vec(), &incomplete),
        (vec![0xff, 0xfe, 0x00], &not_utf8),
    ];
    for (bytes, expected) in cases {
        let out = step(&mut host, Request::Precomputed("a.jsonl".into()));
        let [Outgoing::Fetch(resource)] = &out[..] else { panic!("{out:?}") };
        let out = land(&mut host, resource.clone(), Ok(bytes));
        assert!(matches!(updates(&out)[..], [Update::Failed(f)] if expected(f)), "{out:?}");
    }
    let out = step(&mut host, Request::Precomputed("gone.jsonl".into()));
    let [Outgoing::Fetch(resource)] = &out[..] else { panic!("{out:?}") };
    assert_eq!(updates(&land(&mut host, resource.clone(), Err(gone("gone.jsonl")))), [&Update::Failed(gone("gone.jsonl"))]);
}

#[test]
fn files_dropped_while_the_built_in_analysis_loads_are_exported_at_once_and_after_it_lands() {
    // The page's path when a reader drops files on the built-in corpus
    // before the worker has its precomputed analysis: the worker is told
    // to hold it, takes the files in, analyses them, and every export
    // answers at once, before and after the old load lands.
    let mut host = Host::new(ticks);
    step(&mut host, Request::UserWords(Vec::new()));
    let out = step(&mut host, Request::Precomputed("corpus/analysis.jsonl".into()));
    let [Outgoing::Fetch(stale)] = &out[..] else { panic!("{out:?}") };
    let taken = step(&mut host, Request::TakeIn { files: vec![file("004.txt", seed("004"))], taken: Vec::new() });
    assert!(matches!(&taken[..], [Outgoing::WithBytes { update: Update::TakenIn { .. }, .. }]), "{taken:?}");
    step(&mut host, Request::Analyze(job(vec![file("004.txt", seed("004"))])));
    let exported = |out: &[Outgoing]| matches!(out, [Outgoing::WithBytes { update: Update::Exported { .. }, .. }]);
    assert!(exported(&step(&mut host, Request::Export(ExportKind::Json))));
    assert!(land(&mut host, stale.clone(), Ok(precomputed_lines(&two_seeds()))).is_empty(), "the old load changes nothing");
    let out = step(&mut host, Request::Export(ExportKind::Json));
    assert!(exported(&out), "{out:?}");
    let [Outgoing::WithBytes { bytes, .. }] = &out[..] else { unreachable!() };
    let json: serde_json::Value = serde_json::from_slice(&bytes[0]).unwrap();
    assert_eq!(json["documents"][0]["id"], "004.txt");
}

#[test]
fn a_late_precomputed_answer_never_overwrites_a_newer_analysis() {
    // The reader changed a setting while the precomputed analysis was on
    // its way: the new analysis is what the page shows, and the old answer
    // must not replace it when it lands.
    let mut host = Host::new(ticks);
    let out = step(&mut host, Request::Precomputed("corpus/analysis.jsonl".into()));
    let [Outgoing::Fetch(stale)] = &out[..] else { panic!("{out:?}") };
    step(&mut host, Request::Analyze(job(vec![file("004.txt", seed("004"))])));
    assert!(land(&mut host, stale.clone(), Ok(precomputed_lines(&two_seeds()))).is_empty());
    let out = step(&mut host, Request::Export(ExportKind::Json));
    let [Outgoing::WithBytes { bytes, .. }] = &out[..] else { panic!("{out:?}") };
    let json: serde_json::Value = serde_json::from_slice(&bytes[0]).unwrap();
    assert_eq!(json["documents"][0]["id"], "004.txt");
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn an_analysis_during_a_dictionary_fetch_indexes_the_new_corpus_only_when_asked() {
    let mut host = Host::new(ticks);
    step(&mut host, Request::Analyze(two_seeds()));
    step(&mut host, Request::IndexWords);
    // A new corpus arrives before the dictionary does.
    step(&mut host, Request::Analyze(job(vec![file("004.txt", seed("004"))])));
    let out = land(&mut host, Resource::Dictionary, Ok(dictionary()));
    land(&mut host, Resource::Idf, Err(gone("dict/idf.txt.gz")));
    assert!(!updates(&out).iter().any(|u| matches!(u, Update::WordsReady { .. })), "the old corpus is not indexed: {out:?}");
    let out = step(&mut host, Request::IndexWords);
    assert!(fetches(&out).iter().all(|r| **r != Resource::Dictionary), "the dictionary is kept");
    assert!(matches!(updates(&out).last(), Some(Update::WordsReady { .. })), "{out:?}");
    let out = step(&mut host, Request::Words { doc: DocIndex(0), article: 0, method: KeywordMethod::TfIdf });
    assert!(matches!(updates(&out)[..], [Update::Words(_)]));
    assert!(step(&mut host, Request::Words { doc: DocIndex(1), article: 0, method: KeywordMethod::TfIdf }).is_empty(), "the old second document is gone");
}

#[test]
fn passim_output_in_the_job_gives_the_passages() {
    let mut host = Host::new(ticks);
    let mut j = job(vec![file("000.txt", seed("000")), file("001.txt", seed("001"))]);
    let passim = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/passim-out.json")).unwrap();
    j.passim = vec![file("out.json", passim)];
    let out = step(&mut host, Request::Analyze(j));
    let mut asm = Assembler::default();
    for u in updates(&out) {
        asm.take(&mut u.clone(), |d| d);
    }
    let (_, passages) = asm.finish();
    assert!(!passages.is_empty());
    // passim's cluster of three spans is one passage of three members.
    assert!(passages.iter().any(|p| p.members.len() == 3), "{:?}", passages.iter().map(|p| p.members.len()).collect::<Vec<_>>());
}

#[test]
fn a_result_survives_chunking_and_no_chunk_is_unbounded() {
    let corpus = tongwen_testkit::synth::reprint_corpus(7, 40, 100);
    let inputs: Vec<(String, &[u8])> = corpus.pages.iter().enumerate().map(|(i, p)| (format!("{i}.txt"), p.text.as_bytes())).collect();
    let (analysis, texts) = tongwen::analysis::analyze_corpus_with(inputs.iter().map(|(id, b)| (id.as_str(), *b)), Default::default(), &mut |_| ());
    assert!(!analysis.passages.is_empty());
    let shares = tongwen::view::shared_shares(&analysis.documents, &analysis.passages);
    let messages: Vec<Update> = result_messages(analysis.clone(), texts.clone(), shares.clone()).collect();
    assert!(messages.len() > 3, "100 pages take several chunks");
    assert_eq!(messages.last(), Some(&Update::Done));
    let mut asm = Assembler::default();
    for mut m in messages {
        if let Update::Documents(d) = &m {
            // Bounded: a chunk stops at the first document past the limit.
            assert!(d[..d.len() - 1].iter().map(|x| x.doc.chars).sum::<usize>() < CHUNK_CHARS);
        }
        asm.take(&mut m, |d| d);
    }
    let (docs, passages) = asm.finish();
    assert_eq!(passages, analysis.passages);
    assert_eq!(docs.iter().map(|d| d.doc.clone()).collect::<Vec<_>>(), analysis.documents);
    assert_eq!(docs.iter().map(|d| d.text.clone()).collect::<Vec<_>>(), texts);
    assert_eq!(docs.iter().map(|d| d.shares.clone()).collect::<Vec<_>>(), shares);
}

#[test]
fn files_handed_over_are_sorted_in_the_worker_with_ids_unique_in_their_corpus() {
    let mut host = Host::new(ticks);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in [("pages/page.txt", "本报讯 第二版。"), ("pages/notes.pdf", "%PDF-1.4")] {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    let files = vec![
        file("page.txt", "本报讯 第一版。".as_bytes().to_vec()),
        file("day.zip", zip.finish().unwrap().into_inner()),
        file("photo.png", b"\x89PNG\r\n\x1a\n\0\0".to_vec()),
        file("out.json", br#"{"id":"page.txt","cluster":1,"begin":0,"end":3}"#.to_vec()),
    ];
    let out = step(&mut host, Request::TakeIn { files, taken: vec!["page.txt".into()] });
    // The PDF goes to the shell's reader first; the intake waits for it.
    let [Outgoing::ReadPdfs(pdfs)] = &out[..] else { panic!("{out:?}") };
    assert_eq!(pdfs, &[("notes.pdf".to_owned(), b"%PDF-1.4".to_vec())]);
    let mut out = Vec::new();
    host.pdfs_read(vec![("notes.pdf".into(), Err("damaged: Invalid PDF structure.".into()))], &mut |o| out.push(o));
    let [Outgoing::WithBytes { update: Update::TakenIn { kept, rejected }, bytes }] = &out[..] else { panic!("{out:?}") };
    let kept_ids: Vec<(&str, bool)> = kept.iter().map(|k: &Kept| (k.id.as_str(), k.passim)).collect();
    // The corpus has a page.txt already: the two new ones are numbered.
    assert_eq!(kept_ids, [("page (2).txt", false), ("page (3).txt", false), ("out.json", true)]);
    assert_eq!(bytes.len(), 3, "the bytes of every kept file, in order");
    assert_eq!(bytes[1], "本报讯 第二版。".as_bytes(), "the zip member, unpacked");
    assert_eq!(
        rejected,
        &[
            ("photo.png".to_owned(), tongwen::intake::Refusal::Binary { kind: tongwen::intake::BinaryKind::Png }),
            ("notes.pdf".to_owned(), tongwen::intake::Refusal::PdfDamaged { detail: "Invalid PDF structure.".into() }),
        ]
    );
    // Nothing waits now: a late answer is dropped.
    let mut late = Vec::new();
    host.pdfs_read(vec![("notes.pdf".into(), Err("encrypted".into()))], &mut |o| late.push(o));
    assert!(late.is_empty());
}

#[test]
fn pdfs_read_by_the_page_are_kept_as_positioned_text_and_analysed_by_layout() {
    let mut host = Host::new(ticks);
    let files = vec![file("a.pdf", b"%PDF-1.7 a".to_vec()), file("locked.pdf", b"%PDF-1.7 b".to_vec()), file("scan.pdf", b"%PDF-1.7 c".to_vec()), file("page.txt", seed("004"))];
    let out = step(&mut host, Request::TakeIn { files, taken: Vec::new() });
    let [Outgoing::ReadPdfs(pdfs)] = &out[..] else { panic!("{out:?}") };
    assert_eq!(pdfs.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["a.pdf", "locked.pdf", "scan.pdf"]);
    // A page as pdf.js reads it: a headline over an indented paragraph.
    let run = |text: &str, x: f32, y: f32, size: f32| serde_json::json!({ "text": text, "x": x, "y": y, "width": size * text.chars().count() as f32, "size": size });
    let page = serde_json::json!({ "pages": [{ "width": 600.0, "height": 800.0, "runs": [
        run("李强会见来访客人", 40.0, 80.0, 26.0),
        run("新华社北京3月5日电　国务院总理", 64.0, 110.0, 12.0),
        run("李强5日在人民大会堂会见客人。", 40.0, 128.0, 12.0),
    ] }] });
    let blank = serde_json::json!({ "pages": [{ "width": 600.0, "height": 800.0, "runs": [run("  ", 40.0, 80.0, 12.0)] }] });
    let mut out = Vec::new();
    host.pdfs_read(vec![("a.pdf".into(), Ok(page.to_string())), ("locked.pdf".into(), Err("encrypted".into())), ("scan.pdf".into(), Ok(blank.to_string()))], &mut |o| out.push(o));
    let [Outgoing::WithBytes { update: Update::TakenIn { kept, rejected }, bytes }] = &out[..] else { panic!("{out:?}") };
    assert_eq!(kept.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(), ["page.txt", "a.pdf"]);
    assert!(bytes[1].starts_with(tongwen::positioned::STORED_MAGIC), "a PDF is kept as its positioned text");
    assert_eq!(
        rejected,
        &[("locked.pdf".to_owned(), tongwen::intake::Refusal::Encrypted), ("scan.pdf".to_owned(), tongwen::intake::Refusal::PdfWithoutText { pages: 1 })]
    );
    // Analysed from what was kept, the PDF is read by layout.
    let out = step(&mut host, Request::Analyze(job(vec![file("a.pdf", bytes[1].clone())])));
    let mut asm = Assembler::default();
    for u in updates(&out) {
        asm.take(&mut u.clone(), |d| d);
    }
    let (docs, _) = asm.finish();
    let doc = &docs[0].doc;
    assert_eq!((doc.source, doc.pages), (Some(tongwen::model::SourceFormat::Pdf), Some(1)));
    assert_eq!(doc.articles[0].title.as_deref(), Some("李强会见来访客人"));
    assert_eq!(doc.articles[0].paragraphs[0].text, "国务院总理李强5日在人民大会堂会见客人。");
}

#[test]
fn a_second_precomputed_load_makes_the_first_answer_stale() {
    let mut host = Host::new(ticks);
    let out = step(&mut host, Request::Precomputed("old/analysis.jsonl".into()));
    let [Outgoing::Fetch(first)] = &out[..] else { panic!("{out:?}") };
    let out = step(&mut host, Request::Precomputed("new/analysis.jsonl".into()));
    let [Outgoing::Fetch(second)] = &out[..] else { panic!("{out:?}") };
    // The second lands first; the first, landing late, must not replace it.
    assert!(land(&mut host, second.clone(), Ok(precomputed_lines(&two_seeds()))).is_empty());
    assert!(land(&mut host, first.clone(), Ok(precomputed_lines(&job(vec![file("004.txt", seed("004"))])))).is_empty());
    let out = step(&mut host, Request::Export(ExportKind::Json));
    let [Outgoing::WithBytes { bytes, .. }] = &out[..] else { panic!("{out:?}") };
    let json: serde_json::Value = serde_json::from_slice(&bytes[0]).unwrap();
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(2), "the second load is held");
}

/// `n` pages of one short article each.
fn small_pages(n: usize) -> Job {
    job((0..n).map(|i| file(&format!("{i:03}.txt"), format!("第{i}号消息\n\n本报讯 今天发生了第{i}件事情，市民纷纷议论。\n").into_bytes())).collect())
}

#[test]
fn the_idf_table_is_fetched_only_below_thirty_articles() {
    for (pages, wants_idf) in [(29, true), (30, false)] {
        let mut host = Host::new(ticks);
        step(&mut host, Request::Analyze(small_pages(pages)));
        let asked = step(&mut host, Request::IndexWords);
        assert_eq!(fetches(&asked).contains(&&Resource::Idf), wants_idf, "{pages} articles");
    }
}

#[test]
fn progress_comes_at_most_once_a_percent_and_ends_complete() {
    let mut host = Host::new(ticks);
    let out = step(&mut host, Request::Analyze(small_pages(250)));
    let reflow: Vec<(usize, usize)> = updates(&out).iter().filter_map(|u| if let Update::Progress(tongwen::analysis::Stage::Reflow(d, t)) = u { Some((*d, *t)) } else { None }).collect();
    assert!(reflow.len() > 50 && reflow.len() <= 101, "{} reflow reports for 250 pages", reflow.len());
    assert!(reflow.windows(2).all(|w| w[0].0 * 100 / 250 < w[1].0 * 100 / 250), "one per percent");
    step(&mut host, Request::IndexWords);
    let out = land(&mut host, Resource::Dictionary, Ok(dictionary()));
    let segmenting: Vec<(usize, usize)> = updates(&out).iter().filter_map(|u| if let Update::Segmenting(d, t) = u { Some((*d, *t)) } else { None }).collect();
    assert!(segmenting.len() > 50 && segmenting.len() <= 101, "{} segmenting reports for 250 pages", segmenting.len());
    assert!(segmenting.windows(2).all(|w| w[0].0 * 100 / 250 < w[1].0 * 100 / 250), "one per percent");
}
