package lint_test

import (
	"os"
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
