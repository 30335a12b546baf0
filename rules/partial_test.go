package rules_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/graph"

	"github.com/directivelint/directivelint/rules"
)

// TestPartialScansChangeNothing lints every fixture directory twice with
// every rule of the strict preset, with the runner's partial scans and
// with every file scanned whole: the diagnostics and the module graph must
// be the same. DIRECTIVELINT_CORPUS can name more directories (separated
// by the OS's list separator), such as checkouts of real projects.
func TestPartialScansChangeNothing(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "src", "*"))
	graphs, _ := filepath.Glob(filepath.Join("..", "testdata", "graph", "*"))
	dirs = append(append(dirs, graphs...), filepath.Join("..", "testdata", "demo"), filepath.Join("..", "testdata", "clean"), nextjsDir,
		filepath.Join("..", "testdata", "eslint-migration"))
	fixtures := len(dirs)
	dirs = append(dirs, filepath.SplitList(os.Getenv("DIRECTIVELINT_CORPUS"))...)
	sev, _ := rules.Preset("strict")
	for n, dir := range dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Chdir(abs)
			targets, _, err := discover.Targets(nil)
			if err != nil {
				t.Fatal(err)
			}
			run := func(whole bool) *lint.Result {
				return lint.Run(targets, lint.Options{Rules: rules.All(), Severity: sev, Graph: true, ScanWhole: whole, ReportUnusedDisable: true})
			}
			part, whole := run(false), run(true)
			if len(whole.Diagnostics) == 0 && n < fixtures && filepath.Base(dir) != "clean" {
				t.Errorf("no diagnostics at all: the comparison shows nothing")
			}
			t.Logf("%d files, %d diagnostics, %d modules", whole.Files, len(whole.Diagnostics), len(whole.Graph.Modules))
			if !reflect.DeepEqual(part.Diagnostics, whole.Diagnostics) {
				t.Errorf("partial scans give\n%+v\nwhole scans\n%+v", part.Diagnostics, whole.Diagnostics)
			}
			if got, want := graphSummary(part.Graph), graphSummary(whole.Graph); !reflect.DeepEqual(got, want) {
				t.Errorf("partial scans give the graph\n%v\nwhole scans\n%v", got, want)
			}
		})
	}
}

// graphSummary lists each module of g with its kind and the targets of its
// edges.
func graphSummary(g *graph.Graph) []string {
	var out []string
	for _, m := range g.Modules {
		line := m.Path + " " + g.Kind(m).String() + ":"
		for i := range m.Imports {
			if t := m.Imports[i].Target(); t != nil {
				line += " " + t.Path
			}
		}
		out = append(out, line)
	}
	return out
}
