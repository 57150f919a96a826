//! Whatever a PDF tool produces: each input class has a stated outcome (a
//! message, a warning, or correct output) and never a panic or a hang.
//! The README's "Robustness" section lists the same classes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use tongwen::reflow::check_coverage;
use tongwen::{analyze_corpus, analyze_document, DocumentAnalysis};

/// Analyses `text` and checks the invariant every input must keep: each
/// visible character lands in exactly one piece, with exact spans.
fn analysed(text: &str) -> DocumentAnalysis {
    let doc = analyze_document("x.txt", text.as_bytes());
    assert_eq!(check_coverage(text, &doc), Vec::<String>::new());
    assert_eq!(doc.chars, text.chars().count());
    doc
}

fn tongwen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tongwen"))
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tongwen-adversarial-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn empty_whitespace_and_one_character_files() {
    let empty = analysed("");
    assert!(empty.articles.is_empty());
    assert_eq!(empty.warnings, ["the file is empty"]);
    let blank = analysed(" \n\t\n　\n");
    assert!(blank.articles.is_empty());
    assert_eq!(blank.warnings, ["the file holds only whitespace"]);
    let one = analysed("中");
    assert!(one.warnings.is_empty());
    let pieces = one.articles.iter().flat_map(|a| &a.paragraphs).count() + one.other.len() + one.articles.iter().filter(|a| a.title.is_some()).count();
    assert_eq!(pieces, 1, "{one:?}");
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
    assert!(err.contains("paper.pdf: not a text file: this looks like a PDF"), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("page.txt"));
    // Nothing but binaries: a clear message and a failing status.
    let out = tongwen().arg("analyze").arg(&png).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no readable pages: photo.png: not a text file: this looks like a PNG image"), "{err}");
    // The engine itself, handed the bytes anyway, warns rather than fails.
    let doc = analyze_document("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(doc.warnings.iter().any(|w| w.contains("NUL")), "{:?}", doc.warnings);
}

#[test]
fn gbk_utf16_and_mislabelled_files() {
    let text = "国家主席习近平应邀赴哈萨克斯坦出席第二届中国—中亚峰会。行程结束之际，王毅向随行记者介绍此访情况。";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let doc = analyze_document("gbk.txt", &gbk);
    assert!(doc.warnings.is_empty() && (doc.encoding == "GBK" || doc.encoding == "gb18030"), "{doc:?}");
    let mut utf16 = vec![0xFF, 0xFE];
    text.encode_utf16().for_each(|u| utf16.extend(u.to_le_bytes()));
    assert_eq!(analyze_document("u16.txt", &utf16).encoding, "UTF-16LE");
    // Mislabelled: a UTF-8 BOM in front of GBK bytes. The BOM is trusted,
    // and the bytes that are not UTF-8 are counted in a warning.
    let mut lying = vec![0xEF, 0xBB, 0xBF];
    lying.extend_from_slice(&gbk);
    let doc = analyze_document("lying.txt", &lying);
    assert_eq!(doc.encoding, "UTF-8");
    assert!(doc.warnings.iter().any(|w| w.contains("not valid UTF-8")), "{:?}", doc.warnings);
}

#[test]
fn a_20_mb_line_and_200_000_short_lines() {
    let sentence = "国家主席习近平应邀赴哈萨克斯坦出席第二届中国—中亚峰会，双方合作迈向更高水平。";
    let mut long = String::new();
    let mut i = 0u32;
    while long.len() < 20 << 20 {
        long.push_str(sentence);
        // Vary it, so it is not one repeated gram.
        long.push(char::from_u32(0x4E00 + (i * 7919) % 20000).unwrap());
        i += 1;
    }
    let doc = analysed(&long);
    assert!(doc.articles.iter().map(|a| a.paragraphs.len()).sum::<usize>() >= 1);
    let lines: String = (0..200_000).map(|i| format!("短行{i}\n")).collect();
    analysed(&lines);
}

#[test]
fn english_traditional_and_mixed_script_text() {
    let english = "WORLD NEWS\n\nBEIJING, June 18 (Xinhua) -- Chinese President Xi Jinping\nwrapped up his visit to Kazakhstan on Wednesday.\n\nThe summit was held in Astana.\n";
    // Kept whole and in order, sentence ends respected (`Wednesday.` ends a
    // paragraph); joining wrapped Latin lines is tuned for Chinese columns
    // and may keep an English line break (README, Robustness).
    let doc = analysed(english);
    assert_eq!(doc.articles[0].title.as_deref(), Some("WORLD NEWS"));
    let paragraphs: Vec<&str> = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs.last(), Some(&"The summit was held in Astana."), "{doc:?}");
    let traditional = "習近平出席第二屆中國—中亞峰會\n\n新華社阿斯塔納6月17日電 國家主席習近平17日在阿斯塔\n納出席第二屆中國—中亞峰會並發表題為《弘揚中國—中\n亞精神 推動構建更加緊密的中國—中亞命運共同體》的\n主旨講話。習近平指出，中國—中亞合作前景廣闊。\n";
    let doc = analysed(traditional);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("習近平出席第二屆中國—中亞峰會"), "{doc:?}");
    assert_eq!(a.dateline.as_deref(), Some("新華社阿斯塔納6月17日電"), "{doc:?}");
    assert!(a.paragraphs[0].text.contains("在阿斯塔納出席"), "lines joined: {doc:?}");
    let mixed = "Кыргызстан 吉尔吉斯斯坦 Қазақстан 哈萨克斯坦 ئۇيغۇر 维吾尔 한국 ภาษาไทย 😀 a\u{301}\n\n第二段 with English.\n";
    analysed(mixed);
}

