//! passim's format, both ways: shared passages out as passim-style JSON
//! Lines, and passim's own output (`out.json` part files) in, so a corpus
//! too large for one browser can be clustered on a Spark cluster and then
//! read here.
//!
//! A passim record is one witness of one cluster: the document `id`, the
//! `cluster` it belongs to, and `begin`/`end` offsets into the document's
//! text, which for tongwen are code points of the decoded input.

use crate::text::Space;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{covered_offsets, spans_from_offsets, DocumentAnalysis, Member, Passage, Warning};

/// One line of passim's output (fields we do not use are ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The document's id: a file name here, passim's `id` column.
    pub id: String,
    /// passim's cluster; tongwen writes the story (the connected set of a
    /// reprinted report's passages).
    pub cluster: u64,
    /// tongwen's passage within the cluster, so its passages read back as
    /// they were; passim's own output has none (a cluster is one passage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<u64>,
    pub begin: usize,
    pub end: usize,
    #[serde(default)]
    pub size: usize,
    /// passim's series: the paper. tongwen writes the document's name.
    #[serde(default)]
    pub series: String,
    #[serde(default)]
    pub text: String,
}

/// Shared passages as passim records, one per witness, in cluster order.
pub fn to_records(passages: &[Passage], docs: &[DocumentAnalysis]) -> Vec<Record> {
    passages
        .iter()
        .flat_map(|p| {
            p.members.iter().map(move |m| Record {
                id: m.doc.clone(),
                cluster: p.story as u64,
                passage: Some(p.id as u64),
                begin: m.begin,
                end: m.end,
                size: p.size,
                series: docs.iter().find(|d| d.id == m.doc).map(|d| d.name.clone()).unwrap_or_default(),
                text: m.text.clone(),
            })
        })
        .collect()
}

pub fn to_jsonl(records: &[Record]) -> String {
    records.iter().filter_map(|r| serde_json::to_string(r).ok()).map(|l| l + "\n").collect()
}

/// Reads passim JSON Lines. Blank lines are skipped; a bad line is an error
/// naming it, so a file is taken whole or not at all.
pub fn parse_jsonl(text: &str) -> Result<Vec<Record>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str::<Record>(l).map_err(|e| format!("line {}: not a passim record ({e})", n + 1)))
        .collect()
}

/// Whether a file's text looks like passim output rather than a page.
pub fn looks_like_passim(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    first.trim_start().starts_with('{') && serde_json::from_str::<Record>(first).is_ok()
}

