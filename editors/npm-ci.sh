#!/usr/bin/env bash
# Installs DIR's dependencies with npm ci, from its package-lock.json, into
# DIR/node_modules (git-ignored), unless they are there already from the
# same lock file.
#
#   editors/npm-ci.sh DIR
set -euo pipefail
dir="$1"
stamp="$dir/node_modules/.directivelint-lock.json"
if ! cmp -s "$dir/package-lock.json" "$stamp" 2>/dev/null; then
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	cp "$dir/package-lock.json" "$stamp"
fi
