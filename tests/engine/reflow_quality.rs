//! Reflow quality on synthetic pages with exact gold. The floors sit a
//! little under the measured figures (see README) so a regression fails.
#![cfg(not(target_arch = "wasm32"))]

use tongwen_testkit::synth::typeset::{evaluate_dir_where, pages_where, GoldPage, POPPLER_BLOCK_LEADING};

#[test]
fn paragraph_boundaries_on_synthetic_pages() {
    let s = tongwen_testkit::synth::evaluate(1000, 150);
    assert!(s.gold_paragraphs > 1500, "{s:?}");
    assert!(s.f1() >= 0.97, "boundary F1 {:.4} ({s:?})", s.f1());
    assert!(s.precision() >= 0.96 && s.recall() >= 0.96, "{s:?}");
    // Exact paragraphs 0.970 → 0.975 and titles F1 0.895 → 0.906 when a
    // quotation a break cut off stopped reading as a headline (session 26);
    // 0.975 → 0.983 and 0.906 → 0.958 (found 0.942) when a
    // headline printed apart stood on its own and a first line a column
    // break parted ran on (session 28).
    assert!(s.exact_rate() >= 0.98, "exact paragraphs {:.4}", s.exact_rate());
    assert!(s.title_rate() >= 0.93 && s.title_f1() >= 0.95, "titles found {:.4}, F1 {:.4}", s.title_rate(), s.title_f1());
}

#[test]
fn generated_gold_is_consistent() {
    let pool = tongwen_testkit::synth::sentence_pool();
    assert!(pool.len() > 100);
    let page = tongwen_testkit::synth::page(7, &pool);
    let chars: Vec<char> = page.text.chars().collect();
    let n: usize = page.articles.iter().map(|a| a.paragraphs.len()).sum();
    assert_eq!(page.paragraph_ends.len(), n);
    for &e in &page.paragraph_ends {
        assert!(!chars[e].is_whitespace(), "gold end {e} is whitespace");
    }
}

#[test]
fn paragraphs_and_titles_on_pages_typeset_by_chromium() {
    // The second generator's committed sample (see its README). pdftotext's
    // -layout mode prints columns side by side, which the reflow reads one
    // after another; its default mode interleaves them line by line, which
    // the reflow undoes from the text alone only in part (the junctions'
    // evidence, `reflow/row_order.rs`; a PDF read by layout does it all).
    // The floors hold what it does now.
    // These six pages are set at a leading of 1.55 (poppler's default mode
    // keeps no two lines in one block above 1.5); the four more tightly
    // leaded pages are scored apart, below.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typeset");
    let loose = |g: &GoldPage| g.leading() > POPPLER_BLOCK_LEADING;
    assert_eq!(pages_where(&dir, loose), 6);
    let score = |mode| evaluate_dir_where(&dir, mode, loose).unwrap_or_else(|| panic!("{mode}: no pages"));
    // Titles rose from 0.71 / 0.65 / 0.36 with headline blocks (a title and
    // subtitle over a byline or dateline).
    // Raised to just under what each mode gives now (0.994 / 0.976 / 1.000
    // for raw and pdf.js, 1.000 / 0.976 / 1.000 for -layout, 0.376 / 0.122
    // / 0.435 for the default mode). -layout gave 0.958 / 0.927 / 0.944
    // until an indent four cells in stopped counting as a column (session 21).
    // The default mode gives 0.405 / 0.134 / 0.837 since its rows are read
    // back into columns (session 22), and 0.388 / 0.134 / 0.850 since
    // runs of columns 20 to 40 cells wide are too (session 25: on the
    // sixty-page sets, tuned and held out, 4 to 7 pages each read better
    // and at most one worse; here page 000 loses a start and a title).
    for (mode, f1, exact, titles) in [("raw", 0.99, 0.97, 0.99), ("pdfjs", 0.99, 0.97, 0.99), ("layout", 0.99, 0.97, 0.99), ("default", 0.38, 0.13, 0.84)] {
        let s = score(mode);
        assert!(s.gold_paragraphs > 60, "{s:?}");
        assert!(s.f1() >= f1, "{mode}: paragraph starts F1 {:.4} {s:?}", s.f1());
        assert!(s.exact_rate() >= exact, "{mode}: exact {:.4}", s.exact_rate());
        assert!(s.title_f1() >= titles, "{mode}: titles F1 {:.4}", s.title_f1());
    }
}

#[test]
fn pdftotext_s_default_mode_on_tightly_leaded_pages_gives_paragraphs_and_titles() {
    // Four pages of seed 1 (generator 3, drawn leading 1.3 to 1.45): the
    // default mode keeps each column's lines a block and sets blocks apart
    // with blank lines, splits the page header at its wide spaces, and sets
    // a headline across the columns down among the first column's blocks.
    // Before the rules for those (session 19) its titles were 0.647 here.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typeset");
    let tight = |g: &GoldPage| g.leading() <= POPPLER_BLOCK_LEADING;
    assert_eq!(pages_where(&dir, tight), 4);
    // Just under what each mode gives now (default 0.986 / 0.973 / 0.938,
    // raw, pdf.js and -layout 1.000 throughout; -layout was 0.945 / 0.932
    // / 1.000 before the indent rule of session 21, the default mode 0.980
    // / 0.959 before a sentence a column break cut went on past another
    // column's block, session 22).
    for (mode, f1, exact, titles) in [("default", 0.98, 0.97, 0.93), ("raw", 0.99, 0.99, 0.99), ("pdfjs", 0.99, 0.99, 0.99), ("layout", 0.99, 0.99, 0.99)] {
        let s = evaluate_dir_where(&dir, mode, tight).unwrap_or_else(|| panic!("{mode}: no pages"));
        assert!(s.gold_paragraphs > 60, "{s:?}");
        assert!(s.f1() >= f1, "{mode}: paragraph starts F1 {:.4} {s:?}", s.f1());
        assert!(s.exact_rate() >= exact, "{mode}: exact {:.4}", s.exact_rate());
        assert!(s.title_f1() >= titles, "{mode}: titles F1 {:.4}", s.title_f1());
    }
}

