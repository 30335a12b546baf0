//go:build linux

package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

// TestReadDirAsOS compares ReadDir with os.ReadDir: names, order, types
// and what Info says, on a directory of every kind of entry and on the
// repository's own directories.
func TestReadDirAsOS(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.ts", "a.tsx", "é.js", "node_modules/x", ".hidden", "long-name-0123456789012345678901234567890123456789.ts"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 300 { // more than one getdents64 buffer
		if err := os.WriteFile(filepath.Join(dir, "f"+string(rune('a'+i%26))+string(rune('0'+i/26))+".ts"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.tsx", filepath.Join(dir, "link.ts")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.ts"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, filepath.Join(dir, "node_modules"), ".", "..", "../.."} {
		want, wantErr := os.ReadDir(d)
		got, err := ReadDir(d)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("%s: error %v, os.ReadDir's %v", d, err, wantErr)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d entries, os.ReadDir %d", d, len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.Name() != w.Name() || g.IsDir() != w.IsDir() || g.Type() != w.Type() {
				t.Errorf("%s: entry %d = %s, os.ReadDir's %s", d, i, fs.FormatDirEntry(g), fs.FormatDirEntry(w))
			}
			gi, _ := g.Info()
			wi, _ := w.Info()
			if gi != nil && wi != nil && !reflect.DeepEqual([]any{gi.Name(), gi.Mode(), gi.Size()}, []any{wi.Name(), wi.Mode(), wi.Size()}) {
				t.Errorf("%s: Info of %s differs", d, g.Name())
			}
		}
	}
	if _, err := ReadDir(filepath.Join(dir, "b.ts")); err == nil {
		t.Errorf("ReadDir of a file: no error")
	}
	if _, err := ReadDir(filepath.Join(dir, "missing")); !os.IsNotExist(err) {
		t.Errorf("ReadDir of nothing: %v, want not-exist", err)
	}
}
