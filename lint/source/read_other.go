//go:build !linux && !darwin

package source

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// readFile reads the regular file at path into r.buf and returns its size,
// or why it cannot be read.
func (r *Reader) readFile(path string, maxSize int64) (int, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return 0, openError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, cannotRead(err)
	}
	if !info.Mode().IsRegular() {
		return 0, notRegular(info.Mode())
	}
	r.stamp = stampOfInfo(info)
	size := info.Size()
	if size > maxSize {
		return 0, tooLarge(size, maxSize)
	}
	r.grow(size)
	n, err := io.ReadFull(f, r.buf[:size])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, cannotRead(err)
	}
	return n, nil
}