/// Passages from passim records over documents analyzed here. A record
/// whose document is missing (or whose offsets fall outside it) is
/// reported, not fatal. `inputs` are the documents' decoded texts as
/// characters, which the offsets count in.
pub fn passages_from_records(records: &[Record], docs: &[DocumentAnalysis], inputs: &[Vec<char>]) -> (Vec<Passage>, Vec<Warning>) {
    let mut clusters: BTreeMap<(u64, Option<u64>), Vec<Member>> = BTreeMap::new();
    let mut problems = Vec::new();
    for r in records {
        // passim ids are often file names without the extension.
        let found = docs.iter().position(|d| d.id == r.id).or_else(|| docs.iter().position(|d| d.id.rsplit_once('.').is_some_and(|(stem, _)| stem == r.id)));
        let Some(d) = found else {
            problems.push(Warning::PassimNoDocument { id: r.id.clone() });
            continue;
        };
        let (doc, input) = (&docs[d], &inputs[d]);
        if r.begin >= r.end || r.end > input.len() {
            problems.push(Warning::PassimOutside { id: r.id.clone(), begin: r.begin, end: r.end, chars: input.len() });
            continue;
        }
        // The article holding most of the range, and the range's visible
        // characters in its paragraphs (so highlights land exactly).
        let mut best: Option<(usize, Vec<usize>, String)> = None;
        for (a, article) in doc.articles.iter().enumerate() {
            let mut offsets = Vec::new();
            let mut text = String::new();
            for p in &article.paragraphs {
                let before = offsets.len();
                let mut visible = covered_offsets(&p.spans, input);
                for c in p.text.chars() {
                    if c.is_space() {
                        if offsets.len() > before {
                            text.push(c);
                        }
                        continue;
                    }
                    if let Some(o) = visible.next() {
                        if (r.begin..r.end).contains(&o) {
                            offsets.push(o);
                            text.push(c);
                        }
                    }
                }
                if offsets.len() > before {
                    let trimmed = text.trim_end().len();
                    text.truncate(trimmed);
                    text.push('\n');
                }
            }
            if best.as_ref().is_none_or(|b| offsets.len() > b.1.len()) {
                best = Some((a, offsets, text));
            }
        }
        let member = match best {
            Some((a, offsets, text)) if !offsets.is_empty() => Member {
                doc: doc.id.clone(),
                article: doc.articles[a].id.clone(),
                begin: r.begin,
                end: r.end,
                spans: spans_from_offsets(offsets, input),
                text: text.trim_end().to_owned(),
            },
            // Outside every article (a caption, say): keep the raw range.
            _ => Member {
                doc: doc.id.clone(),
                article: doc.articles.first().map(|a| a.id.clone()).unwrap_or_default(),
                begin: r.begin,
                end: r.end,
                spans: vec![[r.begin, r.end]],
                text: input[r.begin..r.end].iter().collect(),
            },
        };
        clusters.entry((r.cluster, r.passage)).or_default().push(member);
    }
    // Stories numbered by cluster, in cluster order.
    let mut stories: BTreeMap<u64, usize> = BTreeMap::new();
    let passages = clusters
        .into_iter()
        .filter(|(_, m)| m.len() >= 2)
        .enumerate()
        .map(|(id, ((cluster, _), mut members))| {
            members.sort_by(|a, b| (&a.doc, a.begin).cmp(&(&b.doc, b.begin)));
            let next = stories.len();
            let story = *stories.entry(cluster).or_insert(next);
            Passage { id, story, size: members.len(), members, variants: Vec::new(), kind: Default::default() }
        })
        .collect();
    (passages, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEEDS: [&str; 3] = ["000_7db16642f3192162.txt", "001_a71703915d167703.txt", "002_d91aaab0cc814bb1.txt"];

    fn seeds() -> (crate::Analysis, Vec<Vec<char>>) {
        let files: Vec<(String, Vec<u8>)> = SEEDS.iter().map(|f| (f.to_string(), std::fs::read(format!("www/corpus/{f}")).unwrap())).collect();
        let (analysis, texts) =
            crate::analysis::analyze_corpus_with(files.iter().map(|(id, b)| (id.as_str(), b.as_slice())), Default::default(), &mut |_| ());
        (analysis, texts.iter().map(|t| t.chars().collect()).collect())
    }

    /// A cluster as the set of (document, begin, end) of its witnesses.
    fn shape(passages: &[Passage]) -> Vec<Vec<(String, usize, usize)>> {
        let mut out: Vec<Vec<(String, usize, usize)>> =
            passages.iter().map(|p| p.members.iter().map(|m| (m.doc.clone(), m.begin, m.end)).collect()).collect();
        for c in &mut out {
            c.sort();
        }
        out.sort();
        out
    }

    #[test]
    fn exported_records_import_back_to_the_same_clusters() {
        let (analysis, inputs) = seeds();
        assert!(!analysis.passages.is_empty());
        let jsonl = to_jsonl(&to_records(&analysis.passages, &analysis.documents));
        assert!(looks_like_passim(&jsonl));
        let records = parse_jsonl(&jsonl).unwrap();
        assert_eq!(records.len(), analysis.passages.iter().map(|p| p.members.len()).sum::<usize>());
        let (back, problems) = passages_from_records(&records, &analysis.documents, &inputs);
        assert_eq!(problems, Vec::<Warning>::new());
        assert_eq!(shape(&back), shape(&analysis.passages));
        // Stories read back too: passim's cluster is the story.
        let stories = |ps: &[Passage]| -> Vec<Vec<(String, usize, usize)>> {
            let mut by: BTreeMap<usize, Vec<(String, usize, usize)>> = BTreeMap::new();
            for p in ps {
                by.entry(p.story).or_default().extend(p.members.iter().map(|m| (m.doc.clone(), m.begin, m.end)));
            }
            let mut v: Vec<_> = by.into_values().map(|mut m| { m.sort(); m }).collect();
            v.sort();
            v
        };
        assert_eq!(stories(&back), stories(&analysis.passages));
        assert!(stories(&back).len() < back.len(), "a story holds several passages");
        // Highlights cover at least what they did (a range may include
        // characters the original member's spans skipped, never fewer).
        let covered = |ps: &[Passage]| -> usize { ps.iter().flat_map(|p| &p.members).flat_map(|m| &m.spans).map(|s| s[1] - s[0]).sum() };
        assert!(covered(&back) >= covered(&analysis.passages));
    }

    #[test]
    fn unknown_documents_and_bad_ranges_are_reported_and_stems_match() {
        let (analysis, inputs) = seeds();
        let text = format!(
            "{}\n\n{}\n{}\n{}\n",
            r#"{"id":"000_7db16642f3192162","cluster":7,"begin":100,"end":140}"#,
            r#"{"id":"001_a71703915d167703.txt","cluster":7,"begin":200,"end":240,"series":"x","uid":12}"#,
            r#"{"id":"nowhere.txt","cluster":7,"begin":0,"end":10}"#,
            r#"{"id":"002_d91aaab0cc814bb1.txt","cluster":9,"begin":10,"end":999999}"#,
        );
        let records = parse_jsonl(&text).unwrap();
        let (passages, problems) = passages_from_records(&records, &analysis.documents, &inputs);
        assert_eq!(passages.len(), 1);
        assert_eq!(passages[0].members[0].doc, "000_7db16642f3192162.txt");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(parse_jsonl("{\"id\":1}\n").unwrap_err().starts_with("line 1"));
        assert!(!looks_like_passim("新华社北京6月18日电"));
    }
}
