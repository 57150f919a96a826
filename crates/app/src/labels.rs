//! What to call things for people: an article in a list, a witness of a
//! passage. Pure, so every view names things the same way, and tested natively.

use tongwen::model::Article;

use crate::state::Source;

/// What to call an article in a list: its title, else its opening words.
pub fn article_label(a: &Article) -> String {
    match &a.title {
        Some(t) => t.clone(),
        None => {
            let first = a.paragraphs.iter().find(|p| !p.text.is_empty()).map_or("", |p| p.text.as_str());
            let words: String = first.chars().take(16).collect();
            format!("{words}…")
        }
    }
}

/// Names a passage member for people: source name and article title.
pub fn witness_label(sources: &[Source], doc: &str, article: &str) -> (String, String) {
    match sources.iter().find(|s| s.doc.id == doc) {
        Some(s) => {
            let title = s.doc.articles.iter().find(|a| a.id == article).map(article_label).unwrap_or_default();
            (s.doc.name.clone(), title)
        }
        None => (doc.to_owned(), article.to_owned()),
    }
}

/// A witness in a narrow place (a matrix header, a tag): the source's
/// whole name, which tells it from every other, and the title's opening.
pub fn witness_short(sources: &[Source], doc: &str, article: &str) -> String {
    let (source, title) = witness_label(sources, doc, article);
    let mut chars = title.chars();
    let opening: String = chars.by_ref().take(SHORT_TITLE).collect();
    match (opening.is_empty(), chars.next().is_some()) {
        (true, _) => source,
        (false, true) => format!("{source} · {opening}…"),
        (false, false) => format!("{source} · {opening}"),
    }
}

/// Characters of a title a short witness label keeps.
const SHORT_TITLE: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: Option<&str>, text: &str) -> Article {
        let mut a = Article { id: id.into(), title: title.map(str::to_owned), ..Default::default() };
        a.paragraphs.push(tongwen::model::Paragraph { text: text.into(), ..Default::default() });
        a
    }

    #[test]
    fn an_article_is_its_title_else_its_opening_words() {
        assert_eq!(article_label(&article("1", Some("习近平回到北京"), "正文")), "习近平回到北京");
        assert_eq!(article_label(&article("1", None, "国家主席习近平结束出席第二届中国—中亚峰会后乘专机回到北京")), "国家主席习近平结束出席第二届中国…");
    }

    #[test]
    fn a_witness_is_its_source_and_article_or_its_ids_when_unknown() {
        let doc = tongwen::model::DocumentAnalysis { id: "a.txt".into(), name: "人民日报".into(), articles: vec![article("a1", Some("标题"), "正文")], ..Default::default() };
        let sources = [Source::from_output(tongwen::protocol::DocumentOut { doc, text: String::new(), shares: Vec::new() }).0];
        assert_eq!(witness_label(&sources, "a.txt", "a1"), ("人民日报".to_owned(), "标题".to_owned()));
        assert_eq!(witness_label(&sources, "a.txt", "a9"), ("人民日报".to_owned(), String::new()));
        assert_eq!(witness_label(&sources, "b.txt", "b1"), ("b.txt".to_owned(), "b1".to_owned()));
    }

    #[test]
    fn a_short_witness_keeps_the_whole_source_name_and_the_title_opening() {
        let articles = vec![article("a1", Some("弘扬中国—中亚精神，致力永久睦邻友好"), "正文"), article("a2", Some("回到北京"), "正文"), article("a3", Some("一二三四五六七八"), "正文")];
        let doc = tongwen::model::DocumentAnalysis { id: "a.txt".into(), name: "人民日报 · 2025-06-19".into(), articles, ..Default::default() };
        let sources = [Source::from_output(tongwen::protocol::DocumentOut { doc, text: String::new(), shares: Vec::new() }).0];
        assert_eq!(witness_short(&sources, "a.txt", "a1"), "人民日报 · 2025-06-19 · 弘扬中国—中亚精…");
        assert_eq!(witness_short(&sources, "a.txt", "a2"), "人民日报 · 2025-06-19 · 回到北京");
        assert_eq!(witness_short(&sources, "a.txt", "a3"), "人民日报 · 2025-06-19 · 一二三四五六七八");
        assert_eq!(witness_short(&sources, "a.txt", "a9"), "人民日报 · 2025-06-19");
    }
}
