package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

// ReadDir returns the entries of the directory dir, sorted by name, as
// os.ReadDir does, with raw system calls (see syscalls_linux.go): the walk
// lists thousands of directories.
func ReadDir(dir string) ([]fs.DirEntry, error) {
	fd, err := openDir(dir)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer sysClose(fd)
	bufp := direntBuffers.Get().(*[]byte)
	defer direntBuffers.Put(bufp)
	buf := *bufp
	var entries []fs.DirEntry
	for {
		n, _, errno := syscall.RawSyscall(syscall.SYS_GETDENTS64, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
		if errno == syscall.EINTR {
			continue
		}
		if errno != 0 {
			return nil, &fs.PathError{Op: "readdirent", Path: dir, Err: errno}
		}
		if n == 0 {
			break
		}
		entries = appendDirents(entries, dir, buf[:n])
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// direntBuffers lend ReadDir the buffer getdents64 fills.
var direntBuffers = sync.Pool{New: func() any { b := make([]byte, 8<<10); return &b }}

// openDir opens dir for reading its entries.
func openDir(dir string) (int, error) {
	for {
		fd, err := sysOpen(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, nil)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// appendDirents appends the entries of buf, records of getdents64
// (struct linux_dirent64: inode, offset, record length, type, name), but
// for . and ..
func appendDirents(entries []fs.DirEntry, dir string, buf []byte) []fs.DirEntry {
	const nameAt = 19 // 8 + 8 + 2 + 1
	for len(buf) >= nameAt {
		reclen := int(*(*uint16)(unsafe.Pointer(&buf[16])))
		if reclen < nameAt || reclen > len(buf) {
			break // not a record: never from the kernel
		}
		rec := buf[:reclen]
		buf = buf[reclen:]
		if *(*uint64)(unsafe.Pointer(&rec[0])) == 0 {
			continue // no file: skipped, as os.ReadDir does
		}
		name := rec[nameAt:]
		if i := slices.Index(name, 0); i >= 0 {
			name = name[:i]
		}
		if len(name) == 0 || string(name) == "." || string(name) == ".." {
			continue
		}
		e := &dirEntry{dir: dir, name: string(name)}
		if typ, known := direntType(rec[18]); known {
			e.typ = typ
		} else if info, err := os.Lstat(filepath.Join(dir, e.name)); err == nil {
			e.typ = info.Mode().Type()
		} else {
			continue // gone since: as os.ReadDir does
		}
		entries = append(entries, e)
	}
	return entries
}

// direntType returns the type of an entry from its d_type; known is false
// for DT_UNKNOWN (some file systems do not say): then lstat tells.
func direntType(t byte) (typ fs.FileMode, known bool) {
	switch t {
	case syscall.DT_REG:
		return 0, true
	case syscall.DT_DIR:
		return fs.ModeDir, true
	case syscall.DT_LNK:
		return fs.ModeSymlink, true
	case syscall.DT_FIFO:
		return fs.ModeNamedPipe, true
	case syscall.DT_SOCK:
		return fs.ModeSocket, true
	case syscall.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, true
	case syscall.DT_BLK:
		return fs.ModeDevice, true
	}
	return 0, false
}

// dirEntry is an entry ReadDir read.
type dirEntry struct {
	dir, name string
	typ       fs.FileMode
}

func (e *dirEntry) Name() string { return e.name }

func (e *dirEntry) IsDir() bool { return e.typ.IsDir() }

func (e *dirEntry) Type() fs.FileMode { return e.typ }

func (e *dirEntry) Info() (fs.FileInfo, error) { return os.Lstat(filepath.Join(e.dir, e.name)) }

func (e *dirEntry) String() string { return fs.FormatDirEntry(e) }
