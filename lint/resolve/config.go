package resolve

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/directivelint/directivelint/lint/cleanpath"

	"github.com/tailscale/hujson"
)

// tsconfig is what resolution needs from a tsconfig.json or jsconfig.json,
// with its extends chain already applied.
type tsconfig struct {
	// baseURL is the absolute baseUrl, or empty.
	baseURL string
	// paths maps patterns (at most one *) to substitutions.
	paths map[string][]string
	// stars are the patterns of paths with a *, longest prefix first (ties:
	// the smaller pattern), the order in which they are tried.
	stars []starPattern
	// starIndex indexes stars, by their position in it.
	starIndex affixIndex
	// pathsBase is the directory substitutions are relative to: baseURL,
	// else the directory of the config that defines paths.
	pathsBase string
	// starDirs are the directories of the substitutions written dir/*,
	// joined with pathsBase (see substitute).
	starDirs map[string]string
	// verbatim is compilerOptions.verbatimModuleSyntax: imports are kept
	// as written, even when only types are used.
	verbatim bool
}

// tsconfigFile is the part of a config file read.
type tsconfigFile struct {
	Extends         json.RawMessage `json:"extends"`
	CompilerOptions struct {
		BaseURL              *string              `json:"baseUrl"`
		VerbatimModuleSyntax *bool                `json:"verbatimModuleSyntax"`
		Paths                *map[string][]string `json:"paths"`
	} `json:"compilerOptions"`
}

// maxExtends bounds an extends chain (and breaks cycles).
const maxExtends = 16

// maxSubstitutions bounds the substitutions of one paths pattern that an
// import is resolved through: each is a lookup in the file system, tried
// in turn for every import the pattern matches (a config of one pattern
// with 60,000 of them and 2,000 imports took 113 s). Real configs give one
// to a few.
const maxSubstitutions = 100

// capSubstitutions keeps the first maxSubstitutions substitutions of each
// pattern of paths, from the config at path, and says so once.
func (r *Resolver) capSubstitutions(path string, paths map[string][]string) {
	var over []string
	for pattern, subs := range paths {
		if len(subs) > maxSubstitutions {
			paths[pattern] = subs[:maxSubstitutions]
			over = append(over, pattern)
		}
	}
	if len(over) > 0 {
		slices.Sort(over)
		which := fmt.Sprintf("of %q", over[0])
		if len(over) > 1 {
			which = fmt.Sprintf("of %d patterns (%q first)", len(over), over[0])
		}
		r.recordProblem(path, fmt.Sprintf("paths substitutions %s past the first %d", which, maxSubstitutions))
	}
}

// nearestTSConfig returns the config of the nearest tsconfig.json (or
// jsconfig.json) in dir or above it, or nil.
func (r *Resolver) nearestTSConfig(dir string) *tsconfig {
	return r.nearestTS.get(dir, func() *tsconfig {
		for _, name := range []string{"tsconfig.json", "jsconfig.json"} {
			p := cleanpath.Join(dir, name)
			if r.isFile(p) {
				if cfg := r.loadTSConfig(p, 0); cfg != nil {
					return cfg
				}
			}
		}
		parent := cleanpath.Dir(dir)
		if parent == dir {
			return nil
		}
		return r.nearestTSConfig(parent)
	})
}

// loadTSConfig reads the config at path and the configs it extends.
func (r *Resolver) loadTSConfig(path string, depth int) *tsconfig {
	if depth > maxExtends {
		return nil
	}
	return r.tsconfigs.get(path, func() *tsconfig {
		var raw tsconfigFile
		if err := r.readJSONC(path, &raw); err != nil {
			return nil
		}
		dir := cleanpath.Dir(path)
		cfg := &tsconfig{}
		for _, ext := range extendsList(raw.Extends) {
			if base := r.findExtended(dir, ext); base != "" {
				if b := r.loadTSConfig(base, depth+1); b != nil {
					if b.baseURL != "" {
						cfg.baseURL = b.baseURL
					}
					if b.paths != nil {
						cfg.paths, cfg.pathsBase = b.paths, b.pathsBase
					}
					cfg.verbatim = b.verbatim
				}
			}
		}
		co := raw.CompilerOptions
		if co.BaseURL != nil {
			cfg.baseURL = cleanpath.Join(dir, filepath.FromSlash(strings.ReplaceAll(*co.BaseURL, "${configDir}", ".")))
		}
		if co.VerbatimModuleSyntax != nil {
			cfg.verbatim = *co.VerbatimModuleSyntax
		}
		if co.Paths != nil {
			cfg.paths, cfg.pathsBase = *co.Paths, dir
			r.capSubstitutions(path, cfg.paths)
		}
		if cfg.baseURL != "" {
			cfg.pathsBase = cfg.baseURL
		}
		cfg.stars = starPatterns(cfg.paths)
		cfg.starIndex = indexStars(cfg.stars)
		cfg.starDirs = starDirs(cfg.paths, cfg.pathsBase)
		return cfg
	})
}

