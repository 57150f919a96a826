//! Results in the formats users take into their own tools: the analysis as
//! JSON (the CLI's schema), articles as Markdown or plain text (one file or
//! a zip), passages as CSV, passim JSON Lines ([`crate::passim`]), and the
//! collation of a passage or a whole story ([`crate::collate`]) as TEI
//! parallel segmentation for editors.

use std::io::Write;

use crate::analysis::Analysis;
use crate::collate::{collate, story_quotes, story_witnesses, Collation, Column};
use crate::model::{Article, DocumentAnalysis, Passage};

/// The analysis as the CLI prints it with `--json`.
pub fn analysis_json(analysis: &Analysis) -> String {
    // Ends in a newline, as `tongwen analyze --json` does: the two are the
    // same bytes.
    serde_json::to_string(analysis).map(|json| json + "\n").unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextFormat {
    Markdown,
    Plain,
}

impl TextFormat {
    pub fn extension(self) -> &'static str {
        match self {
            TextFormat::Markdown => "md",
            TextFormat::Plain => "txt",
        }
    }
}

/// One reflowed article: title, subtitle, byline, dateline, paragraphs.
pub fn article_text(a: &Article, format: TextFormat) -> String {
    let md = format == TextFormat::Markdown;
    let mut out = String::new();
    if let Some(t) = &a.title {
        out.push_str(if md { "# " } else { "" });
        out.push_str(t);
        out.push_str("\n\n");
    }
    for (prefix, field) in [("## ", &a.subtitle), ("", &a.byline)] {
        if let Some(v) = field {
            out.push_str(if md { prefix } else { "" });
            out.push_str(v);
            out.push_str("\n\n");
        }
    }
    for (k, p) in a.paragraphs.iter().enumerate() {
        let dateline = if k == 0 { a.dateline.as_deref() } else { None }.or(p.dateline.as_deref());
        if p.heading && md {
            out.push_str("### ");
        }
        if let Some(d) = dateline {
            out.push_str(&if md { format!("**{d}** ") } else { format!("{d} ") });
        }
        out.push_str(&p.text);
        out.push_str("\n\n");
    }
    if a.paragraphs.is_empty() {
        if let Some(d) = &a.dateline {
            out.push_str(d);
            out.push_str("\n\n");
        }
    }
    for m in &a.markers {
        out.push_str(&m.text);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Every article of every document in one file, documents headed by name.
pub fn articles_file(docs: &[DocumentAnalysis], format: TextFormat) -> String {
    let mut out = String::new();
    for d in docs {
        for a in &d.articles {
            if format == TextFormat::Markdown {
                out.push_str(&format!("<!-- {} -->\n", a.id));
            }
            out.push_str(&article_text(a, format));
            out.push_str(if format == TextFormat::Markdown { "\n---\n\n" } else { "\n\n" });
        }
    }
    out
}

/// A file name part from a title: no path separators or control characters.
fn safe_name(s: &str) -> String {
    let cleaned: String = s.chars().filter(|c| !c.is_control()).map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c }).take(40).collect();
    cleaned.trim().to_owned()
}

/// A zip with one file per article: `<document>/<k>-<title>.<ext>`.
pub fn articles_zip(docs: &[DocumentAnalysis], format: TextFormat) -> Result<Vec<u8>, String> {
    let err = |e: rawzip::Error| e.to_string();
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    for d in docs {
        let stem = d.id.rsplit_once('.').map_or(d.id.as_str(), |(s, _)| s);
        for (k, a) in d.articles.iter().enumerate() {
            let title = a.title.as_deref().map(safe_name).unwrap_or_default();
            let name = format!("{}/{:02}{}{}.{}", safe_name(stem), k + 1, if title.is_empty() { "" } else { "-" }, title, format.extension());
            let (mut entry, config) = archive.new_file(&name).compression_method(rawzip::CompressionMethod::DEFLATE).start().map_err(err)?;
            let mut writer = config.wrap(flate2::write::DeflateEncoder::new(&mut entry, flate2::Compression::default()));
            writer.write_all(article_text(a, format).as_bytes()).map_err(|e| e.to_string())?;
            let (encoder, descriptor) = writer.finish().map_err(err)?;
            encoder.finish().map_err(|e| e.to_string())?;
            entry.finish(descriptor).map_err(err)?;
        }
    }
    archive.finish().map_err(err)?;
    Ok(out)
}

