//! Every action of the reducer, and the effects each change calls for.

use std::rc::Rc;

use tongwen::analysis::Stage;
use tongwen::corpus::CorpusMeta;
use tongwen::protocol::{ArticleWords, DocumentOut, Request};
use tongwen::reuse::Settings;
use tongwen::search::{ArticleHits, Field, Hit, SearchResults};
use tongwen::segment::{KeywordMethod, UserWord};
use tongwen::view::{Route, Shown};

/// The URL effect of moving to `route` with the default settings.
fn shows(route: Route) -> Effect {
    Effect::ShowRoute { route, shown: Shown::default(), replace: false }
}

use super::*;
use crate::problems::{Failure, Problem, Refusal, StoreError};

/// Three papers. a and b print the same report (b in its second
/// article); c prints only its lead, and a sports item a prints too. So a
/// has three passages: the lead (a, b, c), the rest (a, b), the sports
/// item (a, c).
fn corpus() -> (Vec<Source>, Vec<Passage>, Vec<Vec<f64>>) {
    let lead = "新华社北京6月18日电 国家主席习近平结束出席第二届中国—中亚峰会后乘专机回到北京。";
    let rest = "随同出访的有蔡奇、王毅等。此次活动成果丰硕，各方一致认为合作前景广阔，双方将继续深化各领域务实合作。";
    let sports = "本报讯 昨晚的比赛中，主队以三比一战胜客队，球迷们欢欣鼓舞，久久不愿离去。";
    let texts = [
        ("a.txt", format!("习近平回到北京\n\n{lead}{rest}\n\n\n体育新闻\n\n{sports}\n")),
        ("b.txt", format!("本地新闻\n\n本报讯 今天天气晴朗，市民外出踏青，公园里游人如织，一派热闹景象。\n\n\n习近平回到北京\n\n{lead}{rest}\n")),
        ("c.txt", format!("习近平回国\n\n{lead}\n\n\n体育新闻\n\n{sports}\n")),
    ];
    let (analysis, texts) = tongwen::analysis::analyze_corpus_with(texts.iter().map(|(id, t)| (*id, t.as_bytes())), Settings::default(), &mut |_| ());
    let shares = tongwen::view::shared_shares(&analysis.documents, &analysis.passages);
    let sources = analysis.documents.into_iter().zip(texts).zip(shares.clone()).map(|((doc, text), shares)| Source::from_output(DocumentOut { doc, text, shares }).0).collect();
    (sources, analysis.passages, shares)
}

fn loaded() -> AppState {
    let mut state = AppState::default();
    let (sources, passages, shares) = corpus();
    state.reduce(Action::Loaded(sources, passages, shares));
    state
}

/// A state whose words are ready.
fn with_words() -> AppState {
    let mut state = loaded();
    state.reduce(Action::WordsReady(Vec::new()));
    state
}

fn asks(effects: &[Effect]) -> Vec<&Request> {
    effects.iter().filter_map(|e| if let Effect::Ask(r) = e { Some(r) } else { None }).collect()
}

fn hit_results(query: &str, doc: usize, article: usize) -> SearchResults {
    let hit = Hit { field: Field::Paragraph(0), begin: 3, end: 5, whole_word: true, before: String::new(), matched: query.into(), after: String::new() };
    SearchResults { query: query.into(), articles: vec![ArticleHits { doc: DocIndex(doc), article, count: 1, whole_words: 1, hits: vec![hit] }], total: 1, ..Default::default() }
}

#[test]
fn a_loaded_corpus_is_ready_and_a_new_one_starts_at_the_top() {
    let mut state = AppState::default();
    assert_eq!(state.status, Status::Loading);
    let (sources, passages, shares) = corpus();
    let effects = state.reduce(Action::Loaded(sources.clone(), passages.clone(), shares.clone()));
    assert_eq!(state.status, Status::Ready);
    assert_eq!(state.sources.len(), 3);
    assert!(!state.passages.is_empty(), "the shared report is a passage");
    assert_eq!(effects, [shows(Route::Read { doc: "a.txt".into(), article: 0 })], "the URL says what is on screen");
    // The same corpus analyzed again keeps the reader's place.
    state.reduce(Action::SelectArticle(1, 1));
    state.reduce(Action::Loaded(sources.clone(), passages.clone(), shares.clone()));
    assert_eq!((state.selected, state.article), (1, 1));
    // Another corpus starts at its beginning, and a compare view whose
    // passage is gone closes.
    state.reduce(Action::Compare(0, 0));
    state.reduce(Action::Loaded(sources[..2].to_vec(), Vec::new(), shares[..2].to_vec()));
    assert_eq!((state.selected, state.article, state.view), (0, 0, View::Read));
}

/// The test corpus published: its catalog and each document's fragment.
fn published() -> (tongwen::published::Catalog, Vec<tongwen::published::Fragment>) {
    let (sources, passages, shares) = corpus();
    let analysis = tongwen::Analysis { documents: sources.iter().map(|s| (*s.doc).clone()).collect(), passages };
    let texts: Vec<String> = sources.iter().map(|s| s.text.to_string()).collect();
    let mut files = std::collections::HashMap::new();
    let catalog = tongwen::published::publish::<()>(&analysis, &texts, &shares, &mut |bytes| {
        let name = format!("fragments/{}.json", files.len());
        files.insert(name.clone(), bytes.to_vec());
        Ok(name)
    })
    .unwrap();
    let passages: std::collections::HashMap<&str, Vec<Passage>> =
        files.iter().filter(|(n, b)| b.starts_with(b"[") && **n != catalog.stories).map(|(n, b)| (n.as_str(), tongwen::published::read_passages(b, n).unwrap())).collect();
    let fragments = catalog
        .documents
        .iter()
        .map(|entry| {
            let file = tongwen::published::read_fragment(&files[&entry.fragment], entry).unwrap();
            tongwen::published::Fragment::assemble(file, |name| passages.get(name).map(Vec::as_slice))
        })
        .collect();
    (catalog, fragments)
}

