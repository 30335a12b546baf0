//go:build unix

package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/directivelint/directivelint/internal/hostile"
	"github.com/directivelint/directivelint/rules"
)

// TestHostileFixtures runs every case of the hostile fixture set (long
// lines, many directives, deep nesting, link loops, named pipes, /dev/zero
// as project files, invalid UTF-8, NUL bytes, files just over the limits,
// a chain of 10,000 modules, shapes that once took a square of their size),
// linting and printing the graph, and checks
// that each finishes (a blocked read would hang the test) with a peak
// heap below the case's bound.
func TestHostileFixtures(t *testing.T) {
	root := t.TempDir()
	if dir, err := os.MkdirTemp("/dev/shm", "directivelint-hostile-"); err == nil { // in memory: the chain has 10,000 files
		root = dir
		t.Cleanup(func() { os.RemoveAll(dir) })
	}
	// A soft limit well above the bounds: the collector works harder near
	// it, so that a run that needs more than a bound shows in the peak.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(512 << 20))
	for _, c := range hostile.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			if err := hostile.Write(root, c); err != nil {
				t.Skip(err) // a file system without named pipes or links
			}
			t.Chdir(filepath.Join(root, c.Name))
			for _, args := range [][]string{{"--format", "compact", "."}, {"graph", "--format", "json", "."}} {
				var code int
				var out string
				peak := peakHeap(func() { code, out, _ = cli(t, rules.All(), args...) })
				t.Logf("%v: status %d, %d bytes out, peak heap %d MiB", args, code, len(out), peak>>20)
				if code == exitFailure {
					t.Errorf("%v: status %d", args, code)
				}
				if peak > c.MaxHeap {
					t.Errorf("%v: peak heap %d MiB, want at most %d", args, peak>>20, c.MaxHeap>>20)
				}
			}
		})
	}
}

// peakHeap runs f and returns the most heap its objects took at once
// (sampled every millisecond) above what the heap held before.
func peakHeap(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	base, peak := sample[0].Value.Uint64(), uint64(0)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	return max(peak, base) - base
}
