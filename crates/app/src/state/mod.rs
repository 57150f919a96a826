//! The app's state and how actions change it: pure Rust, no yew and no
//! web-sys, so every action is tested natively (`cargo test -p
//! tongwen-app`). Components render an [`AppState`] and send [`Action`]s;
//! [`AppState::reduce`] returns the [`Effect`]s a change calls for (ask the
//! worker, save the user's words, set the URL), which `effects.rs` carries
//! out in the browser.

use std::rc::Rc;

use tongwen::model::{DocIndex, DocumentAnalysis, Passage};

use crate::problems::{Failure, Problem, Refusal};

mod reduce;
#[cfg(test)]
mod tests;

/// A loaded document: the engine's analysis plus the decoded text it refers to.
///
/// Every part is behind an `Rc` and the whole is `Eq`: a list of 17,000
/// sources is cloned (`Rc::make_mut`) by counting references, and two
/// states' lists compare (yew compares props on every render) by pointer
/// first, not field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Its `name` is the one shown: the reader's, or else `found_name`.
    pub doc: Rc<DocumentAnalysis>,
    /// The name the engine found ([`tongwen::masthead`]).
    pub found_name: Rc<str>,
    pub text: Rc<str>,
    /// The same text as code points, which all offsets count.
    pub chars: Rc<Vec<char>>,
    /// A published corpus's document whose fragment is still on its way:
    /// what the catalog says of it. `doc` then has its articles' ids and
    /// titles but no text.
    pub awaited: Option<Rc<tongwen::published::CatalogDocument>>,
}

// Sources must stay `Eq` (see above): this stops compiling if they are not.
const _: fn() = || {
    fn compared_by_pointer_first<T: Eq>() {}
    compared_by_pointer_first::<Vec<Source>>();
};

impl Source {
    /// A document of a result (the worker's or a precomputed one), with
    /// its share meters.
    pub fn from_output(d: tongwen::protocol::DocumentOut) -> (Self, Vec<f64>) {
        (Source { chars: Rc::new(d.text.chars().collect()), text: Rc::from(d.text.as_str()), found_name: Rc::from(d.doc.name.as_str()), doc: Rc::new(d.doc), awaited: None }, d.shares)
    }

    /// A document of a published corpus, from its fragment.
    pub fn from_fragment(f: tongwen::published::Fragment) -> (Self, Vec<f64>) {
        Source::from_output(tongwen::protocol::DocumentOut { doc: f.doc, text: f.text, shares: f.shares })
    }

    /// A document of a published corpus as its catalog lists it, before
    /// its fragment arrives: names, titles and meters, no text.
    pub fn awaited(entry: &tongwen::published::CatalogDocument) -> (Self, Vec<f64>) {
        let articles = entry.articles.iter().map(|a| tongwen::model::Article { id: a.id.clone(), title: a.title.clone(), ..Default::default() }).collect();
        let doc = DocumentAnalysis {
            id: entry.id.clone(),
            name: entry.name.clone(),
            paper: entry.paper.clone(),
            date: entry.date.clone(),
            chars: entry.chars,
            encoding: entry.encoding.clone(),
            articles,
            ..Default::default()
        };
        let shares = entry.articles.iter().map(|a| a.share).collect();
        (Source { found_name: Rc::from(entry.name.as_str()), doc: Rc::new(doc), text: Rc::from(""), chars: Rc::default(), awaited: Some(Rc::new(entry.clone())) }, shares)
    }

    /// Non-space characters of article `k`'s body (the catalog's count
    /// while the fragment is on its way).
    pub fn body_chars(&self, k: usize) -> usize {
        match &self.awaited {
            Some(entry) => entry.articles.get(k).map_or(0, |a| a.body_chars),
            None => self.doc.articles.get(k).map_or(0, tongwen::model::Article::body_chars),
        }
    }
}

/// A published corpus on the page: every document of the catalog, whole
/// where its fragment is among `fragments` (catalog index, fragment) and
/// [`Source::awaited`] where not; and every passage those fragments hold,
/// once, in id order.
pub fn published_documents(catalog: &tongwen::published::Catalog, fragments: Vec<(usize, tongwen::published::Fragment)>) -> (Vec<(Source, Vec<f64>)>, Vec<Passage>) {
    let mut documents: Vec<(Source, Vec<f64>)> = catalog.documents.iter().map(Source::awaited).collect();
    let mut passages = std::collections::BTreeMap::new();
    for (i, mut fragment) in fragments {
        for p in std::mem::take(&mut fragment.passages) {
            passages.entry(p.id).or_insert(p);
        }
        if let Some(slot) = documents.get_mut(i) {
            *slot = Source::from_fragment(fragment);
        }
    }
    (documents, passages.into_values().collect())
}

