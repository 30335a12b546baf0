package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/directivelint/directivelint/lint/js"
)

// The pseudo-rules under which problems with suppression comments are
// reported. They are not in any rule set and cannot be configured or
// suppressed themselves.
const (
	// RuleInvalidSuppression reports a suppression comment that names an
	// unknown rule, names no rule, or misspells the comment's keyword.
	RuleInvalidSuppression = "invalid-suppression"
	// RuleUnusedSuppression reports, with --report-unused-disable, a rule
	// named in a suppression comment that suppressed nothing.
	RuleUnusedSuppression = "unused-suppression"
)

// SuppressionRules describe the pseudo-rules of suppression comments, for
// documentation and for reports that list rule metadata (SARIF). They have
// no Run function: the runner reports them itself.
var SuppressionRules = []*Rule{
	{
		ID:      RuleInvalidSuppression,
		Default: SeverityError,
		Doc: RuleDoc{
			Summary: "A suppression comment must name known rules",
			What: "Reports a `directivelint-disable-next-line`, `directivelint-disable-line`, " +
				"`directivelint-disable` or `directivelint-enable` comment that names a rule that does " +
				"not exist, names no rule at all, or misspells its keyword (such as " +
				"`directivelint-disable-nextline`), and an ESLint comment naming `directivelint/RULE` " +
				"where RULE does not exist. ESLint and Biome comments that name no rule of ours are " +
				"not ours, and never reported.",
			Why: "Such a comment suppresses nothing, so the problem it was meant to silence is " +
				"still reported, or worse, a typo hides that the comment is dead.",
			Example: "// directivelint-disable-next-line directive-typos -- generated code\n'use sever';",
			Instead: "// directivelint-disable-next-line directive-typo -- generated code\n'use sever';",
		},
	},
	{
		ID:      RuleUnusedSuppression,
		Default: SeverityWarn,
		Doc: RuleDoc{
			Summary: "A suppression comment that suppresses nothing (with --report-unused-disable)",
			What: "With `--report-unused-disable`, reports each rule named in a suppression comment " +
				"for which no problem was suppressed: our own comments, and ESLint and Biome comments " +
				"that name one of our rules (`directivelint/RULE`) or a peer's name for it (not bare " +
				"ones, nor names of other rules). Also a `directivelint-enable` or `eslint-enable` rule " +
				"that ends no range. Rules that are off for the file are not reported.",
			Why: "A suppression outlives the code it was written for; left in place it would " +
				"hide the next real problem on that line.",
			Example: "// directivelint-disable-next-line directive-typo\n'use server';",
			Instead: "'use server';",
		},
	},
}

// The keywords of suppression comments, longest first.
var suppressionKeywords = []string{
	"directivelint-disable-next-line",
	"directivelint-disable-line",
	"directivelint-disable",
	"directivelint-enable",
}

// The keywords of ESLint's and Biome's suppression comments that may name
// our rules (see Rule.Aliases).
var (
	eslintKeywords = []string{"eslint-disable-next-line", "eslint-disable-line", "eslint-disable", "eslint-enable"}
	biomeKeywords  = []string{"biome-ignore", "biome-ignore-all", "biome-ignore-start", "biome-ignore-end"}
)

// suppressionKind is what a suppression comment covers.
type suppressionKind uint8

const (
	suppressNextLine suppressionKind = iota
	suppressLine
	// suppressFile covers the whole file; a directivelint-disable followed
	// by a directivelint-enable covers the text between them.
	suppressFile
	// suppressFrom covers the text from the comment on, up to its enable
	// comment or the end of the file (eslint-disable, biome-ignore-start).
	suppressFrom
	// suppressEnable ends the ranges of the rules it names.
	suppressEnable
)

