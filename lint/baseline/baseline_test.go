package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// diag is a diagnostic of rule r in file at line, on a line reading text.
func diag(r, file string, line int, text string) lint.Diagnostic {
	return lint.Diagnostic{Rule: r, File: file, Pos: js.Position{Line: line, Column: 1}, Excerpt: js.Excerpt{Text: text}, Message: r + " here"}
}

func TestRoundTrip(t *testing.T) {
	before := []lint.Diagnostic{
		diag("directive-typo", "app/a.ts", 1, "'use sever';"),
		diag("async-server-function", "app/a.ts", 4, "  function save() {"),
		diag("async-server-function", "app/a.ts", 9, "  function save() {"), // the same text twice
		diag("directive-typo", filepath.Join("app", "b.ts"), 1, "'use sever';"),
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := New(before).Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Findings[3].File != "app/b.ts" {
		t.Errorf("path not written with forward slashes: %q", b.Findings[3].File)
	}
	// Lines moved down by two, indentation changed, a new finding of the
	// same text as an old one, and a new rule on an old line.
	after := []lint.Diagnostic{
		diag("directive-typo", "app/a.ts", 3, "'use sever';"),
		diag("async-server-function", "app/a.ts", 6, "function save() {"),
		diag("async-server-function", "app/a.ts", 11, "    function save() {"),
		diag("async-server-function", "app/a.ts", 15, "function save() {"),
		diag("server-file-exports", "app/a.ts", 15, "function save() {"),
		diag("directive-typo", "app/b.ts", 1, "'use sever';"),
	}
	kept, dropped := b.Filter(after)
	if dropped != 4 || len(kept) != 2 || kept[0].Pos.Line != 15 || kept[1].Pos.Line != 15 || kept[1].Rule != "server-file-exports" {
		t.Errorf("dropped %d, kept %+v", dropped, kept)
	}
	// A finding in another file with the same text is new.
	if kept, _ := b.Filter([]lint.Diagnostic{diag("directive-typo", "app/c.ts", 1, "'use sever';")}); len(kept) != 1 {
		t.Errorf("a finding of another file matched: %+v", kept)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "missing.json"), "does not exist: write it with --write-baseline"},
		{write("corrupt.json", "{\"version\": 1, \"findings\": ["), "is not a directivelint baseline"},
		{write("other.json", `{"version": 1, "problems": []}`), "is not a directivelint baseline"},
		{write("v2.json", `{"version": 2, "findings": []}`), "has version 2; this directivelint reads version 1"},
		{write("partial.json", `{"version": 1, "findings": [{"rule": "x", "file": "a.ts"}]}`), "finding 1 lacks"},
	}
	for _, tt := range tests {
		if _, err := Read(tt.path); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%s) = %v, want %q", filepath.Base(tt.path), err, tt.want)
		}
	}
}