#[test]
fn a_published_corpus_shows_its_first_fragment_and_lists_the_rest_from_the_catalog() {
    let (catalog, fragments) = published();
    let (sources, passages, shares) = corpus();
    // The second document alone: the others as the catalog lists them.
    let (documents, some) = published_documents(&catalog, vec![(1, fragments[1].clone())]);
    assert_eq!(documents.len(), 3);
    assert_eq!(documents[1].0, sources[1], "a fragment gives the whole document");
    for i in [0, 2] {
        let (awaited, meters) = &documents[i];
        assert!(awaited.awaited.is_some() && awaited.text.is_empty() && awaited.chars.is_empty());
        assert_eq!((&awaited.doc.id, awaited.doc.chars, &awaited.doc.encoding), (&sources[i].doc.id, sources[i].doc.chars, &sources[i].doc.encoding));
        let titles = |s: &Source| s.doc.articles.iter().map(|a| (a.id.clone(), a.title.clone())).collect::<Vec<_>>();
        assert_eq!(titles(awaited), titles(&sources[i]));
        assert!(awaited.doc.articles.iter().all(|a| a.paragraphs.is_empty()));
        assert_eq!(meters, &shares[i]);
        for k in 0..sources[i].doc.articles.len() {
            assert_eq!(awaited.body_chars(k), sources[i].body_chars(k), "the catalog's lengths stand in");
            assert!(awaited.body_chars(k) > 0);
        }
        assert_eq!(awaited.body_chars(99), 0);
    }
    // Only the passages b takes part in, each once, in id order.
    let with_b: Vec<&Passage> = passages.iter().filter(|p| p.members.iter().any(|m| m.doc == "b.txt")).collect();
    assert_eq!(some.iter().collect::<Vec<_>>(), with_b);
    assert!(some.len() < passages.len(), "the sports item is not among them");
    // Every fragment, in any order: the whole analysis, each passage once.
    let all: Vec<(usize, tongwen::published::Fragment)> = fragments.into_iter().enumerate().rev().collect();
    let (documents, every) = published_documents(&catalog, all);
    assert_eq!(documents.into_iter().map(|(s, m)| (s, m)).collect::<Vec<_>>(), sources.into_iter().zip(shares).collect::<Vec<_>>());
    assert_eq!(every, passages);
}

/// A state showing the published test corpus with the fragments of
/// `docs` in, the others awaited; and the passages those brought.
fn showing(catalog: &tongwen::published::Catalog, fragments: &[tongwen::published::Fragment], docs: &[usize]) -> (AppState, Vec<Passage>) {
    let mut state = AppState::default();
    let (documents, some) = published_documents(catalog, docs.iter().map(|&i| (i, fragments[i].clone())).collect());
    let (sources, shares): (Vec<_>, Vec<_>) = documents.into_iter().unzip();
    state.reduce(Action::Loaded(sources, some.clone(), shares));
    (state, some)
}

#[test]
fn a_comparison_stays_on_its_passage_when_more_fragments_arrive() {
    let (catalog, fragments) = published();
    let (mut state, some) = showing(&catalog, &fragments, &[2]);
    // c's last passage, the sports item, is not the last of the whole list.
    let at = some.len() - 1;
    state.reduce(Action::Compare(some[at].id, 0));
    let View::Compare { left, right, .. } = state.view else { panic!("{:?}", state.view) };
    let (documents, every) = published_documents(&catalog, fragments.into_iter().enumerate().collect());
    let moved = every.iter().position(|p| *p == some[at]).unwrap();
    assert_ne!(moved, at, "the passage's place moves");
    let (sources, shares): (Vec<_>, Vec<_>) = documents.into_iter().unzip();
    let mut whole = state.clone();
    whole.reduce(Action::Loaded(sources, every.clone(), shares));
    assert_eq!(whole.view, View::Compare { passage: moved, left, right });
    // The same when the others arrive as fragments.
    state.reduce(Action::FragmentsArrived(fragments_of(&catalog, &[0, 1])));
    assert_eq!(*state.passages, every);
    assert_eq!(state.view, View::Compare { passage: moved, left, right });
    // A click drawn before they came names the passage by id: the same one.
    state.reduce(Action::CloseCompare);
    state.reduce(Action::Compare(some[at].id, 0));
    assert_eq!(state.view, View::Compare { passage: moved, left, right });
    // A list without it closes the comparison.
    state.reduce(Action::Loaded(whole.sources.to_vec(), Vec::new(), whole.shares.to_vec()));
    assert_eq!(state.view, View::Read);
}

