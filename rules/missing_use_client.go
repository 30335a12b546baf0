package rules

import (
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/graph"
)

// clientOnlyAPIs are the React APIs that only work in client modules.
var clientOnlyAPIs = map[string]bool{
	"useState": true, "useReducer": true, "useEffect": true, "useLayoutEffect": true,
	"useInsertionEffect": true, "useRef": true, "useContext": true, "useTransition": true,
	"useOptimistic": true, "useActionState": true, "useFormStatus": true,
	"useSyncExternalStore": true, "createContext": true, "Component": true, "PureComponent": true,
}

// MissingUseClient reports server-only modules that import client-only
// React APIs or the client-only package.
var MissingUseClient = &lint.Rule{
	ID:      "missing-use-client",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: `A module used only on the server imports a client-only React API`,
		What: "Reports, in a module that is only ever server code (a Next.js app/ route " +
			"file such as page, layout, template, default, not-found, loading or route, or a " +
			"module reachable only from those without crossing a \"use client\" module), an " +
			"import of a client-only React API (useState, useReducer, useEffect, " +
			"useLayoutEffect, useInsertionEffect, useRef, useContext, useTransition, " +
			"useOptimistic, useActionState, useFormStatus, useSyncExternalStore, " +
			"createContext, Component, PureComponent) or of \"client-only\".",
		Why: "Server Components cannot hold state, run effects or read context: React's " +
			"server build does not even export these APIs, and Next.js fails the build " +
			"with \"You're importing a component that needs useState\".",
		Example: `// app/page.tsx
import { Counter } from "./counter";

export default function Page() {
  return <Counter />;
}

// app/counter.tsx
import { useState } from "react";

export function Counter() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}`,
		Instead: `// app/page.tsx
import { Counter } from "./counter";

export default function Page() {
  return <Counter />;
}

// app/counter.tsx
"use client";
import { useState } from "react";

export function Counter() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}`,
		Fix: `None: add "use client" at the top of the module that uses the API (or of ` +
			`the component that wraps it), so it becomes a client boundary.`,
	},
	RunGraph:     runMissingUseClient,
	GraphImports: []string{"client-only", "react", "react-dom"},
}

func runMissingUseClient(pass *lint.GraphPass) {
	for _, m := range pass.Graph.Modules {
		if !m.ServerOnly() {
			continue
		}
		for i := range m.Imports {
			im := &m.Imports[i]
			var what string
			switch im.Source {
			case "client-only":
				what = `"client-only"`
			case "react", "react-dom":
				var apis []string
				for _, n := range m.ImportNames(i) {
					if !n.TypeOnly && clientOnlyAPIs[n.Imported] {
						apis = append(apis, n.Imported)
					}
				}
				if len(apis) == 0 {
					continue
				}
				what = "the client-only React API " + strings.Join(apis, ", ")
				if len(apis) > 1 {
					what = "the client-only React APIs " + strings.Join(apis, ", ")
				}
			default:
				continue
			}
			steps := m.ServerChain()
			where := "This route file is a Server Component"
			if len(steps) > 0 {
				where = "This module is server code only, reached from the route file " + graph.ChainText(steps, m)
			}
			pass.Report(m, im.Span(), where+", but it imports "+what+
				`. Add "use client" at the top of the module that needs it`, steps)
		}
	}
}
