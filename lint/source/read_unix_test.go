//go:build linux || darwin

package source

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// TestReadLimitedHostile reads what a project file can be made to lead to:
// a link to /dev/zero (endless) and a named pipe (a read that blocks). Each
// must fail at once, having read nothing.
func TestReadLimitedHostile(t *testing.T) {
	dir := t.TempDir()
	zero, fifo := filepath.Join(dir, "tsconfig.json"), filepath.Join(dir, "package.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for path, want := range map[string]string{
		zero: "not a regular file (character device)",
		fifo: "not a regular file (named pipe)",
	} {
		if _, err := ReadProjectFile(path); !errors.Is(err, ErrNotRegular) || err.Error() != want {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("allocated %d bytes", n)
	}
}
