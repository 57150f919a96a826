//! A published corpus in fragments (`tongwen::published`): what `build-site`
//! writes reads back to the very analysis it published.

use std::collections::HashMap;

use tongwen::analysis::Analysis;
use tongwen::published::{publish, read_back, read_catalog, read_fragment, read_passages, Catalog, Fragment, ReadError, FORMAT, PASSAGE_FILE_BYTES};

/// The seed pages analysed as the CLI does: analysis, texts, shares.
fn seeds() -> (Analysis, Vec<String>, Vec<Vec<f64>>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let inputs = files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    let (analysis, chars) = tongwen::analysis::analyze_intake(tongwen::intake::take_in(inputs), Default::default(), None, &mut |_| ());
    let shares = tongwen::view::shared_shares(&analysis.documents, &analysis.passages);
    (analysis, tongwen::analysis::texts_from_chars(chars), shares)
}

/// Publishes into memory: file name (a hash of the bytes) → bytes.
fn publish_in_memory(a: &Analysis, texts: &[String], shares: &[Vec<f64>]) -> (Catalog, HashMap<String, Vec<u8>>) {
    let mut files = HashMap::new();
    let catalog = publish::<ReadError>(a, texts, shares, &mut |bytes| {
        let name = format!("{:016x}.json", fxhash(bytes));
        files.insert(name.clone(), bytes.to_vec());
        Ok(name)
    })
    .unwrap();
    (catalog, files)
}

fn fxhash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

#[test]
fn fragments_read_back_to_the_analysis_they_publish() {
    let (a, texts, shares) = seeds();
    assert!(a.passages.len() > 5, "the seeds share passages");
    let (catalog, files) = publish_in_memory(&a, &texts, &shares);
    // Through JSON, as a reader gets it.
    let catalog = read_catalog(&serde_json::to_vec(&catalog).unwrap(), "catalog.json").unwrap();
    let mut asked = Vec::new();
    let (back, back_texts, back_shares) = read_back::<ReadError>(&catalog, &mut |name| {
        asked.push(name.to_owned());
        Ok(files[name].clone())
    })
    .unwrap();
    assert_eq!(back, a);
    assert_eq!(back_texts, texts);
    // Meters to three decimals.
    assert_eq!(back_shares.len(), shares.len());
    for (x, y) in back_shares.iter().flatten().zip(shares.iter().flatten()) {
        assert!((x - y).abs() <= 0.0005 && (x * 1000.0).fract() == 0.0, "{x} for {y}");
    }
    assert_eq!(back_shares.iter().flatten().count(), shares.iter().flatten().count());
    // The seeds' passages are one file: a small corpus's first view needs one.
    assert_eq!(files.iter().filter(|(n, b)| b.starts_with(b"[") && **n != catalog.stories).count(), 1);
    // Every file once, and every file written was needed.
    let mut once = asked.clone();
    once.sort();
    once.dedup();
    assert_eq!(once.len(), asked.len(), "{asked:?}");
    // (All but the stories, which are the overview's.)
    assert_eq!(once.len() + 1, files.len());
    // The same bytes as the CLI's `--json`.
    assert_eq!(serde_json::to_string(&back).unwrap(), serde_json::to_string(&a).unwrap());
}

