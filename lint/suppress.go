package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

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
			What: "Reports a `directivelint-disable-next-line`, `directivelint-disable-line` or " +
				"`directivelint-disable` comment that names a rule that does not exist, names no rule " +
				"at all, or misspells its keyword (such as `directivelint-disable-nextline`).",
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
				"for which no problem was suppressed. Rules that are off for the file are not reported.",
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
}

// suppressionKind is what a suppression comment covers.
type suppressionKind uint8

const (
	suppressNextLine suppressionKind = iota
	suppressLine
	suppressFile
)

// suppressedRule is one rule ID named in a suppression comment.
type suppressedRule struct {
	id       string
	pos, end js.Position
	excerpt  js.Excerpt // for the code frame of an unused-suppression report
	used     bool
}

// suppression is one valid suppression comment.
type suppression struct {
	kind    suppressionKind
	keyword string
	line    int // the line it covers; 0 for the whole file
	rules   []*suppressedRule
}

// suppressions are the suppression comments of one file.
type suppressions struct {
	path string
	list []*suppression
	// problems are the invalid comments, as diagnostics.
	problems []Diagnostic
	// enabled lists the rules that ran on the file, for unused reports.
	enabled map[string]bool
}

// parseSuppressions finds the suppression comments of f. ids are the rule
// IDs that exist. It returns nil when the file has none.
func parseSuppressions(f *js.File, ids []string) *suppressions {
	if !mayHoldSuppression(f.Source) {
		return nil
	}
	s := &suppressions{path: f.Path}
	for _, c := range comments(f) {
		s.parseComment(f, c, ids)
	}
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

// parseComment reads one comment; comments that are not suppressions are
// ignored.
func (s *suppressions) parseComment(f *js.File, c js.Span, ids []string) {
	start, end := c.Start+2, c.End
	if f.Source[c.Start+1] == '*' && end-2 >= start && bytes.HasSuffix(f.Source[start:end], []byte("*/")) {
		end -= 2
	}
	body := string(f.Source[start:end])
	trimmed := strings.TrimLeft(body, " \t*")
	if !strings.HasPrefix(trimmed, "directivelint-") {
		return
	}
	offset := start + len(body) - len(trimmed) // where the keyword starts
	word := trimmed
	if i := strings.IndexAny(word, " \t\r\n"); i >= 0 {
		word = word[:i]
	}
	kind := -1
	for k, kw := range suppressionKeywords {
		if word == kw {
			kind = k
		}
	}
	if kind < 0 {
		best, bestDist := suppressionKeywords[0], -1
		for _, kw := range suppressionKeywords {
			if d := js.EditDistance(word, kw); bestDist < 0 || d < bestDist {
				best, bestDist = kw, d
			}
		}
		s.problem(f, js.Span{Start: offset, End: offset + len(word)}, fmt.Sprintf(
			"unknown suppression comment %q; did you mean %q?", word, best))
		return
	}
	sup := &suppression{kind: suppressionKind(kind), keyword: word}
	switch sup.kind {
	case suppressNextLine:
		sup.line = f.Position(c.End).Line + 1
	case suppressLine:
		sup.line = f.Position(c.Start).Line
	}
	list := trimmed[len(word):]
	if i := strings.Index(list, "--"); i >= 0 {
		list = list[:i] // the reason
	}
	listStart := offset + len(word)
	for i := 0; i < len(list); {
		if strings.IndexByte(" \t\r\n,*", list[i]) >= 0 {
			i++
			continue
		}
		j := i
		for j < len(list) && strings.IndexByte(" \t\r\n,*", list[j]) < 0 {
			j++
		}
		id := list[i:j]
		span := js.Span{Start: listStart + i, End: listStart + j}
		if !slices.Contains(ids, id) {
			s.problem(f, span, fmt.Sprintf("unknown rule %q in a %s comment%s", id, word, DidYouMean(id, ids)))
		} else {
			sup.rules = append(sup.rules, &suppressedRule{id: id, pos: f.Position(span.Start), end: f.Position(span.End), excerpt: f.Excerpt(span.Start)})
		}
		i = j
	}
	if len(sup.rules) == 0 {
		if !s.hasProblemIn(f, c) {
			s.problem(f, js.Span{Start: offset, End: offset + len(word)}, fmt.Sprintf(
				"%s comment names no rule: write the IDs of the rules to suppress, e.g. // %s directive-typo -- reason", word, word))
		}
		return
	}
	s.list = append(s.list, sup)
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
		if sup.kind != suppressFile && sup.line != d.Pos.Line {
			continue
		}
		for _, r := range sup.rules {
			if r.id == d.Rule {
				hit = true
				if mark {
					r.used = true
				}
			}
		}
	}
	return hit
}

// unused returns a diagnostic for each named rule that suppressed nothing,
// among the rules that ran on the file.
func (s *suppressions) unused() []Diagnostic {
	var out []Diagnostic
	for _, sup := range s.list {
		for _, r := range sup.rules {
			if r.used || !s.enabled[r.id] {
				continue
			}
			where := "on the next line"
			switch sup.kind {
			case suppressLine:
				where = "on this line"
			case suppressFile:
				where = "in this file"
			}
			out = append(out, Diagnostic{
				File: s.path, Rule: RuleUnusedSuppression, Severity: SeverityWarn,
				Message: fmt.Sprintf("unused %s comment: no %s problem is reported %s; remove %q from the comment",
					sup.keyword, r.id, where, r.id),
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

// suppressionMarker starts every suppression comment: a file without it
// has none.
const suppressionMarker = "directivelint-"

// mayHoldSuppression reports whether src holds suppressionMarker.
func mayHoldSuppression(src []byte) bool {
	return js.HasMarker(src, suppressionMarker)
}

// fileSuppressions reads the suppression comments of f. settings are the
// rules that ran on it; all are the rules that exist.
func fileSuppressions(f *js.File, settings []ruleSetting, all []*Rule) *suppressions {
	if f.MarkerAbsent || !mayHoldSuppression(f.Source) {
		return nil // the common case: no need for the rule IDs
	}
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	s := parseSuppressions(f, ids)
	if s != nil {
		s.enabled = make(map[string]bool, len(settings))
		for _, st := range settings {
			s.enabled[st.rule.ID] = true
		}
	}
	return s
}
