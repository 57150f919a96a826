//! The data model shared by the engine, the CLI's JSON and the web app.
//!
//! Offsets are Unicode code points into the *decoded* input, half-open
//! `[begin, end)`. Every piece of reflowed text carries the spans it came
//! from, so a view can always point back at the raw page.

use crate::text::Space;
use serde::{Deserialize, Serialize};

/// A half-open `[begin, end)` range of code points in the decoded input.
pub type Span = [usize; 2];

/// Input offsets of the non-whitespace characters under `spans`, in order.
/// By the coverage invariant these are exactly a piece's visible characters.
pub fn covered_offsets<'a>(spans: &'a [Span], input: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    spans.iter().flat_map(move |&[b, e]| (b..e.min(input.len())).filter(move |&o| !input[o].is_space()))
}

/// Spans for increasing input offsets of visible characters: offsets merge
/// into one span when only whitespace lies between them in the input (a
/// removed justification space or line break), so a paragraph wrapped over
/// ten lines is one span and one interrupted by a headline is two.
pub fn spans_from_offsets(offsets: impl IntoIterator<Item = usize>, input: &[char]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    // Internal iteration: the adapters a piece's offsets come through
    // (`zip`, `filter`, `map`) fold into one loop.
    offsets.into_iter().for_each(|o| match spans.last_mut() {
        // Most characters come right after the one before.
        Some(last) if o == last[1] => last[1] = o + 1,
        Some(last) if o >= last[1] && input[last[1]..o].iter().all(|c| c.is_space()) => last[1] = o + 1,
        _ => spans.push([o, o + 1]),
    });
    spans
}

/// A piece of display text and where its characters came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Paragraph {
    pub text: String,
    pub spans: Vec<Span>,
    /// A crosshead inside the article (`一、继往开来…`, `“体现高度的政治互信”`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
    /// A dateline opening this paragraph, when an article files from a
    /// second place (`新华社阿斯塔纳6月18日电（记者…）`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dateline_spans: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerKind {
    /// `（下转第三版）`: the article goes on elsewhere.
    ContinuedOn,
    /// `（上接第1版）`: the article started elsewhere.
    ContinuedFrom,
}

/// A page-jump note. Kept out of the body text but never dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub kind: MarkerKind,
    pub text: String,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// Photo captions and credits (`郑坤摄`, `(人民图片)`).
    Caption,
    /// Info-boxes and fact panels (`▶新建项目27个…`).
    Infobox,
    /// Page furniture: headers, footers, mastheads, 版 lines, editors'
    /// credits (`第 21 页`, `本版责编：…`).
    Furniture,
    /// A headline we could not attach to any article.
    Headline,
    /// A second dateline or byline of an article that already has one.
    Dateline,
    Byline,
    /// Anything else that is not running text of an article.
    Fragment,
}

/// Text on the page that belongs to no article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub spans: Vec<Span>,
}

/// One article as the paper printed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    /// `<document id>#<k>`, stable for a given input.
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Outermost extent(s) of the article in the input.
    pub spans: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_spans: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtitle_spans: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub byline_spans: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dateline_spans: Vec<Span>,
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    pub markers: Vec<Marker>,
}

impl Article {
    /// Characters of body text, not counting whitespace.
    pub fn body_chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.text.chars().filter(|c| !c.is_space()).count()).sum()
    }
}

/// Everything the engine knows about one input document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocumentAnalysis {
    /// The input file name; unique within a corpus.
    pub id: String,
    /// What to call the source: `paper · date` from the page's furniture,
    /// else the file name ([`crate::masthead`]); distinct in a corpus.
    pub name: String,
    /// The paper its masthead or 版 lines name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// The date its page header prints, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Length of the decoded text in code points.
    pub chars: usize,
    pub encoding: String,
    /// What the text was read from when it was not a text file: a PDF's
    /// text is its lines in reading order, as [`crate::positioned`] lays
    /// them out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceFormat>,
    /// How many pages the source had, when it had pages (a PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    pub articles: Vec<Article>,
    pub other: Vec<Block>,
    /// Markdown markup read as markup (`## `, paired `**` in a .md file):
    /// not shown, but accounted for, so no input character goes missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markup: Vec<Span>,
    pub warnings: Vec<Warning>,
}

/// A source that was not a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// A PDF, read by layout.
    Pdf,
}

