package lint_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/internal/corpus"
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/rules"
)

// BenchmarkRun measures a whole run (discovery, reading, scanning, every
// rule, the module graph) on all cores: MB/s from SetBytes, files/s as a
// metric. It runs over $DIRECTIVELINT_BENCH_DIR when that is set (real
// code), else over a generated tree of 2,000 files.
func BenchmarkRun(b *testing.B) {
	dir := os.Getenv("DIRECTIVELINT_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
		if _, err := corpus.WriteTree(dir, 2000, 1); err != nil {
			b.Fatal(err)
		}
	}
	size, err := treeSize(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	files := 0
	for n := 0; n < b.N; n++ {
		targets, _, err := discover.Targets([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		res := lint.Run(targets, lint.Options{Rules: rules.All()})
		files += res.Files
	}
	b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "files/s")
}

// treeSize returns the bytes of the files discover.Targets finds under dir.
func treeSize(dir string) (int64, error) {
	targets, _, err := discover.Targets([]string{dir})
	if err != nil {
		return 0, err
	}
	var size int64
	for _, t := range targets {
		info, err := os.Stat(t.Path)
		if err != nil {
			return 0, err
		}
		size += info.Size()
	}
	return size, nil
}

// BenchmarkLongLine lints one minified line of N, 2N and 4N inline Server
// Functions in a client module, a diagnostic each: time and memory per
// run grow linearly with N (each diagnostic used to copy the whole line).
func BenchmarkLongLine(b *testing.B) {
	const chunk = "export async function f(){ 'use server'; return 1;};"
	for _, n := range []int{5000, 10000, 20000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "min.js")
			src := "'use client';" + strings.Repeat(chunk, n) + "\n"
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
			targets, _, err := discover.Targets([]string{path})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if res := lint.Run(targets, lint.Options{Rules: rules.All()}); len(res.Diagnostics) != n {
					b.Fatalf("%d diagnostics, want %d", len(res.Diagnostics), n)
				}
			}
		})
	}
}