#[test]
fn passages_that_come_after_their_fragments_join_the_list_once_in_id_order() {
    let (catalog, fragments) = published();
    let (mut state, some) = showing(&catalog, &fragments, &[2]);
    let (_, every) = published_documents(&catalog, fragments.clone().into_iter().enumerate().collect());
    state.reduce(Action::Compare(some[0].id, 0));
    let View::Compare { left, right, .. } = state.view else { panic!("{:?}", state.view) };
    // Document 0's text, shown before its passage files came.
    let mut bare = fragments_of(&catalog, &[0]);
    let later = std::mem::take(&mut bare[0].1.passages);
    assert!(!later.is_empty());
    state.reduce(Action::FragmentsArrived(bare));
    assert!(state.sources[0].awaited.is_none(), "its text is in");
    assert_eq!(*state.passages, some, "no passage yet");
    // Then its passages, some of them known already, one twice.
    let mut arriving = later.clone();
    arriving.push(later[0].clone());
    arriving.reverse();
    state.reduce(Action::PassagesArrived(arriving));
    let mut want: Vec<Passage> = some.iter().chain(&later).cloned().collect();
    want.sort_by_key(|p| p.id);
    want.dedup_by_key(|p| p.id);
    assert_eq!(*state.passages, want);
    assert!(want.len() < some.len() + later.len(), "some were known");
    assert!(state.passages.iter().all(|p| every.contains(p)));
    // The comparison stays on its passage, wherever it moved.
    let at = state.passages.iter().position(|p| *p == some[0]).unwrap();
    assert_eq!(state.view, View::Compare { passage: at, left, right });
    // Nothing new: nothing changes.
    let before = state.clone();
    state.reduce(Action::PassagesArrived(later));
    assert_eq!(*state.passages, *before.passages);
}

#[test]
fn full_catalog_entries_give_awaited_sources_their_titles_and_meters_and_nothing_else() {
    let (catalog, fragments) = published();
    // A large catalog's entries: each only its number of articles.
    let partial = |e: &tongwen::published::CatalogDocument| {
        let articles = e.articles.iter().map(|a| tongwen::published::CatalogArticle { id: a.id.clone(), title: None, body_chars: 0, share: 0.0 }).collect();
        tongwen::published::CatalogDocument { articles, fragment: String::new(), part: Some("fragments/part.json".into()), ..e.clone() }
    };
    let thin = tongwen::published::Catalog { documents: catalog.documents.iter().map(partial).collect(), ..catalog.clone() };
    let (mut state, _) = showing(&thin, &fragments, &[0]);
    assert!(state.sources[1].doc.articles.iter().all(|a| a.title.is_none()));
    let whole_before = state.sources[0].clone();
    let full = |i: usize| (i, Rc::new(catalog.documents[i].clone()));
    // Another document's entry at its place, and a whole source's: ignored.
    state.reduce(Action::EntriesArrived(vec![(1, Rc::new(catalog.documents[2].clone())), full(0)]));
    assert!(state.sources[1].doc.articles.iter().all(|a| a.title.is_none()));
    assert_eq!(state.sources[0], whole_before);
    state.reduce(Action::EntriesArrived(vec![full(1)]));
    let titles = |s: &Source| s.doc.articles.iter().map(|a| a.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&state.sources[1]), catalog.documents[1].articles.iter().map(|a| a.title.clone()).collect::<Vec<_>>());
    assert!(state.sources[1].awaited.as_ref().is_some_and(|e| !e.is_partial()), "still awaited: no text yet");
    assert_eq!(state.shares[1], catalog.documents[1].articles.iter().map(|a| a.share).collect::<Vec<_>>());
    assert_eq!(state.sources[1].body_chars(0), catalog.documents[1].articles[0].body_chars);
    // Its fragment then fills it in as before.
    state.reduce(Action::FragmentsArrived(fragments_of(&catalog, &[1])));
    assert!(state.sources[1].awaited.is_none());
}

/// The fragments of these documents of the test corpus, published.
fn fragments_of(catalog: &tongwen::published::Catalog, docs: &[usize]) -> Vec<(usize, tongwen::published::Fragment)> {
    let (_, fragments) = published();
    assert_eq!(catalog.documents.len(), fragments.len());
    docs.iter().map(|&i| (i, fragments[i].clone())).collect()
}

#[test]
fn opening_a_source_whose_fragment_is_awaited_fetches_it_and_the_next_and_its_arrival_fills_it_in() {
    let (catalog, fragments) = published();
    let mut state = AppState::default();
    let (documents, passages) = published_documents(&catalog, vec![(0, fragments[0].clone())]);
    let (sources, shares): (Vec<_>, Vec<_>) = documents.into_iter().unzip();
    // (Loaded by hand: its effects are the point.)
    let effects = state.reduce(Action::Loaded(sources, passages, shares));
    assert!(!effects.iter().any(|e| matches!(e, Effect::FetchFragments(_))), "the first is here: {effects:?}");
    let fetches = |effects: &[Effect]| -> Vec<Vec<usize>> {
        effects.iter().filter_map(|e| if let Effect::FetchFragments(w) = e { Some(w.iter().map(|(i, _)| *i).collect()) } else { None }).collect()
    };
    // The second: it and the third.
    let effects = state.reduce(Action::Select(1));
    assert_eq!(fetches(&effects), [vec![1, 2]]);
    let Some(Effect::FetchFragments(wanted)) = effects.iter().find(|e| matches!(e, Effect::FetchFragments(_))) else { unreachable!() };
    assert_eq!(wanted[0].1.fragment, catalog.documents[1].fragment, "what the catalog says of it");
    // A fragment put where another document is listed is left out.
    let (_, wrong) = fragments_of(&catalog, &[2]).remove(0);
    state.reduce(Action::FragmentsArrived(vec![(1, wrong)]));
    assert!(state.sources[1].awaited.is_some());
    // Its own arrives: it is whole, and its passages are in.
    let before = state.passages.len();
    let effects = state.reduce(Action::FragmentsArrived(fragments_of(&catalog, &[1])));
    assert!(fetches(&effects).is_empty(), "nothing more to fetch for the source on screen");
    assert!(state.sources[1].awaited.is_none() && !state.sources[1].text.is_empty());
    assert!(state.passages.len() >= before);
    let mut ids: Vec<usize> = state.passages.iter().map(|p| p.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), state.passages.len(), "each passage once");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "in id order");
    // The last source: nothing after it to prefetch.
    assert_eq!(fetches(&state.reduce(Action::Select(2))), [vec![2]]);
    // A loaded source asks for nothing.
    assert!(fetches(&state.reduce(Action::Select(0))).is_empty());
    assert!(fetches(&state.reduce(Action::SelectArticle(1, 0))).is_empty());
}

