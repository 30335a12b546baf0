//go:build unix

package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// openToReplace opens the file at path for reading, if fixes may replace
// it: a regular file, reached without following a symbolic link, with no
// other hard link (a rename would split them), that the user may write
// (opening it for writing is the check, as root may write anything).
func openToReplace(path string) (*os.File, fileState, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDWR|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	switch {
	case errors.Is(err, syscall.ELOOP):
		return nil, fileState{}, errSymlink
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM), errors.Is(err, syscall.EROFS):
		return nil, fileState{}, errNoWrite
	case errors.Is(err, syscall.EISDIR):
		return nil, fileState{}, errNotRegular
	case err != nil:
		return nil, fileState{}, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	f := os.NewFile(uintptr(fd), path)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		f.Close()
		return nil, fileState{}, err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		f.Close()
		return nil, fileState{}, errNotRegular
	}
	if st.Nlink > 1 {
		f.Close()
		return nil, fileState{}, fmt.Errorf("it has %d hard links, which replacing it would split", st.Nlink)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fileState{}, err
	}
	mode := info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	return f, fileState{mode: mode, uid: int(st.Uid), gid: int(st.Gid)}, nil
}

// keepOwner gives tmp the owner and group of the file it replaces, when
// they differ; when that is not allowed, the file is not replaced.
func keepOwner(tmp *os.File, state fileState) error {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(tmp.Fd()), &st); err != nil {
		return err
	}
	if int(st.Uid) == state.uid && int(st.Gid) == state.gid {
		return nil
	}
	if err := tmp.Chown(state.uid, state.gid); err != nil {
		return fmt.Errorf("its owner or group (%d:%d) cannot be kept: %w", state.uid, state.gid, err)
	}
	return nil
}
