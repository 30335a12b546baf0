// Builds the npm packages from a GoReleaser build (scripts/release-test.sh
// runs it after goreleaser release --snapshot; a release would run it after
// goreleaser release, then npm publish each directory, platforms first):
//
//   node npm/build.mjs [DIST [OUT]]     (default: dist dist/npm)
//
// It reads DIST/metadata.json (the version) and DIST/artifacts.json (the
// binaries) and writes into OUT, emptied first:
//
//   OUT/directivelint/      the launcher package, from npm/directivelint/,
//                           its optionalDependencies pinned to the version,
//                           with schema/directivelint.schema.json (the
//                           "$schema" directivelint init writes)
//   OUT/<os>-<cpu>/         @directivelint/<os>-<cpu>, from npm/platform/:
//                           one binary in bin/, with os and cpu set
//
// Every package gets the release's version (lock-step) and the LICENSE. The
// platforms are the launcher's optionalDependencies: a platform that has a
// package but no binary, or the other way round, is an error.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const dist = path.resolve(process.argv[2] ?? path.join(repo, "dist"));
const out = path.resolve(process.argv[3] ?? path.join(dist, "npm"));

// Go's names for the platforms and processors, and Node's
// (process.platform, process.arch), which the package names use.
const nodeOS = { linux: "linux", darwin: "darwin", windows: "win32" };
const nodeCPU = { amd64: "x64", arm64: "arm64" };
const scope = "@directivelint/";

function readJSON(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function writeJSON(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

function fail(message) {
  console.error(`npm/build.mjs: ${message}`);
  process.exit(1);
}

const { version } = readJSON(path.join(dist, "metadata.json"));
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  fail(`${version} from ${dist}/metadata.json is not a version npm takes`);
}

// The binaries, by Node's name for their platform: linux-x64 and so on.
const binaries = new Map();
for (const a of readJSON(path.join(dist, "artifacts.json"))) {
  if (a.type !== "Binary") continue;
  if (!nodeOS[a.goos] || !nodeCPU[a.goarch]) fail(`no npm name for ${a.goos}/${a.goarch} (${a.path})`);
  binaries.set(`${nodeOS[a.goos]}-${nodeCPU[a.goarch]}`, path.resolve(repo, a.path));
}

const launcher = readJSON(path.join(here, "directivelint", "package.json"));
const targets = Object.keys(launcher.optionalDependencies).map((name) => name.slice(scope.length));
for (const target of binaries.keys()) {
  if (!targets.includes(target)) fail(`a binary for ${target} but no ${scope}${target} in npm/directivelint/package.json`);
}

fs.rmSync(out, { recursive: true, force: true });
const license = path.join(repo, "LICENSE");

// The launcher package.
const main = path.join(out, "directivelint");
fs.cpSync(path.join(here, "directivelint"), main, { recursive: true });
fs.copyFileSync(license, path.join(main, "LICENSE"));
fs.mkdirSync(path.join(main, "schema"), { recursive: true });
fs.copyFileSync(path.join(repo, "schema", "directivelint.schema.json"), path.join(main, "schema", "directivelint.schema.json"));
launcher.version = version;
for (const name of Object.keys(launcher.optionalDependencies)) launcher.optionalDependencies[name] = version;
writeJSON(path.join(main, "package.json"), launcher);
fs.chmodSync(path.join(main, "bin", "directivelint"), 0o755);
console.log(`${main}: directivelint ${version}`);

// A package a platform.
const template = fs.readFileSync(path.join(here, "platform", "package.json"), "utf8");
const readme = fs.readFileSync(path.join(here, "platform", "README.md"), "utf8");
for (const target of targets) {
  const binary = binaries.get(target);
  if (!binary) fail(`no binary for ${scope}${target} in ${dist}/artifacts.json`);
  const [os, cpu] = target.split("-");
  const name = path.basename(binary); // directivelint, or directivelint.exe
  const fill = (text) => text.replaceAll("{{os}}", os).replaceAll("{{cpu}}", cpu).replaceAll("{{binary}}", name);
  const dir = path.join(out, target);
  fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
  const pkg = JSON.parse(fill(template));
  pkg.version = version;
  writeJSON(path.join(dir, "package.json"), pkg);
  fs.writeFileSync(path.join(dir, "README.md"), fill(readme));
  fs.copyFileSync(license, path.join(dir, "LICENSE"));
  fs.copyFileSync(binary, path.join(dir, "bin", name));
  fs.chmodSync(path.join(dir, "bin", name), 0o755);
  console.log(`${dir}: ${pkg.name} ${version}`);
}
