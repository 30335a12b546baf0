#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml through the real pre-commit tool: in a
# temporary git repository, a staged file with a misplaced directive must
# make the hook fail, and a good file must pass. Called by .ci/run for the
# directivelint hook (language: golang), and by scripts/release-test.sh for
# directivelint-system in a project where npm installed directivelint:
#
#   .ci/pre-commit-hook.sh [HOOK [PROJECT]]   (default: directivelint, a new directory)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
hook="${1:-directivelint}"

if ! command -v pre-commit >/dev/null; then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	echo "pre-commit is not installed; installing the Debian package"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pre-commit >/dev/null
fi
pre-commit --version

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Keep pre-commit's cache in the temporary directory, and let the golang
# hook use the Go module cache we already have (it sets its own GOPATH,
# which would otherwise download every module again).
export PRE_COMMIT_HOME="$tmp/cache"
GOMODCACHE="$(go env GOMODCACHE)"
export GOMODCACHE

# The hook repository: a commit of the working tree as it is (tracked and
# untracked files, minus ignored ones), since try-repo would only see
# committed files and changes to tracked ones.
mkdir "$tmp/hooks"
(cd "$repo" && git ls-files -z -co --exclude-standard | xargs -0 tar -cf - --ignore-failed-read 2>/dev/null) | tar -xf - -C "$tmp/hooks"
git -C "$tmp/hooks" init -q
git -C "$tmp/hooks" add -A
git -C "$tmp/hooks" -c user.email=ci@example.com -c user.name=ci -c commit.gpgsign=false commit -q -m snapshot
hooks="$tmp/hooks"

project="${2:-$tmp/project}"
git init -q "$project"
cd "$project"
git config user.email ci@example.com
git config user.name ci
git config commit.gpgsign false

# try_hook EXPECTED_STATUS: runs the hook on the staged files.
try_hook() {
	local want="$1" status=0
	pre-commit try-repo "$hooks" "$hook" >"$tmp/out" 2>&1 || status=$?
	cat "$tmp/out"
	if { [ "$want" = fail ] && [ "$status" = 0 ]; } || { [ "$want" = pass ] && [ "$status" != 0 ]; }; then
		echo "pre-commit hook $hook: expected to $want, exit status $status" >&2
		exit 1
	fi
}

echo "== pre-commit hook $hook: a staged bad file fails"
mkdir -p app
printf "import { db } from './db';\n'use client';\n\nexport function Button() {\n  return null;\n}\n" >app/button.tsx
printf "the hook ignores files that are not JavaScript or TypeScript: 'use sever'\n" >notes.txt
git add app/button.tsx notes.txt
try_hook fail
grep -q "directive-position" "$tmp/out" || { echo "pre-commit hook $hook: no directive-position report" >&2; exit 1; }

echo "== pre-commit hook $hook: a good file passes"
printf "'use client';\nimport { db } from './db';\n\nexport function Button() {\n  return null;\n}\n" >app/button.tsx
git add app/button.tsx
try_hook pass
git commit -q -m "a good button"

echo "== pre-commit hook $hook: a staged client module that reaches server-only code through a committed file fails"
# The file's project (its package.json) bounds the module graph.
[ -f package.json ] || printf '{"dependencies": {"next": "15.0.0"}}\n' >package.json
printf "import 'server-only';\nexport const secret = () => process.env.SECRET;\n" >app/secret.ts
git add package.json app/secret.ts
git commit -q -m "a server-only helper"
printf "'use client';\nimport { secret } from './secret';\n\nexport function Widget() {\n  return secret();\n}\n" >app/widget.tsx
git add app/widget.tsx
try_hook fail
grep -q "app/widget.tsx:2:1" "$tmp/out" && grep -q "server-only-in-client" "$tmp/out" ||
	{ echo "pre-commit hook $hook: the staged widget's import is not reported" >&2; exit 1; }
echo "pre-commit hook $hook: ok"
