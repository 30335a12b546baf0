#!/usr/bin/env bash
# Checks directivelint's scanner against TypeScript's parser on every
# JavaScript and TypeScript file under each DIR: functions, exports and
# directives, then the mutation passes (see internal/tsdiff). Prints the
# disagreements by class; exits 1 when one is not in known-differences.txt.
#
#   scripts/tsdiff/run.sh DIR...
#   TSDIFF_KEEP=1 scripts/tsdiff/run.sh DIR    keep the work directory (records, mutated copies)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -eq 0 ]; then
	echo "usage: scripts/tsdiff/run.sh DIR..." >&2
	exit 2
fi

# TypeScript, pinned by package-lock.json, installed once into node_modules.
if ! (cd "$here" && node -e 'process.exit(require("typescript/package.json").version === require("./package.json").dependencies.typescript ? 0 : 1)' 2>/dev/null); then
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

work="$(mktemp -d)"
if [ -z "${TSDIFF_KEEP:-}" ]; then
	trap 'rm -rf "$work"' EXIT
else
	echo "work directory: $work"
fi
tool="$work/tsdiff"
(cd "$root" && go build -o "$tool" ./internal/tsdiff)

status=0
n=0
for dir in "$@"; do
	n=$((n + 1))
	out="$work/$n" # the records and the mutated copies of this directory
	mkdir -p "$out"
	echo "== tsdiff $dir"
	"$tool" list "$dir" >"$out/files"
	node "$here/tsdump.js" --files "$out/files" --mutate "$out/mutated" >"$out/ts.jsonl"
	"$tool" dump -files "$out/files" >"$out/go.jsonl"
	"$tool" dump -files "$out/mutated/files" >>"$out/go.jsonl" 2>/dev/null
	"$tool" compare -known "$here/known-differences.txt" "$out/ts.jsonl" "$out/go.jsonl" || status=$?
	if [ -z "${TSDIFF_KEEP:-}" ]; then
		rm -rf "$out"
	fi
done
exit "$status"
