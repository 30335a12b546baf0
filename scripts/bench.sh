#!/usr/bin/env bash
# Measures directivelint against its peers on a directory, side by side in
# one run, with hyperfine. Peers are installed from npm into a temporary
# folder; nothing is written to the directory measured.
#
#   scripts/bench.sh DIR [--dup N] [--no-eslint] [--runs N] [--baseline REV] [--cache]
#
# DIR is measured in a temporary copy; --dup N makes N copies side by side.
# --baseline REV measures the build of this repository's commit REV against
# the working tree's, interleaved in one hyperfine run, with both peak RSS
# (a change's before/after), and skips the peers.
# --cache measures the cache across runs against oxlint, the five in turn
# round after round: directivelint cold (--no-cache), cold writing the
# cache (a first run), warm with nothing changed, warm after one file's
# edit, and oxlint; then the medians of wall time, CPU and peak RSS, their
# ratios to oxlint's, and the cache's size on disk. The cache is kept in
# the temporary folder.
# Needs: go, node/npm, hyperfine (Debian: apt-get install hyperfine), and
# /usr/bin/time for peak RSS (Debian: apt-get install time).
set -euo pipefail

dir="" dup=0 eslint=1 runs=10 baseline="" cache=0
while [ $# -gt 0 ]; do
	case "$1" in
	--dup) dup="$2"; shift 2 ;;
	--no-eslint) eslint=0; shift ;;
	--runs) runs="$2"; shift 2 ;;
	--baseline) baseline="$2"; shift 2 ;;
	--cache) cache=1; shift ;;
	*) dir="$1"; shift ;;
	esac
