//go:build !unix

package source

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// readFile reads the regular file at path into r.buf and returns its size,
// or a reason why it cannot be linted.
func (r *Reader) readFile(path string, maxSize int64) (int, string) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return 0, describeOpenError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, "cannot read: " + DescribeError(err)
	}
	if !info.Mode().IsRegular() {
		return 0, "not a regular file (" + fileKind(info.Mode()) + ")"
	}
	size := info.Size()
	if size > maxSize {
		return 0, tooLarge(size, maxSize)
	}
	r.grow(size)
	n, err := io.ReadFull(f, r.buf[:size])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, "cannot read: " + DescribeError(err)
	}
	return n, ""
}
