//go:build unix

// Package hostile writes the hostile fixture set: small trees of the kind
// a pull request from a stranger could hold to make a linter slow, fill
// its memory or block it. Tests generate it in a temporary directory;
// scripts/hostile-fixtures.sh writes it to testdata/hostile to look at
// (it is not committed: some cases are large).
package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/directivelint/directivelint/lint/source"
)

// Case is one tree of the set.
type Case struct {
	// Name is the case's directory under the set's root.
	Name string
	// MaxHeap bounds the heap a run of the case may use at its peak: a
	// bound linear in the case's size, far below what a run that read a
	// stream to its end or grew with a square would need.
	MaxHeap uint64
	// Files are the files (slash-separated paths) and their contents;
	// a content "->TARGET" makes a symbolic link, "|fifo" a named pipe.
	Files map[string]string
}

// ChainModules is the length of the import chain of the "chain" case.
const ChainModules = 10000

// Cases returns the set.
func Cases() []Case {
	const mib = 1 << 20
	cases := []Case{
		{Name: "long-line", MaxHeap: 96 * mib, Files: map[string]string{
			"a.ts": "'use client';\nexport const x = '" + strings.Repeat("a", 6*mib) + "'; async function f() { 'use server'; }\n",
			"b.ts": strings.Repeat("'use sever'; ", 50000),
		}},
		{Name: "many-directives", MaxHeap: 128 * mib, Files: map[string]string{
			"a.ts": strings.Repeat("'use client';\n", 50000),
			"b.ts": strings.Repeat("'use sever';\n'use server';\n'use cache: nope';\n", 20000),
		}},
		{Name: "deep-nesting", MaxHeap: 32 * mib, Files: map[string]string{
			"parens.ts":    strings.Repeat("(", 500000) + strings.Repeat(")", 500000),
			"functions.ts": strings.Repeat("function f() { 'use server'; ", 50000) + strings.Repeat("}", 50000),
			"braces.tsx":   "'use client';\nexport default () => " + strings.Repeat("<div>{", 50000) + strings.Repeat("}</div>", 50000),
			"templates.ts": strings.Repeat("`${", 100000) + strings.Repeat("}`", 100000),
		}},
		{Name: "symlink-loop", MaxHeap: 16 * mib, Files: map[string]string{
			"a.ts": "->a.ts", "b.ts": "->c.ts", "c.ts": "->b.ts", "dir/loop": "->..", "self": "->.",
			"tsconfig.json": "->tsconfig.json", "ok.ts": "'use client';\n",
		}},
		{Name: "fifo", MaxHeap: 16 * mib, Files: map[string]string{
			"a.ts": "|fifo", "tsconfig.json": "|fifo", "package.json": "|fifo", ".gitignore": "|fifo",
			"ok.ts": "'use client';\n",
		}},
		{Name: "dev-zero", MaxHeap: 16 * mib, Files: map[string]string{
			"tsconfig.json": "->/dev/zero", "jsconfig.json": "->/dev/zero", "package.json": "->/dev/zero",
			"next.config.js": "->/dev/zero", "zero.ts": "->/dev/zero", "urandom.ts": "->/dev/urandom",
			"ok.ts": "import x from '@/x';\n'use client';\n",
		}},
		{Name: "invalid-utf8", MaxHeap: 16 * mib, Files: map[string]string{
			"a.ts": "'use \xff\xfe client';\nconst \xc3\x28 = '\xe2\x28\xa1';\n'use server\xed\xa0\x80';\n",
			"b.ts": strings.Repeat("\xff", 1<<16) + "\n'use client';\n",
		}},
		{Name: "nul-bytes", MaxHeap: 16 * mib, Files: map[string]string{
			"a.ts": "'use client';\x00\nexport const x = '\x00';\n",
			"b.ts": strings.Repeat("\x00", 1<<16),
			"c.ts": "'use \x00server';\n",
		}},
		{Name: "over-limit", MaxHeap: 32 * mib, Files: map[string]string{
			"big.ts":        "'use client';\n" + strings.Repeat("x", source.DefaultMaxFileSize-len("'use client';\n")+1),
			"at-limit.ts":   "'use client';\n" + strings.Repeat(" ", source.DefaultMaxFileSize-len("'use client';\n")),
			"package.json":  "{" + strings.Repeat(" ", source.MaxProjectFileSize) + "}",
			"tsconfig.json": "{" + strings.Repeat(" ", source.MaxProjectFileSize) + "}",
			".gitignore":    strings.Repeat("*.none\n", source.MaxProjectFileSize/7+1),
		}},
		{Name: "chain", MaxHeap: 192 * mib, Files: ChainFiles(ChainModules)},
		// The three cases below took a square of the file's size (hours)
		// before each search they repeat became one pass: a test that
		// times out says one came back.
		// 400,000 JSX attributes whose values are lone names: each asks
		// whether the file binds the name.
		{Name: "jsx-attributes", MaxHeap: 96 * mib, Files: map[string]string{
			"a.jsx": "export function P() { return <div>\n" + jsxAttributes(200000) + "</div>; }\n",
		}},
		// An import of 400,000 names written like types: each is looked
		// for as a JSX element.
		{Name: "type-like-imports", MaxHeap: 128 * mib, Files: map[string]string{
			"a.tsx": "import { " + typeLikeNames(400000) + " } from './x';\nexport const y = 1;\n",
			"x.ts":  "export const x = 1;\n",
		}},
		// Suppression comments: keywords in one unclosed comment or one
		// line (each read the rest of the file for rule names), pairs of
		// disable and enable comments (each enable compared with every
		// comment before it), comments that are each invalid (each
		// compared with every problem before it).
		{Name: "suppression-comments", MaxHeap: 96 * mib, Files: map[string]string{
			"block.ts":   "/*" + strings.Repeat("/* eslint-disable x ", 200000),
			"line.ts":    "//" + strings.Repeat(" // eslint-disable x", 200000) + "\n",
			"bare.ts":    "/* " + strings.Repeat("eslint-disable-line ", 200000) + "*/\n",
			"ranges.ts":  "'use client';\n" + strings.Repeat("/* directivelint-disable directive-typo */\n/* directivelint-enable directive-typo */\n", 80000),
			"invalid.ts": "'use client';\n" + strings.Repeat("// directivelint-disable-next-line\n", 200000),
		}},
		// A workspace file that repeats its one pattern 20,000 times over
		// 200 packages: each repetition matched every package again (4.6 s
		// and 233 MB; with 4,000 of each, 18 s and 880 MB).
		{Name: "workspace-patterns", MaxHeap: 16 * mib, Files: workspacePackages(200, 20000)},
		// 400,000 '<' after names, none closed: each may open type
		// arguments (f<T>()), looked for up to a bound.
		{Name: "type-arguments", MaxHeap: 128 * mib, Files: map[string]string{
			"a.tsx": "import { Ab } from './x';\nconst q = f" + strings.Repeat("<Ab", 400000) + ";\n",
			"x.ts":  "export const x = 1;\n",
		}},
	}
	cases = append(cases, serverInputCases()...)
	cases = append(cases, thisExportsCases()...)
	cases = append(cases, clientPropCases()...)
	cases = append(cases, projectPatternCases()...)
	cases = append(cases, gitignoreCases()...)
	cases = append(cases, configCases()...)
	return cases
}

