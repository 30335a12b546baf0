//go:build unix

package hostile

import (
	"fmt"
	"strings"
)

// gitignoreCases are .gitignore files of many rules above many files or
// directories: each entry was tried against every rule in force, and each
// directory sorted out every path rule (the old walk took over a minute a
// run on each), where now an entry meets only the rules filed under a key
// its name holds, and a directory looks its path up.
func gitignoreCases() []Case {
	const mib = 1 << 20
	return []Case{
		// 10,000 files below three .gitignore files of 60,000 rules each:
		// path rules whose last segment has a literal start, path rules
		// that start with "**", name rules with a literal inside.
		{Name: "gitignore-rules", MaxHeap: 64 * mib, Files: gitignoreRules(60000, 10000)},
		// 15,000 directories and a file in each, below 70,000 path rules
		// that each name one of them.
		{Name: "gitignore-directories", MaxHeap: 80 * mib, Files: gitignoreDirectories(70000, 15000)},
	}
}

// gitignoreRules returns files files in src/lib, below .gitignore files of
// rules rules each that exclude none of them.
func gitignoreRules(rules, files int) map[string]string {
	tree := map[string]string{"package.json": `{"name":"x"}`}
	var root, src, lib strings.Builder
	for i := range rules {
		fmt.Fprintf(&root, "src/**/q%d*\n", i)
		fmt.Fprintf(&src, "**/r%d*\n", i)
		fmt.Fprintf(&lib, "*%d*x\n", i)
	}
	tree[".gitignore"], tree["src/.gitignore"], tree["src/lib/.gitignore"] = root.String(), src.String(), lib.String()
	for i := range files {
		tree[fmt.Sprintf("src/lib/f%d.ts", i)] = "export const a = 1;\n"
	}
	return tree
}

// gitignoreDirectories returns dirs directories d0/x, d1/x... with a file
// each, below a .gitignore of rules rules d0/x*/*.js, d1/x*/*.js... that
// exclude none of them.
func gitignoreDirectories(rules, dirs int) map[string]string {
	tree := map[string]string{"package.json": `{"name":"x"}`}
	var b strings.Builder
	for i := range rules {
		fmt.Fprintf(&b, "d%d/x*/*.js\n", i)
	}
	tree[".gitignore"] = b.String()
	for i := range dirs {
		tree[fmt.Sprintf("d%d/x/a.ts", i)] = "export const a = 1;\n"
	}
	return tree
}
