// The directivelint extension: runs `directivelint lsp` (found by
// find-binary.js) for JavaScript and TypeScript files through
// vscode-languageclient, and starts it again when its settings change.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");
const { findBinary } = require("./find-binary");

const LANGUAGES = ["javascript", "javascriptreact", "typescript", "typescriptreact"];

let client;
let output;

async function start() {
  const config = vscode.workspace.getConfiguration("directivelint");
  if (!config.get("enable", true)) return;
  const folders = (vscode.workspace.workspaceFolders || []).map((f) => f.uri.fsPath);
  const found = findBinary({ setting: config.get("path", ""), folders });
  if (found.error) {
    output.appendLine(found.error);
    vscode.window.showErrorMessage(found.error);
    return;
  }
  output.appendLine(`directivelint: running ${found.path} (from ${found.source})`);
  client = new LanguageClient(
    "directivelint",
    "directivelint",
    { command: found.path, args: ["lsp"], options: { cwd: folders[0] } },
    { documentSelector: LANGUAGES.map((language) => ({ scheme: "file", language })), outputChannel: output },
  );
  await client.start();
}

async function stop() {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

function activate(context) {
  output = vscode.window.createOutputChannel("directivelint");
  context.subscriptions.push(
    output,
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("directivelint")) {
        await stop();
        await start();
      }
    }),
  );
  return start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
