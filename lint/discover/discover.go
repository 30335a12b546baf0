// Package discover finds the files to lint from the paths given: it walks
// directories with git's ignore rules and hands each directory listing to
// whoever wants it, and makes the target for standard input.
package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/directivelint/directivelint/lint/cleanpath"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/source"
)

// Target is one file chosen for linting.
type Target struct {
	// Path is the path used to open the file.
	Path string
	// Display is the path shown to the user: relative to the working
	// directory when the file is under it, with forward slashes.
	Display string
	// Lang is the language the file is scanned as.
	Lang js.Lang
	// Abs is the file's absolute, clean path, when the target was made
	// with one (discovery's are): Path and Display are then the end of
	// this one string. Else it is empty (see AbsPath).
	Abs string
}

// AbsPath returns t.Abs, or, when t was made without it, abs(t.Path).
func (t Target) AbsPath(abs func(string) string) string {
	if t.Abs != "" {
		return t.Abs
	}
	return abs(t.Path)
}

// SkippedDirs are directory names never walked into: dependencies, VCS
// data and build output.
var SkippedDirs = []string{"node_modules", ".git", ".next", "dist", "build", "out", "coverage"}

// walkersPerProc is how many directories are walked at once for each
// processor. A walker spends much of its time in system calls (open,
// getdents, close) that keep its thread: with one walker a processor, the
// processors wait. Four a processor: on commerce + shadcn-ui/ui +
// ai-chatbot with two processors, discovery takes 11.8 ms instead of 14.8
// (median of 15 runs; 2 and 8 a processor: 12.6 and 12.1).
const walkersPerProc = 4

// Targets returns the files to lint for the given paths, sorted by their
// display path and without duplicates. An empty list means ".".
//
// A file named explicitly is always linted, whatever its name and even when
// an ignore file excludes it: .d.ts files as TypeScript, unknown extensions
// as JavaScript. Directories are walked for .js .jsx .ts .tsx .mjs .cjs .mts
// and .cts files (not .d.ts), skipping SkippedDirs and whatever .gitignore
// files exclude, as git reads them (those of the walked tree, those above it
// up to the root of its git repository, and the repository's
// .git/info/exclude). Symbolic links to directories are not followed;
// symbolic links to files are linted like the files themselves.
//
// A path that does not exist is an error. Directories that cannot be read
// while walking are reported as notices and the walk goes on.
func Targets(paths []string) ([]Target, []source.Notice, error) {
	return TargetsWithListings(paths, nil)
}

// ListingFunc receives the entries of each directory a walk reads, by
// absolute path, sorted by name.
type ListingFunc func(dir string, entries []fs.DirEntry)

// TargetsWithListings is Targets that also hands listing (unless nil) every
// directory listing it reads: a resolver given them reads no directory
// twice.
func TargetsWithListings(paths []string, listing ListingFunc) ([]Target, []source.Notice, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	d := &discovery{listing: listing}
	if len(paths) > 1 {
		d.seen = map[string]bool{} // one path cannot name a file twice
	}
	if wd, err := os.Getwd(); err == nil {
		d.wd = wd
	}
	d.spare = make(chan struct{}, walkersPerProc*runtime.GOMAXPROCS(0))
	for _, p := range paths {
		if err := d.add(p); err != nil {
			return nil, nil, err
		}
	}
	d.walks.Wait()
	slices.SortStableFunc(d.targets, func(a, b Target) int { return strings.Compare(a.Display, b.Display) })
	slices.SortStableFunc(d.notices, func(a, b source.Notice) int { return strings.Compare(a.Path, b.Path) })
	return d.targets, d.notices, nil
}

type discovery struct {
	wd      string
	seen    map[string]bool // absolute paths already added; nil for one path
	listing ListingFunc     // given the listings read, unless nil

	// Directories are walked in parallel: a subdirectory goes to a new
	// goroutine when one of spare's slots is free.
	spare chan struct{}
	walks sync.WaitGroup

	mu      sync.Mutex // guards what follows
	targets []Target
	notices []source.Notice
}

// notice records a notice.
func (d *discovery) notice(n source.Notice) {
	d.mu.Lock()
	d.notices = append(d.notices, n)
	d.mu.Unlock()
}

