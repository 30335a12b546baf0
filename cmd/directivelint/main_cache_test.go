package main

import (
	"os"
	"testing"
)

// TestMain keeps the caches the tests' runs write out of the user's cache
// directory. With DIRECTIVELINT_AS_CLI=1 the test binary is the command
// itself, for tests that start several at once.
func TestMain(m *testing.M) {
	if os.Getenv("DIRECTIVELINT_AS_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	dir, err := os.MkdirTemp("", "directivelint-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
