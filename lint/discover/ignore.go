package discover

import (
	"slices"
	"strings"
)

// ignoreRule is one .gitignore pattern, read as git reads it (gitignore(5)):
// a pattern without a slash (a trailing one aside) matches an entry's name
// at any depth below the .gitignore's directory (its ignoreFile's domain);
// one with a slash matches the entry's path below that directory, a
// leading slash only anchoring it.
// A rule never looks at the directories above the entry: the walk does not
// enter an excluded directory, so nothing in it can be re-included, as in
// git.
type ignoreRule struct {
	// glob is the pattern without its '!', its trailing '/' and, for a path
	// pattern, one leading '/'.
	glob string
	// literal is the length of glob's leading part without a wildcard or a
	// backslash.
	literal int
	include bool // a negated pattern (!x) re-includes what it matches
	dirOnly bool // a pattern ending in '/' matches directories only
	path    bool // the pattern holds a '/' other than a trailing one
	// suffix is true for a name pattern that is '*' and a literal (*.log):
	// it matches a name ending with the literal.
	suffix bool
}

// parseIgnoreRule parses one line of a .gitignore file, trailing spaces
// already trimmed (see ignoreLines).
func parseIgnoreRule(line string) ignoreRule {
	var r ignoreRule
	if rest, ok := strings.CutPrefix(line, "!"); ok {
		r.include, line = true, rest
	}
	if rest, ok := strings.CutSuffix(line, "/"); ok {
		r.dirOnly, line = true, rest
	}
	if strings.Contains(line, "/") {
		r.path, line = true, strings.TrimPrefix(line, "/")
	}
	r.glob, r.literal = line, len(line)
	if i := strings.IndexAny(line, "*?[\\"); i >= 0 {
		r.literal = i
	}
	r.suffix = !r.path && strings.HasPrefix(line, "*") && !strings.ContainsAny(line[1:], "*?[\\")
	return r
}

// ignoreLines splits the text of a .gitignore file into its patterns as git
// does: lines end at '\n' (a '\r' before it is dropped), a line starting
// with '#' is a comment, trailing spaces go unless a backslash escapes
// them, and a line ends at a NUL byte.
func ignoreLines(text string) []string {
	text = strings.TrimPrefix(text, "\uFEFF")
	var lines []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if i := strings.IndexByte(line, 0); i >= 0 {
			line = line[:i]
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if line = trimTrailingSpaces(line); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// trimTrailingSpaces drops the spaces at the end of line that no backslash
// escapes.
func trimTrailingSpaces(line string) string {
	end := len(line) // where the trailing run of spaces starts
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			if end == len(line) {
				end = i
			}
			continue
		case '\\':
			i++
		}
		end = len(line)
	}
	return line[:end]
}

// matches reports whether the rule matches an entry named name whose path
// below the rule's directory is rel.
func (r *ignoreRule) matches(rel, name string, isDir bool) bool {
	switch {
	case r.dirOnly && !isDir:
		return false
	case r.path:
		return strings.HasPrefix(rel, r.glob[:r.literal]) && wildmatch(r.glob, rel, true)
	case r.literal == len(r.glob):
		return name == r.glob
	case r.suffix:
		return strings.HasSuffix(name, r.glob[1:])
	}
	return wildmatch(r.glob, name, false)
}

// ignoreFile is the rules of one ignore file, filed so that an entry meets
// only the rules that may match it (see ruleIndexes): a directory holding
// many entries, below a file of many rules, took their product.
type ignoreFile struct {
	domain []string // the file's directory, from the root of the patterns
	// rules are the file's rules in its order, less those that match
	// nothing and those a later rule of the same pattern hides.
	rules []ignoreRule
	// The indexes: the first (0) holds the name rules and the path rules
	// without a literal start, which may match in any directory.
	ruleIndexes
	// byLit holds the other path rules by their literal start: they may
	// match in a directory whose path below domain (with its trailing
	// '/') starts with it. litLens are the lengths of its keys, ascending.
	byLit   map[string]int32
	litLens []int
	// byDir holds again those whose literal start goes on past its last
	// '/', by the part up to and with it: they may match, in the
	// directory of that path, an entry whose name starts with the rest.
	byDir map[string]int32
}

// newIgnoreFile parses the lines of an ignore file (see ignoreLines) found
// in the directory whose path from the root of the patterns is domain,
// and files its rules.
func newIgnoreFile(lines []string, domain []string) *ignoreFile {
	// Of two rules of one pattern, only the later can be the last that
	// matches.
	type pattern struct {
		glob          string
		dirOnly, path bool
	}
	rules := make([]ignoreRule, len(lines))
	last := make(map[pattern]int, len(lines))
	for i, line := range lines {
		r := parseIgnoreRule(line)
		rules[i] = r
		last[pattern{r.glob, r.dirOnly, r.path}] = i
	}
	f := &ignoreFile{domain: domain, rules: rules[:0], byLit: map[string]int32{}, byDir: map[string]int32{}}
	f.sizeHint = len(lines)
	f.newIndex()
	for i, r := range rules { // f.rules grows behind i
		keys, ok := lastSegmentKeys(r.glob)
		if ok && last[pattern{r.glob, r.dirOnly, r.path}] == i {
			f.rules = append(f.rules, r)
			f.file(int32(len(f.rules)-1), keys)
		}
	}
	f.done()
	for lit := range f.byLit {
		f.litLens = append(f.litLens, len(lit))
	}
	slices.Sort(f.litLens)
	f.litLens = slices.Compact(f.litLens)
	return f
}

