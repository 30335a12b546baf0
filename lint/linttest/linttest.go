// Package linttest runs rules over fixture files and checks their
// diagnostics against expectations written in the fixtures themselves, in the
// manner of golang.org/x/tools/go/analysis/analysistest.
//
// An expectation is a comment on the line where a diagnostic starts:
//
//	'use sever' // want "Did you mean \"use server\"\\?"
//	'use client'; 'use client' /* want "duplicate" */
//	<p>{/* want "async" */}</p>
//
// After `want` come one or more patterns, each a Go string literal:
// double-quoted (with Go escapes) or back-quoted (raw). Each pattern is a
// regular expression matched, unanchored, against a diagnostic's message. A
// pattern may start with a rule ID and ": " (`want "directive-typo: use
// sever"`); then the diagnostic must also come from that rule, and only the
// rest of the pattern is matched against the message.
//
// Every pattern must match exactly one diagnostic that starts on its line,
// and every diagnostic must be matched by one pattern. Both kinds of mismatch
// are reported with the file and line.
//
// Expectations are found by text: `// want` or `/* want` anywhere on a line,
// even inside a string or JSX text. Fixtures should not contain those
// sequences except as expectations.
//
// When a fixture NAME.EXT has a sibling NAME.fixed.EXT, the fixes of all its
// diagnostics are applied (see lint.ApplyFixes) and the result must equal that
// golden file byte for byte. Golden files are not linted themselves.
package linttest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// TB is the part of testing.TB the harness uses. *testing.T satisfies it;
// tests of the harness pass a recorder instead.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Result is what the rules reported for one fixture file.
type Result struct {
	// File is the scanned fixture.
	File *js.File
	// Diagnostics are the rules' reports, positions filled in, sorted by
	// position and rule.
	Diagnostics []lint.Diagnostic
}

// Run scans every fixture file under dir (recursively; any extension that
// js.LangOf accepts, golden *.fixed.* files excepted), runs the rules on
// each, and reports to t every difference between the diagnostics and the
// fixtures' `want` expectations, every scanner problem, and every fixed
// output that differs from its golden file. It returns the results, one per
// fixture, in path order.
//
// The rules see lint.Pass.Route and lint.Pass.Env as lint.Run sets them: a
// fixture laid out as a project, beside a package.json that declares next,
// is a route file by where it lies, and has its next.config's cache kinds.
func Run(t TB, dir string, rules ...*lint.Rule) []Result {
	t.Helper()
	paths, err := fixtures(dir)
	if err != nil {
		t.Errorf("linttest: %v", err)
		return nil
	}
	if len(paths) == 0 {
		t.Errorf("linttest: no fixture files under %s", dir)
		return nil
	}
	results := make([]Result, 0, len(paths))
	env := lint.NewEnv(nil, nil) // what the files around a fixture say, as in lint.Run
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("linttest: %v", err)
			continue
		}
		lang, _ := js.LangOf(path)
		abs, err := filepath.Abs(path)
		if err != nil {
			t.Errorf("linttest: %v", err)
			continue
		}
		results = append(results, check(t, path, src, lang, fixtureEnv{env, abs}, rules))
	}
	return results
}

// fixtures lists the lintable files under dir, golden files excepted.
func fixtures(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := js.LangOf(path); ok && !isGolden(path) {
			paths = append(paths, path)
		}
		return nil
	})
	sort.Strings(paths)
	return paths, err
}

// isGolden reports whether path names a golden file, NAME.fixed.EXT.
func isGolden(path string) bool {
	base := filepath.Base(path)
	return strings.HasSuffix(strings.TrimSuffix(base, filepath.Ext(base)), ".fixed")
}

// goldenPath returns NAME.fixed.EXT for NAME.EXT.
func goldenPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".fixed" + ext
}

// fixtureEnv is a fixture's absolute path and the Env that tells the rules
// about the files around it.
type fixtureEnv struct {
	env *lint.Env
	abs string
}

// check lints one fixture in its env and compares the result with its
// expectations.
func check(t TB, path string, src []byte, lang js.Lang, env fixtureEnv, rules []*lint.Rule) Result {
	t.Helper()
	file := js.Scan(path, src, lang)
	for _, p := range file.Problems {
		pos := file.Position(p.Offset)
		t.Errorf("%s:%d:%d: scanner problem: %s", path, pos.Line, pos.Column, p.Message)
	}

	diags := runRules(t, file, env, rules)

	ids := make(map[string]bool, len(rules))
	for _, r := range rules {
		ids[r.ID] = true
	}
	wants, errs := parseExpectations(file, ids)
	for _, err := range errs {
		t.Errorf("%v", err)
	}
	compare(t, path, diags, wants)

	golden := goldenPath(path)
	if want, err := os.ReadFile(golden); err == nil {
		checkFixes(t, path, golden, src, diags, want)
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("linttest: %v", err)
	}
	return Result{File: file, Diagnostics: diags}
}