#[test]
fn a_published_corpus_counts_every_passage_while_its_fragments_arrive() {
    let (catalog, fragments) = published();
    let (mut state, some) = showing(&catalog, &fragments, &[2]);
    state.reduce(Action::PassagesInAll(catalog.passages));
    assert!(some.len() < catalog.passages);
    assert_eq!(state.passage_count(), catalog.passages, "the catalog's count, not the first fragment's");
    state.reduce(Action::FragmentsArrived(fragments_of(&catalog, &[0])));
    assert_eq!(state.passage_count(), catalog.passages);
    // All here: the count is the list's again (a new analysis may find fewer).
    state.reduce(Action::FragmentsArrived(fragments_of(&catalog, &[1])));
    assert_eq!(state.passages_in_all, None);
    assert_eq!(state.passage_count(), state.passages.len());
    state.reduce(Action::Loaded(state.sources.to_vec(), Vec::new(), state.shares.to_vec()));
    assert_eq!(state.passage_count(), 0);
    // Another corpus opened forgets it.
    state.reduce(Action::PassagesInAll(7));
    state.reduce(Action::CorpusOpened(None));
    assert_eq!(state.passage_count(), 0);
}

#[test]
fn progress_failure_crash_and_cancel_set_the_status() {
    let mut state = AppState::default();
    state.reduce(Action::Progress(Stage::Reflow(1, 3)));
    assert_eq!(state.status, Status::Analyzing(Stage::Reflow(1, 3)));
    state.reduce(Action::Cancelled);
    assert_eq!(state.status, Status::Cancelled, "cancelled with nothing loaded");
    let mut state = loaded();
    state.reduce(Action::Progress(Stage::Passages));
    state.reduce(Action::Cancelled);
    assert_eq!(state.status, Status::Ready, "cancelled: what was shown stays");
    let full = Problem::Storage(StoreError::Full);
    state.reduce(Action::Failed(full.clone()));
    assert_eq!(state.status, Status::Failed(full));
    state.reduce(Action::Crashed("out of memory".into()));
    assert_eq!(state.status, Status::Crashed("out of memory".into()));
}

#[test]
fn selecting_sources_and_articles_stays_in_range() {
    let mut state = loaded();
    state.reduce(Action::ToggleRaw);
    state.reduce(Action::SelectArticle(1, 99));
    assert_eq!((state.selected, state.article), (1, state.sources[1].doc.articles.len() - 1));
    assert!(!state.raw, "a new article opens reflowed");
    state.reduce(Action::Select(2));
    assert_eq!((state.selected, state.article), (2, 0));
    state.reduce(Action::Select(7));
    state.reduce(Action::SelectArticle(7, 0));
    assert_eq!(state.selected, 2, "no such source: nothing moves");
    state.reduce(Action::ToggleRaw);
    assert!(state.raw);
}

#[test]
fn compare_opens_on_the_fullest_other_paper_and_steps_through_one_papers_passages() {
    let mut state = loaded();
    let p = &state.passages[0];
    let left = p.members.iter().position(|m| m.doc == "a.txt").unwrap();
    let right = p.members.iter().position(|m| m.doc == "b.txt").unwrap();
    let effects = state.reduce(Action::Compare(0, left));
    assert_eq!(state.view, View::Compare { passage: 0, left, right });
    assert_eq!(effects, [shows(Route::Compare { passage: 0, left, right })]);
    // A left member past the end is the last one; a passage past the end does nothing.
    state.reduce(Action::Compare(99, 0));
    assert_eq!(state.view, View::Compare { passage: 0, left, right });
    // The right witness: never the left one, never out of range.
    state.reduce(Action::CompareWith(left));
    state.reduce(Action::CompareWith(99));
    assert_eq!(state.view, View::Compare { passage: 0, left, right });
    // Stepping wraps around a's own passages and never visits b's copies.
    let before = state.view;
    state.reduce(Action::Step(1));
    let View::Compare { passage, left: l, .. } = state.view else { panic!() };
    assert_eq!(state.passages[passage].members[l].doc, "a.txt");
    let count = state.reading_order("a.txt").len();
    for _ in 1..count {
        state.reduce(Action::Step(1));
    }
    assert_eq!(state.view, before, "stepping {count} times comes back");
    state.reduce(Action::Step(-1));
    state.reduce(Action::Step(1));
    assert_eq!(state.view, before);
    // Compare two given members, as the overview's matrix does.
    state.reduce(Action::CompareMembers(0, right, left));
    assert_eq!(state.view, View::Compare { passage: 0, left: right, right: left });
    assert_eq!(state.sources[state.selected].doc.id, "b.txt", "the left member's article is shown");
    state.reduce(Action::CompareMembers(0, left, left));
    assert_eq!(state.view, View::Compare { passage: 0, left: right, right: left }, "a member is never compared with itself");
}

