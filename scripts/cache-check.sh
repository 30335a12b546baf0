#!/usr/bin/env bash
# Checks the cache across runs on real code: for each directory given, a
# copy of it is linted without the cache, with an empty cache and with the
# cache left (every file must come from it: the last run's snapshot gives
# its result again), then after a comment line is appended to five .ts
# files (the module graph sees no change: only they are checked again),
# then with nothing changed since, then after edits (a directive moved in
# five .tsx files, five .ts files touched, a new file importing
# server-only from a client module); each run with the cache must print
# what the run without prints (--format json, stdout and exit status).
# Nothing is written to the directories given.
#
#   scripts/cache-check.sh DIR...
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: $0 DIR..." >&2; exit 2; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/directivelint" ./cmd/directivelint) || exit 2
dl="$work/directivelint"
status=0

# lint DIR ARGS...: the JSON report and the exit status of a run.
lint() {
	local dir="$1"
	shift
	(cd "$dir" && "$dl" --format json "$@" . 2>/dev/null; echo "exit $?")
}

for src in "$@"; do
	name="$(basename "$src")"
	tree="$work/$name" cache="$work/cache-$name"
	cp -r "$src" "$tree"
	# The cache trusts no file written within 3 s before a run.
	sleep 3.2
	plain="$(lint "$tree" --no-cache)"
	cold="$(lint "$tree" --cache-location "$cache")"
	warm="$(lint "$tree" --cache-location "$cache")"
	reused="$(cd "$tree" && "$dl" --format json --cache-location "$cache" --verbose . 2>&1 >/dev/null | grep -o '[0-9]* of [0-9]* files taken')"
	(cd "$tree" && find . -name node_modules -prune -o -name '*.ts' ! -name '*.d.ts' -print | LC_ALL=C sort | tail -5 |
		while read -r f; do printf "\n// cache-check\n" >>"$f"; done)
	appended_plain="$(lint "$tree" --no-cache)"
	appended="$(cd "$tree" && "$dl" --format json --cache-location "$cache" --verbose . 2>"$work/stderr"; echo "exit $?")"
	how="checked whole"
	grep -q 'only they were checked again' "$work/stderr" && how="patched"
	again="$(lint "$tree" --cache-location "$cache")"
	(cd "$tree" && find . -name node_modules -prune -o -name '*.tsx' -print | LC_ALL=C sort | head -5 |
		while read -r f; do printf "\nexport function moved() {}\n'use client';\n" >>"$f"; done)
	(cd "$tree" && find . -name node_modules -prune -o -name '*.ts' -print | LC_ALL=C sort | head -5 | xargs -r touch)
	mkdir -p "$tree/cache-check" && printf "'use client';\nimport 'server-only';\nexport const Z = () => null;\n" >"$tree/cache-check/new.tsx"
	edited="$(lint "$tree" --no-cache)"
	after="$(lint "$tree" --cache-location "$cache")"
	verdict=ok
	[ "$cold" = "$plain" ] || verdict="cold run differs"
	[ "$warm" = "$plain" ] || verdict="warm run differs"
	[ "$appended" = "$appended_plain" ] || verdict="run after the appended lines differs"
	[ "$again" = "$appended_plain" ] || verdict="run with nothing changed since differs"
	[ "$after" = "$edited" ] || verdict="run after the edits differs"
	[ "$verdict" = ok ] || status=1
	echo "$name: $verdict ($reused from the cache; after the appended lines: $how)"
	rm -rf "$tree" "$cache"
done
exit $status