// starPattern is a paths pattern with a *: prefix*suffix.
type starPattern struct {
	pattern, prefix, suffix string
}

// starPatterns returns the patterns of paths with a *, in the order
// resolveTSPaths tries them.
func starPatterns(paths map[string][]string) []starPattern {
	var out []starPattern
	for pattern := range paths {
		if prefix, suffix, ok := strings.Cut(pattern, "*"); ok {
			out = append(out, starPattern{pattern, prefix, suffix})
		}
	}
	slices.SortFunc(out, func(a, b starPattern) int {
		return cmp.Or(cmp.Compare(len(b.prefix), len(a.prefix)), strings.Compare(a.pattern, b.pattern))
	})
	return out
}

// indexStars indexes stars by their prefixes and suffixes, each by its
// position in stars.
func indexStars(stars []starPattern) affixIndex {
	entries := make([]affix, len(stars))
	for i, p := range stars {
		entries[i] = affix{p.prefix, p.suffix, i}
	}
	return newAffixIndex(entries)
}

// extendsList reads extends: a string or, since TypeScript 5.0, an array.
func extendsList(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		return many
	}
	return nil
}

// findExtended finds the file an extends entry names: a path relative to
// the config, or a package in node_modules above it.
func (r *Resolver) findExtended(dir, ext string) string {
	candidates := func(p string) []string {
		return []string{p, p + ".json", cleanpath.Join(p, "tsconfig.json")}
	}
	if isRelative(ext) || filepath.IsAbs(ext) {
		p := ext
		if !filepath.IsAbs(p) {
			p = cleanpath.Join(dir, filepath.FromSlash(ext))
		}
		for _, c := range candidates(p) {
			if r.isFile(c) {
				return c
			}
		}
		return ""
	}
	for d := dir; ; d = cleanpath.Dir(d) {
		for _, c := range candidates(filepath.Join(d, "node_modules", filepath.FromSlash(ext))) {
			if r.isFile(c) {
				return c
			}
		}
		if cleanpath.Dir(d) == d {
			return ""
		}
	}
}

// resolveTSPaths resolves spec through the config's paths: Unresolved when
// no pattern matches or no substitution names an existing file (then
// resolution goes on, as in TypeScript).
func (r *Resolver) resolveTSPaths(cfg *tsconfig, spec string) (string, Resolution) {
	best, star, ok := cfg.matchPaths(spec)
	if !ok {
		return "", Unresolved
	}
	for _, sub := range cfg.paths[best] {
		if path, res := r.resolvePath(cfg.substitute(sub, star)); res != Unresolved {
			return path, res
		}
	}
	return "", Unresolved
}

// matchPaths returns the pattern of the config's paths spec matches and
// the text its * stands for: spec itself, else the star pattern with the
// longest prefix that fits spec (the first of those in cfg.stars).
func (cfg *tsconfig) matchPaths(spec string) (pattern, star string, ok bool) {
	if _, ok := cfg.paths[spec]; ok {
		// A key "" names nothing: resolution goes on without paths.
		return spec, "", spec != ""
	}
	i, ok := cfg.starIndex.first(spec)
	if !ok {
		return "", "", false
	}
	p := cfg.stars[i]
	return p.pattern, spec[len(p.prefix) : len(spec)-len(p.suffix)], true
}

