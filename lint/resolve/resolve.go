// Package resolve finds the file an import specifier names, the way
// TypeScript and bundlers do: relative paths, tsconfig/jsconfig paths and
// baseUrl, package.json exports and imports, workspaces, and which files
// are Next.js route files. It knows no module graph.
package resolve

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"hash/maphash"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/directivelint/directivelint/lint/cleanpath"
)

// Resolution says what an import specifier was found to name.
type Resolution uint8

// The outcomes of resolving an import.
const (
	// Unresolved: nothing was found for the specifier. Such imports make
	// no edge and are never an error.
	Unresolved Resolution = iota
	// ResolvedModule: a JavaScript or TypeScript source file.
	ResolvedModule
	// ResolvedAsset: an existing file that is not a module we scan (a
	// stylesheet, JSON, an image, a .d.ts declaration file).
	ResolvedAsset
	// ResolvedExternal: a bare specifier of a package that is not part of
	// the workspace (react, next/headers, server-only…), known by name only.
	ResolvedExternal
)

// String names the resolution for graph output.
func (r Resolution) String() string {
	switch r {
	case ResolvedModule:
		return "module"
	case ResolvedAsset:
		return "asset"
	case ResolvedExternal:
		return "external"
	}
	return "unresolved"
}

// codeExts are the source extensions tried, in the order TypeScript's
// bundler resolution tries them, for a specifier written without one.
var codeExts = []string{".ts", ".tsx", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs"}

// jsToTS maps an extension written in a specifier to the TypeScript source
// extensions it may stand for (`./x.js` written for `./x.ts`).
var jsToTS = map[string][]string{
	".js":  {".ts", ".tsx"},
	".jsx": {".tsx"},
	".mjs": {".mts"},
	".cjs": {".cts"},
}

// isCodeExt reports whether ext is one of codeExts.
func isCodeExt(ext string) bool {
	for _, e := range codeExts {
		if e == ext {
			return true
		}
	}
	return false
}

// memo is a concurrency-safe cache. A value may be computed twice when two
// goroutines ask at once; the first stored wins, so every caller sees one
// value.
type memo[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

// peek returns the value kept for key, without computing one.
func (c *memo[K, V]) peek(key K) (V, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *memo[K, V]) get(key K, compute func() V) V {
	c.mu.RLock()
	v, ok := c.m[key]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = compute()
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[key]; ok {
		return old
	}
	if c.m == nil {
		c.m = make(map[K]V)
	}
	c.m[key] = v
	return v
}

// dirListing is what a directory holds: its entry names, sorted, packed
// in one string, and which of them are directories. A large tree has
// thousands of directories; this costs a few bytes an entry where a map
// costs tens.
type dirListing struct {
	names string        // the names, one after another
	ends  []uint32      // where each name ends in names
	dirs  []bool        // whether each entry is a directory
	sum   atomic.Uint64 // hash's result, once asked (never 0)
	use   listingUse    // what was looked at (see ListingUses)
}

// name returns the name of entry i.
func (l *dirListing) name(i int) string {
	start := uint32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.names[start:l.ends[i]]
}

// lookup finds an entry by name. A nil listing (a directory that cannot
// be read) has no entries.
func (l *dirListing) lookup(name string) (isDir, ok bool) {
	return l.lookupJoined(name, "")
}

// lookupJoined finds the entry named name+suffix, without building it.
func (l *dirListing) lookupJoined(name, suffix string) (isDir, ok bool) {
	if l == nil {
		return false, false
	}
	if !l.use.whole.Load() {
		l.use.note(name + suffix)
	}
	return l.findJoined(name, suffix)
}

// lookupQuiet is lookup without recording the name as looked at.
func (l *dirListing) lookupQuiet(name string) (isDir, ok bool) { return l.findJoined(name, "") }

// findJoined finds the entry named name+suffix in l, not nil.
func (l *dirListing) findJoined(name, suffix string) (isDir, ok bool) {
	i, found := sort.Find(len(l.ends), func(i int) int { return -compareJoined(l.name(i), name, suffix) })
	if !found {
		return false, false
	}
	return l.dirs[i], true
}

// hasPrefix reports whether an entry's name starts with prefix.
func (l *dirListing) hasPrefix(prefix string) bool {
	if l == nil {
		return false
	}
	if !l.use.whole.Load() {
		l.use.note(prefixKey + prefix)
	}
	return l.hasPrefixQuiet(prefix)
}

// hasPrefixQuiet is hasPrefix without recording the prefix as probed, for
// l not nil.
func (l *dirListing) hasPrefixQuiet(prefix string) bool {
	i := sort.Search(len(l.ends), func(i int) bool { return l.name(i) >= prefix })
	return i < len(l.ends) && strings.HasPrefix(l.name(i), prefix)
}

// compareJoined compares s with a+b, as strings.Compare would.
func compareJoined(s, a, b string) int {
	if len(s) < len(a) {
		if c := strings.Compare(s, a[:len(s)]); c != 0 {
			return c
		}
		return -1 // s is a proper prefix of a+b
	}
	if c := strings.Compare(s[:len(a)], a); c != 0 {
		return c
	}
	return strings.Compare(s[len(a):], b)
}

// each calls fn for every entry, in name order.
func (l *dirListing) each(fn func(name string, isDir bool)) {
	if l == nil {
		return
	}
	l.use.whole.Store(true)
	for i := range l.ends {
		fn(l.name(i), l.dirs[i])
	}
}

// Resolver finds the file an import specifier names, the way TypeScript and
// bundlers do. Every file system look-up is cached, so resolving the
// imports of a large tree reads each directory once. It is safe for
// concurrent use. Paths given to and returned by it are absolute.
type Resolver struct {
	// id tells this resolver's resolutions from another's in a
	// RecentResolutions table, which outlives a resolver (a long-lived
	// process, an editor's server, makes many).
	id         uint64
	dirs       memo[string, *dirListing]
	tsconfigs  memo[string, *tsconfig]    // config file path → parsed config (nil when unreadable)
	nearestTS  memo[string, *tsconfig]    // directory → nearest config, or nil
	packages   memo[string, *packageJSON] // directory → its package.json, or nil
	nearestPkg memo[string, *packageJSON] // directory → nearest package.json, or nil
	workspaces memo[string, *workspace]   // directory → workspace holding it, or nil
	nextRoots  memo[string, bool]         // directory → whether it is a Next.js project root

	read       ReadFunc
	problemsMu sync.Mutex
	problems   map[string]string // project file → why it could not be read
	files      map[string]bool   // the project files read or looked for (see ReadFiles), guarded by problemsMu
}

// ReadFunc reads a project file (tsconfig.json and the configs it extends,
// jsconfig.json, package.json, pnpm-workspace.yaml) whole. The engine gives
// source.ReadProjectFile, which reads only regular files and only up to a
// size limit: these files come with the code being linted, and a link to
// /dev/zero or a named pipe must neither fill the memory nor block.
type ReadFunc func(path string) ([]byte, error)

// NewResolver returns an empty Resolver that reads project files with
// read, which must not be nil.
func NewResolver(read ReadFunc) *Resolver {
	return &Resolver{read: read, id: resolverIDs.Add(1)}
}

// resolverIDs numbers the resolvers of the process.
var resolverIDs atomic.Uint64

// FileProblem is a project file that could not be read, and why.
type FileProblem struct {
	Path   string
	Reason string
}

// readProjectFile reads the project file at path. A failure other than a
// missing file is recorded (see Problems); the file then counts as absent.
func (r *Resolver) readProjectFile(path string) ([]byte, bool) {
	r.problemsMu.Lock()
	if r.files == nil {
		r.files = map[string]bool{}
	}
	r.files[path] = true
	r.problemsMu.Unlock()
	data, err := r.read(path)
	if err == nil {
		return data, true
	}
	if !errors.Is(err, fs.ErrNotExist) {
		r.recordProblem(path, err.Error())
	}
	return nil, false
}

// ReadFiles returns the project files the resolver read or tried to
// (tsconfig.json and what it extends, package.json, pnpm-workspace.yaml,
// next.config), sorted: a cache of what resolution found must notice when
// one changes, whatever its name.
func (r *Resolver) ReadFiles() []string {
	r.problemsMu.Lock()
	defer r.problemsMu.Unlock()
	return slices.Sorted(maps.Keys(r.files))
}

// recordProblem notes why the project file at path was left out; each file
// is reported once (see Problems).
func (r *Resolver) recordProblem(path, reason string) {
	r.problemsMu.Lock()
	defer r.problemsMu.Unlock()
	if r.problems == nil {
		r.problems = map[string]string{}
	}
	r.problems[path] = reason
}

// Problems returns the project files that could not be read or parsed,
// sorted by path, each once.
func (r *Resolver) Problems() []FileProblem {
	r.problemsMu.Lock()
	defer r.problemsMu.Unlock()
	out := make([]FileProblem, 0, len(r.problems))
	for p, reason := range r.problems {
		out = append(out, FileProblem{Path: p, Reason: reason})
	}
	slices.SortFunc(out, func(a, b FileProblem) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// list returns the entries of dir, or nil when it cannot be read.
func (r *Resolver) list(dir string) *dirListing {
	return r.dirs.get(dir, func() *dirListing {
		entries, err := os.ReadDir(dir) // sorted by name
		if err != nil {
			return nil
		}
		return newListing(dir, entries)
	})
}

// ListedAbsent reports whether the directory of path (absolute) was
// listed already and holds no entry of its name. It reads nothing.
func (r *Resolver) ListedAbsent(path string) bool {
	dir, name := filepath.Split(path)
	l, ok := r.dirs.peek(cleanpath.Clean(dir))
	if !ok || l == nil {
		return false
	}
	_, found := l.lookup(name)
	return !found
}

// AddListing gives r the entries of the directory dir (absolute), read
// while discovering the files to lint, so that it need not read them again.
func (r *Resolver) AddListing(dir string, entries []fs.DirEntry) {
	l := r.dirs.get(dir, func() *dirListing { return newListing(dir, entries) })
	if l != nil {
		l.use.whole.Store(true) // a walk looks at every entry
	}
}

// newListing packs the entries of dir, sorted by name, into a dirListing.
// A symbolic link counts as a directory when it leads to one.
func newListing(dir string, entries []fs.DirEntry) *dirListing {
	size := 0
	for _, e := range entries {
		size += len(e.Name())
	}
	var names strings.Builder
	names.Grow(size)
	l := &dirListing{ends: make([]uint32, len(entries)), dirs: make([]bool, len(entries))}
	for i, e := range entries {
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			if info, err := os.Stat(cleanpath.Join(dir, e.Name())); err == nil {
				isDir = info.IsDir()
			}
		}
		names.WriteString(e.Name())
		l.ends[i], l.dirs[i] = uint32(names.Len()), isDir
	}
	l.names = names.String()
	return l
}

// isFile reports whether path names an existing file (not a directory).
func (r *Resolver) isFile(path string) bool {
	isDir, ok := r.list(cleanpath.Dir(path)).lookup(filepath.Base(path))
	return ok && !isDir
}

// isDir reports whether path names an existing directory.
func (r *Resolver) isDir(path string) bool {
	isDir, ok := r.list(cleanpath.Dir(path)).lookup(filepath.Base(path))
	return ok && isDir
}

// Resolve finds what spec, imported from the file at the absolute path
// from, names. For ResolvedModule and ResolvedAsset it returns the file's
// absolute path; for ResolvedExternal the package name.
//
// Results are not cached: a resolution costs a few look-ups in the cached
// directory listings and configs, and a cache of every (directory,
// specifier) pair of a large tree costs more memory than it saves time.
func (r *Resolver) Resolve(from, spec string) (string, Resolution) {
	return r.Importer(from).Resolve(spec)
}

// Importer resolves the imports of one file. What a bare specifier depends
// on (the nearest tsconfig, the workspace) is looked up once for the file,
// not once an import.
type Importer struct {
	r   *Resolver
	dir string
	// cfg and ws are looked up at the first bare specifier.
	cfg    *tsconfig
	ws     *workspace
	loaded bool
	// recent, when set, holds recent resolutions.
	recent *RecentResolutions
}

// Importer returns the Importer of the file at the absolute path from.
func (r *Resolver) Importer(from string) *Importer {
	im := r.ImporterOf(from, nil)
	return &im
}

// ImporterOf is Importer, by value, remembering its resolutions in recent
// (unless nil): a table a worker keeps from one file to the next.
func (r *Resolver) ImporterOf(from string, recent *RecentResolutions) Importer {
	return Importer{r: r, dir: cleanpath.Dir(from), recent: recent}
}

// Resolve finds what spec, imported from the Importer's file, names (see
// Resolver.Resolve).
func (im *Importer) Resolve(spec string) (string, Resolution) {
	return im.r.resolve(im, spec)
}

// VerbatimModuleSyntax reports whether the Importer's nearest tsconfig
// keeps imports verbatim.
func (im *Importer) VerbatimModuleSyntax() bool {
	cfg, _ := im.bare()
	return cfg != nil && cfg.verbatim
}

// bare returns the tsconfig and workspace bare specifiers resolve through.
func (im *Importer) bare() (*tsconfig, *workspace) {
	if !im.loaded {
		im.cfg, im.ws, im.loaded = im.r.nearestTSConfig(im.dir), im.r.workspaceOf(im.dir), true
	}
	return im.cfg, im.ws
}

// resolve resolves spec imported from a file of im.
func (r *Resolver) resolve(im *Importer, spec string) (string, Resolution) {
	// Bundler queries (./x.css?url, ./w.ts?worker, @/a.css?inline) name
	// the file before them.
	if i := strings.IndexByte(spec, '?'); i > 0 {
		spec = spec[:i]
	}
	dir := im.dir
	switch {
	case spec == "":
		return "", Unresolved
	case isRelative(spec):
		key := recentEntry{resolver: r.id, dir: dir, spec: spec}
		if e := im.recall(key); e != nil {
			return e.path, e.res
		}
		key.path, key.res = r.resolvePath(cleanpath.Join(dir, filepath.FromSlash(spec)))
		im.remember(key)
		return key.path, key.res
	case strings.HasPrefix(spec, "/"):
		return r.resolvePath(filepath.FromSlash(spec))
	case strings.HasPrefix(spec, "#"):
		// TypeScript tries tsconfig paths first ("#/*": ["./*"]), then
		// package.json imports.
		if cfg, _ := im.bare(); cfg != nil {
			if p, res := r.resolveTSPaths(cfg, spec); res != Unresolved {
				return p, res
			}
		}
		return r.resolveImportsField(dir, spec)
	case strings.Contains(spec, ":") && !strings.HasPrefix(spec, "@"):
		// node:fs, virtual:…, https://…: never a file of ours.
		return spec, ResolvedExternal
	}
	cfg, ws := im.bare()
	key := recentEntry{resolver: r.id, cfg: cfg, ws: ws, spec: spec}
	if e := im.recall(key); e != nil {
		return e.path, e.res
	}
	key.path, key.res = r.resolveBare(cfg, ws, spec)
	im.remember(key)
	return key.path, key.res
}

// recall returns the remembered resolution of key's specifier from key's
// directory or through its tsconfig and workspace, or nil.
func (im *Importer) recall(key recentEntry) *recentEntry {
	if im.recent == nil {
		return nil
	}
	e := im.recent.slot(key.spec)
	if e.spec != key.spec || e.resolver != key.resolver || e.dir != key.dir || e.cfg != key.cfg || e.ws != key.ws {
		return nil
	}
	return e
}

// remember keeps a resolution, in place of the one in its slot.
func (im *Importer) remember(e recentEntry) {
	if im.recent != nil {
		*im.recent.slot(e.spec) = e
	}
}

// RecentResolutions remembers the latest resolutions, a fixed number of them:
// files read one after another (mostly of one directory) import the same
// packages and aliases (react, @/components/ui/button) and the same
// neighbours (./utils). A bare specifier's resolution depends only on it
// and the importer's tsconfig and workspace; a relative one's on it and
// the importer's directory. A cache of every resolution of a large tree
// would be live memory the collector scans at each cycle: tried, it made
// a run over 41,660 files 40% slower. fileImportsPool lends them out.
type RecentResolutions struct {
	entries [recentSize]recentEntry
}

const recentSize = 512 // a power of two

// recentEntry is one resolution RecentResolutions remembers, by the
// resolver that made it (its id): of a relative specifier from dir, or of
// a bare one (dir empty) through cfg and ws.
type recentEntry struct {
	resolver uint64
	dir      string
	cfg      *tsconfig
	ws       *workspace
	spec     string
	path     string
	res      Resolution
}

// recentSeed hashes specifiers for RecentResolutions.
var recentSeed = maphash.MakeSeed()

// slot returns the entry where spec's resolution is kept.
func (c *RecentResolutions) slot(spec string) *recentEntry {
	return &c.entries[maphash.String(recentSeed, spec)&(recentSize-1)]
}

// splitClean returns cleanpath.Dir(p) and filepath.Base(p) for a clean
// path, without cleaning it again.
func splitClean(p string) (dir, base string) {
	i := strings.LastIndexByte(p, filepath.Separator)
	if filepath.Separator != '/' || i < 0 || i == len(p)-1 {
		return cleanpath.Dir(p), filepath.Base(p) // a volume, no separator, the root
	}
	if i == 0 {
		return p[:1], p[1:]
	}
	return p[:i], p[i+1:]
}

// isRelative reports whether spec starts with ./ or ../ or is . or ..
func isRelative(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../")
}

// resolveBare resolves a specifier that is neither relative nor absolute,
// from a directory with the nearest tsconfig cfg and the workspace ws
// (either may be nil): through tsconfig paths and baseUrl, then the
// workspace's packages; what is left is an external package.
func (r *Resolver) resolveBare(cfg *tsconfig, ws *workspace, spec string) (string, Resolution) {
	if cfg != nil {
		if p, res := r.resolveTSPaths(cfg, spec); res != Unresolved {
			return p, res
		}
		if cfg.baseURL != "" && r.mayHold(cfg.baseURL, spec) {
			if p, res := r.resolvePath(cleanpath.Join(cfg.baseURL, filepath.FromSlash(spec))); res != Unresolved {
				return p, res
			}
		}
	}
	name, sub := splitPackage(spec)
	if ws != nil {
		if pkgDir, ok := ws.packages[name]; ok {
			if p, res := r.resolvePackage(pkgDir, sub); res != Unresolved {
				return p, res
			}
			return "", Unresolved
		}
	}
	if !isPackageName(name) {
		// TypeScript goes on to node_modules after paths, where no
		// package has such a name (@/x, ~/x, $lib/x): an alias that names
		// no file, not a package.
		return "", Unresolved
	}
	return name, ResolvedExternal
}

// isPackageName reports whether name can be an npm package's name: one
// made of letters, digits, - . _ (not first), with an optional @scope/ of
// the same. "@" alone, "~" and "#" cannot.
func isPackageName(name string) bool {
	if scope, pkg, ok := strings.Cut(name, "/"); ok {
		return strings.HasPrefix(scope, "@") && isNamePart(scope[1:]) && isNamePart(pkg)
	}
	return isNamePart(name)
}

// isNamePart reports whether s is a valid name or scope part of a package name.
func isNamePart(s string) bool {
	if s == "" || s[0] == '.' || s[0] == '_' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return true
}

// mayHold reports whether the directory dir may hold what spec names: an
// entry named as spec's first segment (with an extension, for a last one).
// Most bare specifiers (react, next/link) fail here, at the cost of one
// look-up instead of a dozen.
func (r *Resolver) mayHold(dir, spec string) bool {
	first, _, more := strings.Cut(spec, "/")
	l := r.list(dir)
	if more {
		isDir, ok := l.lookup(first)
		return ok && isDir
	}
	return l.hasPrefix(first)
}

// splitPackage splits a bare specifier into its package name (with the
// scope, if any) and the subpath after it, without a leading slash.
func splitPackage(spec string) (name, sub string) {
	name, sub, found := strings.Cut(spec, "/")
	if strings.HasPrefix(spec, "@") && found {
		scope := name
		name, sub, _ = strings.Cut(sub, "/")
		name = spec[:len(scope)+1+len(name)]
	}
	return name, sub
}

// resolvePath resolves an absolute path written in an import: the file
// itself, the file with a source extension added or swapped (.js for .ts),
// or the directory's package.json entry or index file.
func (r *Resolver) resolvePath(p string) (string, Resolution) {
	// isFile(trim, add) reports whether p with trim bytes cut off its end
	// and add appended is a file. For a clean path (the usual case) it
	// looks the name up in the listing of p's directory, read once,
	// without building the path.
	var isFile func(trim int, add string) bool
	if cleanpath.Clean(p) == p {
		dir, base := splitClean(p)
		listing := r.list(dir)
		isFile = func(trim int, add string) bool {
			isDir, ok := listing.lookupJoined(base[:len(base)-trim], add)
			return ok && !isDir
		}
	} else {
		isFile = func(trim int, add string) bool { return r.isFile(p[:len(p)-trim] + add) }
	}
	ext := filepath.Ext(p)
	if isCodeExt(ext) {
		if isFile(0, "") {
			return p, ResolvedModule
		}
		for _, e := range jsToTS[ext] {
			if isFile(len(ext), e) {
				return p[:len(p)-len(ext)] + e, ResolvedModule
			}
		}
	} else if ext != "" && isFile(0, "") {
		return p, ResolvedAsset
	}
	for _, e := range codeExts {
		if isFile(0, e) {
			return p + e, ResolvedModule
		}
	}
	for _, e := range []string{".d.ts", ".d.mts", ".d.cts"} {
		if isFile(0, e) {
			return p + e, ResolvedAsset
		}
	}
	if r.isDir(p) {
		if pkg := r.packageIn(p); pkg != nil {
			if target, res := r.resolvePackageEntry(p, pkg, false); res != Unresolved {
				return target, res
			}
		}
		listing := r.list(cleanpath.Clean(p))
		for _, e := range codeExts {
			if isDir, ok := listing.lookupJoined("index", e); ok && !isDir {
				return cleanpath.Join(p, "index"+e), ResolvedModule
			}
		}
	}
	return "", Unresolved
}

// resolvePackage resolves subpath sub (empty for the package itself) of the
// workspace package in pkgDir to a source file: through its package.json
// exports, else its module/main fields, else the path itself.
func (r *Resolver) resolvePackage(pkgDir, sub string) (string, Resolution) {
	pkg := r.packageIn(pkgDir)
	if pkg != nil && pkg.exports != nil {
		key := "."
		if sub != "" {
			key = "./" + sub
		}
		for _, allowTypes := range []bool{false, true} {
			if target, ok := pkg.exports.match(key, allowTypes); ok {
				if p, res := r.resolveTarget(pkgDir, target); res != Unresolved {
					return p, res
				}
			}
		}
	}
	if sub == "" {
		if pkg != nil {
			if p, res := r.resolvePackageEntry(pkgDir, pkg, true); res != Unresolved {
				return p, res
			}
		}
		return r.resolvePath(cleanpath.Join(pkgDir, "index"))
	}
	return r.resolvePath(cleanpath.Join(pkgDir, filepath.FromSlash(sub)))
}

// resolvePackageEntry resolves the entry point a package.json names in its
// module, main (and, with types, types) fields.
func (r *Resolver) resolvePackageEntry(dir string, pkg *packageJSON, types bool) (string, Resolution) {
	fields := []string{pkg.module, pkg.main}
	if types {
		fields = append(fields, pkg.types)
	}
	for _, f := range fields {
		if f == "" {
			continue
		}
		if p, res := r.resolveTarget(dir, f); res != Unresolved {
			return p, res
		}
	}
	return "", Unresolved
}

// resolveTarget resolves a path named in a package.json (relative to its
// directory). A declaration file (x.d.ts) stands for its source (x.ts or
// x.tsx) when that exists next to it, as in workspace packages that point
// "types" at their sources.
func (r *Resolver) resolveTarget(dir, target string) (string, Resolution) {
	p := cleanpath.Join(dir, filepath.FromSlash(target))
	for _, dts := range []string{".d.ts", ".d.mts", ".d.cts"} {
		if base, ok := strings.CutSuffix(p, dts); ok {
			for _, e := range []string{".ts", ".tsx", ".mts", ".cts"} {
				if r.isFile(base + e) {
					return base + e, ResolvedModule
				}
			}
		}
	}
	if target, res := r.resolvePath(p); res != Unresolved {
		return target, res
	}
	return r.resolveBuildOutput(dir, p)
}

// resolveBuildOutput maps a missing build output of a workspace package
// (dist/x.mjs, dist/x.d.ts, build/x.js) to its source (src/x.ts,
// src/x.tsx…), the layout tsup, tsc and unbuild use: a fresh checkout of a
// monorepo has sources only.
func (r *Resolver) resolveBuildOutput(dir, p string) (string, Resolution) {
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return "", Unresolved
	}
	rel = filepath.ToSlash(rel)
	for _, out := range []string{"dist/", "build/", "lib/", "out/"} {
		rest, ok := strings.CutPrefix(rel, out)
		if !ok {
			continue
		}
		for _, ext := range []string{".d.ts", ".d.mts", ".d.cts", ".mjs", ".cjs", ".js", ".jsx"} {
			if base, ok := strings.CutSuffix(rest, ext); ok {
				rest = base
				break
			}
		}
		if target, res := r.resolvePath(filepath.Join(dir, "src", filepath.FromSlash(rest))); res == ResolvedModule {
			return target, res
		}
		// Builds that keep the source layout: dist/src/x.js for src/x.ts.
		if strings.HasPrefix(rest, "src/") {
			if target, res := r.resolvePath(cleanpath.Join(dir, filepath.FromSlash(rest))); res == ResolvedModule {
				return target, res
			}
		}
	}
	return "", Unresolved
}

// resolveImportsField resolves a #specifier through the imports field of
// the nearest package.json.
func (r *Resolver) resolveImportsField(dir, spec string) (string, Resolution) {
	pkg := r.nearestPackage(dir)
	if pkg == nil || pkg.imports == nil {
		return "", Unresolved
	}
	for _, allowTypes := range []bool{false, true} {
		target, ok := pkg.imports.match(spec, allowTypes)
		if !ok {
			continue
		}
		if isRelative(target) {
			if p, res := r.resolveTarget(pkg.dir, target); res != Unresolved {
				return p, res
			}
			continue
		}
		return r.resolveBare(r.nearestTSConfig(pkg.dir), r.workspaceOf(pkg.dir), target)
	}
	return "", Unresolved
}

// ListedFiles returns the paths of the files, not directories, whose name
// match accepts in every directory listing the resolver holds (those it
// read and those AddListing gave it), sorted: the project files a run saw,
// for a cache that must notice when one is added.
func (r *Resolver) ListedFiles(match func(name string) bool) []string {
	return r.listed(func(name string, isDir bool) bool { return !isDir && match(name) })
}

// ListedEntries is ListedFiles for entries of any kind named name
// (directories too).
func (r *Resolver) ListedEntries(name string) []string {
	return r.listed(func(n string, _ bool) bool { return n == name })
}

// listed returns the paths of the entries match accepts in every listing
// the resolver holds, sorted.
func (r *Resolver) listed(match func(name string, isDir bool) bool) []string {
	r.dirs.mu.RLock()
	defer r.dirs.mu.RUnlock()
	var out []string
	for dir, l := range r.dirs.m {
		if l == nil {
			continue
		}
		for i := range l.ends {
			if name := l.name(i); match(name, l.dirs[i]) {
				out = append(out, cleanpath.Join(dir, name))
			}
		}
	}
	slices.Sort(out)
	return out
}

// hash returns a hash of what the listing holds: its names and which are
// directories; 0 for a directory that could not be read. A listing never
// changes: it is worked out once.
func (l *dirListing) hash() uint64 {
	if l == nil {
		return 0
	}
	if sum := l.sum.Load(); sum != 0 {
		return sum
	}
	h := fnv.New64a()
	h.Write([]byte(l.names))
	var b [5]byte
	for i, end := range l.ends {
		binary.LittleEndian.PutUint32(b[:4], end)
		b[4] = 0
		if l.dirs[i] {
			b[4] = 1
		}
		h.Write(b[:])
	}
	sum := h.Sum64() | 1
	l.sum.Store(sum)
	return sum
}

// ListingHashes returns, for every directory the resolver holds a listing
// of, a hash of the listing. Resolution depends on nothing else of the
// file system than these listings and the project files read: while they
// hash the same, every import resolves as it did (see ListingHash).
func (r *Resolver) ListingHashes() map[string]uint64 {
	r.dirs.mu.RLock()
	defer r.dirs.mu.RUnlock()
	out := make(map[string]uint64, len(r.dirs.m))
	for dir, l := range r.dirs.m {
		out[dir] = l.hash()
	}
	return out
}

// ListingHash returns the hash of the listing of dir, as ListingHashes
// does, reading the directory when the resolver has no listing of it.
func (r *Resolver) ListingHash(dir string) uint64 {
	return r.list(dir).hash()
}

// ReadListing reads the listing of dir unless the resolver has it, so
// that ListedFiles and ListingHashes see it.
func (r *Resolver) ReadListing(dir string) { r.list(dir) }

// SameProjectAsParent reports whether ProjectRoot(dir) is
// ProjectRoot(cleanpath.Dir(dir)): dir holds no project file and is not
// the top of a git repository.
func (r *Resolver) SameProjectAsParent(dir string) bool {
	if cleanpath.Dir(dir) == dir || r.holdsProjectFile(dir) {
		return false
	}
	_, git := r.list(dir).lookup(".git")
	return !git
}
