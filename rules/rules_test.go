package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

// specIDs are the single-file rules of RULES.md, in its order.
var specIDs = []string{
	"directive-position",
	"directive-syntax",
	"directive-typo",
	"directive-scope",
	"conflicting-directives",
	"async-server-function",
	"server-file-exports",
	"server-function-in-client",
	"async-client-component",
	"unknown-cache-kind",
	"client-route-exports",
}

// pendingIDs are rules RULES.md specifies that are not built yet, with the
// issue that builds them. The spec tests leave them out, and fail once the
// registry has one (then it comes off this list).
var pendingIDs = map[string]string{}

// specified returns the IDs of the spec table text, less the pending ones.
func specified(t *testing.T, text string) []string {
	t.Helper()
	var ids []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(text, -1) {
		if issue, ok := pendingIDs[m[1]]; ok {
			if rules.ByID(m[1]) != nil {
				t.Errorf("rule %s is built: take it off pendingIDs", m[1])
			}
			t.Logf("RULES.md specifies %s, not built yet (%s)", m[1], issue)
			continue
		}
		ids = append(ids, m[1])
	}
	return ids
}

// safetyIDs are the Server Function safety rules of RULES.md, in its order.
var safetyIDs = []string{
	"server-function-this",
	"unvalidated-server-input",
}

// fixtureDir is the directory of a rule's fixtures: testdata/src/<rule-id>.
// Each rule's test (rules/<rule>_test.go) runs them.
func fixtureDir(id string) string {
	return filepath.Join("..", "testdata", "src", id)
}

// TestEveryRuleHasItsTest checks that each rule's file has its test file
// beside it, and each single-file rule its fixtures.
func TestEveryRuleHasItsTest(t *testing.T) {
	for _, r := range rules.All() {
		name := strings.ReplaceAll(r.ID, "-", "_")
		if _, err := os.Stat(name + "_test.go"); err != nil {
			t.Errorf("rule %s has no test file %s_test.go", r.ID, name)
		}
		if _, err := os.Stat(fixtureDir(r.ID)); r.Run != nil && err != nil {
			t.Errorf("rule %s has no fixtures: %v", r.ID, err)
		}
	}
}

func TestIDs(t *testing.T) {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	if want := slices.Concat(specIDs, graphIDs, safetyIDs); !slices.Equal(ids, want) {
		t.Errorf("rule IDs = %q, want %q", ids, want)
	}
}

// TestIDsMatchSpec compares the IDs with the single-file table of RULES.md
// when the shared specification is next to the repository.
func TestIDsMatchSpec(t *testing.T) {
	spec, err := os.ReadFile(filepath.Join("..", "..", "shared", "RULES.md"))
	if err != nil {
		t.Skipf("RULES.md not available: %v", err)
	}
	for section, want := range map[string][]string{"## Single-file rules": specIDs, "## Server Function safety rules": safetyIDs} {
		text := string(spec)
		start := strings.Index(text, section)
		if start < 0 {
			t.Fatalf("RULES.md has no %q section", section)
		}
		text = text[start:]
		if end := strings.Index(text[1:], "\n## "); end >= 0 {
			text = text[:end+1]
		}
		if ids := specified(t, text); !slices.Equal(ids, want) {
			t.Errorf("RULES.md %s IDs = %q, want %q", section, ids, want)
		}
	}
}

func TestByID(t *testing.T) {
	for _, r := range rules.All() {
		if got := rules.ByID(r.ID); got != r {
			t.Errorf("ByID(%q) = %v, want the rule", r.ID, got)
		}
	}
	if got := rules.ByID("no-such-rule"); got != nil {
		t.Errorf("ByID(no-such-rule) = %v, want nil", got)
	}
	a := rules.All()
	a[0] = nil
	if rules.All()[0] == nil {
		t.Error("All returns the registry itself, not a copy")
	}
}