/// What Excel needs at the start of a CSV to read it as UTF-8.
pub const UTF8_BOM: &str = "\u{feff}";

/// Passages as CSV, one row per witness, starting with a UTF-8 byte order
/// mark: without it Excel reads a CSV in the system's legacy code page and
/// garbles the Chinese; other readers skip it.
/// Each witness is named as a reader names it too: its source (the
/// paper and date, or the name its user gave it) and its article's title.
pub fn passages_csv(documents: &[DocumentAnalysis], passages: &[Passage]) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(UTF8_BOM.as_bytes().to_vec());
    w.write_record(["passage", "story", "witnesses", "kind", "document", "source", "date", "article", "title", "begin", "end", "text"]).map_err(|e| e.to_string())?;
    for p in passages {
        for m in &p.members {
            let doc = documents.iter().find(|d| d.id == m.doc);
            let title = doc.and_then(|d| d.articles.iter().find(|a| a.id == m.article)).and_then(|a| a.title.clone());
            w.write_record([
                p.id.to_string(),
                p.story.to_string(),
                p.size.to_string(),
                serde_json::to_value(p.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
                m.doc.clone(),
                doc.map(|d| d.name.clone()).unwrap_or_default(),
                doc.and_then(|d| d.date.clone()).unwrap_or_default(),
                m.article.clone(),
                title.unwrap_or_default(),
                m.begin.to_string(),
                m.end.to_string(),
                m.text.clone(),
            ])
            .map_err(|e| e.to_string())?;
        }
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A story, every witness of it, as TEI parallel segmentation: agreed
/// text stands as it is, and each variant column is an `<app>` with one
/// `<rdg wit="…">` per distinct reading (an empty one for an omission).
/// The papers' copies come first, then the articles that quote the report
/// (their readings are mostly omissions).
pub fn story_tei(passages: &[Passage], story: usize, long: usize, docs: &[DocumentAnalysis]) -> String {
    let mut witnesses = story_witnesses(passages, story, long);
    let quotes = story_quotes(passages, story, &witnesses);
    witnesses.extend(quotes);
    collation_tei(&collate(witnesses), docs, &format!("tongwen story {story}"))
}

fn collation_tei(c: &Collation, docs: &[DocumentAnalysis], title: &str) -> String {
    let mut body = String::new();
    for column in &c.columns {
        match column {
            Column::Agreed(text) => body.push_str(&xml_escape(text)),
            Column::Variant(readings) => {
                body.push_str("<app>");
                for (reading, wits) in Collation::groups(readings) {
                    let wits: Vec<String> = wits.into_iter().map(|w| format!("#w{}", w + 1)).collect();
                    if reading.is_empty() {
                        body.push_str(&format!("<rdg wit=\"{}\"/>", wits.join(" ")));
                    } else {
                        body.push_str(&format!("<rdg wit=\"{}\">{}</rdg>", wits.join(" "), xml_escape(reading)));
                    }
                }
                body.push_str("</app>");
            }
        }
    }
    let witnesses: String = c
        .witnesses
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let name = docs.iter().find(|d| d.id == w.doc).map(|d| d.name.as_str()).unwrap_or(w.doc.as_str());
            format!("        <witness xml:id=\"w{}\">{} · {} [{}, {})</witness>\n", i + 1, xml_escape(name), xml_escape(&w.articles.join(" ")), w.begin, w.end)
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n    <fileDesc>\n      <titleStmt><title>{title}</title></titleStmt>\n      <publicationStmt><p>Exported by tongwen.</p></publicationStmt>\n      <sourceDesc>\n        <listWit>\n{witnesses}        </listWit>\n      </sourceDesc>\n    </fileDesc>\n    <encodingDesc><variantEncoding method=\"parallel-segmentation\" location=\"internal\"/></encodingDesc>\n  </teiHeader>\n  <text>\n    <body>\n      <p>{body}</p>\n    </body>\n  </text>\n</TEI>\n",
        title = xml_escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;

    fn member(doc: &str, text: &str) -> Member {
        Member { doc: doc.into(), article: format!("{doc}#1"), begin: 0, end: text.chars().count(), spans: vec![], text: text.into() }
    }

    #[test]
    fn tei_marks_each_variant_with_the_witnesses_that_read_it() {
        let p = Passage {
            id: 3,
            story: 0,
            size: 3,
            members: vec![member("a.txt", "并同中亚五国元首分别举行双边会晤"), member("b.txt", "并同中亚五国元首分享举行双边会晤"), member("c.txt", "并同中亚五国元首分别举行会晤")],
            variants: vec![],
            kind: Default::default(),
        };
        let tei = story_tei(&[p], 0, 8, &[]);
        assert!(tei.contains("<app><rdg wit=\"#w1 #w3\">分别</rdg><rdg wit=\"#w2\">分享</rdg></app>"), "{tei}");
        assert!(tei.contains("<app><rdg wit=\"#w1 #w2\">行双边会</rdg><rdg wit=\"#w3\">行会</rdg></app>"), "{tei}");
        assert!(tei.contains("<title>tongwen story 0</title>"), "{tei}");
        assert!(tei.contains("<witness xml:id=\"w2\">b.txt · b.txt#1"));
        assert!(tei.starts_with("<?xml") && tei.trim_end().ends_with("</TEI>"));
    }

    #[test]
    fn csv_quotes_text_and_markdown_keeps_the_article_shape() {
        let (analysis, _) = crate::analysis::analyze_corpus_with(
            [
                ("a.txt", "致力永久睦邻友好\n\n新华社北京6月18日电 双方合作将迈向更高水平，为地区和平和繁荣注入源源不断的动力，\"引号\"。\n".as_bytes()),
                ("b.txt", "另一标题在此\n\n新华社北京6月18日电 双方合作将迈向更高水平，为地区和平和繁荣注入源源不断的动力，\"引号\"。\n".as_bytes()),
            ],
            Default::default(),
            &mut |_| (),
        );
        let csv = passages_csv(&analysis.documents, &analysis.passages).unwrap();
        let body = csv.strip_prefix(UTF8_BOM).expect("the CSV starts with a byte order mark, for Excel");
        assert!(body.starts_with("passage,story,"), "{body}");
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[0][11].contains("\"引号\""));
        assert_eq!((&rows[0][4], &rows[0][5], &rows[0][6]), ("a.txt", "a", ""), "the document, its source name and its date");
        assert_eq!((&rows[0][7], &rows[0][8]), ("a.txt#1", "致力永久睦邻友好"), "the article and its title");
        assert_eq!((&rows[0][1], &rows[1][1]), ("0", "0"), "both witnesses in story 0");
        let md = article_text(&analysis.documents[0].articles[0], TextFormat::Markdown);
        assert!(md.starts_with("# 致力永久睦邻友好\n\n**新华社北京6月18日电** 双方合作"), "{md}");
        let zip = articles_zip(&analysis.documents, TextFormat::Plain).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut first = String::new();
        std::io::Read::read_to_string(&mut archive.by_index(0).unwrap(), &mut first).unwrap();
        assert!(first.starts_with("致力永久睦邻友好\n\n新华社北京6月18日电 双方"), "{first}");
        assert_eq!(archive.by_index(0).unwrap().name().unwrap(), "a/01-致力永久睦邻友好.txt");
    }
}
