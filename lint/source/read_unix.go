//go:build linux || darwin

package source

import (
	"io/fs"
	"syscall"
)

// readFile reads the regular file at path into r.buf and returns its size,
// or why it cannot be read. It makes four system calls (open,
// fstat, read, close) and no allocation: on a tree of small files the
// os package's bookkeeping costs more than the reading itself.
func (r *Reader) readFile(path string, maxSize int64) (int, error) {
	// O_NONBLOCK: opening a named pipe must not wait for a writer; regular
	// files ignore it. The type is checked on the open file.
	var fd int
	var err error
	for {
		fd, err = sysOpen(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, &r.path)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return 0, openError(path, err)
	}
	defer sysClose(fd)
	var st syscall.Stat_t
	if err := sysFstat(fd, &st); err != nil {
		return 0, cannotRead(err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return 0, notRegular(unixFileMode(uint32(st.Mode)))
	}
	r.stamp = stampOf(&st)
	size := int64(st.Size)
	if size > maxSize {
		return 0, tooLarge(size, maxSize)
	}
	r.grow(size)
	n := 0
	for int64(n) < size {
		k, err := sysRead(fd, r.buf[n:size])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, cannotRead(err)
		}
		if k == 0 {
			break // the file shrank while being read
		}
		n += k
	}
	return n, nil
}

// unixFileMode turns the type bits of a stat mode into an fs.FileMode.
func unixFileMode(mode uint32) fs.FileMode {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	}
	return fs.ModeIrregular
}
