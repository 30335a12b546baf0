package lint

import (
	"bytes"
	"errors"
	"fmt"
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
// file's permission bits are kept. A symbolic link is followed and its
// target replaced; the link stays.
func WriteFileAtomic(path string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("writing %s: not a regular file", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".directivelint-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Chmod(info.Mode().Perm()); err != nil && !errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// Write writes the fixed content over the file, atomically, unless the file
// changed since it was read: then it is left alone and an error says so.
func (ff *FixedFile) Write() error {
	cur, err := os.ReadFile(ff.Target.Path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", ff.Target.Display, err)
	}
	if !bytes.Equal(cur, ff.Before) {
		return fmt.Errorf("%s changed while it was being fixed; not written", ff.Target.Display)
	}
	return WriteFileAtomic(ff.Target.Path, ff.After)
}

// fix lints src and applies the fixes Options.Fix asks for, again and
// again until nothing changes or MaxFixPasses is reached. It returns nil
// when no fix applied.
func (r *runner) fix(t discover.Target, order int, src []byte, settings []ruleSetting) *FixedFile {
	cur := src
	total := 0
	for range MaxFixPasses {
		diags, _, supp := r.lint(t, order, cur, settings)
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
