//go:build unix

package hostile

import (
	"fmt"
	"strings"
)

// clientPropCases returns the cases of the rule about props handed to
// Client Components (unserializable-client-prop): shapes for which the
// rule once searched a whole file, or a re-export tree, again for each
// element or attribute. Each is a Next.js project whose page hands a
// client component props; a test that times out says a search came back.
func clientPropCases() []Case {
	const mib = 1 << 20
	return []Case{
		// An index that re-exports itself 64 times: each level of the
		// search tried every re-export with every import of it, a power
		// of 64 (16 re-exports took 30 s).
		{Name: "client-prop-reexports", MaxHeap: 16 * mib, Files: clientPropProject(map[string]string{
			"app/idx.ts":   "import './c';\n" + strings.Repeat("export * from './idx';\n", 64),
			"app/page.tsx": "import { C } from './idx';\nexport default function P() { return <C a={new Foo()} />; }\n",
		})},
		// 200,000 props new Foo(): each searched the file for a class Foo
		// (40,000 took 28 s).
		{Name: "client-prop-new-class", MaxHeap: 64 * mib, Files: clientPropProject(map[string]string{
			"app/page.tsx": clientPropPage("import { C } from './c';\n", strings.Repeat("<C a={new Foo()} />\n", 200000)),
		})},
		// An import of 300,000 names, then 300,000 elements of the last
		// one and 150,000 more with a prop naming a constant: each name
		// was looked for among all the imported names (40,000 elements
		// and names took 1.6 s).
		{Name: "client-prop-imported-names", MaxHeap: 128 * mib, Files: clientPropProject(map[string]string{
			"app/page.tsx": clientPropPage("import { "+importNames(300000)+"C } from './c';\nconst z = 1;\n",
				"<C a={new Foo()} />\n"+strings.Repeat("<C/>", 300000)+strings.Repeat("<C a={z}/>", 150000)),
		})},
		// 19,000 functions (the scanner reads up to 20,000), then
		// 100,000 props naming a constant and 100,000 calls: each prop
		// asked every function whether it was the one named, or the one
		// written there.
		{Name: "client-prop-functions", MaxHeap: 64 * mib, Files: clientPropProject(map[string]string{
			"app/page.tsx": clientPropPage("import { C } from './c';\n"+strings.Repeat("function g(){}\n", 19000)+"const z = 1;\n",
				strings.Repeat("<C a={z} b={z()}/>\n", 100000)),
		})},
	}
}

// clientPropProject returns files with a Next.js project around them: its
// configuration, its package.json and app/c.tsx, a client component C.
func clientPropProject(files map[string]string) map[string]string {
	files["next.config.js"] = "module.exports = {};\n"
	files["package.json"] = `{"dependencies":{"next":"15.0.0"}}` + "\n"
	files["app/c.tsx"] = "'use client';\nexport function C(p) { return null; }\n"
	return files
}

// clientPropPage returns a page: imports, then a component returning
// elements inside a div.
func clientPropPage(imports, elements string) string {
	return imports + "export default function P() { return <div>\n" + elements + "</div>; }\n"
}

// importNames returns n distinct names, each followed by a comma.
func importNames(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "N%d,", i)
	}
	return b.String()
}
