package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

func diag(file string, line, col, endLine, endCol int, rule string, sev lint.Severity, msg, src string) lint.Diagnostic {
	return lint.Diagnostic{
		File: file, Rule: rule, Severity: sev, Message: msg,
		Pos: js.Position{Line: line, Column: col}, End: js.Position{Line: endLine, Column: endCol},
		Excerpt: excerpt(src, col),
	}
}

// excerpt is the excerpt of the one-line source src around the 1-based
// UTF-16 column col, as the runner makes it for a reporter.
func excerpt(src string, col int) js.Excerpt {
	offset, units := 0, 0
	for _, r := range src {
		if units >= col-1 {
			break
		}
		offset += utf8.RuneLen(r)
		units += utf16.RuneLen(r)
	}
	f := &js.File{Source: []byte(src)}
	return f.Excerpt(offset)
}

var sample = []lint.Diagnostic{
	diag("app/a.tsx", 3, 1, 3, 13, "directive-position", lint.SeverityError,
		`"use client" must come first`, `'use client'`),
	diag("app/a.tsx", 10, 14, 10, 26, "directive-typo", lint.SeverityWarn,
		`Did you mean "use server"? <sic> & more`, "export const x = 'use sever'"),
	diag("lib/b.ts", 1, 1, 2, 3, "server-file-exports", lint.SeverityError, "not async", "export function f() {"),
}

