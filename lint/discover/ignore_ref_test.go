package discover

import "strings"

// refIgnore is the straightforward matcher the indexed one replaced, kept
// as the reference it is checked against: every rule in force is tried
// against each entry, the last one that matches deciding.
type refIgnore struct {
	rules  []*refRule
	prefix []string // by rule: the directory's path below the rule's directory, with '/', or ""
}

// refRule is a rule with the directory of its file, from the patterns'
// root.
type refRule struct {
	ignoreRule
	domain []string
}

// refRules parses the lines of ignore files, in the order of the files,
// each found in the directory whose path from the patterns' root is its
// domain.
func refRules(files [][]string, domains [][]string) []refRule {
	var rules []refRule
	for i, lines := range files {
		for _, line := range lines {
			rules = append(rules, refRule{parseIgnoreRule(line), domains[i]})
		}
	}
	return rules
}

// refPrepare is the old prepareIgnore: the rules that may match an entry
// of dir, with dir's path below each rule's directory.
func refPrepare(rules []refRule, dir []string) *refIgnore {
	d := &refIgnore{rules: make([]*refRule, 0, len(rules)), prefix: make([]string, 0, len(rules))}
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

// ignored reports whether the last rule that matches the entry excludes
// it.
func (d *refIgnore) ignored(name string, isDir bool) bool {
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
