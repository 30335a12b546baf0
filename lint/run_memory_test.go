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
	// The memory a run keeps for 900 diagnostics less that for 400: what
	// each of 500 more costs, without what any run keeps.
	// About 800 bytes: the diagnostic, its excerpt, the graph's function
	// and code frame; a copy of the line each would be 50 KB.
	perDiag := (keptFor(t, 900) - keptFor(t, 400)) / 500
	t.Logf("%d bytes kept per diagnostic", perDiag)
	if perDiag > 1000 {
		t.Errorf("%d bytes kept per diagnostic, want at most 1000", perDiag)
	}
}

// keptFor returns the heap a run's result keeps for a minified line of n
// inline Server Functions in a client module (n diagnostics, under the
// cap of a file's reports).
func keptFor(t *testing.T, n int) int64 {
	t.Helper()
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
	runtime.KeepAlive(res)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// TestRunCapsReportsPerFile: a file with more problems than a file's cap
// gets the first ones and a notice counting the rest.
func TestRunCapsReportsPerFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "min.js")
	src := "'use client';" + strings.Repeat("export async function f(){ 'use server'; return 1;};", 5000) + "\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	targets, _, err := discover.Targets([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(targets, lint.Options{Rules: rules.All()})
	if len(res.Diagnostics) != 1000 || len(res.Notices) != 1 ||
		!strings.HasSuffix(res.Notices[0].Text, "4000 more problems not reported: at most 1000 are reported a file") {
		t.Errorf("%d diagnostics, notices %v", len(res.Diagnostics), res.Notices)
	}
}
