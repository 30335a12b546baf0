package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"hash/crc32"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// A Snapshot is the result of a run with the state of everything it was
// found from: each directory listed (walked, resolved in, looked in for
// config files) by its stamp and the hash of its listing, and each file
// read (the targets, the context, the modules the graph followed, the
// project and config files, the ignore files) by its stamp. While none
// changed, a run with the same settings finds the same: Changed tells,
// and the result is given again without reading a file. When only targets
// changed, Patch checks them alone.
type Snapshot struct {
	// Result is the run's result, without its graph.
	Result *Result
	// Targets are the files the run linted, in order.
	Targets []discover.Target
	// Context is how many files were read only for the module graph.
	Context int
	// Notices, ConfigFiles and Aliases are what the command line says
	// besides the result: what finding the targets noticed, the config
	// files loaded, and how many imports look like path aliases but
	// resolve to no file.
	Notices     []source.Notice
	ConfigFiles []string
	Aliases     int
	// Severity and PerFile are the settings the run took from its config
	// files (Options.Severity; PerFile: Options.SeverityFor was set),
	// ServerOnlyModules and CacheKinds those of Options.
	Severity          map[string]Severity
	PerFile           bool
	ServerOnlyModules []string
	CacheKinds        []string
	// Records tells the records (Options.Records) the run kept, or took
	// its files from: Patch compares a changed file with its record
	// there, which must be the one the snapshot's graph was made with
	// (see cache.Store.Generation). "" when unknown: no Patch.
	Records string

	inputs     []snapshotInput // sorted by path
	graphDiags []Diagnostic    // the graph rules' reports, before suppression comments
	graphRead  []string        // the files the graph rules read again, sorted
}

// snapshotInput is a directory or file a run was made from.
type snapshotInput struct {
	path  string
	stamp source.Stamp
	kind  source.EntryKind
	// racy: the stamp cannot tell a later change (source.Stamp.Racy); the
	// content tells instead (detail.hash).
	racy bool
	// While a snapshot is taken: read, the run read the file (or took its
	// record); stamped, the stamp is the one it read the file under.
	read, stamped bool
	detail        *inputDetail // a directory's, or a racy file's; else nil
}

// inputDetail is what tells a directory, or a racy file, unchanged besides
// its stamp.
type inputDetail struct {
	hash []byte // a racy file's SHA-256
	// A directory's listing as far as the run looked at it (use), and
	// its hash (resolve.UseHash): a directory whose stamp changed, or was
	// racy, holds while that hash does.
	use     resolve.ListingUse
	listing uint64
}

// snapshotAlso tells the entries of every directory listing a snapshot
// looks at besides those the resolver looked up: the project files and
// ignore files, which the run looked for in every directory it listed.
func snapshotAlso(name string) bool {
	return isProjectInput(name) || name == ".gitignore" || name == ".git"
}

// TakeSnapshot returns the snapshot of a run over targets with opts whose
// result is res; opts.Start must be when the run started, before its
// targets were found. ok is false when the run cannot be given again: it
// fixed files, linted a buffer, crashed on a file, or read a project,
// config or ignore file that changed too recently before the run for its
// stamp to tell (source.Stamp.Racy).
func TakeSnapshot(res *Result, targets []discover.Target, opts Options) (snap *Snapshot, ok bool) {
	if res.InternalErrors > 0 || opts.Fix != FixOff || len(opts.Sources) > 0 || opts.Resolver == nil || opts.Start == 0 {
		return nil, false
	}
	inputs := snapshotInputs(res, targets, opts)
	parallel(len(inputs), func(i int) {
		if in := &inputs[i]; !in.stamped {
			in.stamp, in.kind = source.EntryStamp(in.path)
		}
	})
	uses := res.listingUses // this run's, and those of the runs its records came from
	if uses == nil {
		uses = opts.Resolver.ListingUses()
	}
	for i := range inputs {
		in := &inputs[i]
		if u, ok := uses[in.path]; ok && in.kind == source.Directory {
			in.detail = &inputDetail{use: u, listing: opts.Resolver.HeldUseHash(in.path, u, snapshotAlso)}
		}
		if in.kind == source.Missing || !in.stamp.Racy(opts.Start) {
			continue
		}
		in.racy = true
		if in.kind == source.Directory {
			continue
		}
		// A racy file holds while its content does: the content the
		// run checked. Files read before the run (project, config and
		// ignore files) may have changed since; those read in it (the
		// run started after start) were hashed as read, or their
		// records' content was.
		if !in.read || in.kind != source.File {
			return nil, false
		}
		var hash []byte
		if h, ok := res.racyReads[in.path]; ok {
			hash = h[:]
		} else if opts.Records != nil {
			hash = opts.Records.Hash(in.path)
		}
		if len(hash) != sha256.Size {
			return nil, false
		}
		in.detail = &inputDetail{hash: hash}
	}
	snap = &Snapshot{
		Result:            &Result{Diagnostics: res.Diagnostics, Files: res.Files, Reused: res.Reused, Notices: res.Notices},
		Targets:           targets,
		Context:           len(opts.Context),
		ConfigFiles:       opts.ConfigFiles,
		Severity:          opts.Severity,
		PerFile:           opts.SeverityFor != nil,
		ServerOnlyModules: opts.ServerOnlyModules,
		CacheKinds:        opts.CacheKinds,
		inputs:            inputs,
		graphDiags:        res.graphDiags,
		graphRead:         slices.Compact(slices.Sorted(slices.Values(res.graphRead))),
	}
	return snap, true
}

