//! The engine's integration tests, as one test binary: each file used to
//! be a binary of its own, and linking the whole crate nine times was a
//! large part of a cold `make test`. Run one group with
//! `cargo test --test engine reflow_seeds`.
#![cfg(not(target_arch = "wasm32"))]

mod adversarial;
mod fuzz_regressions;
mod host;
mod published;
mod reflow_props;
mod reflow_quality;
mod reflow_seeds;
mod reuse_props;
mod reuse_seeds;
mod search_chunks;
