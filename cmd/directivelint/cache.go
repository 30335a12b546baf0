package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/cache"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// cacheFlags are the flags of the cache across runs.
type cacheFlags struct {
	off      bool   // --no-cache
	location string // --cache-location
}

func (c *cacheFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&c.off, "no-cache", false, "neither read nor write the cache of what each file's check found")
	fl.StringVar(&c.location, "cache-location", "", "directory of the cache (default: node_modules/.cache/directivelint of the project, else the user cache directory)")
}

// cacheDir returns the cache directory of the project holding the working
// directory, or --cache-location's, with the project's root.
func (c *cacheFlags) cacheDir(r *resolve.Resolver) (dir, root string, err error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", "", err
	}
	root = r.ProjectRoot(wd)
	if root == "" {
		root = wd
	}
	if c.location != "" {
		dir, err = filepath.Abs(c.location)
		return dir, root, err
	}
	dir, err = cache.Dir(root)
	return dir, root, err
}

// preparedDir returns cacheDir's directory, made (see cache.Prepare: under
// the project, of real directories only).
func (c *cacheFlags) preparedDir(r *resolve.Resolver) (string, error) {
	dir, root, err := c.cacheDir(r)
	switch {
	case err != nil:
		return "", err
	case c.location == "":
		err = cache.Prepare(dir, root)
	default:
		err = os.MkdirAll(dir, 0o755)
	}
	return dir, err
}

// projectCacheDir is cacheDir for the `cache` subcommands, which have no
// resolver of a run.
func (c *cacheFlags) projectCacheDir() (string, error) {
	dir, _, err := c.cacheDir(resolve.NewResolver(source.ReadProjectFile))
	return dir, err
}

// openCache opens the cache of the run opts describes, with the command
// line's settings f; nil when the run uses none (--no-cache, fixes).
// Notices about the cache go to stderr.
func openCache(c cacheFlags, f flags, opts *lint.Options, stderr io.Writer) *cache.Store {
	if c.off || opts.Fix != lint.FixOff {
		return nil
	}
	dir, err := c.preparedDir(opts.Resolver)
	if err != nil {
		fmt.Fprintf(stderr, "directivelint: no cache: %v\n", err)
		return nil
	}
	store, notice := cache.Open(dir, cache.Key(cacheSettings(f, opts)...))
	if notice != nil {
		fmt.Fprintln(stderr, "directivelint:", notice)
	}
	opts.Records = store
	return store
}

// cachePerFile is what the collector's limit grows by a file while a run
// makes the cache (the file's records take about 300 bytes in memory on
// commerce + shadcn-ui/ui + ai-chatbot copied ten times: the path and
// the strings its records share). It is less than they take: at 200
// bytes a first run there peaked at 69-73 MiB, past half of oxlint's
// 140-149; at 100, at 66-67 MiB, 4% slower (8 interleaved runs).
const cachePerFile = 100

// noCachePerFile is what the collector's limit grows by a file in a run
// without the cache: what the cache's records would have taken, spent on
// fewer collections instead. On the 41,660-file tree: 3.5% less wall time
// than without (12 interleaved runs), a peak of 65 MiB instead of 59, the
// same as a first run's (oxlint: 140-149 MiB).
const noCachePerFile = 200

// cacheMemory is what a run with store holds for the cache: the file it
// loaded, or what making one holds; without a store, what it may use
// instead (noCachePerFile).
func cacheMemory(store *cache.Store, files int) int64 {
	if store == nil {
		return int64(files) * noCachePerFile
	}
	return max(store.Size(), int64(files)*cachePerFile)
}

// saveCache writes the cache after a run.
func saveCache(store *cache.Store, stderr io.Writer) {
	if store == nil {
		return
	}
	if err := store.Save(); err != nil {
		fmt.Fprintf(stderr, "directivelint: cache not written: %v\n", err)
	}
}

// cacheSettings lists what, besides the files and the project inputs,
// decides what a file's check finds: the binary (its version, and its
// size and time, which tell two development builds apart) and the options.
func cacheSettings(f flags, opts *lint.Options) []string {
	out := []string{versionString(), executableStamp()}
	var ids []string
	for _, r := range opts.Rules {
		ids = append(ids, r.ID)
	}
	out = append(out, strings.Join(ids, ","))
	var sev []string
	for id, s := range opts.Severity {
		sev = append(sev, id+"="+s.String())
	}
	slices.Sort(sev)
	out = append(out, strings.Join(sev, ","), strings.Join(f.rules, ","), f.integ.preset, f.integ.config,
		strconv.FormatBool(opts.Quiet), strconv.FormatBool(opts.ScanWhole), strconv.FormatInt(opts.MaxFileSize, 10),
		strconv.FormatBool(opts.Graph), strconv.FormatBool(opts.SeverityFor != nil),
		strings.Join(opts.ServerOnlyModules, ","), strconv.FormatBool(opts.ServerOnlyModules == nil),
		strings.Join(opts.CacheKinds, ","))
	return out
}

// executableStamp describes the running binary's file.
func executableStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	s, _ := source.StampOf(exe)
	return fmt.Sprint(exe, s.Size, s.ModTime, s.Inode)
}

// cacheCommand is `directivelint cache`: where the cache is, and removing it.
func cacheCommand() *cobra.Command {
	var c cacheFlags
	cmd := &cobra.Command{
		Use:   "cache",
		Short: "Show or remove the cache of what each file's check found",
		Args:  cobra.NoArgs,
	}
	cmd.PersistentFlags().StringVar(&c.location, "cache-location", "", "directory of the cache (default: the project's)")
	cmd.AddCommand(&cobra.Command{
		Use:   "dir",
		Short: "Print the cache directory of the project in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := c.projectCacheDir()
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), dir)
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "clean",
		Short: "Remove the cache of the project in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := c.projectCacheDir()
			if err != nil {
				return err
			}
			n, err := cache.Clean(dir)
			if err != nil {
				return fmt.Errorf("cleaning %s: %w", dir, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "removed %d cache file(s) from %s\n", n, dir)
			return nil
		},
	})
	return cmd
}
