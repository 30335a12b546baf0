package lint

import (
	"testing"

	"github.com/directivelint/directivelint/internal/corpus"
)

// BenchmarkScan measures the scanner alone over a generated corpus, on one
// core: MB/s from SetBytes, files/s from the files-per-op metric.
func BenchmarkScan(b *testing.B) {
	files := corpus.Generate(2000, 1)
	var total int64
	srcs := make([][]byte, len(files))
	langs := make([]Lang, len(files))
	for i, f := range files {
		// One byte of spare capacity spares the lexer a copy, as the runner does.
		buf := make([]byte, len(f.Source), len(f.Source)+1)
		copy(buf, f.Source)
		srcs[i] = buf
		langs[i], _ = LangOf(f.Path)
		total += int64(len(f.Source))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i, src := range srcs {
			Scan(files[i].Path, src, langs[i])
		}
	}
	b.ReportMetric(float64(len(files))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkLexer runs tdewolff's lexer alone over the same corpus: the
// floor the scanner is measured against.
func BenchmarkLexer(b *testing.B) {
	files := corpus.Generate(2000, 1)
	var total int64
	for _, f := range files {
		total += int64(len(f.Source))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, f := range files {
			t := newTokens(f.Source, nil)
			for !t.next(false).eof() {
			}
		}
	}
}