// suppressedRule is one rule named in a suppression comment: one of our
// IDs, directivelint/ID in an ESLint comment, or a peer linter's name for
// one or more of our rules.
type suppressedRule struct {
	name string   // as written
	ids  []string // the rules it stands for
	pos  js.Position
	end  js.Position
	// excerpt is the code frame of an unused-suppression report.
	excerpt js.Excerpt
	// until is where its range ends (the start of its enable comment), for
	// suppressFile and suppressFrom; zero when nothing ends it.
	until js.Position
	// ranged is set on a directivelint-disable's rule when the file also
	// holds a directivelint-enable of it: the comment then starts a range
	// rather than covering the whole file.
	ranged bool
	// ends is set on an enable comment's rule that ends a range: it is
	// used, whatever is reported.
	ends bool
	used bool // it suppressed a problem
}

// names reports whether r stands for the rule id.
func (r *suppressedRule) names(id string) bool {
	return slices.Contains(r.ids, id)
}

// suppression is one valid suppression comment.
type suppression struct {
	kind    suppressionKind
	keyword string
	family  string      // "directivelint", "eslint" or "biome": an enable ends its own family's ranges
	at      js.Position // where the comment starts
	line    int         // the line a next-line or line comment covers
	rules   []*suppressedRule
	// all is set for a bare eslint-disable-next-line or eslint-disable-line
	// (every rule on the line), and a bare eslint-enable (ends every range).
	all bool
}

// covers reports whether the suppression covers a problem at p, for the
// rule r (nil for a bare comment).
func (sup *suppression) covers(p js.Position, r *suppressedRule) bool {
	switch sup.kind {
	case suppressNextLine, suppressLine:
		return sup.line == p.Line
	case suppressFile:
		if r == nil || !r.ranged {
			return true
		}
		return !before(p, sup.at) && (r.until == (js.Position{}) || before(p, r.until))
	case suppressFrom:
		return !before(p, sup.at) && (r.until == (js.Position{}) || before(p, r.until))
	}
	return false
}

// suppressions are the suppression comments of one file.
type suppressions struct {
	path string
	list []*suppression
	// problems are the invalid comments, as diagnostics.
	problems []Diagnostic
	// enabled lists the rules that ran on the file, for unused reports.
	enabled map[string]bool
	// unread is set when the file holds more than maxFileSuppressions
	// comments of ours: those after are not read.
	unread bool
}

// suppressionNames are what suppression comments may name: the IDs of the
// rules that exist, and the names peer linters give the same checks.
type suppressionNames struct {
	ids       []string
	peers     map[string][]string // an ESLint or Biome rule name → our rule IDs
	peerBytes [][]byte            // the keys of peers, for the byte search
}

// newSuppressionNames collects the names of rules.
func newSuppressionNames(rules []*Rule) *suppressionNames {
	n := &suppressionNames{ids: make([]string, len(rules)), peers: map[string][]string{}}
	for i, r := range rules {
		n.ids[i] = r.ID
		for _, a := range r.Aliases {
			if n.peers[a] == nil {
				n.peerBytes = append(n.peerBytes, []byte(a))
			}
			n.peers[a] = append(n.peers[a], r.ID)
		}
	}
	return n
}

// maxFileSuppressions bounds the suppression comments of ours read in one
// file (comments kept and comments found invalid): each problem of the
// file is compared with each comment, and an enable comment with the
// comments before it, which a crafted file of nothing but comments would
// make a square of its size. A file that has more is told so in a notice.
const maxFileSuppressions = 1000

// parseSuppressions finds the suppression comments of f, up to
// maxFileSuppressions of them. It returns nil when the file has none.
func parseSuppressions(f *js.File, names *suppressionNames) *suppressions {
	s := &suppressions{path: f.Path}
	for _, c := range comments(f) {
		if len(s.list)+len(s.problems) < maxFileSuppressions {
			s.parseComment(f, c, names)
			continue
		}
		// One more of ours is where reading stops.
		probe := &suppressions{path: f.Path}
		if probe.parseComment(f, c, names); len(probe.list)+len(probe.problems) > 0 {
			s.unread = true
			break
		}
	}
	s.pairRanges()
	if len(s.list) == 0 && len(s.problems) == 0 {
		return nil
	}
	return s
}