#[test]
fn a_fragment_holds_its_document_and_every_passage_it_has_a_member_in() {
    let (a, texts, shares) = seeds();
    let (catalog, files) = publish_in_memory(&a, &texts, &shares);
    assert_eq!(catalog.format, FORMAT);
    assert_eq!(catalog.documents.len(), a.documents.len());
    assert_eq!(catalog.passages, a.passages.len());
    let passages_in: HashMap<String, Vec<tongwen::Passage>> = files.iter().filter(|(n, b)| b.starts_with(b"[") && **n != catalog.stories).map(|(n, b)| (n.clone(), read_passages(b, n).unwrap())).collect();
    // Each passage is in one passage file; a file holds whole stories
    // (here, where every story is small, none is split).
    let mut stored: Vec<usize> = passages_in.values().flatten().map(|p| p.id).collect();
    stored.sort_unstable();
    assert_eq!(stored, a.passages.iter().map(|p| p.id).collect::<Vec<_>>());
    for list in passages_in.values() {
        let stories: std::collections::BTreeSet<usize> = list.iter().map(|p| p.story).collect();
        for story in stories {
            assert_eq!(list.iter().filter(|p| p.story == story).count(), a.passages.iter().filter(|p| p.story == story).count(), "story {story} whole");
        }
    }
    for (i, entry) in catalog.documents.iter().enumerate() {
        let file = read_fragment(&files[&entry.fragment], entry).unwrap();
        assert!(file.passage_files.iter().all(|f| passages_in.contains_key(f)));
        let f = Fragment::assemble(file, |name| passages_in.get(name).map(Vec::as_slice));
        assert_eq!(f.doc, a.documents[i]);
        assert_eq!(f.text, texts[i]);
        let want: Vec<usize> = a.passages.iter().filter(|p| p.members.iter().any(|m| m.doc == entry.id)).map(|p| p.id).collect();
        assert_eq!(f.passages.iter().map(|p| p.id).collect::<Vec<_>>(), want, "{}", entry.id);
        // The catalog's reading list: titles, lengths and meters.
        assert_eq!(entry.articles.len(), f.doc.articles.len());
        for (k, art) in entry.articles.iter().enumerate() {
            assert_eq!(art.id, f.doc.articles[k].id, "the reflow's numbering filled in");
            assert_eq!(art.title, f.doc.articles[k].title);
            assert_eq!(art.body_chars, f.doc.articles[k].body_chars());
            assert_eq!(art.share, f.shares[k]);
            assert!((art.share - shares[i][k]).abs() <= 0.0005);
        }
        assert_eq!((entry.chars, &entry.name), (a.documents[i].chars, &a.documents[i].name));
    }
    // Every passage is in some story, once.
    let stories = tongwen::published::read_stories(&files[&catalog.stories], &catalog.stories).unwrap();
    assert_eq!(stories.iter().map(|s| s.story).collect::<std::collections::BTreeSet<_>>(), a.passages.iter().map(|p| p.story).collect());
    let mut in_stories: Vec<usize> = stories.iter().flat_map(|s| s.passages.iter().copied()).collect();
    in_stories.sort_unstable();
    assert_eq!(in_stories, a.passages.iter().map(|p| p.id).collect::<Vec<_>>());
}

#[test]
fn only_the_fragments_of_changed_documents_get_new_names() {
    let (a, texts, shares) = seeds();
    let (first, _) = publish_in_memory(&a, &texts, &shares);
    let (again, _) = publish_in_memory(&a, &texts, &shares);
    assert_eq!(first, again, "the same analysis publishes the same names");
    // A document renamed (its name is in its own fragment alone): only its
    // fragment gets a new name.
    let k = 2;
    let mut edited = a.clone();
    edited.documents[k].name.push_str(" (edited)");
    let (changed, _) = publish_in_memory(&edited, &texts, &shares);
    for (i, (x, y)) in first.documents.iter().zip(&changed.documents).enumerate() {
        assert_eq!(x.fragment == y.fragment, i != k, "document {i}");
    }
}

#[test]
fn stories_are_packed_into_passage_files_of_about_the_set_size() {
    // The synthetic reprint corpus: many stories, so several files.
    let corpus = tongwen_testkit::synth::reprint_corpus(3, 40, 120);
    let inputs = corpus.pages.iter().enumerate().map(|(i, p)| (format!("{i:03}.txt"), p.text.clone().into_bytes())).collect();
    let (a, chars) = tongwen::analysis::analyze_intake(tongwen::intake::take_in(inputs), Default::default(), None, &mut |_| ());
    let shares = tongwen::view::shared_shares(&a.documents, &a.passages);
    let texts = tongwen::analysis::texts_from_chars(chars);
    let (catalog, files) = publish_in_memory(&a, &texts, &shares);
    let lists: Vec<(usize, Vec<tongwen::Passage>)> = files.iter().filter(|(n, b)| b.starts_with(b"[") && **n != catalog.stories).map(|(n, b)| (b.len(), read_passages(b, n).unwrap())).collect();
    assert!(lists.len() > 2, "{} passage files", lists.len());
    let story_bytes = |story: usize| a.passages.iter().filter(|p| p.story == story).map(|p| serde_json::to_vec(p).unwrap().len() + 1).sum::<usize>();
    for (len, list) in &lists {
        // Under the size, plus the story that crossed it.
        let last = list.last().unwrap().story;
        assert!(*len <= PASSAGE_FILE_BYTES + story_bytes(last) + 1, "{len} bytes");
    }
    // Full files: all but one reached the size before a story closed them.
    assert!(lists.iter().filter(|(len, _)| *len < PASSAGE_FILE_BYTES).count() <= 1);
    // A story is never cut across files, even one larger than a file.
    let mut file_of_story = std::collections::HashMap::new();
    for (k, (_, list)) in lists.iter().enumerate() {
        for p in list {
            assert_eq!(*file_of_story.entry(p.story).or_insert(k), k, "story {} in two files", p.story);
        }
    }
    let (back, _, _) = read_back::<ReadError>(&catalog, &mut |name| Ok(files[name].clone())).unwrap();
    assert_eq!(back, a);
}

