package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/discover"
)

// runSource lints src as name with the toy rules BAD (rule toy) and
// UGLY (rule other) and returns the diagnostics as "line:col rule: message".
func runSource(t *testing.T, name, src string, opts Options) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Rules = []*Rule{wordRule("toy", "BAD", SeverityError), wordRule("other", "UGLY", SeverityError)}
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