#[test]
fn html_in_a_document_stays_text() {
    let html = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>新华社北京电\n\n<a href=\"javascript:alert(3)\">点这里</a>\n";
    let doc = analysed(html);
    // Every text field the reader sees: headings, body, other blocks.
    let all: String = doc
        .articles
        .iter()
        .flat_map(|a| [&a.title, &a.subtitle, &a.byline, &a.dateline].into_iter().flatten().cloned().chain(a.paragraphs.iter().map(|p| p.text.clone())))
        .chain(doc.other.iter().map(|b| b.text.clone()))
        .collect();
    for payload in ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:alert(3)"] {
        assert!(all.contains(payload), "kept verbatim as text: {payload} in {all}");
    }
}

#[test]
fn degenerate_repetition_across_documents_stays_bounded() {
    // Two documents of 中国 × 1,000,000, and two of one sentence × 50,000:
    // the repeated grams are too common to seed alignments, so the work is
    // linear (measured: 0.9 s and 0.6 s in release; README, Robustness).
    let china = "中国".repeat(1_000_000);
    let analysis = analyze_corpus([("a.txt", china.as_bytes()), ("b.txt", china.as_bytes())], Default::default());
    assert_eq!(analysis.documents.len(), 2);
    assert!(analysis.passages.len() <= 1);
    let sentence = "国家主席习近平应邀赴哈萨克斯坦出席第二届中国—中亚峰会。\n".repeat(50_000);
    let analysis = analyze_corpus([("a.txt", sentence.as_bytes()), ("b.txt", sentence.as_bytes())], Default::default());
    assert!(analysis.passages.len() <= 2, "{}", analysis.passages.len());
}

#[test]
fn two_thousand_tiny_files_and_two_identical_documents() {
    let tiny: Vec<(String, String)> = (0..2000).map(|i| (format!("{i:04}.txt"), format!("第{i}号\n\n本报讯 第{i}条消息。\n"))).collect();
    let analysis = analyze_corpus(tiny.iter().map(|(id, t)| (id.as_str(), t.as_bytes())), Default::default());
    assert_eq!(analysis.documents.len(), 2000);
    let page = std::fs::read("www/corpus/000_7db16642f3192162.txt").unwrap();
    let analysis = analyze_corpus([("a.txt", page.as_slice()), ("b.txt", page.as_slice())], Default::default());
    assert!(!analysis.passages.is_empty());
    // Every body paragraph of the one is shared with the other.
    for p in &analysis.passages {
        assert_eq!(p.size, 2);
        assert!(p.members.iter().any(|m| m.doc == "a.txt") && p.members.iter().any(|m| m.doc == "b.txt"));
        assert!(p.variants.iter().all(|v| v.readings.is_empty()), "identical witnesses have no variants");
    }
}

// ---------------------------------------------------------------------------
// Round two (issue 19): build-site never deletes or publishes what it
// should not, nothing goes quadratic, and no character is lost.
// ---------------------------------------------------------------------------

use std::path::{Path, PathBuf};
use std::time::Duration;

