// node --test: findBinary's order (setting, npm package, PATH) on made-up
// directory trees.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { test, beforeEach, afterEach } = require("node:test");
const { findBinary } = require("./find-binary");

let tmp;
beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "find-binary-")));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel, text, mode = 0o644) {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
  return file;
}
const executable = (rel) => write(rel, "#!/bin/sh\n", 0o755);

// npmProject makes the directivelint npm package in dir/node_modules, with
// its linux-x64 package when withBinary.
function npmProject(dir, withBinary = true) {
  write(`${dir}/node_modules/directivelint/package.json`,
    JSON.stringify({ name: "directivelint", optionalDependencies: { "@directivelint/linux-x64": "1.0.0", "@directivelint/darwin-arm64": "1.0.0" } }));
  write(`${dir}/node_modules/directivelint/bin/directivelint`, "launcher");
  if (!withBinary) return undefined;
  write(`${dir}/node_modules/@directivelint/linux-x64/package.json`, JSON.stringify({ name: "@directivelint/linux-x64" }));
  return executable(`${dir}/node_modules/@directivelint/linux-x64/bin/directivelint`);
}

const linux = { platform: "linux", arch: "x64" };

test("the setting comes first, relative to the first workspace folder", () => {
  npmProject("app");
  const onPath = executable("bin/directivelint");
  const mine = executable("app/tools/directivelint");
  const env = { PATH: path.dirname(onPath) };
  const folders = [path.join(tmp, "app")];
  assert.deepEqual(findBinary({ setting: "tools/directivelint", folders, env, ...linux }), { path: mine, source: "the setting directivelint.path" });
  assert.equal(findBinary({ setting: mine, folders, env, ...linux }).path, mine);
});

test("a setting that names no executable is an error, not a fallback", () => {
  const onPath = executable("bin/directivelint");
  const { error } = findBinary({ setting: "nope/directivelint", folders: [tmp], env: { PATH: path.dirname(onPath) }, ...linux });
  assert.match(error, /directivelint\.path is nope\/directivelint/);
});

test("then the platform binary of the project's npm package, found from the folder or a parent", () => {
  const binary = npmProject("repo");
  const onPath = executable("bin/directivelint");
  fs.mkdirSync(path.join(tmp, "repo/apps/web"), { recursive: true });
  for (const folder of ["repo", "repo/apps/web"]) {
    assert.deepEqual(findBinary({ folders: [path.join(tmp, folder)], env: { PATH: path.dirname(onPath) }, ...linux }),
      { path: binary, source: "the project's directivelint npm package" });
  }
});

test("the platform package is resolved from the real directory of a linked package (pnpm)", () => {
  const binary = npmProject("store/directivelint@1.0.0");
  fs.mkdirSync(path.join(tmp, "app/node_modules"), { recursive: true });
  fs.symlinkSync(path.join(tmp, "store/directivelint@1.0.0/node_modules/directivelint"), path.join(tmp, "app/node_modules/directivelint"));
  assert.equal(findBinary({ folders: [path.join(tmp, "app")], env: {}, ...linux }).path, binary);
});

test("then PATH, when the npm package has no binary for this platform", () => {
  npmProject("app", false);
  const onPath = executable("bin/directivelint");
  const env = { PATH: [path.join(tmp, "empty"), path.dirname(onPath)].join(path.delimiter) };
  const folders = [path.join(tmp, "app")];
  assert.deepEqual(findBinary({ folders, env, ...linux }), { path: onPath, source: "PATH" });
  assert.deepEqual(findBinary({ folders, env, platform: "freebsd", arch: "x64" }), { path: onPath, source: "PATH" });
});

test("a non-executable file on PATH is skipped", () => {
  write("bin/directivelint", "not executable");
  const good = executable("bin2/directivelint");
  const env = { PATH: [path.join(tmp, "bin"), path.join(tmp, "bin2")].join(path.delimiter) };
  assert.equal(findBinary({ folders: [tmp], env, ...linux }).path, good);
});

test("nothing found: the error says where it looked and why the npm package did not do", () => {
  npmProject("app", false);
  const { error, path: found } = findBinary({ folders: [path.join(tmp, "app")], env: { PATH: path.join(tmp, "bin") }, ...linux });
  assert.equal(found, undefined);
  assert.match(error, /directivelint\.path is empty/);
  assert.match(error, /@directivelint\/linux-x64, is not installed/);
  assert.match(error, /PATH has no directivelint/);
});
