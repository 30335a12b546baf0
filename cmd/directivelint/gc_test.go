package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	tuneGC(100_000, 0)
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GC percent = %d, want %d (collect when the heap triples)", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != 100_000*heapPerFile {
		t.Errorf("memory limit = %d, want %d (scaled with the files)", got, 100_000*heapPerFile)
	}
	tuneGC(10, 0)
	if got := debug.SetMemoryLimit(math.MaxInt64); got != minHeapLimit {
		t.Errorf("memory limit = %d, want the minimum %d", got, minHeapLimit)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	tuneGC(10, 0)
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("GC percent = %d, want the user's 50 kept", got)
	}
}
