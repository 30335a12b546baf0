//go:build unix

package hostile

import (
	"fmt"
	"strings"
)

// thisExportsCases returns the cases for four searches that took a square
// of the file's size before each became one pass or a bounded look. The
// scanner keeps at most 20,000 functions and exports a file, which bounds
// the square of the first three: the file of this-in-many-functions took
// the searches two minutes, that of exports-of-unbound-names half a
// minute (a square coming back shows as a slow test, not a timeout); each
// file of arrow-return-types more than ten.
func thisExportsCases() []Case {
	const mib = 1 << 20
	return []Case{
		// 19,000 exported functions and an inline Server Function using
		// this 1,200,000 times: each use asked every function whether its
		// parameters held it, and every export for its name.
		{Name: "this-in-many-functions", MaxHeap: 256 * mib, Files: map[string]string{
			"a.ts": thisUses(19000, 1200000),
		}},
		// An import of 800,000 names and an export of 19,000 names it does
		// not bind: each export looked through every import name for a type.
		{Name: "exports-of-unbound-names", MaxHeap: 160 * mib, Files: map[string]string{
			"a.ts": unboundExports(800000, 19000),
		}},
		// 300,000 "):" in TypeScript, none an arrow's return type: each was
		// read to the end of the file for one.
		{Name: "arrow-return-types", MaxHeap: 160 * mib, Files: map[string]string{
			"cases.ts": "switch (x) {\n" + strings.Repeat("case (a): b()\n", 300000) + "}\n'use sever';\n",
			"calls.ts": strings.Repeat("f(): g\n", 500000) + "\n'use sever';\n",
		}},
	}
}

// thisUses returns a module of n exported functions and an inline Server
// Function that uses this m times.
func thisUses(n, m int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "export function f%d() {}\n", i)
	}
	b.WriteString("(async function () { 'use server'; ")
	b.WriteString(strings.Repeat("this,", m))
	b.WriteString("0 });\n")
	return b.String()
}

// unboundExports returns a module that imports n names and exports m
// others it does not bind.
func unboundExports(n, m int) string {
	imported := make([]string, n)
	for i := range imported {
		imported[i] = fmt.Sprintf("A%d", i)
	}
	exported := make([]string, m)
	for i := range exported {
		exported[i] = fmt.Sprintf("q%d", i)
	}
	return "import { " + strings.Join(imported, ", ") + " } from './x';\nexport { " + strings.Join(exported, ", ") + " };\n"
}
