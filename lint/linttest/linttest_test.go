package linttest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// recorder is a TB that records errors instead of failing.
type recorder struct{ errors []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// textRule reports every match of re in the source outside want comments,
// without the scanner, so the harness is tested on its own. With fix set it
// replaces the match.
func textRule(id, re, message string, fix *string, safe bool) *lint.Rule {
	rx := regexp.MustCompile(re)
	kind := lint.FixNone
	if fix != nil {
		kind = lint.FixUnsafe
		if safe {
			kind = lint.FixSafe
		}
	}
	return &lint.Rule{
		ID:      id,
		Default: lint.SeverityError,
		Fix:     kind,
		Run: func(pass *lint.Pass) {
			src := pass.File.Source
			for _, m := range rx.FindAllIndex(src, -1) {
				if inWant(src, m[0]) {
					continue
				}
				span := js.Span{Start: m[0], End: m[1]}
				var f *lint.Fix
				if fix != nil {
					f = &lint.Fix{Message: "replace", Safe: safe, Edits: []lint.TextEdit{{Span: span, NewText: *fix}}}
				}
				pass.Report(span, fmt.Sprintf(message, pass.File.Source[m[0]:m[1]]), f)
			}
		},
	}
}

// inWant reports whether offset is inside a want comment.
func inWant(src []byte, offset int) bool {
	start := offset
	for start > 0 && src[start-1] != '\n' && src[start-1] != '\r' {
		start--
	}
	line := src[start:offset]
	ms := wantMarker.FindAllIndex(line, -1)
	if len(ms) == 0 {
		return false
	}
	last := ms[len(ms)-1]
	return line[last[0]+1] == '/' || !strings.Contains(string(line[last[1]:]), "*/")
}

func ptr(s string) *string { return &s }

var (
	badRule  = textRule("bad-word", `BAD\d*`, "found %s here", ptr("GOOD"), true)
	uglyRule = textRule("ugly-word", `UGLY`, "found %s, ugly", nil, false)
)

// writeFiles creates files (name → content) in a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRun(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		rules []*lint.Rule
		// wantErrors are regexps, each matching one reported error, in order.
		wantErrors []string
	}{
		{
			name: "all expected",
			files: map[string]string{
				"a.ts": "const x = BAD1 // want \"found BAD1\"\n" +
					"const y = BAD2 + BAD3 // want `found BAD3` \"found BAD2 here\"\n" +
					"const z = 1\n",
				"sub/b.jsx": "export default () => <p>\n  {/* want \"found BAD\" */} BAD\n</p>\n" +
					"/* want \"BAD4\" */ BAD4; UGLY /* want \"ugly\" */\n",
				"notes.md": "BAD is ignored here\n",
			},
			rules: []*lint.Rule{badRule, uglyRule},
		},
		{
			name: "missing diagnostic",
			files: map[string]string{
				"a.ts": "const x = 1 // want \"found BAD\"\nconst y = BAD // want \"BAD\"\n",
			},
			rules:      []*lint.Rule{badRule},
			wantErrors: []string{`a\.ts:1: no diagnostic matching "found BAD"`},
		},
		{
			name: "extra diagnostic",
			files: map[string]string{
				"a.tsx": "const x = 1\nconst y = BAD7\n",
			},
			rules:      []*lint.Rule{badRule},
			wantErrors: []string{`a\.tsx:2:11: unexpected diagnostic: bad-word: found BAD7 here`},
		},
		{
			name: "one pattern cannot match two diagnostics",
			files: map[string]string{
				"a.js": "BAD1; BAD2 // want \"found BAD\"\n",
			},
			rules:      []*lint.Rule{badRule},
			wantErrors: []string{`a\.js:1:7: unexpected diagnostic: bad-word: found BAD2`},
		},
		{
			name: "pattern on the wrong line",
			files: map[string]string{
				"a.mjs": "// want \"found BAD\"\nBAD\n",
			},
			rules: []*lint.Rule{badRule},
			wantErrors: []string{
				`a\.mjs:1: no diagnostic matching "found BAD"`,
				`a\.mjs:2:1: unexpected diagnostic`,
			},
		},
		{
			name: "matching does not depend on pattern order",
			files: map[string]string{
				// "found" matches both diagnostics, "BAD2" only the second;
				// a greedy pairing would leave "BAD2" unmatched.
				"a.cts": "BAD2; BAD1 // want \"found\" \"BAD2\"\n",
			},
			rules: []*lint.Rule{badRule},
		},
		{
			name: "rule prefix",
			files: map[string]string{
				"a.ts": "BAD; UGLY // want \"bad-word: found BAD\" \"ugly-word: ugly\"\n" +
					"UGLY // want \"bad-word: found\"\n",
			},
			rules: []*lint.Rule{badRule, uglyRule},
			wantErrors: []string{
				`a\.ts:2:1: unexpected diagnostic: ugly-word: found UGLY, ugly`,
				`a\.ts:2: no diagnostic matching "bad-word: found"`,
			},
		},
		{
			name: "CRLF lines",
			files: map[string]string{
				"a.ts": "'x'\r\nBAD // want \"BAD\"\r\n\r\nUGLY /* want \"ugly\" */\r\n",
			},
			rules: []*lint.Rule{badRule, uglyRule},
		},
		{
			name: "bad want comments",
			files: map[string]string{
				"a.ts": "BAD // want found\nBAD // want \"(\"\nBAD /* want \"BAD\"\nx // want\n",
			},
			rules: []*lint.Rule{badRule},
			wantErrors: []string{
				`a\.ts:1: bad want comment: expected a quoted pattern`,
				`a\.ts:2: bad want pattern "\("`,
				`a\.ts:3: /\* want not closed`,
				`a\.ts:4: want comment without patterns`,
				`a\.ts:1:1: unexpected diagnostic`,
				`a\.ts:2:1: unexpected diagnostic`,
				`a\.ts:3:1: unexpected diagnostic`,
			},
		},
		{
			name: "golden matches",
			files: map[string]string{
				"a.ts":       "let a = BAD // want \"BAD\"\nlet b = BAD9 // want \"BAD9\"\n",
				"a.fixed.ts": "let a = GOOD // want \"BAD\"\nlet b = GOOD // want \"BAD9\"\n",
			},
			rules: []*lint.Rule{badRule},
		},
		{
			name: "golden differs",
			files: map[string]string{
				"a.ts":       "let a = BAD // want \"BAD\"\n",
				"a.fixed.ts": "let a = BAD // want \"BAD\"\n",
			},
			rules:      []*lint.Rule{badRule},
			wantErrors: []string{`a\.ts: fixed output differs from .*a\.fixed\.ts:\nline 1:\n  want "let a = BAD`},
		},
		{
			name: "overlapping fixes",
			files: map[string]string{
				"a.ts":       "BAD // want \"BAD\" \"ugly\"\n",
				"a.fixed.ts": "GOOD // want \"BAD\" \"ugly\"\n",
			},
			rules:      []*lint.Rule{badRule, textRule("ugly-fix", `BA`, "ugly %s", ptr("X"), true)},
			wantErrors: []string{`a\.ts: applying fixes: edit .* overlaps`},
		},
		{
			name: "fix kind contradicts the rule",
			files: map[string]string{
				"a.ts": "BAD // want \"BAD\"\n",
			},
			rules:      []*lint.Rule{liarRule()},
			wantErrors: []string{`a\.ts:1:1: liar: rule declares safe fixes but offered an unsafe one`},
		},
		{
			name:       "no fixtures",
			files:      map[string]string{"README.md": "nothing"},
			rules:      []*lint.Rule{badRule},
			wantErrors: []string{`no fixture files under`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			rec := &recorder{}
			Run(rec, dir, tt.rules...)
			if len(rec.errors) != len(tt.wantErrors) {
				t.Fatalf("got %d errors, want %d:\n%s", len(rec.errors), len(tt.wantErrors), strings.Join(rec.errors, "\n"))
			}
			for i, re := range tt.wantErrors {
				if !regexp.MustCompile(re).MatchString(rec.errors[i]) {
					t.Errorf("error %d = %q, want a match for %q", i, rec.errors[i], re)
				}
			}
		})
	}
}

// liarRule declares safe fixes but offers unsafe ones.
func liarRule() *lint.Rule {
	r := textRule("liar", `BAD`, "found %s", ptr("GOOD"), false)
	r.Fix = lint.FixSafe
	return r
}

func TestRunReturnsResults(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.ts":       "BAD // want \"BAD\"\n",
		"a.tsx":      "UGLY // want \"ugly\"\n",
		"a.fixed.ts": "not a fixture",
	})
	results := Run(t, dir, badRule, uglyRule)
	if len(results) != 2 {
		t.Fatalf("got %d results, want 2", len(results))
	}
	if !strings.HasSuffix(results[0].File.Path, "a.tsx") || results[0].File.Lang != js.LangTSX {
		t.Errorf("first result is %s (lang %d), want a.tsx as TSX", results[0].File.Path, results[0].File.Lang)
	}
	d := results[1].Diagnostics
	if len(d) != 1 || d[0].Pos != (js.Position{Line: 1, Column: 1}) || d[0].End != (js.Position{Line: 1, Column: 4}) || d[0].Excerpt.Text != `BAD // want "BAD"` {
		t.Errorf("diagnostics of b.ts = %+v", d)
	}
}