func TestDocs(t *testing.T) {
	idRE := regexp.MustCompile(`^[a-z]+(-[a-z]+)+$`)
	for _, r := range rules.All() {
		if !idRE.MatchString(r.ID) {
			t.Errorf("%q is not a kebab-case ID", r.ID)
		}
		if r.Run == nil && r.RunGraph == nil {
			t.Errorf("%s has neither Run nor RunGraph", r.ID)
		}
		want := lint.SeverityError
		if r.ID == "unvalidated-server-input" {
			want = lint.SeverityOff // warn in the strict preset
		}
		if r.Default != want {
			t.Errorf("%s: default severity %v, RULES.md says %v", r.ID, r.Default, want)
		}
		d := r.Doc
		for name, v := range map[string]string{
			"Summary": d.Summary, "What": d.What, "Why": d.Why,
			"Example": d.Example, "Instead": d.Instead, "Fix": d.Fix,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: Doc.%s is empty", r.ID, name)
			}
		}
		if strings.Contains(d.Summary, "\n") || strings.HasSuffix(d.Summary, ".") {
			t.Errorf("%s: Summary should be one line without a final period: %q", r.ID, d.Summary)
		}
		if d.Example == d.Instead {
			t.Errorf("%s: Example and Instead are the same", r.ID)
		}
		fixWord := map[lint.FixKind]string{lint.FixNone: "None", lint.FixSafe: "Safe", lint.FixUnsafe: "Unsafe", lint.FixSometimes: "Safe"}[r.Fix]
		if !strings.HasPrefix(d.Fix, fixWord) {
			t.Errorf("%s: Doc.Fix should start with %q for its fix kind: %q", r.ID, fixWord, d.Fix)
		}
	}
}

// TestDocExamples lints each rule's Example, which must be reported by the
// rule, and its Instead, which must not.
func TestDocExamples(t *testing.T) {
	for _, r := range rules.All() {
		if r.Run == nil {
			continue // graph-only rules: TestGraphDocExamples
		}
		t.Run(r.ID, func(t *testing.T) {
			count := func(code string) int {
				n := 0
				// Instead snippets may show two files; lint each part.
				for i, part := range strings.Split(code, "\n\n// ") {
					if i > 0 {
						part = "// " + part
					}
					f := js.Scan("example.tsx", []byte(part), js.LangTSX)
					pass := lint.NewPass(f, r, func(lint.Diagnostic) { n++ })
					pass.Route = exampleRoute(part)
					r.Run(pass)
				}
				return n
			}
			if n := count(r.Doc.Example); n == 0 {
				t.Errorf("the Example is not reported:\n%s", r.Doc.Example)
			}
			if n := count(r.Doc.Instead); n != 0 {
				t.Errorf("the Instead code is reported %d times:\n%s", n, r.Doc.Instead)
			}
		})
	}
}

