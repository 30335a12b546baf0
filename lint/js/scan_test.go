package js

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2/js"
)

// scanCase is one scanner table test: a source and the model lines (as
// rendered by dump) that must appear, and those that must not.
type scanCase struct {
	name string
	lang Lang
	src  string
	want []string // substrings of dump output that must appear
	not  []string // substrings that must not appear
}

var scanCases = []scanCase{
	{
		name: "module prologue with comments, strict and hashbang",
		src:  "#!/usr/bin/env node\n// c\n/* c */\n'use strict';\n\"use client\"\nimport x from 'y'\n'use server'\n",
		want: []string{`prologue "use strict"`, `prologue "use client"`, `misplaced "use server" form=0 block=0`},
	},
	{
		name: "BOM and CRLF",
		src:  "\ufeff'use client'\r\nimport a from 'a'\r\nfunction f() {\r\n  x()\r\n  'use server'\r\n}\r\n",
		want: []string{`prologue "use client"`, `misplaced "use server" form=0 block=1 fn=0`},
	},
	{
		name: "directive look-alikes are not directives",
		src:  "`use client`;\n('use server');\n'use ' + 'server'\n",
		want: []string{`misplaced "use client" form=1`},
		not:  []string{`prologue`},
	},
	{
		name: "parenthesised and concatenated forms",
		src:  "function f() { ('use server') }\nfunction g() { 'use ' + 'cache' }\n",
		want: []string{`misplaced "use server" form=2 block=1 fn=0 inPrologue=true`, `misplaced "use cache" form=3 block=1 fn=1 inPrologue=true`},
	},
	{
		name: "strings that are not statements",
		src:  "const a = 'use server'\nfoo('use client')\nconst o = { 'use server': 1 }\nconst r = /'use server'/\nx = `\n'use client'\n`\n'use server'.length\n",
		not:  []string{`misplaced`, `prologue`},
	},
	{
		name: "string followed by a continuation is an expression",
		src:  "'use client'\n+ x\n",
		not:  []string{`prologue`, `misplaced`},
	},
	{
		name: "ASI after expressions",
		src:  "import a from 'a'\nconst f = () => {}\n'use server'\nlet o = {}\n'use client'\n",
		want: []string{`misplaced "use server"`, `misplaced "use client"`},
	},
	{
		name: "blocks that are not function bodies",
		src:  "if (x) { 'use server' }\nfor (;;) 'use client'\ntry { 'use cache' } finally {}\n{ 'use server' }\n",
		want: []string{`misplaced "use server" form=0 block=2`, `misplaced "use client" form=0 block=2`, `misplaced "use cache" form=0 block=2`},
	},
	{
		name: "function kinds",
		lang: LangTS,
		src: `function a() {}
const b = function* () {}
const c = async (x: number) => {}
const d = async x => x
const o = { async m() {}, get g() { return 1 }, set s(v) {}, *gen() {}, ['k']() {}, p: async function () {} }
class C {
  static async st() {}
  async m(): Promise<void> {}
  constructor() {}
  get x() { return 1 }
  abstract ab(): void
  over(a: string): void;
  over(a: any) {}
}
`,
		want: []string{
			`fn#0 function declaration name="a" async=false gen=false`,
			`fn#1 function expression name="b" async=false gen=true`,
			`fn#2 arrow function name="c" async=true`,
			`fn#3 arrow function name="d" async=true gen=false static=false body=false`,
			`object method name="m" async=true`,
			`getter name="g"`, `setter name="s"`, `object method name="gen" async=false gen=true`,
			`function expression name="p" async=true`,
			`class method name="st" async=true gen=false static=true`,
			`class method name="m" async=true gen=false static=false body=true`,
			`constructor name="constructor"`,
			`class method name="ab" async=false gen=false static=false body=false`,
			`class method name="over" async=false gen=false static=false body=false`,
			`class method name="over" async=false gen=false static=false body=true`,
		},
	},
	{
		name: "JSX text, attributes and nested containers",
		lang: LangTSX,
		src: `export default function Page() {
  return <div title="//x" data-x='it"s'>Don't {a ? <b>{` + "`${c}`" + `}</b> : null} use client
    <form action={async () => { 'use server'; await save() }}>{/* c */}</form>
    <p>{'use server'}</p>
  </div>
}
function after() { 'use cache' }
`,
		want: []string{`arrow function name="" async=true gen=false static=false body=true parent=0 start=`, `["use server"]`, `name="after"`, `["use cache"]`},
		not:  []string{`misplaced`, `problem`},
	},
	{
		name: "regex versus division",
		src:  "const a = b / c / d\nconst r = /[/]'use server'/g.test(x)\nif (x) /re/.test(y)\nconst q = (a) / 2\nfunction f() { 'use server' }\n",
		want: []string{`fn#0 function declaration name="f"`, `["use server"]`},
		not:  []string{`problem`, `misplaced`},
	},
	{
		name: "HTML-like comments are operators in modules",
		src:  "x = a <!--b\nfunction f() { 'use server' }\ny = c\n-->d\n",
		want: []string{`["use server"]`},
	},
	{
		name: "TypeScript types, generics, as, satisfies, non-null",
		lang: LangTSX,
		src: `type A = { f(): void; 'use server': string }
interface B { m(): void }
declare function d(x: string): void
declare module 'm' { export function g(): void }
enum E { A, B }
const enum F { X }
const g = <T,>(x: T): T => { 'use server'; return x }
const h = <T extends object>(x: T) => x
const v = (x as unknown as string)!.length satisfies number
function k<T>(a: Array<Array<T>>): Map<string, T> { 'use cache' }
export abstract class Z<T> extends Base<T> implements I { private readonly x?: number = 1; @dec() m(@inj() a: string) {} }
`,
		want: []string{`arrow function name="g"`, `["use server"]`, `arrow function name="h"`, `function declaration name="k"`, `["use cache"]`, `class method name="m"`},
		not:  []string{`problem`, `misplaced`, `name="f"`, `name="d"`},
	},
	{
		name: "type assertions in .ts are not JSX",
		lang: LangTS,
		src:  "const a = <string>b\nconst f = <T>(x: T) => x\nfunction g() { 'use server' }\n",
		want: []string{`arrow function name="f"`, `["use server"]`},
		not:  []string{`problem`},
	},
	{
		name: "imports and exports",
		lang: LangTS,
		src: `import a, { b as c, type D } from './x'
import type { E } from './e'
import * as ns from "ns"
import 'side'
import j from './j.json' with { type: 'json' }
import q = require('q')
export * from './all'
export * as star from './star'
export { r, s as t } from './r'
export type { U } from './u'
const lazy = import('./lazy')
const req = require('./req')
export { a, c as cc }
export default lazy
`,
		want: []string{
			`import "./x" names=[{default a false} {b c false} {D D true}]`,
			`import "./e" names=[{E E true}] type=true`,
			`import "ns" names=[{* ns false}]`,
			`import "side" names=[]`,
			`import "./j.json"`,
			`import "q"`,
			`import "./all" names=[{* * false}] type=false reexport=true`,
			`import "./lazy" names=[] type=false reexport=false dynamic=true`,
			`import "./req" names=[] type=false reexport=false dynamic=true`,
			`export "*" local="" value=6`,
			`export "star" local="" value=7`,
			`export "t" local="" value=7 fn=-1 type=false from="./r"`,
			`export "U" local="" value=5`,
			`export "cc" local="c"`,
			`export "default" local="lazy"`,
		},
	},
	{
		name: "export values are classified",
		lang: LangTS,
		src: `'use server'
export async function a() {}
export function b() {}
export const c = async () => {}, d = () => {}, e = 1, f = client.action(async () => {})
export const g = { x: 1 }, h = ['a'] as const, i = ` + "`t${x}`" + `
export class K {}
export default async function () {}
function local() {}
async function alocal() {}
export { local, alocal }
export function over(a: string): void;
export function over(a: any) {}
export type T = string
export interface I {}
`,
		want: []string{
			`export "a" local="" value=1`, `export "b" local="" value=2`, `export "c" local="" value=1`, `export "d" local="" value=2`,
			`export "e" local="" value=4`, `export "f" local="" value=0`, `export "g" local="" value=8`, `export "h" local="" value=4`,
			`export "i" local="" value=4`, `export "K" local="" value=3`, `export "default" local="" value=1`,
			`export "local" local="local" value=2`, `export "alocal" local="alocal" value=1`,
			`export "over" local="" value=5`, `export "over" local="" value=2`, `export "T" local="" value=5`, `export "I" local="" value=5`,
		},
	},
	{
		name: "this, arguments and super",
		src: `async function s() {
  'use server'
  this.x; arguments[0]; const f = () => this.y
  function inner() { this.z }
  class C { m() { super.m(); this.w } f = this.v }
  obj.arguments
}
`,
		want: []string{"use this fn=0 class=false", "use arguments fn=0 class=false", "use this fn=2 class=false", "use super fn=3 class=false", "use this fn=3 class=false", "use this fn=0 class=true"},
		not:  []string{"use arguments fn=0 class=true"},
	},
	{
		name: "export { X } of a type is a type export",
		lang: LangTS,
		src: "import type { X } from './x';\nimport { type Y, z } from './y';\ntype T = {};\ninterface I {}\n" +
			"const V = 1;\ntype V = number;\nexport { X, Y, T, I, V, z };\n",
		want: []string{`export "X" local="X" value=5`, `export "Y" local="Y" value=5`, `export "T" local="T" value=5`,
			`export "I" local="I" value=5`, `export "V" local="V" value=4`, `export "z" local="z" value=0`},
	},
	{
		name: "a name imported as a type and as a value, in either order, is no type export",
		lang: LangTS,
		src: "import type { A, C } from './a';\nimport { A, B, type D } from './b';\nimport type { B } from './c';\nimport { type C } from './d';\n" +
			"import { D } from './e';\nexport { A, B, C, D };\n",
		want: []string{`export "A" local="A" value=0`, `export "B" local="B" value=0`, `export "C" local="C" value=5`, `export "D" local="D" value=0`},
		not:  []string{`export "A" local="A" value=5`, `export "B" local="B" value=5`, `export "D" local="D" value=5`},
	},
	{
		name: "an arrow with a return type and a block body in a conditional's true branch",
		lang: LangTS,
		src:  "export const load = (c: boolean) => (c ? async (): Promise<void> => { 'use server'; } : null);\n",
		want: []string{`fn#1 arrow function name="" async=true gen=false static=false body=true parent=-1 start=41 ["use server"]`},
	},
	{
		name: "export type in a namespace is a type, not an arrow",
		lang: LangTS,
		src:  "export namespace N {\n  export type A<T extends D> = new (\n    url: string,\n  ) => I;\n  export type B = (x: string) => I;\n}\n",
		not:  []string{"fn#"},
	},
	{
		name: "type arguments of an optional call in .tsx are no JSX",
		lang: LangTSX,
		src: "export const C = React.createContext?.<\n  Value | undefined\n>(undefined)\n" +
			"export function P() {\n  'use client'\n  return <C.Provider value={1}>x</C.Provider>\n}\n",
		want: []string{`export "C" local="" value=0`, `export "P" local="" value=2`},
		not:  []string{"problem"},
	},
	{
		name: "TypeScript's this parameter is not a use",
		lang: LangTS,
		src:  "function label(this: { name: string }, x: number) { return this.name }\n",
		want: []string{"use this fn=0"},
		not:  []string{"use this fn=-1"},
	},
	{
		name: "unterminated input does not crash",
		src:  "function f() { 'use server\n const s = `abc ${ x\n /* open",
		want: []string{`problem`},
	},
	{
		name: "type names after a dot are not type operators",
		lang: LangTS,
		src: `'use server'
type Input = z.infer<typeof schema>
export function save(x: Input) {}
type A = X.readonly
function f() { 'use server' }
export function g(): z.infer<typeof s> {
  'use server'
  return h(async () => { 'use server' })
}
`,
		want: []string{`export "save" local="" value=2`, `function declaration name="f"`, `export "g" local="" value=2`, `arrow function name="" async=true gen=false static=false body=true parent=2`},
		not:  []string{`value=5 fn=-1 type=true`},
	},
	{
		name: "async generic arrows",
		lang: LangTSX,
		src:  "'use server'\nexport const a = async <T,>(x: T) => { 'use server'; return x }\nexport const b = async <T, U>(x: T, y: U) => x\n",
		want: []string{`arrow function name="a" async=true`, `export "a" local="" value=1`, `arrow function name="b" async=true`, `export "b" local="" value=1`},
		not:  []string{`export "U"`},
	},
	{
		name: "for await bodies are blocks",
		lang: LangTS,
		src:  "async function f(xs) {\n  for await (const x of xs) {\n    if (x) { 'use server' }\n    'use client'\n  }\n}\n",
		want: []string{`misplaced "use server" form=0 block=2`, `misplaced "use client" form=0 block=2`},
		not:  []string{`name="if"`},
	},
	{
		name: "module let bindings, generic calls, destructuring, declare",
		lang: LangTS,
		src:  "'use server'\nlet a = () => {}\nexport { a }\nexport const w = wrap<A, B>(async () => {})\nexport const { d, e } = make()\nexport declare const dc: string\nconst n = async (idx = 0) => {}\n",
		want: []string{`arrow function name="a"`, `export "a" local="a" value=2`, `export "w" local="" value=0`, `export "dc"`, `arrow function name="n"`},
		not:  []string{`export "B"`, `export "make"`, `export "const"`, `name="let"`},
	},
	{
		name: "exported namespaces hold code",
		lang: LangTS,
		src:  "export namespace N {\n  export function f() { 'use server' }\n}\nfunction g() { 'use cache' }\n",
		want: []string{`export "N" local="" value=0`, `function declaration name="f"`, `["use server"]`, `function declaration name="g"`, `["use cache"]`},
		not:  []string{`object method`, `problem`},
	},
	{
		name: "keywords as property names",
		lang: LangTSX,
		src:  "const a = <img className={cn(x?.class, 'b')} />\nx.function = 1\ny.import\nfunction f() { 'use server' }\n",
		want: []string{`["use server"]`},
		not:  []string{`problem`},
	},
	{
		name: "tsx generic arrows with comments in their type parameters",
		lang: LangTSX,
		src: `export const F = </* c */ T extends object>(p: T) => { "use server"; };
export const G = <
  // c
  T extends object,
>(p: T) => p;
export const H = <T,> /* c */ (p: T) => p;
function after() { 'use cache' }
`,
		want: []string{`arrow function name="F"`, `["use server"]`, `export "F" local="" value=2 fn=0`, `arrow function name="G"`, `export "G" local="" value=2 fn=1`,
			`arrow function name="H"`, `export "H" local="" value=2 fn=2`, `function declaration name="after"`, `["use cache"]`},
		not: []string{`problem`},
	},
	{
		// TypeScript's isParenthesizedArrowFunctionExpressionWorker in a JSX
		// file: after '<' a name (or const and a name), then ',' '=' or
		// extends not followed by '=' '>' '/'.
		name: "tsx generic arrows as TypeScript tells them from elements",
		lang: LangTSX,
		src: `export const a = <A = {}, B extends string = never,>() => use(C);
export const b = <T = string>() => { "use server"; };
export const c = <const T,>() => 1;
export const d = <const /* c */ T extends X>() => 1;
export const e = <T /* c */ = string>() => 1;
const j1 = <T>x</T>;
const j2 = <const>x</const>;
const j3 = <T extends>x</T>;
const j4 = <div className="x">y</div>;
function after() { 'use cache' }
`,
		want: []string{`arrow function name="a"`, `export "a" local="" value=2 fn=0`, `arrow function name="b"`, `["use server"]`, `export "b" local="" value=2 fn=1`,
			`arrow function name="c"`, `export "c" local="" value=2 fn=2`, `arrow function name="d"`, `arrow function name="e"`,
			`function declaration name="after"`, `["use cache"]`},
		not: []string{`problem`, `name="j`},
	},
	{
		name: "braces in the type parameters of an interface or declaration",
		lang: LangTS,
		src: `interface P<R extends { a: 1 }> { h: (x: R) => R }
interface Q<R = { a: 1 }> { h: (x: R) => R }
export interface S<
  R = { a: 1 },
  T extends Array<{ b: 2 }> = []
> { h: (x: R) => R; k(): void }
declare function d<T extends { a: 1 }>(x: T): { h: (x: T) => T }
function after() { 'use cache' }
`,
		want: []string{`export "S" local="" value=5 fn=-1 type=true`, `fn#0 function declaration name="after"`, `["use cache"]`},
		not:  []string{`arrow function`, `fn#1`, `problem`},
	},
	{
		name: "decorated classes are declarations and exports",
		lang: LangTS,
		src: `@dec export class A {}
export @dec class B {}
@dec export default class C {}
@a.b() @c<T>()
export abstract class D { @m() async run() { 'use server' } }
export default @dec class E {}
@dec
class F {}
'use server'
export { F }
`,
		want: []string{`export "A" local="" value=3`, `export "B" local="" value=3`, `export "default" local="" value=3`, `export "D" local="" value=3`,
			`export "F" local="F" value=3`, `class method name="run" async=true`, `["use server"]`, `misplaced "use server" form=0 block=0 fn=-1 inPrologue=false`},
		not: []string{`problem`},
	},
	{
		name: "destructured exports",
		lang: LangTS,
		src: `export const { GET, POST } = handlers;
export const [a, b] = pair();
export const { x: { y }, 'k': [z1, , z2 = 1], [key]: comp, ...rest }: T = o, [p = /[}\]]/.test(s) ? 1 : 2, q = ` + "`${1}]`" + `] = r, v = 1;
export let { f = () => { 'use server' }, g = function () {} } = h
const { local } = other
function after() { 'use cache' }
`,
		want: []string{`export "GET" local="" value=0 fn=-1`, `export "POST" local="" value=0 fn=-1`, `export "a" local="" value=0`, `export "b" local="" value=0`,
			`export "y" local="" value=0`, `export "z1"`, `export "z2"`, `export "comp"`, `export "rest"`, `export "p"`, `export "q"`, `export "v" local="" value=4`,
			`arrow function name="f"`, `["use server"]`, `export "f" local="" value=0 fn=-1`, `function expression name="g"`, `export "g" local="" value=0 fn=-1`,
			`function declaration name="after"`, `["use cache"]`},
		not: []string{`export "x"`, `export "k"`, `export "key"`, `export "o"`, `export "handlers"`, `export "local"`, `export "T"`, `export "s"`, `problem`},
	},
	{
		name: "function values in parentheses, as and satisfies",
		lang: LangTS,
		src: `'use server';
export const z = (() => 1);
export const load = (({ cookies }) => { return {}; }) satisfies PageServerLoad;
export const w = (async () => 1) as X;
export const v = ((function () {}));
export const u = (() => 1)();
export const k = (class {});
export const seq = (() => 1, 2);
export const inner = ((() => 1) as X) satisfies Y;
export const pick = (c ? () => 1 : () => 2);
export const own = (function named() {})();
export default (async () => {});
`,
		want: []string{
			`fn#0 arrow function name="z" async=false`, `export "z" local="" value=2 fn=0`,
			`fn#1 arrow function name="load" async=false gen=false static=false body=true`, `export "load" local="" value=2 fn=1`,
			`fn#2 arrow function name="w" async=true`, `export "w" local="" value=1 fn=2`,
			`fn#3 function expression name="v"`, `export "v" local="" value=2 fn=3`,
			`fn#4 arrow function name="" async=false`, `export "u" local="" value=0 fn=-1`,
			`export "k" local="" value=3 fn=-1`,
			`fn#5 arrow function name=""`, `export "seq" local="" value=0 fn=-1`,
			`fn#6 arrow function name="inner"`, `export "inner" local="" value=2 fn=6`,
			`fn#7 arrow function name=""`, `fn#8 arrow function name=""`, `export "pick" local="" value=0 fn=-1`,
			`fn#9 function expression name="named"`, `export "own" local="" value=0 fn=-1`,
			`fn#10 arrow function name="default" async=true`, `export "default" local="" value=1 fn=10`,
		},
		not: []string{`problem`},
	},
	{
		name: "export default interface, export =, export import",
		lang: LangTS,
		src: `export default interface I { h: (x: R) => R }
function f() {}
export = f;
export = class K {};
export import fs = require("fs");
export import A = N.B;
export as namespace UMD;
function after() { 'use cache' }
`,
		want: []string{`export "default" local="" value=5 fn=-1 type=true`, `export "default" local="f" value=2 fn=0 type=false`, `export "default" local="" value=3`,
			`import "fs" names=[{default fs false}]`, `export "fs" local="" value=0 fn=-1`, `export "A" local="" value=0 fn=-1`,
			`function declaration name="after"`, `["use cache"]`},
		not: []string{`arrow function`, `export "UMD"`, `export "N"`, `problem`},
	},
	{
		name: "export = is no JavaScript",
		src:  "export = f;\nfunction g() { 'use cache' }\n",
		want: []string{`function declaration name="g"`, `["use cache"]`},
		not:  []string{`export "default"`},
	},
	{
		name: "an import call's parenthesis follows the keyword",
		lang: LangTSX,
		src:  "import:0(\"\")\n0A.import('')\nx.require('')\nconst a = import /* c */ ('./a')\nconst b = require\n('./b')\nf(...require('./c'))\n",
		want: []string{`import "./a" names=[] type=false reexport=false dynamic=true`, `import "./b" names=[] type=false reexport=false dynamic=true`, `import "./c"`},
		not:  []string{`import "" `},
	},
	{
		name: "decorators after export stand only before a class",
		lang: LangTS,
		src:  "export@*from''\nexport @d { a }\nexport @d abstract class A {}\n",
		want: []string{`export "A" local="" value=3`},
		not:  []string{`import`, `export "a"`, `export "*"`},
	},
	{
		name: "the name of an import alias is no statement",
		lang: LangTS,
		src:  "import A = N.B\nimport='use server'\nfunction f() { 'use server' }\n",
		want: []string{`function declaration name="f"`, `["use server"]`},
		not:  []string{`misplaced`, `problem`},
	},
}