// comments returns the spans of the comments of f: the text between the
// scanner's significant tokens that starts with // or /*. Strings,
// templates and regular expressions are tokens, so a // inside them is
// never taken for a comment.
func comments(f *js.File) []js.Span {
	src := f.Source
	var out []js.Span
	gap := func(start, end int) {
		for i := start; i < end-1; i++ {
			if src[i] != '/' {
				continue
			}
			switch src[i+1] {
			case '/':
				j := i + 2
				for j < end && src[j] != '\n' && src[j] != '\r' && !isLineSeparatorAt(src, j) {
					j++
				}
				out = append(out, js.Span{Start: i, End: j})
				i = j
			case '*':
				j := bytes.Index(src[i+2:end], []byte("*/"))
				if j < 0 {
					out = append(out, js.Span{Start: i, End: end})
					return
				}
				out = append(out, js.Span{Start: i, End: i + 2 + j + 2})
				i = i + 2 + j + 1
			}
		}
	}
	prev := 0
	for _, t := range f.Tokens(js.Span{Start: 0, End: len(src)}) {
		if t.Span.Start > prev {
			gap(prev, t.Span.Start)
		}
		prev = max(prev, t.Span.End)
	}
	gap(prev, len(src))
	return out
}

// isLineSeparatorAt reports whether U+2028 or U+2029 starts at src[i].
func isLineSeparatorAt(src []byte, i int) bool {
	return i+2 < len(src) && src[i] == 0xE2 && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9)
}

// commentText is the text of one comment after its // or /* and leading
// blanks and stars: the keyword first.
type commentText struct {
	text   string
	offset int  // where text starts in the file
	block  bool // a /* */ comment
}

// parseComment reads one comment; comments that are not suppressions are
// ignored.
func (s *suppressions) parseComment(f *js.File, c js.Span, names *suppressionNames) {
	start, end := c.Start+2, c.End
	block := f.Source[c.Start+1] == '*'
	if block && end-2 >= start && bytes.HasSuffix(f.Source[start:end], []byte("*/")) {
		end -= 2
	}
	body := string(f.Source[start:end])
	trimmed := strings.TrimLeft(body, " \t*")
	ct := commentText{text: trimmed, offset: start + len(body) - len(trimmed), block: block}
	switch {
	case strings.HasPrefix(trimmed, "directivelint-"):
		s.parseOwn(f, c, ct, names)
	case strings.HasPrefix(trimmed, "eslint-"):
		s.parseESLint(f, c, ct, names)
	case strings.HasPrefix(trimmed, "biome-ignore"):
		s.parseBiome(f, c, ct, names)
	}
}

// keywordOf returns the first word of ct and its index among keywords, or
// -1.
func keywordOf(ct commentText, keywords []string) (string, int) {
	word := ct.text
	if i := strings.IndexAny(word, " \t\r\n:"); i >= 0 {
		word = word[:i]
	}
	return word, slices.Index(keywords, word)
}

// newSuppression starts a suppression of the given kind for the comment c.
func newSuppression(f *js.File, c js.Span, kind suppressionKind, family, keyword string) *suppression {
	sup := &suppression{kind: kind, keyword: keyword, family: family, at: f.Position(c.Start)}
	switch kind {
	case suppressNextLine:
		sup.line = f.Position(c.End).Line + 1
	case suppressLine:
		sup.line = sup.at.Line
	}
	return sup
}

// names calls fn with each name of the list that follows the keyword in
// ct, up to stop (the start of the reason), and its span in the file.
func eachName(ct commentText, word, stop string, fn func(name string, span js.Span)) {
	list := ct.text[len(word):]
	if i := strings.Index(list, stop); i >= 0 {
		list = list[:i] // the reason
	}
	listStart := ct.offset + len(word)
	for i := 0; i < len(list); {
		if strings.IndexByte(" \t\r\n,*", list[i]) >= 0 {
			i++
			continue
		}
		j := i
		for j < len(list) && strings.IndexByte(" \t\r\n,*", list[j]) < 0 {
			j++
		}
		fn(list[i:j], js.Span{Start: listStart + i, End: listStart + j})
		i = j
	}
}

