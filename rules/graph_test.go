package rules_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/internal/testtree"
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

// graphIDs are the rules of RULES.md's module-graph table that are not
// single-file rules too, in its order.
var graphIDs = []string{"server-only-in-client", "missing-use-client", "unserializable-client-prop"}

// TestGraphFixtures lints each project under testdata/graph with every
// rule, the way the command line does, against the expectations in its
// files.
func TestGraphFixtures(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "graph", "*"))
	if len(dirs) == 0 {
		t.Fatal("no projects under testdata/graph")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			linttest.RunProject(t, dir, rules.All()...)
		})
	}
}

// TestGraphIDsMatchSpec compares the graph rules with the module-graph
// table of RULES.md when the shared specification is next to the repository.
func TestGraphIDsMatchSpec(t *testing.T) {
	spec, err := os.ReadFile(filepath.Join("..", "..", "shared", "RULES.md"))
	if err != nil {
		t.Skipf("RULES.md not available: %v", err)
	}
	text := string(spec)
	start := strings.Index(text, "## Module-graph rules")
	if start < 0 {
		t.Fatal("RULES.md has no Module-graph rules section")
	}
	text = text[start:]
	if end := strings.Index(text[1:], "\n## "); end >= 0 {
		text = text[:end+1]
	}
	var ids []string
	for _, id := range specified(t, text) {
		if r := rules.ByID(id); r == nil || r.RunGraph == nil {
			t.Errorf("RULES.md lists %s as a module-graph rule; the registry has no graph part for it", id)
		}
		if id != "server-function-in-client" {
			ids = append(ids, id)
		}
	}
	if !slices.Equal(ids, graphIDs) {
		t.Errorf("RULES.md graph-only IDs = %q, want %q", ids, graphIDs)
	}
}

// checkGraphDocExample writes a graph rule's Example and Instead as a
// small Next.js project (each part starts with a "// path" comment) and
// lints it: the Example must be reported, the Instead must not.
func checkGraphDocExample(t *testing.T, r *lint.Rule) {
	t.Helper()
	if n := lintExample(t, r, r.Doc.Example); n == 0 && r.Run == nil {
		t.Errorf("the Example is not reported:\n%s", r.Doc.Example)
	}
	if n := lintExample(t, r, r.Doc.Instead); n != 0 {
		t.Errorf("the Instead code is reported %d times:\n%s", n, r.Doc.Instead)
	}
}

// graphFixtureReports returns how many reports rule r makes, alone, on
// the projects under testdata/graph.
func graphFixtureReports(t *testing.T, r *lint.Rule) int {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "graph", "*"))
	n := 0
	for _, dir := range dirs {
		targets, _, err := discover.Targets([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		n += len(lint.Run(targets, lint.Options{Rules: []*lint.Rule{r}}).Diagnostics)
	}
	return n
}

// lintExample writes the parts of a doc snippet as files and returns how
// many diagnostics rule r gives on them.
func lintExample(t *testing.T, r *lint.Rule, code string) int {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"package.json": `{"dependencies":{"next":"15.0.0"}}`}
	for _, part := range strings.Split(code, "\n\n// ") {
		part = strings.TrimPrefix(part, "// ")
		first, body, _ := strings.Cut(part, "\n")
		name, _, _ := strings.Cut(first, " ")
		if _, ok := js.LangOf(name); !ok {
			return 0 // a snippet without file names: single-file rules test it
		}
		files[name] = body
	}
	testtree.Write(t, dir, files)
	targets, _, err := discover.Targets([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return len(lint.Run(targets, lint.Options{Rules: []*lint.Rule{r}}).Diagnostics)
}
