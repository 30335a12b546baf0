package lint

import (
	"strings"
	"testing"

	"github.com/directivelint/directivelint/internal/corpus"
	"github.com/tdewolff/parse/v2/js"
)

// benchFiles returns the generated corpus (2,000 files), with one byte of
// spare capacity each as the runner gives the scanner, or only its files
// without JSX.
func benchFiles(withJSX bool) (srcs [][]byte, langs []Lang, total int64) {
	for _, f := range corpus.Generate(2000, 1) {
		if !withJSX && strings.HasSuffix(f.Path, "x") {
			continue
		}
		buf := make([]byte, len(f.Source), len(f.Source)+1)
		copy(buf, f.Source)
		lang, _ := LangOf(f.Path)
		srcs, langs, total = append(srcs, buf), append(langs, lang), total+int64(len(buf))
	}
	return srcs, langs, total
}

func benchScan(b *testing.B, withJSX bool) {
	srcs, langs, total := benchFiles(withJSX)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i, src := range srcs {
			Scan("bench", src, langs[i])
		}
	}
	b.ReportMetric(float64(len(srcs))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkScan measures the scanner alone over the generated corpus, on
// one core: MB/s from SetBytes, files/s as a metric.
func BenchmarkScan(b *testing.B) { benchScan(b, true) }

// BenchmarkScanNoJSX is BenchmarkScan on the files without JSX, the same
// input as BenchmarkLexer.
func BenchmarkScanNoJSX(b *testing.B) { benchScan(b, false) }

// BenchmarkLexer runs tdewolff's lexer alone (regex versus division decided
// from the previous token, as simply as possible) over the files without
// JSX, which a bare lexer cannot read: the floor the scanner is compared to.
func BenchmarkLexer(b *testing.B) {
	srcs, _, total := benchFiles(false)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, src := range srcs {
			t := newTokens(src, nil)
			regexOK := true
			for {
				tok := t.next(regexOK)
				if tok.eof() {
					break
				}
				regexOK = !endsExpression(tok)
			}
		}
	}
}

func endsExpression(t token) bool {
	switch t.tt {
	case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken:
		return true
	}
	return isOperand(t.tt)
}
