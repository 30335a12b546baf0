package lint

import (
	"bytes"
	"crypto/sha256"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/directivelint/directivelint/lint/discover"
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
	// Targets are the files the run linted, in order (read back from the
	// file without Abs: see discover.Target.AbsPath).
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
	byAbs      map[string]int  // see targetIndex
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
	for i, st := range state {
		if st == 0 {
			continue
		}
		in := &s.inputs[i]
		if _, target := s.targetIndex()[in.path]; in.kind != source.File || !target {
			return nil, false
		}
		changed = append(changed, in.path)
	}
	return changed, true
}

// targetIndex returns the order of each target, by its absolute path;
// made at the first call (only when something changed).
func (s *Snapshot) targetIndex() map[string]int {
	if s.byAbs == nil {
		s.byAbs = make(map[string]int, len(s.Targets))
		abs := absFunc()
		for i, t := range s.Targets {
			s.byAbs[t.AbsPath(abs)] = i
		}
	}
	return s.byAbs
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
