//! The chunked search index of a published corpus (`tongwen::search_chunks`):
//! what a reader finds through it is what the worker's search finds.

use std::collections::HashMap;

use tongwen::model::{DocIndex, DocumentAnalysis};
use tongwen::search_chunks::{article_hits, candidates, chunk_for, query_keys, ArticleNumbers, read_chunk, read_root, write_index, Postings, SearchRoot, CHUNK_BYTES};

/// The seed pages, reflowed.
fn seed_documents() -> Vec<DocumentAnalysis> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let inputs = files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    tongwen::analysis::analyze_intake(tongwen::intake::take_in(inputs), Default::default(), None, &mut |_| ()).0.documents
}

fn index_in_memory(docs: &[DocumentAnalysis]) -> (SearchRoot, HashMap<String, Vec<u8>>) {
    let mut files = HashMap::new();
    let root = write_index::<()>(docs, &mut |bytes| {
        let name = format!("chunk-{}.json", files.len());
        files.insert(name.clone(), bytes.to_vec());
        Ok(name)
    })
    .unwrap();
    (root, files)
}

/// A query as the page runs it: the chunks its keys need, the candidates,
/// each confirmed in its article. (document, article) → hits counted, and
/// the chunks fetched.
fn search(root: &SearchRoot, files: &HashMap<String, Vec<u8>>, docs: &[DocumentAnalysis], query: &str) -> (Vec<((usize, usize), usize)>, Vec<(u32, u32)>, Vec<String>) {
    let keys = query_keys(query);
    let mut fetched: Vec<String> = keys.iter().filter_map(|k| chunk_for(root, k)).map(str::to_owned).collect();
    fetched.sort();
    fetched.dedup();
    let mut postings: HashMap<String, Postings> = HashMap::new();
    for f in &fetched {
        postings.extend(read_chunk(&files[f], f).unwrap());
    }
    let found = candidates(&keys, |k| postings.get(k).cloned());
    let numbers = ArticleNumbers::new(docs.iter().map(|d| d.articles.len()));
    let confirmed = found
        .iter()
        .filter_map(|&(n, _)| {
            let (d, k) = numbers.locate(n).unwrap();
            article_hits(DocIndex(d), k, &docs[d].articles[k], query).map(|h| ((d, k), h.count))
        })
        .collect();
    (confirmed, found, fetched)
}

/// Every article that holds `query`, by looking at each.
fn every_hit(docs: &[DocumentAnalysis], query: &str) -> Vec<((usize, usize), usize)> {
    let mut all = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (k, a) in doc.articles.iter().enumerate() {
            if let Some(h) = article_hits(DocIndex(d), k, a, query) {
                all.push(((d, k), h.count));
            }
        }
    }
    all
}

#[test]
fn the_index_finds_every_article_a_query_is_in_and_counts_a_pair_exactly() {
    let docs = seed_documents();
    let (root, files) = index_in_memory(&docs);
    let root = read_root(&serde_json::to_vec(&root).unwrap(), "search.json").unwrap();
    assert!(root.chunks.len() > 3, "{} chunks", root.chunks.len());
    assert_eq!(root.articles, docs.iter().map(|d| d.articles.len()).sum::<usize>());
    // Chunks in key order, each about the set size.
    assert!(root.chunks.windows(2).all(|w| w[0].0 < w[1].0));
    for (_, f) in &root.chunks[..root.chunks.len() - 1] {
        assert!(files[f].len() >= CHUNK_BYTES && files[f].len() < CHUNK_BYTES + 4096, "{} bytes", files[f].len());
    }
    let queries = ["合作", "中亚", "阿斯塔纳", "习近平", "的", "新华社记者", "一带一路", "峰会", "。", "弘扬中国—中亚精神", "没有这个词语", "哈萨克斯坦总统托卡耶夫"];
    for q in queries {
        let (confirmed, found, fetched) = search(&root, &files, &docs, q);
        let mut sorted = confirmed.clone();
        sorted.sort();
        assert_eq!(sorted, every_hit(&docs, q), "{q}");
        assert!(fetched.len() <= q.chars().count().max(1), "{q}: {} chunks for its keys", fetched.len());
        if q.chars().count() <= 2 {
            // One key: the candidates are the hits, counted exactly.
            assert_eq!(found.len(), confirmed.len(), "{q}");
            for ((_, n), (_, bound)) in confirmed.iter().zip(&found) {
                assert_eq!(n, &(*bound as usize), "{q}");
            }
        } else {
            // Longer: an upper bound, never less.
            let numbers = ArticleNumbers::new(docs.iter().map(|d| d.articles.len()));
            let bounds: HashMap<(usize, usize), u32> = found.iter().map(|&(a, b)| (numbers.locate(a).unwrap(), b)).collect();
            for (at, n) in &confirmed {
                assert!(bounds[at] as usize >= *n, "{q}");
            }
        }
        // Most hits first.
        assert!(found.windows(2).all(|w| w[0].1 >= w[1].1), "{q}");
    }
    assert!(!every_hit(&docs, "阿斯塔纳").is_empty() && every_hit(&docs, "没有这个词语").is_empty());
    // White space inside a query: nothing to look up.
    assert!(query_keys("中 亚").is_empty() && query_keys("  ").is_empty());
    assert_eq!(query_keys(" 中亚中亚 "), vec!["亚中".to_owned(), "中亚".to_owned()].into_iter().collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>());
}