func TestScan(t *testing.T) {
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) {
			got := dump(Scan("test", []byte(tc.src), tc.lang))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in model:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("unexpected %q in model:\n%s", n, got)
				}
			}
		})
	}
}

func TestPosition(t *testing.T) {
	f := &File{Source: []byte("a\r\nbé😀c\rd\u2028e")}
	cases := []struct {
		off  int
		want Position
	}{
		{0, Position{1, 1}}, {3, Position{2, 1}}, {4, Position{2, 2}}, {6, Position{2, 3}}, {10, Position{2, 5}}, {12, Position{3, 1}}, {16, Position{4, 1}},
	}
	for _, c := range cases {
		if got := f.Position(c.off); got != c.want {
			t.Errorf("Position(%d) = %v, want %v", c.off, got, c.want)
		}
	}
	if got := f.Excerpt(6); got != (Excerpt{Text: "bé😀c", Column: 1}) {
		t.Errorf("Excerpt(6) = %+v", got)
	}
	// A fresh file: lines asked before positions, and positions out of order.
	g := &File{Source: []byte(strings.Repeat("x\n", 5000) + "last")}
	if got := g.Excerpt(10000); got.Text != "last" {
		t.Errorf("Excerpt(10000) = %+v", got)
	}
	if got := g.Position(9999); got != (Position{5000, 2}) {
		t.Errorf("Position(9999) = %v", got)
	}
	if got := g.Position(2); got != (Position{2, 1}) {
		t.Errorf("Position(2) = %v", got)
	}
}