#[test]
fn the_catalog_is_written_by_columns_with_only_the_article_ids_the_numbering_does_not_give() {
    let (mut a, texts, shares) = seeds();
    a.documents[1].articles[0].id = "001-lead".into();
    let (catalog, _) = publish_in_memory(&a, &texts, &shares);
    let json: serde_json::Value = serde_json::from_slice(&serde_json::to_vec(&catalog).unwrap()).unwrap();
    let columns = &json["documents"];
    let ids: Vec<&str> = columns["id"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(ids, a.documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>());
    let flat: usize = a.documents.iter().map(|d| d.articles.len()).sum();
    assert_eq!(columns["title"].as_array().unwrap().len(), flat);
    // Document 1's first article comes after document 0's articles.
    let at = a.documents[0].articles.len();
    assert_eq!(columns["article_ids"], serde_json::json!([[at, "001-lead"]]));
    assert!(!json.to_string().contains(&a.documents[0].articles[0].id), "numbered ids are left out");
    let back = read_catalog(json.to_string().as_bytes(), "c.json").unwrap();
    assert_eq!(back, catalog);
    for (d, entry) in a.documents.iter().zip(&back.documents) {
        assert_eq!(entry.articles.iter().map(|x| &x.id).collect::<Vec<_>>(), d.articles.iter().map(|x| &x.id).collect::<Vec<_>>());
    }
    // Columns of different lengths are refused.
    let mut cut = json.clone();
    cut["documents"]["name"].as_array_mut().unwrap().pop();
    assert!(matches!(read_catalog(cut.to_string().as_bytes(), "c.json"), Err(ReadError::Unreadable { .. })));
    let mut cut = json;
    cut["documents"]["share"].as_array_mut().unwrap().pop();
    assert!(matches!(read_catalog(cut.to_string().as_bytes(), "c.json"), Err(ReadError::Unreadable { .. })));
}

#[test]
fn a_reader_refuses_another_format_a_damaged_file_and_a_fragment_of_another_document() {
    let (a, texts, shares) = seeds();
    let (mut catalog, files) = publish_in_memory(&a, &texts, &shares);
    let fragment0 = &files[&catalog.documents[0].fragment];
    assert!(matches!(read_fragment(fragment0, &catalog.documents[1]), Err(ReadError::WrongDocument { .. })));
    assert!(matches!(read_fragment(&fragment0[..fragment0.len() / 2], &catalog.documents[0]), Err(ReadError::Unreadable { .. })));
    assert!(matches!(read_catalog(b"{\"format\":1", "c.json"), Err(ReadError::Unreadable { .. })));
    catalog.format = FORMAT + 1;
    let bytes = serde_json::to_vec(&catalog).unwrap();
    assert_eq!(read_catalog(&bytes, "c.json"), Err(ReadError::Format(FORMAT + 1)));
    // A fetch that fails stops the read with its error.
    catalog.format = FORMAT;
    let failed = read_back::<ReadError>(&catalog, &mut |name| Err(ReadError::Unreadable { file: name.to_owned(), detail: "gone".into() }));
    assert!(failed.is_err());
}

/// The seeds' documents copied until there are `n`, each with an id of its
/// own (a corpus larger than a catalog part, without analysing one).
fn copied_to(n: usize) -> (Analysis, Vec<String>, Vec<Vec<f64>>) {
    let (a, texts, shares) = seeds();
    let mut big = Analysis { passages: a.passages.clone(), ..Default::default() };
    let (mut big_texts, mut big_shares) = (Vec::new(), Vec::new());
    for i in 0..n {
        let k = i % a.documents.len();
        let mut doc = a.documents[k].clone();
        if i >= a.documents.len() {
            doc.id = format!("copy-{i:05}.txt");
            doc.name = format!("copy {i}");
            for (j, art) in doc.articles.iter_mut().enumerate() {
                art.id = format!("{}#{}", doc.id, j + 1);
            }
        }
        big.documents.push(doc);
        big_texts.push(texts[k].clone());
        big_shares.push(shares[k].clone());
    }
    (big, big_texts, big_shares)
}

#[test]
fn a_large_catalog_lists_its_documents_and_leaves_titles_and_fragments_to_parts_of_a_set_size() {
    use tongwen::published::{full_entry, read_part, PART_DOCUMENTS};
    let n = 2 * PART_DOCUMENTS + 7;
    let (a, texts, shares) = copied_to(n);
    let (catalog, files) = publish_in_memory(&a, &texts, &shares);
    assert_eq!((catalog.parts.len(), catalog.part_documents), (3, PART_DOCUMENTS));
    let json = serde_json::to_vec(&catalog).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    for left_out in ["title", "fragment", "body_chars", "share"] {
        assert!(value["documents"].get(left_out).is_none(), "{left_out} is the parts'");
    }
    assert_eq!(value["documents"]["articles"].as_array().unwrap().len(), n, "every document's number of articles");
    let read = read_catalog(&json, "catalog.json").unwrap();
    assert_eq!(read, catalog);
    // Each document points at the part that lists it, and finds itself
    // there in full.
    let parts: HashMap<&str, Vec<tongwen::published::CatalogDocument>> = catalog.parts.iter().map(|p| (p.as_str(), read_part(&files[p], p).unwrap())).collect();
    for (i, entry) in read.documents.iter().enumerate() {
        assert!(entry.is_partial() && entry.fragment.is_empty());
        assert_eq!(entry.part.as_deref(), Some(catalog.parts[i / PART_DOCUMENTS].as_str()), "document {i}");
        assert_eq!(entry.articles.len(), a.documents[i].articles.len());
        assert!(entry.articles.iter().all(|x| x.title.is_none()));
        let full = full_entry(entry, |p| parts.get(p).map(Vec::as_slice)).unwrap();
        assert!(!full.is_partial());
        assert_eq!(full.id, a.documents[i].id);
        assert_eq!(full.articles.iter().map(|x| &x.title).collect::<Vec<_>>(), a.documents[i].articles.iter().map(|x| &x.title).collect::<Vec<_>>());
        assert_eq!(read_fragment(&files[&full.fragment], &full).unwrap().doc, a.documents[i]);
    }
    assert_eq!(parts.values().map(Vec::len).collect::<std::collections::BTreeSet<_>>(), [7, PART_DOCUMENTS].into());
    // A part that does not list the document is an error, not a guess.
    let last = read.documents.last().unwrap();
    assert!(matches!(full_entry(last, |_| Some(&parts[catalog.parts[0].as_str()][..])), Err(ReadError::Unreadable { .. })));
    assert!(full_entry(last, |_| None).is_err());
    // The whole analysis reads back through the parts.
    let (back, back_texts, _) = read_back::<ReadError>(&catalog, &mut |name| Ok(files[name].clone())).unwrap();
    assert_eq!(back, a);
    assert_eq!(back_texts, texts);
    // A catalog that needs a part it does not name is refused.
    let mut cut = value.clone();
    cut["parts"].as_array_mut().unwrap().pop();
    assert!(matches!(read_catalog(cut.to_string().as_bytes(), "c.json"), Err(ReadError::Unreadable { .. })));
    // The catalog is the smaller for it: under a third of the size written whole.
    let whole = serde_json::to_vec(&Catalog { parts: vec![], part_documents: 0, documents: parts.values().flatten().cloned().collect(), ..catalog.clone() }).unwrap();
    assert!(json.len() * 3 < whole.len(), "{} bytes against {}", json.len(), whole.len());
}

#[test]
fn a_catalog_of_up_to_a_part_is_written_whole_and_a_format_1_catalog_still_reads() {
    use tongwen::published::PART_DOCUMENTS;
    let (a, texts, shares) = copied_to(PART_DOCUMENTS);
    let (catalog, files) = publish_in_memory(&a, &texts, &shares);
    assert!(catalog.parts.is_empty() && catalog.documents.iter().all(|d| !d.is_partial() && !d.fragment.is_empty()));
    // Its fragments, one passage file and the stories: no part.
    assert_eq!(files.len(), PART_DOCUMENTS + 2);
    let mut value: serde_json::Value = serde_json::to_value(&catalog).unwrap();
    assert!(value.get("parts").is_none() && value.get("part_documents").is_none());
    value["format"] = 1.into();
    let old = read_catalog(value.to_string().as_bytes(), "c.json").unwrap();
    assert_eq!(old.documents, catalog.documents);
}
