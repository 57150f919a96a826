//! 同文 tongwen: the engine behind the web app and the `tongwen` CLI.
//!
//! Pure Rust: this crate depends on no web-sys, js-sys, wasm-bindgen, yew or
//! gloo (the workspace keeps those in the front-end crates), so it is tested
//! natively and shared verbatim by the CLI, the worker and `build-site`. The data flow is
//! raw bytes → [`decode`] → [`reflow`] → [`model`] articles → views. See
//! `ARCHITECTURE.md` for the map and the invariants.

pub mod analysis;
pub mod collate;
pub mod corpus;
pub mod decode;
pub mod export;
pub mod host;
pub mod intake;
pub mod masthead;
pub mod model;
pub mod parallel;
pub mod passim;
pub mod positioned;
pub mod protocol;
pub mod published;
pub mod reflow;
pub mod reuse;
pub mod search;
pub mod search_chunks;
pub mod segment;
pub mod text;
pub mod view;

pub use analysis::{analyze_corpus, analyze_document, analyze_documents, Analysis};
pub use model::{Article, Block, DocumentAnalysis, Marker, Member, Paragraph, Passage, PassageKind, Span, Variant};