/// What the main pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Read,
    /// The article × article heat map and the list of passages.
    Overview,
    /// Two witnesses of a passage side by side: (passage, left member, right member).
    Compare { passage: usize, left: usize, right: usize },
    /// Search results: by article, or as a concordance (keyword in context).
    Search { concordance: bool },
    /// A link named an article or passage this corpus does not have
    /// ([`AppState::missing`]); the page says so and offers the way back.
    Missing,
}

/// Where the word engine stands; reading never waits for it.
#[derive(Debug, Clone, PartialEq)]
pub enum WordsStatus {
    /// Waiting for the analysis, or fetching the dictionary.
    Waiting,
    /// Segmenting the corpus: (documents done, total).
    Segmenting(usize, usize),
    Ready,
    Failed(Failure),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Loading,
    /// The worker is analyzing: the stage it reported last.
    Analyzing(tongwen::analysis::Stage),
    Ready,
    Failed(Problem),
    /// The reader stopped the analysis before anything was shown.
    Cancelled,
    /// The worker stopped (the browser's message says why); a new one was started.
    Crashed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub status: Status,
    pub sources: Rc<Vec<Source>>,
    pub selected: usize,
    /// The article being read in the selected source.
    pub article: usize,
    /// Show the raw page instead of the reflowed article.
    pub raw: bool,
    pub passages: Rc<Vec<Passage>>,
    /// While some of a published corpus's documents are awaited, the
    /// passages it holds in all ([`AppState::passage_count`]).
    pub passages_in_all: Option<usize>,
    pub view: View,
    /// Per source, per article: share of the body found elsewhere.
    pub shares: Rc<Vec<Vec<f64>>>,
    /// Reuse settings; changing them re-runs the analysis in the worker.
    pub settings: tongwen::reuse::Settings,
    /// The keyboard shortcuts box is open.
    pub help: bool,
    pub words: WordsStatus,
    /// Counts the times words became ready, so views ask again.
    pub words_generation: u32,
    /// Show word boundaries in the text.
    pub word_view: bool,
    pub keyword_method: tongwen::segment::KeywordMethod,
    /// Words and keywords of the article being read, when the worker sent them.
    pub article_words: Option<Rc<tongwen::protocol::ArticleWords>>,
    pub candidates: Rc<Vec<tongwen::segment::Candidate>>,
    pub user_words: Rc<Vec<tongwen::segment::UserWord>>,
    pub dictionary_open: bool,
    /// The search box's text; search results are for this query only.
    pub query: String,
    pub found: Option<Rc<tongwen::search::SearchResults>>,
    /// Search goes through a published corpus's chunked index
    /// ([`Action::PublishedSearch`]), not the worker.
    pub published_search: bool,
    /// Its index's root was asked for ([`Effect::WarmPublishedSearch`]).
    pub search_warmed: bool,
    /// A large published corpus's stories file, and its stories once
    /// fetched (every story, whatever fragments are here).
    pub stories_file: Option<String>,
    pub corpus_stories: Option<Rc<tongwen::published::Stories>>,
    /// Enter was pressed before the results of the query arrived: the best
    /// hit opens as soon as they do (typing again cancels it).
    pub open_first_hit: bool,
    /// A hit to show and scroll to in the reading pane: (field, begin).
    pub focus: Option<(tongwen::search::Field, usize)>,
    /// The user's stored corpora.
    pub corpora: Rc<Vec<tongwen::corpus::CorpusMeta>>,
    /// The open user corpus; `None` is the built-in one.
    pub corpus: Option<tongwen::corpus::CorpusMeta>,
    /// Files that could not be added, each with why.
    pub rejected: Rc<Vec<(String, Refusal)>>,
    /// A message about storage or exports, until dismissed.
    pub notice: Option<Problem>,
    /// The link that named nothing, while [`View::Missing`] is shown.
    pub missing: Option<tongwen::view::Route>,
    /// The names the reader gave the open corpus's sources; they hold
    /// for every analysis of it.
    pub given_names: Rc<tongwen::masthead::GivenNames>,
}

