//! Test material for tongwen, kept out of the engine: synthetic pages and
//! reprint corpora with exact gold, the typeset generator's scorer, and
//! memory measurement. Tests, examples and benchmarks use it; the engine,
//! the CLI and the app never do.

pub mod measure;
pub mod synth;
