package discover

import (
	"strings"
)

// ignoreRule is one .gitignore pattern, read as git reads it (gitignore(5)):
// a pattern without a slash (a trailing one aside) matches an entry's name
// at any depth below the .gitignore's directory; one with a slash matches
// the entry's path below that directory, a leading slash only anchoring it.
// A rule never looks at the directories above the entry: the walk does not
// enter an excluded directory, so nothing in it can be re-included, as in
// git.
type ignoreRule struct {
	// glob is the pattern without its '!', its trailing '/' and, for a path
	// pattern, one leading '/'.
	glob   string
	domain []string // the .gitignore's directory, from the root of the patterns
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
// already trimmed (see ignoreLines), found in the directory whose path from
// the root of the patterns is domain.
func parseIgnoreRule(line string, domain []string) ignoreRule {
	r := ignoreRule{domain: domain}
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

// dirIgnore is the rules in force in one directory, prepared for its
// entries: only the rules that may match one of them, with the
// directory's path below each rule's own directory.
type dirIgnore struct {
	rules []*ignoreRule
	// prefix is, per rule, the directory's path below the rule's
	// directory with a trailing '/', or "" (for a name rule, or the rule's
	// own directory).
	prefix []string
}

// prepareIgnore prepares rules, in the order of their files, for the
// entries of the directory whose components (from the patterns' root) are
// dir.
func prepareIgnore(rules []ignoreRule, dir []string) *dirIgnore {
	// One allocation each for the rules and their prefixes: growing them
	// rule by rule allocated 12% of the bytes of a run on 41,660 files.
	d := &dirIgnore{rules: make([]*ignoreRule, 0, len(rules)), prefix: make([]string, 0, len(rules))}
	prefixes := make([]string, len(dir)+1) // by the length of a rule's domain
	computed := make([]bool, len(dir)+1)
	for i := range rules {
		r := &rules[i]
		if !under(dir, r.domain) {
			continue
		}
		prefix := ""
		if r.path {
			n := len(r.domain)
			if !computed[n] {
				if n < len(dir) {
					prefixes[n] = strings.Join(dir[n:], "/") + "/"
				}
				computed[n] = true
			}
			prefix = prefixes[n]
			// The pattern's literal start must agree with the directory's.
			lit := r.glob[:r.literal]
			if len(lit) <= len(prefix) && !strings.HasPrefix(prefix, lit) || len(lit) > len(prefix) && !strings.HasPrefix(lit, prefix) {
				continue
			}
		}
		d.rules = append(d.rules, r)
		d.prefix = append(d.prefix, prefix)
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
// excludes it.
func (d *dirIgnore) ignored(name string, isDir bool) bool {
	for i := len(d.rules) - 1; i >= 0; i-- {
		r := d.rules[i]
		rel := name
		if r.path && d.prefix[i] != "" {
			rel = d.prefix[i] + name
		}
		if r.matches(rel, name, isDir) {
			return !r.include
		}
	}
	return false
}
