#!/usr/bin/env bash
# Installs what veille needs on Debian 12 (only the missing packages), builds
# the data tables from those packages, and builds veille into build/.
# Idempotent and non-interactive; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# The package list, plus whatever the data build says it reads.
mapfile -t wanted < <( (grep -v '^\s*#' scripts/debian-packages.txt | sed 's/\s.*//';
                        bash scripts/build_data.sh --list-packages | tr ' ' '\n') | grep -v '^$' | sort -u)
missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: every Debian package is installed"
fi

bash scripts/build_data.sh

BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)"
echo "setup: built $BUILD_DIR/veille"