// jsxAttributes returns n lines of JSX elements with two attributes whose
// values are lone names: one of its own, and one all lines share.
func jsxAttributes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<X a={b%d} c={d} />\n", i)
	}
	return b.String()
}

// workspacePackages returns a pnpm workspace of n packages whose
// pnpm-workspace.yaml lists the pattern that finds them all repeat times.
func workspacePackages(n, repeat int) map[string]string {
	files := map[string]string{
		"package.json":        `{"name":"root"}`,
		"pnpm-workspace.yaml": "packages:\n" + strings.Repeat("  - packages/*\n", repeat),
	}
	for i := range n {
		files[fmt.Sprintf("packages/p%d/package.json", i)] = fmt.Sprintf(`{"name":"p%d"}`, i)
		files[fmt.Sprintf("packages/p%d/a.ts", i)] = fmt.Sprintf("import { a } from 'p%d';\nexport const b = a;\n", (i+1)%n)
	}
	return files
}

// typeLikeNames returns n distinct binding names written like types,
// joined by commas.
func typeLikeNames(n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("Ab%d", i)
	}
	return strings.Join(names, ", ")
}

// Write writes the case under root, in a directory named after it.
func Write(root string, c Case) error {
	for name, content := range c.Files {
		p := filepath.Join(root, c.Name, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		var err error
		if target, ok := strings.CutPrefix(content, "->"); ok {
			err = os.Symlink(target, p)
		} else if content == "|fifo" {
			err = syscall.Mkfifo(p, 0o644)
		} else {
			err = os.WriteFile(p, []byte(content), 0o644)
		}
		if err != nil {
			return fmt.Errorf("hostile case %s: %w", c.Name, err)
		}
	}
	return nil
}