const SEED: &str = "www/corpus/000_7db16642f3192162.txt";

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

/// Runs `f` on another thread; fails if it takes longer than `limit` (the
/// cases that were quadratic took minutes or never finished).
fn within<T: Send + 'static>(limit: Duration, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit).unwrap_or_else(|_| panic!("{what}: not done after {limit:?}"))
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
    std::fs::write(w.join("pages/long.zip"), zip_of(&[(long.as_str(), std::fs::read(SEED).unwrap().as_slice())])).unwrap();
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
    assert_eq!(published, ["analysis.jsonl", "manifest.json", "page.txt"]);
    let analysis = std::fs::read_to_string(w.join("site/corpus/analysis.jsonl")).unwrap();
    for secret in ["SECRET-TOKEN", "PRIVATE-KEY", "hunter2"] {
        assert!(!analysis.contains(secret), "{secret} published");
    }
    let err = stderr(&result);
    for (name, why) in [(".git", "hidden"), (".env.txt", "hidden"), ("id_ed25519", "no extension"), ("report.docx", ".docx"), ("host.txt", "symbolic link")] {
        assert!(err.lines().any(|l| l.contains(name) && l.contains(why)), "{name}: {why} not said in {err}");
    }
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

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(members, zip::CompressionMethod::Deflated)
}

