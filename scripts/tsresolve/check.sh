#!/usr/bin/env bash
# Checks testdata/resolve/aliases/expect.txt, the verdicts lint/resolve's
# TestAliasFixture holds our resolver to, against TypeScript's own module
# resolution (tsc --traceResolution) with moduleResolution bundler and
# node16. TypeScript is installed from npm, pinned by package-lock.json,
# into a cache directory outside the repository.
#
#   scripts/tsresolve/check.sh        # exit 1 on any disagreement
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
fixture="$repo/testdata/resolve/aliases"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/directivelint/tsresolve-$(sha256sum "$here/package-lock.json" | cut -c1-12)"
if [ ! -x "$cache/node_modules/.bin/tsc" ]; then
	mkdir -p "$cache"
	cp "$here/package.json" "$here/package-lock.json" "$cache/"
	(cd "$cache" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
tsc="$cache/node_modules/.bin/tsc"

fail=0
for resolution in bundler node16; do
	work="$(mktemp -d)"
	cp -r "$fixture/." "$work/"
	module=esnext
	[ "$resolution" = node16 ] && module=node16
	# Every specifier of expect.txt as an import of app/page.ts.
	grep -v '^# \|^$' "$fixture/expect.txt" | cut -f1 | sed 's/.*/import "&";/' >"$work/app/page.ts"
	node -e '
		const fs = require("fs");
		const c = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
		Object.assign(c.compilerOptions, { module: process.argv[2], moduleResolution: process.argv[3] });
		c.files = ["app/page.ts"];
		fs.writeFileSync(process.argv[1], JSON.stringify(c));
	' "$work/tsconfig.json" "$module" "$resolution"
	trace="$(cd "$work" && "$tsc" --traceResolution -p . 2>&1 || true)"
	while IFS=$'\t' read -r spec verdict note; do
		case "$spec" in "# "* | "") continue ;; esac
		[ "$note" = bundler-only ] && continue
		line="$(grep -F "======== Module name '$spec' was" <<<"$trace" | head -1 || true)"
		case "$verdict" in
		unresolved | package*) want="was not resolved" ;; # no node_modules here
		*) want="was successfully resolved to '$work/$verdict'" ;;
		esac
		if [[ "$line" == *"$want"* ]]; then
			echo "agree    $resolution  $spec  $verdict"
		else
			echo "DISAGREE $resolution  $spec  ours: $verdict; TypeScript: ${line:-no trace}"
			fail=1
		fi
	done <"$fixture/expect.txt"
	rm -rf "$work"
done
exit "$fail"
