package source

import "syscall"

// The four system calls of Reader.readFile, through the syscall package:
// macOS takes system calls only through its C library.

func sysOpen(path string, mode int, _ *[]byte) (int, error) { return syscall.Open(path, mode, 0) }

func sysFstat(fd int, st *syscall.Stat_t) error { return syscall.Fstat(fd, st) }

func sysRead(fd int, b []byte) (int, error) { return syscall.Read(fd, b) }

func sysClose(fd int) { syscall.Close(fd) } //nolint:errcheck // a read-only descriptor
