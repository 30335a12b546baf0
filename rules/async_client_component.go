package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/directivelint/directivelint/lint"
)

// AsyncClientComponent reports async function components exported from a
// client module.
var AsyncClientComponent = &lint.Rule{
	ID:      "async-client-component",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Aliases: []string{"@next/next/no-async-client-component", "noNextAsyncClientComponent"},
	Doc: lint.RuleDoc{
		Summary: "A Client Component cannot be an async function",
		What: `In a module whose prologue holds "use client", reports an exported async ` +
			`function that is a component: its name starts with an upper-case letter, or ` +
			`it is the default export. Exported async functions with lower-case names ` +
			`(helpers, hooks) are not reported.`,
		Why: "Only Server Components may be async. React cannot render a promise on the " +
			"client: it warns (\"async/await is not yet supported in Client Components\") " +
			"and the component suspends forever or re-renders in a loop.",
		Example: `"use client";

export default async function Profile() {
  const user = await fetch("/api/me").then((r) => r.json());
  return <p>{user.name}</p>;
}`,
		Instead: `"use client";
import { use } from "react";

export default function Profile({ user }: { user: Promise<User> }) {
  const { name } = use(user);
  return <p>{name}</p>;
}`,
		Fix: "None: fetch the data in a Server Component and pass it down (or pass a promise " +
			"and read it with use()), or remove \"use client\" if the component needs no " +
			"client features.",
	},
	Run: runAsyncClientComponent,
}

func runAsyncClientComponent(pass *lint.Pass) {
	f := pass.File
	if _, ok := moduleDirective(f, func(v string) bool { return v == UseClient }); !ok {
		return
	}
	seen := map[int]bool{}
	for i := range f.Exports {
		e := &f.Exports[i]
		if e.TypeOnly || e.Func < 0 || e.Func >= len(f.Functions) || seen[e.Func] {
			continue
		}
		fn := &f.Functions[e.Func]
		if !fn.Async || !(e.Name == "default" || upper(e.Name) || upper(fn.Name)) {
			continue
		}
		seen[e.Func] = true
		name := fn.Name
		if name == "" || !upper(name) && upper(e.Name) {
			name = e.Name
		}
		label := "Component " + quoted(name)
		if name == "default" || name == "" {
			label = "The default export"
		}
		pass.Report(headSpan(f, fn), label+" is async, but Client Components cannot be async. Fetch the data in a Server Component and pass it as props (or read a promise with use()), or remove \"use client\"", nil)
	}
}

// upper reports whether name starts with an upper-case letter.
func upper(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}
