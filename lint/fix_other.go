//go:build !unix

package lint

import (
	"errors"
	"io/fs"
	"os"
)

// openToReplace opens the file at path for reading, if fixes may replace
// it: a regular file, not a symbolic link, that the user may write.
func openToReplace(path string) (*os.File, fileState, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, fileState{}, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return nil, fileState{}, errSymlink
	}
	if !info.Mode().IsRegular() {
		return nil, fileState{}, errNotRegular
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrPermission) {
		return nil, fileState{}, errNoWrite
	}
	if err != nil {
		return nil, fileState{}, err
	}
	return f, fileState{mode: info.Mode().Perm(), uid: -1, gid: -1}, nil
}

// keepOwner does nothing: files have no owner to keep here.
func keepOwner(*os.File, fileState) error { return nil }
