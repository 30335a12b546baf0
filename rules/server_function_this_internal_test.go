package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/directivelint/directivelint/lint/js"
)

// thisSources are files whose uses of this sit in parameter lists nested
// in odd ways: defaults holding functions, arrows whose own parameters
// hold functions recorded before them, bare arrow parameters.
var thisSources = map[string]string{
	"nested.ts":  "function f(a = function g(b = this) {}, c = arguments) { this; }\n",
	"arrows.ts":  "const h = (a = (b = this) => 1, c = x => this) => this;\n(a = this) => (b = super.x) => 0;\n",
	"methods.ts": "class C { m(a = this.x) { return (b = this) => b; } }\nconst o = { n(a = () => this) {} };\n",
	"mixed.ts":   "export const f = async (a = this) => { 'use server'; this; };\nexport default function (b = this) {}\n",
	"open.ts":    "function f(a = this",
}

// TestParamsHoldersAgainstSearch checks paramsHolders against asking every
// function for every use, on the sources above and every file under
// testdata.
func TestParamsHoldersAgainstSearch(t *testing.T) {
	for path, src := range thisSources {
		checkParamsHolders(t, path, []byte(src))
	}
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := js.LangOf(path); !ok {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checkParamsHolders(t, path, src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkParamsHolders scans src and compares paramsHolders with a search.
func checkParamsHolders(t *testing.T, path string, src []byte) {
	t.Helper()
	lang, _ := js.LangOf(path)
	f := js.Scan(path, src, lang)
	holders := paramsHolders(f)
	for ui, u := range f.ThisUses {
		if want := searchParamsHolding(f, u.Span); holders[ui] != want {
			t.Errorf("%s: use at %d: paramsHolders says %d, search says %d", path, u.Span.Start, holders[ui], want)
		}
	}
	names := exportNames(f)
	for i := range f.Functions {
		if got, want := namedAfterExport(&f.Functions[i], names[i]).Name, withExportName(f, i).Name; got != want {
			t.Errorf("%s: function %d named %q, withExportName says %q", path, i, got, want)
		}
	}
}

// searchParamsHolding is the search paramsHolders replaced: the last
// function whose parameter list holds span, or -1.
func searchParamsHolding(f *js.File, span js.Span) int {
	found := -1
	for i := range f.Functions {
		p := f.Functions[i].Params
		if span.Start >= p.Start && span.End <= p.End {
			found = i
		}
	}
	return found
}
