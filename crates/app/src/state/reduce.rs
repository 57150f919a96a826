//! [`AppState::reduce`]: every action, and the effects of the change.

use std::rc::Rc;

use tongwen::protocol::Request;

use tongwen::view::Route;

use super::{default_right, Action, AppState, DocIndex, Effect, Source, Status, View, WordsStatus};

impl AppState {
    /// Applies `action`, and returns what the change asks of the world.
    pub fn reduce(&mut self, action: Action) -> Vec<Effect> {
        let before = Watched::of(self);
        self.apply(action);
        self.effects_since(&before)
    }

    fn apply(&mut self, action: Action) {
        let next = self;
        let before = (next.selected, next.article, Rc::clone(&next.sources));
        let opening_hit = matches!(action, Action::OpenHit(..));
        match action {
            Action::Loaded(sources, passages, shares) => {
                // A new analysis of the same corpus keeps the reader where they were.
                let keep = next.sources.len() == sources.len();
                next.shares = Rc::new(shares);
                next.sources = Rc::new(sources);
                next.show_given_names();
                if !keep {
                    next.selected = 0;
                    next.article = 0;
                    next.passages = Rc::default();
                }
                next.replace_passages(passages);
                next.forget_count_once_whole();
                next.status = Status::Ready;
            }
            Action::PassagesInAll(count) => next.passages_in_all = Some(count),
            Action::FragmentsArrived(fragments) => {
                let mut arrived = Vec::new();
                let sources = Rc::make_mut(&mut next.sources);
                for (i, mut fragment) in fragments {
                    // Only into the document the catalog listed there.
                    if sources.get(i).is_some_and(|s| s.awaited.is_some() && s.doc.id == fragment.doc.id) {
                        arrived.append(&mut fragment.passages);
                        sources[i] = Source::from_fragment(fragment).0;
                    }
                }
                next.show_given_names();
                next.add_passages(arrived);
            }
            Action::PassagesArrived(passages) => next.add_passages(passages),
            Action::PublishedSearch => next.published_search = true,
            // The index's root (155 KB for 17,476 pages) on its way while
            // the reader types, once.
            Action::SearchFocused => next.search_warmed |= next.published_search,
            Action::PublishedStories(file) => next.stories_file = Some(file),
            Action::StoriesArrived(stories) => next.corpus_stories = Some(stories),
            Action::EntriesArrived(entries) => {
                // Only into a source still awaited whose entry is partial.
                let fill: Vec<(usize, Rc<tongwen::published::CatalogDocument>)> = entries
                    .into_iter()
                    .filter(|(i, e)| !e.is_partial() && next.sources.get(*i).and_then(|s| s.awaited.as_ref()).is_some_and(|a| a.is_partial() && a.id == e.id))
                    .collect();
                if !fill.is_empty() {
                    let sources = Rc::make_mut(&mut next.sources);
                    let shares = Rc::make_mut(&mut next.shares);
                    for (i, entry) in fill {
                        let (source, meters) = Source::awaited(&entry);
                        sources[i] = source;
                        if let Some(slot) = shares.get_mut(i) {
                            *slot = meters;
                        }
                    }
                    next.show_given_names();
                }
            }
            Action::Failed(message) => next.status = Status::Failed(message),
            Action::Crashed(message) => next.status = Status::Crashed(message),
            Action::Progress(stage) => next.status = Status::Analyzing(stage),
            Action::Settings(settings) => next.settings = settings.clamped(),
            Action::Cancelled => next.status = if next.sources.is_empty() { Status::Cancelled } else { Status::Ready },
            Action::Select(i) if i < next.sources.len() => {
                next.selected = i;
                next.article = 0;
                next.leave_missing();
            }
            Action::SelectArticle(i, a) if i < next.sources.len() => {
                next.leave_missing();
                next.selected = i;
                next.article = a.min(next.sources[i].doc.articles.len().saturating_sub(1));
                next.raw = false;
            }
            Action::Select(_) | Action::SelectArticle(..) => {}
            Action::ToggleRaw => next.raw = !next.raw,
            Action::Compare(id, left) if next.passages.iter().any(|p| p.id == id) => {
                let passage = next.passages.iter().position(|p| p.id == id).unwrap_or_default();
                let p = &next.passages[passage];
                let left = left.min(p.members.len() - 1);
                next.view = View::Compare { passage, left, right: default_right(p, left) };
                next.go_to_member(passage, left);
            }
            Action::CompareWith(right) => {
                if let View::Compare { passage, left, .. } = next.view {
                    if right < next.passages[passage].members.len() && right != left {
                        next.view = View::Compare { passage, left, right };
                    }
                }
            }
            Action::Step(dir) => {
                if let View::Compare { passage, left, .. } = next.view {
                    let doc = next.passages[passage].members[left].doc.clone();
                    let list = next.reading_order(&doc);
                    if let Some(k) = list.iter().position(|&(p, m)| p == passage && m == left) {
                        let k = (k as i32 + dir).rem_euclid(list.len() as i32) as usize;
                        let (p, m) = list[k];
                        next.view = View::Compare { passage: p, left: m, right: default_right(&next.passages[p], m) };
                        next.go_to_member(p, m);
                    }
                }
            }
            Action::Compare(..) => {}
            Action::CloseCompare => {
                // Esc closes the shortcuts box first, then leaves compare.
                if next.help {
                    next.help = false;
                } else {
                    next.view = View::Read;
                }
            }
            Action::ToggleHelp => next.help = !next.help,
            Action::Segmenting(done, total) => next.words = WordsStatus::Segmenting(done, total),
            Action::WordsReady(candidates) => {
                next.words = WordsStatus::Ready;
                next.words_generation += 1;
                next.candidates = Rc::new(candidates);
            }
            Action::WordsFailed(message) => next.words = WordsStatus::Failed(message),
            Action::GotWords(words) => {
                let here = next.sources.get(next.selected).is_some();
                if here && words.doc == DocIndex(next.selected) && words.article == next.article && words.method == next.keyword_method {
                    next.article_words = Some(Rc::new(words));
                }
            }
            Action::Found(found) => {
                if found.query == next.query.trim() {
                    next.found = Some(Rc::new(found));
                    if std::mem::take(&mut next.open_first_hit) {
                        return next.apply(Action::OpenFirstHit);
                    }
                }
            }
            Action::ToggleWordView => next.word_view = !next.word_view,
            Action::KeywordMethod(method) => next.keyword_method = method,
            Action::Query(query) => {
                if query.trim().is_empty() {
                    if matches!(next.view, View::Search { .. }) {
                        next.view = View::Read;
                    }
                    next.found = None;
                } else if !matches!(next.view, View::Search { .. }) {
                    next.view = View::Search { concordance: false };
                }
                next.query = query;
                next.focus = None;
                next.open_first_hit = false;
            }
            Action::Concordance(word) => {
                next.query = word;
                next.found = None;
                next.view = View::Search { concordance: true };
            }
            Action::ShowSearch { concordance } => next.view = View::Search { concordance },
            Action::OpenHit(DocIndex(doc), article, field, begin) => {
                if let Some(source) = next.sources.get(doc) {
                    next.selected = doc;
                    next.article = article.min(source.doc.articles.len().saturating_sub(1));
                    next.view = View::Read;
                    next.raw = false;
                    next.focus = Some((field, begin));
                }
            }
            Action::OpenFirstHit => {
                // Only results for the query as it reads now; older ones may
                // still be on screen while the new ones are on their way.
                let current = next.found.as_ref().filter(|f| f.query == next.query.trim());
                match current.map(|f| f.articles.first().and_then(|g| g.hits.first().map(|h| (g.doc, g.article, h.field, h.begin)))) {
                    Some(Some(hit)) => return next.apply(Action::OpenHit(hit.0, hit.1, hit.2, hit.3)),
                    Some(None) => {}
                    None => next.open_first_hit = !next.query.trim().is_empty(),
                }
            }
            Action::SetUserWords(words) => next.user_words = Rc::new(words),
            Action::ToggleDictionary => next.dictionary_open = !next.dictionary_open,
            Action::Corpora(list) => next.corpora = Rc::new(list),
            // The same corpus again (a file re-encoded or renamed): keep the
            // reader's place; another corpus starts at its beginning.
            Action::CorpusOpened(meta) if next.corpus.as_ref().map(|c| &c.id) == meta.as_ref().map(|m| &m.id) && !next.sources.is_empty() => {
                next.corpus = meta;
                next.status = Status::Loading;
                next.passages_in_all = None;
            }
            Action::CorpusOpened(meta) => {
                next.corpus = meta;
                next.status = Status::Loading;
                next.sources = Rc::new(Vec::new());
                next.passages = Rc::new(Vec::new());
                next.passages_in_all = None;
                next.shares = Rc::new(Vec::new());
                next.selected = 0;
                next.article = 0;
                next.view = View::Read;
                next.found = None;
                next.words = WordsStatus::Waiting;
            }
            Action::CorpusRenamed(meta) => next.corpus = Some(meta),
            Action::NameSources(names) => {
                next.given_names = Rc::new(names);
                next.show_given_names();
            }
            Action::Rejected(list) => next.rejected = Rc::new(list),
            Action::Notice(notice) => next.notice = notice,
            Action::ShowOverview => next.view = View::Overview,
            Action::CompareMembers(passage, left, right) => {
                next.open_compare(passage, left, right);
            }
            Action::FollowLink(route, shown) => {
                if let Some(shown) = shown {
                    next.settings = shown.settings.clamped();
                    next.word_view = shown.words;
                }
                next.apply(Action::Navigate(route));
            }
            Action::Navigate(route) => {
                let found = match &route {
                    Route::Search { query, concordance } => {
                        next.query = query.clone();
                        next.view = View::Search { concordance: *concordance };
                        true
                    }
                    Route::Overview => {
                        next.view = View::Overview;
                        true
                    }
                    Route::Read { doc, article } => match next.sources.iter().position(|s| &s.doc.id == doc) {
                        Some(i) if *article < next.sources[i].doc.articles.len() => {
                            next.selected = i;
                            next.article = *article;
                            next.view = View::Read;
                            true
                        }
                        _ => false,
                    },
                    Route::Compare { passage, left, right } => next.open_compare(*passage, *left, *right),
                };
                // A link to nothing: the article read before stays selected,
                // and the page says what was not found.
                next.missing = (!found).then_some(route);
                if !found {
                    next.view = View::Missing;
                }
            }
        }
        // Words and a hit to show belong to one article.
        if (next.selected, next.article) != (before.0, before.1) || !Rc::ptr_eq(&next.sources, &before.2) {
            next.article_words = None;
            if !opening_hit {
                next.focus = None;
            }
        }
    }

