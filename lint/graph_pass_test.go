package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/directivelint/directivelint/lint/graph"
)

// TestPrefetchReadsAsGetDoes checks that prefetching the files of modules
// on several workers keeps what reading them one by one keeps, in the same
// order: a module asked for twice is read once, a missing file is nil.
func TestPrefetchReadsAsGetDoes(t *testing.T) {
	dir := t.TempDir()
	var mods []*graph.Module
	for i := range 12 {
		abs := filepath.Join(dir, fmt.Sprintf("m%d.tsx", i))
		if i != 5 { // m5.tsx is missing
			src := fmt.Sprintf("import C from './c';\nexport default function P%d() { return <C a={() => %d} b=\"x\" />; }\n", i, i)
			if err := os.WriteFile(abs, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		mods = append(mods, &graph.Module{Abs: abs, Path: filepath.Base(abs)})
	}
	mods = append(mods, mods[3], mods[0]) // asked for again

	one := &moduleFiles{maxSize: 1 << 20}
	for _, m := range mods {
		one.get(m)
	}
	all := &moduleFiles{maxSize: 1 << 20, workers: 4}
	all.get(mods[7]) // read before the prefetch: not read again
	all.prefetch(mods)
	wantRead := append([]string{mods[7].Abs}, one.read[:7]...)
	wantRead = append(wantRead, one.read[8:]...)
	if !reflect.DeepEqual(all.read, wantRead) {
		t.Errorf("read %v, want %v", all.read, wantRead)
	}
	for _, m := range mods {
		got, want := all.get(m), one.get(m)
		if (got == nil) != (want == nil) {
			t.Fatalf("%s: prefetched %v, read one by one %v", m.Path, got != nil, want != nil)
		}
		if got != nil && (!reflect.DeepEqual(got.JSX, want.JSX) || string(got.Source) != string(want.Source)) {
			t.Errorf("%s: prefetched file differs: JSX %+v, want %+v", m.Path, got.JSX, want.JSX)
		}
	}
	if all.get(mods[5]) != nil {
		t.Errorf("missing file: got a file")
	}
}
