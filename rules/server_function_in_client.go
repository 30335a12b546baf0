package rules

import (
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/graph"
)

// ServerFunctionInClient reports inline Server Functions and cache functions
// defined in a client module.
var ServerFunctionInClient = &lint.Rule{
	ID:      "server-function-in-client",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: `A "use client" module defines an inline Server Function`,
		What: `Reports a function whose own prologue holds "use server" or "use cache" ` +
			`inside a module whose prologue holds "use client", or inside a module that a ` +
			`"use client" module imports, directly or through other modules (the message ` +
			`then shows the import chain).`,
		Why: "Code in a client module is bundled for the browser, where a Server Function " +
			"cannot be created: Next.js fails the build (\"It is not allowed to define " +
			"inline \"use server\" annotated Server Actions in Client Components\"), and " +
			"the function body, with whatever secrets it touches, would ship to the client.",
		Example: `"use client";

export function LikeButton({ id }: { id: string }) {
  async function like() {
    "use server";
    await db.likes.add(id);
  }
  return <button onClick={() => like()}>Like</button>;
}`,
		Instead: `// app/actions.ts
"use server";
export async function like(id: string) {
  await db.likes.add(id);
}

// app/like-button.tsx
"use client";
import { like } from "./actions";

export function LikeButton({ id }: { id: string }) {
  return <button onClick={() => like(id)}>Like</button>;
}`,
		Fix: `None: move the function to a "use server" module and import it, or pass it ` +
			`as a prop from a Server Component.`,
	},
	Run:      runServerFunctionInClient,
	RunGraph: runServerFunctionInClientGraph,
}

func runServerFunctionInClient(pass *lint.Pass) {
	f := pass.File
	if _, ok := moduleDirective(f, func(v string) bool { return v == UseClient }); !ok {
		return
	}
	for i := range f.Functions {
		fn := &f.Functions[i]
		d, ok := serverLike(fn.Prologue)
		if !ok {
			continue
		}
		pass.Report(d.Span, functionSubject(functionNoun(d.Value), fn)+" is defined inline in a \"use client\" module, where "+quoted(d.Value)+
			" cannot work. Move it to a \"use server\" file and import it, or pass it as a prop from a Server Component", nil)
	}
}

// runServerFunctionInClientGraph is the graph part: modules without their
// own "use client" that client modules import.
func runServerFunctionInClientGraph(pass *lint.GraphPass) {
	for _, m := range pass.Graph.Modules {
		if !m.InClient() || m.UseClient {
			continue
		}
		fns := m.Functions()
		for i := range fns {
			fn := &fns[i]
			d, ok := serverLike(fn.Prologue)
			if !ok {
				continue
			}
			steps := m.ClientChain()
			pass.Report(m, d.Span, functionSubject(functionNoun(d.Value), fn)+" is defined inline in a module that is client code through the import chain from a \"use client\" module: "+
				graph.ChainText(steps, m)+". Move it to a \"use server\" file and import it from there", steps)
		}
	}
}
