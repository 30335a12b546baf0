package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/rules"
)

// partialFixture is a Next.js app whose client widget reaches
// server-only code through a helper, and whose page reaches a module using
// useState that the config ignores; it imports through "#/*" paths, a "#"
// package import, and an "@/" alias that names no file.
const partialFixture = "../../testdata/graph/partial"

// TestPartialRuns lints part of a project, as a pre-commit hook, a
// monorepo package or an editor does: graph findings whose chain passes
// through a linted file are reported there, at the import that leads to
// the problem (RULES.md, "Partial runs").
func TestPartialRuns(t *testing.T) {
	dir, err := filepath.Abs(partialFixture)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	serverOnly := `components/widget.tsx:2:1: error: lib/helper.ts:1:1 (not linted, reached through this import): "server-only" is server-only`
	// The staged file only.
	code, out, errOut := cli(t, rules.All(), "--format", "compact", "components/widget.tsx")
	if code != 1 || !strings.HasPrefix(out, serverOnly) || strings.Count(out, "\n") != 1 {
		t.Errorf("staged client file: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	// The whole project: the problem is reported where it is; the file the
	// config ignores is reported through the page's import of it; the
	// "@/" alias that names no file is counted on stderr.
	code, out, errOut = cli(t, rules.All(), "--format", "compact")
	if code != 1 || !strings.Contains(out, "lib/helper.ts:1:1: error: \"server-only\" is server-only") ||
		!strings.Contains(out, "app/page.tsx:4:1: error: lib/generated/counter.tsx:1:1 (not linted, reached through this import): This module is server code only") ||
		strings.Contains(out, "components/widget.tsx:") || strings.Count(out, "\n") != 2 {
		t.Errorf("whole project: status %d, stdout:\n%s", code, out)
	}
	if !strings.HasPrefix(errOut, "directivelint: 1 import looks like a path alias (@/, ~/, #) but resolves to no file") {
		t.Errorf("whole project: stderr %q", errOut)
	}
	// "#/*" paths and the "#config" package import resolve side by side.
	if _, out, _ = cli(t, rules.All(), "graph"); !strings.Contains(out, "app/page.tsx → components/widget.tsx  client-boundary") ||
		!strings.Contains(out, "lib/config.ts  (server via app/page.tsx → lib/config.ts)") {
		t.Errorf("graph:\n%s", out)
	}
	// A file whose own finding is there: reported as usual.
	if code, out, _ = cli(t, rules.All(), "--format", "compact", "lib/helper.ts"); code != 1 || !strings.HasPrefix(out, "lib/helper.ts:1:1:") {
		t.Errorf("the helper alone: status %d, stdout %q", code, out)
	}
	if code, out, _ = cli(t, rules.All(), "--format", "compact", "app/page.tsx"); code != 1 ||
		!strings.HasPrefix(out, "app/page.tsx:4:1: error: lib/generated/counter.tsx:1:1") || strings.Count(out, "\n") != 1 {
		t.Errorf("the page alone: status %d, stdout %q", code, out)
	}
	// Standard input stands in for the file on disk, in its project.
	stdinReader = strings.NewReader("'use client';\nimport { helper } from \"../lib/helper\";\nexport const W = () => helper();\n")
	t.Cleanup(func() { stdinReader = os.Stdin })
	code, out, _ = cli(t, rules.All(), "--format", "compact", "--stdin", "--stdin-filename", "components/widget.tsx")
	if code != 1 || !strings.HasPrefix(out, serverOnly) {
		t.Errorf("stdin: status %d, stdout %q", code, out)
	}
}

// TestOnePackageOfAWorkspace runs in one package of a pnpm workspace: a
// module of another package that the package's route reaches is part of
// the graph, and its problem is reported at the route's import.
func TestOnePackageOfAWorkspace(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "graph", "workspace", "apps", "web"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, errOut := cli(t, rules.All(), "--format", "compact")
	if code != 1 || !strings.HasPrefix(out, "app/page.tsx:1:1: error: ") ||
		!strings.Contains(out, "packages/ui/src/button.tsx:1:1 (not linted, reached through this import): This module is server code only") {
		t.Errorf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestUnresolvedAliasNotice: one line on stderr says how many imports look
// like path aliases but name no file, and how to see them.
func TestUnresolvedAliasNotice(t *testing.T) {
	project(t, map[string]string{
		"tsconfig.json": `{"compilerOptions": {"paths": {"@/*": ["./src/*"], "#/*": ["./*"]}}}`,
		"src/ok.ts":     "export const ok = 1;\n",
		"app/a.ts":      "import { ok } from \"@/ok\";\nimport { gone } from \"@/gone\";\nimport { x } from \"#/nowhere\";\nimport \"react\";\nexport const a = [ok, gone, x];\n",
	})
	code, out, errOut := cli(t, rules.All(), "--format", "compact")
	want := "directivelint: 2 imports look like path aliases (@/, ~/, #) but resolve to no file"
	if code != 0 || out != "" || !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
	_, out, _ = cli(t, rules.All(), "graph", "--verbose")
	if !strings.Contains(out, "unresolved imports: 2") {
		t.Errorf("graph --verbose:\n%s", out)
	}
}
