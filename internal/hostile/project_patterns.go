//go:build unix

package hostile

import (
	"fmt"
	"strings"
)

// projectPatternCases are project files full of patterns, each of which
// the resolver tried against every import or package directory (minutes
// at these sizes) before it indexed them: a test that times out says one
// came back.
func projectPatternCases() []Case {
	const mib = 1 << 20
	return []Case{
		// 70,000 tsconfig paths patterns ("@i/*") and 200,000 imports
		// that none matches.
		{Name: "tsconfig-paths-patterns", MaxHeap: 80 * mib, Files: patternImports(
			"tsconfig.json", `{"compilerOptions":{"paths":{`, `"@%d/*":[]`, `}}}`, 70000, "z%d", 200000)},
		// 70,000 package.json imports keys ("#i/*") and 60,000 #imports
		// that none matches.
		{Name: "package-imports-patterns", MaxHeap: 80 * mib, Files: patternImports(
			"package.json", `{"name":"x","imports":{`, `"#%d/*":""`, `}}`, 70000, "#z%d", 60000)},
		// One tsconfig paths pattern with 60,000 substitutions, none of
		// which names a file, and 2,000 imports it matches: each import
		// looked for a file through every substitution (113 s).
		{Name: "tsconfig-paths-substitutions", MaxHeap: 80 * mib, Files: patternImports(
			"tsconfig.json", `{"compilerOptions":{"paths":{"*":[`, `"./s%d/*"`, `]}}}`, 60000, "z%d", 2000)},
		// 40,000 pnpm-workspace.yaml exclusions, half written prefix*,
		// half *suffix, and 6,000 package directories that none
		// excludes.
		{Name: "workspace-exclusions", MaxHeap: 48 * mib, Files: workspaceExclusions(40000, 6000)},
	}
}

// patternImports returns a project whose project file name is head, then
// n entries written by entry from an index, then tail; and imports
// distinct specifiers written by spec, 1,000 a source file.
func patternImports(name, head, entry, tail string, n int, spec string, imports int) map[string]string {
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, entry, i)
	}
	b.WriteString(tail)
	files := map[string]string{name: b.String()}
	if name != "package.json" {
		files["package.json"] = `{"name":"x"}`
	}
	const perFile = 1000
	for f := 0; f*perFile < imports; f++ {
		var src strings.Builder
		for i := f * perFile; i < min(imports, (f+1)*perFile); i++ {
			fmt.Fprintf(&src, "import %q;\n", fmt.Sprintf(spec, i))
		}
		files[fmt.Sprintf("src/f%d.ts", f)] = src.String()
	}
	return files
}

// workspaceExclusions returns a pnpm workspace of dirs package
// directories whose pnpm-workspace.yaml lists them all, then n
// exclusions that match none of them.
func workspaceExclusions(n, dirs int) map[string]string {
	var b strings.Builder
	b.WriteString("packages:\n  - packages/*\n")
	for i := range n {
		if i%2 == 0 {
			fmt.Fprintf(&b, "  - '!packages/e%d*'\n", i)
		} else {
			fmt.Fprintf(&b, "  - '!packages/*e%d'\n", i)
		}
	}
	files := map[string]string{
		"package.json":        `{"name":"root"}`,
		"pnpm-workspace.yaml": b.String(),
		"a.ts":                "import { a } from 'p0';\nexport const b = a;\n",
	}
	for i := range dirs {
		files[fmt.Sprintf("packages/p%d/package.json", i)] = fmt.Sprintf(`{"name":"p%d","main":"a.ts"}`, i)
	}
	files["packages/p0/a.ts"] = "export const a = 1;\n"
	return files
}
