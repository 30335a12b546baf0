package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
)

// runSource lints src as name with the toy rules BAD (rule toy) and
// UGLY (rule other) and returns the diagnostics as "line:col rule: message".
func runSource(t *testing.T, name, src string, opts Options) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	toy := wordRule("toy", "BAD", SeverityError)
	toy.Aliases = []string{"@peer/no-bad", "noBad"}
	opts.Rules = []*Rule{toy, wordRule("other", "UGLY", SeverityError)}
	res := Run([]discover.Target{{Path: path, Display: name, Lang: discover.ExplicitLang(name)}}, opts)
	for _, n := range res.Notices {
		t.Errorf("notice: %v", n)
	}
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%d:%d %s: %s", d.Pos.Line, d.Pos.Column, d.Rule, d.Message))
	}
	return out
}

func TestSuppressions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"next line", "// directivelint-disable-next-line toy -- generated\nBAD;\nBAD;\n",
			[]string{"3:1 toy: found BAD"}},
		{"next line, two rules", "// directivelint-disable-next-line toy, other\nBAD + UGLY;\n", nil},
		{"next line, other rule only", "// directivelint-disable-next-line other\nBAD + UGLY;\n",
			[]string{"2:1 toy: found BAD"}},
		{"same line", "BAD; // directivelint-disable-line toy\nBAD;\n", []string{"2:1 toy: found BAD"}},
		{"block comment on the line", "BAD /* directivelint-disable-line toy */;\n", nil},
		{"file", "BAD;\n/* directivelint-disable toy */\nBAD;\nUGLY;\n", []string{"4:1 other: found UGLY"}},
		{"CRLF", "// directivelint-disable-next-line toy\r\nBAD;\r\nBAD;\r\n", []string{"3:1 toy: found BAD"}},
		{"in a string", "const s = '// directivelint-disable-line toy'; BAD;\n",
			[]string{"1:48 toy: found BAD"}},
		{"in a template", "const s = `${a} // directivelint-disable-line toy`; BAD;\n",
			[]string{"1:53 toy: found BAD"}},
		{"in a regular expression", "const r = /[//] directivelint-disable-line toy/; BAD;\n",
			[]string{"1:50 toy: found BAD"}},
		{"JSX comment", "const a = <p>{/* directivelint-disable-line toy */}BAD</p>;\n", nil},
		{"multi-line block comment for the next line", "/* directivelint-disable-next-line toy\n   -- reason */\nBAD;\n", nil},
		{"unknown rule", "// directivelint-disable-next-line toyy, other -- x\nBAD + UGLY;\n", []string{
			`1:36 invalid-suppression: unknown rule "toyy" in a directivelint-disable-next-line comment; did you mean "toy"?`,
			"2:1 toy: found BAD",
		}},
		{"no rule", "BAD; // directivelint-disable-line -- because\n", []string{
			"1:1 toy: found BAD",
			"1:9 invalid-suppression: directivelint-disable-line comment names no rule: write the IDs of the rules to suppress, e.g. // directivelint-disable-line directive-typo -- reason",
		}},
		{"misspelt keyword", "// directivelint-disable-nextline toy\nBAD;\n", []string{
			`1:4 invalid-suppression: unknown suppression comment "directivelint-disable-nextline"; did you mean "directivelint-disable-next-line"?`,
			"2:1 toy: found BAD",
		}},
		{"unused not reported without the flag", "// directivelint-disable-next-line toy\nok;\n", nil},
		{"range", "BAD;\n/* directivelint-disable toy */\nBAD;\n/* directivelint-enable toy */\nBAD;\n",
			[]string{"1:1 toy: found BAD", "5:1 toy: found BAD"}},
		{"range of one rule of two", "/* directivelint-disable toy, other */\nBAD + UGLY;\n/* directivelint-enable other */\nBAD + UGLY;\n",
			[]string{"4:7 other: found UGLY"}},
		{"range reopened", "/* directivelint-disable toy */\nBAD;\n/* directivelint-enable toy */\nBAD;\n/* directivelint-disable toy */\nBAD;\n",
			[]string{"4:1 toy: found BAD"}},
		{"enable of another family", "/* eslint-disable directivelint/toy */\nBAD;\n/* directivelint-enable toy */\nBAD;\n", nil},
		{"eslint next line", "// eslint-disable-next-line directivelint/toy -- why\nBAD;\nBAD;\n", []string{"3:1 toy: found BAD"}},
		{"eslint line, peer name", "BAD; // eslint-disable-line no-console, @peer/no-bad\nBAD;\n", []string{"2:1 toy: found BAD"}},
		{"eslint unrelated rule", "// eslint-disable-next-line no-console\nBAD;\n", []string{"2:1 toy: found BAD"}},
		{"eslint unrelated range", "/* eslint-disable no-console */\nBAD;\n", []string{"2:1 toy: found BAD"}},
		{"eslint bare next line", "// eslint-disable-next-line\nBAD + UGLY;\nBAD;\n", []string{"3:1 toy: found BAD"}},
		{"eslint bare line with a reason", "BAD; /* eslint-disable-line -- legacy */\n", nil},
		{"eslint bare file comment is not ours", "/* eslint-disable */\nBAD;\n", []string{"2:1 toy: found BAD"}},
		{"eslint range", "BAD;\n/* eslint-disable @peer/no-bad */\nBAD;\n/* eslint-enable @peer/no-bad */\nBAD;\n",
			[]string{"1:1 toy: found BAD", "5:1 toy: found BAD"}},
		{"eslint range to the end", "BAD;\n/* eslint-disable directivelint/toy */\nBAD;\n", []string{"1:1 toy: found BAD"}},
		{"eslint bare enable", "/* eslint-disable directivelint/toy */\nBAD;\n/* eslint-enable */\nBAD;\n", []string{"4:1 toy: found BAD"}},
		{"eslint-disable in a line comment is not a range", "// eslint-disable directivelint/toy\nBAD;\n", []string{"2:1 toy: found BAD"}},
		{"eslint unknown rule of ours", "// eslint-disable-next-line directivelint/toyy\nBAD;\n", []string{
			`1:29 invalid-suppression: unknown rule "toyy" in an eslint-disable-next-line comment; did you mean "toy"?`,
			"2:1 toy: found BAD",
		}},
		{"biome next line", "// biome-ignore lint/nursery/noBad: legacy\nBAD;\nBAD;\n", []string{"3:1 toy: found BAD"}},
		{"biome unrelated", "// biome-ignore lint/suspicious/noDebugger: x\nBAD;\n", []string{"2:1 toy: found BAD"}},
		{"biome range", "// biome-ignore-start lint/correctness/noBad: x\nBAD;\n// biome-ignore-end lint/correctness/noBad: x\nBAD;\n",
			[]string{"4:1 toy: found BAD"}},
		{"biome all", "BAD;\n// biome-ignore-all lint/correctness/noBad: generated\nBAD;\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "a.js"
			if strings.Contains(tt.src, "<p>") {
				name = "a.jsx"
			}
			got := runSource(t, name, tt.src, Options{})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestUnusedSuppressions(t *testing.T) {
	src := "// directivelint-disable-next-line toy, other\nBAD;\nUGLY; // directivelint-disable-line toy\n/* directivelint-disable off-rule */\n"
	opts := Options{ReportUnusedDisable: true, Severity: map[string]Severity{}}
	got := runSource(t, "a.js", src, opts)
	want := []string{
		`1:41 unused-suppression: unused directivelint-disable-next-line comment: no other problem is reported on the next line; remove "other" from the comment`,
		"3:1 other: found UGLY",
		`3:37 unused-suppression: unused directivelint-disable-line comment: no toy problem is reported on this line; remove "toy" from the comment`,
		`4:26 invalid-suppression: unknown rule "off-rule" in a directivelint-disable comment; did you mean "other"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// ESLint and Biome comments naming our rules or peers are reported;
	// bare ones and unrelated ones are not.
	src = "// eslint-disable-next-line directivelint/toy, no-console\nok;\n// eslint-disable-next-line\nok;\n" +
		"// eslint-disable-next-line no-console\nok;\n// biome-ignore lint/nursery/noBad: x\nok;\n" +
		"/* directivelint-disable toy */\nok;\n/* directivelint-enable toy */\n/* directivelint-enable other */\n"
	got = runSource(t, "a.js", src, opts)
	want = []string{
		`1:29 unused-suppression: unused eslint-disable-next-line comment: no toy problem is reported on the next line; remove "directivelint/toy" from the comment`,
		`7:17 unused-suppression: unused biome-ignore comment: no toy problem is reported on the next line; remove "lint/nursery/noBad" from the comment`,
		`9:26 unused-suppression: unused directivelint-disable comment: no toy problem is reported before the comment that ends it; remove "toy" from the comment`,
		`12:25 unused-suppression: unused directivelint-enable comment: no directivelint-disable comment before it disables other; remove "other" from the comment`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A rule that is off for the file is never reported as unused.
	got = runSource(t, "a.js", "// directivelint-disable-next-line other\nok;\n",
		Options{ReportUnusedDisable: true, Severity: map[string]Severity{"other": SeverityOff}})
	if len(got) != 0 {
		t.Errorf("unused suppression of a rule that is off: %q", got)
	}
	// --quiet drops the warnings.
	got = runSource(t, "a.js", "// directivelint-disable-next-line toy\nok;\n", Options{ReportUnusedDisable: true, Quiet: true})
	if len(got) != 0 {
		t.Errorf("quiet: %q", got)
	}
}

// TestMayHoldSuppression checks the byte search that decides which files
// have their comments read: yes for every comment that may suppress one of
// our rules, no for files whose eslint or biome comments name other rules.
func TestMayHoldSuppression(t *testing.T) {
	toy := wordRule("toy", "BAD", SeverityError)
	toy.Aliases = []string{"@peer/no-bad", "noBad"}
	names := newSuppressionNames([]*Rule{toy})
	tests := []struct {
		src  string
		want bool
	}{
		{"BAD;\n", false},
		{"// directivelint-disable-line toy\n", true},
		{"// eslint-disable-next-line no-console\nBAD;\n", false},
		{"/* eslint-disable no-console */\n", false},
		{"const s = 'eslint-disable-next-line';\n", false},
		{"import x from 'eslint-plugin';\n", false},
		{"// eslint-disable-next-line\n", true},
		{"// eslint-disable-line -- reason\n", true},
		{"/* eslint-disable-next-line */\n", true},
		{"/*\n * eslint-disable-next-line no-console,\n * directivelint/toy */\n", false}, // the keyword is not first: not a directive
		{"/* eslint-disable-next-line no-console,\n   directivelint/toy */\n", true},
		{"// eslint-disable-next-line no-console\n// directivelint/toy\n", false},
		{"/* eslint-disable @peer/no-bad */\n", true},
		{"/* eslint-enable directivelint/toy */\n", true},
		{"// biome-ignore lint/nursery/noBad: x\n", true},
		{"// biome-ignore lint/suspicious/noDebugger: x\n", false},
	}
	for _, tt := range tests {
		if got := names.mayHold([]byte(tt.src)); got != tt.want {
			t.Errorf("mayHold(%q) = %v, want %v", tt.src, got, tt.want)
		}
		f := js.Scan("a.js", []byte(tt.src), js.LangJS)
		if s := parseSuppressions(f, names); s != nil && !tt.want {
			t.Errorf("%q: mayHold says no, but it holds suppressions", tt.src)
		}
	}
}

// FuzzMayHoldSuppression checks that mayHold never says no for a source
// that holds a suppression comment: it decides which files are searched
// for them at all.
func FuzzMayHoldSuppression(f *testing.F) {
	for _, seed := range []string{
		"// eslint-disable-next-line\n", "/* eslint-enable directivelint/toy */\n",
		"// biome-ignore lint/nursery/noBad: x\n", "// directivelint-disable-next-line toy\n",
		"x-y // eslint-disable-line -- r\n", "-/*eslint-disable @peer/no-bad*/",
	} {
		f.Add(seed)
	}
	names := newSuppressionNames([]*Rule{{ID: "toy", Aliases: []string{"@peer/no-bad", "lint/nursery/noBad"}}})
	f.Fuzz(func(t *testing.T, src string) {
		file := js.Scan("a.js", []byte(src), js.LangJS)
		if holdsEffective(parseSuppressions(file, names)) && !names.mayHold([]byte(src)) {
			t.Errorf("mayHold(%q) = false, but it holds suppressions", src)
		}
	})
}

// holdsEffective reports whether s holds a comment that may change what
// is reported: anything but a bare eslint-enable, which ends only ranges
// that other comments (which mayHold finds) open.
func holdsEffective(s *suppressions) bool {
	if s == nil {
		return false
	}
	if len(s.problems) > 0 {
		return true
	}
	for _, sup := range s.list {
		if !(sup.kind == suppressEnable && sup.all && len(sup.rules) == 0) {
			return true
		}
	}
	return false
}

// TestSuppressionsCappedPerFile: past maxFileSuppressions comments of ours
// in a file, the rest are not read (their problems are reported) and a
// notice says so; a file with exactly that many, and other comments
// after, gets no notice.
func TestSuppressionsCappedPerFile(t *testing.T) {
	toy := wordRule("toy", "BAD", SeverityError)
	run := func(src string) *Result {
		path := filepath.Join(t.TempDir(), "a.js")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return Run([]discover.Target{{Path: path, Display: "a.js", Lang: js.LangJS}}, Options{Rules: []*Rule{toy}})
	}
	// The comments cover lines without problems, but the last one.
	suppressed := strings.Repeat("// directivelint-disable-next-line toy\nok;\n", maxFileSuppressions-1) +
		"// directivelint-disable-next-line toy\nBAD;\n"

	res := run(suppressed + "// eslint-disable-next-line no-console\n// a comment\nok;\n")
	if len(res.Diagnostics) != 0 || len(res.Notices) != 0 {
		t.Errorf("at the cap: %d diagnostics, notices %v", len(res.Diagnostics), res.Notices)
	}
	res = run(suppressed + "// a comment\n// directivelint-disable-next-line toy\nBAD;\n")
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Pos.Line != 2*maxFileSuppressions+3 || len(res.Notices) != 1 ||
		!strings.HasSuffix(res.Notices[0].Text, "more than 1000 suppression comments: the rest are not read") {
		t.Errorf("past the cap: diagnostics %v, notices %v", res.Diagnostics, res.Notices)
	}
}
