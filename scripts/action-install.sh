#!/usr/bin/env bash
# The install steps of the GitHub Action (action.yml), kept here so that
# scripts/action-test.sh can run them outside GitHub.
#
#   action-install.sh plan       which install: writes mode=release|source and
#                                version=… to $GITHUB_OUTPUT
#   action-install.sh download   downloads the release archive for the runner,
#                                checks its sha256 against checksums.txt,
#                                unpacks it and adds it to $GITHUB_PATH
#   action-install.sh build      builds with the Go on PATH and adds it to
#                                $GITHUB_PATH
#
# Environment: VERSION (the action's version input), ACTION_REF and
# ACTION_PATH (github.action_ref and github.action_path), RUNNER_OS,
# RUNNER_ARCH and RUNNER_TEMP (set by the runner), GITHUB_OUTPUT and
# GITHUB_PATH; DIRECTIVELINT_DOWNLOAD_URL, where the release's files are (a
# mirror, or file:// for the tests; default: the GitHub release of VERSION).
set -euo pipefail

repo_url=https://github.com/directivelint/directivelint
module=github.com/directivelint/directivelint

fail() {
	echo "::error title=directivelint::$*" >&2
	exit 1
}

# plan: a release tag (v1.2.3) or "latest" downloads the release binary; an
# empty version takes the ref the action is used at; "source", a commit, a
# branch, or a local action (uses: ./, no ref) builds with Go.
plan() {
	local version="${VERSION:-${ACTION_REF:-}}" mode
	if [ "$version" = latest ]; then
		mode=release
	elif [[ "$version" =~ ^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
		mode=release version="v${version#v}"
	elif [ -z "$version" ]; then
		mode=source version=source
	else
		mode=source
	fi
	echo "directivelint: $mode $version"
	{
		echo "mode=$mode"
		echo "version=$version"
	} >>"$GITHUB_OUTPUT"
}

sha256() {
	if command -v sha256sum >/dev/null; then
		sha256sum "$1" | cut -d' ' -f1
	else
		shasum -a 256 "$1" | cut -d' ' -f1
	fi
}

download() {
	local version="${VERSION:?}" os arch base archive want got dir
	case "${RUNNER_OS:-$(uname -s)}" in
	Linux) os=linux ;;
	macOS | Darwin) os=darwin ;;
	Windows | MINGW* | MSYS* | CYGWIN*) os=windows ;;
	*) fail "no release binary for the runner's system ${RUNNER_OS:-$(uname -s)}; use version: source" ;;
	esac
	case "${RUNNER_ARCH:-$(uname -m)}" in
	X64 | x86_64 | amd64) arch=amd64 ;;
	ARM64 | aarch64 | arm64) arch=arm64 ;;
	*) fail "no release binary for the runner's processor ${RUNNER_ARCH:-$(uname -m)}; use version: source" ;;
	esac
	if [ -n "${DIRECTIVELINT_DOWNLOAD_URL:-}" ]; then
		base="$DIRECTIVELINT_DOWNLOAD_URL"
	elif [ "$version" = latest ]; then
		base="$repo_url/releases/latest/download"
	else
		base="$repo_url/releases/download/$version"
	fi
	dir="${RUNNER_TEMP:?}/directivelint-$version"
	rm -rf "$dir"
	mkdir -p "$dir"
	curl -fsSL --retry 3 -o "$dir/checksums.txt" "$base/checksums.txt" ||
		fail "cannot download $base/checksums.txt"
	# The archive for this platform is the one file of checksums.txt named
	# directivelint_<version>_<os>_<arch>.tar.gz (.zip on Windows).
	archive="$(awk -v os="$os" -v arch="$arch" '
		$2 ~ "^directivelint_[^/]*_" os "_" arch "\\.(tar\\.gz|zip)$" { print $2 }' "$dir/checksums.txt")"
	[ -n "$archive" ] || fail "$base/checksums.txt names no archive for ${os}_$arch"
	[ "$(echo "$archive" | wc -l)" = 1 ] || fail "$base/checksums.txt names more than one archive for ${os}_$arch"
	want="$(awk -v f="$archive" '$2 == f { print $1 }' "$dir/checksums.txt")"
	echo "directivelint: downloading $base/$archive"
	curl -fsSL --retry 3 -o "$dir/$archive" "$base/$archive" || fail "cannot download $base/$archive"
	got="$(sha256 "$dir/$archive")"
	if [ "$got" != "$want" ]; then
		rm -f "$dir/$archive"
		fail "checksum mismatch for $archive: sha256 $got, checksums.txt says $want"
	fi
	echo "directivelint: sha256 $got OK"
	case "$archive" in
	*.tar.gz) tar -xzf "$dir/$archive" -C "$dir" ;;
	*) if command -v unzip >/dev/null; then
		unzip -q -o "$dir/$archive" -d "$dir"
	else # a Windows runner without unzip
		powershell -NoProfile -Command "Expand-Archive -Force -LiteralPath '$(cygpath -w "$dir/$archive")' -DestinationPath '$(cygpath -w "$dir")'"
	fi ;;
	esac
	[ -f "$dir/directivelint" ] || [ -f "$dir/directivelint.exe" ] || fail "$archive holds no directivelint binary"
	echo "$dir" >>"$GITHUB_PATH"
}

# build: the action's own source when the version is the ref it is used at
# (or source); another ref through go install.
build() {
	local version="${VERSION:?}" gobin
	if [ "$version" = source ] || [ "$version" = "${ACTION_REF:-}" ]; then
		(cd "${ACTION_PATH:?}" && go install ./cmd/directivelint)
	else
		go install "$module/cmd/directivelint@$version"
	fi
	gobin="$(go env GOBIN)"
	echo "${gobin:-$(go env GOPATH)/bin}" >>"$GITHUB_PATH"
}

case "${1:-}" in
plan | download | build) "$1" ;;
*)
	echo "usage: $0 plan|download|build" >&2
	exit 2
	;;
esac
