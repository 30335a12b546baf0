package rules

import (
	"slices"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/js"
)

// clientOnlyAPIs are the React APIs that only work in client modules.
var clientOnlyAPIs = map[string]bool{
	"useState": true, "useReducer": true, "useEffect": true, "useLayoutEffect": true,
	"useInsertionEffect": true, "useRef": true, "useContext": true, "useTransition": true,
	"useOptimistic": true, "useActionState": true, "useFormStatus": true,
	"useSyncExternalStore": true, "createContext": true, "Component": true, "PureComponent": true,
}

// MissingUseClient reports modules that must run in the browser but have
// no "use client": server-only modules that import client-only React APIs
// or the client-only package, and Next.js error files.
var MissingUseClient = &lint.Rule{
	ID:      "missing-use-client",
	Default: lint.SeverityError,
	Fix:     lint.FixUnsafe,
	Doc: lint.RuleDoc{
		Summary: `A module that must run in the browser has no "use client"`,
		What: "Reports, in a module that is only ever server code (a Next.js app/ route " +
			"file such as page, layout, template, default, not-found, loading or route, or a " +
			"module reachable only from those without crossing a \"use client\" module), an " +
			"import of a client-only React API (useState, useReducer, useEffect, " +
			"useLayoutEffect, useInsertionEffect, useRef, useContext, useTransition, " +
			"useOptimistic, useActionState, useFormStatus, useSyncExternalStore, " +
			"createContext, Component, PureComponent) or of \"client-only\"; and a Next.js " +
			"error or global-error file under app/ without \"use client\" (Next.js requires " +
			"it to be a Client Component). One report a module, at its first trigger (an " +
			"error file: its first line); the message names the others.",
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
		Fix: `Unsafe: insert "use client" as the first statement of the module, so it ` +
			`becomes a client boundary (it and what it imports move to the browser bundle; ` +
			`you may prefer to split the interactive part into a component of its own).`,
	},
	RunGraph:     runMissingUseClient,
	GraphImports: []string{"client-only", "react", "react-dom"},
}

func runMissingUseClient(pass *lint.GraphPass) {
	var handlers []*graph.Module // the modules whose file eventHandlers reads
	for _, m := range pass.Graph.Modules {
		if m.ServerOnly() && m.EventHandlers {
			handlers = append(handlers, m)
		}
	}
	pass.Prefetch(handlers)
	for _, m := range pass.Graph.Modules {
		var triggers []clientTrigger
		if m.ServerOnly() {
			triggers = clientOnlyImports(m)
			if m.EventHandlers {
				triggers = append(triggers, eventHandlers(pass.File(m))...)
				slices.SortStableFunc(triggers, func(a, b clientTrigger) int { return a.span.Start - b.span.Start })
			}
		}
		errorFile := m.ErrorFile && !m.UseClient
		if !errorFile && len(triggers) == 0 {
			continue
		}
		steps := m.ServerChain()
		// One report a module, at its first trigger; the message names
		// the others.
		if errorFile {
			msg := `This is a Next.js error file, which Next.js requires to be a Client Component, but it has no "use client"`
			if len(triggers) > 0 {
				msg += "; it also " + triggerList(triggers)
			}
			pass.ReportFix(m, js.Span{}, msg+`. Add "use client" at the top of the file`, steps, addUseClient(pass, m))
			continue
		}
		where := "This route file is a Server Component"
		if len(steps) > 0 {
			where = "This module is server code only, reached from the route file " + graph.ChainText(steps, m)
		}
		msg := where + ", but it " + triggers[0].what
		if len(triggers) > 1 {
			msg += "; it also " + triggerList(triggers[1:])
		}
		pass.ReportFix(m, triggers[0].span, msg+`. Add "use client" at the top of the module that needs it`, steps, addUseClient(pass, m))
	}
}

// eventHandlers returns the event handler props (on + an upper-case
// letter) that f sets on DOM elements (lower-case tags), in source order:
// React refuses them in a Server Component.
func eventHandlers(f *js.File) []clientTrigger {
	if f == nil {
		return nil
	}
	var out []clientTrigger
	for _, el := range f.JSX {
		if el.Tag == "" || el.Tag[0] < 'a' || el.Tag[0] > 'z' || strings.Contains(el.Tag, ".") {
			continue
		}
		for _, a := range el.Attrs {
			if len(a.Name) > 2 && strings.HasPrefix(a.Name, "on") && a.Name[2] >= 'A' && a.Name[2] <= 'Z' {
				out = append(out, clientTrigger{span: a.Span, what: "sets the event handler " + a.Name + " on <" + el.Tag + ">"})
			}
		}
	}
	return out
}

// addUseClient returns the unsafe fix that makes m a client module: "use
// client" as the first statement of its file (after its other directives).
// Unsafe: the module and what it imports move to the browser bundle.
func addUseClient(pass *lint.GraphPass, m *graph.Module) *lint.Fix {
	f := pass.File(m)
	if !m.Linted || f == nil {
		return nil
	}
	edit := insertStatement(f.Source, newline(f.Source), f.Prologue, moduleTop(f.Source), true, quote(js.UseClient, fileQuote(f)), fileSemicolons(f))
	return &lint.Fix{Message: `Add "use client" at the top of the file`, Edits: []lint.TextEdit{edit}}
}

// clientTrigger is something in a server module that only works in the
// browser, and where it is.
type clientTrigger struct {
	span js.Span
	what string
}

// clientOnlyImports returns m's imports of client-only React APIs and of
// "client-only", in source order.
func clientOnlyImports(m *graph.Module) []clientTrigger {
	var out []clientTrigger
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
		out = append(out, clientTrigger{span: im.Span(), what: "imports " + what})
	}
	return out
}

// triggerList names triggers: "imports a, sets b and imports c".
func triggerList(ts []clientTrigger) string {
	var names []string
	for _, t := range ts {
		names = append(names, t.what)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// fileSemicolons reports whether f ends its statements with semicolons, as
// its first directive or import shows (yes when it has neither).
func fileSemicolons(f *js.File) bool {
	if len(f.Prologue) > 0 {
		d := f.Prologue[0]
		return d.StatementEnd > d.Span.End && f.Source[d.StatementEnd-1] == ';'
	}
	for _, im := range f.Imports {
		if !im.Dynamic && im.Span.End > 0 {
			end := im.Span.End
			return f.Source[end-1] == ';' || end < len(f.Source) && f.Source[end] == ';'
		}
	}
	return true
}