// addRule adds a rule named at span to sup.
func (s *suppressions) addRule(f *js.File, sup *suppression, name string, ids []string, span js.Span) {
	pos := f.Position(span.Start)
	sup.rules = append(sup.rules, &suppressedRule{name: name, ids: ids, pos: pos, end: f.Position(span.End), excerpt: f.Excerpt(span.Start)})
}

// parseOwn reads a directivelint- comment.
func (s *suppressions) parseOwn(f *js.File, c js.Span, ct commentText, names *suppressionNames) {
	word, kind := keywordOf(ct, suppressionKeywords)
	if kind < 0 {
		best, bestDist := suppressionKeywords[0], -1
		for _, kw := range suppressionKeywords {
			if d := js.EditDistance(word, kw); bestDist < 0 || d < bestDist {
				best, bestDist = kw, d
			}
		}
		s.problem(f, js.Span{Start: ct.offset, End: ct.offset + len(word)}, fmt.Sprintf(
			"unknown suppression comment %q; did you mean %q?", word, best))
		return
	}
	kinds := []suppressionKind{suppressNextLine, suppressLine, suppressFile, suppressEnable}
	sup := newSuppression(f, c, kinds[kind], "directivelint", word)
	eachName(ct, word, "--", func(id string, span js.Span) {
		if !slices.Contains(names.ids, id) {
			s.problem(f, span, fmt.Sprintf("unknown rule %q in a %s comment%s", id, word, DidYouMean(id, names.ids)))
			return
		}
		s.addRule(f, sup, id, []string{id}, span)
	})
	if len(sup.rules) == 0 {
		if !s.hasProblemIn(f, c) {
			s.problem(f, js.Span{Start: ct.offset, End: ct.offset + len(word)}, fmt.Sprintf(
				"%s comment names no rule: write the IDs of the rules to suppress, e.g. // %s directive-typo -- reason", word, word))
		}
		return
	}
	s.list = append(s.list, sup)
}

// parseESLint reads an eslint- comment. It is ours when it names one of
// our rules as directivelint/ID or by a peer's name (Rule.Aliases), or,
// for eslint-disable-next-line and eslint-disable-line, no rule at all (as
// in ESLint, every rule). A comment naming only other rules is left
// alone. As in ESLint, eslint-disable and eslint-enable count only in a
// block comment.
func (s *suppressions) parseESLint(f *js.File, c js.Span, ct commentText, names *suppressionNames) {
	word, kind := keywordOf(ct, eslintKeywords)
	if kind < 0 || kind >= 2 && !ct.block {
		return
	}
	kinds := []suppressionKind{suppressNextLine, suppressLine, suppressFrom, suppressEnable}
	sup := newSuppression(f, c, kinds[kind], "eslint", word)
	named := false
	eachName(ct, word, "--", func(name string, span js.Span) {
		named = true
		if id, ok := strings.CutPrefix(name, "directivelint/"); ok {
			if !slices.Contains(names.ids, id) {
				s.problem(f, span, fmt.Sprintf("unknown rule %q in an %s comment%s", id, word, DidYouMean(id, names.ids)))
				return
			}
			s.addRule(f, sup, name, []string{id}, span)
		} else if ids := names.peers[name]; ids != nil {
			s.addRule(f, sup, name, ids, span)
		}
	})
	if !named && sup.kind != suppressFrom {
		sup.all = true // a bare eslint-disable-next-line, -line or eslint-enable
	}
	if sup.all || len(sup.rules) > 0 {
		s.list = append(s.list, sup)
	}
}

