#!/usr/bin/env bash
# Architecture Invariant: the engine (`tongwen`, the root package) builds for
# wasm32 with none of the web's crates. The workspace keeps them in the
# front-end crates; this check fails if one creeps back in, directly or
# through a dependency (the `zip` crate once brought in wasm-bindgen).
set -euo pipefail
cd "$(dirname "$0")/.."
forbidden='^(web-sys|js-sys|wasm-bindgen|wasm-bindgen-futures|yew|gloo[a-z-]*|getrandom) '
tree=$(cargo tree -p tongwen -e normal --target wasm32-unknown-unknown --prefix none)
found=$(echo "$tree" | sort -u | grep -E "$forbidden" || true)
if [ -n "$found" ]; then
  echo "check-engine-purity: the engine depends on web crates:" >&2
  echo "$found" >&2
  cargo tree -p tongwen -e normal --target wasm32-unknown-unknown -i "$(echo "$found" | head -1 | cut -d' ' -f1)" >&2
  exit 1
fi
# Architecture Invariant: the engine reads positioned text, never PDF; the
# parser lives in tongwen-pdf.
native=$(cargo tree -p tongwen -e normal --prefix none)
if echo "$native" | grep -qE '^lopdf '; then
  echo "check-engine-purity: the engine depends on lopdf; PDF parsing belongs in crates/pdf" >&2
  exit 1
fi
echo "check-engine-purity: the engine links no web-sys, js-sys, wasm-bindgen, yew or gloo, and no PDF parser"
