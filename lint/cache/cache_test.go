package cache

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/source"
)

// storeWith returns a store of dir that kept rec for the file at path.
func storeWith(t *testing.T, dir, key, path string, rec []byte) *Store {
	t.Helper()
	s, notice := Open(dir, key)
	if notice != nil {
		t.Fatalf("Open: %v", notice)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stamp, _ := source.StampOf(path)
	s.Keep(path, stamp, src, rec)
	s.SetInputs([]byte("inputs"))
	return s
}

func TestRoundTrip(t *testing.T) {
	dir, file := t.TempDir(), filepath.Join(t.TempDir(), "a.ts")
	_ = os.WriteFile(file, []byte("export const a = 1\n"), 0o644)
	s := storeWith(t, dir, "k1", file, []byte("record"))
	s.Strings().Index("react")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	again, notice := Open(dir, "k1")
	if notice != nil {
		t.Fatalf("Open: %v", notice)
	}
	if got := again.Lookup(file); string(got) != "record" {
		t.Errorf("Lookup = %q, want the record", got)
	}
	if got, _ := again.Strings().At(0); got != "react" {
		t.Errorf("string 0 = %q, want react", got)
	}
	if string(again.Inputs()) != "inputs" {
		t.Errorf("Inputs = %q", again.Inputs())
	}
	// A change of content (and so of size and times) makes the record go.
	_ = os.WriteFile(file, []byte("export const a = 22\n"), 0o644)
	if got := again.Lookup(file); got != nil {
		t.Errorf("Lookup after a change = %q, want nil", got)
	}
	_ = os.Remove(file)
	if got := again.Lookup(file); got != nil {
		t.Errorf("Lookup after removal = %q, want nil", got)
	}
}

// TestRacyRecordChecksContent: a record kept for a file written during the
// run holds the content's hash; when the bytes on disk differ from those
// checked, it is not used, even with the same stamp (a change within the
// clock's tick).
func TestRacyRecordChecksContent(t *testing.T) {
	dir, file := t.TempDir(), filepath.Join(t.TempDir(), "a.ts")
	_ = os.WriteFile(file, []byte("export const a = 1\n"), 0o644)
	s, _ := Open(dir, "k")
	stamp, _ := source.StampOf(file)
	if !stamp.Racy(s.start) {
		t.Fatal("a file written now should be racy")
	}
	s.Keep(file, stamp, []byte("export const a = 2\n"), []byte("stale"))
	s.SetInputs([]byte{})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	again, _ := Open(dir, "k")
	if got := again.Lookup(file); got != nil {
		t.Errorf("Lookup = %q: the record of other bytes was used", got)
	}
	s.Keep(file, stamp, []byte("export const a = 1\n"), []byte("fresh"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	again, _ = Open(dir, "k")
	if got := again.Lookup(file); string(got) != "fresh" {
		t.Errorf("Lookup = %q, want the record of the same bytes", got)
	}
}

// TestBadFilesAreIgnored: a truncated, garbage, foreign or other-settings
// file gives an empty store and one notice, and Save replaces it.
func TestBadFilesAreIgnored(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.ts")
	_ = os.WriteFile(file, []byte("x\n"), 0o644)
	good := t.TempDir()
	if err := storeWith(t, good, "k", file, []byte("record")).Save(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(good, FileName("k")))
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(data)
	flipped[len(flipped)-3] ^= 0xff
	otherVersion := bytes.Clone(data)
	otherVersion[len(magic)-1]++
	cases := map[string][]byte{
		"truncated":     data[:len(data)/2],
		"garbage":       []byte("\x00\x01garbage that is not a cache"),
		"empty":         {},
		"flipped byte":  flipped,
		"other format":  otherVersion,
		"only magic":    []byte(magic),
		"json":          []byte(`{"version": 1}`),
		"other setting": nil, // the good file, opened with another key
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			key := "k"
			if content == nil {
				content, key = data, "other"
				_ = os.WriteFile(filepath.Join(dir, FileName(key)), content, 0o644)
			} else {
				_ = os.WriteFile(filepath.Join(dir, FileName(key)), content, 0o644)
			}
			s, notice := Open(dir, key)
			if notice == nil || !strings.Contains(notice.Text, "cache ignored") {
				t.Fatalf("notice = %v, want one saying the cache is ignored", notice)
			}
			if s.Lookup(file) != nil || s.Inputs() != nil {
				t.Fatal("a bad cache gave a record or inputs")
			}
			stamp, _ := source.StampOf(file)
			s.Keep(file, stamp, []byte("x\n"), []byte("new"))
			s.SetInputs([]byte{})
			if err := s.Save(); err != nil {
				t.Fatal(err)
			}
			again, notice := Open(dir, key)
			if notice != nil || string(again.Lookup(file)) != "new" {
				t.Fatalf("after Save: notice %v, record %q", notice, again.Lookup(file))
			}
		})
	}
}

// TestSaveWritesOnlyChanges: a run that changed nothing leaves the file
// as it was; records of files that are gone are dropped.
func TestSaveWritesOnlyChanges(t *testing.T) {
	dir, tree := t.TempDir(), t.TempDir()
	a, b := filepath.Join(tree, "a.ts"), filepath.Join(tree, "b.ts")
	_ = os.WriteFile(a, []byte("a\n"), 0o644)
	_ = os.WriteFile(b, []byte("b\n"), 0o644)
	s := storeWith(t, dir, "k", a, []byte("A"))
	stamp, _ := source.StampOf(b)
	s.Keep(b, stamp, []byte("b\n"), []byte("B"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName("k"))
	before, _ := os.Stat(path)
	time.Sleep(10 * time.Millisecond)
	s, _ = Open(dir, "k")
	s.Lookup(a)
	s.Lookup(b)
	s.SetInputs(s.Inputs())
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(path); !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged cache was written again")
	}
	_ = os.Remove(b)
	s, _ = Open(dir, "k")
	s.Lookup(a) // b is not looked up: the run did not see it
	s.SetInputs(s.Inputs())
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s, _ = Open(dir, "k")
	if len(s.offsets)-1 != 1 || s.Lookup(a) == nil {
		t.Errorf("after b was removed the cache holds %d records, want a's alone", len(s.offsets)-1)
	}
}

// TestNoInputsNoFile: a store whose records cannot be trusted (Reset, no
// inputs set) removes its file rather than leave one that says otherwise.
func TestNoInputsNoFile(t *testing.T) {
	dir, file := t.TempDir(), filepath.Join(t.TempDir(), "a.ts")
	_ = os.WriteFile(file, []byte("a\n"), 0o644)
	if err := storeWith(t, dir, "k", file, []byte("A")).Save(); err != nil {
		t.Fatal(err)
	}
	s, _ := Open(dir, "k")
	s.Reset()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName("k"))); !os.IsNotExist(err) {
		t.Errorf("the cache file is still there: %v", err)
	}
}

