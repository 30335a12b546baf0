#!/usr/bin/env bash
# The release test, run by .ci/run: builds the release as a release would,
# offline, and installs and runs it the ways the README's "Install" says.
#
#  1. goreleaser release --snapshot --clean (.goreleaser.yaml), with no
#     network: six archives and checksums.txt in dist/; sha256sum -c passes,
#     each archive holds the binary, LICENSE, README.md and
#     schema/directivelint.schema.json, the binary is
#     stripped, built with -trimpath and says its version and commit.
#  2. npm/build.mjs makes the npm packages from dist/, npm pack packs them.
#  3. In a scratch project, npm installs the tarballs of directivelint and of
#     this platform's package offline; npx directivelint then gives the
#     binary's own output and exit status (0, 1, 2), stdin included; without
#     the platform's package, or on a platform with none, the launcher says
#     so. The VS Code extension's find-binary.js finds the binary npm (and
#     in 5, pnpm) installed.
#  4. The pre-commit hook directivelint-system (.ci/pre-commit-hook.sh), with
#     the directivelint that npm installed, and with one on PATH.
#  5. From a local registry on 127.0.0.1 serving those tarballs, as users
#     will from npm's: npm install -D and npx, npx directivelint@VERSION,
#     pnpm add and pnpm exec, pnpm dlx, yarn add and yarn run, bun add and
#     bunx (each package manager installed from npm when missing, skipped
#     with a message when it cannot be).
#  6. scripts/action-test.sh: the GitHub Action on dist/'s archives.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
started=$SECONDS
tmp="$(mktemp -d)"
registry_pid=""
cleanup() {
	if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# Package managers installed when missing (pnpm 11 and later need Node 22).
PNPM_VERSION=10.34.9
YARN_VERSION=1.22.22
BUN_VERSION=1.4.4

fail() {
	echo "release test: $*" >&2
	exit 1
}

# offline CMD...: runs CMD with no network at all, in a network namespace of
# its own, where this machine allows one.
if unshare --net true 2>/dev/null; then
	offline() { unshare --net "$@"; }
else
	echo "(unshare --net is not allowed here: the offline steps run with GOPROXY=off and npm --offline only)"
	offline() { "$@"; }
fi

# expect NAME STATUS CMD...: runs CMD, its stdin from $STDIN (default
# /dev/null), stdout and stderr to $tmp/NAME.out and .err; fails unless it
# exits with STATUS.
expect() {
	local name="$1" want="$2" status=0
	shift 2
	"$@" <"${STDIN:-/dev/null}" >"$tmp/$name.out" 2>"$tmp/$name.err" || status=$?
	if [ "$status" != "$want" ]; then
		cat "$tmp/$name.out" "$tmp/$name.err" >&2
		fail "$name: $* exited with status $status, want $want"
	fi
}

# same STATUS CMD...: CMD, a way to run directivelint with its arguments
# last, must exit with STATUS and print what the binary itself prints with
# those arguments ($binary, in the same directory), on stdout and on stderr.
# The arguments are those after the word directivelint or directivelint@….
same() {
	local want="$1" i
	shift
	for ((i = 1; i <= $#; i++)); do
		[[ "${!i}" == directivelint || "${!i}" == directivelint@* ]] && break
	done
	expect got "$want" "$@"
	expect want "$want" "$binary" "${@:i+1}"
	cmp -s "$tmp/got.out" "$tmp/want.out" || {
		diff "$tmp/want.out" "$tmp/got.out" >&2 || true
		fail "$*: stdout is not the binary's"
	}
	cmp -s "$tmp/got.err" "$tmp/want.err" || {
		diff "$tmp/want.err" "$tmp/got.err" >&2 || true
		fail "$*: stderr is not the binary's"
	}
	echo "ok: $* (exit status $want)"
}

# runs_everywhere CMD...: the checks that every way of running
# directivelint must pass, from a directory holding the fixture apps clean/
# and demo/.
runs_everywhere() {
	same 0 "$@" --version
	grep -qx "directivelint $version (commit $commit)" "$tmp/got.out" || fail "$*: --version says $(cat "$tmp/got.out")"
	same 0 "$@" clean
	same 1 "$@" demo
	grep -q "directive-typo" "$tmp/got.out" || fail "$* demo: no directive-typo report"
	same 1 "$@" --format json demo
	same 2 "$@" --format nope demo
	STDIN=demo/app/lib/db.ts same 1 "$@" --stdin --stdin-filename app/lib/db.ts --format compact
}

# vscode_finds_binary: the VS Code extension's find-binary.js, with nothing
# on PATH, finds this platform's binary in the project in the current
# directory, where a package manager installed directivelint; it runs.
vscode_finds_binary() {
	local found
	found="$(node -e 'const r = require(process.argv[1]).findBinary({ folders: [process.cwd()], env: {} }); if (r.error) { console.error(r.error); process.exit(1); } console.log(r.path);' "$repo/editors/vscode/find-binary.js")" ||
		fail "find-binary.js found no binary in $PWD"
	[ "$(node -p 'require(process.argv[1]).name' "$(dirname "$(dirname "$found")")/package.json")" = "@directivelint/$platform" ] ||
		fail "find-binary.js found $found, not the binary of @directivelint/$platform"
	"$found" --version >/dev/null || fail "find-binary.js found $found, which does not run"
	echo "ok: find-binary.js found $found"
}

# fixtures DIR: a scratch project in DIR with the fixture apps.
fixtures() {
	mkdir -p "$1"
	cp -R "$repo/testdata/clean" "$repo/testdata/demo" "$1/"
	printf '{ "name": "scratch", "private": true }\n' >"$1/package.json"
}

# tool NAME VERSION: NAME is on PATH, installed with npm when missing; else
# false, with a message.
tool() {
	command -v "$1" >/dev/null && return 0
	echo "$1 is not installed; installing $1@$2 from npm"
	npm install -g --no-audit --no-fund --loglevel=error "$1@$2" >"$tmp/install-$1.log" 2>&1 && command -v "$1" >/dev/null && return 0
	cat "$tmp/install-$1.log"
	echo "SKIPPED: $1 cannot be installed here, so the $1 lines of the README are not tested"
	return 1
}

echo "== release: tools"
if ! command -v npm >/dev/null; then
	echo "npm is not installed; installing the Debian packages"
	sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
echo "node $(node --version), npm $(npm --version)"
have_pnpm=false have_yarn=false have_bun=false
tool pnpm "$PNPM_VERSION" && have_pnpm=true
tool yarn "$YARN_VERSION" && have_yarn=true
tool bun "$BUN_VERSION" && have_bun=true
# Build GoReleaser (tools/goreleaser.mod) and fetch the modules of the build
# while the Go module proxy can be reached: the release builds offline.
go tool -modfile=tools/goreleaser.mod goreleaser --version | grep GitVersion
go mod download

echo "== release: goreleaser release --snapshot --clean, offline"
# GoReleaser reads the remote's URL, and without one it reads no commit.
git_env=()
if [ -z "$(git remote)" ]; then
	git_env=(GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url
		GIT_CONFIG_VALUE_0=https://github.com/directivelint/directivelint.git)
fi
build_started=$SECONDS
if ! offline env "${git_env[@]}" GOPROXY=off go tool -modfile=tools/goreleaser.mod goreleaser release --snapshot --clean >"$tmp/goreleaser.log" 2>&1; then
	cat "$tmp/goreleaser.log"
	fail "goreleaser release --snapshot failed"
fi
echo "built in $((SECONDS - build_started)) s"
version="$(node -p 'require("./dist/metadata.json").version')"
commit="$(git log -1 --format=%h)"
echo "version $version, commit $commit"

echo "== release: dist/checksums.txt and the archives"
(cd dist && sha256sum -c checksums.txt)
archives=()
for os in darwin linux windows; do
	for arch in amd64 arm64; do
		ext=tar.gz bin=directivelint
		[ "$os" = windows ] && ext=zip bin=directivelint.exe
		archive="directivelint_${version}_${os}_${arch}.$ext"
		archives+=("$archive")
		mkdir "$tmp/$os-$arch"
		if [ "$ext" = zip ]; then
			(cd "$tmp/$os-$arch" && python3 -m zipfile -e "$repo/dist/$archive" .)
		else
			tar -xzf "dist/$archive" -C "$tmp/$os-$arch"
		fi
		got="$(cd "$tmp/$os-$arch" && find . -type f | LC_ALL=C sort | tr '\n' ' ')"
		[ "$got" = "./LICENSE ./README.md ./$bin ./schema/directivelint.schema.json " ] || fail "$archive holds $got"
		for f in LICENSE README.md schema/directivelint.schema.json; do
			cmp -s "$f" "$tmp/$os-$arch/$f" || fail "$archive: $f differs"
		done
		if grep -qF "$repo" "$tmp/$os-$arch/$bin"; then fail "$archive: the binary holds $repo (no -trimpath?)"; fi
		if go tool nm "$tmp/$os-$arch/$bin" 2>/dev/null | grep -q ' T main\.main$'; then fail "$archive: the binary has symbols (not stripped)"; fi
	done
done
got="$(cut -d' ' -f3 dist/checksums.txt | sort | tr '\n' ' ')"
[ "$got" = "${archives[*]} " ] || fail "checksums.txt names $got, want ${archives[*]}"
echo "ok: ${#archives[@]} archives, each with the binary, LICENSE, README.md and the config schema; stripped, -trimpath"
# The binary every way of running directivelint is compared with.
binary="$tmp/$(go env GOOS)-$(go env GOARCH)/directivelint"
expect version 0 "$binary" --version
grep -qx "directivelint $version (commit $commit)" "$tmp/version.out" || fail "--version says $(cat "$tmp/version.out")"

echo "== release: the npm packages"
node npm/build.mjs dist dist/npm
mkdir "$tmp/packs"
for dir in dist/npm/*/; do
	npm pack "$dir" --pack-destination "$tmp/packs" --loglevel=error >/dev/null
done
platform="$(node -p 'process.platform + "-" + process.arch')"
main="$tmp/packs/directivelint-$version.tgz"
native="$tmp/packs/directivelint-$platform-$version.tgz"
[ -f "$main" ] || fail "npm pack made no $main"
[ -f "$native" ] || fail "npm pack made no $native: no package for this platform"
for tarball in "$main" "$native"; do
	tar -tvzf "$tarball" >"$tmp/listing"
	grep -q '^-rwxr-xr-x .* package/bin/directivelint$' "$tmp/listing" || fail "$tarball: no executable package/bin/directivelint"
done
# directivelint init points "$schema" at the schema the launcher package ships.
tar -xzf "$main" -C "$tmp" package/schema/directivelint.schema.json || fail "$main: no package/schema/directivelint.schema.json"
cmp -s schema/directivelint.schema.json "$tmp/package/schema/directivelint.schema.json" || fail "$main: the config schema differs"
ls "$tmp/packs"

echo "== release: npm install of the tarballs, offline; npx directivelint"
fixtures "$tmp/npm"
cd "$tmp/npm"
npm_offline=(--offline --cache "$tmp/npm-cache" --no-audit --no-fund --loglevel=error)
offline npm install "${npm_offline[@]}" "$main" "$native"
runs_everywhere offline npx --offline directivelint
# directivelint init points "$schema" at the schema npm installed, and
# does not overwrite the file.
expect init 0 offline npx --offline directivelint init
grep -qF '"$schema": "./node_modules/directivelint/schema/directivelint.schema.json"' directivelint.json || fail "init wrote $(cat directivelint.json)"
cmp -s "$repo/schema/directivelint.schema.json" node_modules/directivelint/schema/directivelint.schema.json || fail "npm installed no config schema, or another"
expect init-again 2 offline npx --offline directivelint init
rm directivelint.json

echo "== release: the VS Code extension finds the binary npm installed (editors/vscode/find-binary.js)"
vscode_finds_binary

echo "== release: the launcher's errors"
# Another platform: its package is not installed here.
other=linux-arm64
[ "$platform" = linux-arm64 ] && other=linux-x64
printf 'Object.defineProperty(process, "platform", { value: "%s" });\nObject.defineProperty(process, "arch", { value: "%s" });\n' \
	"${other%-*}" "${other#*-}" >"$tmp/other.cjs"
expect other 2 node --require "$tmp/other.cjs" node_modules/.bin/directivelint --version
grep -q "its package, @directivelint/$other, is not installed" "$tmp/other.err" || fail "no clear error for $other: $(cat "$tmp/other.err")"
# A platform with no package.
printf 'Object.defineProperty(process, "platform", { value: "freebsd" });\n' >"$tmp/freebsd.cjs"
expect freebsd 2 node --require "$tmp/freebsd.cjs" node_modules/.bin/directivelint --version
grep -q "there is no prebuilt binary for freebsd-" "$tmp/freebsd.err" || fail "no clear error for freebsd: $(cat "$tmp/freebsd.err")"
# DIRECTIVELINT_BINARY, and a binary killed by a signal: the launcher ends
# the same way.
printf '#!/bin/sh\nkill -TERM $$\n' >"$tmp/killed"
chmod +x "$tmp/killed"
# (Through sh, which gives the status without a word.)
DIRECTIVELINT_BINARY="$tmp/killed" expect killed 143 sh -c 'node_modules/.bin/directivelint; exit $?'
# directivelint alone, offline: npm skips the platform's package, which it
# cannot fetch, as it would on a platform with none.
fixtures "$tmp/npm-main-only"
cd "$tmp/npm-main-only"
offline npm install "${npm_offline[@]}" "$main"
expect main-only 2 offline npx --offline directivelint --version
grep -q "its package, @directivelint/$platform, is not installed" "$tmp/main-only.err" || fail "no clear error without the platform's package: $(cat "$tmp/main-only.err")"
echo "ok: the launcher's errors for another platform, an unknown one, a missing package; a signal"

echo "== release: the pre-commit hook directivelint-system"
# In the project where npm installed directivelint: node_modules/.bin's,
# not the one on PATH (which would fail the test).
mkdir "$tmp/path"
printf '#!/bin/sh\necho "the directivelint on PATH ran, not node_modules/.bin/directivelint" >&2\nexit 3\n' >"$tmp/path/directivelint"
chmod +x "$tmp/path/directivelint"
PATH="$tmp/path:$PATH" bash "$repo/.ci/pre-commit-hook.sh" directivelint-system "$tmp/npm"
# Without node_modules: the one on PATH.
PATH="$(dirname "$binary"):$PATH" bash "$repo/.ci/pre-commit-hook.sh" directivelint-system "$tmp/pre-commit-path"

echo "== release: from a local registry (127.0.0.1) serving the tarballs"
python3 "$repo/scripts/npm-registry.py" "$tmp/packs" "$tmp/registry" --timeout 900 &
registry_pid=$!
for _ in $(seq 50); do [ -f "$tmp/registry" ] && break || sleep 0.1; done
[ -f "$tmp/registry" ] || fail "the local registry did not start"
registry="$(cat "$tmp/registry")"
export npm_config_registry="$registry"

echo "-- npm install -D directivelint; npx directivelint"
fixtures "$tmp/registry-npm"
cd "$tmp/registry-npm"
npm install -D --cache "$tmp/npm-cache" --no-audit --no-fund --loglevel=error directivelint
got="$(cd node_modules/@directivelint && echo *)"
[ "$got" = "$platform" ] || fail "npm installed @directivelint/{$got}, want only $platform"
runs_everywhere npx --offline directivelint
echo "-- npx directivelint@$version, installing nothing"
fixtures "$tmp/registry-npx"
cd "$tmp/registry-npx"
runs_everywhere npx --yes --cache "$tmp/npx-cache" "directivelint@$version"

if $have_pnpm; then
	export npm_config_store_dir="$tmp/pnpm-store" npm_config_cache_dir="$tmp/pnpm-cache"
	echo "-- pnpm add -D directivelint; pnpm exec directivelint (pnpm $(pnpm --version))"
	fixtures "$tmp/registry-pnpm"
	cd "$tmp/registry-pnpm"
	pnpm add -D --reporter=silent directivelint
	runs_everywhere pnpm exec directivelint
	vscode_finds_binary # through pnpm's links
	echo "-- pnpm dlx directivelint@$version"
	fixtures "$tmp/registry-pnpm-dlx"
	cd "$tmp/registry-pnpm-dlx"
	runs_everywhere pnpm --reporter=silent dlx "directivelint@$version"
fi

if $have_yarn; then
	echo "-- yarn add -D directivelint; yarn directivelint (yarn $(yarn --version))"
	fixtures "$tmp/registry-yarn"
	cd "$tmp/registry-yarn"
	yarn add -D --silent --cache-folder "$tmp/yarn-cache" --registry "$registry" directivelint >/dev/null
	runs_everywhere yarn --silent directivelint
fi

if $have_bun; then
	echo "-- bun add -d directivelint; bunx directivelint (bun $(bun --version))"
	export BUN_INSTALL_CACHE_DIR="$tmp/bun-cache" BUN_CONFIG_REGISTRY="$registry"
	fixtures "$tmp/registry-bun"
	cd "$tmp/registry-bun"
	bun add -d --silent directivelint
	runs_everywhere bunx directivelint
fi
kill "$registry_pid"
registry_pid=""
unset npm_config_registry
cd "$repo"

echo "== release: the GitHub Action"
bash scripts/action-test.sh dist

echo "release test: ok in $((SECONDS - started)) s"
