#!/usr/bin/env node
// TypeScript's side of scripts/tsdiff: for each file named in a list, one
// JSON line of what TypeScript's parser says about it, in the shape
// `go run ./internal/tsdiff dump` prints from directivelint's scanner (the
// shape and the conventions are documented in internal/tsdiff/main.go).
//
//   node tsdump.js --files LIST [--mutate DIR] > ts.jsonl
//
// With --mutate, each file is also copied three times under DIR: with
// 'use client' as the first statement of the module and 'use server' as
// the first statement of every function body (DIR/prologue/…); with each
// of them after a `void 0;` (DIR/misplaced/…); with 'use server' as the
// first statement of every other block (DIR/block/…). The copies are
// dumped too, with the offsets of the inserted strings, and DIR/files
// lists them.
// Timing of the parser alone goes to standard error.
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

function main(argv) {
  let list = "";
  let mutate = "";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--files") list = argv[++i];
    else if (argv[i] === "--mutate") mutate = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!list) throw new Error("usage: tsdump.js --files LIST [--mutate DIR]");
  const files = fs.readFileSync(list, "utf8").split("\n").filter(Boolean);
  const out = [];
  const mutated = [];
  let parseNs = 0n;
  let parsed = 0;
  let bytes = 0;
  const flush = () => {
    if (out.length) fs.writeSync(1, out.join(""));
    out.length = 0;
  };
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const t0 = process.hrtime.bigint();
    const sf = parse(file, text);
    parseNs += process.hrtime.bigint() - t0;
    parsed++;
    bytes += Buffer.byteLength(text);
    out.push(JSON.stringify(dump(file, text, sf)) + "\n");
    if (mutate) {
      for (const variant of ["prologue", "misplaced", "block"]) {
        const m = mutation(text, sf, variant);
        const copy = path.join(mutate, variant, file.replace(/^(\.\.?\/)+|^\//, ""));
        fs.mkdirSync(path.dirname(copy), { recursive: true });
        fs.writeFileSync(copy, m.text);
        mutated.push(copy);
        const rec = dump(copy, m.text, parse(copy, m.text));
        rec.orig = file;
        rec.variant = variant;
        rec.inserted = m.inserted;
        out.push(JSON.stringify(rec) + "\n");
      }
    }
    if (out.length > 256) flush();
  }
  flush();
  if (mutate) fs.writeFileSync(path.join(mutate, "files"), mutated.map((f) => f + "\n").join(""));
  const secs = Number(parseNs) / 1e9;
  process.stderr.write(
    `typescript ${ts.version}: parsed ${parsed} files (${(bytes / 1e6).toFixed(1)} MB) in ${(secs * 1000).toFixed(0)} ms: ` +
      `${Math.round(parsed / secs)} files/s, ${(bytes / 1e6 / secs).toFixed(1)} MB/s (createSourceFile only, one core)\n`,
  );
}

