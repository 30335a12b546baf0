package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// wordRule reports every occurrence of word in a file's source.
func wordRule(id, word string, def lint.Severity) *lint.Rule {
	return &lint.Rule{ID: id, Default: def, Fix: lint.FixSafe, Doc: lint.RuleDoc{Summary: "reports " + word},
		Run: func(pass *lint.Pass) {
			src := pass.File.Source
			for off := 0; ; {
				i := bytes.Index(src[off:], []byte(word))
				if i < 0 {
					return
				}
				start := off + i
				pass.Report(js.Span{Start: start, End: start + len(word)}, "found "+word, nil)
				off = start + len(word)
			}
		}}
}

var testRules = []*lint.Rule{
	wordRule("no-bad", "BAD", lint.SeverityError),
	wordRule("no-meh", "MEH", lint.SeverityWarn),
	{ID: "panics", Default: lint.SeverityError, Run: func(pass *lint.Pass) {
		if bytes.Contains(pass.File.Source, []byte("PANIC")) {
			panic("a bug")
		}
	}},
}

// project makes a directory of files and moves into it.
func project(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

func TestExitStatus(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		args       []string
		want       int
		wantOut    string // substring of stdout; "" means stdout must be empty
		wantErrOut string // substring of stderr
	}{
		{name: "clean", files: map[string]string{"a.js": "ok"}, want: 0},
		{name: "error", files: map[string]string{"a.js": "BAD"}, want: 1, wantOut: "1:1  error  found BAD  no-bad"},
		{name: "warning only", files: map[string]string{"a.js": "MEH"}, want: 0, wantOut: "1 warning"},
		{name: "too many warnings", files: map[string]string{"a.js": "MEH MEH"}, args: []string{"--max-warnings", "1"},
			want: 1, wantOut: "2 warnings", wantErrOut: "too many warnings (2; the maximum is 1)"},
		{name: "warnings within the limit", files: map[string]string{"a.js": "MEH MEH"}, args: []string{"--max-warnings=2"},
			want: 0, wantOut: "2 warnings"},
		{name: "quiet", files: map[string]string{"a.js": "MEH"}, args: []string{"--quiet", "--max-warnings=0"}, want: 0},
		{name: "rule off", files: map[string]string{"a.js": "BAD"}, args: []string{"--rule", "no-bad=off"}, want: 0},
		{name: "rule to warn", files: map[string]string{"a.js": "BAD"}, args: []string{"--rule=no-bad=warn"}, want: 0, wantOut: "warning"},
		{name: "warn to error", files: map[string]string{"a.js": "MEH"}, args: []string{"--rule", "no-bad=off", "--rule", "no-meh=error"},
			want: 1, wantOut: "1 error"},
		{name: "unknown rule", files: map[string]string{"a.js": "BAD"}, args: []string{"--rule", "no-bda=off"},
			want: 2, wantErrOut: `unknown rule "no-bda"; did you mean "no-bad"?`},
		{name: "bad severity", args: []string{"--rule", "no-bad=loud"}, want: 2, wantErrOut: `invalid severity "loud"`},
		{name: "bad format", args: []string{"--format", "xml"}, want: 2, wantErrOut: `unknown format "xml"`},
		{name: "bad colour", args: []string{"--color", "rainbow"}, want: 2, wantErrOut: `invalid --color "rainbow"`},
		{name: "unknown flag", args: []string{"--fix-everything"}, want: 2, wantErrOut: "unknown flag: --fix-everything"},
		{name: "bad number", args: []string{"--max-warnings", "many"}, want: 2, wantErrOut: "--max-warnings"},
		{name: "missing path", args: []string{"nowhere"}, want: 2, wantErrOut: "nowhere: no such file or directory"},
		{name: "bad file goes on", files: map[string]string{"a.js": "BAD", "b.js": "\x00"}, want: 1,
			wantOut: "in 1 file", wantErrOut: "b.js: skipped: binary file (NUL byte)"},
		{name: "no files", files: map[string]string{"README.md": "BAD"}, want: 0, wantErrOut: "no JavaScript or TypeScript files found"},
		{name: "explicit paths", files: map[string]string{"x/a.js": "BAD", "y/b.js": "BAD"}, args: []string{"y"}, want: 1,
			wantOut: "y/b.js"},
		{name: "version", args: []string{"--version"}, want: 0, wantOut: "directivelint dev\n"},
		{name: "rules", args: []string{"rules"}, want: 0, wantOut: "no-meh  warn     warn    safe  reports MEH"},
		{name: "rules takes no argument", args: []string{"rules", "x"}, want: 2, wantErrOut: "unknown command"},
		{name: "usage hint", args: []string{"--format", "xml"}, want: 2, wantErrOut: "Run 'directivelint --help' for usage."},
		{name: "internal error", files: map[string]string{"a.js": "PANIC"}, want: 2,
			wantErrOut: "a.js: internal error, file not checked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			project(t, tt.files)
			var stdout, stderr bytes.Buffer
			got := execute(tt.args, &stdout, &stderr, testRules)
			if got != tt.want {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", got, tt.want, stdout.String(), stderr.String())
			}
			if tt.wantOut == "" && stdout.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", stdout.String())
			}
			if !strings.Contains(stdout.String(), tt.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", stdout.String(), tt.wantOut)
			}
			if !strings.Contains(stderr.String(), tt.wantErrOut) {
				t.Errorf("stderr = %q, want it to contain %q", stderr.String(), tt.wantErrOut)
			}
		})
	}
}

