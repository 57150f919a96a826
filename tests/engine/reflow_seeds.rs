//! Reflow on the five real seed pages: the acceptance strings of the reflow
//! issue, and the coverage invariant on every one of them.
#![cfg(not(target_arch = "wasm32"))]

use tongwen::model::{DocumentAnalysis, MarkerKind};
use tongwen::text::is_cjk;

fn seed(prefix: &str) -> (String, DocumentAnalysis) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    let bytes = std::fs::read(&entry).unwrap();
    let id = entry.file_name().unwrap().to_string_lossy().into_owned();
    let text = tongwen::decode::decode(&bytes).text;
    (text, tongwen::analyze_document(&id, &bytes))
}

fn assert_in_one_paragraph(doc: &DocumentAnalysis, needle: &str) {
    let found = doc.articles.iter().flat_map(|a| &a.paragraphs).any(|p| p.text.contains(needle));
    assert!(found, "{}: no single paragraph contains {needle:?}", doc.id);
}

fn titles(doc: &DocumentAnalysis) -> Vec<&str> {
    doc.articles.iter().filter_map(|a| a.title.as_deref()).collect()
}

#[test]
fn seed_003_column_breaks_and_displaced_headline() {
    let (_, doc) = seed("003");
    assert_in_one_paragraph(&doc, "有利于进一步推动中亚地区基础设施项目建设");
    assert_in_one_paragraph(&doc, "设在新疆的中国—中亚减贫合作中心将发挥新疆区位");
    assert_in_one_paragraph(&doc, "双方合作将迈向更高水平");
    assert!(titles(&doc).contains(&"致力永久睦邻友好 树立区域合作标杆"), "{:?}", titles(&doc));
}

#[test]
fn seed_002_justification_spaces_and_dashes() {
    let (_, doc) = seed("002");
    assert_in_one_paragraph(&doc, "一经成立即展现出蓬勃生机，实现了快速发展。特别是2023年在西安成功举行首届峰会");
    assert_in_one_paragraph(&doc, "2025年6月16日至18日，国家主席习近平应邀赴哈萨克斯坦出席第二届中国－中亚峰会。");
    assert_in_one_paragraph(&doc, "习近平主席精辟概括了“中国－中亚精神”的核心要义");
}

#[test]
fn seed_000_narrow_columns_and_headlines_after_body() {
    let (_, doc) = seed("000");
    assert_in_one_paragraph(&doc, "在阿斯塔纳不到48小时时间里，习近平主席密集出席十余场多双边活动");
    let story = doc
        .articles
        .iter()
        .find(|a| a.dateline.as_deref() == Some("本报讯（实习记者 包洪宇）"))
        .expect("the investment story is an article with its dateline");
    assert!(story.paragraphs[0].text.starts_with("今年以来"), "{:?}", story.paragraphs[0].text);
    assert_eq!(story.title.as_deref(), Some("阿勒泰招商引资成绩亮眼"));
    assert!(!doc.articles.iter().flat_map(|a| &a.paragraphs).any(|p| p.text.contains("阿勒泰招商引资成绩亮眼")));
    let marker = doc.articles.iter().flat_map(|a| &a.markers).next().expect("a page-jump marker");
    assert_eq!((marker.kind, marker.text.as_str()), (MarkerKind::ContinuedOn, "（下转第三版）"));
}

#[test]
fn seed_001_markdown_headings_become_titles() {
    let (text, doc) = seed("001");
    assert!(titles(&doc).contains(&"圆满结束出席第二届中国—中亚峰会 习近平回到北京"), "{:?}", titles(&doc));
    let a = doc.articles.iter().find(|a| a.title.as_deref() == Some("圆满结束出席第二届中国—中亚峰会 习近平回到北京")).unwrap();
    assert_eq!(a.dateline.as_deref(), Some("本报北京6月18日电"));
    // Markup is gone from the text but the offsets still point at the words.
    let [b, e] = a.dateline_spans[0];
    assert_eq!(text.chars().skip(b).take(e - b).collect::<String>(), "本报北京6月18日电");
    assert!(doc.articles.iter().all(|a| a.paragraphs.iter().all(|p| !p.text.contains("**"))));
}

#[test]
fn seed_004_marker_and_spaced_byline() {
    let (_, doc) = seed("004");
    let markers: Vec<_> = doc.articles.iter().flat_map(|a| &a.markers).collect();
    assert!(markers.iter().any(|m| m.text == "（上接第1版）" && m.kind == MarkerKind::ContinuedFrom), "{markers:?}");
    assert!(doc.articles.iter().any(|a| a.byline.as_deref() == Some("新华社记者 董越")));
}

#[test]
fn seeds_cover_every_character_and_leave_no_space_between_cjk() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let (text, doc) = seed(prefix);
        let problems = tongwen::reflow::check_coverage(&text, &doc);
        assert!(problems.is_empty(), "{prefix}: {problems:#?}");
        for p in doc.articles.iter().flat_map(|a| &a.paragraphs) {
            let cs: Vec<char> = p.text.chars().collect();
            for w in cs.windows(3) {
                assert!(!(is_cjk(w[0]) && w[1].is_whitespace() && is_cjk(w[2])), "{prefix}: space between CJK in {:?}", p.text);
            }
        }
        assert!(doc.articles.iter().all(|a| a.title.is_some() || !a.paragraphs.is_empty()));
    }
}

