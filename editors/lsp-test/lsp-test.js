// Drives `directivelint lsp` the way VS Code's language client does, with
// the libraries it is built on (vscode-jsonrpc, vscode-languageserver-protocol):
// initialize, open a document whose unsaved text has a template-literal
// directive, wait for its diagnostic, ask for code actions, apply the safe
// quick fix to the text (and check that fix-all gives the same), send the
// change, wait for the diagnostics to go, shut down and exit, and check the
// exit status. Any mismatch fails with a message saying what was expected
// and what came.
//
//   node lsp-test.js BINARY
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { StreamMessageReader, StreamMessageWriter } = require("vscode-jsonrpc/node");
const P = require("vscode-languageserver-protocol/node");

// A failure guard only: every step that waits gives up after this long.
const TIMEOUT_MS = 15000;

const binary = process.argv[2];
if (!binary) {
  console.error("usage: node lsp-test.js BINARY");
  process.exit(2);
}

let stderr = "";
function fail(message) {
  console.error(`lsp-test: FAIL: ${message}`);
  if (stderr) console.error(`server stderr:\n${stderr}`);
  process.exit(1);
}

// within rejects when promise has not settled after TIMEOUT_MS.
function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const show = (v) => JSON.stringify(v);

// offsetAt converts an LSP position to an index in text: both count UTF-16
// code units.
function offsetAt(text, { line, character }) {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf("\n", offset);
    if (nl < 0) fail(`edit position ${show({ line, character })} is past the end of the text`);
    offset = nl + 1;
  }
  return offset + character;
}

// applyEdits applies a document's text edits, which must not overlap.
function applyEdits(text, edits) {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

// editsFor returns the edits of a workspace edit for the document uri.
function editsFor(edit, uri) {
  if (edit.documentChanges) {
    return edit.documentChanges.filter((c) => c.textDocument && c.textDocument.uri === uri).flatMap((c) => c.edits);
  }
  return (edit.changes && edit.changes[uri]) || [];
}

async function main() {
  // A project on disk whose file is clean; the editor's unsaved text is not.
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "directivelint-lsp-test-")));
  process.on("exit", () => fs.rmSync(root, { recursive: true, force: true }));
  fs.writeFileSync(path.join(root, "package.json"), '{ "name": "app", "dependencies": { "next": "15.0.0" } }\n');
  fs.mkdirSync(path.join(root, "app"));
  const file = path.join(root, "app", "button.tsx");
  const body = "export default function Button() {\n  return <button onClick={() => {}}>ok</button>;\n}\n";
  fs.writeFileSync(file, `"use client";\n${body}`);
  const uri = pathToFileURL(file).href;
  const broken = "`use client`;\n" + body;
  const fixed = '"use client";\n' + body;

  const server = spawn(binary, ["lsp"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  server.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  server.on("error", (err) => fail(`cannot run ${binary}: ${err.message}`));

  const conn = P.createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  conn.onError(([err]) => fail(`connection: ${err.message}`));
  // What a client answers to the server's requests.
  conn.onRequest(P.RegistrationRequest.type, () => null);
  conn.onRequest(P.ConfigurationRequest.type, (p) => p.items.map(() => null));
  conn.onNotification(P.LogMessageNotification.type, () => {});

  // The latest diagnostics published for uri, and who waits for a change.
  let latest;
  let waiters = [];
  conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri !== uri) return;
    latest = p.diagnostics;
    waiters = waiters.filter((w) => !w());
  });
  // diagnostics resolves with the first diagnostics published for uri (after
  // the last reset) that satisfy ok.
  const diagnostics = (ok, what) =>
    within(
      new Promise((resolve) => {
        const check = () => latest !== undefined && ok(latest) && (resolve(latest), true);
        if (!check()) waiters.push(check);
      }),
      what,
    ).catch((err) => fail(`${err.message}; the last diagnostics for ${uri}: ${show(latest)}`));
  conn.listen();

  const init = await within(
    conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: "app" }],
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source"] } } },
        },
      },
    }),
    "initialize result",
  ).catch((err) => fail(`initialize: ${err.message}`));
  if (init.capabilities.textDocumentSync?.change !== P.TextDocumentSyncKind.Full) {
    fail(`initialize: textDocumentSync.change is not Full: ${show(init.capabilities.textDocumentSync)}`);
  }
  if (!init.capabilities.codeActionProvider) fail("initialize: no codeActionProvider");
  await conn.sendNotification(P.InitializedNotification.type, {});

  await conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "typescriptreact", version: 1, text: broken },
  });
  const published = await diagnostics((ds) => ds.length > 0, "diagnostics for the opened document");
  const want = { code: "directive-syntax", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } } };
  if (published.length !== 1 || published[0].code !== want.code || show(published[0].range) !== show(want.range)) {
    fail(`want one diagnostic ${show(want)}, got ${show(published)}`);
  }
  const diag = published[0];
  if (diag.source !== "directivelint" || diag.severity !== P.DiagnosticSeverity.Error) {
    fail(`want source directivelint and severity Error, got ${show(diag)}`);
  }

  const actions = await within(
    conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag], triggerKind: P.CodeActionTriggerKind.Invoked },
    }),
    "codeAction result",
  ).catch((err) => fail(`codeAction: ${err.message}`));
  const quickFix = (actions || []).find((a) => a.kind === P.CodeActionKind.QuickFix && a.isPreferred && a.edit);
  if (!quickFix) fail(`no preferred quick fix with an edit among ${show(actions)}`);
  const after = applyEdits(broken, editsFor(quickFix.edit, uri));
  if (after !== fixed) fail(`the quick fix "${quickFix.title}" gives\n${after}\nwant\n${fixed}`);

  // What VS Code asks on save with "editor.codeActionsOnSave":
  // { "source.fixAll.directivelint": "explicit" } (the README's advice).
  const fixAll = await within(
    conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll.directivelint"], triggerKind: P.CodeActionTriggerKind.Automatic },
    }),
    "codeAction result for source.fixAll.directivelint",
  ).catch((err) => fail(`codeAction (fix all): ${err.message}`));
  if (!fixAll || fixAll.length !== 1 || fixAll[0].kind !== "source.fixAll.directivelint" || !fixAll[0].edit) {
    fail(`want one source.fixAll.directivelint action with an edit, got ${show(fixAll)}`);
  }
  const allFixed = applyEdits(broken, editsFor(fixAll[0].edit, uri));
  if (allFixed !== fixed) fail(`"${fixAll[0].title}" gives\n${allFixed}\nwant\n${fixed}`);

  latest = undefined;
  await conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: after }],
  });
  await diagnostics((ds) => ds.length === 0, "empty diagnostics after the fix");

  await within(conn.sendRequest(P.ShutdownRequest.type), "shutdown result").catch((err) => fail(`shutdown: ${err.message}`));
  await conn.sendNotification(P.ExitNotification.type);
  const status = await within(exited, "exit of the server").catch((err) => fail(err.message));
  if (status.code !== 0) fail(`the server exited with ${show(status)} after shutdown and exit, want status 0`);
  conn.dispose();
  console.log(`lsp-test: ok: ${diag.code} at ${show(diag.range)}, quick fix "${quickFix.title}" and fix-all, diagnostics cleared, exit 0`);
}

main().catch((err) => fail(err.stack || String(err)));
