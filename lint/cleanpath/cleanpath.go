// Package cleanpath has filepath.Dir and filepath.Join for a run's hot paths,
// where paths are clean already: the same answers, without cleaning a
// clean path again. filepath.Clean reads a path a byte at a time through
// a buffer, about ten instructions a byte: on twelve repositories (15,209
// files) a run cleaned paths 190,000 times, 6% of its instructions.
package cleanpath

import (
	"path/filepath"
	"strings"
)

// Clean returns filepath.Clean(p).
func Clean(p string) string {
	if filepath.Separator == '/' && clean(p) {
		return p
	}
	return filepath.Clean(p)
}

// Abs returns p made absolute against the working directory wd (itself
// absolute, or "" when unknown: then p is only cleaned), as filepath.Abs
// would without asking the system for wd each time.
func Abs(wd, p string) string {
	if filepath.IsAbs(p) || wd == "" {
		return Clean(p)
	}
	return Join(wd, p)
}

// Dir returns filepath.Dir(p).
func Dir(p string) string {
	if filepath.Separator != '/' || !clean(p) {
		return filepath.Dir(p)
	}
	i := strings.LastIndexByte(p, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return p[:i]
}

// Join returns filepath.Join(dir, rel).
func Join(dir, rel string) string {
	if filepath.Separator != '/' || dir == "." || !clean(dir) {
		return filepath.Join(dir, rel)
	}
	d, r := dir, rel
	for {
		switch {
		case strings.HasPrefix(r, "./"):
			r = r[2:]
			continue
		case r == ".." || strings.HasPrefix(r, "../"):
			i := strings.LastIndexByte(d, '/')
			if i <= 0 || d[i+1:] == ".." {
				return filepath.Join(dir, rel) // up to the root, ".", or past a leading ..
			}
			d, r = d[:i], strings.TrimPrefix(r[2:], "/")
			continue
		}
		break
	}
	switch {
	case r == "" || r == ".":
		return d
	case r[0] == '/' || !clean(r) || r == ".." || strings.HasPrefix(r, "../"):
		return filepath.Join(dir, rel)
	case d == "/":
		return "/" + r
	}
	return d + "/" + r
}

// clean reports whether filepath.Clean(p) == p, with / the separator:
// no empty element, no . but the whole path, no .. but at the start of a
// relative path, no slash at the end but the root. It searches for // and
// /. rather than reading each byte: both are rare in a path.
func clean(p string) bool {
	switch p {
	case "":
		return false
	case "/", ".", "..":
		return true
	}
	rest := p
	if p[0] != '/' {
		for strings.HasPrefix(rest, "../") {
			rest = rest[3:]
		}
		switch {
		case rest == "..":
			return true
		case rest == "" || rest[0] == '/' || rest[0] == '.' && (len(rest) == 1 || rest[1] == '/'):
			return false // an empty or . element after the leading ..s
		}
	}
	if rest[len(rest)-1] == '/' || strings.Contains(rest, "//") {
		return false
	}
	for i := strings.Index(rest, "/."); i >= 0; {
		j := i + 2 // after "/."
		if j == len(rest) || rest[j] == '/' || rest[j] == '.' && (j+1 == len(rest) || rest[j+1] == '/') {
			return false // a . or .. element
		}
		k := strings.Index(rest[j:], "/.")
		if k < 0 {
			break
		}
		i = j + k
	}
	return true
}
