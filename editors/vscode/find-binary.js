// Where the extension finds the directivelint binary, in this order:
//
//  1. the setting directivelint.path (relative to the first workspace folder);
//  2. the project's directivelint npm package: the binary in its package for
//     this platform, @directivelint/<platform>-<arch>, resolved from the
//     package as its launcher (npm/directivelint/bin/directivelint) does, so
//     that VS Code does not need a node on PATH to run the launcher;
//  3. directivelint on PATH.
//
// No VS Code API here, so that `node --test` can test it.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const SCOPE = "@directivelint/";

function isExecutable(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const exeName = (platform) => (platform === "win32" ? "directivelint.exe" : "directivelint");

// npmPackageBinary returns the binary of the directivelint npm package that
// Node would resolve from dir (node_modules/directivelint in dir or a parent),
// or a note saying why there is none; undefined when there is no package.
function npmPackageBinary(dir, platform, arch) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const manifest = path.join(d, "node_modules", "directivelint", "package.json");
    if (fs.existsSync(manifest)) {
      // pnpm links the package from its store, where its own dependencies are.
      const pkgDir = fs.realpathSync(path.dirname(manifest));
      const { optionalDependencies = {} } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
      const platformPkg = `${SCOPE}${platform}-${arch}`;
      if (!Object.hasOwn(optionalDependencies, platformPkg)) {
        return { note: `${pkgDir} has no binary for ${platform}-${arch}` };
      }
      let platformDir;
      try {
        platformDir = path.dirname(require.resolve(`${platformPkg}/package.json`, { paths: [pkgDir] }));
      } catch {
        return { note: `${pkgDir}: its package for this platform, ${platformPkg}, is not installed` };
      }
      const binary = path.join(platformDir, "bin", exeName(platform));
      return isExecutable(binary) ? { path: binary } : { note: `${binary} is missing or not executable` };
    }
    if (path.dirname(d) === d) return undefined;
  }
}

// findBinary returns { path, source } for the binary to run, or { error }
// saying where it looked. options: setting (directivelint.path), folders
// (workspace folder paths), env, platform, arch (default: this process's).
function findBinary({ setting = "", folders = [], env = process.env, platform = process.platform, arch = process.arch } = {}) {
  if (setting) {
    const binary = path.resolve(folders[0] || process.cwd(), setting);
    if (!isExecutable(binary)) return { error: `directivelint: directivelint.path is ${setting}, and ${binary} is not an executable file.` };
    return { path: binary, source: "the setting directivelint.path" };
  }
  const notes = [];
  for (const folder of folders) {
    const found = npmPackageBinary(folder, platform, arch);
    if (found && found.path) return { path: found.path, source: "the project's directivelint npm package" };
    if (found) notes.push(found.note);
  }
  for (const dir of (env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    const binary = path.join(dir, exeName(platform));
    if (isExecutable(binary)) return { path: binary, source: "PATH" };
  }
  return {
    error: [
      "directivelint: no directivelint binary: the setting directivelint.path is empty, the project has no usable directivelint npm package, and PATH has no directivelint.",
      ...notes,
      "Install it (npm install --save-dev directivelint, or go install github.com/directivelint/directivelint/cmd/directivelint@latest) or set directivelint.path.",
    ].join(" "),
  };
}

module.exports = { findBinary };
