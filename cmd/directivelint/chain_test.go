package main

import (
	"strings"
	"testing"

	"github.com/directivelint/directivelint/internal/hostile"
	"github.com/directivelint/directivelint/rules"
)

// TestChainOutputLinear checks that the output of every format, and of
// graph, grows linearly with the length of an import chain: a chain is
// cut in messages and in related positions, so twice the modules give
// about twice the bytes, not four times.
func TestChainOutputLinear(t *testing.T) {
	const n = 300
	formats := [][]string{
		{"--format", "stylish", "--color", "never"},
		{"--format", "json"},
		{"--format", "sarif"},
		{"--format", "compact"},
		{"graph", "--format", "json"},
		{"graph", "--format", "text"},
		{"graph", "--format", "dot"},
	}
	// What shows that a format cuts the chains.
	cut := map[string]string{"--format json": "more imports (directivelint graph shows", "graph --format json": `"clientChainOmitted": `, "graph --format text": " more → "}
	size := make([][2]int, len(formats))
	for i, modules := range []int{n, 2 * n} {
		project(t, hostile.ChainFiles(modules))
		for f, args := range formats {
			_, out, errOut := cli(t, rules.All(), append(args, ".")...)
			if args[0] != "graph" && strings.Count(out, "server-only-in-client") < modules {
				t.Fatalf("%v at %d modules: fewer diagnostics than modules:\n%.2000s\nstderr: %s", args, modules, out, errOut)
			}
			if want := cut[strings.Join(args, " ")]; !strings.Contains(out, want) {
				t.Errorf("%v: the output does not cut the chains with %q", args, want)
			}
			size[f][i] = len(out)
		}
	}
	for f, args := range formats {
		if ratio := float64(size[f][1]) / float64(size[f][0]); ratio > 2.2 {
			t.Errorf("%v: %d bytes at %d modules, %d at %d: ratio %.2f, want about 2", args, size[f][0], n, size[f][1], 2*n, ratio)
		} else {
			t.Logf("%v: %d bytes at %d modules, %d at %d: ratio %.2f", args, size[f][0], n, size[f][1], 2*n, ratio)
		}
	}
}
