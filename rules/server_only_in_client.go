package rules

import (
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/graph"
)

// ServerOnlyInClient reports imports of server-only modules (server-only,
// next/headers, or those configured) in modules that client code reaches.
var ServerOnlyInClient = &lint.Rule{
	ID:      "server-only-in-client",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: "A module bundled for the browser imports a server-only module",
		What: `Reports an import of "server-only" or of another server-only module ` +
			`(by default also "next/headers"; configurable with serverOnlyModules) in a ` +
			`module that is client code: a "use client" module, or a module that one ` +
			`imports, directly or through other modules, without passing a "use server" ` +
			`module. The message shows the import chain from the client module.`,
		Why: `Everything a "use client" module imports is bundled for the browser. ` +
			`"server-only" exists to make that a build error, and next/headers cannot work ` +
			`there; Next.js reports it at build time, one import at a time, without saying ` +
			`which client module pulled the file in.`,
		Example: `// lib/db.ts
import "server-only";
export async function getUser(id: string) { /* … */ }

// components/profile.tsx
"use client";
import { getUser } from "../lib/db"; // lib/db.ts is now client code

export function Profile({ id }: { id: string }) {
  return <button onClick={() => getUser(id)}>Load</button>;
}`,
		Instead: `// app/actions.ts
"use server";
import { getUser } from "../lib/db";
export async function loadUser(id: string) {
  return getUser(id);
}

// components/profile.tsx
"use client";
import { loadUser } from "../app/actions";

export function Profile({ id }: { id: string }) {
  return <button onClick={() => loadUser(id)}>Load</button>;
}`,
		Fix: `None: call the server code through a "use server" module, pass its result ` +
			`as props from a Server Component, or move the shared part into a module ` +
			`without server-only imports.`,
	},
	RunGraph:               runServerOnlyInClient,
	GraphServerOnlyImports: true,
}

func runServerOnlyInClient(pass *lint.GraphPass) {
	for _, m := range pass.Graph.Modules {
		if !m.InClient() {
			continue
		}
		for i := range m.Imports {
			im := &m.Imports[i]
			if !matchesModule(im.Source, pass.ServerOnlyModules) {
				continue
			}
			steps := m.ClientChain()
			var msg string
			if len(steps) == 0 {
				msg = quoted(im.Source) + ` is server-only, but this "use client" module imports it. ` +
					`Move the server code behind a "use server" module or into a Server Component`
			} else {
				msg = quoted(im.Source) + " is server-only, but this module is client code through the import chain from a \"use client\" module: " +
					graph.ChainText(steps, m) + `. Import it from server code only, or reach it through a "use server" module`
			}
			pass.Report(m, im.Span(), msg, steps)
		}
	}
}

// matchesModule reports whether spec is one of modules or a subpath of one
// ("next/headers" matches "next/headers"; "server-only" matches
// "server-only/x" too).
func matchesModule(spec string, modules []string) bool {
	for _, mod := range modules {
		if spec == mod || strings.HasPrefix(spec, mod+"/") {
			return true
		}
	}
	return false
}
