//! The extractor on PDFs built here with lopdf, each made to show one
//! thing: where glyphs land, what a composite font's widths do, and every
//! kind of PDF that is refused, with its reason.

use lopdf::{dictionary, Document, Object, Stream};
use tongwen::intake::Refusal;
use tongwen_pdf::extract;

/// Finishes a one-page PDF begun in `doc`, whose page tree `pages_id` was
/// reserved: the page showing `content` with `resources`, the page tree
/// and the catalog.
fn finish_one_page(doc: &mut Document, pages_id: lopdf::ObjectId, resources: lopdf::ObjectId, content: &[u8], media_box: [i64; 4]) {
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "MediaBox" => media_box.iter().map(|&v| Object::Integer(v)).collect::<Vec<_>>(), "Resources" => resources, "Contents" => content_id });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
}

fn bytes_of(doc: &mut Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A one-page PDF (612 × 792 points) showing `content` with font F1, a
/// simple Helvetica, and F2, a composite font whose two-byte codes map
/// to 本报讯 through a ToUnicode CMap, with `widths` as its `W` array.
fn pdf(content: &str, widths: Vec<Object>, password: Option<&str>) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let helvetica = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" });
    let cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n4 beginbfchar\n<0001> <672C>\n<0002> <62A5>\n<0003> <8BAF>\n<0100> <4E2D>\nendbfchar\n1 beginbfrange\n<0010> <0019> <0030>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
    let descendant = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Song", "DW" => 1000, "W" => widths });
    let song = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Song", "Encoding" => "Identity-H", "DescendantFonts" => vec![Object::Reference(descendant)], "ToUnicode" => Object::Reference(to_unicode) });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => helvetica, "F2" => song } });
    finish_one_page(&mut doc, pages_id, resources, content.as_bytes(), [0, 0, 612, 792]);
    doc.trailer.set("ID", vec![Object::string_literal("tongwen-test-id-1"), Object::string_literal("tongwen-test-id-1")]);
    if let Some(password) = password {
        let version = lopdf::EncryptionVersion::V2 { document: &doc, owner_password: "owner", user_password: password, key_length: 128, permissions: lopdf::Permissions::all() };
        let state = lopdf::EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
    }
    bytes_of(&mut doc)
}

fn text_of(doc: &tongwen::positioned::PositionedDocument) -> String {
    doc.pages.iter().flat_map(|p| &p.runs).map(|r| r.text.as_str()).collect()
}

#[test]
fn glyphs_land_where_the_text_matrix_puts_them_in_the_pages_frame() {
    // 12-point Helvetica at (100, 700) in PDF space: 92 points from the top.
    let doc = extract(&pdf("BT /F1 12 Tf 100 700 Td (Hi) Tj ET", vec![], None)).unwrap();
    let page = &doc.pages[0];
    assert_eq!((page.width, page.height), (612.0, 792.0));
    let [h, i] = &page.runs[..] else { panic!("{:?}", page.runs) };
    assert_eq!((h.text.as_str(), h.x, h.y, h.size), ("H", 100.0, 92.0, 12.0));
    // Helvetica has no Widths here: a missing width is 0, never a guess.
    assert_eq!((i.text.as_str(), i.x), ("i", 100.0));
    // A scaled text matrix scales the size; TJ moves by thousandths of it.
    let doc = extract(&pdf("BT /F1 10 Tf 2 0 0 2 50 400 Tm [(A) -500 (B)] TJ ET", vec![], None)).unwrap();
    let runs = &doc.pages[0].runs;
    assert_eq!((runs[0].size, runs[0].x, runs[0].y), (20.0, 50.0, 392.0));
    assert_eq!(runs[1].x, 60.0, "a TJ number of -500 moves half the size, 5 × 2 points");
}