// runRules runs each rule over file and returns the diagnostics with their
// positions filled in, sorted. It also checks what every rule must respect:
// spans inside the file, and fixes of the kind the rule declares.
func runRules(t TB, file *js.File, env fixtureEnv, rules []*lint.Rule) []lint.Diagnostic {
	t.Helper()
	var diags []lint.Diagnostic
	route := ""
	if env.env != nil {
		route = env.env.Route(env.abs)
	}
	for _, rule := range rules {
		if rule.Run == nil {
			continue // a graph-only rule: see RunProject
		}
		pass := lint.NewPass(file, rule, func(d lint.Diagnostic) {
			diags = append(diags, d)
		})
		if env.env != nil {
			pass.Route, pass.Env, pass.Abs = route, env.env, env.abs
		}
		rule.Run(pass)
	}
	n := len(file.Source)
	for i := range diags {
		d := &diags[i]
		if d.Span.Start < 0 || d.Span.End < d.Span.Start || d.Span.End > n {
			t.Errorf("%s: %s reported a span %v outside the file (size %d): %s", file.Path, d.Rule, d.Span, n, d.Message)
		}
		d.Pos = file.Position(d.Span.Start)
		d.End = file.Position(d.Span.End)
		d.Excerpt = file.Excerpt(d.Span.Start)
		if err := checkFixKind(ruleByID(rules, d.Rule), d.Fix); err != nil {
			t.Errorf("%s:%d:%d: %s: %v", file.Path, d.Pos.Line, d.Pos.Column, d.Rule, err)
		}
	}
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Rule < b.Rule
	})
	return diags
}

func ruleByID(rules []*lint.Rule, id string) *lint.Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// checkFixKind reports a fix that contradicts the rule's declared Fix kind.
func checkFixKind(rule *lint.Rule, fix *lint.Fix) error {
	if rule == nil || fix == nil {
		return nil
	}
	switch {
	case len(fix.Edits) == 0:
		return errors.New("fix has no edits")
	case fix.Message == "":
		return errors.New("fix has no message")
	case rule.Fix == lint.FixNone:
		return errors.New("rule declares no fix but offered one")
	case rule.Fix == lint.FixSafe && !fix.Safe:
		return errors.New("rule declares safe fixes but offered an unsafe one")
	case rule.Fix == lint.FixUnsafe && fix.Safe:
		return errors.New("rule declares unsafe fixes but offered a safe one")
	}
	return nil
}

// expectation is one `want` pattern.
type expectation struct {
	line    int
	rule    string // required rule ID, or empty
	text    string // the pattern as written, for messages
	re      *regexp.Regexp
	matched bool
}

// wantMarker finds `// want` and `/* want` with any spacing.
var wantMarker = regexp.MustCompile(`(//|/\*)\s*want\b`)

// parseExpectations finds the `want` comments of file. ids are the IDs of
// the rules under test, used to recognise a rule prefix in a pattern.
func parseExpectations(file *js.File, ids map[string]bool) ([]*expectation, []error) {
	var wants []*expectation
	var errs []error
	src := file.Source
	for _, m := range wantMarker.FindAllIndex(src, -1) {
		line := file.Position(m[0]).Line
		block := src[m[0]+1] == '*'
		rest := restOfLine(src, m[1])
		if block {
			end := bytes.Index(rest, []byte("*/"))
			if end < 0 {
				errs = append(errs, fmt.Errorf("%s:%d: /* want not closed on its line", file.Path, line))
				continue
			}
			rest = rest[:end]
		}
		patterns, err := splitPatterns(string(rest))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: bad want comment: %v", file.Path, line, err))
			continue
		}
		if len(patterns) == 0 {
			errs = append(errs, fmt.Errorf("%s:%d: want comment without patterns", file.Path, line))
			continue
		}
		for _, p := range patterns {
			e := &expectation{line: line, text: p}
			pat := p
			if i := strings.Index(p, ": "); i > 0 && ids[p[:i]] {
				e.rule, pat = p[:i], p[i+2:]
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: bad want pattern %q: %v", file.Path, line, p, err))
				continue
			}
			e.re = re
			wants = append(wants, e)
		}
	}
	return wants, errs
}

// restOfLine returns src from offset up to the end of its line.
func restOfLine(src []byte, offset int) []byte {
	end := offset
	for end < len(src) {
		c := src[end]
		if c == '\n' || c == '\r' {
			break
		}
		if c == 0xE2 && end+2 < len(src) && src[end+1] == 0x80 && (src[end+2] == 0xA8 || src[end+2] == 0xA9) {
			break
		}
		end++
	}
	return src[offset:end]
}

