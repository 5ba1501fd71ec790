#!/usr/bin/env bash
# Runs the corpus-level benchmark and the micro-benchmarks on a Release build
# and appends the figures to bench/results/<date>.txt.
#   bash bench/run_benchmarks.sh [MB]     corpus size in MB (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
BUILD=${BUILD_DIR:-build}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target veille analyze_corpus corpus_gen veille_microbench >/dev/null

CORPUS=${CORPUS:-/tmp/veille-corpus-${MB}mb.jsonl}
[ -s "$CORPUS" ] || "$BUILD/corpus_gen" --mb "$MB" > "$CORPUS"

OUT=bench/results/$(date +%Y-%m-%d).txt
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(git rev-parse --short HEAD) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  for threads in 1 2; do "$BUILD/analyze_corpus" "$CORPUS" --threads "$threads"; done
  "$BUILD/veille_microbench" --benchmark_min_time=0.5 2>/dev/null
} | tee -a "$OUT"
echo "results appended to $OUT"