#[test]
fn a_composite_fonts_widths_are_read_in_both_forms_of_its_w_array() {
    // <0001><0002><0003> are 本报讯 at 1000 units; the digits <0010>–<0019>
    // take 500 units from the `c_first c_last w` form.
    let widths = vec![1.into(), vec![1000.into(), 1000.into(), 1000.into()].into(), 16.into(), 25.into(), 500.into()];
    let doc = extract(&pdf("BT /F2 10 Tf 0 0 0 rg 20 700 Td <0001000200030012001000030001> Tj ET", widths, None)).unwrap();
    let runs = &doc.pages[0].runs;
    assert_eq!(text_of(&doc), "本报讯20讯本");
    let xs: Vec<f32> = runs.iter().map(|r| r.x).collect();
    assert_eq!(xs, [20.0, 30.0, 40.0, 50.0, 55.0, 60.0, 70.0], "each digit advances half an em");
    assert_eq!(runs[3].width, 5.0);
    // A glyph with no Unicode mapping is kept as U+FFFD; a code's high
    // byte counts (<0100> is 中, not 本); word spacing is for the one-byte
    // code 32 only, never a two-byte code 0x0020.
    let doc = extract(&pdf("BT /F2 10 Tf 20 700 Td 7 Tw <0001077701000020000300010001> Tj ET", vec![], None)).unwrap();
    assert_eq!(text_of(&doc), "本\u{FFFD}中\u{FFFD}讯本本");
    let xs: Vec<f32> = doc.pages[0].runs.iter().map(|r| r.x).collect();
    assert_eq!(xs, [20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0], "DW 1000: an em each, no word spacing");
}

#[test]
fn a_form_xobject_and_saved_states_place_their_text() {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let form = doc.add_object(Stream::new(dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()], "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 10.into(), 20.into()], "Resources" => dictionary! { "Font" => dictionary! { "F9" => font } } }, b"BT /F9 8 Tf 0 0 Td (F) Tj ET /Self Do".to_vec()));
    // The form draws itself: it is read once, not forever.
    if let Ok(Object::Stream(s)) = doc.get_object_mut(form) {
        s.dict.set("Resources", dictionary! { "Font" => dictionary! { "F9" => font }, "XObject" => dictionary! { "Self" => form } });
    }
    let resources = doc.add_object(dictionary! { "XObject" => dictionary! { "Fm" => form } });
    let content = doc.add_object(Stream::new(dictionary! {}, b"q 1 0 0 1 100 100 cm /Fm Do Q /Fm Do".to_vec()));
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Resources" => resources, "Contents" => content });
    // The media box is inherited from the page tree.
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1, "MediaBox" => vec![0.into(), 0.into(), 200.into(), 300.into()] }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let got = extract(&bytes_of(&mut doc)).unwrap();
    assert_eq!(got.pages[0].height, 300.0);
    let places: Vec<(f32, f32)> = got.pages[0].runs.iter().map(|r| (r.x, r.y)).collect();
    // Once through the page's cm and the form's matrix, once through the
    // form's matrix alone (Q restored the page's state).
    assert_eq!(places, [(110.0, 180.0), (10.0, 280.0)]);
}

#[test]
fn a_pdf_that_needs_a_password_is_refused_and_one_that_opens_without_is_read() {
    let content = "BT /F1 12 Tf 100 700 Td (Secret) Tj ET";
    assert_eq!(extract(&pdf(content, vec![], Some("letmein"))), Err(Refusal::Encrypted));
    let open = extract(&pdf(content, vec![], Some(""))).expect("an empty user password opens it");
    assert_eq!(text_of(&open), "Secret");
}

#[test]
fn a_pdf_without_text_says_it_needs_ocr() {
    let refused = extract(&pdf("0 0 1 rg 10 10 200 200 re f", vec![], None));
    assert_eq!(refused, Err(Refusal::PdfWithoutText { pages: 1 }));
    assert!(refused.unwrap_err().to_string().contains("needs OCR"));
}

