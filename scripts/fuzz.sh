#!/usr/bin/env bash
# `make fuzz`: runs each cargo-fuzz target for $1 seconds (default 300).
# cargo-fuzz wants nightly's -Z flags; RUSTC_BOOTSTRAP lets the stable
# toolchain (the only one here) accept them. No sanitizer: the engine has
# no unsafe code, so panics and hangs are what we are looking for.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] cargo install cargo-fuzz (once)"
  cargo install -q cargo-fuzz
fi
export RUSTC_BOOTSTRAP=1
for target in ${FUZZ_TARGETS:-intake decode reflow reuse}; do
  mkdir -p "fuzz/corpus/$target"
  echo "[fuzz] $target for ${seconds}s"
  cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" fuzz/seeds -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
done
echo "[fuzz] no crash in any target"
