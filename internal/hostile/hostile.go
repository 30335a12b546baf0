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
	return []Case{
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
	}
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