// parseBiome reads a biome-ignore comment: it is ours when it names a
// Biome rule that is a peer of ours (lint/GROUP/NAME; Rule.Aliases holds
// NAME). biome-ignore covers the next line, biome-ignore-all the file, and
// biome-ignore-start a range up to its biome-ignore-end.
func (s *suppressions) parseBiome(f *js.File, c js.Span, ct commentText, names *suppressionNames) {
	word, kind := keywordOf(ct, biomeKeywords)
	if kind < 0 {
		return
	}
	kinds := []suppressionKind{suppressNextLine, suppressFile, suppressFrom, suppressEnable}
	sup := newSuppression(f, c, kinds[kind], "biome", word)
	eachName(ct, word, ":", func(name string, span js.Span) {
		category := name
		if i := strings.IndexByte(category, '('); i >= 0 {
			category = category[:i] // lint/a/b(value)
		}
		if !strings.HasPrefix(category, "lint/") {
			return
		}
		rule := category[strings.LastIndexByte(category, '/')+1:]
		if ids := names.peers[rule]; ids != nil {
			s.addRule(f, sup, name, ids, span)
		}
	})
	if len(sup.rules) > 0 {
		s.list = append(s.list, sup)
	}
}

// pairRanges ends each range at the first enable comment of its family,
// after it, that names its rule (or names none, for a bare eslint-enable).
// An enable comment's rule that ends no range is left unused. A
// directivelint-disable covers the whole file unless the file holds a
// directivelint-enable of its rule: then it starts a range.
func (s *suppressions) pairRanges() {
	for i, e := range s.list {
		if e.kind != suppressEnable {
			continue
		}
		if e.family == "directivelint" {
			for _, d := range s.list {
				if d.kind == suppressFile && d.family == e.family {
					for _, r := range d.rules {
						r.ranged = r.ranged || slices.ContainsFunc(e.rules, func(er *suppressedRule) bool { return r.names(er.name) })
					}
				}
			}
		}
		for _, d := range s.list[:i] {
			if d.family != e.family || d.kind != suppressFrom && (d.kind != suppressFile || d.family != "directivelint") {
				continue
			}
			for _, r := range d.rules {
				if r.until != (js.Position{}) {
					continue
				}
				if e.all {
					r.until = e.at
					continue
				}
				for _, er := range e.rules {
					if slices.ContainsFunc(r.ids, er.names) {
						r.until = e.at
						er.ends = true
					}
				}
			}
		}
	}
}

// hasProblemIn reports whether a problem was already reported inside c.
func (s *suppressions) hasProblemIn(f *js.File, c js.Span) bool {
	from, to := f.Position(c.Start), f.Position(c.End)
	for _, p := range s.problems {
		if !before(p.Pos, from) && !before(to, p.Pos) {
			return true
		}
	}
	return false
}

// before reports whether p comes before q.
func before(p, q js.Position) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Column < q.Column)
}

// problem records an invalid suppression comment.
func (s *suppressions) problem(f *js.File, span js.Span, msg string) {
	pos := f.Position(span.Start)
	s.problems = append(s.problems, Diagnostic{
		File: f.Path, Rule: RuleInvalidSuppression, Severity: SeverityError, Message: msg,
		Span: span, Pos: pos, End: f.Position(span.End), Excerpt: f.Excerpt(span.Start),
	})
}

// suppresses reports whether a suppression covers d, and marks it used.
func (s *suppressions) suppresses(d Diagnostic, mark bool) bool {
	if s == nil || d.Rule == RuleInvalidSuppression || d.Rule == RuleUnusedSuppression {
		return false
	}
	hit := false
	for _, sup := range s.list {
		if sup.kind == suppressEnable {
			continue
		}
		if sup.all && sup.covers(d.Pos, nil) {
			hit = true
		}
		for _, r := range sup.rules {
			if r.names(d.Rule) && sup.covers(d.Pos, r) {
				hit = true
				if mark {
					r.used = true
				}
			}
		}
	}
	return hit
}

// resetUsed forgets which rules suppressed a problem, for a file whose
// problems are suppressed again (see Workspace).
func (s *suppressions) resetUsed() {
	for _, sup := range s.list {
		for _, r := range sup.rules {
			r.used = false
		}
	}
}

