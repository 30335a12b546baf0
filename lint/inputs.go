package lint

import (
	"bytes"
	"crypto/sha256"
	"path/filepath"
	"slices"
	"strings"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// isProjectInput reports whether a file of this name can change what the
// checks of other files find: how imports resolve (tsconfig.json,
// jsconfig.json, package.json, pnpm-workspace.yaml), which files are
// Next.js routes and what cache kinds exist (next.config.*, package.json),
// and the configuration of the rules (directivelint.json).
func isProjectInput(name string) bool {
	switch name {
	case "package.json", "pnpm-workspace.yaml", "directivelint.json":
		return true
	}
	return (strings.HasPrefix(name, "tsconfig") || strings.HasPrefix(name, "jsconfig")) && strings.HasSuffix(name, ".json") ||
		strings.HasPrefix(name, "next.config.")
}

// inputFile is a project input as records remember it: its stamp and the
// SHA-256 of its content, which tells it unchanged when the stamp changed
// but not the content (a fresh checkout).
type inputFile struct {
	path  string
	stamp source.Stamp
	hash  []byte
}

// collectInputs returns the project inputs of a run, sorted by path: those
// in the directories the resolver listed (the caller has it list those
// above the working directory and the targets, see listDirsAbove), those
// the resolver read whatever their name (a tsconfig extends
// @repo/config/base.json), the files of extra (config files loaded), and
// those of old still there. settled is false when
// one was written too recently before start, when the run started, for
// its stamp to tell a later change (see source.Stamp.Racy): perhaps while
// the run read it, so the records made may not be kept. A file of old
// (the inputs of the last run) with the same stamp keeps its hash: only
// the others are read.
func collectInputs(r *resolve.Resolver, extra []string, start int64, old []inputFile) (inputs []inputFile, settled bool) {
	known := make(map[string]*inputFile, len(old))
	for i := range old {
		known[old[i].path] = &old[i]
	}
	paths := append(r.ListedFiles(isProjectInput), extra...)
	paths = append(paths, r.ReadFiles()...)
	for _, in := range old {
		// A run that trusts the records reads fewer project files than
		// the runs that made them: what those read still counts.
		paths = append(paths, in.path)
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	out := make([]inputFile, 0, len(paths))
	settled = true
	for _, p := range paths {
		s, ok := source.StampOf(p)
		if !ok {
			continue
		}
		settled = settled && !s.Racy(start)
		in := inputFile{path: p, stamp: s}
		if k := known[p]; k != nil && k.stamp == s && len(k.hash) > 0 {
			in.hash = k.hash
		} else {
			in.hash = contentHash(p)
		}
		out = append(out, in)
	}
	return out, settled
}

// contentHash returns the SHA-256 of the project file at path; nil when
// it cannot be read.
func contentHash(path string) []byte {
	data, err := source.ReadLimited(path, source.MaxProjectFileSize)
	if err != nil {
		return nil
	}
	h := sha256.Sum256(data)
	return h[:]
}

// projectInputs is what the records of a run were made from besides the
// files themselves: the project files, and the directory listings
// resolution read (see resolve.Resolver.ListingHashes), with what it
// looked at in each (uses: see resolve.Resolver.ListingUses; those of
// every run since the records were made, for a run that trusts the
// records' resolutions looks at less).
type projectInputs struct {
	files    []inputFile
	listings map[string]uint64
	uses     map[string]resolve.ListingUse
}

// encodeInputs returns p as Records.SetInputs keeps it.
func encodeInputs(p projectInputs) []byte {
	e := &codec.Encoder{}
	e.Uint(uint64(len(p.files)))
	for _, in := range p.files {
		e.String(in.path)
		e.Stamp(in.stamp)
		e.Bytes(in.hash)
	}
	dirs := make([]string, 0, len(p.listings))
	for dir := range p.listings {
		dirs = append(dirs, dir)
	}
	slices.Sort(dirs)
	e.Uint(uint64(len(dirs)))
	for _, dir := range dirs {
		e.String(dir)
		e.Uint(p.listings[dir])
		u := p.uses[dir]
		e.Bool(u.Whole)
		e.StringList(u.Keys)
	}
	return e.Buf
}

// decodeInputs reads what encodeInputs wrote; ok is false for nil or
// corrupt inputs.
func decodeInputs(b []byte) (p projectInputs, ok bool) {
	if b == nil {
		return p, false
	}
	d := codec.NewDecoder(b)
	p.files = make([]inputFile, d.Count(7))
	for i := range p.files {
		p.files[i] = inputFile{path: d.String(), stamp: d.Stamp(), hash: d.Bytes()}
	}
	n := d.Count(4)
	p.listings = make(map[string]uint64, n)
	p.uses = make(map[string]resolve.ListingUse, n)
	for range n {
		dir := d.String()
		p.listings[dir] = d.Uint()
		p.uses[dir] = resolve.ListingUse{Whole: d.Bool(), Keys: d.StringList()}
	}
	return p, d.Done()
}

// filesHold reports whether the project files old are what they were:
// each is unchanged (its stamp, else its content), and cur, the project files of this run, holds none
// that old lacks in a directory whose listing old has (listed). A file of
// a directory the run of old did not list cannot have changed what it
// found. With cur nil, only the first half is checked.
func filesHold(old, cur []inputFile, listed map[string]uint64) bool {
	byPath := make(map[string]*inputFile, len(cur))
	for i := range cur {
		byPath[cur[i].path] = &cur[i]
	}
	for _, in := range old {
		now, ok := byPath[in.path]
		if ok {
			delete(byPath, in.path)
		} else if s, exists := source.StampOf(in.path); exists {
			now = &inputFile{path: in.path, stamp: s}
		} else {
			return false
		}
		if now.stamp == in.stamp {
			continue
		}
		if now.hash == nil {
			now.hash = contentHash(in.path)
		}
		if len(in.hash) == 0 || !bytes.Equal(now.hash, in.hash) {
			return false
		}
	}
	for path := range byPath {
		if _, ok := listed[filepath.Dir(path)]; ok {
			return false
		}
	}
	return true
}

// listingsHold reports whether every directory listing of old hashes the
// same now: those r holds (the walk's), and the others read again.
func listingsHold(old map[string]uint64, r *resolve.Resolver) bool {
	if len(old) == 0 {
		return false
	}
	cur := r.ListingHashes()
	for dir, h := range old {
		now, ok := cur[dir]
		if !ok {
			now = r.ListingHash(dir)
		}
		if now != h {
			return false
		}
	}
	return true
}

// mergeUses returns what this run looked at in each directory listing
// (cur) and what the runs before it did (old): a run that trusted the
// records' resolutions did not look again where those looked.
func mergeUses(old, cur map[string]resolve.ListingUse) map[string]resolve.ListingUse {
	for dir, u := range old {
		cur[dir] = cur[dir].Union(u)
	}
	return cur
}

// mergeListings returns the listings of this run over those of old: old
// ones not read this run keep their hash, which the next run checks.
func mergeListings(old, cur map[string]uint64) map[string]uint64 {
	for dir, h := range old {
		if _, ok := cur[dir]; !ok {
			cur[dir] = h
		}
	}
	return cur
}
