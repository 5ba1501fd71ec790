#!/usr/bin/env bash
# Runs the whole test suite from a clean clone: installs and builds (via
# setup.sh), then runs every test in a Release build and again under
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "test: release build"
ctest --test-dir build --output-on-failure -j "$(nproc)"

# Optimized so the golden tests, which analyse the whole sample corpus in every
# test process, stay fast; the sanitizers check optimized code as well.
echo "test: sanitizer build (ASan + UBSan)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVEILLE_SANITIZE=ON -DVEILLE_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$(nproc)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -LE slow
