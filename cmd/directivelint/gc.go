package main

import (
	"os"
	"runtime/debug"
)

// Memory: a lint run allocates briskly and keeps little (the module graph,
// the diagnostics). The collector runs each time the heap triples
// (GOGC=200), and never lets it pass a soft limit that scales with the
// number of files: max(48 MB, 1,400 bytes a file). The bound is half of
// oxlint's peak memory on the same tree (oxlint 1.94: 125 MiB on 41,660
// files). With the collector off below the limit (GOGC=off, before), the
// heap sat at the limit and the collector ran back to back. Measured
// (CPU medians, interleaved; peak RSS): 4,166 files 0.21 s both, 29.8 ->
// 22.1 MiB; 41,660 files 2.50 -> 2.19 s CPU (0.88x), 61.1 -> 57.9 MiB;
// one 8 MB file of 155,000 server functions 2.16 -> 2.02 s CPU, 106 MiB
// both (its live heap reaches 84 MB, past the limit). GOGC=100: 0.92x on
// 41,660 files, 1.00x on 4,166, 1.05x on the big file. No limit at all:
// GOGC=100 65 MiB, GOGC=200 77 MiB on 41,660 files, over the bound.
// GOGC or GOMEMLIMIT set by the user win.
const (
	minHeapLimit = 48 << 20
	heapPerFile  = 1400 // bytes of soft limit per file, beyond minHeapLimit
	gcPercent    = 200  // below the limit, collect when the heap triples
)

// tuneGC sets the collector for a run over files files, unless the user
// configured it through GOGC or GOMEMLIMIT. It is called twice: with 0
// before the files are found (the walk allocates a little and keeps most
// of it: collecting then is wasted work), and with their number after.
func tuneGC(files int) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(max(minHeapLimit, int64(files)*heapPerFile))
	debug.SetGCPercent(gcPercent)
}