func TestJSONOutputIsPure(t *testing.T) {
	project(t, map[string]string{"app/a.tsx": "x\nBAD", "app/bin.js": "\x00", "lib/c.ts": "MEH"})
	var stdout, stderr bytes.Buffer
	if got := execute([]string{"--format", "json", "--color", "always"}, &stdout, &stderr, testRules); got != 1 {
		t.Fatalf("exit status %d, want 1; stderr: %s", got, stderr.String())
	}
	var out struct {
		Version     int `json:"version"`
		Diagnostics []struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Severity string `json:"severity"`
		} `json:"diagnostics"`
		Summary struct{ Files, Errors, Warnings int } `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout.String())
	}
	if out.Version != 1 || len(out.Diagnostics) != 2 || out.Diagnostics[0].File != "app/a.tsx" || out.Diagnostics[0].Line != 2 ||
		out.Diagnostics[1].Severity != "warning" || out.Summary.Files != 2 || out.Summary.Errors != 1 || out.Summary.Warnings != 1 {
		t.Errorf("unexpected report: %+v", out)
	}
	if !strings.Contains(stderr.String(), "app/bin.js: skipped") {
		t.Errorf("stderr = %q, want the skipped file", stderr.String())
	}
}

func TestColorEnabled(t *testing.T) {
	var buf bytes.Buffer
	tests := []struct {
		mode, noColor string
		want          bool
	}{
		{"always", "", true},
		{"always", "1", true}, // an explicit flag wins over NO_COLOR
		{"never", "", false},
		{"auto", "", false}, // a buffer is not a terminal
		{"auto", "1", false},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		got, err := colorEnabled(tt.mode, &buf)
		if err != nil || got != tt.want {
			t.Errorf("colorEnabled(%q) with NO_COLOR=%q = %v, %v; want %v", tt.mode, tt.noColor, got, err, tt.want)
		}
	}
	project(t, map[string]string{"a.js": "BAD"})
	var stdout, stderr bytes.Buffer
	execute([]string{"--color", "always"}, &stdout, &stderr, testRules)
	if !strings.Contains(stdout.String(), "\x1b[") {
		t.Errorf("--color always wrote no colour: %q", stdout.String())
	}
}

// TestDemo lints testdata/demo with the real scanner and rules, as the
// README's first command does: each planted mistake is reported once, and
// the correct files stay quiet.
func TestDemo(t *testing.T) {
	var stdout, stderr bytes.Buffer
	t.Chdir("../..")
	if got := run([]string{"--format", "json", "testdata/demo"}, &stdout, &stderr); got != 1 {
		t.Fatalf("exit status %d, want 1\nstdout: %s\nstderr: %s", got, stdout.String(), stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr = %q, want nothing", stderr.String())
	}
	var out struct {
		Diagnostics []struct {
			File string `json:"file"`
			Line int    `json:"line"`
			Rule string `json:"rule"`
		} `json:"diagnostics"`
		Summary struct{ Files int } `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	type finding struct {
		file string
		line int
		rule string
	}
	var got []finding
	for _, d := range out.Diagnostics {
		got = append(got, finding{d.File, d.Line, d.Rule})
	}
	want := []finding{
		{"testdata/demo/app/actions.ts", 16, "server-file-exports"},
		{"testdata/demo/app/lib/db.ts", 3, "directive-typo"},
		{"testdata/demo/app/lib/stats.ts", 6, "directive-syntax"},
		{"testdata/demo/app/ui/button.tsx", 6, "directive-position"},
		{"testdata/demo/app/ui/todo-form.tsx", 12, "server-function-in-client"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings =\n  %v\nwant\n  %v", got, want)
	}
	if out.Summary.Files != 7 {
		t.Errorf("summary.files = %d, want 7", out.Summary.Files)
	}
}

// TestPreset runs the real rules over a Server Function with an unchecked
// argument: recommended says nothing, strict warns, --rule wins over the
// preset, and an unknown preset is a usage error.
func TestPreset(t *testing.T) {
	project(t, map[string]string{"actions.ts": "'use server';\nexport async function remove(id: string) {\n  await db.delete(id);\n}\n"})
	tests := []struct {
		args    []string
		want    int
		wantOut string
		wantErr string
	}{
		{args: nil, want: 0},
		{args: []string{"--preset", "recommended"}, want: 0},
		{args: []string{"--preset", "strict"}, want: 0, wantOut: `warning  Server Function "remove" uses its parameter "id" before validating it`},
		{args: []string{"--preset", "strict", "--max-warnings", "0"}, want: 1, wantOut: "unvalidated-server-input"},
		{args: []string{"--preset", "strict", "--rule", "unvalidated-server-input=error"}, want: 1, wantOut: "error  Server Function \"remove\""},
		{args: []string{"--preset", "strict", "--rule", "unvalidated-server-input=off"}, want: 0},
		{args: []string{"--preset", "strcit"}, want: 2, wantErr: `unknown preset "strcit": want recommended or strict`},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		got := run(append([]string{"--color", "never"}, tt.args...), &stdout, &stderr)
		quiet := tt.wantOut == "" && strings.Contains(stdout.String(), "unvalidated-server-input")
		if got != tt.want || quiet || !strings.Contains(stdout.String(), tt.wantOut) || !strings.Contains(stderr.String(), tt.wantErr) {
			t.Errorf("%v: status %d, want %d\nstdout: %s\nstderr: %s", tt.args, got, tt.want, stdout.String(), stderr.String())
		}
	}
}
