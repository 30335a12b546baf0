package discover

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreRule is one .gitignore pattern. go-git's gitignore package decides
// what a pattern means; the commonest shapes (a plain name such as
// node_modules/, and a name with one '*' such as *.log, .env*.local or
// npm-debug.log*, either written after **/ or after a leading / as in
// /.next/) take a fast path that gives the same answer as go-git's
// Pattern.Match without calling filepath.Match.
type ignoreRule struct {
	pattern gitignore.Pattern
	kind    ignoreKind
	domain  []string
	text    string // the plain name, or what stands before the '*'
	suffix  string // what stands after the '*'
	dirOnly bool
	include bool // a negated pattern (!x) re-includes what it matches
	// anchored is true for a name written after a leading slash (/build):
	// it matches only the first component below the .gitignore's directory.
	anchored bool
}

type ignoreKind uint8

const (
	ignoreGeneral ignoreKind = iota // decided by go-git
	ignoreName                      // a plain name: matches a path component equal to it
	ignoreStar                      // a name with one '*': matches a component with that prefix and suffix
)

// parseIgnoreRule parses one line of a .gitignore file found in the
// directory whose path from the repository root is domain.
func parseIgnoreRule(line string, domain []string) ignoreRule {
	r := ignoreRule{pattern: gitignore.ParsePattern(line, domain), domain: append([]string(nil), domain...)}
	// Mirror gitignore.ParsePattern to classify the pattern.
	p := line
	if strings.HasPrefix(p, "!") {
		r.include = true
		p = p[1:]
	}
	if !strings.HasSuffix(p, "\\ ") {
		p = strings.TrimRight(p, " ")
	}
	if strings.HasSuffix(p, "/") {
		r.dirOnly = true
		p = p[:len(p)-1]
	}
	// A leading **/ matches in all directories, as a pattern without a
	// slash does: **/node_modules is node_modules.
	if rest, ok := strings.CutPrefix(p, "**/"); ok && !strings.Contains(rest, "/") {
		p = rest
	} else if rest, ok := strings.CutPrefix(p, "/"); ok && rest != "" && !strings.Contains(rest, "/") {
		p, r.anchored = rest, true
	}
	switch {
	case p == "" || strings.Contains(p, "/"):
	case !strings.ContainsAny(p, "*?[\\"):
		r.kind, r.text = ignoreName, p
	case strings.Count(p, "*") == 1 && !strings.ContainsAny(p, "?[\\"):
		star := strings.IndexByte(p, '*')
		r.kind, r.text, r.suffix = ignoreStar, p[:star], p[star+1:]
	}
	return r
}

// match reports whether the rule matches path (components from the
// repository root) and, if so, whether it excludes it.
func (r *ignoreRule) match(path []string, isDir bool) (matched, exclude bool) {
	if r.kind == ignoreGeneral {
		switch r.pattern.Match(path, isDir) {
		case gitignore.Exclude:
			return true, true
		case gitignore.Include:
			return true, false
		}
		return false, false
	}
	if len(path) <= len(r.domain) {
		return false, false
	}
	for i, e := range r.domain {
		if path[i] != e {
			return false, false
		}
	}
	rest := path[len(r.domain):]
	if r.anchored {
		if !r.nameMatch(rest[0]) || r.dirOnly && !isDir && len(rest) == 1 {
			return false, false
		}
		return true, !r.include
	}
	for i, name := range rest {
		if !r.nameMatch(name) {
			continue
		}
		if r.dirOnly && !isDir && i == len(rest)-1 {
			return false, false
		}
		return true, !r.include
	}
	return false, false
}

// ignoredBy reports whether the last rule that matches path excludes it.
// The walk asks dirIgnore.ignored, prepared once a directory; this is the
// plain form its tests check it against.
func ignoredBy(rules []ignoreRule, path []string, isDir bool) bool {
	for i := len(rules) - 1; i >= 0; i-- {
		if matched, exclude := rules[i].match(path, isDir); matched {
			return exclude
		}
	}
	return false
}

// nameMatch reports whether one path component matches the rule, of kind
// ignoreName or ignoreStar.
func (r *ignoreRule) nameMatch(name string) bool {
	if r.kind == ignoreName {
		return name == r.text
	}
	return r.starMatch(name)
}

// starMatch reports whether name matches text*suffix, as filepath.Match
// does for a pattern with one '*' (a name holds no '/').
func (r *ignoreRule) starMatch(name string) bool {
	return len(name) >= len(r.text)+len(r.suffix) && strings.HasPrefix(name, r.text) && strings.HasSuffix(name, r.suffix)
}

// dirIgnore is the rules in force in one directory, prepared for its
// entries: a fast-kind rule whose answer the directory's own path decides
// (a name that matches one of its components, an anchored name below its
// first level) is decided once for the directory instead of once an entry.
// ignored gives the same answers as ignoredBy.
type dirIgnore struct {
	rules   []ignoreRule
	decided []int8   // per rule: 1 matches every entry, -1 none, 0 it depends on the entry
	path    []string // the directory's components and one for the entry
}

// prepareIgnore prepares rules for the entries of the directory whose
// components (from the patterns' root) are dir.
func prepareIgnore(rules []ignoreRule, dir []string) *dirIgnore {
	d := &dirIgnore{rules: rules, decided: make([]int8, len(rules)), path: append(dir[:len(dir):len(dir)], "")}
	for i := range rules {
		d.decided[i] = decideForDir(&rules[i], dir)
	}
	return d
}

// decideForDir returns 1 when r matches every entry of the directory dir,
// -1 when it matches none, 0 when it depends on the entry (see
// ignoreRule.match: an entry's path is dir and its name).
func decideForDir(r *ignoreRule, dir []string) int8 {
	if len(dir) < len(r.domain) {
		return -1 // the entry's path is no longer than the domain
	}
	for i, e := range r.domain {
		if dir[i] != e {
			return -1
		}
	}
	if r.kind == ignoreGeneral {
		return 0
	}
	above := dir[len(r.domain):] // the components between the domain and the entry
	if r.anchored {
		switch {
		case len(above) == 0:
			return 0
		case r.nameMatch(above[0]):
			return 1
		}
		return -1
	}
	for _, name := range above {
		if r.nameMatch(name) {
			return 1
		}
	}
	return 0
}

// child returns what the rules say of the entries of the subdirectory
// name: what they say of this directory's entries, where that does not
// depend on the entry, and else what name (one more component above the
// entries) decides.
func (d *dirIgnore) child(name string) []int8 {
	out := make([]int8, len(d.rules))
	for i := range d.rules {
		r := &d.rules[i]
		out[i] = d.decided[i]
		switch {
		case out[i] != 0 || r.kind == ignoreGeneral:
		case r.nameMatch(name):
			out[i] = 1
		case r.anchored:
			out[i] = -1 // name is the first component below the domain
		}
	}
	return out
}

// ignored reports whether the last rule that matches the entry name
// excludes it.
func (d *dirIgnore) ignored(name string, isDir bool) bool {
	for i := len(d.rules) - 1; i >= 0; i-- {
		r := &d.rules[i]
		switch d.decided[i] {
		case 1:
			return !r.include
		case -1:
			continue
		}
		if r.kind == ignoreGeneral {
			d.path[len(d.path)-1] = name
			if matched, exclude := r.match(d.path, isDir); matched {
				return exclude
			}
			continue
		}
		// Only the entry's own name is left to match.
		if r.nameMatch(name) && (!r.dirOnly || isDir) {
			return !r.include
		}
	}
	return false
}