// substitute returns the path that sub, a substitution of a paths
// pattern, names when its * stands for star: pathsBase joined with it.
func (cfg *tsconfig) substitute(sub, star string) string {
	// The usual shape, a directory and /* ("./src/*"), with a star that
	// needs no cleaning, is the directory, joined once, and the star.
	if dir, ok := cfg.starDirs[sub]; ok && isCleanTail(star) {
		return dir + filepath.FromSlash(star)
	}
	target := strings.Replace(strings.ReplaceAll(sub, "${configDir}", "."), "*", star, 1)
	if filepath.IsAbs(target) {
		return target
	}
	return cleanpath.Join(cfg.pathsBase, filepath.FromSlash(target))
}

// starDirs returns, for each substitution of paths written as a
// directory and /*, that directory joined with base, with a trailing
// separator (see tsconfig.substitute).
func starDirs(paths map[string][]string, base string) map[string]string {
	out := map[string]string{}
	for _, subs := range paths {
		for _, sub := range subs {
			dir, ok := strings.CutSuffix(strings.ReplaceAll(sub, "${configDir}", "."), "/*")
			if !ok || strings.Contains(dir, "*") {
				continue
			}
			if !filepath.IsAbs(dir) {
				dir = cleanpath.Join(base, filepath.FromSlash(dir))
			}
			if !strings.HasSuffix(dir, string(filepath.Separator)) {
				dir += string(filepath.Separator)
			}
			out[sub] = dir
		}
	}
	return out
}

// isCleanTail reports whether path, written with slashes, stays as it is
// when joined to a clean directory: not empty, no empty, . or .. element
// and no separator of another kind.
func isCleanTail(path string) bool {
	if path == "" || filepath.Separator != '/' && strings.ContainsRune(path, filepath.Separator) {
		return false
	}
	for elem := range strings.SplitSeq(path, "/") {
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
	}
	return true
}

// readJSONC reads a JSON file that may hold comments and trailing commas
// (as tsconfig.json does) into v.
func (r *Resolver) readJSONC(path string, v any) error {
	data, ok := r.readProjectFile(path)
	if !ok {
		return fs.ErrNotExist
	}
	std, err := standardJSON(data)
	if err == nil {
		err = json.Unmarshal(std, v)
	}
	if err != nil {
		r.parseProblem(path, data, err)
	}
	return err
}

// parseProblem records that the project file at path, holding data, could
// not be parsed (see Problems), with the line the error is on when the
// error says where.
func (r *Resolver) parseProblem(path string, data []byte, err error) {
	offset := int64(-1)
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset = syntax.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	reason := "not valid JSON: " + err.Error()
	if offset >= 0 && offset <= int64(len(data)) {
		reason = fmt.Sprintf("not valid JSON at line %d: %s", 1+bytes.Count(data[:offset], []byte("\n")), err.Error())
	}
	r.recordProblem(path, reason)
}

// standardJSON returns data as standard JSON: itself when it is (as a
// package.json always is), else with its comments and trailing commas
// blanked out by hujson.
func standardJSON(data []byte) ([]byte, error) {
	if json.Valid(data) {
		return data, nil
	}
	// A // comment may end the file without a newline; hujson wants one.
	return hujson.Standardize(append(data[:len(data):len(data)], '\n'))
}

// packageJSON is what resolution needs from a package.json.
type packageJSON struct {
	dir                 string
	name                string
	main, module, types string
	// exports and imports keep key order (conditions are tried in order);
	// nil when the package has none.
	exports, imports *exportsMap
	// workspaces are the workspace patterns, when the package is a
	// workspace root.
	workspaces []string
	// next is true when the package depends on next.
	next bool
}

// packageIn returns the package.json in dir, or nil.
func (r *Resolver) packageIn(dir string) *packageJSON {
	return r.packages.get(dir, func() *packageJSON {
		p := cleanpath.Join(dir, "package.json")
		if !r.isFile(p) {
			return nil
		}
		data, ok := r.readProjectFile(p)
		if !ok {
			return nil
		}
		pkg, err := parsePackageJSON(dir, data)
		if err != nil {
			r.parseProblem(p, data, err)
		}
		return pkg
	})
}

// nearestPackage returns the package.json in dir or the nearest above it.
func (r *Resolver) nearestPackage(dir string) *packageJSON {
	return r.nearestPkg.get(dir, func() *packageJSON {
		if pkg := r.packageIn(dir); pkg != nil {
			return pkg
		}
		parent := cleanpath.Dir(dir)
		if parent == dir {
			return nil
		}
		return r.nearestPackage(parent)
	})
}