// snapshotInputs returns what a run with opts over targets, whose result
// is res, was made from, sorted by path, each once: every directory the
// resolver listed, and every file read (with the stamp it was read under,
// when the run kept it). Those without a stamp are to be stamped.
func snapshotInputs(res *Result, targets []discover.Target, opts Options) []snapshotInput {
	r := opts.Resolver
	dirs := r.ListingHashes()
	inputs := make([]snapshotInput, 0, len(dirs)+len(targets)+len(opts.Context)+64)
	for dir := range dirs {
		inputs = append(inputs, snapshotInput{path: dir, kind: source.Directory})
	}
	abs := absFunc()
	read := func(p string, order int) {
		in := snapshotInput{kind: source.File, read: true}
		if order >= 0 && order < len(res.read) && res.read[order].abs != "" {
			in.path, in.stamp, in.stamped = res.read[order].abs, res.read[order].stamp, true
		} else {
			in.path = abs(p)
		}
		inputs = append(inputs, in)
	}
	for i, t := range targets {
		read(t.Path, i)
	}
	for i, t := range opts.Context {
		read(t.Path, len(targets)+i)
	}
	for _, p := range res.followed {
		read(p, -1)
	}
	other := append(r.ListedFiles(func(name string) bool { return isProjectInput(name) || name == ".gitignore" }), opts.ConfigFiles...)
	other = append(other, r.ReadFiles()...)  // looked for, perhaps missing
	other = append(other, res.inputFiles...) // those of the runs the records came from too
	for _, git := range r.ListedEntries(".git") {
		other = append(other, discover.RepositoryIgnoreFiles(filepath.Dir(git))...)
	}
	for _, p := range other {
		inputs = append(inputs, snapshotInput{path: abs(p), kind: source.File})
	}
	slices.SortFunc(inputs, func(a, b snapshotInput) int { return strings.Compare(a.path, b.path) })
	// One entry a path: the run read it if any says so, under the stamp
	// one has; a directory listed is a directory.
	out := inputs[:0]
	for _, in := range inputs {
		if n := len(out); n > 0 && out[n-1].path == in.path {
			last := &out[n-1]
			last.read = last.read || in.read
			if !last.stamped && in.stamped {
				last.stamp, last.stamped = in.stamp, true
			}
			if in.kind == source.Directory {
				last.kind = source.Directory
			}
			continue
		}
		out = append(out, in)
	}
	return out
}

// Changed returns the targets (absolute paths) that changed since the
// snapshot was taken; ok is false when anything else did: a directory's
// listing, a project, config or ignore file, a file of the context.
func (s *Snapshot) Changed() (changed []string, ok bool) {
	state := make([]uint8, len(s.inputs)) // 0 unchanged, 1 changed
	parallel(len(s.inputs), func(i int) {
		if !s.inputs[i].holds() {
			state[i] = 1
		}
	})
	var targets map[string]bool // built at the first change
	for i, st := range state {
		if st == 0 {
			continue
		}
		if targets == nil {
			targets = make(map[string]bool, len(s.Targets))
			abs := absFunc()
			for _, t := range s.Targets {
				targets[abs(t.Path)] = true
			}
		}
		in := &s.inputs[i]
		if in.kind != source.File || !targets[in.path] {
			return nil, false
		}
		changed = append(changed, in.path)
	}
	return changed, true
}

