package source

import (
	"strings"
	"syscall"
	"unsafe"
)

// The four system calls of Reader.readFile, made raw: without telling
// the scheduler, which on a tree of small files cost more than the calls
// (the monitor thread, finding a worker in a system call at each of its
// 20 µs ticks, handed its P to another thread: tens of thousands of
// wake-ups and context switches a run, about a tenth of its CPU). None of
// them waits: the open is non-blocking (a named pipe opens at once), and
// the file is read only once fstat said it is a regular file, whose read
// waits at most for the disk. A slow disk holds one worker either way.

// atFDCWD is AT_FDCWD (-100): a relative path is taken from the working
// directory.
const atFDCWD = ^uintptr(99)

// sysOpen opens path. buf, when not nil, lends the bytes of the path and
// its final NUL, from one call to the next.
func sysOpen(path string, mode int, buf *[]byte) (int, error) {
	if strings.IndexByte(path, 0) >= 0 {
		return -1, syscall.EINVAL
	}
	var b []byte
	if buf != nil {
		b = *buf
	}
	b = append(append(b[:0], path...), 0)
	if buf != nil {
		*buf = b
	}
	fd, _, errno := syscall.RawSyscall6(syscall.SYS_OPENAT, atFDCWD, uintptr(unsafe.Pointer(&b[0])), uintptr(mode), 0, 0, 0)
	if errno != 0 {
		return -1, errno
	}
	return int(fd), nil
}

func sysFstat(fd int, st *syscall.Stat_t) error {
	if _, _, errno := syscall.RawSyscall(syscall.SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(st)), 0); errno != 0 {
		return errno
	}
	return nil
}

func sysRead(fd int, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	n, _, errno := syscall.RawSyscall(syscall.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}

func sysClose(fd int) {
	syscall.RawSyscall(syscall.SYS_CLOSE, uintptr(fd), 0, 0) //nolint:errcheck // a read-only descriptor
}