#[test]
fn escape_closes_the_shortcuts_first_then_compare() {
    let mut state = loaded();
    state.reduce(Action::Compare(0, 0));
    state.reduce(Action::ToggleHelp);
    assert!(state.help);
    state.reduce(Action::CloseCompare);
    assert!(!state.help && matches!(state.view, View::Compare { .. }));
    state.reduce(Action::CloseCompare);
    assert_eq!(state.view, View::Read);
    state.reduce(Action::ShowOverview);
    assert_eq!(state.view, View::Overview);
}

#[test]
fn navigating_follows_links_and_says_when_one_names_nothing() {
    let mut state = loaded();
    state.reduce(Action::Navigate(Route::Read { doc: "b.txt".into(), article: 1 }));
    assert_eq!((state.selected, state.article, state.view), (1, 1, View::Read));
    state.reduce(Action::Navigate(Route::Overview));
    assert_eq!(state.view, View::Overview);
    state.reduce(Action::Navigate(Route::Compare { passage: 0, left: 0, right: 1 }));
    assert_eq!(state.view, View::Compare { passage: 0, left: 0, right: 1 });
    let reading = (state.selected, state.article);
    // No such document, no such article, no such passage or member: the
    // page says so, keeps the article read before, and leaves the URL be.
    let articles_in_b = state.sources[1].doc.articles.len();
    for bad in [
        Route::Read { doc: "nope.txt".into(), article: 0 },
        Route::Read { doc: "b.txt".into(), article: articles_in_b },
        Route::Compare { passage: 999, left: 0, right: 1 },
        Route::Compare { passage: 0, left: 0, right: 99 },
    ] {
        let effects = state.reduce(Action::Navigate(bad.clone()));
        assert_eq!((state.view, state.missing.as_ref()), (View::Missing, Some(&bad)));
        assert_eq!((state.selected, state.article), reading);
        assert!(effects.is_empty(), "the URL keeps the link followed: {effects:?}");
    }
    // Choosing an article leaves the page that said so.
    state.reduce(Action::SelectArticle(0, 0));
    assert_eq!((state.view, state.missing.clone()), (View::Read, None));
    state.reduce(Action::Navigate(Route::Read { doc: "nope.txt".into(), article: 0 }));
    state.reduce(Action::Select(2));
    assert_eq!((state.view, state.selected), (View::Read, 2));
    // A good link after a bad one clears it.
    state.reduce(Action::Navigate(Route::Compare { passage: 999, left: 0, right: 1 }));
    state.reduce(Action::Navigate(Route::Overview));
    assert_eq!((state.view, state.missing.clone()), (View::Overview, None));
}

#[test]
fn new_settings_are_clamped_and_analysed_again_once() {
    let mut state = loaded();
    let effects = state.reduce(Action::Settings(Settings { min_len: 3, ..Settings::default() }));
    assert_eq!(state.settings.min_len, 8);
    let shown = Shown { settings: state.settings, words: false };
    let read = Route::Read { doc: "a.txt".into(), article: 0 };
    assert_eq!(effects, [Effect::Reanalyze(state.settings), Effect::ShowRoute { route: read, shown, replace: false }], "analysed again, and the URL says so");
    assert!(state.reduce(Action::Settings(state.settings)).is_empty(), "the same settings: no new analysis");
}

#[test]
fn a_link_followed_brings_its_settings_and_word_view_and_one_without_keeps_them() {
    let mut state = loaded();
    let shown = Shown { settings: Settings { min_len: 300, stock: true, boilerplate: true }, words: true };
    let effects = state.reduce(Action::FollowLink(Route::Overview, Some(shown)));
    assert_eq!((state.settings.min_len, state.settings.stock, state.settings.boilerplate, state.word_view), (200, true, true, true), "clamped");
    assert!(effects.contains(&Effect::Reanalyze(state.settings)), "{effects:?}");
    assert_eq!(state.view, View::Overview);
    state.reduce(Action::FollowLink(Route::Read { doc: "b.txt".into(), article: 0 }, None));
    assert_eq!((state.settings.min_len, state.word_view, state.selected), (200, true, 1), "no query: the settings stay");
}

#[test]
fn a_search_is_a_link_and_typing_rewrites_it_without_a_history_step() {
    let mut state = loaded();
    state.reduce(Action::FollowLink(Route::Search { query: "中亚".into(), concordance: true }, None));
    assert_eq!((state.query.as_str(), &state.view), ("中亚", &View::Search { concordance: true }));
    let effects = state.reduce(Action::Query("中亚峰会".into()));
    let route = Route::Search { query: "中亚峰会".into(), concordance: true };
    assert!(effects.contains(&Effect::ShowRoute { route, shown: Shown::default(), replace: true }), "{effects:?}");
    let effects = state.reduce(Action::ShowOverview);
    assert!(effects.contains(&shows(Route::Overview)), "leaving the search is a step back can undo: {effects:?}");
}

