#!/usr/bin/env bash
# banneret watch against banneret generate on the same 10,000 banners:
# a stream of 40 jobs of 50 products at the five default sizes, taken by
# `watch --once`, and the same 2,000 products as one feed through `generate`.
# Prints both rates and their ratio. Run from anywhere; needs a release build
# (make bench-watch builds one). JOBS, PRODUCTS, THREADS and BANNERET_BIN override.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BANNERET_BIN:-.build/release/banneret}
JOBS=${JOBS:-40}
PRODUCTS=${PRODUCTS:-50}
THREADS=${THREADS:-$(nproc)}
[ -x "$BIN" ] || { echo "no $BIN: run swift build -c release --product banneret" >&2; exit 66; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/banneret-watch-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/inbox" "$WORK/staging" "$WORK/single"
cp -r Examples/images "$WORK/inbox/images"
cp -r Examples/images "$WORK/single/images"

# Each job: PRODUCTS Examples products under ids of their own.
for job in $(seq 1 "$JOBS"); do
    awk -v job="$job" -v n="$PRODUCTS" '
        { lines[NR - 1] = $0 }
        END { for (p = 0; p < n; p++) { line = lines[p % NR]; sub(/"id": "/, "\"id\": \"J" job "-P" p "-", line); print line } }
    ' Examples/feed.jsonl > "$WORK/staging/job$job.jsonl"
done
cat "$WORK"/staging/job*.jsonl > "$WORK/single/all.jsonl"

now() { date +%s.%N; }
count() { cat "$@" 2>/dev/null | wc -l; }

start=$(now)
"$BIN" generate --feed "$WORK/single/all.jsonl" --out "$WORK/single/out" --jobs "$THREADS" --quiet
generate_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
generate_banners=$(count "$WORK/single/out/manifest.jsonl")

mv "$WORK"/staging/job*.jsonl "$WORK/inbox/"
start=$(now)
"$BIN" watch "$WORK/inbox" --out "$WORK/watch-out" --once --settle 0 --jobs "$THREADS" 2> "$WORK/watch.log"
watch_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
watch_banners=$(count "$WORK"/watch-out/*/manifest.jsonl)
done_jobs=$(ls "$WORK/inbox/.done" | wc -l)

awk -v gb="$generate_banners" -v gs="$generate_seconds" -v wb="$watch_banners" -v ws="$watch_seconds" \
    -v jobs="$JOBS" -v done="$done_jobs" -v threads="$THREADS" 'BEGIN {
    g = gb / gs; w = wb / ws
    printf "{\"threads\": %d, \"generate\": {\"banners\": %d, \"seconds\": %.2f, \"banners_per_second\": %.1f},\n", threads, gb, gs, g
    printf " \"watch\": {\"jobs\": %d, \"done\": %d, \"banners\": %d, \"seconds\": %.2f, \"banners_per_second\": %.1f},\n", jobs, done, wb, ws, w
    printf " \"watch_vs_generate\": %.3f}\n", w / g
}'
