package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/cache"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// maxSnapshotSize bounds the snapshot file read: about a hundred bytes a
// file linted, and the diagnostics.
const maxSnapshotSize = 1 << 30

// snapshotPath returns the file of the snapshot of the last run with this
// command line (paths, flags, working directory, binary) in the cache
// directory; "" when the run takes none: without a cache, with fixes or
// standard input.
func snapshotPath(f flags, paths []string) string {
	if f.cache.off || f.integ.fix || f.integ.diff || f.integ.stdin {
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	dir, err := f.cache.preparedDir(resolve.NewResolver(source.ReadProjectFile))
	if err != nil {
		return "" // the run's cache says why
	}
	key := cache.Key(versionString(), executableStamp(), wd, strings.Join(paths, "\x00"), strings.Join(f.rules, "\x00"),
		f.integ.preset, f.integ.config, strconv.FormatBool(f.quiet), strconv.FormatBool(f.integ.reportUnused),
		strconv.FormatBool(scanWholeEnv()))
	return filepath.Join(dir, cache.SnapshotName(key))
}

// replayed is a run given again from its snapshot.
type replayed struct {
	snap    *lint.Snapshot
	res     *lint.Result
	changed int // the files checked again
}

// say says on stderr, with --verbose, how the run was given again.
func (rp *replayed) say(stderr io.Writer) {
	if rp.changed == 0 {
		fmt.Fprintln(stderr, "directivelint: no file changed since the last run with this command line: its result stands")
		return
	}
	fmt.Fprintf(stderr, "directivelint: %d file(s) changed since the last run with this command line, not what the module graph keeps of them: only they were checked again\n", rp.changed)
}

// replay gives the run of the snapshot at path again when nothing it was
// made from changed, or when only some of its targets did and checking
// them alone tells the rest stands (lint.Snapshot.Patch): then the
// snapshot is written again with their new stamps. It returns nil when
// the run must be made; store is the cache it opened, for that run.
func replay(path string, f flags, opts lint.Options, rc *runConfig, stderr io.Writer) (rp *replayed, store *cache.Store) {
	if path == "" {
		return nil, nil
	}
	data, err := source.ReadLimited(path, maxSnapshotSize)
	if err != nil {
		return nil, nil
	}
	snap, ok := lint.DecodeSnapshot(data)
	if !ok {
		fmt.Fprintf(stderr, "directivelint: %s: cache ignored: not a snapshot of this version, or truncated or corrupt; it is rebuilt\n", path)
		return nil, nil
	}
	changed, ok := snap.Changed()
	if !ok {
		return nil, nil
	}
	if len(changed) == 0 {
		return &replayed{snap: snap, res: snap.Result}, nil
	}
	opts.Resolver = resolve.NewResolver(source.ReadProjectFile)
	opts.Severity, opts.ServerOnlyModules, opts.CacheKinds = snap.Severity, snap.ServerOnlyModules, snap.CacheKinds
	opts.ConfigFiles = snap.ConfigFiles
	if snap.PerFile {
		opts.SeverityFor = func(t discover.Target) map[string]lint.Severity {
			ch, _ := rc.tree.For(t.Path)
			return rc.severities(ch, t.Path)
		}
	}
	store = openCache(f.cache, f, &opts, stderr)
	if store == nil {
		return nil, nil
	}
	res, ok := snap.Patch(changed, opts, store.Generation())
	if !ok {
		return nil, store
	}
	writeSnapshot(path, snap, stderr)
	return &replayed{snap: snap, res: res, changed: len(changed)}, nil
}

// takeSnapshot keeps the snapshot of a run at path, or removes the one
// there when the run cannot be given again; aliases is what the run says
// of imports that look like path aliases (see unresolvedAliases).
func takeSnapshot(path string, res *lint.Result, targets []discover.Target, notices []source.Notice, opts lint.Options, store *cache.Store, aliases int, stderr io.Writer) {
	if path == "" {
		return
	}
	snap, ok := lint.TakeSnapshot(res, targets, opts)
	if !ok {
		_ = os.Remove(path)
		return
	}
	snap.Notices, snap.Aliases, snap.Records = notices, aliases, store.Generation()
	writeSnapshot(path, snap, stderr)
}

// writeSnapshot writes snap to path.
func writeSnapshot(path string, snap *lint.Snapshot, stderr io.Writer) {
	err := cache.WriteFile(path, func(w io.Writer) error {
		_, err := snap.WriteTo(w)
		return err
	})
	if err != nil {
		_ = os.Remove(path)
		fmt.Fprintf(stderr, "directivelint: cache not written: %v\n", err)
	}
}