#[test]
fn page_furniture_goes_to_other_and_the_paragraph_it_cut_is_joined() {
    // A column cut mid-sentence by a page footer and the next page's header.
    let page = "习近平回到北京\n\n　　新华社北京6月18日电　国家主席\n习近平18日下午结束出席第二届中\n国—中亚峰会后，乘专机回到北京。\n　　中共中央政治局委员、中央书记\n处书记、中央办公厅主任蔡奇等陪\n— 3 —\n湖北日报 2024年3月2日 星期二 第16版\n同人员同机返回。王毅等也同机返\n回。\n本版责编：韩墨　版式设计：严冰\n";
    let doc = tongwen::analyze_document("p.txt", page.as_bytes());
    let body: Vec<&str> = doc.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.text.as_str())).collect();
    assert!(body.iter().any(|p| p.contains("中央办公厅主任蔡奇等陪同人员同机返回。")), "{body:?} {:?}", doc.other);
    let furniture: Vec<&str> = doc.other.iter().filter(|b| b.kind == tongwen::model::BlockKind::Furniture).map(|b| b.text.as_str()).collect();
    assert_eq!(furniture.len(), 3, "{furniture:?} {:?}", doc.other);
    assert!(doc.articles.iter().all(|a| a.title.as_deref().is_none_or(|t| !t.contains("版"))));
}


#[test]
fn seed_002_photo_brief_in_a_narrow_double_spaced_column() {
    let (text, doc) = seed("002");
    let titles = titles(&doc);
    assert_eq!(titles.iter().filter(|t| t.contains("初雨调蓄")).collect::<Vec<_>>(), [&"全国首台初雨调蓄竖井掘进机始发"], "{titles:?}");
    assert_in_one_paragraph(&doc, "6月18日，由中铁十一局承建的上海虹莘排水泵站初雨调蓄管廊工程取得重要进展");
    assert_in_one_paragraph(&doc, "可显著减轻城市管网压力，改善下游河道水质，助力构建安全、高效、绿色的现代化排水系统。");
    // The photo's caption and its credit, cut over four lines, are one caption.
    let caption = doc.other.iter().find(|b| b.text.contains("图为当日拍摄")).expect("a caption");
    assert_eq!((caption.kind, caption.text.as_str()), (tongwen::model::BlockKind::Caption, "图为当日拍摄的初雨调蓄管廊工程施工现场。（新华社记者王翔 摄）"));
    // The echoed first copy of the headline is kept aside, not lost.
    assert!(doc.other.iter().any(|b| b.kind == tongwen::model::BlockKind::Headline && b.text == "全国首台初雨调蓄竖井掘进"), "{:?}", doc.other);
    assert!(tongwen::reflow::check_coverage(&text, &doc).is_empty());
}

/// The five seeds analyzed together, as the app and the CLI do.
fn seed_corpus() -> tongwen::Analysis {
    super::reuse_seeds::analyse_seeds(Default::default())
}

#[test]
fn seed_001_reflowed_with_what_the_other_papers_print() {
    let corpus = seed_corpus();
    let doc = corpus.documents.iter().find(|d| d.id.starts_with("001")).unwrap();
    // Three paragraphs of the "returns" report, printed inside the article
    // beside it, go home; the paragraph they were glued to joins its end.
    assert!(doc.articles.iter().flat_map(|a| &a.paragraphs).all(|p| !p.text.contains("进口离开阿斯塔纳时")));
    assert_in_one_paragraph(doc, "今年以来霍尔果斯口岸进口中亚国家农产品数量上升尤为明显");
    let returns = doc.articles.iter().find(|a| a.title.as_deref().is_some_and(|t| t.ends_with("习近平回到北京"))).unwrap();
    let body: Vec<&str> = returns.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(body.iter().any(|p| p.starts_with("离开阿斯塔纳时，哈萨克斯坦总统托卡耶夫率")), "{body:#?}");
    assert!(body.iter().any(|p| p.starts_with("前往机场途中")), "{body:#?}");
    // The interview, cut in two by its headline block, is one article
    // titled as the other papers title it.
    let interview: Vec<_> = doc.articles.iter().filter(|a| a.paragraphs.iter().any(|p| p.text.contains("分享举行双边会晤") || p.text.contains("王毅说，从西安到阿斯塔纳"))).collect();
    assert_eq!(interview.len(), 1, "{:?}", interview.iter().map(|a| &a.title).collect::<Vec<_>>());
    assert_eq!(interview[0].title.as_deref(), Some("弘扬中国—中亚精神，致力永久睦邻友好"));
    assert!(interview[0].subtitle.as_deref().is_some_and(|s| s.contains("推动中国同中亚国家关系更加紧密") && s.contains("——习近平主席赴哈萨克斯坦")), "{:?}", interview[0].subtitle);
    // Every passage member points at the article that holds it.
    for m in corpus.passages.iter().flat_map(|p| &p.members) {
        let d = corpus.documents.iter().find(|d| d.id == m.doc).unwrap();
        let a = d.articles.iter().find(|a| a.id == m.article).unwrap();
        assert!(a.spans.iter().any(|s| s[0] <= m.begin && m.begin < s[1]), "{} at {}", m.article, m.begin);
    }
    for d in &corpus.documents {
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus").join(&d.id)).unwrap();
        assert!(tongwen::reflow::check_coverage(&text, d).is_empty(), "{}", d.id);
    }
}

#[test]
fn no_seed_article_is_untitled_where_its_page_prints_a_headline() {
    let corpus = seed_corpus();
    for d in &corpus.documents {
        for a in d.articles.iter().filter(|a| a.title.is_none()) {
            // Only a page's first article may lack one: its headline is on the page before.
            assert_eq!(a.id, format!("{}#1", d.id), "{} is untitled", a.id);
        }
    }
}