// parse reads a file the way its extension says (JSX is allowed in .js).
function parse(file, text) {
  const ext = path.extname(file).toLowerCase();
  const kind =
    ext === ".tsx" ? ts.ScriptKind.TSX :
    ext === ".ts" || ext === ".mts" || ext === ".cts" ? ts.ScriptKind.TS :
    ext === ".jsx" ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

const kinds = {
  [ts.SyntaxKind.FunctionDeclaration]: "declaration",
  [ts.SyntaxKind.FunctionExpression]: "expression",
  [ts.SyntaxKind.ArrowFunction]: "arrow",
  [ts.SyntaxKind.MethodDeclaration]: "method",
  [ts.SyntaxKind.GetAccessor]: "getter",
  [ts.SyntaxKind.SetAccessor]: "setter",
  [ts.SyntaxKind.Constructor]: "constructor",
};

// isFunction: a function with code; not a signature in a type, nor one in
// an ambient context (declare).
function isFunction(node) {
  return kinds[node.kind] !== undefined && !(node.flags & ts.NodeFlags.Ambient) &&
    node.parent.kind !== ts.SyntaxKind.InterfaceDeclaration && node.parent.kind !== ts.SyntaxKind.TypeLiteral;
}

function hasModifier(node, kind) {
  return (ts.canHaveModifiers(node) && (ts.getModifiers(node) || []).some((m) => m.kind === kind)) || false;
}

function modifier(node, kind) {
  return (ts.canHaveModifiers(node) && (ts.getModifiers(node) || []).find((m) => m.kind === kind)) || undefined;
}

// functionStart is Function.Start of lint/js: the async or function keyword
// of a function declaration or expression, the start of an arrow (its
// async, its type parameters or its first parameter token), the name of a
// method, getter or setter (its [ when computed), the constructor keyword.
function functionStart(node, sf) {
  const text = sf.text;
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression: {
      const a = modifier(node, ts.SyntaxKind.AsyncKeyword);
      if (a) return a.getStart(sf);
      const mods = ts.getModifiers(node);
      const from = mods && mods.length ? mods[mods.length - 1].end : node.pos;
      return ts.skipTrivia(text, from);
    }
    case ts.SyntaxKind.ArrowFunction:
      return node.getStart(sf);
    case ts.SyntaxKind.Constructor: {
      const kw = node.getChildren(sf).find((c) => c.kind === ts.SyntaxKind.ConstructorKeyword || c.kind === ts.SyntaxKind.StringLiteral);
      return kw ? kw.getStart(sf) : node.getStart(sf);
    }
    default:
      return node.name.getStart(sf);
  }
}

// propertyName is the text of a property or member name: an identifier,
// a private name, a number as written, a string without its quotes; ""
// for a computed name.
function propertyName(name, sf) {
  if (!name) return "";
  switch (name.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PrivateIdentifier:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
      return name.getText(sf);
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral: {
      const t = name.getText(sf);
      return t.slice(1, -1);
    }
  }
  return "";
}