/// What a change of state asks of the world outside it; the app's effects
/// module carries these out, so the reducer itself stays pure.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Analyze the open corpus again with these settings.
    Reanalyze(tongwen::reuse::Settings),
    /// Send this to the worker.
    Ask(tongwen::protocol::Request),
    /// Remember the user's words across visits.
    SaveUserWords(Rc<Vec<tongwen::segment::UserWord>>),
    /// Make the URL hash say what is on screen, and with which settings
    /// (`replace`: instead of a new history entry, as while typing a query).
    ShowRoute { route: tongwen::view::Route, shown: tongwen::view::Shown, replace: bool },
    /// Fetch the fragments of these sources of a published corpus (the
    /// one on screen, then the next, prefetched, whose failure is not
    /// said): what the catalog says of each.
    FetchFragments(Vec<(usize, Rc<tongwen::published::CatalogDocument>)>),
    /// Fetch the stories file of a large published corpus (the overview's
    /// list of every story, without every fragment).
    FetchStories(String),
    /// Search a published corpus through its chunked index
    /// ([`tongwen::search_chunks`]): the page fetches what the query needs.
    SearchPublished(String),
    /// Fetch the chunked index's root, before the first query needs it.
    WarmPublishedSearch,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Loaded(Vec<Source>, Vec<Passage>, Vec<Vec<f64>>),
    /// Fragments of the open published corpus arrived: (source, fragment).
    FragmentsArrived(Vec<(usize, tongwen::published::Fragment)>),
    /// Passages of a published corpus that came after the fragments of
    /// their documents (a passage file on its way when the text was shown).
    PassagesArrived(Vec<Passage>),
    /// Catalog entries in full of awaited sources (read from their
    /// catalog parts): their titles, lengths and meters, still no text.
    EntriesArrived(Vec<(usize, Rc<tongwen::published::CatalogDocument>)>),
    /// A large published corpus's stories file: its name (the overview
    /// fetches it when first shown).
    PublishedStories(String),
    /// Its stories, fetched.
    StoriesArrived(Rc<tongwen::published::Stories>),
    /// The search box took the focus: a search may come.
    SearchFocused,
    /// The open corpus is published with a chunked search index: the page
    /// searches it itself (the worker cannot hold it whole).
    PublishedSearch,
    /// The open published corpus holds this many passages in all (its
    /// catalog says so before all its fragments are here).
    PassagesInAll(usize),
    Progress(tongwen::analysis::Stage),
    Failed(Problem),
    /// The worker died; a new one is starting and the corpus is kept.
    Crashed(String),
    Select(usize),
    SelectArticle(usize, usize),
    ToggleRaw,
    /// Open the compare view on (passage id, member on the left). By id,
    /// not place: a published corpus's passages move in the list as its
    /// fragments arrive, and a click can land after they moved.
    Compare(usize, usize),
    /// Pick the witness on the right.
    CompareWith(usize),
    /// Step to the next (+1) or previous (-1) passage of the left article.
    Step(i32),
    CloseCompare,
    /// Go where a URL hash points.
    Navigate(tongwen::view::Route),
    /// A link followed (a hash loaded or changed): its settings, if it
    /// says them, then its route.
    FollowLink(tongwen::view::Route, Option<tongwen::view::Shown>),
    Settings(tongwen::reuse::Settings),
    ShowOverview,
    ToggleHelp,
    /// Compare two given members of a passage: (passage, left, right).
    CompareMembers(usize, usize, usize),
    /// Stop the running analysis and keep what was shown before.
    Cancelled,
    Segmenting(usize, usize),
    WordsReady(Vec<tongwen::segment::Candidate>),
    WordsFailed(Failure),
    GotWords(tongwen::protocol::ArticleWords),
    Found(tongwen::search::SearchResults),
    ToggleWordView,
    KeywordMethod(tongwen::segment::KeywordMethod),
    /// Type into the search box (an empty query closes the results).
    Query(String),
    /// Search for a word and show its concordance.
    Concordance(String),
    ShowSearch { concordance: bool },
    /// Open a hit: (document, article, field, begin).
    OpenHit(DocIndex, usize, tongwen::search::Field, usize),
    /// Open the best hit of the current results.
    OpenFirstHit,
    SetUserWords(Vec<tongwen::segment::UserWord>),
    ToggleDictionary,
    Corpora(Vec<tongwen::corpus::CorpusMeta>),
    /// A corpus was opened (`None`: the built-in one); its analysis follows.
    CorpusOpened(Option<tongwen::corpus::CorpusMeta>),
    CorpusRenamed(tongwen::corpus::CorpusMeta),
    /// The reader's names for the open corpus's sources (all of them: a
    /// source left out shows the name the engine found).
    NameSources(tongwen::masthead::GivenNames),
    Rejected(Vec<(String, Refusal)>),
    Notice(Option<Problem>),
}

impl AppState {
    /// The passages the open corpus holds: all of them, even while a
    /// published corpus's fragments (which bring them) are on their way.
    pub fn passage_count(&self) -> usize {
        self.passages_in_all.unwrap_or(self.passages.len())
    }