// add handles one path given on the command line.
func (d *discovery) add(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		// A dangling symlink or a symlink loop named explicitly is still a
		// file the user asked for: the runner says why it cannot be read.
		if _, lerr := os.Lstat(p); lerr == nil {
			d.addFile(p, ExplicitLang(p))
			return nil
		}
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: no such file or directory", p)
		}
		if errors.Is(err, fs.ErrPermission) {
			// It exists, in a directory we may not search: skipped, as
			// unreadable files are, with a notice.
			d.notice(source.Notice{Path: d.display(p), Text: "skipped: unreadable: " + source.DescribeError(err)})
			return nil
		}
		return fmt.Errorf("%s: %w", p, err)
	}
	if !info.IsDir() {
		d.addFile(p, ExplicitLang(p))
		return nil
	}
	root, domain := repoDomain(p)
	patterns := append(d.excludePatterns(root), d.ancestorPatterns(root, domain)...)
	d.walks.Go(func() { d.walk(filepath.Clean(p), domain, patterns) })
	return nil
}

// ExplicitLang is the language of a file named on the command line.
func ExplicitLang(p string) js.Lang {
	if lang, ok := js.LangOf(p); ok {
		return lang
	}
	base := strings.ToLower(filepath.Base(p))
	for _, ext := range []string{".d.ts", ".d.mts", ".d.cts"} {
		if strings.HasSuffix(base, ext) {
			return js.LangTS
		}
	}
	return js.LangJS
}

func (d *discovery) addFile(p string, lang js.Lang) {
	abs := d.abs(p)
	if len(abs) > len(p) && strings.HasSuffix(abs, p) && abs[len(abs)-len(p)-1] == filepath.Separator {
		p = abs[len(abs)-len(p):] // one string for both: the run keeps them all
	}
	display := d.display(p)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.seen != nil {
		if d.seen[abs] {
			return
		}
		d.seen[abs] = true
	}
	d.targets = append(d.targets, Target{Path: p, Display: display, Lang: lang, Abs: abs})
}

// abs returns the absolute form of p. (filepath.Abs asks the OS for the
// working directory each time: two stat calls a file.)
func (d *discovery) abs(p string) string {
	return cleanpath.Abs(d.wd, p)
}