func TestPrepareRefusesSymlinks(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	_ = os.Mkdir(filepath.Join(root, "node_modules"), 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(root, "node_modules", ".cache")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	dir := filepath.Join(root, "node_modules", ".cache", "directivelint")
	if err := Prepare(dir, root); err == nil {
		t.Fatal("Prepare followed a symbolic link out of the tree")
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("something was written through the link: %v", entries)
	}
	clean := filepath.Join(t.TempDir(), "node_modules", ".cache", "directivelint")
	if err := Prepare(clean, filepath.Dir(filepath.Dir(filepath.Dir(clean)))); err != nil {
		t.Fatal(err)
	}
}

func TestDirAndClean(t *testing.T) {
	root := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir, err := Dir(root)
	if err != nil || strings.HasPrefix(dir, root) {
		t.Fatalf("Dir without node_modules = %q, %v: want the user cache directory", dir, err)
	}
	_ = os.Mkdir(filepath.Join(root, "node_modules"), 0o755)
	if dir, _ = Dir(root); dir != filepath.Join(root, "node_modules", ".cache", "directivelint") {
		t.Fatalf("Dir with node_modules = %q", dir)
	}
	_ = Prepare(dir, root)
	_ = os.WriteFile(filepath.Join(dir, FileName("a")), nil, 0o644)
	_ = os.WriteFile(filepath.Join(dir, ".tmp-123"), nil, 0o644)
	_ = os.WriteFile(filepath.Join(dir, "keep.txt"), nil, 0o644)
	if n, err := Clean(dir); n != 2 || err != nil {
		t.Errorf("Clean = %d, %v; want 2 files removed", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
		t.Error("Clean removed a file that is not the cache's")
	}
}

// TestUnchangedContentNewStamp: a file touched, or checked out again (a
// new inode), with the same content keeps its record, which takes the new
// stamp; the same size with other content does not.
func TestUnchangedContentNewStamp(t *testing.T) {
	dir, tree := t.TempDir(), t.TempDir()
	file := filepath.Join(tree, "a.ts")
	_ = os.WriteFile(file, []byte("export const a = 1\n"), 0o644)
	old := time.Now().Add(-time.Hour)
	_ = os.Chtimes(file, old, old)
	s := storeWith(t, dir, "k", file, []byte("record"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	// A new inode and new times: as after a fresh clone.
	_ = os.Remove(file)
	_ = os.WriteFile(file, []byte("export const a = 1\n"), 0o644)
	s, _ = Open(dir, "k")
	if got := s.Lookup(file); string(got) != "record" {
		t.Fatalf("Lookup after a new checkout = %q", got)
	}
	if len(s.restamped) != 1 {
		t.Fatalf("restamped %v", s.restamped)
	}
	s.SetInputs(s.Inputs())
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s, _ = Open(dir, "k")
	d := codec.NewDecoder(s.body[s.offsets[0]:s.offsets[1]])
	d.Uint()
	now, _ := source.StampOf(file)
	if got := d.Stamp(); got != now {
		t.Errorf("the entry kept stamp %+v, want the new %+v", got, now)
	}
	_ = os.WriteFile(file, []byte("export const a = 2\n"), 0o644) // same size
	if got := s.Lookup(file); got != nil {
		t.Errorf("Lookup of other content of the same size = %q", got)
	}
}

// FuzzLoad: a cache file of any content gives a store or an error, never
// a panic, and a store whose lookups do not panic either.
func FuzzLoad(f *testing.F) {
	dir, file := f.TempDir(), filepath.Join(f.TempDir(), "a.ts")
	_ = os.WriteFile(file, []byte("a\n"), 0o644)
	s, _ := Open(dir, "k")
	stamp, _ := source.StampOf(file)
	s.Keep(file, stamp, []byte("a\n"), []byte("rec"))
	s.SetInputs([]byte("in"))
	if err := s.Save(); err != nil {
		f.Fatal(err)
	}
	good, _ := os.ReadFile(filepath.Join(dir, FileName("k")))
	f.Add(good)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &Store{key: "k", strings: codec.NewStrings(nil), restamped: map[int32]restamp{}}
		if s.load(data) == nil {
			s.Lookup(file)
			s.Lookup("/nowhere")
		}
	})
}

// TestOpenRemovesStaleTemporaryFiles: a run killed before Save leaves its
// spill file; the next Open removes those an hour old, not a running
// run's.
func TestOpenRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, ".tmp-1"), filepath.Join(dir, ".tmp-2")
	_ = os.WriteFile(stale, []byte("x"), 0o644)
	_ = os.WriteFile(fresh, []byte("x"), 0o644)
	old := time.Now().Add(-2 * time.Hour)
	_ = os.Chtimes(stale, old, old)
	Open(dir, "k")
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("the stale temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a recent temporary file was removed: %v", err)
	}
}