    /// A published corpus whose documents are all here needs no count of
    /// its own: its passages are all here too.
    fn forget_count_once_whole(&mut self) {
        if !self.sources.iter().any(|s| s.awaited.is_some()) {
            self.passages_in_all = None;
        }
    }
    /// The settings a link to this screen carries.
    pub fn shown(&self) -> tongwen::view::Shown {
        tongwen::view::Shown { settings: self.settings, words: self.word_view }
    }

    /// The URL hash for what is on screen.
    pub fn route(&self) -> Option<tongwen::view::Route> {
        match self.view {
            View::Compare { passage, left, right } => Some(tongwen::view::Route::Compare { passage, left, right }),
            View::Overview => Some(tongwen::view::Route::Overview),
            View::Search { concordance } => {
                let query = self.query.trim();
                (!query.is_empty()).then(|| tongwen::view::Route::Search { query: query.to_owned(), concordance })
            }
            // The URL keeps the link that was followed, with the page
            // saying what it named that is not here.
            View::Missing => None,
            View::Read => self.sources.get(self.selected).map(|s| tongwen::view::Route::Read { doc: s.doc.id.clone(), article: self.article }),
        }
    }

    /// Every witness of every passage in reading order (source, then
    /// position): what `n` and `p` step through.
    /// The passages of one document, as (passage, member), in the order
    /// they are printed: `n`/`p` step through a paper's passages, never
    /// through the other copies of the same passage.
    pub(crate) fn reading_order(&self, doc: &str) -> Vec<(usize, usize)> {
        let doc_index = |id: &str| self.sources.iter().position(|s| s.doc.id == id).unwrap_or(usize::MAX);
        let mut all: Vec<(usize, usize)> = self
            .passages
            .iter()
            .enumerate()
            .flat_map(|(p, x)| (0..x.members.len()).filter(move |&m| x.members[m].doc == doc).map(move |m| (p, m)))
            .collect();
        all.sort_by_key(|&(p, m)| {
            let mem = &self.passages[p].members[m];
            (doc_index(&mem.doc), mem.begin, p)
        });
        all
    }

    /// Compares two members of a passage, if they exist and differ (a
    /// link or a click may name anything), and shows the left one's article.
    pub(crate) fn open_compare(&mut self, passage: usize, left: usize, right: usize) -> bool {
        let Some(p) = self.passages.get(passage) else { return false };
        let exists = left < p.members.len() && right < p.members.len() && left != right;
        if exists {
            self.view = View::Compare { passage, left, right };
            self.go_to_member(passage, left);
        }
        exists
    }

    /// Shows the article a member belongs to.
    pub(crate) fn go_to_member(&mut self, passage: usize, member: usize) {
        let m = &self.passages[passage].members[member];
        if let Some(i) = self.sources.iter().position(|s| s.doc.id == m.doc) {
            self.selected = i;
            self.article = self.sources[i].doc.articles.iter().position(|a| a.id == m.article).unwrap_or(0);
        }
    }
}

/// The witness to compare with: the one with the most text, preferring
/// another document (every member shares the whole passage, so the fullest
/// copy shows the most).
fn default_right(p: &Passage, left: usize) -> usize {
    let doc = &p.members[left].doc;
    let len = |i: usize| p.members[i].text.chars().count();
    let best = |other_doc: bool| (0..p.members.len()).filter(|&i| i != left && (!other_doc || &p.members[i].doc != doc)).max_by_key(|&i| (len(i), std::cmp::Reverse(i)));
    best(true).or(best(false)).unwrap_or(left)
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            status: Status::Loading,
            sources: Rc::new(Vec::new()),
            selected: 0,
            article: 0,
            raw: false,
            passages: Rc::new(Vec::new()),
            passages_in_all: None,
            view: View::Read,
            shares: Rc::new(Vec::new()),
            settings: tongwen::reuse::Settings::default(),
            help: false,
            words: WordsStatus::Waiting,
            words_generation: 0,
            word_view: false,
            keyword_method: Default::default(),
            article_words: None,
            candidates: Rc::new(Vec::new()),
            user_words: Rc::new(Vec::new()),
            dictionary_open: false,
            query: String::new(),
            published_search: false,
            search_warmed: false,
            stories_file: None,
            corpus_stories: None,
            found: None,
            open_first_hit: false,
            focus: None,
            corpora: Rc::new(Vec::new()),
            corpus: None,
            rejected: Rc::new(Vec::new()),
            notice: None,
            missing: None,
            given_names: Rc::default(),
        }
    }
}