// holds reports whether the input is as it was.
func (in *snapshotInput) holds() bool {
	stamp, kind := source.EntryStamp(in.path)
	switch {
	case kind != in.kind:
		return false
	case kind == source.Missing || stamp == in.stamp && !in.racy:
		return true
	case kind == source.Directory && in.detail != nil:
		return resolve.UseHash(in.path, in.detail.use, snapshotAlso) == in.detail.listing
	case kind == source.File && in.racy && in.detail != nil && stamp.Size == in.stamp.Size:
		data, err := source.ReadLimited(in.path, stamp.Size)
		h := sha256.Sum256(data)
		return err == nil && bytes.Equal(h[:], in.detail.hash)
	}
	return false
}

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
	byAbs := make(map[string]int, len(s.Targets))
	abs := absFunc()
	for i, t := range s.Targets {
		byAbs[abs(t.Path)] = i
	}
	patched := map[string]fileResult{}                  // by display path
	r, _ := newRunner(make([]discover.Target, 1), opts) // each file checked is the run's first
	r.records = readOnlyRecords{opts.Records}
	reader := &source.Reader{}
	var rw recordWriter
	for _, abs := range changed {
		i, isTarget := byAbs[abs]
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

// absFunc returns a function that makes a path absolute, from the working
// directory as it is now (filepath.Abs asks for it each time).
func absFunc() func(string) string {
	wd, _ := os.Getwd()
	return func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(wd, p)
	}
}

// parallel calls do(i) for every i below n, on as many goroutines as
// there are processors, each taking runs of indexes.
func parallel(n int, do func(i int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				do(i)
			}
		})
	}
	wg.Wait()
}

// WriteTo writes the snapshot as DecodeSnapshot reads it: the magic, the
// body, and the CRC-32C of both. It writes as it encodes, a part at a time:
// a run with many reports holds no second copy of them.
func (s *Snapshot) WriteTo(w io.Writer) (int64, error) {
	sw := &snapshotWriter{w: w, crc: crc32.New(crc32.MakeTable(crc32.Castagnoli))}
	e := &sw.e
	e.Buf = append(e.Buf, snapshotMagic...)
	e.Uint(uint64(len(s.inputs)))
	last := ""
	for _, in := range s.inputs {
		sw.flush(false)
		last = encodeAfter(e, last, in.path)
		e.Uint(uint64(in.kind))
		e.Stamp(in.stamp)
		e.Bool(in.racy)
		e.Bool(in.detail != nil)
		if d := in.detail; d != nil {
			e.Bytes(d.hash)
			e.Bool(d.use.Whole)
			encodeStrings(e, d.use.Keys)
			e.Uint(d.listing)
		}
	}
	e.Uint(uint64(len(s.Targets)))
	last = ""
	for _, t := range s.Targets {
		sw.flush(false)
		last = encodeAfter(e, last, t.Path)
		e.String(samePath(t.Display, t.Path))
		e.Uint(uint64(t.Lang))
	}
	e.Uint(uint64(s.Context))
	sw.diagnostics(s.Result.Diagnostics)
	encodeNotices(e, s.Result.Notices)
	e.Uint(uint64(s.Result.Files))
	encodeNotices(e, s.Notices)
	encodeStrings(e, s.ConfigFiles)
	e.Uint(uint64(s.Aliases))
	ids := slices.Sorted(maps.Keys(s.Severity))
	e.Uint(uint64(len(ids)))
	for _, id := range ids {
		e.String(id)
		e.Uint(uint64(s.Severity[id]))
	}
	e.Bool(s.PerFile)
	e.String(s.Records)
	e.Bool(s.ServerOnlyModules != nil)
	encodeStrings(e, s.ServerOnlyModules)
	encodeStrings(e, s.CacheKinds)
	sw.diagnostics(s.graphDiags)
	encodeStrings(e, s.graphRead)
	sw.flush(true)
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], sw.crc.Sum32())
	if sw.err == nil {
		_, sw.err = w.Write(sum[:])
	}
	return sw.n + 4, sw.err
}

// snapshotWriter encodes a snapshot into e and hands it to w a part at a
// time, summing what it wrote.
type snapshotWriter struct {
	w   io.Writer
	e   codec.Encoder
	crc hash.Hash32
	n   int64
	err error
}

// flush writes what e holds when it holds enough (or all, with force).
func (sw *snapshotWriter) flush(force bool) {
	if len(sw.e.Buf) < 64<<10 && !force || sw.err != nil {
		return
	}
	sw.crc.Write(sw.e.Buf)
	var n int
	n, sw.err = sw.w.Write(sw.e.Buf)
	sw.n += int64(n)
	sw.e.Buf = sw.e.Buf[:0]
}

