#!/usr/bin/env bash
# Builds the static site into dist/: wasm app, shell, styles and built-in corpus.
# No Trunk: cargo builds the wasm, wasm-bindgen makes the JS glue.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
# PROFILE=release-test (make test) builds faster; see Cargo.toml.
profile="${PROFILE:-release}"

# The page is built for size (release-app, see Cargo.toml), the worker for
# speed; make test builds both one faster way (release-test).
app_profile="$profile"
if [ "$profile" = release ]; then app_profile=release-app; fi
if [ "$app_profile" = "$profile" ]; then
  # One cargo run: features unify, so the engine and the crates both use
  # are compiled once for wasm, not once per package (about 40 s of a cold
  # make test). It builds the app's wasm tests too (`make test-wasm` then
  # only runs them): their dev-dependencies add features (serde_json's
  # `alloc`, gloo-timers' `futures`), and built apart from the site they
  # compiled serde and all above it, the engine and yew, again (70 s).
  cargo build --profile "$profile" --target wasm32-unknown-unknown -p tongwen-worker -p tongwen-app --bins --lib --test web
else
  cargo build --profile "$profile" --target wasm32-unknown-unknown -p tongwen-worker
  cargo build --profile "$app_profile" --target wasm32-unknown-unknown -p tongwen-app
fi
rm -rf "$out"
mkdir -p "$out/pkg"
# Without the names section (230 KB of the app's 1.5 MB): panics still
# say where, by file and line.
strip=(--remove-name-section --remove-producers-section)
wasm-bindgen --target web --no-typescript "${strip[@]}" --out-dir "$out/pkg" --out-name app \
  target/wasm32-unknown-unknown/$app_profile/tongwen-app.wasm
wasm-bindgen --target web --no-typescript "${strip[@]}" --out-dir "$out/pkg" --out-name worker \
  target/wasm32-unknown-unknown/$profile/tongwen-worker.wasm
cp index.html "$out/"
cp -r www/. "$out/"
# pdf.js, self-hosted for the worker's PDF reader; fetched only when a PDF
# is dropped (the service worker caches it then, not at install).
mkdir -p "$out/pdfjs"
cp node_modules/pdfjs-dist/build/pdf.min.mjs node_modules/pdfjs-dist/build/pdf.worker.min.mjs "$out/pdfjs/"
# Adobe's predefined CMaps, fetched one by one when a PDF's fonts name them.
cp -r node_modules/pdfjs-dist/cmaps "$out/pdfjs/"
# The built-in corpus never changes: analysed now, the page shows it
# without starting a worker. Then the service worker's list of it all.
# TONGWEN_CLI: a tongwen binary built already (make test passes the one
# its native tests built); else cargo builds and runs it.
tongwen() {
  if [ -n "${TONGWEN_CLI:-}" ]; then "$TONGWEN_CLI" "$@"; else cargo run --quiet -p tongwen-cli -- "$@"; fi
}
tongwen precompute "$out"
# Its first view, prerendered into index.html: read before the app loads.
node scripts/prerender.mjs "$out"
tongwen precache "$out"
# The sizes table is for whoever builds the site (make dist, make serve);
# brotli at its best level over 200 files is half a minute make test skips.
if [ "$profile" = release ]; then node scripts/sizes.mjs "$out"; fi