// splitPatterns reads a space-separated list of Go string literals.
func splitPatterns(s string) ([]string, error) {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return out, nil
		}
		var end int
		switch s[0] {
		case '`':
			i := strings.IndexByte(s[1:], '`')
			if i < 0 {
				return nil, fmt.Errorf("unterminated raw string %s", s)
			}
			end = i + 2
		case '"':
			end = -1
			for i := 1; i < len(s); i++ {
				if s[i] == '\\' {
					i++
					continue
				}
				if s[i] == '"' {
					end = i + 1
					break
				}
			}
			if end < 0 {
				return nil, fmt.Errorf("unterminated string %s", s)
			}
		default:
			return nil, fmt.Errorf("expected a quoted pattern at %q", s)
		}
		p, err := strconv.Unquote(s[:end])
		if err != nil {
			return nil, fmt.Errorf("%s: %v", s[:end], err)
		}
		out = append(out, p)
		s = s[end:]
	}
}

// compare pairs diagnostics with expectations line by line. The pairing is a
// maximum bipartite matching, so the order of patterns on a line never
// matters.
func compare(t TB, path string, diags []lint.Diagnostic, wants []*expectation) {
	t.Helper()
	byLine := map[int][]*expectation{}
	for _, w := range wants {
		byLine[w.line] = append(byLine[w.line], w)
	}
	diagsByLine := map[int][]int{}
	var lines []int
	for i, d := range diags {
		if _, ok := diagsByLine[d.Pos.Line]; !ok {
			lines = append(lines, d.Pos.Line)
		}
		diagsByLine[d.Pos.Line] = append(diagsByLine[d.Pos.Line], i)
	}
	for line := range byLine {
		if _, ok := diagsByLine[line]; !ok {
			lines = append(lines, line)
		}
	}
	sort.Ints(lines)
	for _, line := range lines {
		ws := byLine[line]
		ds := diagsByLine[line]
		match := matchLine(diags, ds, ws)
		for k, di := range ds {
			if match[k] < 0 {
				d := diags[di]
				t.Errorf("%s:%d:%d: unexpected diagnostic: %s: %s", path, d.Pos.Line, d.Pos.Column, d.Rule, d.Message)
			}
		}
		for _, w := range ws {
			if !w.matched {
				t.Errorf("%s:%d: no diagnostic matching %q", path, line, w.text)
			}
		}
	}
}

// matchLine returns, for each diagnostic index in ds, the index in ws of the
// expectation paired with it, or -1; paired expectations are marked.
func matchLine(diags []lint.Diagnostic, ds []int, ws []*expectation) []int {
	ok := func(k, j int) bool {
		d, w := diags[ds[k]], ws[j]
		return (w.rule == "" || w.rule == d.Rule) && w.re.MatchString(d.Message)
	}
	owner := make([]int, len(ws)) // expectation -> diagnostic k, or -1
	for j := range owner {
		owner[j] = -1
	}
	var augment func(k int, seen []bool) bool
	augment = func(k int, seen []bool) bool {
		for j := range ws {
			if seen[j] || !ok(k, j) {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || augment(owner[j], seen) {
				owner[j] = k
				return true
			}
		}
		return false
	}
	for k := range ds {
		augment(k, make([]bool, len(ws)))
	}
	match := make([]int, len(ds))
	for k := range match {
		match[k] = -1
	}
	for j, k := range owner {
		if k >= 0 {
			match[k] = j
			ws[j].matched = true
		}
	}
	return match
}

// checkFixes applies every diagnostic's fix to src and compares the result
// with the golden file.
func checkFixes(t TB, path, golden string, src []byte, diags []lint.Diagnostic, want []byte) {
	t.Helper()
	var edits []lint.TextEdit
	for _, d := range diags {
		if d.Fix != nil {
			edits = append(edits, d.Fix.Edits...)
		}
	}
	got, err := lint.ApplyFixes(src, edits)
	if err != nil {
		t.Errorf("%s: applying fixes: %v", path, err)
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: fixed output differs from %s:\n%s", path, golden, diffLines(want, got))
	}
}

// diffLines shows the lines that differ between want and got, with line
// endings made visible.
func diffLines(want, got []byte) string {
	wl := strings.SplitAfter(string(want), "\n")
	gl := strings.SplitAfter(string(got), "\n")
	var b strings.Builder
	n := max(len(wl), len(gl))
	shown := 0
	for i := 0; i < n && shown < 20; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w == g {
			continue
		}
		shown++
		fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, w, g)
	}
	return b.String()
}