// TestPositionEveryOffset checks Position against counting line
// terminators, at every offset of sources whose lines end with \n only
// (where line starts are found by vector search), with \r, \r\n and
// U+2028 after such lines, and with them first; offsets are asked in
// order, backwards and after Excerpt.
func TestPositionEveryOffset(t *testing.T) {
	for _, src := range []string{
		"\nab\n\n  é😀\nx\n\nlast line\n",
		"ab\nc\n\nd\r\ne\rf\u2028g\u2029h\n",
		"a\r\nb\nc\n",
		"x",
		"",
	} {
		want := func(off int) Position {
			line, start := 1, 0
			for i := 0; i < off; i++ {
				switch {
				case src[i] == '\n', src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n'):
					line, start = line+1, i+1
				case strings.HasPrefix(src[i:], "\u2028") || strings.HasPrefix(src[i:], "\u2029"):
					if i+3 <= off {
						line, start = line+1, i+3
					}
				}
			}
			return Position{line, utf16Len([]byte(src[start:off])) + 1}
		}
		forward, backward, afterText := &File{Source: []byte(src)}, &File{Source: []byte(src)}, &File{Source: []byte(src)}
		afterText.Excerpt(len(src))
		for off := 0; off <= len(src); off++ {
			if !utf8.ValidString(src[:off]) {
				continue // not a place a position is asked for
			}
			if got := forward.Position(off); got != want(off) {
				t.Errorf("%q in order: Position(%d) = %v, want %v", src, off, got, want(off))
			}
			if got := afterText.Position(off); got != want(off) {
				t.Errorf("%q after Excerpt: Position(%d) = %v, want %v", src, off, got, want(off))
			}
		}
		for off := len(src); off >= 0; off-- {
			if got := backward.Position(off); utf8.ValidString(src[:off]) && got != want(off) {
				t.Errorf("%q backwards: Position(%d) = %v, want %v", src, off, got, want(off))
			}
		}
	}
}

