package report

import (
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
)

func TestStylishFixMarks(t *testing.T) {
	got := render(t, "stylish", Options{}, fixable(), Summary{Files: 2})
	for _, want := range []string{
		"directive-position [fix]\n",
		"directive-typo [unsafe fix]\n",
		"  not async  server-file-exports\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("stylish lacks %q:\n%s", want, got)
		}
	}
}

func TestStylishFixSummary(t *testing.T) {
	tests := []struct {
		name  string
		diags []lint.Diagnostic
		sum   Summary
		want  string // the report's last line
	}{
		{"no fix run", fixable(), Summary{}, "  1 fixable with --fix; 1 more with --fix --unsafe-fixes"},
		{"only unsafe", fixable()[1:], Summary{}, "  1 fixable with --fix --unsafe-fixes"},
		{"nothing fixable", sample, Summary{}, "✖ 3 problems (2 errors, 1 warning) in 2 files"},
		{"--fix", fixable()[1:], Summary{Fixed: 3, FixedFiles: 2, FixMode: lint.FixSafeOnly},
			"  3 problems fixed in 2 files; 1 more fixable with --unsafe-fixes"},
		{"--fix, nothing fixed", fixable()[1:], Summary{FixMode: lint.FixSafeOnly}, "  1 fixable with --unsafe-fixes"},
		{"--fix --unsafe-fixes", sample, Summary{Fixed: 1, FixedFiles: 1, FixMode: lint.FixAll}, "  1 problem fixed in 1 file"},
		{"all fixed", nil, Summary{Fixed: 2, FixedFiles: 1, FixMode: lint.FixAll}, "✔ 2 problems fixed in 1 file, no problems remaining"},
		{"nothing at all", nil, Summary{FixMode: lint.FixSafeOnly}, ""},
	}
	for _, tt := range tests {
		got := strings.TrimSuffix(render(t, "stylish", Options{}, tt.diags, tt.sum), "\n")
		if last := got[strings.LastIndex(got, "\n")+1:]; last != tt.want {
			t.Errorf("%s: last line %q, want %q", tt.name, last, tt.want)
		}
	}
}