// parsePackageJSON reads the fields of package.json that resolution uses;
// nil and the error when data is not valid JSON.
func parsePackageJSON(dir string, data []byte) (*packageJSON, error) {
	var raw struct {
		Name            string            `json:"name"`
		Main            any               `json:"main"`
		Module          any               `json:"module"`
		Types           any               `json:"types"`
		Exports         json.RawMessage   `json:"exports"`
		Imports         json.RawMessage   `json:"imports"`
		Workspaces      json.RawMessage   `json:"workspaces"`
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	std, err := standardJSON(data)
	if err == nil {
		err = json.Unmarshal(std, &raw)
	}
	if err != nil {
		return nil, err
	}
	pkg := &packageJSON{dir: dir, name: raw.Name}
	pkg.main, _ = raw.Main.(string)
	pkg.module, _ = raw.Module.(string)
	pkg.types, _ = raw.Types.(string)
	pkg.exports = newExportsMap(decodeOrdered(raw.Exports))
	pkg.imports = newExportsMap(decodeOrdered(raw.Imports))
	_, pkg.next = raw.Dependencies["next"]
	if _, ok := raw.DevDependencies["next"]; ok {
		pkg.next = true
	}
	if len(raw.Workspaces) > 0 {
		var list []string
		if json.Unmarshal(raw.Workspaces, &list) != nil {
			var obj struct {
				Packages []string `json:"packages"`
			}
			if json.Unmarshal(raw.Workspaces, &obj) == nil {
				list = obj.Packages
			}
		}
		pkg.workspaces = list
	}
	return pkg, nil
}

// member is one key of an ordered JSON object.
type member struct {
	key   string
	value any
}

// decodeOrdered decodes JSON keeping the order of object keys: objects
// become []member, the rest as encoding/json decodes them into any.
func decodeOrdered(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	v, err := decodeValue(dec)
	if err != nil {
		return nil
	}
	return v
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		var obj []member
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			key, _ := k.(string)
			obj = append(obj, member{key, v})
		}
		_, err := dec.Token()
		return obj, err
	case json.Delim('['):
		var arr []any
		for dec.More() {
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := dec.Token()
		return arr, err
	}
	return tok, nil
}

// sourceConditions are the export conditions accepted when looking for a
// package's source, tried in the order the package lists them. "types"
// comes in only when nothing else resolves.
var sourceConditions = map[string]bool{
	"source": true, "import": true, "require": true, "module": true, "default": true,
	"browser": true, "node": true, "development": true, "react-server": true,
}

// exportsMap is an exports or imports field, indexed once for match: a
// field may have 50,000 keys, looked up for as many imports.
type exportsMap struct {
	// field is the field as decodeOrdered returns it.
	field any
	// subpaths are the keys and values of a field that maps subpaths
	// ("./x", "#x"); nil for a single target or a conditions object.
	subpaths []member
	// exact holds the position in subpaths of each key's first
	// occurrence.
	exact map[string]int
	// patterns index the keys with a * and the folder keys ("./sub/",
	// matched as "./sub/*"), by position in subpaths.
	patterns affixIndex
}

// newExportsMap indexes field; nil when field is.
func newExportsMap(field any) *exportsMap {
	if field == nil {
		return nil
	}
	m := &exportsMap{field: field}
	obj, isObj := field.([]member)
	if !isObj || len(obj) == 0 || !strings.HasPrefix(obj[0].key, ".") && !strings.HasPrefix(obj[0].key, "#") {
		return m
	}
	m.subpaths, m.exact = obj, make(map[string]int, len(obj))
	var entries []affix
	for i, e := range obj {
		if _, dup := m.exact[e.key]; !dup {
			m.exact[e.key] = i
		}
		if prefix, suffix, ok := strings.Cut(e.key, "*"); ok {
			entries = append(entries, affix{prefix, suffix, i})
		} else if strings.HasSuffix(e.key, "/") {
			// Deprecated folder mapping: "./sub/": "./src/sub/".
			entries = append(entries, affix{e.key, "", i})
		}
	}
	m.patterns = newAffixIndex(entries)
	return m
}

