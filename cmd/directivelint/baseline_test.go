package main

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/rules"
)

// TestBaseline writes a baseline, moves the old findings down and adds a
// new one: only the new one is reported.
func TestBaseline(t *testing.T) {
	project(t, map[string]string{
		"actions.ts": "'use server';\n\nexport function save() {}\n",
		"typo.ts":    "'use sever';\n",
	})
	code, out, errOut := cli(t, rules.All(), "--write-baseline", "baseline.json")
	if code != 0 || out != "" || errOut != "directivelint: wrote baseline.json: 2 findings in 2 files; with --baseline baseline.json, only new ones are reported\n" {
		t.Fatalf("--write-baseline: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, _ := cli(t, rules.All(), "--baseline", "baseline.json"); code != 0 {
		t.Errorf("nothing new: status %d", code)
	}
	// Two lines above the old finding, and a new finding of the same text.
	src := "'use server';\n\n// a comment\n// another\nexport function save() {}\nexport function save2() {}\n  export function save() {}\n"
	if err := os.WriteFile("actions.ts", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = cli(t, rules.All(), "--baseline", "baseline.json", "--format", "compact")
	want := "actions.ts:6:1: error: "
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.HasPrefix(out, want) || !strings.Contains(out, "actions.ts:7:3:") ||
		errOut != "directivelint: 2 findings in the baseline not reported\n" {
		t.Errorf("--baseline: status %d, stdout\n%s\nstderr %q", code, out, errOut)
	}
}

func TestBaselineErrors(t *testing.T) {
	project(t, map[string]string{"a.ts": "'use sever';\n", "corrupt.json": "{\"version\": 1, \"findings\": [\n"})
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "missing.json"}, "directivelint: baseline missing.json does not exist: write it with --write-baseline missing.json\n"},
		{[]string{"--baseline", "corrupt.json"}, "directivelint: baseline corrupt.json is not a directivelint baseline: unexpected EOF\n"},
		{[]string{"--baseline", "a.json", "--write-baseline", "b.json"}, "do not go together"},
		{[]string{"--write-baseline", "b.json", "--fix"}, "run --fix first"},
	}
	for _, tt := range tests {
		code, out, errOut := cli(t, rules.All(), tt.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: status %d, stdout %q, stderr %q", tt.args, code, out, errOut)
		}
	}
	if _, err := os.Stat("b.json"); err == nil {
		t.Error("b.json written by a failed run")
	}
}

// TestESLintMigration lints testdata/eslint-migration (see its README):
// the comments of peer linters naming our rules or theirs suppress ours;
// comments naming other rules change nothing.
func TestESLintMigration(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "eslint-migration")
	code, out, errOut := cli(t, rules.All(), "--report-unused-disable", filepath.Join(dir, "peers"))
	if code != 0 || out != "" || errOut != "" {
		t.Errorf("peers: status %d\n%s%s", code, out, errOut)
	}
	code, out, _ = cli(t, rules.All(), "--report-unused-disable", "--format", "compact", filepath.Join(dir, "unrelated"))
	counts := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		rule := line[strings.LastIndexByte(line, '[')+1 : len(line)-1]
		counts[rule]++
	}
	want := map[string]int{"server-file-exports": 3, "async-client-component": 4, "async-server-function": 3, "directive-position": 1}
	if code != 1 || !maps.Equal(counts, want) {
		t.Errorf("unrelated: status %d, %v, want %v\n%s", code, counts, want, out)
	}
	code, out, _ = cli(t, rules.All(), "--report-unused-disable", "--format", "compact", filepath.Join(dir, "stale"))
	if code != 0 || strings.Count(out, "[unused-suppression]") != 3 || strings.Count(out, "\n") != 3 ||
		!strings.Contains(out, `remove "@next/next/no-async-client-component"`) ||
		!strings.Contains(out, `remove "lint/nursery/noNextAsyncClientComponent"`) ||
		!strings.Contains(out, `remove "directivelint/async-client-component"`) {
		t.Errorf("stale: status %d\n%s", code, out)
	}
}
