//! The extractor on PDFs built here with lopdf, each made to show one
//! thing: where glyphs land, what a composite font's widths do, and every
//! kind of PDF that is refused, with its reason.

use lopdf::{dictionary, Document, Object, Stream};
use tongwen::intake::Refusal;
use tongwen_pdf::extract;

/// A one-page PDF (612 × 792 points) showing `content` with font F1, a
/// simple Helvetica, and F2, a composite font whose two-byte codes map
/// to 本报讯 through a ToUnicode CMap, with `widths` as its `W` array.
fn pdf(content: &str, widths: Vec<Object>, password: Option<&str>) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let helvetica = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" });
    let cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n3 beginbfchar\n<0001> <672C>\n<0002> <62A5>\n<0003> <8BAF>\nendbfchar\n1 beginbfrange\n<0010> <0019> <0030>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
    let descendant = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Song", "DW" => 1000, "W" => widths });
    let song = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Song", "Encoding" => "Identity-H", "DescendantFonts" => vec![Object::Reference(descendant)], "ToUnicode" => Object::Reference(to_unicode) });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => helvetica, "F2" => song } });
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()], "Resources" => resources, "Contents" => content_id });
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("ID", vec![Object::string_literal("tongwen-test-id-1"), Object::string_literal("tongwen-test-id-1")]);
    if let Some(password) = password {
        let version = lopdf::EncryptionVersion::V2 { document: &doc, owner_password: "owner", user_password: password, key_length: 128, permissions: lopdf::Permissions::all() };
        let state = lopdf::EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
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
    // A glyph with no Unicode mapping is kept as U+FFFD.
    let doc = extract(&pdf("BT /F2 10 Tf 20 700 Td <00010777> Tj ET", vec![], None)).unwrap();
    assert_eq!(text_of(&doc), "本\u{FFFD}");
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
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let got = extract(&bytes).unwrap();
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