#[test]
fn a_published_corpus_with_a_search_index_is_searched_by_the_page_not_the_worker() {
    let search = |e: &[Effect]| -> Vec<String> { e.iter().filter_map(|e| if let Effect::SearchPublished(q) = e { Some(q.clone()) } else { None }).collect() };
    let mut state = loaded();
    state.reduce(Action::WordsFailed(tongwen::protocol::Failure::TooLargeForWords { documents: 100 }));
    let effects = state.reduce(Action::Query("中亚".into()));
    assert!(search(&effects).is_empty() && asks(&effects).is_empty(), "without an index nothing searches: {effects:?}");
    state.reduce(Action::PublishedSearch);
    assert!(state.published_search);
    let effects = state.reduce(Action::Query("中亚峰会".into()));
    assert_eq!(search(&effects), ["中亚峰会"]);
    assert!(asks(&effects).is_empty(), "never the worker: {effects:?}");
    // The same query again (a space typed after it): no new search.
    assert!(search(&state.reduce(Action::Query("中亚峰会 ".into()))).is_empty());
    assert!(search(&state.reduce(Action::Query(String::new()))).is_empty(), "an empty query closes the results");
    // Focusing the box fetches the index's root ahead, once.
    assert!(state.reduce(Action::SearchFocused).contains(&Effect::WarmPublishedSearch));
    assert!(!state.reduce(Action::SearchFocused).contains(&Effect::WarmPublishedSearch));
    let mut plain = loaded();
    assert!(plain.reduce(Action::SearchFocused).is_empty(), "the worker searches: nothing to fetch ahead");
    // Results for another query than the box's are not shown.
    state.reduce(Action::Query("合作".into()));
    state.reduce(Action::Found(tongwen::search::SearchResults { query: "中亚".into(), total: 3, ..Default::default() }));
    assert!(state.found.is_none());
    state.reduce(Action::Found(tongwen::search::SearchResults { query: "合作".into(), total: 3, ..Default::default() }));
    assert_eq!(state.found.as_ref().map(|f| f.total), Some(3));
}

#[test]
fn a_large_published_corpus_s_overview_fetches_its_stories_once() {
    let fetches = |e: &[Effect]| -> Vec<String> { e.iter().filter_map(|e| if let Effect::FetchStories(f) = e { Some(f.clone()) } else { None }).collect() };
    let mut state = loaded();
    assert!(fetches(&state.reduce(Action::ShowOverview)).is_empty(), "a corpus with no stories file");
    state.reduce(Action::Navigate(Route::Read { doc: "a.txt".into(), article: 0 }));
    state.reduce(Action::PublishedStories("fragments/stories.json".into()));
    assert!(fetches(&state.reduce(Action::Select(1))).is_empty(), "not before the overview is shown");
    assert_eq!(fetches(&state.reduce(Action::ShowOverview)), ["fragments/stories.json"]);
    assert!(fetches(&state.reduce(Action::ShowOverview)).is_empty(), "once on screen");
    state.reduce(Action::Navigate(Route::Read { doc: "a.txt".into(), article: 0 }));
    // Not arrived yet (it failed): asked again the next time.
    assert_eq!(fetches(&state.reduce(Action::ShowOverview)).len(), 1);
    state.reduce(Action::StoriesArrived(Rc::new(vec![tongwen::published::CatalogStory { story: 0, passages: vec![1], articles: vec!["a.txt#1".into()], length: 90 }])));
    assert_eq!(state.corpus_stories.as_ref().map(|s| s.len()), Some(1));
    state.reduce(Action::Navigate(Route::Read { doc: "a.txt".into(), article: 0 }));
    assert!(fetches(&state.reduce(Action::ShowOverview)).is_empty(), "arrived: never again");
}

#[test]
fn words_are_asked_for_the_article_on_screen_once_they_are_ready() {
    let mut state = loaded();
    assert!(asks(&state.reduce(Action::Segmenting(1, 3))).is_empty(), "not before the words are ready");
    assert_eq!(state.words, WordsStatus::Segmenting(1, 3));
    let effects = state.reduce(Action::WordsReady(Vec::new()));
    assert_eq!(state.words, WordsStatus::Ready);
    assert_eq!(asks(&effects), [&Request::Words { doc: DocIndex(0), article: 0, method: KeywordMethod::TfIdf }]);
    let effects = state.reduce(Action::SelectArticle(1, 1));
    assert_eq!(asks(&effects), [&Request::Words { doc: DocIndex(1), article: 1, method: KeywordMethod::TfIdf }]);
    let effects = state.reduce(Action::KeywordMethod(KeywordMethod::TextRank));
    assert_eq!(asks(&effects), [&Request::Words { doc: DocIndex(1), article: 1, method: KeywordMethod::TextRank }]);
    assert!(asks(&state.reduce(Action::ToggleWordView)).is_empty());
    assert!(state.word_view);
    // Words for another article, or by another method, are not shown here.
    let words = |doc, article, method| ArticleWords { doc: DocIndex(doc), article, method, ends: vec![vec![2]], keywords: vec![("北京".into(), 1.0)] };
    state.reduce(Action::GotWords(words(0, 0, KeywordMethod::TextRank)));
    state.reduce(Action::GotWords(words(1, 1, KeywordMethod::TfIdf)));
    assert_eq!(state.article_words, None);
    state.reduce(Action::GotWords(words(1, 1, KeywordMethod::TextRank)));
    assert!(state.article_words.is_some());
    // Moving on drops them.
    state.reduce(Action::Select(0));
    assert_eq!(state.article_words, None);
    let gone = Failure::Load { url: "dict/dict.txt.gz".into(), detail: "HTTP 404".into() };
    state.reduce(Action::WordsFailed(gone.clone()));
    assert_eq!(state.words, WordsStatus::Failed(gone));
}

