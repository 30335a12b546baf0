package lint

import (
	"bytes"
	"crypto/sha256"
	"slices"
	"strings"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/source"
)

// Patch returns the result of checking the snapshot's targets again when
// only those at changed (absolute paths, see Changed) differ: each is
// checked alone, with opts (the snapshot's settings, and opts.Records the
// records records names: those the snapshot was made with, see
// Snapshot.Records). When what the module graph keeps of each is what its
// record held, the graph is the same: its reports stand, and only the
// file's own change. ok is false when that cannot be told (other records,
// the graph rules read one of the files again, a record is missing, a file
// could not be checked) or more than maxPatched files changed: the caller
// checks every file. The snapshot is
// updated to the files' new stamps.
func (s *Snapshot) Patch(changed []string, opts Options, records string) (res *Result, ok bool) {
	if opts.Records == nil || len(changed) == 0 || len(changed) > maxPatched || records == "" || records != s.Records {
		return nil, false
	}
	patched := map[string]fileResult{}                  // by display path
	r, _ := newRunner(make([]discover.Target, 1), opts) // each file checked is the run's first
	r.records = readOnlyRecords{opts.Records}
	reader := &source.Reader{}
	var rw recordWriter
	for _, abs := range changed {
		i, isTarget := s.targetIndex()[abs]
		if _, read := slices.BinarySearch(s.graphRead, abs); !isTarget || read {
			return nil, false
		}
		t := s.Targets[i]
		fr, stamp, ok := s.checkAgain(r, t, abs, reader, &rw)
		if !ok || !s.restamp(abs, stamp, r.racyReads, r.start) {
			return nil, false
		}
		patched[t.Display] = fr
	}
	s.Result = s.patchResult(patched)
	return s.Result, true
}

// checkAgain checks the target t, at abs, again with r (whose records are
// the snapshot's), reading with reader and rw: what it finds itself, and
// the graph rules' reports in it with the file's suppression comments
// applied, and the stamp it was checked under. ok is false when the file
// could not be checked, or what the module graph keeps of it changed.
func (s *Snapshot) checkAgain(r *runner, t discover.Target, abs string, reader *source.Reader, rw *recordWriter) (fr fileResult, stamp source.Stamp, ok bool) {
	old := r.records.Recorded(abs)
	if old == nil {
		return fr, stamp, false
	}
	rw.module.Buf = rw.module.Buf[:0]
	reused := r.reused.Load()
	fr = r.check(t, 0, reader, rw)
	if fr.internal || !fr.checked {
		return fr, stamp, false
	}
	stamp = reader.Stamp() // the stamp it was read under
	if r.reused.Load() != reused {
		// Its record's content: the module is the same. A change since
		// the run started makes this stamp racy (see restamp).
		stamp, _ = source.StampOf(abs)
	} else if r.graph != nil { // read and checked: compare the modules
		d := readRecord(old, t, false, true, &fileResult{})
		if d == nil || !bytes.Equal(d.Rest(), rw.module.Buf) {
			return fr, stamp, false
		}
	}
	graphDiags, ok := s.graphDiagnosticsOf(t, abs, stamp, r.maxSize)
	if !ok {
		return fr, stamp, false
	}
	fr.diags = append(fr.diags, graphDiags...)
	supps := map[string]*suppressions{}
	if fr.supp != nil {
		supps[t.Display] = fr.supp
	}
	fr.diags = applySuppressions(fr.diags, supps, r.opts.ReportUnusedDisable, r.opts.Quiet)
	return fr, stamp, true
}

// maxPatched is the most files Patch checks again, one after another: a
// whole run checks more faster, in parallel, taking the others from their
// records (after a fresh checkout every stamp changed).
const maxPatched = 64

// readOnlyRecords are records Patch reads and keeps nothing in: the
// snapshot it updates tells the files checked unchanged until the next
// full run, which finds their records out of date.
type readOnlyRecords struct{ Records }

// Keep keeps nothing.
func (readOnlyRecords) Keep(string, source.Stamp, []byte, []byte) {}

// graphDiagnosticsOf returns the graph rules' reports in t, at abs, just
// checked under stamp: those of the snapshot, with their code frames read
// again. ok is false when the file changed since it was checked.
func (s *Snapshot) graphDiagnosticsOf(t discover.Target, abs string, stamp source.Stamp, maxSize int64) (out []Diagnostic, ok bool) {
	var f *js.File
	for _, d := range s.graphDiags {
		if d.File != t.Display {
			continue
		}
		if f == nil {
			src, reason := source.Read(t.Path, maxSize)
			if now, _ := source.StampOf(abs); reason != "" || now != stamp {
				return nil, false
			}
			f = &js.File{Path: t.Display, Source: src}
		}
		if d.Span.End > len(f.Source) {
			return nil, false
		}
		d.End = f.Position(d.Span.End)
		d.Excerpt = f.Excerpt(d.Span.Start)
		out = append(out, d)
	}
	return out, true
}

// restamp sets the stamp of the file at abs, read again under stamp (with
// the hashes of the racy reads of the run that started at start); false
// when the stamp is racy and the read kept no hash.
func (s *Snapshot) restamp(abs string, stamp source.Stamp, racy map[string][sha256.Size]byte, start int64) bool {
	i, ok := slices.BinarySearchFunc(s.inputs, abs, func(in snapshotInput, p string) int { return strings.Compare(in.path, p) })
	if !ok {
		return false
	}
	in := &s.inputs[i]
	in.stamp, in.racy, in.detail = stamp, false, nil
	if h, ok := racy[abs]; ok {
		in.racy, in.detail = true, &inputDetail{hash: h[:]}
	}
	return !stamp.Racy(start) || in.racy
}

// patchResult returns the snapshot's result with the diagnostics and
// notices of the files of patched (by display path) replaced.
func (s *Snapshot) patchResult(patched map[string]fileResult) *Result {
	old := s.Result
	res := &Result{Files: old.Files, Reused: old.Files + s.Context - len(patched)}
	for _, d := range old.Diagnostics {
		if _, ok := patched[d.File]; !ok {
			res.Diagnostics = append(res.Diagnostics, d)
		}
	}
	// Notices come in the order of the targets, then those of project
	// files: a patched file's go where its old ones were, else before the
	// first of a later target.
	order := make(map[string]int, len(s.Targets))
	for i, t := range s.Targets {
		order[t.Display] = i
	}
	at := func(path string) int {
		if i, ok := order[path]; ok {
			return i
		}
		return len(s.Targets)
	}
	for _, t := range s.Targets {
		fr, ok := patched[t.Display]
		if !ok {
			continue
		}
		res.Diagnostics = append(res.Diagnostics, fr.diags...)
		kept := make([]source.Notice, 0, len(old.Notices)+len(fr.notices))
		inserted := false
		for _, n := range old.Notices {
			if n.Path == t.Display {
				continue
			}
			if !inserted && at(n.Path) > order[t.Display] {
				kept, inserted = append(kept, fr.notices...), true
			}
			kept = append(kept, n)
		}
		if !inserted {
			kept = append(kept, fr.notices...)
		}
		old = &Result{Notices: kept}
	}
	res.Notices = old.Notices
	if res.Diagnostics == nil {
		res.Diagnostics = []Diagnostic{}
	}
	SortDiagnostics(res.Diagnostics)
	return res
}
