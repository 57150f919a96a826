#!/usr/bin/env bash
# Builds the static site into dist/: wasm app, shell, styles and built-in corpus.
# No Trunk: cargo builds the wasm, wasm-bindgen makes the JS glue.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"

cargo build --release --target wasm32-unknown-unknown --bin tongwen-app --bin tongwen-worker
rm -rf "$out"
mkdir -p "$out/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" --out-name app \
  target/wasm32-unknown-unknown/release/tongwen-app.wasm
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" --out-name worker \
  target/wasm32-unknown-unknown/release/tongwen-worker.wasm
cp index.html "$out/"
cp -r www/. "$out/"
cargo run --quiet --bin tongwen -- precache "$out"
bash scripts/dist-sizes.sh "$out"