// file files rule id, whose last segment has keys.
func (f *ignoreFile) file(id int32, keys nameKeys) {
	r := &f.rules[id]
	kind, key := keys.pick()
	lit := r.glob[:r.literal]
	if !r.path || lit == "" {
		f.add(0, id, kind, key)
		return
	}
	f.add(f.indexIn(f.byLit, lit), id, kind, key)
	dir := lit[:strings.LastIndexByte(lit, '/')+1]
	if rest := lit[len(dir):]; rest != "" {
		// The name starts with rest, and with keys.prefix: one of them
		// starts with the other, or the rule matches nothing.
		if !keys.exact && len(rest) > len(keys.prefix) {
			keys.prefix = rest
		}
		kind, key = keys.pick()
		f.add(f.indexIn(f.byDir, dir), id, kind, key)
	}
}

// indexIn returns the index m holds under key, made if need be.
func (f *ignoreFile) indexIn(m map[string]int32, key string) int32 {
	ix, ok := m[key]
	if !ok {
		ix = f.newIndex()
		m[key] = ix
	}
	return ix
}

// dirIgnore is the ignore files in force in one directory, prepared for
// its entries.
type dirIgnore struct {
	// path is the directory's path from the root of the patterns, with a
	// trailing '/', or "" at the root.
	path  string
	files []dirFile // in the order of the files: the last with a rule that matches decides
}

// dirFile is one ignore file in force in a directory.
type dirFile struct {
	file *ignoreFile
	off  int // where the directory's path below the file's starts in path
	// indexes are the file's indexes whose rules may match in the
	// directory.
	indexes []int32
}

// prepareIgnore prepares files, in their order, for the entries of the
// directory whose components (from the patterns' root) are dir.
func prepareIgnore(files []*ignoreFile, dir []string) *dirIgnore {
	d := &dirIgnore{}
	if len(files) == 0 {
		return d
	}
	offs := make([]int, len(dir)+1) // where dir[i:] starts in d.path
	if len(dir) > 0 {
		d.path = strings.Join(dir, "/") + "/"
		for i, c := range dir {
			offs[i+1] = offs[i] + len(c) + 1
		}
	}
	var indexes []int32 // one array for every file's indexes
	for _, f := range files {
		if !under(dir, f.domain) {
			continue
		}
		off := offs[len(f.domain)]
		pre, start := d.path[off:], len(indexes)
		indexes = append(indexes, 0)
		for _, l := range f.litLens {
			if l > len(pre) {
				break
			}
			if ix, ok := f.byLit[pre[:l]]; ok {
				indexes = append(indexes, ix)
			}
		}
		if ix, ok := f.byDir[pre]; ok {
			indexes = append(indexes, ix)
		}
		d.files = append(d.files, dirFile{file: f, off: off, indexes: indexes[start:len(indexes):len(indexes)]})
	}
	return d
}

// under reports whether dir is domain or below it.
func under(dir, domain []string) bool {
	if len(dir) < len(domain) {
		return false
	}
	for i, e := range domain {
		if dir[i] != e {
			return false
		}
	}
	return true
}

// ignored reports whether the last rule that matches the entry name
// excludes it: the last rule of the last file that has one.
func (d *dirIgnore) ignored(name string, isDir bool) bool {
	e := entry{name: name, isDir: isDir, dir: d.path}
	for i := len(d.files) - 1; i >= 0; i-- {
		df := &d.files[i]
		e.rules, e.off = df.file.rules, df.off
		last := int32(-1)
		for _, ix := range df.indexes {
			last = df.file.last(ix, &e, last)
		}
		if last >= 0 {
			return !df.file.rules[last].include
		}
	}
	return false
}

// entry is a directory entry being matched against the rules of one file.
type entry struct {
	name  string
	isDir bool
	dir   string // the directory's path (dirIgnore.path)
	path  string // dir+name, once a path rule needed it
	rules []ignoreRule
	off   int // where the directory's path below the rules' starts in dir
}

// matches reports whether rule id matches the entry.
func (e *entry) matches(id int32) bool {
	r := &e.rules[id]
	rel := e.name
	if r.path {
		if e.path == "" {
			e.path = e.dir + e.name
		}
		rel = e.path[e.off:]
	}
	return r.matches(rel, e.name, e.isDir)
}
