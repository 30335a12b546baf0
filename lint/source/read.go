// Package source reads the files to lint safely: regular files only, with
// a size limit, no binary and no invalid UTF-8. What cannot be read becomes
// a Notice, a one-line message that never changes the exit status.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"unicode/utf8"
)

// DefaultMaxFileSize is the size above which a file is skipped unread.
const DefaultMaxFileSize = 8 << 20

// MaxProjectFileSize is the size above which a project or configuration
// file (tsconfig.json, package.json, pnpm-workspace.yaml, .gitignore,
// directivelint.json) is not read.
const MaxProjectFileSize = 1 << 20

// ErrTooLarge is wrapped by the errors of ReadLimited and ReadAllLimited
// for content over the limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is wrapped by the error of ReadLimited for a path that
// leads to something other than a regular file (a directory, a device, a
// named pipe, a socket).
var ErrNotRegular = errors.New("not a regular file")

// readError is why a file could not be read: Error is a short reason,
// without the path; Unwrap gives the cause (fs.ErrNotExist included).
type readError struct {
	reason string
	err    error
}

func (e *readError) Error() string { return e.reason }
func (e *readError) Unwrap() error { return e.err }

// ReadLimited reads the file at path, which must be a regular file (after
// symbolic links) of at most limit bytes. It never blocks on a named pipe
// and never reads more than limit bytes, whatever the path leads to. The
// error says why in a few words, without the path.
func ReadLimited(path string, limit int64) ([]byte, error) {
	var r Reader
	n, err := r.readFile(path, limit)
	if err != nil {
		return nil, err
	}
	return r.buf[:n:n], nil
}

// ReadProjectFile reads a project or configuration file: ReadLimited with
// MaxProjectFileSize, less a leading byte order mark, which TypeScript,
// Node, git and YAML parsers all skip. Packages that may not import this
// one (lint/resolve) are given it as a function.
func ReadProjectFile(path string) ([]byte, error) {
	data, err := ReadLimited(path, MaxProjectFileSize)
	return bytes.TrimPrefix(data, []byte("\uFEFF")), err
}

// ReadAllLimited reads r (standard input) to its end, or fails with an
// error wrapping ErrTooLarge after limit bytes.
func ReadAllLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &readError{reason: fmt.Sprintf("too large (more than %s, the limit)", formatSize(limit)), err: ErrTooLarge}
	}
	return data, nil
}

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
	path  []byte // the path opened last, NUL-terminated for the system call
	stamp Stamp
}

// Stamp returns the stamp of the file Read read last, taken on the open
// file before its bytes were read: a change during the read makes the
// file's next stamp differ from it.
func (r *Reader) Stamp() Stamp { return r.stamp }

// read reads path, or returns a short reason why it cannot be linted. The
// bytes have one spare byte of capacity, so the lexer needs no copy (see
// Scan).
func (r *Reader) Read(path string, maxSize int64) ([]byte, string) {
	size, err := r.readFile(path, maxSize)
	if err != nil {
		return nil, err.Error()
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
		size := n + 1
		if r.Reuse {
			size = max(size, 64<<10)
		}
		r.buf = make([]byte, n+1, size)
	}
	r.buf = r.buf[:n+1]
}

// tooLarge is the error for a file over maxSize.
func tooLarge(size, maxSize int64) error {
	return &readError{reason: fmt.Sprintf("file too large (%s; the limit is %s)", formatSize(size), formatSize(maxSize)), err: ErrTooLarge}
}

// notRegular is the error for a file of mode m, not a regular file.
func notRegular(m fs.FileMode) error {
	return &readError{reason: "not a regular file (" + fileKind(m) + ")", err: ErrNotRegular}
}

// cannotRead is the error for a failed stat or read.
func cannotRead(err error) error {
	return &readError{reason: "cannot read: " + DescribeError(err), err: err}
}

// openError explains why path cannot be opened.
func openError(path string, err error) error {
	reason := "unreadable: " + DescribeError(err)
	switch {
	case errors.Is(err, syscall.ELOOP):
		reason = "symbolic link loop"
	case errors.Is(err, fs.ErrNotExist):
		reason = "unreadable: file does not exist"
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			reason = "unreadable: dangling symbolic link"
		}
	}
	return &readError{reason: reason, err: err}
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