#[test]
fn a_narrow_headline_box_beside_columns_reads_box_then_columns_in_layout_mode() {
    // Four -layout pages with a headline box of large type beside
    // columns (see the fixture's README). Before session 23's column rules
    // the first three gave 0.796 / 0.788 / 0.370, after them 0.953 / 0.865
    // / 0.667. With the fourth (a box whose rows stand apart by blank rows
    // beside a headline and byline, the text under them starting where no
    // column of the band had): 0.957 / 0.881 / 0.552 before session 31's
    // box rule (`columns::BandRuns::box_goes_on`), 0.971 / 0.896 / 0.741
    // after.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typeset-boxes");
    assert_eq!(pages_where(&dir, |_| true), 4);
    let s = evaluate_dir_where(&dir, "layout", |_| true).expect("layout pages");
    assert!(s.gold_paragraphs > 60, "{s:?}");
    assert!(s.f1() >= 0.96, "paragraph starts F1 {:.4} {s:?}", s.f1());
    assert!(s.exact_rate() >= 0.89, "exact {:.4}", s.exact_rate());
    assert!(s.title_f1() >= 0.73, "titles F1 {:.4}", s.title_f1());
}

#[test]
fn headlines_as_pdf_js_and_raw_print_them_keep_their_titles_whole() {
    // Three pages of seed 211 (see the fixture's README): headlines under
    // a side column's foot, over a byline whose name wrapped, justified
    // and wrapped before a figure, six lines over a subtitle of five.
    // Before session 20's rules their titles were 0.50 in both modes; now
    // pdf.js gives 0.964 / 0.944 / 0.900 and -raw 0.964 / 0.944 / 0.800
    // (`-raw` prints no justification spaces, which say a line wrapped).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typeset-headlines");
    assert_eq!(pages_where(&dir, |_| true), 3);
    for (mode, titles) in [("pdfjs", 0.89), ("raw", 0.79)] {
        let s = evaluate_dir_where(&dir, mode, |_| true).unwrap_or_else(|| panic!("{mode}: no pages"));
        assert!(s.gold_paragraphs > 50, "{s:?}");
        assert!(s.f1() >= 0.96, "{mode}: paragraph starts F1 {:.4} {s:?}", s.f1());
        assert!(s.exact_rate() >= 0.94, "{mode}: exact {:.4}", s.exact_rate());
        assert!(s.title_f1() >= titles, "{mode}: titles F1 {:.4}", s.title_f1());
    }
}

#[test]
fn pdfs_read_by_layout_meet_the_bar_with_either_extractor() {
    // Three typeset pages kept as PDFs (see tests/fixtures/typeset-pdf):
    // columns of 8 to 30 cells, headlines over them, two articles side by
    // side, captions, page headers and footers, an article run over onto a
    // second PDF page. Read by tongwen-pdf and from pdf.js's text runs, a
    // PDF must do better than any text dump: the bar is 0.98 /
    // 0.97 / 0.97, and both readers give 1.000 on these pages now.
    use tongwen_testkit::synth::typeset::{evaluate_pdf_dir, PdfReader};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typeset-pdf");
    for reader in [PdfReader::Native, PdfReader::PdfJs] {
        let (s, refused) = evaluate_pdf_dir(&dir, reader).unwrap_or_else(|| panic!("{reader:?}: no pages"));
        assert_eq!(refused, 0, "{reader:?}");
        assert!(s.gold_paragraphs >= 45 && s.gold_titles >= 9, "{s:?}");
        assert!(s.f1() >= 0.99, "{reader:?}: paragraph starts F1 {:.4} {s:?}", s.f1());
        assert!(s.exact_rate() >= 0.98, "{reader:?}: exact {:.4} {s:?}", s.exact_rate());
        assert!(s.title_f1() >= 0.99, "{reader:?}: titles F1 {:.4} {s:?}", s.title_f1());
    }
}

#[test]
fn columns_printed_row_by_row_are_flagged_to_the_reader() {
    use tongwen::model::Warning;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typeset");
    let read_back = |mode: &str| -> Option<usize> {
        let text = std::fs::read(dir.join(mode).join("000.txt")).unwrap();
        tongwen::analyze_document("000.txt", &text).warnings.iter().find_map(|w| match w {
            Warning::RowsInterleaved { lines } => Some(*lines),
            _ => None,
        })
    };
    // A loosely leaded page in pdftotext's default mode: its columns came
    // out a row at a time, and the reader is told which extraction reads
    // them surely.
    let lines = read_back("default").expect("a warning");
    assert!(lines >= 12, "{lines}");
    // The same page printed column after column warns of nothing.
    for mode in ["raw", "pdfjs", "layout"] {
        assert_eq!(read_back(mode), None, "{mode}");
    }
    // Nor do the seeds, whose one double-spaced column (002's photo
    // brief) reads in its printed order.
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    let mut read = 0;
    for entry in std::fs::read_dir(&seeds).unwrap().filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "txt")) {
        let doc = tongwen::analyze_document("seed.txt", &std::fs::read(entry.path()).unwrap());
        assert!(!doc.warnings.iter().any(|w| matches!(w, Warning::RowsInterleaved { .. })), "{:?}", entry.path());
        read += 1;
    }
    assert_eq!(read, 5);
}