// TestRecordsWithoutSpill: the records a run keeps in memory, when the
// spill file cannot be made or is lost during the run (a full disk), are
// written as spilled ones are; those lost with the spill file are not.
func TestRecordsWithoutSpill(t *testing.T) {
	src := t.TempDir()
	content := []byte("export const x = 1\n")
	path := func(name string) string { return filepath.Join(src, name) }
	for _, name := range []string{"a.ts", "b.ts", "c.ts"} {
		if err := os.WriteFile(path(name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	keep := func(s *Store, name string, rec []byte) {
		stamp, _ := source.StampOf(path(name))
		s.Keep(path(name), stamp, content, rec)
	}
	saved := func(s *Store) *Store {
		t.Helper()
		s.SetInputs([]byte("inputs"))
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
		again, notice := Open(filepath.Dir(s.path), s.key)
		if notice != nil {
			t.Fatalf("Open: %v", notice)
		}
		return again
	}
	big := bytes.Repeat([]byte("B"), 128<<10) // more than the spill's buffer: written through

	s, _ := Open(t.TempDir(), "k")
	s.spillBuf = bufio.NewWriter(io.Discard) // as openSpill leaves it when it cannot make the file
	keep(s, "a.ts", []byte("A"))
	keep(s, "b.ts", big)
	again := saved(s)
	if a, b := again.Lookup(path("a.ts")), again.Lookup(path("b.ts")); string(a) != "A" || !bytes.Equal(b, big) {
		t.Errorf("no spill file: records %q and %d bytes, want A and %d", a, len(b), len(big))
	}

	s, _ = Open(t.TempDir(), "k")
	keep(s, "a.ts", []byte("A"))
	if s.spill == nil {
		t.Fatal("no spill file was made")
	}
	s.spill.Close() // the next write to it fails, as on a full disk
	keep(s, "b.ts", big)
	keep(s, "c.ts", []byte("C"))
	again = saved(s)
	if a, b, c := again.Lookup(path("a.ts")), again.Lookup(path("b.ts")), again.Lookup(path("c.ts")); a != nil || !bytes.Equal(b, big) || string(c) != "C" {
		t.Errorf("spill file lost: records %q, %d bytes and %q, want none, %d bytes and C", a, len(b), c, len(big))
	}
	if tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(s.path), ".tmp-*")); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}