// exampleRoute returns the kind of Next.js route file a doc example is,
// by the path in its first line ("// app/blog/page.tsx"), or "".
func exampleRoute(code string) string {
	first, _, _ := strings.Cut(code, "\n")
	path, ok := strings.CutPrefix(first, "// ")
	if !ok || !strings.HasPrefix(path, "app/") && !strings.Contains(path, "/app/") {
		return ""
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	switch name {
	case "page", "layout", "template", "default", "not-found", "loading", "route":
		return name
	}
	return ""
}

// TestFixedIsClean lints every golden NAME.fixed.EXT with its rule: once the
// fixes are applied, the rule must have nothing left to report.
func TestFixedIsClean(t *testing.T) {
	for _, r := range rules.All() {
		if r.Run == nil {
			continue
		}
		goldens, _ := filepath.Glob(filepath.Join("..", "testdata", "src", r.ID, "*.fixed.*"))
		for _, path := range goldens {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lang, _ := js.LangOf(path)
			f := js.Scan(path, src, lang)
			r.Run(lint.NewPass(f, r, func(d lint.Diagnostic) {
				pos := f.Position(d.Span.Start)
				t.Errorf("%s:%d:%d: still reported after the fixes: %s", path, pos.Line, pos.Column, d.Message)
			}))
		}
	}
}

// TestRecommended runs every rule together over a small Next.js app, where
// the rules must neither miss a mistake nor repeat one another.
func TestRecommended(t *testing.T) {
	linttest.Run(t, filepath.Join("..", "testdata", "src", "recommended"), presetRules(t, "recommended")...)
}

// presetRules returns the rules that the named preset turns on.
func presetRules(t *testing.T, name string) []*lint.Rule {
	t.Helper()
	sev, ok := rules.Preset(name)
	if !ok {
		t.Fatalf("no preset %q", name)
	}
	var out []*lint.Rule
	for _, r := range rules.All() {
		if sev[r.ID] != lint.SeverityOff {
			out = append(out, r)
		}
	}
	return out
}

func TestPresets(t *testing.T) {
	rec, ok := rules.Preset("recommended")
	if !ok {
		t.Fatal("no recommended preset")
	}
	strict, ok := rules.Preset("strict")
	if !ok {
		t.Fatal("no strict preset")
	}
	for _, r := range rules.All() {
		if rec[r.ID] != r.Default {
			t.Errorf("recommended: %s = %v, want its default %v", r.ID, rec[r.ID], r.Default)
		}
		want := r.Default
		if r.ID == "unvalidated-server-input" {
			want = lint.SeverityWarn
		}
		if strict[r.ID] != want {
			t.Errorf("strict: %s = %v, want %v", r.ID, strict[r.ID], want)
		}
	}
	if _, ok := rules.Preset("lenient"); ok {
		t.Error(`Preset("lenient") exists`)
	}
	rec["directive-typo"] = lint.SeverityOff
	if again, _ := rules.Preset("recommended"); again["directive-typo"] != lint.SeverityError {
		t.Error("Preset returns a shared map")
	}
}

// TestStrictRunsUnvalidatedInputAtWarn lints the unvalidated-server-input
// fixtures through the runner: with the strict preset each report is a
// warning, one per want expectation; with recommended there are none.
func TestStrictRunsUnvalidatedInputAtWarn(t *testing.T) {
	dir := filepath.Join("..", "testdata", "src", "unvalidated-server-input")
	targets, _, err := discover.Targets([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	wants := 0
	for _, tg := range targets {
		src, err := os.ReadFile(tg.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if _, rest, ok := strings.Cut(line, "// want "); ok {
				wants += strings.Count(rest, "`") / 2
			}
		}
	}
	count := func(preset string) (warnings, others int) {
		sev, _ := rules.Preset(preset)
		res := lint.Run(targets, lint.Options{Rules: rules.All(), Severity: sev})
		for _, d := range res.Diagnostics {
			switch {
			case d.Rule != "unvalidated-server-input":
			case d.Severity == lint.SeverityWarn:
				warnings++
			default:
				others++
			}
		}
		return warnings, others
	}
	if w, o := count("strict"); w != wants || o != 0 {
		t.Errorf("strict: %d warnings and %d other reports, want %d warnings (one per expectation)", w, o, wants)
	}
	if w, o := count("recommended"); w+o != 0 {
		t.Errorf("recommended: %d reports of unvalidated-server-input, want none", w+o)
	}
}

func TestDuplicateDirectiveIsAWarning(t *testing.T) {
	f := js.Scan("dup.tsx", []byte("'use client'\n'use client'\n"), js.LangTSX)
	rule := rules.ByID("conflicting-directives")
	var got []lint.Diagnostic
	rule.Run(lint.NewPass(f, rule, func(d lint.Diagnostic) { got = append(got, d) }))
	if len(got) != 1 || got[0].Severity != lint.SeverityWarn {
		t.Fatalf("want one warning for a duplicate directive, got %+v", got)
	}
	f = js.Scan("conflict.tsx", []byte("'use client'\n'use server'\n"), js.LangTSX)
	got = nil
	rule.Run(lint.NewPass(f, rule, func(d lint.Diagnostic) { got = append(got, d) }))
	if len(got) != 1 || got[0].Severity != lint.SeverityError {
		t.Fatalf("want one error for conflicting directives, got %+v", got)
	}
}
