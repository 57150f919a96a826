#!/usr/bin/env bash
# Prints the size of every file in a built site, raw and gzipped, and the totals.
set -euo pipefail
dir="${1:-dist}"
printf '%-40s %10s %10s\n' "dist/ file" "raw" "gzip"
total=0; total_gz=0
while IFS= read -r -d '' f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f -print0 | sort -z)
printf '%-40s %10d %10d\n' "TOTAL" "$total" "$total_gz"
