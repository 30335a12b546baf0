package rules

import (
	"github.com/directivelint/directivelint/lint"
)

// serverOnlyRouteExports are the exports of a Next.js route file that only
// a Server Component can provide, each with what it provides.
var serverOnlyRouteExports = map[string]string{
	"metadata":             "metadata",
	"generateMetadata":     "metadata",
	"viewport":             "the viewport",
	"generateViewport":     "the viewport",
	"generateStaticParams": "static params",
}

// clientRouteKinds are the route files whose exports the rule checks: the
// ones that render a component.
var clientRouteKinds = map[string]bool{"page": true, "layout": true, "template": true, "default": true}

// ClientRouteExports reports exports of a "use client" Next.js page,
// layout, template or default file that only a Server Component can provide.
var ClientRouteExports = &lint.Rule{
	ID:      "client-route-exports",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: `A "use client" page or layout cannot export metadata, viewport or generateStaticParams`,
		What: `In a Next.js App Router page, layout, template or default file (under the ` +
			`app/ or src/app/ directory of a project whose package.json declares next) ` +
			`whose prologue holds "use client", reports an export of metadata, ` +
			`generateMetadata, viewport, generateViewport or generateStaticParams. Route ` +
			`segment config (dynamic, revalidate, runtime …) is not reported: Next.js reads ` +
			`it from the source text whatever the directive. Files under pages/ are not ` +
			`App Router files and are not checked.`,
		Why: `Next.js only takes these exports from Server Components. Its compiler stops ` +
			`at metadata and generateMetadata ("You are attempting to export "metadata" ` +
			`from a component marked with "use client", which is disallowed"), the build ` +
			`stops at generateStaticParams ("cannot use both "use client" and export ` +
			`function "generateStaticParams()""), and viewport and generateViewport are ` +
			`"only supported in Server Components".`,
		Example: `// app/gallery/page.tsx
"use client";
import { useState } from "react";

export const metadata = { title: "Gallery" };

export default function Page() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}`,
		Instead: `// app/gallery/page.tsx
import { Gallery } from "./gallery";

export const metadata = { title: "Gallery" };

export default function Page() {
  return <Gallery />;
}

// app/gallery/gallery.tsx
"use client";
import { useState } from "react";

export function Gallery() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}`,
		Fix: `None: move the export to a server layout or page, or move the client part ` +
			`into its own component and remove "use client" from the route file.`,
	},
	Run: runClientRouteExports,
}

func runClientRouteExports(pass *lint.Pass) {
	if !clientRouteKinds[pass.Route] {
		return
	}
	f := pass.File
	if !f.IsClient() {
		return
	}
	seen := map[string]bool{}
	for i := range f.Exports {
		e := &f.Exports[i]
		what, ok := serverOnlyRouteExports[e.Name]
		if !ok || e.TypeOnly || seen[e.Name] {
			continue
		}
		seen[e.Name] = true
		pass.Report(e.Span, quoted(e.Name)+" cannot be exported from a \"use client\" "+routeLabel(pass.Route)+
			": only a Server Component can provide "+what+". Move it to a server layout or page, "+
			"or split the client part into its own component and remove \"use client\" here", nil)
	}
}

// routeLabel names a kind of route file in a message: "page", "layout",
// "template", "default file".
func routeLabel(route string) string {
	if route == "default" {
		return "default file"
	}
	return route
}
