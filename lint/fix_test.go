package lint

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
)

func TestApplyFixes(t *testing.T) {
	edit := func(start, end int, text string) TextEdit {
		return TextEdit{Span: js.Span{Start: start, End: end}, NewText: text}
	}
	tests := []struct {
		name    string
		src     string
		edits   []TextEdit
		want    string
		wantErr string
	}{
		{"none", "abc", nil, "abc", ""},
		{"unsorted", "abcdef", []TextEdit{edit(4, 5, "E"), edit(0, 1, "A")}, "AbcdEf", ""},
		{"insert then replace at same offset", "abc", []TextEdit{edit(1, 2, "B"), edit(1, 1, "+")}, "a+Bc", ""},
		{"inserts keep order", "ab", []TextEdit{edit(1, 1, "1"), edit(1, 1, "2")}, "a12b", ""},
		{"adjacent", "abc", []TextEdit{edit(0, 1, ""), edit(1, 2, "")}, "c", ""},
		{"identical edits count once", "abc", []TextEdit{edit(0, 1, "X"), edit(0, 1, "X")}, "Xbc", ""},
		{"insert at end", "abc", []TextEdit{edit(3, 3, "!")}, "abc!", ""},
		{"overlap", "abcdef", []TextEdit{edit(0, 3, ""), edit(2, 4, "")}, "", "overlaps"},
		{"insert inside a replacement", "abcdef", []TextEdit{edit(0, 3, ""), edit(1, 1, "x")}, "", "overlaps"},
		{"same span, different text", "abc", []TextEdit{edit(0, 1, "X"), edit(0, 1, "Y")}, "", "overlaps"},
		{"out of range", "abc", []TextEdit{edit(2, 9, "")}, "", "outside"},
		{"reversed", "abc", []TextEdit{edit(2, 1, "")}, "", "outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ApplyFixes([]byte(tt.src), tt.edits)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSelectFixesSkipsOverlaps(t *testing.T) {
	edit := func(start, end int, text string) TextEdit {
		return TextEdit{Span: js.Span{Start: start, End: end}, NewText: text}
	}
	src := []byte("abcdefgh")
	diags := []Diagnostic{
		{Rule: "a", Fix: &Fix{Safe: true, Edits: []TextEdit{edit(0, 3, "X")}}},
		{Rule: "b", Fix: &Fix{Safe: true, Edits: []TextEdit{edit(2, 5, "Y")}}},                  // overlaps a: waits
		{Rule: "c", Fix: &Fix{Safe: false, Edits: []TextEdit{edit(6, 7, "Z")}}},                 // unsafe
		{Rule: "d", Fix: &Fix{Safe: true, Edits: []TextEdit{edit(5, 5, "+"), edit(7, 8, "-")}}}, // fits
		{Rule: "e", Fix: &Fix{Safe: true, Edits: []TextEdit{edit(5, 5, "!")}}},                  // same insertion point as d
		{Rule: "f", Fix: &Fix{Safe: true, Edits: []TextEdit{edit(1, 1, "?"), edit(4, 4, "?")}}}, // inside a: whole fix skipped
	}
	edits, n := selectFixes(src, diags, FixSafeOnly, nil)
	got, err := ApplyFixes(src, edits)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || string(got) != "Xde+fg-" {
		t.Errorf("safe: %d fixes, %q; want 2, %q", n, got, "Xde+fg-")
	}
	edits, n = selectFixes(src, diags, FixAll, nil)
	got, _ = ApplyFixes(src, edits)
	if n != 3 || string(got) != "Xde+fZ-" {
		t.Errorf("all: %d fixes, %q; want 3, %q", n, got, "Xde+fZ-")
	}
	edits, n = selectFixes(src, diags, FixAll, func(d Diagnostic) bool { return d.Rule == "a" })
	got, _ = ApplyFixes(src, edits)
	if n != 3 || string(got) != "abY+fZ-" {
		t.Errorf("a suppressed: %d fixes, %q; want 3, %q", n, got, "abY+fZ-")
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.ts")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new\r\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new\r\n" {
		t.Errorf("content = %q", got)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", info.Mode().Perm())
	}
	// A symbolic link is never written through, nor replaced.
	link := filepath.Join(dir, "link.ts")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte("through the link")); !errors.Is(err, errSymlink) {
		t.Errorf("writing through a link: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\r\n" {
		t.Errorf("written through the link: %q", got)
	}
	if li, err := os.Lstat(link); err != nil || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced: %v %v", li, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing.ts"), nil); err == nil {
		t.Error("writing a missing file succeeded")
	}
	if err := WriteFileAtomic(dir, nil); err == nil {
		t.Error("writing a directory succeeded")
	}
}

func TestFixedFileWriteRefusesChangedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.ts")
	if err := os.WriteFile(path, []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	ff := FixedFile{Target: discover.Target{Path: path, Display: "a.ts"}, Before: []byte("old"), After: []byte("new")}
	err := ff.Write()
	if err == nil || err.Error() != "a.ts changed while it was being fixed; not written" {
		t.Errorf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, []byte("changed")) {
		t.Errorf("file = %q", got)
	}
}

func TestRunFixLoop(t *testing.T) {
	// A toy rule: each "bad" becomes "ok", one fix per pass for
	// overlapping reports, so the loop needs several passes.
	rule := &Rule{ID: "toy", Default: SeverityError, Fix: FixSafe}
	rule.Run = func(p *Pass) {
		src := p.File.Source
		for i := 0; ; {
			j := bytes.Index(src[i:], []byte("bad"))
			if j < 0 {
				return
			}
			at := i + j
			// The fix rewrites one byte past the word too, so that
			// neighbouring words overlap and wait for the next pass.
			end := min(at+4, len(src))
			p.Report(js.Span{Start: at, End: at + 3}, "bad", &Fix{Message: "ok", Safe: true,
				Edits: []TextEdit{{Span: js.Span{Start: at, End: end}, NewText: "ok" + string(src[at+3:end])}}})
			i = at + 3
		}
	}
	path := filepath.Join(t.TempDir(), "a.js")
	src := "badbadbad\r\nx = 'bad';\r\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Run([]discover.Target{{Path: path, Display: "a.js", Lang: js.LangJS}}, Options{Rules: []*Rule{rule}, Fix: FixSafeOnly})
	if len(res.Fixed) != 1 {
		t.Fatalf("fixed %d files", len(res.Fixed))
	}
	if got := string(res.Fixed[0].After); got != "okokok\r\nx = 'ok';\r\n" {
		t.Errorf("after = %q", got)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics left: %v", res.Diagnostics)
	}
	if got, _ := os.ReadFile(path); string(got) != src {
		t.Errorf("Run wrote the file: %q", got)
	}
	// Without Fix nothing is fixed.
	res = Run([]discover.Target{{Path: path, Display: "a.js", Lang: js.LangJS}}, Options{Rules: []*Rule{rule}})
	if len(res.Fixed) != 0 || len(res.Diagnostics) != 4 {
		t.Errorf("without fix: %d fixed, %d diagnostics", len(res.Fixed), len(res.Diagnostics))
	}
}
