package lint_test

import (
	"testing"

	"github.com/directivelint/directivelint/internal/corpus"
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/rules"
)

// BenchmarkRun measures a whole run (discovery, reading, scanning, every
// rule, the module graph) over a generated tree of 2,000 files, on all
// cores: MB/s from SetBytes, files/s as a metric.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	size, err := corpus.WriteTree(dir, 2000, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	files := 0
	for n := 0; n < b.N; n++ {
		targets, _, err := lint.Discover([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		res := lint.Run(targets, lint.Options{Rules: rules.All()})
		files += res.Files
	}
	b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "files/s")
}
