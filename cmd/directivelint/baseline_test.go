package main

import (
	"os"
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
