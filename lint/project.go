package lint

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/directivelint/directivelint/lint/cleanpath"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// ProjectContext returns the files of the projects that hold the targets
// which are not targets themselves (Options.Context): a run that lints
// some files of a project (the staged files, one package of a monorepo,
// standard input) still builds the module graph of the whole project, as
// RULES.md's "Partial runs" asks. A project is what r.ProjectRoot says;
// it is walked like the targets were, with the same ignore rules. left are
// files the walk found that the caller does not lint (its config ignores
// them): they belong to the graph all the same. walked are the
// directories the targets were found in (the paths given that are
// directories): a project inside one of them holds no file that is not in
// targets or left, and is not walked again.
func ProjectContext(targets, left []discover.Target, walked []string, r *resolve.Resolver) ([]discover.Target, []source.Notice) {
	abs := absFunc()
	var roots []string
	for _, root := range projectRoots(discover.TargetDirs(targets), abs, r) {
		if root != "" && !slices.Contains(roots, root) && !inAny(root, walked, abs) {
			roots = append(roots, root)
		}
	}
	context := slices.Clone(left)
	if len(roots) == 0 {
		return context, nil
	}
	found, notices, err := discover.TargetsWithListings(roots, r.AddListing)
	if err != nil {
		return context, []source.Notice{{Path: strings.Join(roots, " "), Text: "project not read for the module graph: " + err.Error()}}
	}
	linted := make(map[string]bool, len(targets)+len(left)) // and those in context already
	for _, t := range targets {
		linted[t.AbsPath(abs)] = true
	}
	for _, t := range left {
		linted[t.AbsPath(abs)] = true
	}
	for _, t := range found {
		if !linted[t.AbsPath(abs)] {
			context = append(context, t)
		}
	}
	return context, notices
}

// projectRoots returns the project root (see resolve.Resolver.ProjectRoot)
// of each of dirs, "" for none, worked out on every CPU: a tree has
// thousands of directories, and the roots' package.json files are parsed
// on the way (which the checks would do later, one core idle meanwhile).
func projectRoots(dirs []string, abs func(string) string, r *resolve.Resolver) []string {
	roots := make([]string, len(dirs))
	const chunk = 64 // directories a worker takes at a time: neighbours share parents
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(dirs)+chunk-1)/chunk) {
		wg.Go(func() {
			rootOf := map[string]string{} // by directory
			var rootFor func(dir string) string
			rootFor = func(dir string) string {
				root, seen := rootOf[dir]
				if !seen {
					if r.SameProjectAsParent(dir) {
						root = rootFor(cleanpath.Dir(dir))
					} else {
						root = r.ProjectRoot(dir)
					}
					rootOf[dir] = root
				}
				return root
			}
			for start := int(next.Add(chunk) - chunk); start < len(dirs); start = int(next.Add(chunk) - chunk) {
				for i := start; i < min(start+chunk, len(dirs)); i++ {
					roots[i] = rootFor(abs(dirs[i]))
				}
			}
		})
	}
	wg.Wait()
	return roots
}

// inAny reports whether dir is one of dirs or lies below one.
func inAny(dir string, dirs []string, abs func(string) string) bool {
	for _, d := range dirs {
		rel, err := filepath.Rel(abs(d), dir)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// absFunc returns a function that makes a path absolute, from the working
// directory as it is now (filepath.Abs asks for it each time).
func absFunc() func(string) string {
	wd, _ := os.Getwd()
	return func(p string) string { return cleanpath.Abs(wd, p) }
}
