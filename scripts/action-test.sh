#!/usr/bin/env bash
# Tests the GitHub Action (action.yml and scripts/action-install.sh) with
# the archives of a GoReleaser build, served from a local directory (file://,
# no network):
#
#   scripts/action-test.sh DIST     (scripts/release-test.sh passes dist)
#
# action.yml must be valid YAML that scripts/action-run.py can follow; the
# plan step must pick a download for a release version and Go for the rest;
# the download step must pick the runner's archive (linux x64 and arm64,
# macOS, Windows), check its sha256 against checksums.txt and fail on a bad
# one; and the whole action, run as a runner would, must lint with the
# downloaded binary (exit status 0 and 1), or with one built from source.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(cd "${1:?usage: $0 DIST}" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$repo"

fail() {
	echo "action test: $*" >&2
	exit 1
}

# A Python with PyYAML, for scripts/action-run.py: the one on PATH, else
# Debian's.
python=""
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import yaml' 2>/dev/null; then
		python="$py"
		break
	fi
done
if [ -z "$python" ]; then
	echo "PyYAML is not installed; installing the Debian package"
	sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-yaml >/dev/null
	python=/usr/bin/python3
fi

echo "== action: action.yml"
"$python" scripts/action-run.py --check

echo "== action: the plan step"
# plan_is VERSION ACTION_REF MODE WANT_VERSION
plan_is() {
	local out="$tmp/plan-output"
	: >"$out"
	VERSION="$1" ACTION_REF="$2" GITHUB_OUTPUT="$out" bash scripts/action-install.sh plan >/dev/null
	local got
	got="$(tr '\n' ' ' <"$out")"
	[ "$got" = "mode=$3 version=$4 " ] || fail "version '$1' at ref '$2': plan says '$got', want mode=$3 version=$4"
}
plan_is "" v0.2.0 release v0.2.0
plan_is 0.2.0 "" release v0.2.0
plan_is v1.0.0-rc.1 main release v1.0.0-rc.1
plan_is latest v0.2.0 release latest
plan_is "" "" source source
plan_is source v0.2.0 source source
plan_is "" 0123456789abcdef0123456789abcdef01234567 source 0123456789abcdef0123456789abcdef01234567
plan_is "" main source main

version="$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' "$dist/metadata.json")"
[ -n "$version" ] || fail "no version in $dist/metadata.json"

# download NAME RUNNER_OS RUNNER_ARCH [BASE_URL]: runs the download step
# into $tmp/NAME; its output in $tmp/NAME.log.
download() {
	mkdir -p "$tmp/$1"
	: >"$tmp/$1/path"
	RUNNER_OS="$2" RUNNER_ARCH="$3" RUNNER_TEMP="$tmp/$1" GITHUB_PATH="$tmp/$1/path" \
		VERSION="v$version" DIRECTIVELINT_DOWNLOAD_URL="${4:-file://$dist}" \
		bash scripts/action-install.sh download >"$tmp/$1.log" 2>&1
}

# installed NAME BINARY ARCHIVE FORMAT: the download step NAME unpacked
# ARCHIVE, put BINARY (of FORMAT, as file(1) would say) in the directory it
# added to GITHUB_PATH.
installed() {
	local dir
	dir="$(cat "$tmp/$1/path")"
	grep -q "downloading file://$dist/$3$" "$tmp/$1.log" || fail "$1: did not download $3: $(cat "$tmp/$1.log")"
	grep -q "sha256 .* OK" "$tmp/$1.log" || fail "$1: no checksum verified: $(cat "$tmp/$1.log")"
	[ -f "$dir/$2" ] || fail "$1: no $2 in $dir"
	"$python" - "$dir/$2" "$4" <<-'EOF' || fail "$1: $2 is not $4"
		import struct, sys
		data = open(sys.argv[1], "rb").read(4096)
		if data[:4] == b"\x7fELF":
		    kind = {0x3E: "ELF x86-64", 0xB7: "ELF aarch64"}.get(struct.unpack_from("<H", data, 18)[0])
		elif data[:4] == b"\xcf\xfa\xed\xfe":
		    kind = {0x01000007: "Mach-O x86_64", 0x0100000C: "Mach-O arm64"}.get(struct.unpack_from("<I", data, 4)[0])
		elif data[:2] == b"MZ":
		    pe = struct.unpack_from("<I", data, 0x3C)[0]
		    kind = {0x8664: "PE x86-64", 0xAA64: "PE aarch64"}.get(struct.unpack_from("<H", data, pe + 4)[0])
		else:
		    kind = None
		sys.exit(kind != sys.argv[2])
	EOF
}

