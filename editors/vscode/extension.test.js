// node --test: extension.js activated against stand-ins for the vscode
// module and vscode-languageclient, which only VS Code provides and which
// need a window: what it starts, for which documents, and when it starts
// again or not at all.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const Module = require("node:module");
const os = require("node:os");
const path = require("node:path");
const { test, beforeEach, afterEach } = require("node:test");

let tmp;
let binary;
beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "extension-")));
  binary = path.join(tmp, "directivelint");
  fs.writeFileSync(binary, "#!/bin/sh\n", { mode: 0o755 });
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

// load requires a fresh extension.js with settings as its configuration;
// it returns the extension and what it did.
function load(settings) {
  const did = { clients: [], errors: [], listeners: [] };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, serverOptions, clientOptions, started: false, stopped: false });
      did.clients.push(this);
    }
    async start() {
      this.started = true;
    }
    async stop() {
      this.stopped = true;
    }
  }
  const vscode = {
    workspace: {
      workspaceFolders: [{ uri: { fsPath: tmp } }],
      getConfiguration: (section) => {
        assert.equal(section, "directivelint");
        return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
      },
      onDidChangeConfiguration: (listener) => {
        did.listeners.push(listener);
        return { dispose() {} };
      },
    },
    window: {
      createOutputChannel: () => ({ appendLine() {}, dispose() {} }),
      showErrorMessage: (message) => did.errors.push(message),
    },
  };
  const stubs = { vscode, "vscode-languageclient/node": { LanguageClient } };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return Object.hasOwn(stubs, request) ? request : resolve.call(this, request, ...rest);
  };
  for (const [id, exports] of Object.entries(stubs)) require.cache[id] = { id, filename: id, loaded: true, exports };
  const file = require.resolve("./extension");
  delete require.cache[file];
  try {
    return { extension: require(file), did };
  } finally {
    Module._resolveFilename = resolve;
  }
}

const context = () => ({ subscriptions: [] });
const changed = (section) => ({ affectsConfiguration: (s) => s === section });

test("activation starts directivelint lsp for JavaScript and TypeScript files", async () => {
  const { extension, did } = load({ path: binary });
  await extension.activate(context());
  assert.equal(did.clients.length, 1);
  const [client] = did.clients;
  assert.ok(client.started);
  assert.deepEqual(client.serverOptions, { command: binary, args: ["lsp"], options: { cwd: tmp } });
  assert.deepEqual(client.clientOptions.documentSelector, ["javascript", "javascriptreact", "typescript", "typescriptreact"].map((language) => ({ scheme: "file", language })));
  await extension.deactivate();
  assert.ok(client.stopped);
});

test("a change of its settings restarts the server; other settings do not", async () => {
  const settings = { path: binary };
  const { extension, did } = load(settings);
  await extension.activate(context());
  await did.listeners[0](changed("editor"));
  assert.equal(did.clients.length, 1);
  settings.enable = false;
  await did.listeners[0](changed("directivelint"));
  assert.equal(did.clients.length, 1);
  assert.ok(did.clients[0].stopped);
  settings.enable = true;
  await did.listeners[0](changed("directivelint"));
  assert.equal(did.clients.length, 2);
  assert.ok(did.clients[1].started);
});

test("directivelint.enable false starts nothing", async () => {
  const { extension, did } = load({ enable: false, path: binary });
  await extension.activate(context());
  assert.equal(did.clients.length, 0);
});

test("no binary: an error message, no client", async () => {
  const { extension, did } = load({ path: "missing/directivelint" });
  await extension.activate(context());
  assert.equal(did.clients.length, 0);
  assert.match(did.errors[0], /directivelint\.path is missing\/directivelint/);
});