func render(t *testing.T, format string, opts Options, diags []lint.Diagnostic, sum Summary) string {
	t.Helper()
	r, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Report(&buf, diags, sum); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestNew(t *testing.T) {
	if _, err := New("xml", Options{}); err == nil || err.Error() != `unknown format "xml": want checkstyle, compact, github, gitlab, json, junit, sarif or stylish` {
		t.Errorf("New(xml) error = %v", err)
	}
}

func TestJSON(t *testing.T) {
	got := render(t, "json", Options{Color: true}, sample, Summary{Files: 120})
	want := `{"version":1,"diagnostics":[` +
		`{"file":"app/a.tsx","line":3,"column":1,"endLine":3,"endColumn":13,"rule":"directive-position","severity":"error","message":"\"use client\" must come first","fix":"none","url":"https://github.com/directivelint/directivelint/blob/main/docs/rules/directive-position.md"},` +
		`{"file":"app/a.tsx","line":10,"column":14,"endLine":10,"endColumn":26,"rule":"directive-typo","severity":"warning","message":"Did you mean \"use server\"? <sic> & more","fix":"none","url":"https://github.com/directivelint/directivelint/blob/main/docs/rules/directive-typo.md"},` +
		`{"file":"lib/b.ts","line":1,"column":1,"endLine":2,"endColumn":3,"rule":"server-file-exports","severity":"error","message":"not async","fix":"none","url":"https://github.com/directivelint/directivelint/blob/main/docs/rules/server-file-exports.md"}],` +
		`"summary":{"files":120,"errors":2,"warnings":1}}` + "\n"
	if got != want {
		t.Errorf("json =\n%s\nwant\n%s", got, want)
	}
	if !json.Valid([]byte(got)) {
		t.Error("output is not valid JSON")
	}
}

func TestJSONEmpty(t *testing.T) {
	got := render(t, "json", Options{}, nil, Summary{Files: 3})
	want := `{"version":1,"diagnostics":[],"summary":{"files":3,"errors":0,"warnings":0}}` + "\n"
	if got != want {
		t.Errorf("json = %s, want %s", got, want)
	}
}

func TestStylish(t *testing.T) {
	got := render(t, "stylish", Options{}, sample, Summary{Files: 120})
	want := `app/a.tsx
  3:1    error    "use client" must come first             directive-position
    3 | 'use client'
      | ^^^^^^^^^^^^
  10:14  warning  Did you mean "use server"? <sic> & more  directive-typo
    10 | export const x = 'use sever'
       |              ^^^^^^^^^^^^

lib/b.ts
  1:1  error  not async  server-file-exports
    1 | export function f() {
      | ^^^^^^^^^^^^^^^^^^^^^

✖ 3 problems (2 errors, 1 warning) in 2 files
`
	if got != want {
		t.Errorf("stylish =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("colour codes without Color")
	}
}

func TestStylishColor(t *testing.T) {
	got := render(t, "stylish", Options{Color: true}, sample[:1], Summary{Files: 1})
	for _, want := range []string{"\x1b[1;4mapp/a.tsx\x1b[", "\x1b[31merror\x1b[", "\x1b[31;1m✖ 1 problem (1 error, 0 warnings) in 1 file\x1b["} {
		if !strings.Contains(got, want) {
			t.Errorf("stylish with colour lacks %q:\n%q", want, got)
		}
	}
	warnOnly := render(t, "stylish", Options{Color: true}, sample[1:2], Summary{Files: 1})
	if !strings.Contains(warnOnly, "\x1b[33;1m✖ 1 problem (0 errors, 1 warning) in 1 file") {
		t.Errorf("warnings-only summary is not yellow:\n%q", warnOnly)
	}
}

func TestStylishNothing(t *testing.T) {
	if got := render(t, "stylish", Options{}, nil, Summary{Files: 9}); got != "" {
		t.Errorf("stylish with no diagnostics = %q, want nothing", got)
	}
}

func TestStylishFrame(t *testing.T) {
	long := strings.Repeat("a", 300) + "BAD" + strings.Repeat("b", 300)
	tests := []struct {
		name      string
		d         lint.Diagnostic
		wantFrame string
	}{
		{"tab and wide characters",
			diag("x.js", 1, 6, 1, 9, "r", lint.SeverityError, "m", "\té😀 BAD FOO"),
			"    1 | \té😀 BAD FOO\n      | \t   ^^^\n"},
		{"control characters",
			diag("x.js", 1, 3, 1, 4, "r", lint.SeverityError, "m\x1b[2J", "a\x1bb\u202ec"),
			"    1 | a b\uFFFDc\n      |   ^\n"},
		{"span past the line end",
			diag("x.js", 1, 5, 3, 1, "r", lint.SeverityError, "m", "abcdefg"),
			"    1 | abcdefg\n      |     ^^^\n"},
		{"empty span",
			diag("x.js", 2, 8, 2, 8, "r", lint.SeverityError, "m", "abcdefg"),
			"    2 | abcdefg\n      |        ^\n"},
		{"long line",
			diag("x.js", 1, 301, 1, 304, "r", lint.SeverityError, "m", long),
			"    1 | …" + strings.Repeat("a", 40) + "BAD" + strings.Repeat("b", 117) + "…\n      |  " + strings.Repeat(" ", 40) + "^^^\n"},
		{"long line, span at its end",
			diag("x.js", 1, 604, 1, 604, "r", lint.SeverityError, "m", long),
			"    1 | …" + strings.Repeat("b", 160) + "\n      |  " + strings.Repeat(" ", 160) + "^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, "stylish", Options{}, []lint.Diagnostic{tt.d}, Summary{})
			lines := strings.SplitAfter(got, "\n")
			if len(lines) < 4 {
				t.Fatalf("output too short: %q", got)
			}
			if frame := lines[2] + lines[3]; frame != tt.wantFrame {
				t.Errorf("frame =\n%q\nwant\n%q", frame, tt.wantFrame)
			}
			if strings.ContainsRune(got, '\x1b') {
				t.Errorf("escape character reached the output: %q", got)
			}
		})
	}
}

// chained is a graph diagnostic with an import chain as related positions.
var chained = func() lint.Diagnostic {
	d := diag("lib/db.ts", 1, 1, 1, 21, "server-only-in-client", lint.SeverityError, "client code", `import "server-only";`)
	d.Related = []lint.Related{
		{File: "components/button.tsx", Pos: js.Position{Line: 3, Column: 1}, Message: "imports lib/index.ts"},
		{File: "lib/index.ts", Pos: js.Position{Line: 2, Column: 1}, Message: "imports lib/db.ts"},
	}
	return d
}()

func TestJSONRelated(t *testing.T) {
	got := render(t, "json", Options{}, []lint.Diagnostic{chained}, Summary{Files: 3})
	want := `"message":"client code","fix":"none","url":"https://github.com/directivelint/directivelint/blob/main/docs/rules/server-only-in-client.md","related":[` +
		`{"file":"components/button.tsx","line":3,"column":1,"message":"imports lib/index.ts"},` +
		`{"file":"lib/index.ts","line":2,"column":1,"message":"imports lib/db.ts"}]}]`
	if !strings.Contains(got, want) {
		t.Errorf("json =\n%s\nwant it to contain\n%s", got, want)
	}
	if plain := render(t, "json", Options{}, sample[:1], Summary{}); strings.Contains(plain, "related") {
		t.Errorf("related shown without related positions: %s", plain)
	}
}

func TestStylishRelated(t *testing.T) {
	got := render(t, "stylish", Options{}, []lint.Diagnostic{chained}, Summary{Files: 3})
	want := `lib/db.ts
  1:1  error  client code  server-only-in-client
    1 | import "server-only";
      | ^^^^^^^^^^^^^^^^^^^^
    ↳ components/button.tsx:3:1  imports lib/index.ts
    ↳ lib/index.ts:2:1  imports lib/db.ts
`
	if !strings.HasPrefix(got, want) {
		t.Errorf("stylish =\n%s\nwant it to start with\n%s", got, want)
	}
}

// TestSanitizeLeavesPrintableASCII checks sanitize's shortcut for
// printable ASCII (stylish sanitizes each message, twice, and each frame),
// and that the rest is still cleaned.
func TestSanitizeLeavesPrintableASCII(t *testing.T) {
	s := "\t'use server' is \"ignored\" here ~"
	if !printableASCII(s) || sanitize(s) != s {
		t.Errorf("sanitize(%q) = %q", s, sanitize(s))
	}
	for in, want := range map[string]string{"a\x7fb": "a b", "a\x1bb": "a b", "é\u202e": "é\uFFFD", "a\rb": "a b"} {
		if printableASCII(in) {
			t.Errorf("printableASCII(%q) = true", in)
		}
		if got := sanitize(in); got != want {
			t.Errorf("sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkStylishLongLine formats the diagnostics of a minified line.
func BenchmarkStylishLongLine(b *testing.B) {
	line := strings.Repeat("export async function f(){ 'use server'; return 1;};", 2000)
	var diags []lint.Diagnostic
	for i := range 2000 {
		col := 28 + 53*i
		diags = append(diags, diag("min.js", 1, col, 1, col+12, "server-function-in-client", lint.SeverityError,
			`Server Function "f" is defined inline in a "use client" module`, line))
	}
	r, _ := New("stylish", Options{})
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Report(io.Discard, diags, Summary{}); err != nil {
			b.Fatal(err)
		}
	}
}

// jsonReport is the whole JSON document, which the reporter writes a
// diagnostic at a time.
type jsonReport struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Summary     jsonSummary      `json:"summary"`
}

// TestJSONStreamed checks that writing the JSON document a diagnostic at
// a time gives the bytes of encoding it whole.
func TestJSONStreamed(t *testing.T) {
	odd := diag("a<&>.ts", 1, 2, 3, 4, "r", lint.SeverityWarn, "line\nbreak \u2028 é \"q\" <b> & \x01", "x")
	for name, diags := range map[string][]lint.Diagnostic{
		"none": nil, "sample": sample, "related": {chained}, "odd characters": {odd, odd},
	} {
		whole := jsonReport{Version: jsonVersion, Diagnostics: []jsonDiagnostic{}, Summary: jsonSummary{Files: 7}}
		for _, d := range diags {
			whole.Diagnostics = append(whole.Diagnostics, jsonDiagnosticOf(d))
		}
		whole.Summary.Errors, whole.Summary.Warnings = count(diags)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(whole); err != nil {
			t.Fatal(err)
		}
		if got := render(t, "json", Options{}, diags, Summary{Files: 7}); got != want.String() {
			t.Errorf("%s: streamed\n%s\nwhole\n%s", name, got, want.String())
		}
	}
}