#[test]
fn damaged_pdfs_are_refused_and_never_panic() {
    let whole = pdf("BT /F1 12 Tf 100 700 Td (Hi) Tj ET", vec![], None);
    for bytes in [b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(), b"%PDF".to_vec(), whole[..whole.len() / 2].to_vec()] {
        match extract(&bytes) {
            Err(Refusal::PdfDamaged { detail }) => assert!(!detail.is_empty()),
            // lopdf rebuilds some cut files from what is left.
            Ok(doc) => assert!(doc.pages.len() <= 1),
            other => panic!("{other:?}"),
        }
    }
    // Every prefix of a real PDF: a refusal or a reading, never a panic.
    for cut in (0..whole.len()).step_by(97) {
        let _ = extract(&whole[..cut]);
    }
}

/// A one-page PDF whose content uses F1, a simple font with known widths
/// (FirstChar 32: the space 250 units, A to Z 600), or F3, a Type 3 font
/// whose FontMatrix makes 500 units of its glyph space one em, or F4, a
/// font with no Widths but a FontDescriptor's MissingWidth of 400.
fn measured_pdf(content: &str, media_box: [i64; 4], forms: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let widths: Vec<Object> = (32..=90).map(|c| if c == 32 { 250.into() } else { 600.into() }).collect();
    let f1 = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding", "FirstChar" => 32, "Widths" => widths });
    let f3 = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type3", "FontMatrix" => vec![Object::Real(0.002), 0.into(), 0.into(), Object::Real(0.002), 0.into(), 0.into()], "FirstChar" => 65, "Widths" => vec![500.into()], "Encoding" => "WinAnsiEncoding" });
    let descriptor = doc.add_object(dictionary! { "Type" => "FontDescriptor", "MissingWidth" => 400 });
    let f4 = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Song", "Encoding" => "WinAnsiEncoding", "FontDescriptor" => descriptor });
    let fonts = dictionary! { "F1" => f1, "F3" => f3, "F4" => f4 };
    // Forms nested `forms` deep, each showing one `N` and drawing the next.
    let mut next: Option<lopdf::ObjectId> = None;
    for _ in 0..forms {
        let mut resources = dictionary! { "Font" => fonts.clone() };
        let mut body = b"BT /F1 10 Tf 0 0 Td (N) Tj ET".to_vec();
        if let Some(inner) = next {
            resources.set("XObject", dictionary! { "Fm" => inner });
            body.extend_from_slice(b" /Fm Do");
        }
        next = Some(doc.add_object(Stream::new(dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()], "Resources" => resources }, body)));
    }
    let mut resources = dictionary! { "Font" => fonts };
    if let Some(outer) = next {
        resources.set("XObject", dictionary! { "Fm" => outer });
    }
    let resources = doc.add_object(resources);
    finish_one_page(&mut doc, pages_id, resources, content.as_bytes(), media_box);
    bytes_of(&mut doc)
}

/// (text, x, y, width, size) of every run.
fn runs_of(bytes: &[u8]) -> Vec<(String, f32, f32, f32, f32)> {
    extract(bytes).unwrap().pages[0].runs.iter().map(|r| (r.text.clone(), r.x, r.y, r.width, r.size)).collect()
}

