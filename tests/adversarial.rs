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
    let all: String = doc.articles.iter().flat_map(|a| a.title.iter().cloned().chain(a.paragraphs.iter().map(|p| p.text.clone()))).chain(doc.other.iter().map(|b| b.text.clone())).collect();
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
