#!/usr/bin/env bash
# Writes the hostile fixture set (internal/hostile) to testdata/hostile, or
# to DIR, to look at or to run directivelint on by hand. The set is not
# committed: some cases are large. TestHostileFixtures generates it in a
# temporary directory and runs every case.
#
#   scripts/hostile-fixtures.sh [DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$repo/testdata/hostile}"
rm -rf "$dir"
mkdir -p "$dir"
(cd "$repo" && go run ./internal/hostile/gen "$dir")
echo "hostile fixtures in $dir: $(ls "$dir" | tr '\n' ' ')"