// functionName follows Function.Name of lint/js: the function's own name;
// else the name of what it is the value of, when it is that value itself
// (through parentheses, `as` and `satisfies`; not through a call or an
// operator): a variable, a parameter or destructuring default, a property
// or class field (its key as written, "" when computed), the last name of
// an assignment target (`a.b = fn` is "b", `a[k] = fn` is ""), "default"
// for `export default`.
function functionName(node, sf) {
  if (node.kind === ts.SyntaxKind.Constructor) return "constructor";
  if (node.name) return node.kind === ts.SyntaxKind.FunctionDeclaration || node.kind === ts.SyntaxKind.FunctionExpression ? node.name.text : propertyName(node.name, sf);
  if (node.kind === ts.SyntaxKind.FunctionDeclaration && hasModifier(node, ts.SyntaxKind.DefaultKeyword)) return "default";
  while (isWrapper(node.parent)) node = node.parent;
  const p = node.parent;
  switch (p.kind) {
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.Parameter:
    case ts.SyntaxKind.BindingElement:
      return p.initializer === node && p.name.kind === ts.SyntaxKind.Identifier ? p.name.text : "";
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.PropertyDeclaration:
      return p.initializer === node ? propertyName(p.name, sf) : "";
    case ts.SyntaxKind.ShorthandPropertyAssignment:
      return p.objectAssignmentInitializer === node ? p.name.text : "";
    case ts.SyntaxKind.BinaryExpression:
      if (p.right !== node || p.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return "";
      if (p.left.kind === ts.SyntaxKind.Identifier) return p.left.text;
      if (p.left.kind === ts.SyntaxKind.PropertyAccessExpression) return propertyName(p.left.name, sf);
      return "";
    case ts.SyntaxKind.ExportAssignment:
      return p.isExportEquals ? "" : "default";
  }
  return "";
}

// isWrapper: parentheses, as and satisfies around a value leave it the
// value: (() => {}) as T is still a function.
function isWrapper(node) {
  return node.kind === ts.SyntaxKind.ParenthesizedExpression || node.kind === ts.SyntaxKind.AsExpression || node.kind === ts.SyntaxKind.SatisfiesExpression;
}

function unwrap(expr) {
  while (expr && isWrapper(expr)) expr = expr.expression;
  return expr;
}

// prologue returns the leading string-literal statements of a statement list.
function prologue(statements) {
  const out = [];
  for (const st of statements) {
    if (st.kind !== ts.SyntaxKind.ExpressionStatement || st.expression.kind !== ts.SyntaxKind.StringLiteral) break;
    out.push(st);
  }
  return out;
}

function stringValue(st, sf) {
  return st.expression.getText(sf).slice(1, -1);
}

// dump is the record of one file: functions, exports and every statement
// that is a quoted string alone, with where it stands.
function dump(file, text, sf) {
  const b = byteOffsets(text);
  const functions = [];
  const strings = [];
  const starts = new Map(); // function node → start
  const inPrologue = new Set();
  for (const st of prologue(sf.statements)) inPrologue.add(st);
  const visit = (node, fnStart) => {
    if (isFunction(node)) {
      const start = b(functionStart(node, sf));
      starts.set(node, start);
      const body = node.body && node.body.kind === ts.SyntaxKind.Block ? node.body : undefined;
      const rec = {
        start,
        kind: kindOf(node),
        name: functionName(node, sf),
        async: hasModifier(node, ts.SyntaxKind.AsyncKeyword),
        generator: !!node.asteriskToken,
        static: hasModifier(node, ts.SyntaxKind.StaticKeyword),
        body: !!body,
        prologue: [],
        ctx: ts.SyntaxKind[node.parent.kind],
      };
      if (body) {
        for (const st of prologue(body.statements)) {
          inPrologue.add(st);
          rec.prologue.push(stringValue(st, sf));
        }
      }
      functions.push(rec);
      fnStart = start;
    }
    if (node.kind === ts.SyntaxKind.ExpressionStatement && node.expression.kind === ts.SyntaxKind.StringLiteral) {
      const where = fnStart < 0 ? "module" : `function@${fnStart}`;
      strings.push({
        value: stringValue(node, sf),
        at: b(node.expression.getStart(sf)),
        place: (inPrologue.has(node) ? "prologue of " : "misplaced in ") + where,
      });
    }
    ts.forEachChild(node, (child) => visit(child, fnStart));
  };
  visit(sf, -1);
  functions.sort((a, b) => a.start - b.start);
  const rec = { file, functions, exports: exportsOf(sf, b), strings };
  if (sf.parseDiagnostics && sf.parseDiagnostics.length) {
    const d = sf.parseDiagnostics[0];
    rec.errors = sf.parseDiagnostics.length;
    rec.firstError = `@${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  }
  return rec;
}

function kindOf(node) {
  const k = kinds[node.kind];
  if (k !== "method") return k;
  return node.parent.kind === ts.SyntaxKind.ObjectLiteralExpression ? "object method" : "class method";
}

// exportsOf lists the ES exports of a module, each with a kind: "type"
// (erased: export type, interface, declare, a signature without a body,
// const enum, a local name that is only a type or an import type),
// "function", "async function", "class" or "other". In TypeScript files
// `export = x` counts as `export default x` (what a default import gets);
// `export as namespace` is not an ES export and is left out.
function exportsOf(sf, b) {
  const js = sf.scriptKind === ts.ScriptKind.JS || sf.scriptKind === ts.ScriptKind.JSX;
  // Top-level names: a value's { kind } or { ref: initializer }; a name
  // that is only a type is "type" (a value of the same name wins).
  const locals = new Map();
  const types = new Set();
  const setLocal = (name, v) => {
    if (v.kind === "type") types.add(name);
    else if (!locals.has(name)) locals.set(name, v);
  };
  for (const st of sf.statements) {
    switch (st.kind) {
      case ts.SyntaxKind.FunctionDeclaration:
        if (st.name && st.body) setLocal(st.name.text, { kind: hasModifier(st, ts.SyntaxKind.AsyncKeyword) ? "async function" : "function" });
        break;
      case ts.SyntaxKind.ClassDeclaration:
        if (st.name) setLocal(st.name.text, { kind: hasModifier(st, ts.SyntaxKind.DeclareKeyword) ? "type" : "class" });
        break;
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        setLocal(st.name.text, { kind: "type" });
        break;
      case ts.SyntaxKind.ImportDeclaration: {
        // import type { X }, import { type X }: types; other imports: values.
        const c = st.importClause;
        if (!c) break;
        if (c.name) setLocal(c.name.text, { kind: c.isTypeOnly ? "type" : "other" });
        const b = c.namedBindings;
        if (b && b.kind === ts.SyntaxKind.NamespaceImport) setLocal(b.name.text, { kind: c.isTypeOnly ? "type" : "other" });
        if (b && b.kind === ts.SyntaxKind.NamedImports) {
          for (const el of b.elements) setLocal(el.name.text, { kind: c.isTypeOnly || el.isTypeOnly ? "type" : "other" });
        }
        break;
      }
      case ts.SyntaxKind.VariableStatement:
        for (const d of st.declarationList.declarations) {
          if (d.name.kind === ts.SyntaxKind.Identifier) setLocal(d.name.text, d.initializer ? { ref: d.initializer } : { kind: "other" });
        }
        break;
    }
  }
  const classify = (expr, hops) => {
    expr = unwrap(expr);
    if (!expr) return "other";
    switch (expr.kind) {
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        return hasModifier(expr, ts.SyntaxKind.AsyncKeyword) ? "async function" : "function";
      case ts.SyntaxKind.ClassExpression:
        return "class";
      case ts.SyntaxKind.Identifier: {
        const l = locals.get(expr.text);
        if (!l && types.has(expr.text)) return "type";
        if (!l || hops > 8) return "other";
        return l.kind || classify(l.ref, hops + 1);
      }
    }
    return "other";
  };
  const out = [];
  let at = 0;
  const add = (name, kind) => out.push({ name, kind, at });
  for (const st of sf.statements) {
    at = b(st.getStart(sf));
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    const declared = hasModifier(st, ts.SyntaxKind.DeclareKeyword);
    const dflt = hasModifier(st, ts.SyntaxKind.DefaultKeyword);
    switch (st.kind) {
      case ts.SyntaxKind.ExportAssignment:
        // export = x is read as export default x in TypeScript files.
        if (!st.isExportEquals || !js) add("default", classify(st.expression, 0));
        break;
      case ts.SyntaxKind.ExportDeclaration: {
        const from = !!st.moduleSpecifier;
        if (!st.exportClause) add("*", st.isTypeOnly ? "type" : "other");
        else if (st.exportClause.kind === ts.SyntaxKind.NamespaceExport) add(st.exportClause.name.text, st.isTypeOnly ? "type" : "other");
        else {
          for (const el of st.exportClause.elements) {
            const local = el.propertyName || el.name;
            let kind = st.isTypeOnly || el.isTypeOnly ? "type" : from ? "other" : classify(local, 0);
            add(el.name.text, kind);
          }
        }
        break;
      }
      case ts.SyntaxKind.FunctionDeclaration:
        if (exported) {
          const name = dflt ? "default" : st.name ? st.name.text : "";
          add(name, declared || !st.body ? "type" : hasModifier(st, ts.SyntaxKind.AsyncKeyword) ? "async function" : "function");
        }
        break;
      case ts.SyntaxKind.ClassDeclaration:
        if (exported) add(dflt ? "default" : st.name ? st.name.text : "", declared ? "type" : "class");
        break;
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        if (exported) add(dflt ? "default" : st.name.text, "type");
        break;
      case ts.SyntaxKind.EnumDeclaration:
        if (exported) add(st.name.text, declared || hasModifier(st, ts.SyntaxKind.ConstKeyword) ? "type" : "other");
        break;
      case ts.SyntaxKind.ModuleDeclaration:
        if (exported) add(st.name.text, declared ? "type" : "other");
        break;
      case ts.SyntaxKind.ImportEqualsDeclaration:
        if (exported) add(st.name.text, st.isTypeOnly ? "type" : "other");
        break;
      case ts.SyntaxKind.VariableStatement:
        if (!exported) break;
        for (const d of st.declarationList.declarations) {
          if (d.name.kind === ts.SyntaxKind.Identifier) add(d.name.text, declared ? "type" : classify(d.initializer, 0));
          else for (const n of boundNames(d.name)) add(n, declared ? "type" : "other");
        }
        break;
    }
  }
  return out;
}

function boundNames(pattern) {
  const out = [];
  const walk = (n) => {
    if (n.kind === ts.SyntaxKind.Identifier) out.push(n.text);
    else if (n.kind === ts.SyntaxKind.ObjectBindingPattern || n.kind === ts.SyntaxKind.ArrayBindingPattern) {
      for (const el of n.elements) if (el.kind === ts.SyntaxKind.BindingElement) walk(el.name);
    }
  };
  walk(pattern);
  return out;
}

// mutation inserts 'use client' at the top of the module (after a #!
// line) and 'use server' after the { of every function body: as the first
// statement (variant "prologue") or after `void 0;` (variant "misplaced");
// or (variant "block") 'use server' as the first statement of every other
// block: if, loop, try, catch, a bare block, a static block, a namespace.
// It returns the new text and the offsets of the inserted strings in it.
function mutation(text, sf, variant) {
  const points = [];
  const lead = variant === "misplaced" ? "void 0; " : "";
  if (variant !== "block") {
    const shebang = ts.getShebang(text);
    points.push(shebang ? { at: shebang.length, text: `\n${lead}'use client';` } : { at: 0, text: `${lead}'use client';\n` });
  }
  const visit = (node) => {
    const fnBody = isFunction(node) && node.body && node.body.kind === ts.SyntaxKind.Block;
    if (variant !== "block" && fnBody) {
      points.push({ at: node.body.getStart(sf) + 1, text: ` ${lead}'use server';` });
    }
    // Not in ambient contexts (declare module, declare global): no code runs there.
    const block = (node.kind === ts.SyntaxKind.Block || node.kind === ts.SyntaxKind.ModuleBlock) && !(node.flags & ts.NodeFlags.Ambient);
    if (variant === "block" && block && !(isFunction(node.parent) && node.parent.body === node)) {
      points.push({ at: node.getStart(sf) + 1, text: " 'use server';" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  points.sort((a, b) => a.at - b.at);
  const parts = [];
  let last = 0;
  let bytes = 0; // of the parts so far
  const inserted = [];
  for (const p of points) {
    const before = text.slice(last, p.at);
    parts.push(before, p.text);
    bytes += Buffer.byteLength(before);
    inserted.push(bytes + p.text.indexOf("'")); // the inserted text is ASCII
    bytes += p.text.length;
    last = p.at;
  }
  parts.push(text.slice(last));
  return { text: parts.join(""), inserted };
}

// byteOffsets returns the function that turns TypeScript's offsets (UTF-16
// code units) into the byte offsets of lint/js.
function byteOffsets(text) {
  if (Buffer.byteLength(text) === text.length) return (i) => i;
  const at = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = n;
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4; // a surrogate pair: four bytes for both halves
      at[++i] = n;
    } else n += 3;
  }
  at[text.length] = n;
  return (i) => at[i];
}

main(process.argv.slice(2));
