// Package source reads the files to lint safely: regular files only, with
// a size limit, no binary and no invalid UTF-8. What cannot be read becomes
// a Notice, a one-line message that never changes the exit status.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"unicode/utf8"
)

// DefaultMaxFileSize is the size above which a file is skipped unread.
const DefaultMaxFileSize = 8 << 20

// BinaryProbe is how many leading bytes are searched for a NUL byte.
const BinaryProbe = 8 << 10

// Read reads a file to lint into a new buffer. When the file cannot
// be linted it returns a short reason instead.
func Read(path string, maxSize int64) ([]byte, string) {
	var r Reader
	return r.Read(path, maxSize)
}

// Reader reads the files one worker lints. With Reuse set, every file
// is read into the same buffer, grown as needed: the caller must be done
// with one file's bytes before it reads the next. Without it, each file
// gets a buffer of its own.
type Reader struct {
	Reuse bool
	buf   []byte
}

// read reads path, or returns a short reason why it cannot be linted. The
// bytes have one spare byte of capacity, so the lexer needs no copy (see
// Scan).
func (r *Reader) Read(path string, maxSize int64) ([]byte, string) {
	size, reason := r.readFile(path, maxSize)
	if reason != "" {
		return nil, reason
	}
	src := r.buf[: size : size+1]
	if !r.Reuse {
		r.buf = nil
	}
	if bytes.IndexByte(src[:min(len(src), BinaryProbe)], 0) >= 0 {
		return nil, "binary file (NUL byte)"
	}
	if !utf8.Valid(src) {
		return nil, "invalid UTF-8 (" + invalidUTF8At(src) + ")"
	}
	return src, ""
}

// grow makes r.buf hold at least n bytes (plus the spare one).
func (r *Reader) grow(n int64) {
	if int64(cap(r.buf)) < n+1 {
		r.buf = make([]byte, n+1, max(n+1, 64<<10))
	}
	r.buf = r.buf[:n+1]
}

// tooLarge is the reason given for a file over maxSize.
func tooLarge(size, maxSize int64) string {
	return fmt.Sprintf("file too large (%s; the limit is %s)", formatSize(size), formatSize(maxSize))
}

// describeOpenError explains why path cannot be opened.
func describeOpenError(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "symbolic link loop"
	case errors.Is(err, fs.ErrNotExist):
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return "unreadable: dangling symbolic link"
		}
		return "unreadable: file does not exist"
	}
	return "unreadable: " + DescribeError(err)
}

// DescribeError returns the cause of err without the path that the os
// package puts in front of it.
func DescribeError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileKind names the kind of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}

// formatSize writes a byte count for people.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// invalidUTF8At says where the first invalid UTF-8 byte of src is.
func invalidUTF8At(src []byte) string {
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Sprintf("first bad byte on line %d", line)
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return "no bad byte found"
}
