#!/usr/bin/env bash
# Installs whatever `make serve` (build) or `make test` (test) needs and is
# missing. Safe to run again: every step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    say "apt-get install ${missing[*]}"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# --- build: Rust target and the wasm-bindgen CLI matching the crate's pin ---
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "cargo install wasm-bindgen-cli --version $want (about 3.5 minutes, once)"
  cargo install -q wasm-bindgen-cli --version "$want"
fi

# --- npm: pdf.js, which the site serves for PDFs, and the test tools ---
if [ ! -d node_modules/pdfjs-dist ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- build: a browser, which prerenders the site's first view ---
apt_install chromium

[ "$what" = build ] && exit 0

# --- test: the browser's driver, CJK fonts ---
apt_install chromium-driver fonts-wqy-microhei

[ "$what" = quality ] || exit 0

# --- quality: poppler's pdftotext for the typeset generator ---
apt_install poppler-utils