// display returns p relative to the working directory when it is under it.
// A relative path is that already, once cleaned.
func (d *discovery) display(p string) string {
	if d.wd != "" && filepath.IsAbs(p) {
		if rel, err := filepath.Rel(d.wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(cleanpath.Clean(p))
}

// walk lints the tree under dir, a clean path. domain is dir's path, as
// components, from the directory the .gitignore patterns are relative to;
// patterns are the patterns in force above dir.
func (d *discovery) walk(dir string, domain []string, patterns []*ignoreFile) {
	entries, err := source.ReadDir(dir)
	if err != nil {
		d.notice(source.Notice{Path: d.display(dir), Text: "skipped: cannot read directory: " + source.DescribeError(err)})
		return
	}
	if d.listing != nil {
		d.listing(d.abs(dir), entries)
	}
	if i, found := slices.BinarySearchFunc(entries, ".gitignore", func(e fs.DirEntry, name string) int {
		return strings.Compare(e.Name(), name)
	}); found {
		if own := d.readIgnoreFile(cleanpath.Join(dir, ".gitignore"), entries[i].Type(), domain); own != nil {
			patterns = append(patterns[:len(patterns):len(patterns)], own)
		}
	}
	ignore := prepareIgnore(patterns, domain)
	for _, e := range entries { // sorted by name
		name := e.Name()
		switch {
		case e.IsDir():
			if slices.Contains(SkippedDirs, name) || ignore.ignored(name, true) {
				continue
			}
			sub, subRel := joinEntry(dir, name), append(domain[:len(domain):len(domain)], name)
			select {
			case d.spare <- struct{}{}:
				d.walks.Go(func() {
					d.walk(sub, subRel, patterns)
					<-d.spare
				})
			default:
				d.walk(sub, subRel, patterns)
			}
		case e.Type()&fs.ModeSymlink != 0:
			// Follow links to files, never to directories. A link whose
			// target is missing or loops is kept: the runner reports it.
			lang, ok := js.LangOf(name)
			if !ok || ignore.ignored(name, false) {
				continue
			}
			p := joinEntry(dir, name)
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				continue
			}
			d.addFile(p, lang)
		default:
			lang, ok := js.LangOf(name)
			if !ok || ignore.ignored(name, false) {
				continue
			}
			d.addFile(joinEntry(dir, name), lang)
		}
	}
}

// joinEntry is cleanpath.Join(dir, name) for a clean dir and the name of one
// of its entries, without cleaning the result again.
func joinEntry(dir, name string) string {
	switch {
	case dir == ".":
		return name
	case strings.HasSuffix(dir, string(filepath.Separator)): // the root
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// readIgnoreFile reads the patterns of one .gitignore file of the given
// type; a missing file has none (nil). Like git, it reads none through a
// symbolic link. A file that cannot be read gives a notice.
func (d *discovery) readIgnoreFile(path string, typ fs.FileMode, domain []string) *ignoreFile {
	if typ&fs.ModeSymlink != 0 {
		d.notice(source.Notice{Path: d.display(path), Text: "ignored: a symbolic link (git reads no .gitignore through one)"})
		return nil
	}
	data, err := source.ReadProjectFile(path)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			d.notice(source.Notice{Path: d.display(path), Text: "ignored: " + source.DescribeError(err)})
		}
		return nil
	}
	lines := ignoreLines(string(data))
	if len(lines) == 0 {
		return nil
	}
	return newIgnoreFile(lines, domain)
}

// gitRoot returns the closest directory at or above dir that holds a .git
// entry, or "" when there is none.
func gitRoot(dir string) string {
	for {
		if _, err := os.Lstat(cleanpath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := cleanpath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// repoDomain returns the root of dir's git repository and the path of dir,
// as components, below it; the root is "" when dir is not inside a
// repository.
func repoDomain(dir string) (root string, domain []string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil
	}
	root = gitRoot(abs)
	if root == "" || root == abs {
		return root, nil
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", nil
	}
	return root, strings.Split(filepath.ToSlash(rel), "/")
}

// excludePatterns reads the patterns of the repository's own exclude file,
// info/exclude in its git directory, as git ls-files --exclude-standard
// does: they count below those of every .gitignore. root is the
// repository's root, or "" for none.
func (d *discovery) excludePatterns(root string) []*ignoreFile {
	if root == "" {
		return nil
	}
	path, _ := excludeFile(root)
	if path == "" {
		return nil
	}
	if f := d.readIgnoreFile(path, 0, nil); f != nil {
		return []*ignoreFile{f}
	}
	return nil
}

// RepositoryIgnoreFiles returns the files besides .gitignore files that
// decide what the git repository whose root is root ignores: its
// info/exclude, and the files read to find it (a worktree's .git file and
// commondir). A cache of what a walk found must notice when one changes.
func RepositoryIgnoreFiles(root string) []string {
	path, read := excludeFile(root)
	if path != "" {
		read = append(read, path)
	}
	return read
}

// excludeFile returns the path of the info/exclude file of the repository
// whose root is root, in its git directory (in the common one for a
// worktree, whose .git is a file naming its own), and the files read to
// find it; path is "" when root has no git directory.
func excludeFile(root string) (path string, read []string) {
	gitDir := cleanpath.Join(root, ".git")
	info, err := os.Lstat(gitDir)
	switch {
	case err != nil:
		return "", nil
	case info.Mode().IsRegular():
		read = append(read, gitDir)
		data, err := source.ReadProjectFile(gitDir)
		if err != nil {
			return "", read
		}
		dir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
		if !ok {
			return "", read
		}
		gitDir = resolveFrom(root, strings.TrimSpace(dir))
		commondir := cleanpath.Join(gitDir, "commondir")
		read = append(read, commondir)
		if data, err := source.ReadProjectFile(commondir); err == nil {
			gitDir = resolveFrom(gitDir, strings.TrimSpace(string(data)))
		}
	case !info.IsDir():
		return "", nil
	}
	return filepath.Join(gitDir, "info", "exclude"), read
}

// resolveFrom returns p, relative to dir unless absolute.
func resolveFrom(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return cleanpath.Join(dir, p)
}

// ancestorPatterns reads the .gitignore files between the root of dir's git
// repository and dir itself (excluded), so that walking a subdirectory
// honours the rules of the repository above it.
func (d *discovery) ancestorPatterns(root string, domain []string) []*ignoreFile {
	var ps []*ignoreFile
	cur := root
	for i := 0; i < len(domain); i++ {
		p := cleanpath.Join(cur, ".gitignore")
		if info, err := os.Lstat(p); err == nil {
			if f := d.readIgnoreFile(p, info.Mode().Type(), domain[:i]); f != nil {
				ps = append(ps, f)
			}
		}
		cur = cleanpath.Join(cur, domain[i])
	}
	return ps
}

// TargetDirs returns the directory of each run of targets that share one,
// as their paths name it: the targets come sorted, so mostly each
// directory once. What is looked up a directory (a project root, a config
// file) is looked up once this way.
func TargetDirs(targets []Target) []string {
	var dirs []string
	last := "\x00"
	for _, t := range targets {
		if dir := cleanpath.Dir(t.Path); dir != last {
			dirs = append(dirs, dir)
			last = dir
		}
	}
	return dirs
}
