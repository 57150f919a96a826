//! Whatever a user hands the command line: each input class has a stated
//! outcome (a message, a skipped file with its reason, or correct output)
//! and never a panic, a hang, a deleted directory or a published secret.
//! The engine's own cases are in the root's `tests/engine/adversarial.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use tongwen::analyze_document;

use super::{tongwen, SEED};


fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tongwen-adversarial-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn binary_files_are_refused_by_name_with_what_they_look_like() {
    let png = temp_file("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let pdf = temp_file("paper.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    let page = temp_file("page.txt", "本报讯 今天天气很好。\n".as_bytes());
    let out = tongwen().arg("analyze").args([&png, &pdf, &page]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("skipped") && err.contains("photo.png: not a text file: this looks like a PNG image"), "{err}");
    // A PDF is read by layout; this one is cut off after its header.
    assert!(err.contains("paper.pdf: a damaged PDF ("), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("page.txt"));
    // Nothing but binaries: a clear message and a failing status.
    let out = tongwen().arg("analyze").arg(&png).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no readable pages: photo.png: not a text file: this looks like a PNG image"), "{err}");
    // The engine itself, handed the bytes anyway, warns rather than fails.
    let doc = analyze_document("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(doc.warnings.contains(&tongwen::model::Warning::NulCharacters), "{:?}", doc.warnings);
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tongwen-adv2-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A minimal built app, as `make dist` leaves it, so these tests do not
/// depend on the wasm build.
fn fake_app(root: &Path) -> PathBuf {
    let app = root.join("app");
    std::fs::create_dir_all(app.join("pkg")).unwrap();
    std::fs::write(app.join("index.html"), "<!doctype html><title>tongwen</title>").unwrap();
    std::fs::write(app.join("pkg/app.js"), "export default 1;").unwrap();
    std::fs::write(app.join("sw.js"), "const VERSION = 'dev';\nconst PRECACHE = ['./'];\n").unwrap();
    app
}

/// Runs the CLI, killing it (and failing the test) if it runs past `limit`.
fn run_within(args: &[&std::ffi::OsStr], limit: Duration) -> std::process::Output {
    let child = tongwen().args(args).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    // Output is read while it runs, so a full pipe never stalls it.
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("tongwen {args:?} still running after {limit:?}: it hangs");
        }
    }
}

fn build_site(corpus: &Path, out: &Path, app: &Path) -> std::process::Output {
    run_within(&["build-site".as_ref(), corpus.as_os_str(), "-o".as_ref(), out.as_os_str(), "--app".as_ref(), app.as_os_str()], Duration::from_secs(60))
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn build_site_never_deletes_a_directory_it_did_not_write() {
    let w = scratch("wipe");
    let app = fake_app(&w);
    std::fs::create_dir_all(w.join("pages")).unwrap();
    std::fs::copy(SEED, w.join("pages/page.txt")).unwrap();
    std::fs::write(w.join("thesis.tex"), "x").unwrap();
    // The corpus's parent, the corpus itself, a directory inside it, and the app.
    for (out, why) in [(w.clone(), "inside the output"), (w.join("pages"), "inside the corpus"), (w.join("pages/site"), "inside the corpus"), (app.clone(), "overwrite the app")] {
        let result = build_site(&w.join("pages"), &out, &app);
        assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
        assert!(stderr(&result).contains(why), "{out:?}: {}", stderr(&result));
    }
    assert_eq!(std::fs::read_to_string(w.join("thesis.tex")).unwrap(), "x");
    assert!(w.join("pages/page.txt").is_file() && app.join("index.html").is_file());
    // A directory with someone's files in it is not replaced.
    std::fs::create_dir_all(w.join("mine")).unwrap();
    std::fs::write(w.join("mine/notes.txt"), "keep").unwrap();
    let result = build_site(&w.join("pages"), &w.join("mine"), &app);
    assert_eq!(result.status.code(), Some(2));
    assert!(stderr(&result).contains("not written by tongwen build-site"), "{}", stderr(&result));
    assert_eq!(std::fs::read_to_string(w.join("mine/notes.txt")).unwrap(), "keep");
    // A new directory, then the same one again: it carries the marker.
    for _ in 0..2 {
        let result = build_site(&w.join("pages"), &w.join("site"), &app);
        assert!(result.status.success(), "{}", stderr(&result));
        assert!(w.join("site/.tongwen-site").is_file() && w.join("site/corpus/page.txt").is_file());
    }
    // No staging or old copies are left beside it.
    let left: Vec<String> = std::fs::read_dir(&w).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with('.')).collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_failed_build_leaves_the_old_site_whole() {
    let w = scratch("atomic");
    let app = fake_app(&w);
    std::fs::create_dir_all(w.join("pages")).unwrap();
    std::fs::copy(SEED, w.join("pages/page.txt")).unwrap();
    assert!(build_site(&w.join("pages"), &w.join("site"), &app).status.success());
    let before = std::fs::read(w.join("site/corpus/analysis.jsonl")).unwrap();
    // A member name of 300 bytes used to fail the build after the old site
    // was deleted; it is now shortened and the build succeeds.
    let long = format!("{}.txt", "长".repeat(100));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(long.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, &std::fs::read(SEED).unwrap()).unwrap();
    std::fs::write(w.join("pages/long.zip"), zip.finish().unwrap().into_inner()).unwrap();
    let result = build_site(&w.join("pages"), &w.join("site"), &app);
    assert!(result.status.success(), "{}", stderr(&result));
    let manifest = std::fs::read_to_string(w.join("site/corpus/manifest.json")).unwrap();
    assert!(manifest.contains("长….txt"), "{manifest}");
    // A build that fails part-way (the app holds a file where the corpus
    // directory must go) leaves the previous site as it was.
    let current = std::fs::read(w.join("site/corpus/analysis.jsonl")).unwrap();
    assert_ne!(before, current);
    std::fs::write(app.join("corpus"), "not a directory").unwrap();
    let result = build_site(&w.join("pages"), &w.join("site"), &app);
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    assert_eq!(std::fs::read(w.join("site/corpus/analysis.jsonl")).unwrap(), current);
    assert!(w.join("site/index.html").is_file());
}

#[test]
fn build_site_publishes_only_pages_and_says_what_it_skipped() {
    let w = scratch("leak");
    let app = fake_app(&w);
    let c = w.join("corpus");
    for dir in [".git", "keys", "pages"] {
        std::fs::create_dir_all(c.join(dir)).unwrap();
    }
    std::fs::write(c.join(".git/config"), "[remote]\n\turl = https://user:SECRET-TOKEN@example.invalid/x.txt\n").unwrap();
    std::fs::write(c.join("keys/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nPRIVATE-KEY-BYTES\n").unwrap();
    std::fs::write(c.join(".env.txt"), "PASSWORD=hunter2\n").unwrap();
    std::fs::write(c.join("report.docx"), "not a page").unwrap();
    std::os::unix::fs::symlink("/etc/hostname", c.join("host.txt")).unwrap();
    std::fs::copy(SEED, c.join("pages/page.txt")).unwrap();
    let result = build_site(&c, &w.join("site"), &app);
    assert!(result.status.success(), "{}", stderr(&result));
    let published: Vec<String> = std::fs::read_dir(w.join("site/corpus")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    let mut published = published;
    published.sort();
    let catalog = published.iter().find(|n| n.starts_with("catalog-")).cloned().unwrap_or_default();
    assert_eq!(published, ["analysis.jsonl", catalog.as_str(), "fragments", "manifest.json", "page.txt"]);
    // The page's fragment and the (empty) stories, nothing else: one page
    // shares no passage.
    assert_eq!(std::fs::read_dir(w.join("site/corpus/fragments")).unwrap().count(), 2);
    for entry in walkdir::WalkDir::new(w.join("site/corpus")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            for secret in ["SECRET-TOKEN", "PRIVATE-KEY", "hunter2"] {
                assert!(!text.contains(secret), "{secret} published in {}", entry.path().display());
            }
        }
    }
    let err = stderr(&result);
    for (name, why) in [(".git", "hidden"), (".env.txt", "hidden"), ("id_ed25519", "no extension"), ("report.docx", ".docx"), ("host.txt", "symbolic link")] {
        assert!(err.lines().any(|l| l.contains(name) && l.contains(why)), "{name}: {why} not said in {err}");
    }
}

#[test]
fn a_published_site_never_shows_the_apps_prerendered_first_view() {
    let w = scratch("prerender");
    let app = fake_app(&w);
    // As make dist leaves it: the built-in corpus's first view beside the app's root.
    let index = "<body><noscript>x</noscript>\n  <!-- prerendered first view -->\n  <div class=\"prerender\"><p class=\"para\">BUILT-IN ARTICLE</p></div>\n  <!-- end of prerendered first view -->\n  <div id=\"app-root\"></div>\n</body>";
    std::fs::write(app.join("index.html"), index).unwrap();
    std::fs::create_dir_all(w.join("pages")).unwrap();
    std::fs::copy(SEED, w.join("pages/page.txt")).unwrap();
    let result = build_site(&w.join("pages"), &w.join("site"), &app);
    assert!(result.status.success(), "{}", stderr(&result));
    let published = std::fs::read_to_string(w.join("site/index.html")).unwrap();
    assert_eq!(published, "<body><noscript>x</noscript>\n  <div id=\"app-root\"></div>\n</body>");
    // The app's own copy keeps it.
    assert!(std::fs::read_to_string(app.join("index.html")).unwrap().contains("BUILT-IN ARTICLE"));
    // An index without one is copied as it is.
    let plain = "<body><div id=\"app-root\"></div></body>";
    std::fs::write(app.join("index.html"), plain).unwrap();
    assert!(build_site(&w.join("pages"), &w.join("site"), &app).status.success());
    assert_eq!(std::fs::read_to_string(w.join("site/index.html")).unwrap(), plain);
}

#[test]
fn walks_survive_link_loops_fifos_and_devices() {
    let w = scratch("walk");
    let app = fake_app(&w);
    let c = w.join("corpus");
    std::fs::create_dir_all(c.join("sub")).unwrap();
    std::fs::copy(SEED, c.join("page.txt")).unwrap();
    std::os::unix::fs::symlink(".", c.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", c.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", c.join("zero.txt")).unwrap();
    let fifo = c.join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let result = build_site(&c, &w.join("site"), &app);
    assert!(result.status.success(), "{}", stderr(&result));
    let err = stderr(&result);
    assert!(err.contains("pipe.txt: not a regular file"), "{err}");
    assert!(err.contains("zero.txt: a symbolic link"), "{err}");
    // The CLI reads the same way; a FIFO named on the command line is
    // passed over, not read forever.
    let out = run_within(&["analyze".as_ref(), c.as_os_str(), fifo.as_os_str()], Duration::from_secs(60));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("page.txt"));
}

#[test]
fn a_refused_zip_says_why_when_it_is_the_only_input() {
    let w = scratch("onlyzip");
    let app = fake_app(&w);
    std::fs::create_dir_all(w.join("pages")).unwrap();
    std::fs::write(w.join("pages/broken.zip"), b"PK\x03\x04 this is not an archive").unwrap();
    let result = build_site(&w.join("pages"), &w.join("site"), &app);
    assert_eq!(result.status.code(), Some(2));
    assert!(stderr(&result).contains("broken.zip: not a readable zip archive"), "{}", stderr(&result));
    let out = run_within(&["analyze".as_ref(), w.join("pages/broken.zip").as_os_str()], Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.zip: not a readable zip archive"), "{}", stderr(&out));
}

#[test]
fn passim_files_are_passages_in_the_cli_and_build_site() {
    let w = scratch("passim");
    let app = fake_app(&w);
    let c = w.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::copy(SEED, c.join("a.txt")).unwrap();
    std::fs::copy(SEED, c.join("b.txt")).unwrap();
    let passim = "{\"id\":\"a.txt\",\"cluster\":7,\"begin\":100,\"end\":160}\n{\"id\":\"b.txt\",\"cluster\":7,\"begin\":100,\"end\":160}\n";
    std::fs::write(c.join("out.json"), passim).unwrap();
    // The CLI: the passim file is not a page, and its cluster is the passage.
    let out = run_within(&["analyze".as_ref(), "--json".as_ref(), c.join("a.txt").as_os_str(), c.join("b.txt").as_os_str(), c.join("out.json").as_os_str()], Duration::from_secs(60));
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt", "b.txt"]);
    let passages = json["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 1, "{passages:?}");
    assert_eq!(passages[0]["members"].as_array().unwrap().len(), 2);
    // build-site keeps it, marks it in the manifest and uses it.
    let result = build_site(&c, &w.join("site"), &app);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(String::from_utf8_lossy(&result.stdout).contains("1 shared passages (from 1 passim files)"), "{}", String::from_utf8_lossy(&result.stdout));
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(w.join("site/corpus/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["documents"][2], serde_json::json!({"file": "out.json", "passim": true}));
    assert_eq!(std::fs::read_to_string(w.join("site/corpus/out.json")).unwrap(), passim);
}

#[test]
fn same_names_in_two_directories_get_two_ids() {
    let w = scratch("ids");
    for dir in ["a", "b"] {
        std::fs::create_dir_all(w.join(dir)).unwrap();
        std::fs::copy(SEED, w.join(dir).join("page.txt")).unwrap();
    }
    let out = run_within(&["analyze".as_ref(), "--json".as_ref(), w.join("a/page.txt").as_os_str(), w.join("b/page.txt").as_os_str()], Duration::from_secs(60));
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["page.txt", "page (2).txt"]);
    let docs: std::collections::BTreeSet<&str> = json["passages"].as_array().unwrap().iter().flat_map(|p| p["members"].as_array().unwrap()).map(|m| m["doc"].as_str().unwrap()).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["page (2).txt", "page.txt"]);
}

/// Runs the CLI with its output discarded and returns its peak resident
/// memory in kB, read from /proc while it runs.
fn peak_rss_kb(args: &[&std::ffi::OsStr]) -> u64 {
    let mut child = tongwen().args(args).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
    let pid = child.id();
    let mut peak_kb = 0u64;
    while child.try_wait().unwrap().is_none() {
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kb) = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()) {
                peak_kb = peak_kb.max(kb);
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(child.wait().unwrap().success(), "tongwen {args:?} failed");
    peak_kb
}

#[test]
fn segment_json_streams_instead_of_holding_every_word() {
    let page = std::fs::read_to_string(SEED).unwrap();
    let big = temp_file("big.txt", page.repeat(40).as_bytes()); // about 2 MB
    let peak_kb = peak_rss_kb(&["segment".as_ref(), "--json".as_ref(), big.as_os_str()]);
    // The dictionary and the document take their share; the words of the
    // whole document as one JSON value took about 290 times the input.
    let input_kb = page.len() as u64 * 40 / 1024;
    assert!(peak_kb < 200 * 1024 + 40 * input_kb, "peak {peak_kb} kB for {input_kb} kB of input");
}

#[test]
fn analysis_memory_per_input_byte_is_bounded() {
    // 300 MB of input peaked at 4.6 GB; an 8.6 MB corpus at 23 times its
    // size. Bytes are freed once decoded, each text is held once, the JSON
    // is streamed and the reuse indexes are sized exactly (now about 13×).
    let dir = scratch("memory");
    let corpus = tongwen_testkit::synth::reprint_corpus(11, 500, 1400);
    let mut input = 0u64;
    for (i, page) in corpus.pages.iter().enumerate() {
        std::fs::write(dir.join(format!("{i:05}.txt")), &page.text).unwrap();
        input += page.text.len() as u64;
    }
    let peak_kb = peak_rss_kb(&["analyze".as_ref(), "--json".as_ref(), dir.as_os_str()]);
    // jieba's dictionary (for stock phrases by part of speech) is a fixed
    // 50 MB or so, whatever the corpus: allowed for apart.
    const DICTIONARY_KB: u64 = 64 * 1024;
    let ratio = peak_kb.saturating_sub(DICTIONARY_KB) as f64 * 1024.0 / input as f64;
    assert!(ratio < 16.0, "peak {peak_kb} kB is {ratio:.1} times the {input} bytes of input, besides the dictionary");
}


#[test]
fn a_large_published_corpus_is_written_in_fragments_only() {
    // Past WHOLE_MAX_DOCUMENTS, the whole analysis in one file would be
    // fetched by every visitor's worker: only fragments are written.
    let w = scratch("large");
    let app = fake_app(&w);
    let c = w.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    let corpus = tongwen_testkit::synth::reprint_corpus(5, 20, tongwen::published::WHOLE_MAX_DOCUMENTS);
    for (i, page) in corpus.pages.iter().enumerate() {
        std::fs::write(c.join(format!("{i:03}.txt")), &page.text).unwrap();
    }
    let result = build_site(&c, &w.join("site"), &app);
    assert!(result.status.success(), "{}", stderr(&result));
    let corpus_dir = w.join("site/corpus");
    let manifest: tongwen::corpus::Manifest = serde_json::from_slice(&std::fs::read(corpus_dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest.precomputed, None);
    assert!(!corpus_dir.join("analysis.jsonl").exists());
    let catalog_file = manifest.published.unwrap();
    let catalog = tongwen::published::read_catalog(&std::fs::read(corpus_dir.join(&catalog_file)).unwrap(), &catalog_file).unwrap();
    assert_eq!(catalog.documents.len(), tongwen::published::WHOLE_MAX_DOCUMENTS);
    let (analysis, _, _) = tongwen::published::read_back::<tongwen::published::ReadError>(&catalog, &mut |f| Ok(std::fs::read(corpus_dir.join(f)).unwrap())).unwrap();
    assert!(!analysis.passages.is_empty(), "the reprints share passages");
    // A visitor's browser caches at install the list of sources, not the
    // corpus: its pages and fragments are cached as they are read.
    let precached = |site: &Path| -> Vec<String> {
        let list: serde_json::Value = serde_json::from_slice(&std::fs::read(site.join("precache.json")).unwrap()).unwrap();
        list["files"].as_array().unwrap().iter().filter_map(|f| f.as_str()?.strip_prefix("./corpus/").map(str::to_owned)).collect()
    };
    // The page searches it in chunks (the worker could not hold it whole).
    let search = catalog.search.clone().expect("a search index");
    let root = tongwen::search_chunks::read_root(&std::fs::read(corpus_dir.join(&search)).unwrap(), &search).unwrap();
    assert_eq!(root.articles, analysis.documents.iter().map(|d| d.articles.len()).sum::<usize>());
    assert!(root.chunks.iter().all(|(_, f)| corpus_dir.join(f).is_file()));
    let mut expected = vec!["manifest.json".to_owned(), catalog_file.clone(), catalog.stories.clone(), search];
    expected.extend(catalog.parts.iter().cloned());
    expected.sort();
    let mut listed = precached(&w.join("site"));
    listed.sort();
    assert_eq!(listed, expected);
    assert!(std::fs::read_to_string(w.join("site/precache.json")).unwrap().contains("./pkg/"), "the app is precached");
    // One fewer document: small enough to hold whole, so written whole too,
    // and cached whole at install.
    std::fs::remove_file(c.join("000.txt")).unwrap();
    let result = build_site(&c, &w.join("site"), &app);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(corpus_dir.join("analysis.jsonl").is_file());
    let listed = precached(&w.join("site"));
    assert!(listed.contains(&"analysis.jsonl".to_owned()) && !listed.contains(&"000.txt".to_owned()) && listed.contains(&"001.txt".to_owned()), "{listed:?}");
    assert!(listed.iter().filter(|f| f.starts_with("fragments/")).count() > tongwen::published::WHOLE_MAX_DOCUMENTS - 1);
    let manifest: tongwen::corpus::Manifest = serde_json::from_slice(&std::fs::read(corpus_dir.join("manifest.json")).unwrap()).unwrap();
    let catalog_file = manifest.published.unwrap();
    let catalog = tongwen::published::read_catalog(&std::fs::read(corpus_dir.join(&catalog_file)).unwrap(), &catalog_file).unwrap();
    assert_eq!(catalog.search, None, "the worker searches a small corpus");
}
