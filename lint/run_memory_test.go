package lint_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/rules"
)

// TestRunLiveMemoryPerDiagnostic checks what the result of a run keeps for
// each of the diagnostics of one minified line: the diagnostic, its
// excerpt (a substring of one copy of the line) and the module graph's
// frame, but not one copy each of a message the rule repeats.
func TestRunLiveMemoryPerDiagnostic(t *testing.T) {
	const n = 5000
	path := filepath.Join(t.TempDir(), "min.js")
	src := "'use client';" + strings.Repeat("export async function f(){ 'use server'; return 1;};", n) + "\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	targets, _, err := discover.Targets([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := lint.Run(targets, lint.Options{Rules: rules.All()})
	runtime.GC()
	runtime.ReadMemStats(&after)
	if len(res.Diagnostics) != n {
		t.Fatalf("%d diagnostics, want %d", len(res.Diagnostics), n)
	}
	perDiag := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / n
	t.Logf("%d bytes kept per diagnostic", perDiag)
	if perDiag > 700 {
		t.Errorf("%d bytes kept per diagnostic, want at most 700", perDiag)
	}
	runtime.KeepAlive(res)
}
