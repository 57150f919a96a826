//! `tongwen`: the command-line front end of the engine, for batch work.

mod allocator;
mod site;

fn main() -> std::process::ExitCode {
    allocator::give_memory_back_early();
    cli::main()
}

mod cli {
    /// `println!` that ends the program quietly when the reader has gone
    /// (`tongwen segment f | head`), instead of panicking on a broken pipe.
    macro_rules! out {
        ($($t:tt)*) => {{
            use std::io::Write;
            if let Err(e) = writeln!(std::io::stdout().lock(), $($t)*) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    std::process::exit(0);
                }
            }
        }};
    }

    use std::path::PathBuf;
    use std::process::ExitCode;

    use clap::{Parser, Subcommand};

    #[derive(Parser)]
    #[command(name = "tongwen", version, about = "同文: reflow Chinese newspaper pages and find shared passages")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Reflow page dumps into articles and find the passages they share:
        /// prints each article's clean text, then each passage with its
        /// witnesses and variants (--passages: the passages alone).
        Analyze {
            /// Page dumps (UTF-8, UTF-16, GB18030/GBK, Big5 …), zips of them,
            /// passim output (its passages are shown instead of finding them),
            /// or directories, walked for .txt, .md, .zip and .json files.
            #[arg(required = true)]
            files: Vec<PathBuf>,
            /// Print the analysis as JSON.
            #[arg(long)]
            json: bool,
            /// Print the analysis as JSON Lines: a line per document
            /// (`{"document": …}`), then a line per passage (`{"passage": …}`),
            /// the same objects as --json; for corpora too big to read as
            /// one JSON value.
            #[arg(long, conflicts_with = "json")]
            jsonl: bool,
            /// Print the shared passages alone, without the reflowed text:
            /// per passage its witnesses, length, opening characters and variants.
            #[arg(long, conflicts_with_all = ["json", "jsonl"])]
            passages: bool,
            /// Minimum shared-passage length in characters (8 to 200).
            #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(8..=200))]
            min_len: u16,
            /// Also report boilerplate: page furniture one paper repeats, and text in more than half of the articles.
            #[arg(long)]
            boilerplate: bool,
            /// Also report stock phrases: short shared text (names with
            /// titles, attributions, formulas) whose words occur in many more
            /// articles than the passage's witnesses.
            #[arg(long)]
            stock: bool,
        },
        /// Reflow a file and print its words (jieba, HMM on) separated by
        /// spaces, a paragraph per line; with --json, each word with its
        /// input offsets.
        Segment {
            file: PathBuf,
            #[arg(long)]
            json: bool,
            /// A jieba-format user dictionary (`word [freq] [tag]` per line).
            #[arg(long)]
            user_dict: Option<PathBuf>,
        },
        /// The top keywords of every article (TF-IDF over the given files;
        /// jieba's IDF table when there are fewer than 30 articles).
        Keywords {
            #[arg(required = true)]
            files: Vec<PathBuf>,
            #[arg(long, default_value_t = 10)]
            top: usize,
            /// Use TextRank instead of TF-IDF.
            #[arg(long)]
            textrank: bool,
            #[arg(long)]
            json: bool,
            #[arg(long)]
            user_dict: Option<PathBuf>,
        },
        /// Write a static site (the app) with CORPUS_DIR's pages built in and
        /// their analysis precomputed, so it opens without analyzing.
        BuildSite {
            corpus_dir: PathBuf,
            /// Where to write the site: a new or empty directory, or one an
            /// earlier build-site wrote (it is then replaced, only once the
            /// new site is complete). Never inside the corpus or the app.
            #[arg(short, long)]
            out: PathBuf,
            /// The built app to start from (`make dist` writes it).
            #[arg(long, default_value = "dist")]
            app: PathBuf,
        },
        /// Analyse a built site's own corpus now, so it opens without a worker (make dist runs it).
        #[command(hide = true)]
        Precompute { site: PathBuf },
        /// Write a site's service-worker precache list, precache.json (make dist runs it).
        #[command(hide = true)]
        Precache { site: PathBuf },
        /// Show how reflow sees a file's lines: width, inferred column, units.
        #[command(hide = true)]
        Layout { file: PathBuf },
    }

    /// Says what a command did, or why it could not (exit code 2).
    fn report(done: Result<String, String>) -> ExitCode {
        match done {
            Ok(message) => {
                out!("{message}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("tongwen: {err}");
                ExitCode::from(2)
            }
        }
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match cli.command {
            Command::Analyze { files, json, jsonl, passages, min_len, boilerplate, stock } => {
                let output = if json {
                    Output::Json
                } else if jsonl {
                    Output::JsonLines
                } else if passages {
                    Output::Passages
                } else {
                    Output::Text
                };
                analyze(&files, output, tongwen::reuse::Settings { min_len: min_len.into(), boilerplate, stock })
            }
            Command::Segment { file, json, user_dict } => match (read_inputs(std::slice::from_ref(&file)), read_user_dict(user_dict.as_deref())) {
                (Ok(intake), Ok(words)) => match each_document(intake).next() {
                    Some((doc, input)) => segment(&doc, &input, json, &words),
                    None => ExitCode::from(2),
                },
                (Err(code), _) | (_, Err(code)) => code,
            },
            Command::Keywords { files, top, textrank, json, user_dict } => match (read_inputs(&files), read_user_dict(user_dict.as_deref())) {
                (Ok(intake), Ok(words)) => keywords(each_document(intake).map(|(doc, _)| doc).collect(), top, textrank, json, &words),
                (Err(code), _) | (_, Err(code)) => code,
            },
            Command::BuildSite { corpus_dir, out, app } => report(crate::site::build_site(&corpus_dir, &out, &app).map(|summary| {
                for (name, why) in &summary.skipped {
                    eprintln!("tongwen: skipped {name}: {why}");
                }
                let passim = if summary.passim > 0 { format!(" (from {} passim files)", summary.passim) } else { String::new() };
                format!("wrote {} with {} documents and {} shared passages{passim}", summary.out.display(), summary.documents, summary.passages)
            })),
            Command::Precompute { site } => report(crate::site::precompute(&site).map(|(documents, passages)| {
                format!("{}: {documents} documents and {passages} shared passages precomputed", site.join("corpus").display())
            })),
            Command::Precache { site } => report(
                crate::site::write_precache(&site)
                    .map(|(version, n)| format!("precache.json: version {version}, {n} files precached"))
                    .map_err(|err| format!("cannot write the precache list in {}: {err}", site.display())),
            ),
            Command::Layout { file } => match std::fs::read(&file) {
                Ok(bytes) => {
                    out!("{}", tongwen::reflow::debug_layout(&tongwen::decode::decode(&bytes).text).trim_end());
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("tongwen: cannot read {}: {}", file.display(), err);
                    ExitCode::from(2)
                }
            },
        }
    }

    /// Reads the paths (files as named, directories walked for their
    /// pages) through the one intake the app and `build-site` use: zips
    /// opened, passim output told from pages, same-named files given
    /// unique ids (`page.txt`, `page (2).txt`). What is passed over is said
    /// on stderr; nothing usable at all is an error.
    fn read_inputs(paths: &[PathBuf]) -> Result<tongwen::intake::Intake, ExitCode> {
        use tongwen::intake::{take_in, walk::read_paths, Limits};
        let walked = read_paths(paths, Limits::default()).map_err(|err| {
            eprintln!("tongwen: {err}");
            ExitCode::from(2)
        })?;
        for (path, why) in &walked.skipped {
            eprintln!("tongwen: skipped {path}: {why}");
        }
        let mut intake = take_in(walked.files);
        intake.read_pdfs(tongwen_pdf::extract);
        for (name, why) in &intake.rejected {
            eprintln!("tongwen: skipped {name}: {why}");
        }
        if !intake.has_pages() {
            eprintln!("tongwen: {}", intake.why_empty());
            return Err(ExitCode::from(2));
        }
        Ok(intake)
    }

    fn read_user_dict(path: Option<&std::path::Path>) -> Result<Vec<tongwen::segment::UserWord>, ExitCode> {
        let Some(path) = path else { return Ok(Vec::new()) };
        let text = std::fs::read(path).map_err(|err| {
            eprintln!("tongwen: cannot read {}: {}", path.display(), err);
            ExitCode::from(2)
        })?;
        tongwen::segment::parse_user_dict(&tongwen::decode::decode(&text).text).map_err(|err| {
            eprintln!("tongwen: {}: {}", path.display(), err);
            ExitCode::from(2)
        })
    }

    /// Every page of `intake` reflowed on its own (no passages), with its
    /// characters: text files decoded, PDFs laid out; each when it is asked for.
    fn each_document(intake: tongwen::intake::Intake) -> impl Iterator<Item = (tongwen::DocumentAnalysis, Vec<char>)> {
        tongwen::analysis::pages(intake.documents, intake.positioned).map(|(id, lazy)| lazy.analyze(&id))
    }

    fn segment(doc: &tongwen::DocumentAnalysis, input: &[char], json: bool, user_words: &[tongwen::segment::UserWord]) -> ExitCode {
        let seg = tongwen::segment::Segmenter::builtin(user_words);
        if json {
            // Streamed a paragraph at a time: the words of a whole document
            // as one JSON value took about 290 times the input in memory.
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            if let Err(e) = write_segment_json(&mut w, doc, &seg, input) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
                eprintln!("tongwen: cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        } else {
            for a in &doc.articles {
                for line in a.title.iter().chain(a.paragraphs.iter().map(|p| &p.text)) {
                    let words: Vec<&str> = seg.cut(line).into_iter().filter(|w| !w.trim().is_empty()).collect();
                    out!("{}", words.join(" "));
                }
                out!();
            }
        }
        ExitCode::SUCCESS
    }

    /// `{"id":…,"articles":[{"id":…,"title":…,"paragraphs":[[word…]…]}…]}`,
    /// written as it is made.
    fn write_segment_json(w: &mut impl std::io::Write, doc: &tongwen::DocumentAnalysis, seg: &tongwen::segment::Segmenter, input: &[char]) -> std::io::Result<()> {
        write!(w, "{{\"id\":{},\"articles\":[", serde_json::to_string(&doc.id)?)?;
        for (k, a) in doc.articles.iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            write!(w, "{sep}{{\"id\":{},\"title\":{},\"paragraphs\":[", serde_json::to_string(&a.id)?, serde_json::to_string(&a.title)?)?;
            for (i, p) in a.paragraphs.iter().enumerate() {
                if i > 0 {
                    w.write_all(b",")?;
                }
                serde_json::to_writer(&mut *w, &tongwen::segment::words_with_offsets(seg, p, input))?;
            }
            w.write_all(b"]}")?;
        }
        w.write_all(b"]}\n")?;
        w.flush()
    }

    fn keywords(docs: Vec<tongwen::DocumentAnalysis>, top: usize, textrank: bool, json: bool, user_words: &[tongwen::segment::UserWord]) -> ExitCode {
        use tongwen::segment::{builtin_idf, Idf, KeywordMethod, Segmenter};
        let seg = Segmenter::builtin(user_words);
        let idf = Idf::from_jieba_table(builtin_idf());
        let index = tongwen::search::CorpusIndex::build(&docs, &seg, Some(&idf), &mut |_, _| ());
        let method = if textrank { KeywordMethod::TextRank } else { KeywordMethod::TfIdf };
        let mut out = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for (k, a) in doc.articles.iter().enumerate() {
                let mut words = index.keywords(tongwen::model::DocIndex(d), k, method, &seg, &docs);
                words.truncate(top);
                if json {
                    out.push(serde_json::json!({ "document": doc.id, "article": a.id, "title": a.title, "keywords": words }));
                } else {
                    let list: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
                    out!("{} {} {}: {}", doc.id, a.id, a.title.as_deref().unwrap_or("(untitled)"), list.join(" "));
                }
            }
        }
        if json {
            out!("{}", serde_json::Value::Array(out));
        }
        ExitCode::SUCCESS
    }

    /// How `analyze` prints its result.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Output {
        Text,
        /// The passages of the text output alone.
        Passages,
        Json,
        JsonLines,
    }

    /// One line of `analyze --jsonl`.
    #[derive(serde::Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Line<'a> {
        Document(&'a tongwen::DocumentAnalysis),
        Passage(&'a tongwen::Passage),
    }

    /// The analysis as JSON or JSON Lines, written as it is serialized:
    /// the output of a large corpus is never one string in memory.
    fn write_json(analysis: &tongwen::analysis::Analysis, output: Output, w: &mut impl std::io::Write) -> std::io::Result<()> {
        if output == Output::Json {
            serde_json::to_writer(&mut *w, analysis)?;
            w.write_all(b"\n")?;
        } else {
            let lines = analysis.documents.iter().map(Line::Document).chain(analysis.passages.iter().map(Line::Passage));
            for line in lines {
                serde_json::to_writer(&mut *w, &line)?;
                w.write_all(b"\n")?;
            }
        }
        w.flush()
    }

    fn analyze(files: &[PathBuf], output: Output, settings: tongwen::reuse::Settings) -> ExitCode {
        let intake = match read_inputs(files) {
            Ok(intake) => intake,
            Err(code) => return code,
        };
        // Stock phrases by part of speech too (names, titles and places).
        let names = tongwen::segment::Segmenter::builtin_names_test();
        let (analysis, chars) = tongwen::analysis::analyze_intake(intake, settings, Some(&names), &mut |_| ());
        drop(chars);
        if matches!(output, Output::Json | Output::JsonLines) {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            match write_json(&analysis, output, &mut w) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(err) => {
                    eprintln!("tongwen: cannot write JSON: {err}");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            if output == Output::Text {
                for doc in &analysis.documents {
                    print_document(doc);
                }
            }
            for p in &analysis.passages {
                let kind = match p.kind {
                    tongwen::PassageKind::Reuse => "",
                    tongwen::PassageKind::Stock => " · stock phrase",
                    tongwen::PassageKind::Boilerplate => " · boilerplate",
                };
                let length = p.members.iter().map(|m| m.text.chars().filter(|&c| c != '\n').count()).max().unwrap_or(0);
                out!("◆ passage {} · story {} · {} witnesses · {length} characters{kind}", p.id, p.story, p.size);
                for m in &p.members {
                    let text: String = m.text.chars().take(60).collect();
                    out!("  {} [{}, {}) {}", m.article, m.begin, m.end, text.replace('\n', "⏎"));
                }
                for v in &p.variants {
                    let rs: Vec<String> = v.readings.iter().map(|[a, b]| format!("{a}/{b}")).collect();
                    if !rs.is_empty() {
                        out!("  {}~{}: {}", v.members[0], v.members[1], rs.join("  "));
                    }
                }
            }
        }
        ExitCode::SUCCESS
    }

    /// The reflowed text, for reading in a terminal.
    fn print_document(doc: &tongwen::DocumentAnalysis) {
        out!("━━ {} · {} · {} chars · {} · {} articles", doc.id, doc.name, doc.chars, doc.encoding, doc.articles.len());
        for w in &doc.warnings {
            out!("warning: {w}");
        }
        for a in &doc.articles {
            out!("\n■ [{}] {}", a.id, a.title.as_deref().unwrap_or("(untitled)"));
            for (label, value) in [("subtitle", &a.subtitle), ("byline", &a.byline), ("dateline", &a.dateline)] {
                if let Some(v) = value {
                    out!("  {label}: {v}");
                }
            }
            for p in &a.paragraphs {
                let dateline = p.dateline.as_deref().map(|d| format!("[{d}] ")).unwrap_or_default();
                out!("  {}{dateline}{}", if p.heading { "§ " } else { "" }, p.text);
            }
            for m in &a.markers {
                out!("  [{:?}] {}", m.kind, m.text);
            }
        }
        for b in &doc.other {
            out!("\n◇ {:?}: {}", b.kind, b.text);
        }
        out!();
    }
}
