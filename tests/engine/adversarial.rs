//! Whatever a PDF tool produces, handed to the engine: each input class
//! has a stated outcome (a
//! message, a warning, or correct output) and never a panic or a hang. What
//! the command line does with it is in `crates/cli/tests/cli/adversarial.rs`.
//! The README's "Robustness" section lists the same classes.
#![cfg(not(target_arch = "wasm32"))]

use tongwen::reflow::check_coverage;
use tongwen::intake::{BinaryKind, Refusal};
use tongwen::model::Warning;
use tongwen::{analyze_corpus, analyze_document, DocumentAnalysis};

/// Analyses `text` and checks the invariant every input must keep: each
/// visible character lands in exactly one piece, with exact spans.
fn analyzed(text: &str) -> DocumentAnalysis {
    let doc = analyze_document("x.txt", text.as_bytes());
    assert_eq!(check_coverage(text, &doc), Vec::<String>::new());
    assert_eq!(doc.chars, text.chars().count());
    doc
}

#[test]
fn empty_whitespace_and_one_character_files() {
    let empty = analyzed("");
    assert!(empty.articles.is_empty());
    assert_eq!(empty.warnings, [Warning::Empty]);
    let blank = analyzed(" \n\t\n　\n");
    assert!(blank.articles.is_empty());
    assert_eq!(blank.warnings, [Warning::OnlyWhitespace]);
    let one = analyzed("中");
    assert!(one.warnings.is_empty());
    let pieces = one.articles.iter().flat_map(|a| &a.paragraphs).count() + one.other.len() + one.articles.iter().filter(|a| a.title.is_some()).count();
    assert_eq!(pieces, 1, "{one:?}");
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
    assert!(doc.warnings.iter().any(|w| matches!(w, Warning::InvalidBytes { encoding, .. } if encoding == "UTF-8")), "{:?}", doc.warnings);
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
    let doc = analyzed(&long);
    assert!(doc.articles.iter().map(|a| a.paragraphs.len()).sum::<usize>() >= 1);
    let lines: String = (0..200_000).map(|i| format!("短行{i}\n")).collect();
    analyzed(&lines);
}

#[test]
fn english_traditional_and_mixed_script_text() {
    let english = "WORLD NEWS\n\nBEIJING, June 18 (Xinhua) -- Chinese President Xi Jinping\nwrapped up his visit to Kazakhstan on Wednesday.\n\nThe summit was held in Astana.\n";
    // Kept whole and in order, sentence ends respected (`Wednesday.` ends a
    // paragraph); joining wrapped Latin lines is tuned for Chinese columns
    // and may keep an English line break (README, Robustness).
    let doc = analyzed(english);
    assert_eq!(doc.articles[0].title.as_deref(), Some("WORLD NEWS"));
    let paragraphs: Vec<&str> = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs.last(), Some(&"The summit was held in Astana."), "{doc:?}");
    let traditional = "習近平出席第二屆中國—中亞峰會\n\n新華社阿斯塔納6月17日電 國家主席習近平17日在阿斯塔\n納出席第二屆中國—中亞峰會並發表題為《弘揚中國—中\n亞精神 推動構建更加緊密的中國—中亞命運共同體》的\n主旨講話。習近平指出，中國—中亞合作前景廣闊。\n";
    let doc = analyzed(traditional);
    let a = &doc.articles[0];
    assert_eq!(a.title.as_deref(), Some("習近平出席第二屆中國—中亞峰會"), "{doc:?}");
    assert_eq!(a.dateline.as_deref(), Some("新華社阿斯塔納6月17日電"), "{doc:?}");
    assert!(a.paragraphs[0].text.contains("在阿斯塔納出席"), "lines joined: {doc:?}");
    let mixed = "Кыргызстан 吉尔吉斯斯坦 Қазақстан 哈萨克斯坦 ئۇيغۇر 维吾尔 한국 ภาษาไทย 😀 a\u{301}\n\n第二段 with English.\n";
    analyzed(mixed);
}

