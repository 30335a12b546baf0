package rules

import (
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// ServerFileExports reports exports of a "use server" or "use cache" module
// that are certainly not async functions.
var ServerFileExports = &lint.Rule{
	ID:      "server-file-exports",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Aliases: []string{"react-rsc/function-definition", "@eslint-react/rsc-function-definition", "useReactAsyncServerFunction"},
	Doc: lint.RuleDoc{
		Summary: `A "use server" or "use cache" file may only export async functions`,
		What: `In a module whose prologue holds "use server" or "use cache", reports an ` +
			`export that is certainly not an async function: a function, arrow or ` +
			`generator that is not async, a class, a literal, object, array or template ` +
			`value, export { x } or export default x of such a local binding, and ` +
			`export * from '…' (whose values cannot be checked). Type-only exports are ` +
			`fine, and so is any value the linter cannot judge, such as a call: ` +
			`export const save = action.schema(s).action(async () => …) is not reported. ` +
			`In a "use cache" file (without "use server"), an exported object literal is ` +
			`not reported either: Next.js compiles it, and its methods are simply not cached.`,
		Why: `Every export of a "use server" file becomes a Server Function reference that ` +
			`the client can call, so Next.js requires each one to be an async function and ` +
			`fails the build ("Only async functions are allowed to be exported in a ` +
			`"use server" file") — or, for values it cannot see, fails at run time.`,
		Example: `"use server";

export const PAGE_SIZE = 20;

export async function loadMore(cursor: string) {
  return db.posts.list({ cursor, take: PAGE_SIZE });
}`,
		Instead: `// lib/constants.ts
export const PAGE_SIZE = 20;

// app/actions.ts
"use server";
import { PAGE_SIZE } from "@/lib/constants";

export async function loadMore(cursor: string) {
  return db.posts.list({ cursor, take: PAGE_SIZE });
}`,
		Fix: "None: move the value to another module, or make the function async.",
	},
	Run: runServerFileExports,
}

func runServerFileExports(pass *lint.Pass) {
	f := pass.File
	d, ok := moduleDirective(f, IsServerLike)
	if !ok {
		return
	}
	file := quoted(d.Value) + " file"
	// Next.js compiles an object exported from a "use cache" module; its
	// methods are simply not cached.
	_, useServer := moduleDirective(f, func(v string) bool { return v == UseServer })
	objectsPass := !useServer
	for i := range f.Exports {
		e := &f.Exports[i]
		if e.TypeOnly || e.Value == js.ValueType || e.Value == js.ValueObject && objectsPass {
			continue
		}
		name := quoted(e.Name)
		if e.Name == "default" {
			name = "the default export"
		}
		var msg string
		switch e.Value {
		case js.ValueFunction:
			msg = "Only async functions can be exported from a " + file + ": " + name + " is a function that is not async. Make it async, or move it to another module"
		case js.ValueClass:
			msg = "Only async functions can be exported from a " + file + ": " + name + " is a class. Move it to another module"
		case js.ValueLiteral, js.ValueObject:
			msg = "Only async functions can be exported from a " + file + ": " + name + " is a value, not a function. Move it to another module"
		case js.ValueReexportAll:
			from := e.From
			if from == "" {
				from = "…"
			}
			msg = "export * from " + quoted(from) + " in a " + file + " cannot be checked and may export values that are not async functions. Export the async functions by name"
		default:
			continue
		}
		pass.Report(e.Span, msg, nil)
	}
}