// unused returns a diagnostic for each named rule that suppressed nothing,
// among the rules that ran on the file, and for each rule of an enable
// comment that ended no range.
func (s *suppressions) unused() []Diagnostic {
	var out []Diagnostic
	for _, sup := range s.list {
		for _, r := range sup.rules {
			if r.used || r.ends || !slices.ContainsFunc(r.ids, func(id string) bool { return s.enabled[id] }) {
				continue
			}
			var msg string
			if sup.kind == suppressEnable {
				msg = fmt.Sprintf("unused %s comment: no %s comment before it disables %s; remove %q from the comment",
					sup.keyword, strings.TrimSuffix(sup.keyword, "enable")+"disable", r.name, r.name)
				if sup.family == "biome" {
					msg = fmt.Sprintf("unused %s comment: no biome-ignore-start before it names %s; remove %q from the comment",
						sup.keyword, r.name, r.name)
				}
			} else {
				where := "on the next line"
				switch {
				case sup.kind == suppressLine:
					where = "on this line"
				case r.until != (js.Position{}):
					where = "before the comment that ends it"
				case sup.kind == suppressFile && !r.ranged:
					where = "in this file"
				case sup.kind == suppressFile || sup.kind == suppressFrom:
					where = "after this comment"
				}
				msg = fmt.Sprintf("unused %s comment: no %s problem is reported %s; remove %q from the comment",
					sup.keyword, strings.Join(r.ids, " or "), where, r.name)
			}
			out = append(out, Diagnostic{
				File: s.path, Rule: RuleUnusedSuppression, Severity: SeverityWarn, Message: msg,
				Pos: r.pos, End: r.end, Excerpt: r.excerpt,
			})
		}
	}
	return out
}

// applySuppressions drops the diagnostics that suppression comments cover
// and adds the problems with the comments themselves: invalid ones always,
// unused ones when reportUnused is set. byFile maps a file's display path to
// its comments.
func applySuppressions(diags []Diagnostic, byFile map[string]*suppressions, reportUnused, quiet bool) []Diagnostic {
	if len(byFile) == 0 {
		return diags
	}
	kept := diags[:0]
	for _, d := range diags {
		if !byFile[d.File].suppresses(d, true) {
			kept = append(kept, d)
		}
	}
	paths := make([]string, 0, len(byFile))
	for p := range byFile {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		s := byFile[p]
		kept = append(kept, s.problems...)
		if reportUnused && !quiet {
			kept = append(kept, s.unused()...)
		}
	}
	return kept
}

// mayHold reports whether src may hold a suppression comment: ours, or an
// ESLint or Biome one that names one of our rules or a peer's name for one
// (or, for ESLint's line comments, no rule at all). Most files hold none:
// it is one byte search, for the hyphen every keyword has (directivelint-,
// eslint-disable, eslint-enable, biome-ignore), and a look at the word
// before each hyphen; then at the rest of the comment after each keyword
// found. One search for the hyphen is three times as fast on real code as
// a search for each keyword's tail (four passes). It may say yes for a
// file without one, never no for a file with one.
func (n *suppressionNames) mayHold(src []byte) bool {
	var seen commentEnds
	for at := 0; ; {
		k := bytes.IndexByte(src[at:], '-')
		if k < 0 {
			return false
		}
		h := at + k
		at = h + 1
		if h == 0 {
			continue
		}
		switch before := src[h-1]; {
		case before != 't' && before != 'e':
			// The common case: no keyword ends in another letter.
		case endsWith(src, h, "directivelint"):
			return true
		case endsWith(src, h, "eslint"):
			if n.peerComment(src, h-len("eslint"), "eslint-disable", &seen) || n.peerComment(src, h-len("eslint"), "eslint-enable", &seen) {
				return true
			}
		case endsWith(src, h, "biome"):
			if n.peerComment(src, h-len("biome"), "biome-ignore", &seen) {
				return true
			}
		}
	}
}