#[test]
fn html_in_a_document_stays_text() {
    let html = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>新华社北京电\n\n<a href=\"javascript:alert(3)\">点这里</a>\n";
    let doc = analyzed(html);
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


use std::time::Duration;

const SEED: &str = "www/corpus/000_7db16642f3192162.txt";

/// Runs `f` on another thread; fails if it takes longer than `limit` (the
/// cases that were quadratic took minutes or never finished).
fn within<T: Send + 'static>(limit: Duration, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit).unwrap_or_else(|_| panic!("{what}: not done after {limit:?}"))
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
    assert!(intake.rejected[0].0 == "damaged.zip/bad.txt" && matches!(intake.rejected[0].1, Refusal::DamagedMember { .. }), "{:?}", intake.rejected);
    // Members of zeros are refused from their first bytes, never expanded whole.
    let zeros = vec![0u8; 8 << 20];
    let zipped = zip_of(&[("z1.txt", &zeros), ("z2.txt", &zeros), ("ok.txt", "正文".as_bytes())]);
    let intake = take_in(vec![("bomb.zip".into(), zipped)]);
    assert_eq!(intake.documents.len(), 1);
    assert!(intake.rejected.iter().all(|(_, why)| *why == Refusal::Binary { kind: BinaryKind::Binary }), "{:?}", intake.rejected);
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
    let doc = within(Duration::from_secs(60), "a million blank lines", move || analyzed(&text));
    let paragraphs: Vec<&str> = doc.articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs, ["国家主席习近平结束出席第二届中国—中亚峰会，后乘专机回到北京。随同出访的有蔡奇、王毅等。"]);
}

#[test]
fn page_jump_markers_are_linear() {
    // 500,000 markers on one line took 77 s.
    let line = "（下转第三版）".repeat(500_000);
    let doc = within(Duration::from_secs(60), "500,000 markers on a line", move || analyzed(&line));
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
        let replaced = doc.warnings.iter().find(|w| matches!(w, Warning::InvalidBytes { .. }));
        assert!(replaced.is_some_and(|w| matches!(w, Warning::InvalidBytes { count, .. } if *count == bad)), "{what}: {:?}", doc.warnings);
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
    assert!(doc.warnings.iter().any(|w| matches!(w, Warning::InvalidBytes { count: 1, .. })), "{:?}", doc.warnings);
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
    let want = piece_texts(&analyzed(&page));
    assert!(want.len() > 40);
    for (name, brk) in [("CR", "\r"), ("CR LF", "\r\n"), ("NEL", "\u{85}"), ("LINE SEPARATOR", "\u{2028}")] {
        let doc = analyzed(&page.replace('\n', brk));
        assert_eq!(piece_texts(&doc), want, "{name}");
    }
}

#[test]
fn invisible_characters_at_line_ends_change_nothing() {
    // Trimmed: a U+FEFF at the very start of a file is its byte-order mark.
    let page = std::fs::read_to_string(SEED).unwrap().replace("\r\n", "\n").trim_start().to_owned();
    let want = piece_texts(&analyzed(&page));
    for (name, c) in [("ZWSP", "\u{200B}"), ("BOM", "\u{FEFF}"), ("soft hyphen", "\u{AD}"), ("word joiner", "\u{2060}")] {
        let doc = analyzed(&page.replace('\n', &format!("{c}\n")));
        assert_eq!(piece_texts(&doc), want, "{name}");
        let doc = analyzed(&page.replace('\n', &format!("\n{c}")));
        assert_eq!(piece_texts(&doc), want, "{name} at line starts");
    }
}

#[test]
fn markdown_markup_is_read_only_in_markdown() {
    let text = "计算机的基础\n\n新华社北京6月18日电 2**10等于1024。\n\n而**不是**1000。\n";
    let doc = analyzed(text);
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
    let doc = analyzed(text);
    assert_eq!(doc.articles.len(), 1, "{doc:#?}");
    assert_eq!(doc.articles[0].title.as_deref(), Some("习近平回到北京"));
    let paragraphs: Vec<&str> = doc.articles[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs, ["国家主席习近平结束出席第二届中国—中亚峰会👨‍👩‍👧‍👦👨‍👩‍👧‍👦🇨🇳🇰🇿后乘专机回到北京。随同出访的有蔡奇、王毅等。此次活动，同哈萨克斯坦1️⃣总统托卡耶夫举行会谈，成果丰硕。"]);
}
