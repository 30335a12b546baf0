package rules

import (
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// DirectiveScope reports directives in function prologues where they mean
// nothing or are forbidden.
var DirectiveScope = &lint.Rule{
	ID:      "directive-scope",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: "A directive stands in a function where it means nothing or is forbidden",
		What: `Reports "use client" at the top of a function body, and "use server" or ` +
			`"use cache" at the top of a class instance method, a constructor, or a getter ` +
			`or setter (in a class or an object literal). Static class methods, functions, ` +
			`arrows and object methods may hold "use server" and "use cache".`,
		Why: `"use client" marks a module boundary and only works at the top of a file; in ` +
			`a function it is ignored. A Server Function or cache function is called ` +
			`without its object, so an instance method loses this, and getters, setters ` +
			`and constructors cannot be async at all: Next.js rejects them at build time ` +
			`or they silently never run on the server.`,
		Example: `class Cart {
  async add(id: string) {
    "use server";
    await db.cart.add(this.userId, id);
  }
}`,
		Instead: `class Cart {
  static async add(userId: string, id: string) {
    "use server";
    await db.cart.add(userId, id);
  }
}`,
		Fix: `None: move "use client" to the top of the file, or turn the method into a ` +
			`static method or a plain async function.`,
	},
	Run: runDirectiveScope,
}

func runDirectiveScope(pass *lint.Pass) {
	f := pass.File
	for i := range f.Functions {
		fn := &f.Functions[i]
		for j := range fn.Prologue {
			d := &fn.Prologue[j]
			if d.Form != js.FormQuoted {
				continue
			}
			switch {
			case d.Value == UseClient:
				pass.Report(d.Span, `"use client" has no effect inside a function: it marks a whole module as client code. Move it to the top of the file`, nil)
			case IsServerLike(d.Value):
				if where := serverScopeProblem(fn); where != "" {
					pass.Report(d.Span, quoted(d.Value)+" is not allowed in "+where+": a "+functionNoun(d.Value)+
						" is called without its object and must be async. Use a static method or a plain async function instead", nil)
				}
			}
		}
	}
}