// diagnostics encodes ds.
func (sw *snapshotWriter) diagnostics(ds []Diagnostic) {
	sw.e.Uint(uint64(len(ds)))
	for i := range ds {
		sw.flush(false)
		encodeDiagnostic(&sw.e, &ds[i], "")
	}
}

// snapshotMagic starts an encoded snapshot; its last byte is the version
// of the layout.
const snapshotMagic = "DLSNAP\x00\x01"

// DecodeSnapshot reads what Snapshot.WriteTo wrote; ok is false for
// anything else (another layout, a truncated or corrupt file).
func DecodeSnapshot(b []byte) (s *Snapshot, ok bool) {
	if len(b) < len(snapshotMagic)+4 {
		return nil, false
	}
	b, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)) != sum {
		return nil, false
	}
	rest, found := bytes.CutPrefix(b, []byte(snapshotMagic))
	if !found {
		return nil, false
	}
	d := codec.NewDecoder(rest)
	s = &Snapshot{Result: &Result{}}
	s.inputs = make([]snapshotInput, d.Count(8))
	last := ""
	for i := range s.inputs {
		in := &s.inputs[i]
		in.path = decodeAfter(d, last)
		last = in.path
		in.kind = source.EntryKind(d.Uint())
		in.stamp = d.Stamp()
		in.racy = d.Bool()
		if d.Bool() {
			in.detail = &inputDetail{hash: d.Bytes(), use: resolve.ListingUse{Whole: d.Bool(), Keys: decodeStrings(d)}, listing: d.Uint()}
		}
		if i > 0 && s.inputs[i-1].path >= in.path {
			return nil, false // Patch finds inputs by binary search
		}
	}
	s.Targets = make([]discover.Target, d.Count(3))
	last = ""
	for i := range s.Targets {
		t := &s.Targets[i]
		t.Path = decodeAfter(d, last)
		last = t.Path
		t.Display = ownPath(d.String(), t.Path)
		t.Lang = js.Lang(d.Uint())
	}
	s.Context = int(d.Uint())
	s.Result.Diagnostics = decodeDiagnostics(d)
	s.Result.Notices = decodeNotices(d)
	s.Result.Files = int(d.Uint())
	s.Result.Reused = s.Result.Files + s.Context
	s.Notices = decodeNotices(d)
	s.ConfigFiles = decodeStrings(d)
	s.Aliases = int(d.Uint())
	n := d.Count(2)
	s.Severity = make(map[string]Severity, n)
	for range n {
		id := d.String()
		s.Severity[id] = Severity(d.Uint())
	}
	s.PerFile = d.Bool()
	s.Records = d.String()
	hasServerOnly := d.Bool()
	s.ServerOnlyModules = decodeStrings(d)
	if hasServerOnly && s.ServerOnlyModules == nil {
		s.ServerOnlyModules = []string{}
	}
	s.CacheKinds = decodeStrings(d)
	s.graphDiags = decodeDiagnostics(d)
	s.graphRead = decodeStrings(d)
	if !d.Done() {
		return nil, false
	}
	return s, true
}

// encodeAfter encodes p, which comes after last in a list of paths, as
// the length of their common prefix and the rest of p. It returns p.
func encodeAfter(e *codec.Encoder, last, p string) string {
	common := commonPrefix(last, p)
	e.Uint(uint64(common))
	e.String(p[common:])
	return p
}

// decodeAfter reads what encodeAfter wrote after last.
func decodeAfter(d *codec.Decoder, last string) string {
	common := d.Uint()
	if common > uint64(len(last)) {
		d.Fail()
		return ""
	}
	return last[:common] + d.String()
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func decodeDiagnostics(d *codec.Decoder) []Diagnostic {
	out := make([]Diagnostic, d.Count(8))
	for i := range out {
		decodeDiagnostic(d, &out[i], "")
	}
	return out
}

func encodeNotices(e *codec.Encoder, ns []source.Notice) {
	e.Uint(uint64(len(ns)))
	for _, n := range ns {
		e.String(n.Path)
		e.Position(n.Pos)
		e.String(n.Text)
	}
}

func decodeNotices(d *codec.Decoder) []source.Notice {
	n := d.Count(4)
	if n == 0 {
		return nil
	}
	out := make([]source.Notice, n)
	for i := range out {
		out[i] = source.Notice{Path: d.String(), Pos: d.Position(), Text: d.String()}
	}
	return out
}

func encodeStrings(e *codec.Encoder, ss []string) {
	e.Uint(uint64(len(ss)))
	for _, s := range ss {
		e.String(s)
	}
}

func decodeStrings(d *codec.Decoder) []string {
	n := d.Count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.String()
	}
	return out
}
