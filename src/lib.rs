//! 同文 tongwen: the engine behind the web app and the `tongwen` CLI.
//!
//! Everything in this crate except [`ui`] is pure Rust with no web-sys, so it
//! is tested natively and shared verbatim by both front ends. The data flow is
//! raw bytes → [`decode`] → [`reflow`] → [`model`] articles → views. See
//! `ARCHITECTURE.md` for the map and the invariants.

pub mod analysis;
pub mod collate;
pub mod corpus;
pub mod decode;
pub mod export;
pub mod intake;
pub mod model;
pub mod passim;
pub mod protocol;
pub mod reflow;
pub mod reuse;
pub mod search;
pub mod segment;
pub mod text;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod measure;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;

pub use analysis::{analyze_corpus, analyze_document, analyze_documents, Analysis};
pub use model::{Article, Block, DocumentAnalysis, Marker, Member, Paragraph, Passage, PassageKind, Span, Variant};