func TestTokens(t *testing.T) {
	src := "x = 1\nasync function f(id: string, fd: FormData) { 'use server'; const r = /a'b/; return <p>Don't {id}</p> }\n"
	f := Scan("t.tsx", []byte(src), LangTSX)
	if len(f.Functions) != 1 {
		t.Fatalf("want one function, got %d", len(f.Functions))
	}
	var texts []string
	for _, tok := range f.Tokens(f.Functions[0].Params) {
		if !tok.InType {
			texts = append(texts, tok.Text)
		}
	}
	if got := strings.Join(texts, " "); got != "( id : , fd : )" {
		t.Errorf("params without types = %q", got)
	}
	var kinds []TokenKind
	texts = texts[:0]
	for _, tok := range f.Tokens(f.Functions[0].Body) {
		texts = append(texts, tok.Text)
		kinds = append(kinds, tok.Kind)
	}
	want := "{ 'use server' ; const r = /a'b/ ; return < { id } }"
	if got := strings.Join(texts, " "); got != want {
		t.Errorf("body tokens = %q, want %q", got, want)
	}
	if kinds[1] != TokenString || kinds[6] != TokenRegExp || kinds[4] != TokenIdentifier || kinds[3] != TokenKeyword {
		t.Errorf("kinds = %v", kinds)
	}
}