echo "== action: the download step picks the runner's archive and checks it"
download linux-x64 Linux X64 || fail "linux-x64: $(cat "$tmp/linux-x64.log")"
installed linux-x64 directivelint "directivelint_${version}_linux_amd64.tar.gz" "ELF x86-64"
got="$("$(cat "$tmp/linux-x64/path")/directivelint" --version)"
[[ "$got" == "directivelint $version (commit "*")" ]] || fail "linux-x64: --version says '$got'"
download linux-arm64 Linux ARM64 || fail "linux-arm64: $(cat "$tmp/linux-arm64.log")"
installed linux-arm64 directivelint "directivelint_${version}_linux_arm64.tar.gz" "ELF aarch64"
download macos macOS ARM64 || fail "macos: $(cat "$tmp/macos.log")"
installed macos directivelint "directivelint_${version}_darwin_arm64.tar.gz" "Mach-O arm64"
if command -v unzip >/dev/null; then
	download windows Windows X64 || fail "windows: $(cat "$tmp/windows.log")"
	installed windows directivelint.exe "directivelint_${version}_windows_amd64.zip" "PE x86-64"
else
	echo "(no unzip here: the Windows archive is not unpacked)"
fi

echo "== action: the download step fails on a bad checksum, and installs nothing"
mkdir "$tmp/bad"
cp "$dist"/*.tar.gz "$dist/checksums.txt" "$tmp/bad/"
linux_x64="directivelint_${version}_linux_amd64.tar.gz"
# checksums.txt that disagrees with the archive
sed -i "s/^[0-9a-f]\{64\}  $linux_x64\$/$(printf '0%.0s' {1..64})  $linux_x64/" "$tmp/bad/checksums.txt"
if download bad-sum Linux X64 "file://$tmp/bad"; then fail "bad-sum: a wrong checksum passed"; fi
grep -q "checksum mismatch for $linux_x64" "$tmp/bad-sum.log" || fail "bad-sum: $(cat "$tmp/bad-sum.log")"
[ ! -s "$tmp/bad-sum/path" ] || fail "bad-sum: added to GITHUB_PATH"
[ ! -e "$tmp/bad-sum/directivelint-v$version/directivelint" ] || fail "bad-sum: unpacked the binary"
# an archive that was altered after checksums.txt was made
cp "$dist/checksums.txt" "$tmp/bad/"
printf 'x' >>"$tmp/bad/$linux_x64"
if download bad-archive Linux X64 "file://$tmp/bad"; then fail "bad-archive: an altered archive passed"; fi
grep -q "checksum mismatch for $linux_x64" "$tmp/bad-archive.log" || fail "bad-archive: $(cat "$tmp/bad-archive.log")"
[ ! -s "$tmp/bad-archive/path" ] || fail "bad-archive: added to GITHUB_PATH"
# no archive for the runner
if download no-archive Linux X86; then fail "no-archive: a 32-bit runner got a binary"; fi
grep -q "no release binary for the runner's processor X86" "$tmp/no-archive.log" || fail "no-archive: $(cat "$tmp/no-archive.log")"
# no release there
if download no-release Linux X64 "file://$tmp/nothing"; then fail "no-release: passed"; fi
grep -q "cannot download file://$tmp/nothing/checksums.txt" "$tmp/no-release.log" || fail "no-release: $(cat "$tmp/no-release.log")"

# run_action WANT_STATUS ARGS...: runs action.yml as a runner would.
run_action() {
	local want="$1" status=0
	shift
	"$python" scripts/action-run.py "$@" >"$tmp/action.log" 2>&1 || status=$?
	cat "$tmp/action.log"
	[ "$status" = "$want" ] || fail "action $*: exit status $status, want $want"
}

echo "== action: the whole action, with the release binary"
export DIRECTIVELINT_DOWNLOAD_URL="file://$dist"
run_action 0 --ref "v$version" --input args=--version
grep -qx "directivelint $version (commit .*)" "$tmp/action.log" || fail "the action ran another directivelint"
grep -q -- "-- Set up Go: skipped" "$tmp/action.log" || fail "a release version set up Go"
run_action 0 --ref "v$version" --input paths=testdata/clean
run_action 1 --ref "v$version" --input paths="testdata/demo" --input args="--max-warnings 0"
grep -q "^::error file=testdata/demo/app/lib/db.ts,.*(directive-typo)" "$tmp/action.log" || fail "no annotation for testdata/demo"
unset DIRECTIVELINT_DOWNLOAD_URL

echo "== action: the whole action, built from source (version: source)"
GOBIN="$tmp/gobin" run_action 1 --input version=source --input paths=testdata/demo --skip-uses actions/setup-go
grep -q "^-- Download directivelint: skipped" "$tmp/action.log" || fail "version: source downloaded"
[ -x "$tmp/gobin/directivelint" ] || fail "version: source built nothing in GOBIN"
echo "action test: ok"
