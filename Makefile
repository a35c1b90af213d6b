# Banneret: every way to work on the project is a target here.
SWIFT ?= swift
RELEASE := .build/release/banneret

.PHONY: demo test bench setup build examples goldens clean quality thumbnails

## Render the Examples job (14 products × 5 sizes) into Output/.
demo: build
	$(RELEASE) generate

## Run the whole test suite.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Throughput figures (JSON) for the five-size mix, 1 and 2 jobs.
bench: build
	$(RELEASE) bench
	$(RELEASE) bench --feed-records 1000000

## Debian packages and the pinned fonts (idempotent).
setup:
	scripts/setup

build: setup
	$(SWIFT) build -c release --product banneret

## Redraw the Examples product pictures and logos (needs python3-cairo, python3-pil).
examples: setup
	/usr/bin/python3 scripts/draw-examples.py

## Rewrite the golden renders after a deliberate change; look at them before committing.
goldens: setup
	$(SWIFT) build --build-tests
	BANNERET_UPDATE_GOLDENS=1 $(SWIFT) test --skip-build --filter 'GoldenRenderTests|TemplateGoldenTests'

## Every template × every size over the Examples feed and ../shared/samples: writes Templates/QUALITY.md (exit 1 if a bar is missed).
SAMPLES := ../shared/samples/feeds
quality: build
	$(RELEASE) quality --feed Examples/feed.jsonl $(if $(wildcard $(SAMPLES)),$(foreach f,saleor-populatedb.json gcp-retail-products.json magento-products_gear_bags.csv magento-products_gear_watches.csv,--feed $(SAMPLES)/$(f))) --out Templates/QUALITY.md

## One contact sheet per template (every size) into Templates/thumbnails/, shown by Templates/README.md.
thumbnails: build
	$(RELEASE) thumbnails --out Templates/thumbnails

clean:
	rm -rf .build Output/*.png Output/*.jpg Output/*.webp Output/*.jsonl

## banneret watch against banneret generate on the same 10,000 banners (see Benchmarks/README.md).
.PHONY: bench-watch
bench-watch: build
	Benchmarks/watch-throughput.sh

## Side by side with pycairo + Pango, Pillow and headless Chromium on the same banners; writes Benchmarks/BENCHMARKS.md.
.PHONY: bench-peers
bench-peers: build
	Benchmarks/peers/run.sh

## Run every libFuzzer target in Fuzz/targets/ for FUZZ_SECONDS each (default 30); not part of `test`.
.PHONY: fuzz
FUZZ_SECONDS ?= 30
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

## Render and encode 100,000 banners in one process, printing resident memory every 10,000.
.PHONY: bench-memory
bench-memory: build
	$(RELEASE) bench --memory --count 100000

## 1,000 banners under AddressSanitizer's leak checker; fails on any leak (see scripts/leaks).
.PHONY: leaks
leaks: setup
	scripts/leaks