#[test]
fn user_words_are_saved_and_sent_and_the_dictionary_panel_toggles() {
    let mut state = loaded();
    let words = vec![UserWord { word: "中亚峰会".into(), freq: None, tag: None }];
    let effects = state.reduce(Action::SetUserWords(words.clone()));
    assert_eq!(effects, [Effect::SaveUserWords(Rc::new(words.clone())), Effect::Ask(Request::UserWords(words))]);
    state.reduce(Action::ToggleDictionary);
    assert!(state.dictionary_open);
}

#[test]
fn enter_before_the_results_arrive_opens_the_best_hit_when_they_do() {
    let mut state = with_words();
    state.reduce(Action::Query("北".into()));
    state.reduce(Action::Found(hit_results("北", 0, 0)));
    state.reduce(Action::Query("北京".into()));
    // The results on screen are for 北, not 北京: Enter waits for 北京's.
    state.reduce(Action::OpenFirstHit);
    assert_eq!(state.view, View::Search { concordance: false }, "nothing opens yet");
    let effects = state.reduce(Action::Found(hit_results("北京", 1, 1)));
    assert_eq!((state.selected, state.article, state.view), (1, 1, View::Read));
    assert!(effects.contains(&shows(Route::Read { doc: "b.txt".into(), article: 1 })));
    // Typing after Enter cancels it: the next results only show.
    state.reduce(Action::Query("上".into()));
    state.reduce(Action::OpenFirstHit);
    state.reduce(Action::Query("上海".into()));
    state.reduce(Action::Found(hit_results("上海", 0, 0)));
    assert_eq!(state.view, View::Search { concordance: false });
    // Results with no hit open nothing and leave nothing pending.
    state.reduce(Action::Query("无".into()));
    state.reduce(Action::Found(SearchResults { query: "无".into(), ..Default::default() }));
    state.reduce(Action::OpenFirstHit);
    assert_eq!(state.view, View::Search { concordance: false });
    assert!(!state.open_first_hit);
}

#[test]
fn search_follows_the_query_and_enter_opens_the_best_hit() {
    let mut state = with_words();
    let effects = state.reduce(Action::Query("北京 ".into()));
    assert_eq!(state.view, View::Search { concordance: false });
    assert_eq!(asks(&effects), [&Request::Search("北京".into())]);
    // Results for an older query are dropped.
    state.reduce(Action::Found(hit_results("上海", 1, 1)));
    assert_eq!(state.found, None);
    state.reduce(Action::Found(hit_results("北京", 1, 1)));
    assert!(state.found.is_some());
    let effects = state.reduce(Action::OpenFirstHit);
    assert_eq!((state.selected, state.article, state.view), (1, 1, View::Read));
    assert_eq!(state.focus, Some((Field::Paragraph(0), 3)), "the hit is shown");
    assert!(effects.contains(&shows(Route::Read { doc: "b.txt".into(), article: 1 })));
    // An empty query closes the results.
    state.reduce(Action::ShowSearch { concordance: true });
    state.reduce(Action::Query("  ".into()));
    assert_eq!((state.view, state.found.is_none(), state.focus), (View::Read, true, None));
    // A word's concordance.
    let effects = state.reduce(Action::Concordance("王毅".into()));
    assert_eq!(state.view, View::Search { concordance: true });
    assert_eq!(asks(&effects), [&Request::Search("王毅".into())]);
    // A hit in a source that is not there opens nothing.
    state.reduce(Action::OpenHit(DocIndex(9), 0, Field::Title, 0));
    assert_eq!(state.view, View::Search { concordance: true });
    // New words (the user's dictionary changed) search again.
    let effects = state.reduce(Action::WordsReady(Vec::new()));
    assert!(asks(&effects).contains(&&Request::Search("王毅".into())));
}

#[test]
fn opening_another_corpus_clears_the_screen_and_the_same_one_keeps_it() {
    let meta = |id: &str| CorpusMeta { id: id.into(), name: id.into(), documents: Vec::new() };
    let mut state = loaded();
    state.reduce(Action::SelectArticle(1, 1));
    state.reduce(Action::CorpusOpened(None));
    assert_eq!((state.status.clone(), state.selected, state.sources.len()), (Status::Loading, 1, 3), "the same (built-in) corpus again");
    state.reduce(Action::CorpusOpened(Some(meta("x"))));
    assert_eq!((state.selected, state.article, state.sources.len()), (0, 0, 0));
    assert_eq!(state.words, WordsStatus::Waiting);
    state.reduce(Action::CorpusRenamed(meta("y")));
    assert_eq!(state.corpus, Some(meta("y")));
    state.reduce(Action::Corpora(vec![meta("x"), meta("y")]));
    assert_eq!(state.corpora.len(), 2);
    state.reduce(Action::Rejected(vec![("a.png".into(), Refusal::Binary { kind: tongwen::intake::BinaryKind::Png })]));
    assert_eq!(state.rejected.len(), 1);
    state.reduce(Action::Notice(Some(Problem::IntakeStopped)));
    assert_eq!(state.notice, Some(Problem::IntakeStopped));
}

