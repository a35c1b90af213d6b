#!/usr/bin/env bash
# banneret watch against banneret generate on the same 10,000 banners: a
# stream of 40 jobs of 50 products at the five default sizes taken by
# `watch --once`, and the same products through `generate`, one feed per round.
#
# The work runs in ROUNDS rounds (default 5) of JOBS/ROUNDS jobs, watch and
# generate taking turns (who goes first alternates), so load from anything
# else on the machine falls on both alike. Prints banners per second of wall
# clock (process start to exit, summed over the rounds) and per CPU second
# (user + system), and the ratios. JOBS, PRODUCTS, ROUNDS, THREADS and
# BANNERET_BIN override the defaults; WATCH_OPTIONS adds options to watch.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BANNERET_BIN:-.build/release/banneret}
JOBS=${JOBS:-40}
PRODUCTS=${PRODUCTS:-50}
ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-$(nproc)}
[ -x "$BIN" ] || { echo "no $BIN: run swift build -c release --product banneret" >&2; exit 66; }
(( JOBS % ROUNDS == 0 )) || { echo "JOBS must be a multiple of ROUNDS" >&2; exit 64; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/banneret-watch-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/inbox" "$WORK/feeds" "$WORK/generate"
cp -r Examples/images "$WORK/inbox/images"
cp -r Examples/images "$WORK/generate/images"

# Each job: PRODUCTS Examples products under ids of their own.
for job in $(seq 1 "$JOBS"); do
    awk -v job="$job" -v n="$PRODUCTS" '
        { lines[NR - 1] = $0 }
        END { for (p = 0; p < n; p++) { line = lines[p % NR]; sub(/"id": "/, "\"id\": \"J" job "-P" p "-", line); print line } }
    ' Examples/feed.jsonl > "$WORK/feeds/job$job.jsonl"
done

TIMEFORMAT='%R %U %S'
# Appends "wall user system" for one command to $1.
timed() {
    local into=$1; shift
    { time "$@" ; } 2>> "$into"
}

per_round=$(( JOBS / ROUNDS ))
for round in $(seq 0 $(( ROUNDS - 1 ))); do
    first=$(( round * per_round + 1 )); last=$(( first + per_round - 1 ))
    for job in $(seq "$first" "$last"); do cat "$WORK/feeds/job$job.jsonl"; done > "$WORK/generate/round$round.jsonl"
    run_generate() {
        timed "$WORK/generate.times" "$BIN" generate --feed "$WORK/generate/round$round.jsonl" \
            --out "$WORK/generate/out$round" --jobs "$THREADS" --templates Templates/stock-hero.yaml --quiet
    }
    run_watch() {
        for job in $(seq "$first" "$last"); do mv "$WORK/feeds/job$job.jsonl" "$WORK/inbox/"; done
        timed "$WORK/watch.times" "$BIN" watch "$WORK/inbox" --out "$WORK/watch-out" --once --settle 0 \
            --templates Templates/stock-hero.yaml --jobs "$THREADS" ${WATCH_OPTIONS:-} 2>> "$WORK/watch.log"
    }
    if (( round % 2 == 0 )); then run_watch; run_generate; else run_generate; run_watch; fi
done

generate_banners=$(cat "$WORK"/generate/out*/manifest.jsonl | wc -l)
watch_banners=$(cat "$WORK"/watch-out/*/manifest.jsonl | wc -l)
done_jobs=$(ls "$WORK/inbox/.done" | wc -l)
sum() { awk '{ wall += $1; cpu += $2 + $3 } END { printf "%.3f %.3f", wall, cpu }' "$1"; }
read -r generate_wall generate_cpu <<< "$(sum "$WORK/generate.times")"
read -r watch_wall watch_cpu <<< "$(sum "$WORK/watch.times")"

awk -v gb="$generate_banners" -v gw="$generate_wall" -v gc="$generate_cpu" \
    -v wb="$watch_banners" -v ww="$watch_wall" -v wc="$watch_cpu" \
    -v jobs="$JOBS" -v done="$done_jobs" -v threads="$THREADS" -v rounds="$ROUNDS" 'BEGIN {
    printf "{\"threads\": %d, \"rounds\": %d,\n", threads, rounds
    printf " \"generate\": {\"banners\": %d, \"seconds\": %.2f, \"banners_per_second\": %.1f, \"cpu_seconds\": %.2f, \"banners_per_cpu_second\": %.1f},\n", gb, gw, gb / gw, gc, gb / gc
    printf " \"watch\": {\"jobs\": %d, \"done\": %d, \"banners\": %d, \"seconds\": %.2f, \"banners_per_second\": %.1f, \"cpu_seconds\": %.2f, \"banners_per_cpu_second\": %.1f},\n", jobs, done, wb, ww, wb / ww, wc, wb / wc
    printf " \"watch_vs_generate\": %.3f, \"watch_vs_generate_cpu\": %.3f}\n", (wb / ww) / (gb / gw), (wb / wc) / (gb / gc)
}'
