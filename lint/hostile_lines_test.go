package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/rules"
)

// hostileLines are one-line files made of one statement repeated: each
// once cost a rule or the scanner time in the square of the line's length
// (a fix reading the whole line per report) or memory per entry without
// bound. BenchmarkHostileLines measures them at n and 2n.
var hostileLines = []struct{ name, head, unit, tail string }{
	{"misplaced typos", "'use client';x;", "'use sever';", ""},
	{"misplaced use client", "x;", "'use client';", ""},
	{"misplaced in a function", "function f(){x;", "'use server';", "}"},
	{"duplicate prologue directives", "'use client';", "'use server';", ""},
	{"inline Server Functions", "'use client';", "export async function f(){ 'use server'; return 1;};", ""},
	{"exports of a use server file", "'use server';", "export const a=1;", ""},
}

func lintLine(tb testing.TB, head, unit, tail string, n int) *lint.Result {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "min.js")
	if err := os.WriteFile(path, []byte(head+strings.Repeat(unit, n)+tail+"\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	targets, _, err := discover.Targets([]string{path})
	if err != nil {
		tb.Fatal(err)
	}
	return lint.Run(targets, lint.Options{Rules: rules.All()})
}

// TestHostileLines: past the model's bounds the scan stops with a notice
// saying so, and at most 1,000 problems are reported, the rest counted.
func TestHostileLines(t *testing.T) {
	for _, h := range hostileLines {
		res := lintLine(t, h.head, h.unit, h.tail, 25000)
		var notes []string
		for _, n := range res.Notices {
			notes = append(notes, n.Text)
		}
		joined := strings.Join(notes, "\n")
		if len(res.Diagnostics) > 1000 || !strings.Contains(joined, "the rest of the file is not read") {
			t.Errorf("%s: %d diagnostics, notices:\n%s", h.name, len(res.Diagnostics), joined)
		}
	}
}

func BenchmarkHostileLines(b *testing.B) {
	for _, h := range hostileLines {
		for _, n := range []int{5000, 10000} {
			b.Run(fmt.Sprintf("%s/%d", h.name, n), func(b *testing.B) {
				for b.Loop() {
					lintLine(b, h.head, h.unit, h.tail, n)
				}
			})
		}
	}
}