    /// Puts in a new list of passages. A comparison stays open on the same
    /// passage, wherever the new list has it (a published corpus's
    /// passages arrive with their fragments, so their places move), and
    /// closes if it has not.
    fn replace_passages(&mut self, passages: Vec<tongwen::model::Passage>) {
        let old = std::mem::replace(&mut self.passages, Rc::new(passages));
        if let View::Compare { passage, left, right } = self.view {
            self.view = match old.get(passage).and_then(|p| self.passages.iter().position(|q| q == p)) {
                Some(passage) => View::Compare { passage, left, right },
                None => View::Read,
            };
        }
    }

    /// Adds a published corpus's passages that came with fragments or
    /// after them: each once, the list kept in id order.
    fn add_passages(&mut self, arrived: Vec<tongwen::model::Passage>) {
        let known: std::collections::HashSet<usize> = self.passages.iter().map(|p| p.id).collect();
        let mut new: Vec<tongwen::model::Passage> = arrived.into_iter().filter(|p| !known.contains(&p.id)).collect();
        if !new.is_empty() {
            new.sort_by_key(|p| p.id);
            new.dedup_by_key(|p| p.id);
            let mut all: Vec<tongwen::model::Passage> = Vec::with_capacity(self.passages.len() + new.len());
            all.extend(self.passages.iter().cloned());
            all.append(&mut new);
            all.sort_by_key(|p| p.id);
            self.replace_passages(all);
        }
        self.forget_count_once_whole();
    }

