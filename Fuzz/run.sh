#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 30) from its seed corpus
# in Fuzz/corpus/<target>/. New inputs collect in .build/fuzz/corpus/<target>/
# (the committed seeds stay as they are); crashes, timeouts and out-of-memory
# inputs land in .build/fuzz/artifacts/<target>/. Minimise one with
#   .build/fuzz/bin/<target> -minimize_crash=1 -runs=10000 <artifact>
# and add it to the test suite as a regression test, not to the corpus.
#
# Usage: Fuzz/run.sh [target ...]     (default: every target in Fuzz/targets/)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-30}
Fuzz/build.sh "$@" 2> >(grep -v 'Cannot export local symbol' >&2) || exit 1
targets=()
if [ $# -gt 0 ]; then
  for file in "$@"; do targets+=("$(basename "$file" .swift)"); done
else
  for file in Fuzz/targets/*.swift; do targets+=("$(basename "$file" .swift)"); done
fi
status=0
for target in "${targets[@]}"; do
  work=.build/fuzz/corpus/$target
  artifacts=.build/fuzz/artifacts/$target
  mkdir -p "$work" "$artifacts"
  [ -d "Fuzz/corpus/$target" ] && cp -n Fuzz/corpus/"$target"/* "$work"/ 2>/dev/null
  dictionary=()
  [ -f "Fuzz/dictionaries/$target.dict" ] && dictionary=(-dict="Fuzz/dictionaries/$target.dict")
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: memory past 2 GB is a bomb that got through.
  .build/fuzz/bin/"$target" "$work" "${dictionary[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" >".build/fuzz/$target.log" 2>&1
  result=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' ".build/fuzz/$target.log" | grep -o '[0-9]*$')
  coverage=$(grep -o 'cov: [0-9]*' ".build/fuzz/$target.log" | tail -1)
  if [ $result -eq 0 ]; then
    echo "fuzz: $target: ${runs:-?} runs in ${seconds} s, $coverage, no failure"
  else
    echo "fuzz: $target FAILED (exit $result); see .build/fuzz/$target.log and $artifacts/"
    grep -m3 -E 'ERROR|Fatal error|deadly signal|timeout|out-of-memory' ".build/fuzz/$target.log" | sed 's/^/  /'
    status=1
  fi
done
exit $status
