#!/usr/bin/env bash
# `make test` after set-up: every test layer, in two lanes side by side.
#
# Why two lanes: a cold run is mostly compiling, and on this 2-core machine
# one cargo build leaves a core idle for long stretches (LTO of the site's
# wasm, linking a dozen test binaries, the wasm-bindgen and precache steps,
# Chromium waiting on a page). Cargo locks per build unit, not per target
# directory, so the two lanes share `target/` and never build a unit twice.
#
#   site lane:  the release-test site in dist/  → Playwright against it
#   code lane:  native tests (engine purity first) → wasm tests in Chromium
#
# Each line of output is prefixed with its lane. The first lane to fail
# stops the other, and the script exits with that failure.
set -uo pipefail
# Job control gives each lane its own process group, so a failing lane can
# stop the other one's cargo, rustc, node and Chromium in one kill.
set -m
cd "$(dirname "$0")/.."

lane() {
  local name=$1; shift
  (
    set -e
    for step in "$@"; do
      echo "── make $step"
      make --no-print-directory "$step"
    done
  ) 2>&1 | sed -u "s/^/[$name] /"
  return "${PIPESTATUS[0]}"
}

lane site dist-test test-e2e &
site=$!
lane code test-native test-wasm &
code=$!

failed=""
# `wait -n -p` says which lane finished first; a failure stops the other.
for _ in 1 2; do
  wait -n -p done "$site" "$code"
  status=$?
  if [ "$status" -ne 0 ]; then
    [ "$done" = "$site" ] && failed=site || failed=code
    kill -- "-$site" "-$code" 2>/dev/null || true
    break
  fi
done
if [ -n "$failed" ]; then
  echo "make test: the $failed lane failed (exit $status); its lines above are prefixed [$failed]" >&2
  exit "$status"
fi
