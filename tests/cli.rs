//! The `tongwen` command line, run as a user would run it.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn tongwen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tongwen"))
}

const SEEDS: [&str; 5] = [
    "www/corpus/000_7db16642f3192162.txt",
    "www/corpus/001_a71703915d167703.txt",
    "www/corpus/002_d91aaab0cc814bb1.txt",
    "www/corpus/003_f0687f8725c1cd82.txt",
    "www/corpus/004_6c1e93888320af83.txt",
];

#[test]
fn version_is_printed() {
    let out = tongwen().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), format!("tongwen {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn analyze_json_lists_documents_with_id_name_and_chars() {
    let out = tongwen().args(["analyze", "--json"]).args(SEEDS).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0]["id"], "000_7db16642f3192162.txt");
    assert_eq!(docs[1]["name"], "圆满结束出席第二届中国—中亚峰会 习近平回到北京");
    for (doc, path) in docs.iter().zip(SEEDS) {
        let chars = std::fs::read_to_string(path).unwrap().chars().count();
        assert_eq!(doc["chars"].as_u64().unwrap() as usize, chars, "{path}");
        assert_eq!(doc["encoding"], "UTF-8");
    }
}

#[test]
fn missing_file_is_a_one_line_error_not_a_panic() {
    let out = tongwen().args(["analyze", "--json", "no/such/file.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("tongwen: cannot read no/such/file.txt"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_directory_is_not_readable_as_a_file() {
    let out = tongwen().args(["analyze", "www/corpus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