#[test]
fn every_text_state_operator_moves_the_glyphs_it_should() {
    let content = "BT /F1 10 Tf 12 TL 2 Tc 3 Tw 50 Tz 1 Ts 100 700 Td (A B) Tj T* (C) Tj 0 -20 TD (D) Tj (E) ' 5 6 (F) \" ET \
                   BT 1 0 0 1 300 500 Tm (G) Tj ET \
                   q 2 0 0 2 0 0 cm BT 10 10 Td (H) Tj ET Q \
                   BT 10 10 Td (I) Tj ET";
    let got = runs_of(&measured_pdf(content, [0, 0, 612, 792], 0));
    let want: Vec<(String, f32, f32, f32, f32)> = [
        // Tz 50 halves advances and widths; Ts 1 lifts the baseline a point.
        ("A", 100.0, 91.0, 3.0, 10.0),
        // (600 units × 10 + Tc 2) × 0.5 = 4.
        (" ", 104.0, 91.0, 1.25, 10.0),
        // (250 units × 10 + Tc 2 + Tw 3) × 0.5 = 3.75.
        ("B", 107.75, 91.0, 3.0, 10.0),
        // T* goes down the leading (12); TD sets it (20) as it moves.
        ("C", 100.0, 103.0, 3.0, 10.0),
        ("D", 100.0, 123.0, 3.0, 10.0),
        ("E", 100.0, 143.0, 3.0, 10.0),
        ("F", 100.0, 163.0, 3.0, 10.0),
        // BT starts a new text matrix; Tm sets it.
        ("G", 300.0, 291.0, 3.0, 10.0),
        // The CTM doubles place, width and size inside q … Q, and only there.
        ("H", 20.0, 770.0, 6.0, 20.0),
        ("I", 10.0, 781.0, 3.0, 10.0),
    ]
    .into_iter()
    .map(|(t, x, y, w, s)| (t.to_owned(), x, y, w, s))
    .collect();
    assert_eq!(got, want);
    // Word and character spacing from " applied to what follows it.
    let got = runs_of(&measured_pdf("BT /F1 10 Tf 100 700 Td 5 6 (A B) \" ET", [0, 0, 612, 792], 0));
    let xs: Vec<f32> = got.iter().map(|r| r.1).collect();
    assert_eq!(xs, [100.0, 112.0, 125.5], "A: 6 + 6; space: 2.5 + 6 + 5");
}

#[test]
fn type3_and_missing_widths_and_an_offset_media_box() {
    // A Type 3 glyph of 500 units under a FontMatrix of 0.002 is one em.
    let got = runs_of(&measured_pdf("BT /F3 10 Tf 100 700 Td (AA) Tj ET", [0, 0, 612, 792], 0));
    assert_eq!((got[1].1, got[0].3), (110.0, 10.0));
    // No Widths: the descriptor's MissingWidth, 400 units.
    let got = runs_of(&measured_pdf("BT /F4 10 Tf 100 700 Td (AA) Tj ET", [0, 0, 612, 792], 0));
    assert_eq!((got[1].1, got[0].3), (104.0, 4.0));
    // A media box that does not start at the origin: places are from its corner.
    let doc = extract(&measured_pdf("BT /F1 10 Tf 110 700 Td (A) Tj ET", [10, 20, 622, 812], 0)).unwrap();
    let page = &doc.pages[0];
    assert_eq!((page.width, page.height), (612.0, 792.0));
    assert_eq!((page.runs[0].x, page.runs[0].y), (100.0, 112.0));
}

#[test]
fn forms_are_followed_twelve_deep_and_no_deeper() {
    let got = runs_of(&measured_pdf("/Fm Do", [0, 0, 612, 792], 20));
    assert_eq!(got.len(), 12, "{got:?}");
    assert!(got.iter().all(|r| r.0 == "N"));
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-3
}

#[test]
fn skewed_and_rotated_matrices_place_and_size_glyphs_by_the_whole_matrix() {
    // A skew (cm 2 1 1 3 5 7) under a text rise of 2: every term of the
    // matrices counts. The size is the font size times √|ad − bc| = √5.
    let got = runs_of(&measured_pdf("2 1 1 3 5 7 cm BT /F1 10 Tf 2 Ts 10 20 Td (AA) Tj ET", [0, 0, 612, 792], 0));
    let want = [(47.0, 709.0, 13.416_408, 22.360_68), (59.0, 703.0, 13.416_408, 22.360_68)];
    assert_eq!(got.len(), 2);
    for ((_, x, y, w, s), (wx, wy, ww, ws)) in got.iter().zip(want) {
        assert!(close(*x, wx) && close(*y, wy) && close(*w, ww) && close(*s, ws), "{got:?}");
    }
    // Text turned a quarter: it advances up the page.
    let got = runs_of(&measured_pdf("BT /F1 10 Tf 0 1 -1 0 200 300 Tm (AA) Tj ET", [0, 0, 612, 792], 0));
    let places: Vec<(f32, f32, f32, f32)> = got.iter().map(|r| (r.1, r.2, r.3, r.4)).collect();
    assert_eq!(places, [(200.0, 492.0, 6.0, 10.0), (200.0, 486.0, 6.0, 10.0)]);
}

