package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/directivelint/directivelint/internal/corpus"
)

// BenchmarkLSPEdit measures what an editor waits for once the debounce
// is over: an edit of one open document of a large project, from
// didChange to the publication of the document's new diagnostics, the
// project's module graph updated and its graph rules run again. The
// server runs with no debounce, over pipes, with a real client.
//
// The project is a generated Next.js app of $DIRECTIVELINT_BENCH_FILES
// files (default 40,000) in one package. Metrics: ms/edit (the latency),
// first-build-ms (opening the first document: the project read whole),
// and held-MB, the live heap once the project is held.
//
//	go test ./cmd/directivelint -run '^$' -bench LSPEdit -benchtime 50x
func BenchmarkLSPEdit(b *testing.B) {
	n := 40000
	if s := os.Getenv("DIRECTIVELINT_BENCH_FILES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	if _, err := corpus.WriteTree(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	for name, text := range map[string]string{
		"package.json":  `{"name": "bench", "dependencies": {"next": "15.0.0"}}`,
		"tsconfig.json": `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(dir, "components", "widget1.tsx") // a client component
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	clean := string(data)
	// The edit moves a directive out of place: a problem at the end.
	broken := clean + "\nexport function later() {}\n'use client';\n"
	u := uri.File(path)
	c := startLSPWith(b, 0)
	start := time.Now()
	c.open(u, clean)
	first := c.waitDiags(u, "first build", func([]protocol.Diagnostic) bool { return true })
	built := time.Since(start)
	runtime.GC()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	count := len(first)
	b.ResetTimer()
	for i := range b.N {
		text, want := broken, count+1
		if i%2 == 1 {
			text, want = clean, count
		}
		c.change(u, int32(i+2), text)
		c.waitDiags(u, "edit", func(d []protocol.Diagnostic) bool { return len(d) == want })
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/edit")
	b.ReportMetric(float64(built.Milliseconds()), "first-build-ms")
	b.ReportMetric(float64(mem.HeapAlloc)/(1<<20), "held-MB")
	c.shutdown()
}
