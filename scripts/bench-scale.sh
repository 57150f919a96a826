#!/usr/bin/env bash
# The CLI's whole analysis (`tongwen analyze --jsonl`) of synthetic reprint
# corpora from about 13 to 108 MB: wall time and peak RSS by GNU time, the
# median and the highest of three runs each (this machine's wall times
# wander by ±3 s; the largest takes about 25 s). Prints a Markdown table.
# The corpora are written once into target/bench-scale/ and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p tongwen-cli
dir=target/bench-scale
echo "| input | files | wall s (median of 3) | peak RSS (highest of 3) | MB/s | time ratio to previous | RSS / input |"
echo "|---|---|---|---|---|---|---|"
prev=""
first=""
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
  runs=$(for run in 1 2 3; do { /usr/bin/time -f "%e %M" target/release/tongwen analyze --jsonl "$corpus" > /dev/null; } 2>&1 | tail -1; done)
  wall=$(echo "$runs" | awk '{ print $1 }' | sort -n | sed -n 2p)
  rss=$(echo "$runs" | awk '{ print $2 }' | sort -n | tail -1)
  awk -v b="$bytes" -v f="$files" -v w="$wall" -v r="$rss" -v p="$prev" 'BEGIN {
    mb = b / 1048576; ratio = (p == "") ? "—" : sprintf("%.2f× for %.2f× input", w / (split(p, q, " ") ? q[1] : 1), mb / q[2]);
    printf "| %.1f MB | %d | %.1f | %.0f MB | %.1f | %s | %.1f× |\n", mb, f, w, r / 1024, mb / w, ratio, (r / 1024) / mb
  }'
  prev="$wall $(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')"
  first=${first:-$prev}
done
# Issue 16's "time per doubling": over the whole range, as a geometric mean.
awk -v f="$first" -v l="$prev" 'BEGIN {
  split(f, a, " "); split(l, b, " ")
  printf "\nTime per doubling of the input from %.1f to %.1f MB: %.2f×.\n", a[2], b[2], exp(log(b[1] / a[1]) * log(2) / log(b[2] / a[2]))
}'