#[test]
fn glyphs_placed_at_infinity_are_left_out_and_the_rest_kept() {
    // PDF numbers have no exponents: 10²⁰ written out, squared past f32.
    let content = "BT /F1 10 Tf 100 700 Td (A) Tj ET q {BIG}.0 0 0 {BIG}.0 0 0 cm BT /F1 10 Tf {BIG}.0 {BIG}.0 Td (B) Tj ET Q".replace("{BIG}", &format!("1{}", "0".repeat(20)));
    let got = runs_of(&measured_pdf(&content, [0, 0, 612, 792], 0));
    assert_eq!(got.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["A"]);
    assert!(got.iter().all(|r| r.1.is_finite() && r.2.is_finite() && r.4.is_finite()));
}

#[test]
fn a_w_array_of_lists_and_ranges_in_any_order_gives_each_cid_its_width() {
    // CIDs 1, 2, 3 listed at 1000, 900, 800; then ranges, 16–25 at 500 and
    // 0–0 at 300 (a range from CID 0); then 40 listed at 700; then a lone
    // trailing number, which is ignored.
    let widths = vec![1.into(), vec![1000.into(), 900.into(), 800.into()].into(), 16.into(), 25.into(), 500.into(), 0.into(), 0.into(), 300.into(), 40.into(), vec![700.into()].into(), 99.into()];
    let doc = extract(&pdf("BT /F2 10 Tf 0 700 Td <000100020003001000000028> Tj ET", widths, None)).unwrap();
    let xs: Vec<f32> = doc.pages[0].runs.iter().map(|r| r.x).collect();
    assert_eq!(xs, [0.0, 10.0, 19.0, 27.0, 32.0, 35.0], "advances 10, 9, 8, 5, 3");
    assert!(close(doc.pages[0].runs[5].width, 7.0), "CID 40: 700 units");
}

#[test]
fn turned_text_under_a_skew_and_tj_under_horizontal_scaling() {
    // Rotated text (Tm) under a skewed CTM: a = 1, b = 3, c = −2, d = −1.
    let got = runs_of(&measured_pdf("2 1 1 3 0 0 cm BT /F1 10 Tf 0 1 -1 0 10 20 Tm (AA) Tj ET", [0, 0, 612, 792], 0));
    let want = [(40.0, 722.0, 18.973_666, 22.360_68), (46.0, 704.0, 18.973_666, 22.360_68)];
    for ((_, x, y, w, s), (wx, wy, ww, ws)) in got.iter().zip(want) {
        assert!(close(*x, wx) && close(*y, wy) && close(*w, ww) && close(*s, ws), "{got:?}");
    }
    // A TJ adjustment is scaled horizontally like the glyphs: 3 + 5.
    let got = runs_of(&measured_pdf("BT /F1 10 Tf 50 Tz 100 700 Td [(A) -1000 (B)] TJ ET", [0, 0, 612, 792], 0));
    assert_eq!(got.iter().map(|r| r.1).collect::<Vec<_>>(), [100.0, 108.0]);
}

