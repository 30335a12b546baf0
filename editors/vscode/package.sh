#!/usr/bin/env bash
# Packages the VS Code extension as a .vsix with @vscode/vsce, both pinned by
# package-lock.json and installed with npm ci (the only network use); vsce
# itself works offline. The .vsix holds the extension and its production
# dependencies (vscode-languageclient), not vsce. Then checks that the .vsix
# holds the entry file and that the language client resolves from it.
#
#   editors/vscode/package.sh [OUT.vsix]   (default: editors/vscode/directivelint.vsix)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(realpath -m "${1:-$here/directivelint.vsix}")"

bash "$here/../npm-ci.sh" "$here"
cp "$root/LICENSE" "$here/LICENSE" # git-ignored: the repository's license
rm -f "$out"
(cd "$here" && ./node_modules/.bin/vsce package --out "$out" </dev/null)

# What VS Code would load: the entry file, and the language client resolved
# from it, in the unpacked .vsix.
unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$out" "$unpacked"
ext="$unpacked/extension"
main="$(node -p 'require(process.argv[1]).main' "$ext/package.json")"
for want in "$main" find-binary.js LICENSE.txt; do
	if [ ! -f "$ext/$want" ]; then
		echo "package.sh: $out has no extension/$want" >&2
		exit 1
	fi
done
node --check "$ext/$main"
if ! node -e 'require.resolve("vscode-languageclient/node", { paths: [process.argv[1]] })' "$ext"; then
	echo "package.sh: vscode-languageclient/node does not resolve from the .vsix's extension directory" >&2
	exit 1
fi
for unwanted in find-binary.test.js package.sh node_modules/@vscode/vsce; do
	if [ -e "$ext/$unwanted" ]; then
		echo "package.sh: $out should not hold extension/$unwanted" >&2
		exit 1
	fi
done
echo "package.sh: $out ($(wc -c <"$out") bytes, $(find "$ext" -type f | wc -l) files in extension/)"
