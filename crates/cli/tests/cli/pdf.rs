//! PDFs handed to the command line: read by layout into the same JSON as
//! a text file, found to share a report, or refused with their reason.

use std::path::PathBuf;

use super::{tongwen, ROOT};

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(ROOT).join("tests/fixtures").join(path)
}

fn json(args: &[&std::ffi::OsStr]) -> (serde_json::Value, String) {
    let out = tongwen().arg("analyze").arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_pdf_is_analysed_like_a_text_file_with_its_source_and_pages() {
    let pdf = fixture("typeset-pdf/pdf/001.pdf");
    let (analysis, _) = json(&[pdf.as_os_str()]);
    let doc = &analysis["documents"][0];
    assert_eq!(doc["id"], "001.pdf");
    assert_eq!(doc["source"], "pdf");
    assert_eq!(doc["pages"], 1);
    assert_eq!(doc["encoding"], "PDF");
    let titles: Vec<&str> = doc["articles"].as_array().unwrap().iter().filter_map(|a| a["title"].as_str()).collect();
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture("typeset-pdf/gold/001.json")).unwrap()).unwrap();
    let want: Vec<String> = gold["articles"].as_array().unwrap().iter().filter_map(|a| a["title"].as_str()).map(|t| t.split_whitespace().collect()).collect();
    assert_eq!(titles, want);
    // The page's header is furniture, and it names the source.
    assert!(doc["name"].as_str().unwrap().contains("2024-03"), "{}", doc["name"]);
    // Spans are code points into the laid-out text, as `chars` counts it.
    let chars = doc["chars"].as_u64().unwrap();
    let a = &doc["articles"][0];
    let end = a["paragraphs"][0]["spans"][0][1].as_u64().unwrap();
    assert!(end <= chars);
}

#[test]
fn one_report_typeset_by_two_papers_is_one_story_with_both_witnesses() {
    let (a, b) = (fixture("typeset-pdf/reprint/a.pdf"), fixture("typeset-pdf/reprint/b.pdf"));
    let (analysis, _) = json(&[a.as_os_str(), b.as_os_str()]);
    let passages = analysis["passages"].as_array().unwrap();
    let long: Vec<&serde_json::Value> = passages.iter().filter(|p| p["members"][0]["text"].as_str().unwrap().chars().count() > 500).collect();
    assert_eq!(long.len(), 1, "{passages:?}");
    let docs: Vec<&str> = long[0]["members"].as_array().unwrap().iter().map(|m| m["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, ["a.pdf", "b.pdf"]);
}

#[test]
fn bad_pdfs_are_skipped_with_their_reason_and_the_good_ones_read() {
    let dir = std::env::temp_dir().join(format!("tongwen-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A zip of two PDFs, beside a locked one, a scan and a broken one.
    let zip_path = dir.join("papers.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for name in ["a.pdf", "b.pdf"] {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, &std::fs::read(fixture("typeset-pdf/reprint").join(name)).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    let broken = dir.join("broken.pdf");
    std::fs::write(&broken, b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").unwrap();
    let (locked, scan) = (fixture("pdf/locked.pdf"), fixture("pdf/scan.pdf"));
    let (analysis, err) = json(&[zip_path.as_os_str(), locked.as_os_str(), scan.as_os_str(), broken.as_os_str()]);
    let ids: Vec<&str> = analysis["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.pdf", "b.pdf"]);
    assert!(err.contains("skipped locked.pdf: encrypted; tongwen cannot read it without the password"), "{err}");
    assert!(err.contains("skipped scan.pdf: a PDF with no text layer on its 1 page(s), a scan perhaps: it needs OCR first"), "{err}");
    assert!(err.contains("skipped broken.pdf: a damaged PDF ("), "{err}");
    // Nothing but bad PDFs: a clear message and a failing status.
    let out = tongwen().arg("analyze").args([&locked, &scan]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no readable pages"));
    std::fs::remove_dir_all(&dir).unwrap();
}
