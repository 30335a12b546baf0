package js

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/directivelint/directivelint/internal/corpus"
	"github.com/tdewolff/parse/v2/js"
)

// benchFiles returns the files the scanner benchmarks read, with one byte
// of spare capacity each as the runner gives the scanner: the files under
// $DIRECTIVELINT_BENCH_DIR when it is set (real code, such as checkouts of
// public projects), else the generated corpus (2,000 files). withJSX false
// keeps only the files without JSX.
func benchFiles(tb testing.TB, withJSX bool) (srcs [][]byte, langs []Lang, total int64) {
	add := func(path string, src []byte) {
		lang, ok := LangOf(path)
		if !ok || !withJSX && strings.HasSuffix(path, "x") {
			return
		}
		buf := make([]byte, len(src), len(src)+1)
		copy(buf, src)
		srcs, langs, total = append(srcs, buf), append(langs, lang), total+int64(len(buf))
	}
	if dir := os.Getenv("DIRECTIVELINT_BENCH_DIR"); dir != "" {
		walkSources(tb, []string{dir}, func(path string, src []byte, _ Lang) { add(path, src) })
		return srcs, langs, total
	}
	for _, f := range corpus.Generate(2000, 1) {
		add(f.Path, f.Source)
	}
	return srcs, langs, total
}

// walkSources calls fn with each JavaScript or TypeScript file under dirs
// (outside node_modules and hidden directories) that is valid UTF-8 and at
// most 8 MiB, with one byte of spare capacity, and returns how many.
func walkSources(tb testing.TB, dirs []string, fn func(path string, src []byte, lang Lang)) int {
	n := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != dir && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			lang, ok := LangOf(path)
			if !ok || !d.Type().IsRegular() {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil || len(src) > 8<<20 || !utf8.Valid(src) {
				return nil
			}
			n++
			fn(path, append(src[:len(src):len(src)], 0)[:len(src)], lang)
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return n
}

// benchEach runs fn over every bench file on one core, reporting MB/s
// (from SetBytes) and files/s.
func benchEach(b *testing.B, withJSX bool, fn func(src []byte, lang Lang)) {
	srcs, langs, total := benchFiles(b, withJSX)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i, src := range srcs {
			fn(src, langs[i])
		}
	}
	b.ReportMetric(float64(len(srcs))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkScan measures the scanner reading every file whole.
func BenchmarkScan(b *testing.B) {
	benchEach(b, true, func(src []byte, lang Lang) { Scan("bench", src, lang) })
}

// BenchmarkScanNoJSX is BenchmarkScan on the files without JSX, the same
// input as BenchmarkLexer.
func BenchmarkScanNoJSX(b *testing.B) {
	benchEach(b, false, func(src []byte, lang Lang) { Scan("bench", src, lang) })
}

// BenchmarkScanForRules measures what the runner does with each file's
// bytes: the skim, then a scan of as much as the rules and the graph need
// (see ScanFor).
func BenchmarkScanForRules(b *testing.B) {
	benchEach(b, true, func(src []byte, lang Lang) {
		ScanFor("bench", src, lang, Plan{}).Recycle()
	})
}

// BenchmarkSkim measures the skim alone.
func BenchmarkSkim(b *testing.B) {
	benchEach(b, true, func(src []byte, _ Lang) { skimSource(src) })
}

// BenchmarkLexer runs tdewolff's lexer alone (regex versus division decided
// from the previous token, as simply as possible) over the files without
// JSX, which a bare lexer cannot read: the floor the scanner is compared to.
func BenchmarkLexer(b *testing.B) {
	srcs, _, total := benchFiles(b, false)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, src := range srcs {
			t := newTokens(src, nil)
			t.lexerOnly = true // the lexer alone, keywords looked up in its map
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