#[test]
fn a_glyph_at_infinity_on_one_axis_or_of_infinite_size_is_left_out() {
    let big = format!("1{}.0", "0".repeat(20));
    for content in [
        // x past f32, y fine.
        format!("BT /F1 10 Tf 100 700 Td (A) Tj ET q {big} 0 0 1 0 0 cm BT /F1 10 Tf {big} 1 Td (B) Tj ET Q"),
        // y past f32, x fine.
        format!("BT /F1 10 Tf 100 700 Td (A) Tj ET q 1 0 0 {big} 0 0 cm BT /F1 10 Tf 1 {big} Td (B) Tj ET Q"),
        // At the origin, but of infinite size.
        format!("BT /F1 10 Tf 100 700 Td (A) Tj ET q {big} 0 0 {big} 0 0 cm BT /F1 10 Tf (B) Tj ET Q"),
    ] {
        let got = runs_of(&measured_pdf(&content, [0, 0, 612, 792], 0));
        assert_eq!(got.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["A"], "{content}");
    }
}

#[test]
fn a_code_its_encoding_leaves_empty_is_kept_as_a_replacement_character() {
    // WinAnsiEncoding defines no character for 0x00.
    let got = runs_of(&measured_pdf("BT /F1 10 Tf 100 700 Td (A\\000B) Tj ET", [0, 0, 612, 792], 0));
    assert_eq!(got.iter().map(|r| r.0.as_str()).collect::<String>(), "A\u{FFFD}B");
}

/// A one-page PDF showing `content` with the fonts `fonts` adds to it,
/// by resource name.
fn pdf_with_fonts(content: &[u8], fonts: impl FnOnce(&mut Document) -> Vec<(&'static str, lopdf::Dictionary)>) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut font_resources = lopdf::Dictionary::new();
    for (name, font) in fonts(&mut doc) {
        let id = doc.add_object(font);
        font_resources.set(name, id);
    }
    let resources = doc.add_object(dictionary! { "Font" => font_resources });
    finish_one_page(&mut doc, pages_id, resources, content, [0, 0, 600, 800]);
    bytes_of(&mut doc)
}

/// A Type0 font as Founder (方正) systems write them for Chinese dailies:
/// a CID font of the Adobe-GB1 collection, not embedded here, with a
/// predefined CMap as its encoding and no ToUnicode.
fn founder_font(encoding: &str, widths: Vec<Object>) -> lopdf::Dictionary {
    let info = dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("GB1"), "Supplement" => 2 };
    let descendant = dictionary! { "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "FZSSK--GBK1-0", "CIDSystemInfo" => info, "DW" => 1000, "W" => widths };
    dictionary! { "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "FZSSK--GBK1-0", "Encoding" => encoding, "DescendantFonts" => vec![Object::Dictionary(descendant)] }
}

#[test]
fn a_gbk_encoded_cid_font_without_tounicode_reads_through_the_adobe_gb1_collection() {
    // 新华社北京 in GBK, then "2024" in one-byte codes. GBK-EUC-H puts
    // ASCII ! to ~ at the half-width CIDs 814–907 (the digits 0–9 at
    // 829–838), which the font's W makes half an em wide.
    let widths = vec![814.into(), 907.into(), 500.into()];
    let mut content = b"BT /F1 10 Tf 50 700 Td <D0C2BBAAC9E7B1B1BEA9>Tj (2024) Tj ET".to_vec();
    content.extend_from_slice(b" BT /F1 10 Tf 50 680 Td <D6D0B9FAA1A2> Tj ET");
    let doc = extract(&pdf_with_fonts(&content, |_| vec![("F1", founder_font("GBK-EUC-H", widths))])).unwrap();
    assert_eq!(text_of(&doc), "新华社北京2024中国、");
    let xs: Vec<f32> = doc.pages[0].runs.iter().take(9).map(|r| r.x).collect();
    assert_eq!(xs, [50.0, 60.0, 70.0, 80.0, 90.0, 100.0, 105.0, 110.0, 115.0], "CJK an em each, the digits half an em, by CID");
}

#[test]
fn a_ucs2_encoded_font_reads_its_codes_as_text_and_a_tounicode_map_comes_first() {
    let content = b"BT /F1 10 Tf 50 700 Td <4E2D56FD> Tj /F2 10 Tf <D6D0B9FA> Tj ET";
    let doc = extract(&pdf_with_fonts(content, |doc| {
        // UniGB-UCS2-H: the codes are the text.
        let ucs2 = founder_font("UniGB-UCS2-H", vec![]);
        // A GBK font with a ToUnicode map: the map wins (it says 本 for 中).
        let mut mapped = founder_font("GBK-EUC-H", vec![]);
        let cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Test-UCS def\n/CMapType 2 def\n2 begincodespacerange\n<00> <80>\n<8140> <FEFE>\nendcodespacerange\n1 beginbfchar\n<D6D0> <672C>\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
        mapped.set("ToUnicode", doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec())));
        vec![("F1", ucs2), ("F2", mapped)]
    }))
    .unwrap();
    assert_eq!(text_of(&doc), "中国本国", "国 is not in the ToUnicode map: it comes from the collection");
}

