//! `tongwen`: the command-line front end of the engine, for batch work.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
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
        /// Analyse page dumps: reflow into articles (and, later, shared passages).
        Analyze {
            /// Raw text files (UTF-8, UTF-16 with BOM, or GB18030/GBK).
            #[arg(required = true)]
            files: Vec<PathBuf>,
            /// Print the analysis as JSON.
            #[arg(long)]
            json: bool,
            /// Minimum shared-passage length in characters (8 to 200).
            #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(8..=200))]
            min_len: u16,
            /// Also report boilerplate: text found in more than max(5, 20 %) of articles.
            #[arg(long)]
            boilerplate: bool,
        },
        /// Show how reflow sees a file's lines: width, inferred column, units.
        #[command(hide = true)]
        Layout { file: PathBuf },
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match cli.command {
            Command::Analyze { files, json, min_len, boilerplate } => {
                analyze(&files, json, tongwen::reuse::Settings { min_len: min_len.into(), boilerplate })
            }
            Command::Layout { file } => match std::fs::read(&file) {
                Ok(bytes) => {
                    print!("{}", tongwen::reflow::debug_layout(&tongwen::decode::decode(&bytes).text));
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("tongwen: cannot read {}: {}", file.display(), err);
                    ExitCode::from(2)
                }
            },
        }
    }

    fn analyze(files: &[PathBuf], json: bool, settings: tongwen::reuse::Settings) -> ExitCode {
        let mut inputs = Vec::with_capacity(files.len());
        for path in files {
            match std::fs::read(path) {
                Ok(bytes) => inputs.push((file_id(path), bytes)),
                Err(err) => {
                    eprintln!("tongwen: cannot read {}: {}", path.display(), err);
                    return ExitCode::from(2);
                }
            }
        }
        let analysis = tongwen::analyze_corpus(inputs.iter().map(|(id, b)| (id.as_str(), b.as_slice())), settings);
        if json {
            match serde_json::to_string(&analysis) {
                Ok(s) => println!("{s}"),
                Err(err) => {
                    eprintln!("tongwen: cannot write JSON: {err}");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            for doc in &analysis.documents {
                print_document(doc);
            }
            for p in &analysis.passages {
                println!("◆ passage {} · {} witnesses{}", p.id, p.size, if p.boilerplate { " · boilerplate" } else { "" });
                for m in &p.members {
                    let text: String = m.text.chars().take(60).collect();
                    println!("  {} [{}, {}) {}", m.article, m.begin, m.end, text.replace('\n', "⏎"));
                }
                for v in &p.variants {
                    let rs: Vec<String> = v.readings.iter().map(|[a, b]| format!("{a}/{b}")).collect();
                    if !rs.is_empty() {
                        println!("  {}~{}: {}", v.members[0], v.members[1], rs.join("  "));
                    }
                }
            }
        }
        ExitCode::SUCCESS
    }

    /// The reflowed text, for reading in a terminal.
    fn print_document(doc: &tongwen::DocumentAnalysis) {
        println!("━━ {} · {} · {} chars · {} · {} articles", doc.id, doc.name, doc.chars, doc.encoding, doc.articles.len());
        for w in &doc.warnings {
            println!("warning: {w}");
        }
        for a in &doc.articles {
            println!("\n■ [{}] {}", a.id, a.title.as_deref().unwrap_or("(untitled)"));
            for (label, value) in [("subtitle", &a.subtitle), ("byline", &a.byline), ("dateline", &a.dateline)] {
                if let Some(v) = value {
                    println!("  {label}: {v}");
                }
            }
            for p in &a.paragraphs {
                let dateline = p.dateline.as_deref().map(|d| format!("[{d}] ")).unwrap_or_default();
                println!("  {}{dateline}{}", if p.heading { "§ " } else { "" }, p.text);
            }
            for m in &a.markers {
                println!("  [{:?}] {}", m.kind, m.text);
            }
        }
        for b in &doc.other {
            println!("\n◇ {:?}: {}", b.kind, b.text);
        }
        println!();
    }

    /// Documents are identified by their file name, as the JSON schema says.
    fn file_id(path: &std::path::Path) -> String {
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }
}
