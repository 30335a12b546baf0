package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the run to the file named by the
// environment variable DIRECTIVELINT_CPUPROFILE, when it is set (for
// `go tool pprof`). It returns the function that stops it.
func startProfile() func() {
	path := os.Getenv("DIRECTIVELINT_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	out, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "directivelint: cpu profile: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		fmt.Fprintf(os.Stderr, "directivelint: cpu profile: %v\n", err)
		out.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		out.Close()
	}
}

// writeHeapProfile writes the live heap to the file named by
// DIRECTIVELINT_MEMPROFILE, when it is set.
func writeHeapProfile() {
	path := os.Getenv("DIRECTIVELINT_MEMPROFILE")
	if path == "" {
		return
	}
	out, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "directivelint: heap profile: %v\n", err)
		return
	}
	defer out.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(out); err != nil {
		fmt.Fprintf(os.Stderr, "directivelint: heap profile: %v\n", err)
	}
}