// endsWith reports whether src[:end] ends with word.
func endsWith(src []byte, end int, word string) bool {
	return end >= len(word) && string(src[end-len(word):end]) == word
}

// commentEnds remembers, for each kind of comment (block, line), the
// stretch of source the last look at a comment's rest covered: from, the
// offset the search for the comment's end started at, to end, where it
// found it (or the end of the source). A keyword found again before end
// (many keywords in one comment, or in one unclosed /*) has the same end,
// and a rest that is a part of one already searched for names in vain:
// each byte is searched once, not once a keyword.
type commentEnds struct {
	from, end [2]int
	searched  [2]bool
}

// restOf returns the end of the comment of the given kind (0 block, 1
// line) whose rest starts at at, and whether that rest lies in one already
// searched for names.
func (c *commentEnds) restOf(src []byte, at, kind int) (end int, searched bool) {
	if c.searched[kind] && at >= c.from[kind] && at <= c.end[kind] {
		return c.end[kind], true
	}
	end = len(src)
	if kind == 0 {
		if i := bytes.Index(src[at:], []byte("*/")); i >= 0 {
			end = at + i
		}
	} else if i := bytes.IndexAny(src[at:], "\r\n"); i >= 0 {
		end = at + i
	}
	c.from[kind], c.end[kind], c.searched[kind] = at, end, true
	return end, false
}

// peerComment reports whether src holds keyword at start, at the start of
// a comment (after // or /* and blanks or stars), and the comment goes on
// to name directivelint/ or a peer's rule name, or is a bare
// eslint-disable-line or eslint-disable-next-line. seen is what earlier
// looks at the same source found.
func (n *suppressionNames) peerComment(src []byte, start int, keyword string, seen *commentEnds) bool {
	if !bytes.HasPrefix(src[start:], []byte(keyword)) {
		return false
	}
	at := start + len(keyword)
	j := start
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == '*') {
		j--
	}
	var kind int
	switch {
	case j >= 1 && j < len(src) && src[j-1] == '/' && src[j] == '*':
		kind = 0
	case j >= 2 && src[j-1] == '/' && src[j-2] == '/':
		kind = 1
	default:
		return false // not at the start of a comment
	}
	end, searched := seen.restOf(src, at, kind)
	rest := src[at:end] // the rest of the comment, or more
	if keyword == "eslint-disable" && n.bareLine(rest) {
		return true
	}
	if searched {
		return false // a part of a rest that names nothing of ours
	}
	// directivelint/ counts after biome-ignore too (Biome comments name
	// no such rule): a yes that is never wrong, and one search for every
	// keyword keeps what seen says true of them all.
	if bytes.Contains(rest, []byte("directivelint/")) {
		return true
	}
	for _, name := range n.peerBytes {
		if bytes.Contains(rest, name) {
			return true
		}
	}
	return false
}

// bareLine reports whether rest, what follows eslint-disable in a comment,
// makes it a bare eslint-disable-next-line or eslint-disable-line: nothing
// but blanks up to the end or to a -- reason. It reads no further than the
// first byte that is not a blank.
func (n *suppressionNames) bareLine(rest []byte) bool {
	for _, kw := range [...]string{"-next-line", "-line"} {
		if tail, ok := bytes.CutPrefix(rest, []byte(kw)); ok {
			tail = bytes.TrimLeftFunc(tail, unicode.IsSpace)
			return len(tail) == 0 || bytes.HasPrefix(tail, []byte("--"))
		}
	}
	return false
}

// fileSuppressions reads the suppression comments of f. settings are the
// rules that ran on it; names are what comments may name.
func fileSuppressions(f *js.File, settings []ruleSetting, names *suppressionNames) *suppressions {
	if f.MarkerAbsent || !names.mayHold(f.Source) {
		return nil // the common case
	}
	s := parseSuppressions(f, names)
	if s != nil {
		s.enabled = make(map[string]bool, len(settings))
		for _, st := range settings {
			s.enabled[st.rule.ID] = true
		}
	}
	return s
}