done
[ -n "$dir" ] || { echo "usage: $0 DIR [--dup N] [--no-eslint] [--runs N] [--baseline REV] [--cache]" >&2; exit 2; }
[ -z "$baseline" ] || [ "$cache" = 0 ] || { echo "$0: --baseline and --cache do not go together" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(cd "$dir" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== building directivelint"
(cd "$repo" && go build -o "$work/directivelint" ./cmd/directivelint)

if [ -n "$baseline" ]; then
	echo "== building directivelint at $baseline"
	mkdir "$work/baseline"
	(cd "$repo" && git archive "$baseline") | tar -xf - -C "$work/baseline"
	(cd "$work/baseline" && go build -o "$work/directivelint-baseline" ./cmd/directivelint)
fi

# The peers, installed from npm, only when measured against them.
install_peers() {
	echo "== installing peers into $work/peers"
	mkdir -p "$work/peers"
	(cd "$work/peers" && npm init -y >/dev/null &&
		npm install --no-audit --no-fund --loglevel=error \
			oxlint@1.94.0 @biomejs/biome@2.6.8 eslint@10.15.0 typescript-eslint@8.73.0 eslint-plugin-react-rsc@5.23.0 >/dev/null)
	cat >"$work/peers/eslint.config.mjs" <<'JS'
import tseslint from "typescript-eslint";
import rsc from "eslint-plugin-react-rsc";
export default [
  { ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/build/**", "**/out/**", "**/coverage/**"] },
  {
    files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { "react-rsc": rsc },
    rules: { "react-rsc/function-definition": "error" },
  },
];
JS
}
[ -n "$baseline" ] || install_peers

# The tree is measured in a copy, without the project's own Biome
# configuration files: a nested biome.json(c) with keys this Biome does not
# know stops it before it lints anything (vercel/ai-chatbot has one).
# --dup N makes N copies side by side.
echo "== copying $dir $((dup > 0 ? dup : 1)) time(s)"
target="$work/tree"
for i in $(seq 1 "$((dup > 0 ? dup : 1))"); do
	dest="$target"
	[ "$dup" -gt 0 ] && dest="$target/copy$i"
	mkdir -p "$dest"
	(cd "$dir" && tar --exclude=node_modules --exclude=.git --exclude='biome.json' --exclude='biome.jsonc' -cf - .) | (cd "$dest" && tar -xf -)
done
files=$(find "$target" -name node_modules -prune -o -type f \( -name '*.js' -o -name '*.jsx' -o -name '*.ts' -o -name '*.tsx' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.mts' -o -name '*.cts' \) -print | wc -l)
echo "== $files JS/TS files under $target"

cd "$target"
# The cold runs of the other modes: --no-cache, where the build has it (a
# baseline from before the cache does not), so that neither the timed runs
# nor their warmup write a cache outside the temporary folder.
nocache() { "$1" --help 2>/dev/null | grep -q -- --no-cache && echo " --no-cache" || true; }
dl="$work/directivelint --color never ."

if [ -n "$baseline" ]; then
	base="$work/directivelint-baseline --color never .$(nocache "$work/directivelint-baseline")"
	dl="$dl$(nocache "$work/directivelint")"
	echo "== peak RSS (KiB)"
	for cmd in "$base" "$dl" "$base" "$dl"; do
		/usr/bin/time -f "%M KiB  ${cmd%% *}" sh -c "$cmd >/dev/null 2>&1 || true" 2>&1 | tail -1
	done
	# Interleaved, alternating which goes first, so that drift in the
	# machine's speed falls on both alike; medians and their ratio.
	echo "== wall time, $runs interleaved pairs: baseline $baseline, then the working tree"
	$base >/dev/null 2>&1 || true
	$dl >/dev/null 2>&1 || true
	for i in $(seq 1 "$runs"); do
		for which in $( ((i % 2)) && echo "base dl" || echo "dl base"); do
			cmd="$base"
			[ "$which" = dl ] && cmd="$dl"
			start=$(date +%s%N)
			$cmd >/dev/null 2>&1 || true
			echo "$which $(( ($(date +%s%N) - start) / 1000 ))"
		done
	done | sort -k1,1 -k2,2n | awk '
		{ t[$1] = t[$1] " " $2; n[$1]++ }
		END {
			for (k in n) { split(substr(t[k], 2), v, " "); m[k] = (n[k] % 2) ? v[(n[k] + 1) / 2] : (v[n[k] / 2] + v[n[k] / 2 + 1]) / 2 }
			printf "median baseline %.1f ms, working tree %.1f ms: ratio %.3f (working tree / baseline)\n", m["base"] / 1000, m["dl"] / 1000, m["dl"] / m["base"]
		}'
	exit 0
fi

bin="$work/peers/node_modules/.bin"
ox="$bin/oxlint -A all -D nextjs/no-async-client-component --nextjs-plugin ."
bio="$bin/biome lint --only=suspicious/noDuplicateObjectKeys --only=correctness/noUnusedVariables --max-diagnostics=0 ."
es="$bin/eslint --config $work/peers/eslint.config.mjs ."

if [ "$cache" = 1 ]; then
	[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
	cachedir="$work/cache"
	cold="$dl --no-cache"
	warm="$dl --cache-location $cachedir"
	# The file edited before each run of the third command: the first .tsx
	# file of the copy in byte order. sed reads all of sort's output, so no
	# SIGPIPE trips pipefail.
	edited=$(find "$target" -name node_modules -prune -o -type f -name '*.tsx' -print | LC_ALL=C sort | sed -n 1p)
	[ -n "$edited" ] || { echo "$0: no .tsx file under $dir to edit" >&2; exit 2; }
	# hyperfine runs --prepare with sh, which has no $RANDOM: the
	# nanoseconds make each appended comment line new. The path is quoted:
	# Next.js route groups put parentheses in it.
	edit="echo \"// edit \$(date +%s%N)\" >> '$edited'"
	echo "== edited before each warm-after-edit run: ${edited#"$target"/}"

	# The cache keeps no record made from files written less than 3 s
	# before the run (source.Stamp.Racy: their stamps cannot tell a later
	# change), and the copy was just written: wait until it has settled,
	# its pages written back to disk (not during the first runs timed).
	sync
	sleep 4

	# Peak RSS, and the cache primed: the first run with the cache writes
	# it; the next finds every file unchanged.
	rss() { /usr/bin/time -f "%M KiB  $1" sh -c "$2 >/dev/null 2>&1 || true" 2>&1 | tail -1; }
	echo "== peak RSS (KiB)"
	rss "directivelint cold (--no-cache)" "$cold"
	rss "directivelint priming the cache" "$warm"
	[ -n "$(find "$cachedir" -name '*.cache' 2>/dev/null)" ] || { echo "$0: the priming run wrote no cache in $cachedir" >&2; exit 1; }
	rss "directivelint warm, nothing changed" "$warm"
	sh -c "$edit"
	before=$(find "$cachedir" -name '*.snapshot' -printf '%T@ ')
	rss "directivelint warm, one file edited" "$warm"
	# The edit rewrites the run's snapshot (with the file's new stamp),
	# unless the file is not linted (ignored): then the fourth command
	# measures nothing.
	[ "$(find "$cachedir" -name '*.snapshot' -printf '%T@ ')" != "$before" ] ||
		echo "$0: warning: the edit did not rewrite the run's snapshot; is the edited file linted?" >&2
	rss "oxlint" "$ox"
	echo "== cache on disk: $(du -sk "$cachedir" | cut -f1) KiB ($(du -sb "$cachedir" | cut -f1) bytes) in $(find "$cachedir" -type f | wc -l) file(s)"
	# A warm run must report what a cold one does.
	if cmp -s <($cold 2>&1) <($warm 2>&1); then
		echo "== warm output = cold output"
	else
		echo "== warm output DIFFERS from cold output" >&2
	fi

	# The five in turn, round after round: the first run writes the cache
	# the next two find, the edit comes right before the last. On a
	# shared machine the speed drifts by tens of percent within minutes
	# (a hyperfine run of each after the other put oxlint at 1.05 s once
	# and 1.48 s an hour later); in turn, drift falls on all five alike.
	# Each run's wall time, CPU (user + system) and peak RSS, by
	# /usr/bin/time; then the medians, and their ratios to oxlint's.
	echo "== wall time, CPU and peak RSS: $runs rounds of the five in turn"
	log="$work/cache-runs.txt"
	# Wall time from bash's clock ($EPOCHREALTIME, microseconds: the 10 ms
	# of /usr/bin/time's %e are too coarse for a warm run), CPU and peak
	# RSS from /usr/bin/time.
	timed() {
		local start=$EPOCHREALTIME
		/usr/bin/time -f "$1 %U %S %M" -a -o "$log.time" $2 >/dev/null 2>&1 || true
		local end=$EPOCHREALTIME
		local rus=$(grep "^$1 " "$log.time" | tail -1)
		echo "$1 $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f", e - s }') ${rus#"$1 "}" >>"$log"
	}
	$cold >/dev/null 2>&1 || true # warm-up: the files in the page cache
	$ox >/dev/null 2>&1 || true
	# The edit ends a round; the next round's first run must not find the
	# file written less than 3 s before (it would keep no record of it, and
	# the warm run after it would check it again): the pause makes sure.
	# A command run right after a pause finds the CPU slower (measured:
	# 15% on this shared machine), so the two compared, directivelint
	# without the cache and oxlint, take turns in coming first.
	for i in $(seq 1 "$runs"); do
		[ "$i" = 1 ] || sleep 1
		if ((i % 2)); then
			timed cold "$cold"
			timed oxlint "$ox"
		else
			timed oxlint "$ox"
			timed cold "$cold"
		fi
		rm -rf "$cachedir"
		timed first "$warm"
		timed warm "$warm"
		sh -c "$edit"
		timed edit "$warm"
	done
	echo "== cache on disk after the runs: $(du -sk "$cachedir" | cut -f1) KiB"
	# median LABEL FIELD: the median of a field of the label's lines (2:
	# wall seconds, 3: CPU seconds, 4: peak RSS KiB).
	median() {
		grep "^$1 " "$log" | awk -v f="$2" '{ print (f == 3) ? $3 + $4 : (f == 4 ? $5 : $2) }' | sort -n |
			awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
	}
	echo "== medians of $runs runs; ratios to oxlint's (below 1: faster, or less memory)"
	oxw=$(median oxlint 2) oxm=$(median oxlint 4)
	for label in cold first warm edit oxlint; do
		case $label in
		cold) name="directivelint cold (--no-cache)" ;;
		first) name="directivelint cold, writing the cache" ;;
		warm) name="directivelint warm, nothing changed" ;;
		edit) name="directivelint warm, one file edited" ;;
		oxlint) name="oxlint" ;;
		esac
		w=$(median $label 2) c=$(median $label 3) m=$(median $label 4)
		awk -v n="$name" -v w="$w" -v c="$c" -v m="$m" -v ow="$oxw" -v om="$oxm" 'BEGIN {
			printf "%-38s %8.1f ms  ratio %.3f   CPU %5.2f s   peak RSS %4d MiB  ratio %.2f\n", n, w * 1000, w / ow, c, m / 1024, m / om }'
	done
	exit 0
fi

dl="$dl --no-cache" # cold runs: --cache measures the warm ones
echo "== peak RSS (KiB)"
for cmd in "$dl" "$ox"; do
	/usr/bin/time -f "%M KiB  ${cmd%% *}" sh -c "$cmd >/dev/null 2>&1 || true" 2>&1 | tail -1
done
echo "== wall time (ratios are in the summary: read 'x times faster than')"
set -- --warmup 1 --ignore-failure --style basic
hyperfine "$@" --runs "$runs" -n directivelint "$dl" -n oxlint-1-rule "$ox"
hyperfine "$@" --runs 3 -n directivelint "$dl" -n biome-2-rules "$bio"
if [ "$eslint" = 1 ]; then
	hyperfine --ignore-failure --style basic --runs 1 -n directivelint "$dl" -n eslint-rsc "$es"
fi