    /// Names the sources as the reader did, or as the engine found.
    fn show_given_names(&mut self) {
        let shown = |s: &Source| tongwen::masthead::shown_name(&s.doc.id, &s.found_name, &self.given_names).to_owned();
        let renamed: Vec<(usize, String)> = self.sources.iter().enumerate().map(|(i, s)| (i, shown(s))).filter(|(i, name)| *name != self.sources[*i].doc.name).collect();
        if !renamed.is_empty() {
            let sources = Rc::make_mut(&mut self.sources);
            for (i, name) in renamed {
                Rc::make_mut(&mut sources[i].doc).name = name;
            }
        }
    }

    /// Back to reading from the page that said a link named nothing.
    fn leave_missing(&mut self) {
        if self.view == View::Missing {
            self.view = View::Read;
            self.missing = None;
        }
    }

    /// The effects of going from `before` to this state: what the screen
    /// now needs from the worker, what to save, and the URL to show.
    fn effects_since(&self, before: &Watched) -> Vec<Effect> {
        let now = Watched::of(self);
        let mut effects = Vec::new();
        if now.settings != before.settings {
            effects.push(Effect::Reanalyze(self.settings));
        }
        if now.user_words != before.user_words {
            effects.push(Effect::SaveUserWords(self.user_words.clone()));
            effects.push(Effect::Ask(Request::UserWords(self.user_words.to_vec())));
        }
        // Words becoming ready always counts a new generation, so a change
        // of generation is what asks again. The article's words follow the
        // screen, and come again when the words are indexed anew.
        let ready = self.words == WordsStatus::Ready;
        if ready && (now.article != before.article || now.generation != before.generation) {
            effects.push(Effect::Ask(Request::Words { doc: DocIndex(self.selected), article: self.article, method: self.keyword_method }));
        }
        if !now.query.is_empty() && (now.query != before.query || now.generation != before.generation) {
            if ready {
                effects.push(Effect::Ask(Request::Search(now.query.clone())));
            } else if self.published_search {
                effects.push(Effect::SearchPublished(now.query.clone()));
            }
        }
        // A published corpus's source opened before its fragment came:
        // fetch it, and the next one, which the reader likely opens next.
        if now.article.0 != before.article.0 || now.article.3 != before.article.3 {
            let awaited = |i: usize| Some((i, Rc::clone(self.sources.get(i)?.awaited.as_ref()?)));
            let wanted: Vec<_> = awaited(self.selected).into_iter().chain(awaited(self.selected + 1)).collect();
            if wanted.first().is_some_and(|(i, _)| *i == self.selected) {
                effects.push(Effect::FetchFragments(wanted));
            }
        }
        if self.search_warmed && !before.search_warmed {
            effects.push(Effect::WarmPublishedSearch);
        }
        // A large published corpus's overview lists every story from its
        // stories file, fetched the first time the overview is shown.
        if now.overview && !before.overview && self.corpus_stories.is_none() {
            if let Some(file) = &self.stories_file {
                effects.push(Effect::FetchStories(file.clone()));
            }
        }
        if let Some((route, shown)) = now.route.filter(|r| Some(r) != before.route.as_ref()) {
            // Typing a query rewrites the link; it does not add a step to Back.
            let replace = matches!((&route, &before.route), (Route::Search { .. }, Some((Route::Search { .. }, _))));
            effects.push(Effect::ShowRoute { route, shown, replace });
        }
        effects
    }
}

/// What the effects of a change depend on, taken before and after it (a
/// few fields, not a copy of the state).
struct Watched {
    settings: tongwen::reuse::Settings,
    user_words: *const Vec<tongwen::segment::UserWord>,
    /// The article on screen: (source, article, keyword method, the sources' identity).
    article: (usize, usize, tongwen::segment::KeywordMethod, *const Vec<crate::state::Source>),
    generation: u32,
    query: String,
    /// The overview is on screen.
    overview: bool,
    search_warmed: bool,
    /// The URL for what is shown, and its settings, once the analysis is ready.
    route: Option<(Route, tongwen::view::Shown)>,
}

impl Watched {
    fn of(s: &AppState) -> Self {
        Watched {
            settings: s.settings,
            user_words: Rc::as_ptr(&s.user_words),
            article: (s.selected, s.article, s.keyword_method, Rc::as_ptr(&s.sources)),
            generation: s.words_generation,
            query: s.query.trim().to_owned(),
            overview: s.view == View::Overview,
            search_warmed: s.search_warmed,
            route: if s.status == Status::Ready { s.route().map(|r| (r, s.shown())) } else { None },
        }
    }
}

