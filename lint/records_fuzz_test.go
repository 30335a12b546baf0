package lint

import (
	"testing"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// FuzzReadRecord feeds records that no run wrote to what reads them: a
// cache file is checked whole before its records are read, but the
// readers must not trust them either. They may fail; they must not panic
// or allocate beyond the input's size.
func FuzzReadRecord(f *testing.F) {
	strs := codec.NewStrings([]string{"react", "./a", "/x/a.ts", "useState"})
	t := discover.Target{Path: "/x/f.tsx", Display: "f.tsx", Lang: js.LangTSX}
	// A real record as a seed.
	diag := Diagnostic{File: "f.tsx", Rule: "r", Message: "m", Fix: &Fix{Message: "x", Edits: []TextEdit{{NewText: "y"}}}, Related: []Related{{Message: "z"}}}
	var w recordWriter
	m := w.startModule()
	m.Bool(true)
	f.Add(w.finish(t, &fileResult{diags: []Diagnostic{diag}}, true))
	f.Add([]byte{3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 2, 0, 1, 0, 1, 0})
	f.Add(encodeInputs(projectInputs{files: []inputFile{{path: "/x/package.json", hash: make([]byte, 32)}}, listings: map[string]uint64{"/x": 7}}))
	b := graph.NewBuilder(resolve.NewResolver(source.ReadProjectFile), 1, nil)
	f.Fuzz(func(t2 *testing.T, rec []byte) {
		var res fileResult
		if d := readRecord(rec, t, true, true, &res); d != nil {
			b.KeepRecord(0, "/x/f.tsx", "f.tsx", d, strs, true, true)
		}
		decodeInputs(rec)
		decodeSuppressions(codec.NewDecoder(rec), "f.tsx")
	})
}
