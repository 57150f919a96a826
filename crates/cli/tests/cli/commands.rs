//! The `tongwen` command line, run as a user would run it.

use super::tongwen;

const SEEDS: [&str; 5] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/corpus/000_7db16642f3192162.txt"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/corpus/001_a71703915d167703.txt"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/corpus/002_d91aaab0cc814bb1.txt"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/corpus/003_f0687f8725c1cd82.txt"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/corpus/004_6c1e93888320af83.txt"),
];

#[test]
fn version_is_printed() {
    let out = tongwen().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), format!("tongwen {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn analyze_json_lists_documents_with_id_name_and_chars() {
    let out = tongwen().args(["analyze", "--json"]).args(SEEDS).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0]["id"], "000_7db16642f3192162.txt");
    // No seed prints a masthead, so each is called by its file name.
    assert_eq!(docs[1]["name"], "001");
    for (doc, path) in docs.iter().zip(SEEDS) {
        let chars = std::fs::read_to_string(path).unwrap().chars().count();
        assert_eq!(doc["chars"].as_u64().unwrap() as usize, chars, "{path}");
        assert_eq!(doc["encoding"], "UTF-8");
    }
}

#[test]
fn missing_file_is_a_one_line_error_not_a_panic() {
    let out = tongwen().args(["analyze", "--json", "no/such/file.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("tongwen: cannot read no/such/file.txt"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_directory_is_walked_for_its_pages() {
    let out = tongwen().args(["analyze", "--json", "www/corpus"]).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["000_7db16642f3192162.txt", "001_a71703915d167703.txt", "002_d91aaab0cc814bb1.txt", "003_f0687f8725c1cd82.txt", "004_6c1e93888320af83.txt", "README.md"]);
    // The manifest is JSON but not passim output: passed over, with why.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("skipped manifest.json: not passim output"), "{err}");
}

#[test]
fn analyze_json_has_articles_and_passages_with_the_documented_fields() {
    let out = tongwen().args(["analyze", "--json", "--min-len", "30"]).args(SEEDS).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &json["documents"][3];
    for key in ["id", "name", "chars", "encoding", "articles", "other", "warnings"] {
        assert!(doc.get(key).is_some(), "document field {key}");
    }
    let article = &doc["articles"][0];
    for key in ["id", "title", "subtitle", "dateline", "spans", "paragraphs", "markers"] {
        assert!(article.get(key).is_some(), "article field {key}: {article}");
    }
    assert!(article["id"].as_str().unwrap().starts_with("003_f0687f8725c1cd82.txt#"));
    let p = &article["paragraphs"][0];
    assert!(p["text"].is_string() && p["spans"][0][1].as_u64() > p["spans"][0][0].as_u64());
    let passages = json["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    for p in passages {
        for key in ["id", "size", "members", "variants"] {
            assert!(p.get(key).is_some(), "passage field {key}");
        }
        let m = &p["members"][0];
        for key in ["doc", "article", "begin", "end", "spans", "text"] {
            assert!(m.get(key).is_some(), "member field {key}");
        }
        // --min-len is honoured.
        assert!(p["members"].as_array().unwrap().iter().all(|m| m["text"].as_str().unwrap().chars().filter(|c| !c.is_whitespace()).count() >= 30));
    }
}

#[test]
fn min_len_out_of_range_is_refused() {
    let out = tongwen().args(["analyze", "--min-len", "5"]).args(SEEDS).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--min-len"));
}

#[test]
fn segment_prints_words_and_json_offsets_point_at_them() {
    let out = tongwen().args(["segment", SEEDS[0]]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().next().unwrap().starts_with("弘扬 中国 — 中亚 精神"), "{}", text.lines().next().unwrap());
    assert!(text.contains(" 托 卡耶夫 "), "jieba splits the name before it is taught");
    // With a user dictionary the name is one word.
    let dict = std::env::temp_dir().join(format!("tongwen-userdict-{}.txt", std::process::id()));
    std::fs::write(&dict, "托卡耶夫 nr\n").unwrap();
    let out = tongwen().args(["segment", "--user-dict"]).arg(&dict).arg(SEEDS[0]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains(" 托卡耶夫 "));
    // JSON: every word's offsets select exactly its characters in the input.
    let out = tongwen().args(["segment", "--json", SEEDS[0]]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let input: Vec<char> = std::fs::read_to_string(SEEDS[0]).unwrap().chars().collect();
    let mut words = 0;
    for article in json["articles"].as_array().unwrap() {
        for para in article["paragraphs"].as_array().unwrap() {
            for w in para.as_array().unwrap() {
                let (b, e) = (w["begin"].as_u64().unwrap() as usize, w["end"].as_u64().unwrap() as usize);
                let printed: String = input[b..e].iter().filter(|c| !c.is_whitespace()).collect();
                assert_eq!(printed, w["word"].as_str().unwrap().replace(char::is_whitespace, ""));
                words += 1;
            }
        }
    }
    assert!(words > 1000);
    std::fs::remove_file(dict).ok();
}

#[test]
fn keywords_of_the_wang_yi_interview_include_central_asia() {
    let out = tongwen().args(["keywords", "--json", "--top", "10"]).args(SEEDS).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let interview = json.as_array().unwrap().iter().find(|a| a["title"] == "弘扬中国—中亚精神，致力永久睦邻友好").unwrap();
    let words: Vec<&str> = interview["keywords"].as_array().unwrap().iter().map(|k| k[0].as_str().unwrap()).collect();
    assert_eq!(words.len(), 10);
    assert!(words.contains(&"中亚"), "{words:?}");
    assert!(!words.iter().any(|w| ["的", "我们", "，"].contains(w)), "{words:?}");
    let out = tongwen().args(["keywords", "--textrank", "--top", "5", SEEDS[0]]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().lines().count() >= 5);
}

#[test]
fn precache_lists_the_site_with_a_version_that_follows_its_content() {
    let site = std::env::temp_dir().join(format!("tongwen-precache-{}", std::process::id()));
    std::fs::create_dir_all(site.join("dict")).unwrap();
    for (name, text) in [("index.html", "<p>"), ("app.js", "1"), ("sw.js", "//"), ("dict/idf.txt.gz", "x"), ("README.md", "#")] {
        std::fs::write(site.join(name), text).unwrap();
    }
    let run = || {
        let out = tongwen().arg("precache").arg(&site).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&std::fs::read(site.join("precache.json")).unwrap()).unwrap()
    };
    let first = run();
    // The shell as `./`, never the worker itself, the list, the IDF table or notes.
    assert_eq!(first["files"], serde_json::json!(["./", "./app.js"]));
    assert_eq!(first["version"].as_str().unwrap().len(), 16);
    assert_eq!(run()["version"], first["version"], "the same site, the same version");
    std::fs::write(site.join("app.js"), "2").unwrap();
    assert_ne!(run()["version"], first["version"], "a changed file, a new version");
    std::fs::remove_dir_all(&site).ok();
}

#[test]
fn precompute_writes_the_analysis_the_page_shows_and_names_it_in_the_manifest() {
    // `make dist` runs it on the built site: the seeds' analysis must be the
    // one `analyze --json` gives, in the messages the page reads.
    let site = std::env::temp_dir().join(format!("tongwen-precompute-{}", std::process::id()));
    let corpus = site.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(std::path::Path::new(super::ROOT).join("www/corpus")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    let out = tongwen().arg("precompute").arg(&site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let manifest: tongwen::corpus::Manifest = serde_json::from_slice(&std::fs::read(corpus.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest.precomputed.as_deref(), Some("analysis.jsonl"));
    assert_eq!(manifest.documents.len(), 5, "the listed files are kept");
    let updates = tongwen::protocol::parse_precomputed(&std::fs::read(corpus.join("analysis.jsonl")).unwrap(), "analysis.jsonl").unwrap();
    let mut assembler = tongwen::protocol::Assembler::default();
    for mut update in updates {
        assembler.take(&mut update, |d| d);
    }
    let (documents, passages) = assembler.finish();
    let listed = manifest.documents.iter().map(|d| corpus.join(&d.file));
    let expected: serde_json::Value = serde_json::from_slice(&tongwen().args(["analyze", "--json"]).args(listed).output().unwrap().stdout).unwrap();
    let ids: Vec<&str> = documents.iter().map(|d| d.doc.id.as_str()).collect();
    let expected_ids: Vec<&str> = expected["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, expected_ids);
    assert_eq!(passages.len(), expected["passages"].as_array().unwrap().len());
    assert!(documents.iter().all(|d| d.text.chars().count() == d.doc.chars), "each document carries its decoded text");
    // The same analysis in fragments reads back to exactly `--json`.
    let catalog_file = manifest.published.as_deref().expect("the manifest names the catalog");
    assert!(catalog_file.starts_with("catalog-") && catalog_file.ends_with(".json"), "{catalog_file}");
    let catalog = tongwen::published::read_catalog(&std::fs::read(corpus.join(catalog_file)).unwrap(), catalog_file).unwrap();
    let mut fetched = Vec::new();
    let (analysis, texts, _) = tongwen::published::read_back::<tongwen::published::ReadError>(&catalog, &mut |file| {
        fetched.push(file.to_owned());
        Ok(std::fs::read(corpus.join(file)).unwrap())
    })
    .unwrap();
    assert_eq!(serde_json::to_value(&analysis).unwrap(), expected);
    assert_eq!(texts, documents.iter().map(|d| d.text.clone()).collect::<Vec<_>>());
    // Each fragment is named by its content.
    for file in &fetched {
        let bytes = std::fs::read(corpus.join(file)).unwrap();
        let hash: String = <sha2::Sha256 as sha2::Digest>::digest(&bytes)[..8].iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(file, &format!("fragments/{hash}.json"));
    }
    // A site without a manifest is refused with a reason.
    std::fs::remove_file(corpus.join("manifest.json")).unwrap();
    let out = tongwen().arg("precompute").arg(&site).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("manifest.json"));
    std::fs::remove_dir_all(&site).ok();
}

#[test]
fn analyze_jsonl_is_the_json_analysis_a_document_or_passage_per_line() {
    let json: serde_json::Value = serde_json::from_slice(&tongwen().args(["analyze", "--json"]).args(SEEDS).output().unwrap().stdout).unwrap();
    let out = tongwen().args(["analyze", "--jsonl"]).args(SEEDS).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let documents: Vec<&serde_json::Value> = lines.iter().filter_map(|l| l.get("document")).collect();
    let passages: Vec<&serde_json::Value> = lines.iter().filter_map(|l| l.get("passage")).collect();
    assert_eq!(documents.len() + passages.len(), lines.len(), "every line is a document or a passage");
    assert_eq!(documents, json["documents"].as_array().unwrap().iter().collect::<Vec<_>>());
    assert_eq!(passages, json["passages"].as_array().unwrap().iter().collect::<Vec<_>>());
    assert!(!passages.is_empty());
    let both = tongwen().args(["analyze", "--json", "--jsonl"]).args(SEEDS).output().unwrap();
    assert_eq!(both.status.code(), Some(2), "one format at a time");
}

#[test]
fn analyze_passages_prints_the_passages_without_the_reflowed_text() {
    let full = String::from_utf8(tongwen().arg("analyze").args(SEEDS).output().unwrap().stdout).unwrap();
    let out = tongwen().args(["analyze", "--passages"]).args(SEEDS).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let passages = String::from_utf8(out.stdout).unwrap();
    assert!(passages.starts_with("◆ passage "), "{}", &passages[..200.min(passages.len())]);
    assert!(full.ends_with(&passages), "the passages are the text output's, without what comes before");
    assert!(full.len() > 2 * passages.len(), "the reflowed text is left out");
    // Each passage says its witnesses and length, then lists them.
    let header = passages.lines().next().unwrap();
    assert!(header.contains(" witnesses · ") && header.contains(" characters"), "{header}");
    assert!(passages.lines().filter(|l| l.starts_with("◆ passage ")).count() >= 5);
    let json: serde_json::Value = serde_json::from_slice(&tongwen().args(["analyze", "--json"]).args(SEEDS).output().unwrap().stdout).unwrap();
    assert_eq!(passages.lines().filter(|l| l.starts_with("◆ passage ")).count(), json["passages"].as_array().unwrap().len());
    let both = tongwen().args(["analyze", "--passages", "--json"]).args(SEEDS).output().unwrap();
    assert_eq!(both.status.code(), Some(2));
}