#[test]
fn hits_are_where_and_as_the_worker_s_search_gives_them() {
    let docs = seed_documents();
    let seg = tongwen::segment::Segmenter::builtin(&[]);
    let index = tongwen::search::CorpusIndex::build(&docs, &seg, None, &mut |_, _| ());
    for q in ["中亚", "习近平", "阿斯塔纳"] {
        let worker = index.search(q, &seg);
        let mut ours: Vec<_> = every_hit(&docs, q);
        ours.sort();
        let mut theirs: Vec<_> = worker.articles.iter().map(|a| ((a.doc.0, a.article), a.count)).collect();
        theirs.sort();
        assert_eq!(ours, theirs, "{q}");
        for a in &worker.articles {
            let mine = article_hits(a.doc, a.article, &docs[a.doc.0].articles[a.article], q).unwrap();
            let key = |h: &tongwen::search::Hit| (h.field.reading_order(), h.begin, h.end, h.before.clone(), h.matched.clone(), h.after.clone());
            let mut x: Vec<_> = mine.hits.iter().map(key).collect();
            let mut y: Vec<_> = a.hits.iter().map(key).collect();
            x.sort();
            y.sort();
            assert_eq!(x, y, "{q}");
            assert!(mine.hits.iter().all(|h| !h.whole_word));
        }
    }
}

#[test]
fn the_index_is_the_same_built_in_one_pass_or_many() {
    let docs = seed_documents();
    let chunks = |pass_chars: usize| {
        let mut files = Vec::new();
        let root = tongwen::search_chunks::write_index_in_passes::<()>(&docs, pass_chars, &mut |bytes| {
            files.push(bytes.to_vec());
            Ok(format!("{}", files.len()))
        })
        .unwrap();
        (root, files)
    };
    let (one, one_files) = chunks(usize::MAX);
    let (many, many_files) = chunks(500);
    assert_eq!(one, many);
    assert!(one_files == many_files);
    let (default, _) = index_in_memory(&docs);
    assert_eq!(default.chunks.iter().map(|c| &c.0).collect::<Vec<_>>(), one.chunks.iter().map(|c| &c.0).collect::<Vec<_>>());
}

#[test]
fn a_damaged_chunk_or_root_is_refused_and_numbers_locate_their_articles() {
    assert!(read_chunk(b"[[\"ab\",[1,2,3]]]", "c").is_err(), "postings cut short");
    assert!(read_chunk(b"[[\"ab\",[4294967295,1,1,1]]]", "c").is_err(), "postings overflow");
    assert_eq!(read_chunk(b"[[\"ab\",[3,1,2,5]]]", "c").unwrap(), vec![("ab".to_owned(), vec![(3, 1), (5, 5)])]);
    assert!(read_root(b"{\"format\":9,\"articles\":0,\"chunks\":[]}", "r").is_err());
    let numbers = ArticleNumbers::new([0, 2, 0, 3]);
    assert_eq!(numbers.locate(0), Some((1, 0)));
    assert_eq!(numbers.locate(1), Some((1, 1)));
    assert_eq!(numbers.locate(2), Some((3, 0)), "past the empty document");
    assert_eq!(numbers.locate(4), Some((3, 2)));
    assert_eq!(numbers.locate(5), None);
    assert_eq!(ArticleNumbers::new([]).locate(0), None);
    // A key before every chunk is in none; one after the last, in the last.
    let root = SearchRoot { format: 1, articles: 0, chunks: vec![("b".into(), "1".into()), ("d".into(), "2".into())] };
    assert_eq!(chunk_for(&root, "a"), None);
    assert_eq!(chunk_for(&root, "b"), Some("1"));
    assert_eq!(chunk_for(&root, "c"), Some("1"));
    assert_eq!(chunk_for(&root, "z"), Some("2"));
    // A key in no chunk: no candidate.
    assert!(candidates(&["xy".to_owned()], |_| None).is_empty());
    assert_eq!(candidates(&["a".to_owned(), "b".to_owned()], |k| Some(if k == "a" { vec![(1, 4), (2, 1)] } else { vec![(1, 2), (3, 9)] })), vec![(1, 2)]);
}
