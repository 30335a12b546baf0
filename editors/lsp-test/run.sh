#!/usr/bin/env bash
# Runs lsp-test.js: directivelint lsp, built from this checkout, driven by
# the libraries VS Code's language client is built on (pinned by
# package-lock.json, installed into the git-ignored node_modules).
#
#   editors/lsp-test/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

bash "$here/../npm-ci.sh" "$here"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/directivelint" ./cmd/directivelint)
node "$here/lsp-test.js" "$work/directivelint"
