package resolve

import (
	"path/filepath"
	"testing"

	"github.com/directivelint/directivelint/internal/testtree"
	"github.com/directivelint/directivelint/lint/source"
)

// TestProjectFilesWithBOM checks that tsconfig.json, package.json and
// pnpm-workspace.yaml may start with a byte order mark (TypeScript, Node
// and pnpm accept one) and that a tsconfig.json may end in a // comment
// with no newline after it.
func TestProjectFilesWithBOM(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"pnpm-workspace.yaml":       "\uFEFFpackages:\n  - packages/*\n",
		"package.json":              "\uFEFF{\"name\": \"root\"}",
		"app/tsconfig.json":         "\uFEFF{\"compilerOptions\": {\"paths\": {\"@/*\": [\"./src/*\"]}}} // the end",
		"app/src/lib.ts":            "",
		"app/page.ts":               "",
		"packages/ui/package.json":  "\uFEFF{\"name\": \"@acme/ui\", \"exports\": {\"./button\": \"./src/button.ts\"}}",
		"packages/ui/src/button.ts": "",
	})
	r := NewResolver(source.ReadProjectFile)
	from := filepath.Join(root, "app", "page.ts")
	for spec, want := range map[string]string{
		"@/lib":           filepath.Join(root, "app", "src", "lib.ts"),
		"@acme/ui/button": filepath.Join(root, "packages", "ui", "src", "button.ts"),
	} {
		if got, res := r.Resolve(from, spec); got != want || res != ResolvedModule {
			t.Errorf("Resolve(%q) = %q, %v; want %q", spec, got, res, want)
		}
	}
	if p := r.Problems(); len(p) != 0 {
		t.Errorf("problems: %v", p)
	}
}
