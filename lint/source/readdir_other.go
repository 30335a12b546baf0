//go:build !linux

package source

import (
	"io/fs"
	"os"
)

// ReadDir returns the entries of the directory dir, sorted by name: it is
// os.ReadDir.
func ReadDir(dir string) ([]fs.DirEntry, error) { return os.ReadDir(dir) }
