#!/usr/bin/env bash
# Regenerates the Next.js verdicts beside the fixtures of testdata/nextjs:
# installs the `next` pinned in package.json/package-lock.json (with its
# compiled SWC binding, the optional dependency @next/swc-<platform>) with
# npm ci into a cache folder outside the repository, then runs verdicts.js.
#
#   scripts/nextjs-swc/run.sh [DIR]      # default: testdata/nextjs
#
# Needs node and npm. rules/nextjs_test.go reads the verdicts (no node).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dir="$(cd "${1:-$repo/testdata/nextjs}" && pwd)"

# One install per lock file, kept between runs.
lock_sum="$(sha256sum "$here/package-lock.json" | cut -c1-16)"
work="${XDG_CACHE_HOME:-$HOME/.cache}/directivelint/nextjs-swc-$lock_sum"
if [ ! -f "$work/.installed" ]; then
	echo "== npm ci into $work" >&2
	rm -rf "$work"
	mkdir -p "$work"
	cp "$here/package.json" "$here/package-lock.json" "$work/"
	(cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
	touch "$work/.installed"
fi
cp "$here/verdicts.js" "$work/verdicts.js"

# Next.js's telemetry would phone home: off.
NEXT_TELEMETRY_DISABLED=1 node "$work/verdicts.js" "$dir"