#[test]
fn vertical_writing_moves_down_the_page_an_em_a_glyph() {
    let doc = extract(&pdf_with_fonts(b"BT /F1 20 Tf 500 700 Td <D6D0B9FAC8CB> Tj ET", |_| vec![("F1", founder_font("GBK-EUC-V", vec![]))])).unwrap();
    assert_eq!(text_of(&doc), "中国人");
    let places: Vec<(f32, f32)> = doc.pages[0].runs.iter().map(|r| (r.x, r.y)).collect();
    assert_eq!(places, [(500.0, 100.0), (500.0, 120.0), (500.0, 140.0)]);
}

/// `tests/fixtures/pdf/founder-gbk.pdf` (see the README there): pdf.js
/// reads nothing from it without Adobe's CMaps, and the same text as this
/// crate with them. Read by layout, it is one article.
#[test]
fn a_founder_style_page_reads_into_its_article() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/pdf/founder-gbk.pdf")).unwrap();
    let (doc, _) = tongwen::analysis::analyze_positioned("founder-gbk.pdf", &extract(&bytes).unwrap());
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let [article] = &doc.articles[..] else { panic!("{:#?}", doc.articles) };
    assert_eq!(article.title.as_deref(), Some("黄河流域生态保护取得新进展"));
    assert_eq!(article.byline.as_deref(), Some("本报记者 李晓明"));
    assert_eq!(article.dateline.as_deref(), Some("本报郑州11月26日电"));
    let paragraphs: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        paragraphs,
        [
            "今年以来，沿黄九省区持续推进生态保护和高质量发展，黄河干流水质连续三年保持Ⅱ类。",
            "据了解，流域内新增水土流失治理面积1.2万平方公里，湿地保护率达到55%，一批重点工程提前完工。",
        ]
    );
}

#[test]
fn an_identity_encoded_font_of_a_named_collection_reads_its_cids_through_it() {
    // Identity-H over Adobe-GB1: the codes are CIDs, 4559 中 and 1875 国.
    // A font of the `Identity` ordering has no collection to read through.
    let mut identity = founder_font("Identity-H", vec![]);
    if let Ok(Object::Array(descendants)) = identity.get_mut(b"DescendantFonts") {
        if let Object::Dictionary(d) = &mut descendants[0] {
            d.set("CIDSystemInfo", dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 });
        }
    }
    let content = b"BT /F1 10 Tf 50 700 Td <11CF0753> Tj /F2 10 Tf <11CF0753> Tj ET";
    let doc = extract(&pdf_with_fonts(content, |_| vec![("F1", founder_font("Identity-H", vec![])), ("F2", identity)])).unwrap();
    assert_eq!(text_of(&doc), "中国\u{FFFD}\u{FFFD}");
}
