package main

import (
	"fmt"
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
// server runs with no debounce, over pipes, with a real client; edits come
// the server's debounce apart, as keystrokes' lints do.
//
// The project is a generated Next.js app of $DIRECTIVELINT_BENCH_FILES
// files (default 40,000) in one package; the editor has one document open,
// then five (the graph rules run once for each). Metrics: ms/edit (the
// latency), first-build-ms (opening the first document: the project read
// whole), and held-MB, the live heap once the project is held.
//
//	go test ./cmd/directivelint -run '^$' -bench LSPEdit -benchtime 50x
func BenchmarkLSPEdit(b *testing.B) {
	for _, open := range []int{1, 5} {
		b.Run(fmt.Sprintf("open=%d", open), func(b *testing.B) { benchmarkLSPEdit(b, open) })
	}
}

func benchmarkLSPEdit(b *testing.B, open int) {
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
	for k := 2; k <= open; k++ { // more client components open
		other := filepath.Join(dir, "components", fmt.Sprintf("widget%d.tsx", 5*k-4))
		text, err := os.ReadFile(other)
		if err != nil {
			b.Fatal(err)
		}
		c.open(uri.File(other), string(text))
		c.waitDiags(uri.File(other), "open", func([]protocol.Diagnostic) bool { return true })
	}
	runtime.GC()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	count := len(first)
	b.ResetTimer()
	var latency time.Duration
	for i := range b.N {
		text, want := broken, count+1
		if i%2 == 1 {
			text, want = clean, count
		}
		start := time.Now()
		c.change(u, int32(i+2), text)
		c.waitDiags(u, "edit", func(d []protocol.Diagnostic) bool { return len(d) == want })
		latency += time.Since(start)
		// The other open documents are linted after the edited one is
		// published; the next keystroke's lint comes a debounce later.
		b.StopTimer()
		time.Sleep(lspDebounce)
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(latency.Microseconds())/1000/float64(b.N), "ms/edit")
	b.ReportMetric(float64(built.Milliseconds()), "first-build-ms")
	b.ReportMetric(float64(mem.HeapAlloc)/(1<<20), "held-MB")
	c.shutdown()
}
