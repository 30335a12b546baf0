package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// fixRule reports every word in a file's source with a fix that replaces it
// by fixed, safe or not.
func fixRule(id, word string, safe bool) *lint.Rule {
	kind := lint.FixUnsafe
	if safe {
		kind = lint.FixSafe
	}
	return &lint.Rule{ID: id, Default: lint.SeverityError, Fix: kind, Run: func(pass *lint.Pass) {
		if i := bytes.Index(pass.File.Source, []byte(word)); i >= 0 {
			span := js.Span{Start: i, End: i + len(word)}
			pass.Report(span, "found "+word, &lint.Fix{Message: "fix it", Safe: safe,
				Edits: []lint.TextEdit{{Span: span, NewText: strings.ToLower(word)}}})
		}
	}}
}

var fixRules = append([]*lint.Rule{fixRule("safe", "SAFE", true), fixRule("risky", "RISKY", false)}, testRules...)

func TestDiff(t *testing.T) {
	tests := []struct {
		files  map[string]string
		args   string
		code   int
		diff   bool
		stderr string
	}{
		// Nothing to fix, nothing wrong.
		{map[string]string{"a.ts": "ok\n"}, "--diff", 0, false, ""},
		// Errors without a fix: no diff, but the errors set the exit status.
		{map[string]string{"a.ts": "BAD\n"}, "--diff", 1, false,
			"directivelint: 1 problem (1 error, 0 warnings) remains: run without --diff to see them\n"},
		// Only unsafe fixes: --diff says how to see them.
		{map[string]string{"a.ts": "RISKY\n"}, "--diff", 1, false,
			"directivelint: no safe fix to show; 1 problem has an unsafe fix: see them with --diff --unsafe-fixes\n" +
				"directivelint: 1 problem (1 error, 0 warnings) remains: run without --diff to see them\n"},
		{map[string]string{"a.ts": "RISKY\n"}, "--diff --unsafe-fixes", 1, true, ""},
		// A diff exits 1 even when nothing would remain, as Ruff's does.
		{map[string]string{"a.ts": "SAFE\n"}, "--diff", 1, true, ""},
		{map[string]string{"a.ts": "SAFE\n", "b.ts": "RISKY\n"}, "--diff", 1, true,
			"directivelint: 1 more problem has an unsafe fix: see them with --diff --unsafe-fixes\n" +
				"directivelint: 1 problem (1 error, 0 warnings) would remain after these fixes: run without --diff to see them\n"},
		// Warnings alone do not fail, unless over --max-warnings.
		{map[string]string{"a.ts": "MEH\n"}, "--diff", 0, false,
			"directivelint: 1 problem (0 errors, 1 warning) remains: run without --diff to see them\n"},
		{map[string]string{"a.ts": "MEH\n"}, "--diff --max-warnings 0", 1, false,
			"directivelint: 1 problem (0 errors, 1 warning) remains: run without --diff to see them\n" +
				"directivelint: too many warnings (1; the maximum is 0)\n"},
	}
	for _, tt := range tests {
		project(t, tt.files)
		code, out, errOut := cli(t, fixRules, strings.Fields(tt.args)...)
		if code != tt.code || (out != "") != tt.diff || errOut != tt.stderr {
			t.Errorf("%v %s: status %d, stdout %q, stderr %q", tt.files, tt.args, code, out, errOut)
		}
	}
}

func TestFixSays(t *testing.T) {
	project(t, map[string]string{"a.ts": "SAFE RISKY\n", "b.ts": "SAFE\n", "c.ts": "BAD\n"})
	code, out, errOut := cli(t, fixRules, "--color", "never")
	if code != 1 || !strings.HasSuffix(out, "  2 fixable with --fix; 1 more with --fix --unsafe-fixes\n") || errOut != "" {
		t.Errorf("no --fix: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = cli(t, fixRules, "--fix", "--color", "never")
	if code != 1 || !strings.HasSuffix(out, "\n  2 problems fixed in 2 files; 1 more fixable with --unsafe-fixes\n") || errOut != "" {
		t.Errorf("--fix: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Other formats keep stdout for the report; stderr says what changed.
	code, out, errOut = cli(t, fixRules, "--fix", "--unsafe-fixes", "--format", "compact")
	if code != 1 || out != "c.ts:1:1: error: found BAD [no-bad]\n" || errOut != "directivelint: fixed 1 problem in 1 file\n" {
		t.Errorf("--fix --format compact: status %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestJSONSaysTheFixKind(t *testing.T) {
	project(t, map[string]string{"a.ts": "SAFE RISKY BAD\n"})
	_, out, _ := cli(t, fixRules, "--format", "json")
	for _, want := range []string{
		`"rule":"safe","severity":"error","message":"found SAFE","fix":"safe","url":"` + lint.DocsURL + `safe.md"`,
		`"message":"found RISKY","fix":"unsafe"`,
		`"message":"found BAD","fix":"none"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("json lacks %s:\n%s", want, out)
		}
	}
}