/// Something about a document the reader should know: it was read, but
/// perhaps not as its author meant. Data, so each front end words it
/// (`Display` is the CLI's English) and the JSON stays stable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only whitespace")]
    OnlyWhitespace,
    /// The encoding the user chose is not one a browser knows.
    #[error("unknown encoding `{label}`; detected {detected} instead")]
    UnknownEncoding { label: String, detected: String },
    /// Bytes that were not valid in the encoding, shown as U+FFFD.
    #[error("{count} byte sequence(s) were not valid {encoding}; shown as U+FFFD")]
    InvalidBytes { count: usize, encoding: String },
    #[error("the file contains NUL characters; it may not be text")]
    NulCharacters,
    /// A passim file that could not be read.
    #[error("{file}: {detail}")]
    PassimUnreadable { file: String, detail: String },
    /// A passim record names no document of the corpus.
    #[error("passim record for `{id}`: no such document")]
    PassimNoDocument { id: String },
    /// A passim record's range lies outside its document.
    #[error("passim record for `{id}`: [{begin}, {end}) is outside its {chars} characters")]
    PassimOutside { id: String, begin: usize, end: usize, chars: usize },
    /// A UTF-8 byte-order mark before UTF-16 text (a tool's slip).
    #[error("a UTF-8 byte-order mark stands before {encoding} text; read as {encoding}")]
    Utf8MarkBeforeUtf16 { encoding: String },
    /// Glyphs of a PDF whose fonts say no character for them (no Unicode
    /// mapping): they are shown as U+FFFD.
    #[error("{glyphs} glyph(s) of this PDF map to no character (its fonts lack a Unicode map); shown as U+FFFD")]
    PdfUnmapped { glyphs: usize },
    /// Lines each between blank lines, a long run of them, as pdftotext's
    /// default mode prints side-by-side columns a row at a time on a
    /// loosely set page: their order was read from the text alone.
    #[error("{lines} lines stand each between blank lines, as pdftotext's default mode prints side-by-side columns a row at a time; their order was read from the text alone and some may join the wrong line: `pdftotext -layout` or `-raw`, or the PDF itself, reads them surely")]
    RowsInterleaved { lines: usize },
}

/// A document's place in the corpus (0, 1, …), in the order it was
/// analyzed: what the worker's word index, search results and the page's
/// lists count by. Not its id (the file name, [`DocumentAnalysis::id`],
/// which passages and links name documents by); the two never mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocIndex(pub usize);

/// One witness of a shared passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The document id (input file name).
    pub doc: String,
    /// The article id (`<doc id>#<k>`).
    pub article: String,
    /// Outermost extent in the decoded input, in code points.
    pub begin: usize,
    pub end: usize,
    /// The pieces of the input the passage covers, where it is interrupted.
    pub spans: Vec<Span>,
    /// The display text (the source's own characters; `\n` between paragraphs).
    pub text: String,
}

/// Where two witnesses of a passage differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Indices into the passage's `members`.
    pub members: [usize; 2],
    /// Aligned readings `[first, second]`: the differing characters with
    /// one character of context before them (and after, for an insertion
    /// or deletion), e.g. `分别`/`分享`, `机为`/`机组为`.
    pub readings: Readings,
}

/// A variant's readings, `[first, second]` pairs, in JSON an array of
/// two-string arrays. Kept as one string and where each reading ends: a
/// corpus of reprints has millions of readings of a character or two, and
/// two `String`s each would cost 48 bytes and two allocations a reading
/// (a third of the memory of a 100 MB analysis).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Readings {
    text: String,
    /// Byte offsets into `text`: each reading ends at one, two a pair.
    ends: Vec<u32>,
}

impl Readings {
    pub fn push(&mut self, [first, second]: [&str; 2]) {
        for reading in [first, second] {
            self.text.push_str(reading);
            self.ends.push(u32::try_from(self.text.len()).expect("a variant's readings under 4 GB"));
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = [&str; 2]> + '_ {
        let reading = move |k: usize| {
            let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
            &self.text[start..self.ends[k] as usize]
        };
        (0..self.len()).map(move |i| [reading(2 * i), reading(2 * i + 1)])
    }

    /// Frees what growing left spare (a finished variant is kept).
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

impl<S: AsRef<str>> FromIterator<[S; 2]> for Readings {
    fn from_iter<I: IntoIterator<Item = [S; 2]>>(pairs: I) -> Self {
        let mut readings = Readings::default();
        for [a, b] in pairs {
            readings.push([a.as_ref(), b.as_ref()]);
        }
        readings
    }
}

impl Serialize for Readings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Readings {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<[String; 2]>::deserialize(deserializer)?.into_iter().collect())
    }
}

/// A passage that two or more articles share: one cluster of witnesses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub id: usize,
    /// The story: passages of one reprinted report (a connected set of
    /// alignments) share it. passim's `cluster`.
    #[serde(default)]
    pub story: usize,
    /// Number of members (witnesses).
    pub size: usize,
    pub members: Vec<Member>,
    pub variants: Vec<Variant>,
    /// Reuse, a stock phrase, or boilerplate (the last two shown only on
    /// request).
    #[serde(default)]
    pub kind: PassageKind,
}

/// What a shared passage is to a reader.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// Text one paper took from another, or both from one source.
    #[default]
    Reuse,
    /// Shared but saying nothing: a name with a title, an attribution, a
    /// formula, whose words occur in many more articles than this passage's
    /// witnesses.
    Stock,
    /// Page furniture or text printed on most pages of the corpus.
    Boilerplate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_read_back_as_pushed_and_travel_as_pairs_of_strings() {
        let readings: Readings = [["分别", "分享"], ["机为", "机组为"], ["", "了"]].into_iter().collect();
        assert_eq!(readings.len(), 3);
        assert_eq!(readings.iter().collect::<Vec<_>>(), [["分别", "分享"], ["机为", "机组为"], ["", "了"]]);
        let json = serde_json::to_string(&readings).unwrap();
        assert_eq!(json, r#"[["分别","分享"],["机为","机组为"],["","了"]]"#);
        assert_eq!(serde_json::from_str::<Readings>(&json).unwrap(), readings);
        assert!(Readings::default().is_empty() && !readings.is_empty());
        assert_eq!(serde_json::to_string(&Readings::default()).unwrap(), "[]");
    }
}