fn zip_with(members: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in members {
        zip.start_file(*name, options).unwrap();
        std::io::Write::write_all(&mut zip, data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn zip_members_are_bounded_kept_and_explained() {
    use tongwen::intake::take_in;
    // 8,000 members sharing one basename: unique ids in linear time (was
    // over 120 s).
    let many: Vec<(String, Vec<u8>)> = (0..8000).map(|i| (format!("d{i}/page.txt"), format!("第{i}版").into_bytes())).collect();
    let refs: Vec<(&str, &[u8])> = many.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let zipped = zip_with(&refs, zip::CompressionMethod::Stored);
    let intake = within(Duration::from_secs(30), "8,000 same-named members", move || take_in(vec![("many.zip".into(), zipped)]));
    assert_eq!(intake.documents.len(), 8000);
    assert_eq!(intake.documents[7999].0, "page (8000).txt");
    // Two members with one name: both kept (the first was dropped).
    let mut twins = zip_with(&[("a.txt", "第一份".as_bytes()), ("b.txt", "第二份".as_bytes())], zip::CompressionMethod::Stored);
    let at: Vec<usize> = twins.windows(5).enumerate().filter(|(_, w)| *w == b"b.txt").map(|(i, _)| i).collect();
    assert_eq!(at.len(), 2, "the name is in the local header and the central directory");
    for i in at {
        twins[i] = b'a';
    }
    let intake = take_in(vec![("twins.zip".into(), twins)]);
    let got: Vec<(&str, &str)> = intake.documents.iter().map(|(n, b)| (n.as_str(), std::str::from_utf8(b).unwrap())).collect();
    assert_eq!(got, [("a.txt", "第一份"), ("a (2).txt", "第二份")]);
    // One damaged member: the good ones are kept, the bad one named.
    let mut damaged = zip_with(&[("good1.txt", "第一版正文".as_bytes()), ("bad.txt", "第二版正文内容".as_bytes()), ("good2.txt", "第三版".as_bytes())], zip::CompressionMethod::Stored);
    let body = damaged.windows("第二版".len()).position(|w| w == "第二版".as_bytes()).unwrap();
    damaged[body] ^= 0xFF;
    let intake = take_in(vec![("damaged.zip".into(), damaged)]);
    assert_eq!(intake.documents.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(), ["good1.txt", "good2.txt"]);
    assert_eq!(intake.rejected.len(), 1);
    assert!(intake.rejected[0].0 == "damaged.zip/bad.txt" && intake.rejected[0].1.contains("damaged"), "{:?}", intake.rejected);
    // Members of zeros are refused from their first bytes, never expanded whole.
    let zeros = vec![0u8; 8 << 20];
    let zipped = zip_of(&[("z1.txt", &zeros), ("z2.txt", &zeros), ("ok.txt", "正文".as_bytes())]);
    let intake = take_in(vec![("bomb.zip".into(), zipped)]);
    assert_eq!(intake.documents.len(), 1);
    assert!(intake.rejected.iter().all(|(_, why)| why.contains("binary data")), "{:?}", intake.rejected);
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

/// The texts of every piece, in order, for comparing two reflows.
fn piece_texts(doc: &DocumentAnalysis) -> Vec<String> {
    tongwen::reflow::all_spans(doc).into_iter().map(|(what, text, _)| format!("{}: {text}", what.split(' ').skip(1).collect::<Vec<_>>().join(" "))).collect()
}

#[test]
fn blank_lines_inside_a_paragraph_are_linear() {
    // 1,000,000 blank lines in a paragraph did not finish in 600 s.
    // A column cut mid-sentence, the rest after the blank lines: each
    // blank line looked ahead over all the others.
    let column = "标题\n\n新华社北京6月18日电 国家主席习\n近平结束出席第二届中国—中亚峰\n";
    let text = format!("{column}{}会，后乘专机回到北京。随同出访\n的有蔡奇、王毅等。\n", "\n".repeat(1_000_000));
    let doc = within(Duration::from_secs(60), "a million blank lines", move || analysed(&text));
    let paragraphs: Vec<&str> = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs, ["国家主席习近平结束出席第二届中国—中亚峰会，后乘专机回到北京。随同出访的有蔡奇、王毅等。"]);
}

#[test]
fn page_jump_markers_are_linear() {
    // 500,000 markers on one line took 77 s.
    let line = "（下转第三版）".repeat(500_000);
    let doc = within(Duration::from_secs(60), "500,000 markers on a line", move || analysed(&line));
    assert_eq!(doc.articles.iter().map(|a| a.markers.len()).sum::<usize>() + doc.other.len(), 500_000);
    // A marker every 46 characters in 20 MB without a line break took 47 s.
    let chunk = "国家主席习近平应邀赴哈萨克斯坦出席第二届中国—中亚峰会并发表主旨讲话（下转第三版）";
    let text = chunk.repeat((20 << 20) / chunk.len());
    let n = text.matches("（下转第三版）").count();
    let doc = within(Duration::from_secs(20), "20 MB of markers", move || analyze_document("x.txt", text.as_bytes()));
    assert_eq!(doc.articles.iter().map(|a| a.markers.len()).sum::<usize>() + doc.other.iter().filter(|b| b.text == "（下转第三版）").count(), n);
}

#[test]
fn a_few_bad_bytes_never_turn_the_file_into_mojibake() {
    let page = std::fs::read_to_string(SEED).unwrap();
    let clean = analyze_document("x.txt", page.as_bytes());
    let check = |bytes: Vec<u8>, encoding: &str, bad: usize, what: &str| {
        let doc = analyze_document("x.txt", &bytes);
        assert_eq!(doc.encoding, encoding, "{what}");
        let replaced = doc.warnings.iter().find(|w| w.contains("U+FFFD"));
        assert!(replaced.is_some_and(|w| w.starts_with(&format!("{bad} byte"))), "{what}: {:?}", doc.warnings);
        // Nearly every character is the page's own: no mojibake.
        assert!(doc.chars <= clean.chars + 40 && doc.chars + 40 >= clean.chars, "{what}: {} chars against {}", doc.chars, clean.chars);
        assert!(analyze_corpus([("a.txt", page.as_bytes()), ("b.txt", bytes.as_slice())], Default::default()).passages.len() >= clean.articles.len() / 2, "{what}: still the same text");
    };
    let mut one_bad = page.as_bytes().to_vec();
    let boundary = (3000..).find(|&i| page.is_char_boundary(i)).unwrap();
    one_bad.insert(boundary, 0xFF);
    check(one_bad, "UTF-8", 1, "one bad byte");
    let mut truncated = page.as_bytes().to_vec();
    truncated.extend_from_slice(&"中".as_bytes()[..2]);
    check(truncated, "UTF-8", 1, "a truncated last character");
    let mut latin1 = page.as_bytes().to_vec();
    latin1.extend_from_slice(b"\nCaf\xE9 cr\xE8me br\xFBl\xE9e, na\xEFve fa\xE7ade\n");
    check(latin1, "UTF-8", 6, "one Latin-1 line");
    let (gbk, _, _) = encoding_rs::GBK.encode(&page);
    let mut gbk = gbk.into_owned();
    gbk.insert(gbk.len() / 2, 0xFF);
    let doc = analyze_document("x.txt", &gbk);
    assert!(doc.encoding == "GBK" || doc.encoding == "gb18030", "one 0xFF in GBK: {}", doc.encoding);
    assert!(doc.warnings.iter().any(|w| w.starts_with("1 byte")), "{:?}", doc.warnings);
    // UTF-16 without a BOM, either order, and behind a UTF-8 BOM.
    for (encoding, bytes) in [
        ("UTF-16LE", page.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()),
        ("UTF-16BE", page.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>()),
        ("UTF-16LE", [0xEF, 0xBB, 0xBF].into_iter().chain(page.encode_utf16().flat_map(u16::to_le_bytes)).collect()),
    ] {
        assert_eq!(tongwen::intake::binary_kind(&bytes), None, "{encoding} is text");
        let doc = analyze_document("x.txt", &bytes);
        assert_eq!((doc.encoding.as_str(), doc.chars), (encoding, clean.chars), "{:?}", doc.warnings);
    }
}

#[test]
fn every_line_break_is_a_line_break() {
    let page = std::fs::read_to_string(SEED).unwrap().replace("\r\n", "\n");
    let want = piece_texts(&analysed(&page));
    assert!(want.len() > 40);
    for (name, brk) in [("CR", "\r"), ("CR LF", "\r\n"), ("NEL", "\u{85}"), ("LINE SEPARATOR", "\u{2028}")] {
        let doc = analysed(&page.replace('\n', brk));
        assert_eq!(piece_texts(&doc), want, "{name}");
    }
}

#[test]
fn invisible_characters_at_line_ends_change_nothing() {
    // Trimmed: a U+FEFF at the very start of a file is its byte-order mark.
    let page = std::fs::read_to_string(SEED).unwrap().replace("\r\n", "\n").trim_start().to_owned();
    let want = piece_texts(&analysed(&page));
    for (name, c) in [("ZWSP", "\u{200B}"), ("BOM", "\u{FEFF}"), ("soft hyphen", "\u{AD}"), ("word joiner", "\u{2060}")] {
        let doc = analysed(&page.replace('\n', &format!("{c}\n")));
        assert_eq!(piece_texts(&doc), want, "{name}");
        let doc = analysed(&page.replace('\n', &format!("\n{c}")));
        assert_eq!(piece_texts(&doc), want, "{name} at line starts");
    }
}

#[test]
fn markdown_markup_is_read_only_in_markdown() {
    let text = "计算机的基础\n\n新华社北京6月18日电 2**10等于1024。\n\n而**不是**1000。\n";
    let doc = analysed(text);
    let body: String = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.clone()).collect();
    assert!(body.contains("2**10等于1024。而**不是**1000。"), "{body}");
    // In a Markdown file the pair is markup, and its characters are
    // accounted for as such.
    let doc = analyze_document("x.md", text.as_bytes());
    assert_eq!(tongwen::reflow::check_coverage(text, &doc), Vec::<String>::new());
    let body: String = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.clone()).collect();
    assert!(body.contains("2**10等于1024。而不是1000。"), "{body}");
    assert_eq!(doc.markup.len(), 2, "{:?}", doc.markup);
}

#[test]
fn dense_emoji_stay_body_text_whole_and_in_order() {
    // A ZWJ family counted as seven characters made its line look wider
    // than the column, and the paragraph broke there.
    let text = "习近平回到北京\n\n新华社北京6月18日电 国家主席习\n近平结束出席第二届中国—中亚峰\n会👨‍👩‍👧‍👦👨‍👩‍👧‍👦🇨🇳🇰🇿后乘专机回到北京。随\n同出访的有蔡奇、王毅等。此次活\n动，同哈萨克斯坦1️⃣总统托卡耶夫举\n行会谈，成果丰硕。\n";
    let doc = analysed(text);
    assert_eq!(doc.articles.len(), 1, "{doc:#?}");
    assert_eq!(doc.articles[0].title.as_deref(), Some("习近平回到北京"));
    let paragraphs: Vec<&str> = doc.articles[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs, ["国家主席习近平结束出席第二届中国—中亚峰会👨‍👩‍👧‍👦👨‍👩‍👧‍👦🇨🇳🇰🇿后乘专机回到北京。随同出访的有蔡奇、王毅等。此次活动，同哈萨克斯坦1️⃣总统托卡耶夫举行会谈，成果丰硕。"]);
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
    let corpus = tongwen::synth::reprint_corpus(11, 500, 1400);
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
