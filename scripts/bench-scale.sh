#!/usr/bin/env bash
# The CLI's whole analysis (`tongwen analyze --jsonl`) of synthetic reprint
# corpora from about 13 to 108 MB: wall time and peak RSS by GNU time, one
# run each (the largest takes half a minute). Prints a Markdown table.
# The corpora are written once into target/bench-scale/ and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p tongwen-cli
dir=target/bench-scale
echo "| input | files | wall s | peak RSS | MB/s | time ratio to previous | RSS / input |"
echo "|---|---|---|---|---|---|---|"
prev=""
for mb in 12 25 50 100; do
  corpus="$dir/$mb"
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    cargo run --quiet --release --example write_corpus -- "$corpus" "$mb" >&2
    rm -f "$corpus/manifest.json" # pages only: the CLI reads the directory
    touch "$corpus/.done"
  fi
  bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  files=$(find "$corpus" -name '*.txt' | wc -l)
  read -r wall rss < <( { /usr/bin/time -f "%e %M" target/release/tongwen analyze --jsonl "$corpus" > /dev/null; } 2>&1 | tail -1)
  awk -v b="$bytes" -v f="$files" -v w="$wall" -v r="$rss" -v p="$prev" 'BEGIN {
    mb = b / 1048576; ratio = (p == "") ? "—" : sprintf("%.2f× for %.2f× input", w / (split(p, q, " ") ? q[1] : 1), mb / q[2]);
    printf "| %.1f MB | %d | %.1f | %.0f MB | %.1f | %s | %.1f× |\n", mb, f, w, r / 1024, mb / w, ratio, (r / 1024) / mb
  }'
  prev="$wall $(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')"
done
