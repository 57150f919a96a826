//! The `tongwen` command line, run as a user runs it: its commands, and
//! whatever a user hands it. One test binary (one link, not two).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

mod adversarial;
mod commands;
mod pdf;

/// The workspace root, where the seeds are; the CLI runs from there.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The first seed page.
const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/corpus/000_7db16642f3192162.txt");

fn tongwen() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tongwen"));
    command.current_dir(ROOT);
    command
}
