package main

import (
	"os"
	"runtime/debug"
)

// Memory: a lint run allocates briskly and keeps little (the module graph,
// the diagnostics). The collector runs each time the heap triples
// (GOGC=200), and never lets it pass a soft limit that scales with the
// number of files: max(36 MB, 1,400 bytes a file), plus what the cache
// takes or may take (cacheMemory: the loaded cache, 100 bytes a file while
// a first run makes it, 200 without the cache). The floor was 48 MB:
// on twelve real repositories (15,253 files) a first run writing the cache
// peaked at 57 MiB, past half of oxlint's 110; at 36 MB, 46 MiB, and
// without the cache 41 MiB instead of 45, in the same time (1.03x and
// 1.04x, noise: 12 and 8 interleaved runs). The bound is half of
// oxlint's peak memory on the same tree (oxlint 1.94: 125 MiB on 41,660
// files). With the collector off below the limit (GOGC=off, before), the
// heap sat at the limit. Measured against that (interleaved; CPU
// medians; peak RSS): 4,166 files, same wall and CPU time (ratio 1.02,
// 30 runs), 33.6 -> 22.3 MiB; 41,660 files, same time (CPU 0.99x, 15
// runs), 58 MiB both; one 8 MB file of 155,000 server functions, same
// time, 106 MiB both (its live heap, 84 MB, is past the limit). The
// collector is not where the time goes: 2 to 12 collections a run. GOGC=100
// measured the same; no limit: 65 MiB (GOGC=100), 77 MiB (GOGC=200) on
// 41,660 files, over the bound.
// GOGC or GOMEMLIMIT set by the user win.
const (
	minHeapLimit = 36 << 20
	heapPerFile  = 1400 // bytes of soft limit per file, beyond minHeapLimit
	gcPercent    = 200  // below the limit, collect when the heap triples
)

// tuneGC sets the collector for a run over files files, unless the user
// configured it through GOGC or GOMEMLIMIT. It is called twice: with 0
// before the files are found (the walk allocates a little and keeps most
// of it: collecting then is wasted work), and with their number after.
// The cache a run loads (cacheBytes) is held whole to its end: it raises
// the limit by its size, or the collector would run back to back.
func tuneGC(files int, cacheBytes int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(max(minHeapLimit, int64(files)*heapPerFile) + cacheBytes)
	debug.SetGCPercent(gcPercent)
}
