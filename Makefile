# 同文 tongwen. Two commands matter: `make serve` and `make test`.
# Both install whatever is missing first, so they work on a fresh machine.

PORT ?= 8080
SHELL := /bin/bash

# A cold build (no target/ yet, as in CI's fresh clone) gains nothing from
# incremental compilation and pays for writing its caches: about 12 s of a
# cold `make test`. Warm builds keep it; cargo rebuilds nothing either way.
ifeq ($(wildcard target/debug),)
export CARGO_INCREMENTAL ?= 0
endif

.PHONY: serve test setup setup-test dist dist-test sizes test-native test-wasm test-e2e bench quality fuzz clean

## Build the static site and serve it on http://127.0.0.1:$(PORT)
serve: dist
	node scripts/serve.mjs dist $(PORT)

## Set up, build, then run every test: native, wasm in Chromium, end to end.
## The site and the Playwright tests come after the native tests and use
## the CLI those built (TONGWEN_CLI): `cargo run` would build the engine
## once more, with fewer features unified (the tests' dev-dependencies add
## some), about a minute of a cold run.
test: setup-test
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory dist-test test-wasm test-e2e TONGWEN_CLI=target/debug/tongwen
	@echo "make test: all test layers passed"

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

## Release build of the site into dist/, then print its sizes (raw and gzip).
dist: setup
	bash scripts/build-dist.sh dist

## The same site, built the faster way make test builds it (see Cargo.toml).
dist-test: setup
	PROFILE=release-test bash scripts/build-dist.sh dist

sizes:
	node scripts/sizes.mjs dist

## The property tests draw the same cases on every run here, so a red CI
## run is never a coin toss; `cargo test` on its own draws new ones, and
## proptest saves a failing case under tests/proptest-regressions/.
test-native:
	bash scripts/check-engine-purity.sh
	PROPTEST_RNG_SEED=20261126 cargo test --workspace

## The wasm tests, in headless Chromium. After `make dist-test` they are
## built already (scripts/build-dist.sh builds them with the site).
test-wasm: setup-test
	cargo test --profile release-test --target wasm32-unknown-unknown -p tongwen-app --test web

test-e2e: setup-test
	node --test --test-concurrency=2 tests/e2e/

## Benchmarks (never part of make test): engine, browser, sizes, word peers
## and search, written to BENCHMARKS.md.
bench: setup-test dist
	bash scripts/bench.sh

## Fuzz decoding, reflow and reuse detection, FUZZ_SECONDS each (never in make test).
FUZZ_SECONDS ?= 300
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

## Quality on both generators: reflow on 500 synthetic pages (and 500
## more, held out from tuning) and on 60 pages typeset by Chromium and
## extracted by pdftotext and pdf.js (and 60 more from seed 389, held out
## from tuning; README § quality); shared passages on both reprint
## generators.
quality:
	bash scripts/setup.sh quality
	node scripts/typeset.mjs target/typeset 60 1
	node scripts/typeset.mjs target/typeset-heldout 60 389
	cargo run --release --example reflow_quality 500 target/typeset target/typeset-heldout
	cargo build --release -p tongwen-cli
	python3 scripts/pdf-per-layout.py target/typeset-heldout target/release/tongwen
	cargo run --release --example reuse_quality

clean:
	cargo clean
	rm -rf dist node_modules