#[test]
fn sources_show_the_names_their_reader_gave_them_across_analyses_and_a_blank_one_gives_back_the_found_name() {
    let names = |state: &AppState| state.sources.iter().map(|s| s.doc.name.clone()).collect::<Vec<_>>();
    let given = |pairs: &[(&str, &str)]| pairs.iter().map(|(id, n)| (id.to_string(), n.to_string())).collect::<tongwen::masthead::GivenNames>();
    let mut state = loaded();
    assert_eq!(names(&state), ["a", "b", "c"]);
    let before = state.sources.clone();
    state.reduce(Action::NameSources(given(&[("a.txt", "  ")])));
    assert!(Rc::ptr_eq(&before, &state.sources), "nothing renamed, nothing copied");
    state.reduce(Action::NameSources(given(&[("b.txt", " 人民日报 "), ("z.txt", "无")])));
    assert_eq!(names(&state), ["a", "人民日报", "c"]);
    // A new analysis (another setting) comes with the engine's names.
    let (sources, passages, shares) = corpus();
    state.reduce(Action::Loaded(sources, passages, shares));
    assert_eq!(names(&state), ["a", "人民日报", "c"]);
    state.reduce(Action::NameSources(given(&[("a.txt", "新疆日报")])));
    assert_eq!(names(&state), ["新疆日报", "b", "c"], "b is taken back");
    assert_eq!(&*state.sources[0].found_name, "a");
}

#[test]
fn the_url_is_set_only_when_ready_and_only_when_it_changes() {
    let mut state = AppState::default();
    assert!(state.reduce(Action::Select(0)).is_empty(), "nothing on screen yet");
    let mut state2 = loaded();
    assert!(state2.reduce(Action::ToggleRaw).is_empty(), "the same route");
    state.reduce(Action::Progress(Stage::Passages));
    assert!(!state.reduce(Action::ShowOverview).iter().any(|e| matches!(e, Effect::ShowRoute { .. })), "analyzing: the URL waits");
    // Search results have no route of their own.
    let effects = state2.reduce(Action::ShowSearch { concordance: false });
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn the_corpus_gives_a_three_passages() {
    let state = loaded();
    let docs: Vec<Vec<&str>> = state.passages.iter().map(|p| p.members.iter().map(|m| m.doc.as_str()).collect()).collect();
    assert_eq!(state.reading_order("a.txt").len(), 3, "{docs:?}");
}

#[test]
fn out_of_range_indices_change_nothing_and_the_last_member_stands_in() {
    let mut state = loaded();
    let (sources, passages) = (state.sources.len(), state.passages.len());
    state.reduce(Action::Select(1));
    state.reduce(Action::Select(sources));
    state.reduce(Action::SelectArticle(sources, 0));
    assert_eq!(state.selected, 1, "one past the last source is no source");
    state.reduce(Action::Compare(passages, 0));
    assert_eq!(state.view, View::Read, "one past the last passage is no passage");
    // A member past the end is the passage's last member.
    let last = state.passages[0].members.len() - 1;
    state.reduce(Action::Compare(0, 99));
    let View::Compare { left, right, .. } = state.view else { panic!("{:?}", state.view) };
    assert_eq!(left, last);
    // Any other member can be the right one; one past the last cannot.
    let other = (0..=last).find(|&m| m != left && m != right);
    state.reduce(Action::CompareWith(last + 1));
    assert_eq!(state.view, View::Compare { passage: 0, left, right });
    if let Some(other) = other {
        state.reduce(Action::CompareWith(other));
        assert_eq!(state.view, View::Compare { passage: 0, left, right: other });
    }
}

#[test]
fn stepping_visits_each_of_a_papers_passages_in_print_order() {
    let mut state = loaded();
    let order = state.reading_order("a.txt");
    let (p0, m0) = order[0];
    state.reduce(Action::CompareMembers(p0, m0, state.passages[p0].members.iter().position(|m| m.doc != "a.txt").unwrap()));
    let mut seen = vec![(p0, m0)];
    for _ in 1..order.len() {
        state.reduce(Action::Step(1));
        let View::Compare { passage, left, .. } = state.view else { panic!() };
        seen.push((passage, left));
    }
    assert_eq!(seen, order, "n walks a's passages in the order a prints them");
    state.reduce(Action::Step(-1));
    let View::Compare { passage, left, .. } = state.view else { panic!() };
    assert_eq!((passage, left), order[order.len() - 2], "p goes back one");
}

#[test]
fn a_compare_view_closes_only_when_its_passage_is_gone() {
    let (sources, passages, shares) = corpus();
    let mut state = loaded();
    state.reduce(Action::Compare(1, 0));
    // The same corpus analyzed again, every passage still there: it stays.
    state.reduce(Action::Loaded(sources.clone(), passages.clone(), shares.clone()));
    assert!(matches!(state.view, View::Compare { passage: 1, .. }));
    // The same corpus, fewer passages (a longer minimum): passage 1 is gone.
    state.reduce(Action::Loaded(sources, passages[..1].to_vec(), shares));
    assert_eq!(state.view, View::Read);
}

#[test]
fn an_empty_query_asks_for_no_search_and_nothing_asks_twice() {
    let mut state = with_words();
    let effects = state.reduce(Action::Query("   ".into()));
    assert!(asks(&effects).is_empty(), "{effects:?}");
    assert_eq!(asks(&state.reduce(Action::Query("北京".into()))), [&Request::Search("北京".into())]);
    // What changes neither the query, the article nor the words asks nothing.
    for action in [Action::ToggleRaw, Action::ToggleHelp, Action::ToggleWordView, Action::ShowSearch { concordance: true }] {
        let effects = state.reduce(action.clone());
        assert!(asks(&effects).is_empty(), "{action:?}: {effects:?}");
    }
}
