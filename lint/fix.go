package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
)

// FixMode says which fixes a run applies.
type FixMode uint8

// The fix modes: none, safe fixes only (--fix), or safe and unsafe ones
// (--fix --unsafe-fixes).
const (
	FixOff FixMode = iota
	FixSafeOnly
	FixAll
)

// MaxFixPasses is how many times a file is linted and fixed at most. Fixes
// that overlap a fix applied in the same pass wait for the next pass, which
// lints the fixed text again (as ESLint does).
const MaxFixPasses = 10

// FixedFile is a file whose content fixes changed. The runner never writes
// it: the caller writes After (see WriteFileAtomic) or shows a diff.
type FixedFile struct {
	// Target is the file as discovered.
	Target discover.Target
	// Before is the content that was read; After is the fixed content.
	Before, After []byte
	// Fixes is the number of fixes applied.
	Fixes int
}

// ApplyFixes applies text edits to src and returns the new content. Edits
// may come in any order; they are sorted by position (insertions at the same
// offset keep their given order) and identical edits count once. Edits that
// overlap, or that fall outside src, are an error and src is left as is.
func ApplyFixes(src []byte, edits []TextEdit) ([]byte, error) {
	sorted := sortedEdits(edits)
	var out bytes.Buffer
	pos := 0
	for i, e := range sorted {
		if e.Span.Start < 0 || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return nil, fmt.Errorf("edit %v is outside the source (size %d)", e.Span, len(src))
		}
		if i > 0 && e == sorted[i-1] {
			continue
		}
		if e.Span.Start < pos {
			return nil, fmt.Errorf("edit %v %q overlaps edit %v %q", e.Span, e.NewText, sorted[i-1].Span, sorted[i-1].NewText)
		}
		out.Write(src[pos:e.Span.Start])
		out.WriteString(e.NewText)
		pos = e.Span.End
	}
	out.Write(src[pos:])
	return out.Bytes(), nil
}

func sortedEdits(edits []TextEdit) []TextEdit {
	sorted := make([]TextEdit, len(edits))
	copy(sorted, edits)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].Span, sorted[j].Span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	return sorted
}

// wants reports whether the mode applies fix.
func (m FixMode) wants(fix *Fix) bool {
	return fix != nil && len(fix.Edits) > 0 && (m == FixAll || (m == FixSafeOnly && fix.Safe))
}

// selectFixes picks, in the order of diags (sorted by position), the fixes
// the mode applies, skipping every fix that overlaps one already picked: a
// fix is applied whole or not at all. It returns the picked edits and how
// many fixes they make up.
func selectFixes(src []byte, diags []Diagnostic, mode FixMode, suppressed func(Diagnostic) bool) ([]TextEdit, int) {
	var picked []TextEdit
	n := 0
	for _, d := range diags {
		if !mode.wants(d.Fix) || (suppressed != nil && suppressed(d)) {
			continue
		}
		if !editsFit(src, d.Fix.Edits, picked) {
			continue
		}
		picked = append(picked, d.Fix.Edits...)
		n++
	}
	return picked, n
}

// editsFit reports whether edits are inside src, do not overlap each other
// and do not overlap any of taken. Two insertions at the same offset
// overlap: their order would be a guess.
func editsFit(src []byte, edits, taken []TextEdit) bool {
	for i, e := range edits {
		if e.Span.Start < 0 || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return false
		}
		for _, o := range edits[:i] {
			if overlaps(e.Span, o.Span) {
				return false
			}
		}
		for _, o := range taken {
			if overlaps(e.Span, o.Span) && e != o {
				return false
			}
		}
	}
	return true
}

// overlaps reports whether two edit spans touch the same bytes, or are
// insertions at the same offset, or one inserts strictly inside the other.
func overlaps(a, b js.Span) bool {
	if a.Start == a.End || b.Start == b.End {
		if a == b {
			return true
		}
		// An insertion overlaps a replacement when strictly inside it.
		return (a.Start == a.End && a.Start > b.Start && a.Start < b.End) ||
			(b.Start == b.End && b.Start > a.Start && b.Start < a.End)
	}
	return a.Start < b.End && b.Start < a.End
}

// WriteFileAtomic replaces the content of the file at path with data: it
// writes a temporary file in the same directory and renames it over the
// file, so a reader sees the old content or the new one, never a mix. The
// file keeps its permission bits and its owner. It is not written (see
// openToReplace) when path is a symbolic link, not a regular file, a file
// with hard links, or a file the user may not write.
func WriteFileAtomic(path string, data []byte) error {
	f, state, err := openToReplace(path)
	if err != nil {
		return fmt.Errorf("%s not written: %w", path, err)
	}
	f.Close()
	if err := replaceFile(path, data, state); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// Write writes the fixed content over the file, atomically, unless the file
// changed since it was read or cannot be replaced safely (see
// WriteFileAtomic): then it is left alone and an error says why.
func (ff *FixedFile) Write() error {
	path, display := ff.Target.Path, ff.Target.Display
	f, state, err := openToReplace(path)
	if err != nil {
		return fmt.Errorf("%s not written: %w", display, err)
	}
	cur, err := io.ReadAll(io.LimitReader(f, int64(len(ff.Before))+1))
	f.Close()
	if err != nil {
		return fmt.Errorf("writing %s: %w", display, err)
	}
	if !bytes.Equal(cur, ff.Before) {
		return fmt.Errorf("%s changed while it was being fixed; not written", display)
	}
	if err := replaceFile(path, ff.After, state); err != nil {
		return fmt.Errorf("writing %s: %w", display, err)
	}
	return nil
}

// fileState is what a rewritten file keeps of the file it replaces.
type fileState struct {
	mode     fs.FileMode // permission bits, setuid, setgid and sticky
	uid, gid int         // the owner; -1 where the system has none
}

// Why a file is not rewritten (see openToReplace).
var (
	errSymlink    = errors.New("it is a symbolic link; fixes are written only to regular files (fix the file it points to)")
	errNotRegular = errors.New("it is not a regular file")
	errNoWrite    = errors.New("you may not write it (permission denied)")
)

// replaceFile writes data to a temporary file next to path, gives it the
// mode and owner of state, and renames it over path. The rename replaces
// whatever path is then, a symbolic link included, and never writes
// through it.
func replaceFile(path string, data []byte, state fileState) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".directivelint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	// The owner first: changing it clears the setuid and setgid bits.
	if err = keepOwner(tmp, state); err != nil {
		return err
	}
	if err = tmp.Chmod(state.mode); err != nil && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// fix lints src and applies the fixes Options.Fix asks for, again and
// again until nothing changes or MaxFixPasses is reached. It returns nil
// when no fix applied.
func (r *runner) fix(t discover.Target, order int, src []byte, settings []ruleSetting) *FixedFile {
	cur := src
	total := 0
	for range MaxFixPasses {
		diags, _, supp := r.lint(t, order, cur, settings, nil)
		SortDiagnostics(diags)
		edits, n := selectFixes(cur, diags, r.opts.Fix, func(d Diagnostic) bool { return supp.suppresses(d, false) })
		if n == 0 {
			break
		}
		next, err := ApplyFixes(cur, edits)
		if err != nil || bytes.Equal(next, cur) {
			break
		}
		cur, total = next, total+n
	}
	if total == 0 {
		return nil
	}
	return &FixedFile{Target: t, Before: src, After: cur, Fixes: total}
}