func TestArrowExpressionBodies(t *testing.T) {
	src := "const a = async (q: string) => db.q(q), b = 1\nf(x => x + 1, y => (y))\nconst c = () => ({ k: 1 })\nconst d = (v) => v ? w : z\nconst e = (s) => s\nfoo()\n"
	f := Scan("t.ts", []byte(src), LangTS)
	want := []string{"db.q(q)", "x + 1", "(y)", "({ k: 1 })", "v ? w : z", "s"}
	var got []string
	for _, fn := range f.Functions {
		if !fn.HasBody {
			got = append(got, src[fn.ExprBody.Start:fn.ExprBody.End])
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("expression bodies = %q, want %q", got, want)
	}
}

func TestTypeTokens(t *testing.T) {
	src := "import { A, B, C } from './x'\ninterface P { a: A[] }\ndeclare const d: B\nexport const f = (x: number): ((y: string) => string) => (y) => y + C\n"
	f := Scan("t.ts", []byte(src), LangTS)
	values := map[string]bool{}
	for _, tok := range f.Tokens(Span{0, len(src)}) {
		if tok.Kind == TokenIdentifier && !tok.InType && tok.Span.Start > f.Imports[0].Span.End {
			values[tok.Text] = true
		}
	}
	if values["A"] || values["B"] {
		t.Errorf("A and B are used only in types: %v", values)
	}
	if !values["C"] || !values["y"] {
		t.Errorf("C and y are values: %v", values)
	}
	if len(f.Problems) > 0 || len(f.Functions) != 2 {
		t.Errorf("problems %v, functions %d (want 2 arrows)", f.Problems, len(f.Functions))
	}
}

// The lexer computes a line and column for each error, by a pass over the
// file so far: the scanner reads at most maxLexErrors of them, and a
// decorator's @ is not one.
func TestLexErrorsBounded(t *testing.T) {
	count := func(src string) (errors int) {
		toks := newTokens([]byte(src), nil)
		defer toks.release()
		for tok := toks.next(true); !tok.eof(); tok = toks.next(true) {
			if tok.tt == js.ErrorToken {
				errors++
			}
		}
		return errors
	}
	if got := count("a" + strings.Repeat("\x04", 1000) + "\nimport 'x'\n"); got != maxLexErrors {
		t.Errorf("stray bytes: %d error tokens, want the cap %d", got, maxLexErrors)
	}
	if got := count(strings.Repeat("@dec()\nclass A {}\n", 1000)); got != 1000 {
		t.Errorf("decorators: %d @ tokens, want 1000", got)
	}
}