// match finds the target of key ("." or "./sub", or "#name" for imports):
// the value of key itself, else of the pattern or folder key with the
// longest prefix that fits it (the first listed of those).
func (m *exportsMap) match(key string, allowTypes bool) (string, bool) {
	if m.subpaths == nil {
		// A single target or a conditions object: it stands for ".".
		if key != "." {
			return "", false
		}
		return exportTarget(m.field, "", allowTypes)
	}
	if i, ok := m.exact[key]; ok {
		return exportTarget(m.subpaths[i].value, "", allowTypes)
	}
	best, ok := m.patterns.first(key)
	if !ok {
		return "", false
	}
	e := m.subpaths[best]
	prefix, suffix, isPattern := strings.Cut(e.key, "*")
	if !isPattern {
		prefix, suffix = e.key, ""
	}
	star := key[len(prefix) : len(key)-len(suffix)]
	target, ok := exportTarget(e.value, star, allowTypes)
	if ok && !isPattern {
		target += star
	}
	return target, ok
}

// exportTarget picks a target string out of a target value: a string, an
// array (first that works) or a conditions object.
func exportTarget(v any, star string, allowTypes bool) (string, bool) {
	switch t := v.(type) {
	case string:
		return strings.ReplaceAll(t, "*", star), true
	case []any:
		for _, e := range t {
			if s, ok := exportTarget(e, star, allowTypes); ok {
				return s, true
			}
		}
	case []member:
		for _, m := range t {
			if sourceConditions[m.key] || allowTypes && m.key == "types" {
				if s, ok := exportTarget(m.value, star, allowTypes); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}

// workspace is a monorepo: its packages by name.
type workspace struct {
	root     string
	packages map[string]string // package name → directory
}

// workspaceOf returns the workspace whose root is dir or above it, or nil.
// A root is a directory with a package.json that lists workspaces, or with
// a pnpm-workspace.yaml.
func (r *Resolver) workspaceOf(dir string) *workspace {
	return r.workspaces.get(dir, func() *workspace {
		var patterns []string
		found := false
		if pkg := r.packageIn(dir); pkg != nil && pkg.workspaces != nil {
			patterns, found = pkg.workspaces, true
		}
		if p := cleanpath.Join(dir, "pnpm-workspace.yaml"); r.isFile(p) {
			data, _ := r.readProjectFile(p)
			patterns, found = append(patterns, parsePnpmWorkspace(data)...), true
		}
		if found {
			return r.loadWorkspace(dir, patterns)
		}
		parent := cleanpath.Dir(dir)
		if parent == dir {
			return nil
		}
		return r.workspaceOf(parent)
	})
}

// parsePnpmWorkspace reads the packages list of a pnpm-workspace.yaml: the
// "- pattern" lines under "packages:". Nothing else of YAML is needed.
func parsePnpmWorkspace(data []byte) []string {
	var out []string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' && line[0] != '-' {
			in = strings.HasPrefix(trimmed, "packages:")
			continue
		}
		if in && strings.HasPrefix(trimmed, "-") {
			item := strings.TrimSpace(trimmed[1:])
			out = append(out, strings.Trim(item, `"'`))
		}
	}
	return out
}

// loadWorkspace finds the packages the patterns match under root.
func (r *Resolver) loadWorkspace(root string, patterns []string) *workspace {
	ws := &workspace{root: root, packages: map[string]string{}}
	// A pattern or directory met again is taken once: a workspace file
	// that repeats one pattern made every match again, a square of its
	// size in time and memory.
	var excluded []string
	seenPattern, seenDir := map[string]bool{}, map[string]bool{}
	var dirs []string
	for _, pat := range patterns {
		if rest, ok := strings.CutPrefix(pat, "!"); ok {
			excluded = append(excluded, cleanpath.Join(root, filepath.FromSlash(strings.TrimSuffix(rest, "/"))))
			continue
		}
		pat = strings.TrimSuffix(strings.TrimPrefix(pat, "./"), "/")
		if seenPattern[pat] {
			continue
		}
		seenPattern[pat] = true
		for _, d := range r.expandWorkspacePattern(root, pat) {
			if !seenDir[d] {
				seenDir[d] = true
				dirs = append(dirs, d)
			}
		}
	}
	sort.Strings(dirs)
	exclusions := newExclusions(excluded)
	for _, d := range dirs {
		if exclusions.excludes(d) {
			continue
		}
		if pkg := r.packageIn(d); pkg != nil && pkg.name != "" {
			if _, dup := ws.packages[pkg.name]; !dup {
				ws.packages[pkg.name] = d
			}
		}
	}
	return ws
}

// exclusions are the workspace exclusions (!pattern), indexed: a
// workspace file may list 50,000 of them, each tried against every
// package directory.
type exclusions struct {
	// paths holds each exclusion, a directory named as it is.
	paths map[string]bool
	// globs are the exclusions with a metacharacter of filepath.Match,
	// indexed by the literal text before the first and after the last:
	// any directory they match starts and ends with it.
	globs     []string
	globIndex affixIndex
}

// globMeta are the bytes of filepath.Match patterns that are not always a
// byte of the name: before the first of them and after the last (a
// class ends with ]) a pattern is literal text.
const globMeta = `*?[]\`

// newExclusions indexes excluded, workspace directory patterns.
func newExclusions(excluded []string) *exclusions {
	x := &exclusions{paths: make(map[string]bool, len(excluded))}
	var entries []affix
	for _, ex := range excluded {
		if x.paths[ex] {
			continue
		}
		x.paths[ex] = true
		if first := strings.IndexAny(ex, globMeta); first >= 0 {
			last := strings.LastIndexAny(ex, globMeta)
			entries = append(entries, affix{ex[:first], ex[last+1:], len(x.globs)})
			x.globs = append(x.globs, ex)
		}
	}
	x.globIndex = newAffixIndex(entries)
	return x
}

// excludes reports whether the workspace directory d is one of the
// exclusions or matches one of them as a pattern.
func (x *exclusions) excludes(d string) bool {
	if x.paths[d] {
		return true
	}
	for run := range x.globIndex.matches(d) {
		for _, e := range run {
			if m, _ := filepath.Match(x.globs[e.id], d); m {
				return true
			}
		}
	}
	return false
}

// maxWorkspaceDepth bounds how deep a ** workspace pattern is followed.
const maxWorkspaceDepth = 4

// expandWorkspacePattern returns the directories under root a workspace
// pattern (segments may be * or **) matches.
func (r *Resolver) expandWorkspacePattern(root, pattern string) []string {
	// Packages live inside the workspace: a pattern that leaves it
	// (../../**) would walk the rest of the machine.
	if clean := filepath.Clean(cleanpath.Join(root, filepath.FromSlash(pattern))); !within(clean, root) {
		return nil
	}
	segs := strings.Split(pattern, "/")
	var out []string
	var walk func(dir string, segs []string, depth int)
	walk = func(dir string, segs []string, depth int) {
		if len(segs) == 0 {
			out = append(out, dir)
			return
		}
		seg := segs[0]
		if seg == "**" {
			walk(dir, segs[1:], depth)
			if depth >= maxWorkspaceDepth {
				return
			}
			r.list(dir).each(func(name string, isDir bool) {
				if isDir && name != "node_modules" && !strings.HasPrefix(name, ".") {
					walk(cleanpath.Join(dir, name), segs, depth+1)
				}
			})
			return
		}
		if !strings.ContainsAny(seg, "*?[") {
			if r.isDir(cleanpath.Join(dir, seg)) {
				walk(cleanpath.Join(dir, seg), segs[1:], depth)
			}
			return
		}
		r.list(dir).each(func(name string, isDir bool) {
			if ok, _ := filepath.Match(seg, name); ok && isDir && name != "node_modules" {
				walk(cleanpath.Join(dir, name), segs[1:], depth)
			}
		})
	}
	walk(root, segs, 0)
	return out
}

// isNextRoot reports whether dir is the root of a Next.js project: it
// holds a next.config file, or a package.json that depends on next.
func (r *Resolver) isNextRoot(dir string) bool {
	return r.nextRoots.get(dir, func() bool {
		l := r.list(dir)
		for _, ext := range nextConfigExts {
			if isDir, ok := l.lookup("next.config" + ext); ok && !isDir {
				return true
			}
		}
		pkg := r.packageIn(dir)
		return pkg != nil && pkg.next
	})
}
