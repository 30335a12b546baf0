package main

import (
	"os"
	"strings"
	"testing"
)

func TestOutputFile(t *testing.T) {
	project(t, map[string]string{"a.ts": "BAD\n"})
	// The report goes to the file (its directory made), stdout gets nothing.
	code, out, errOut := cli(t, testRules, "--output-file", "reports/lint.xml", "--format", "checkstyle")
	got, err := os.ReadFile("reports/lint.xml")
	if code != 1 || out != "" || errOut != "" || err != nil || !strings.Contains(string(got), `<error line="1" column="1" severity="error" message="found BAD" source="directivelint.rules.no-bad">`) {
		t.Errorf("-o: status %d, stdout %q, stderr %q, file %q (%v)", code, out, errOut, got, err)
	}
	// Stylish in a file has no colour (--color auto).
	if code, out, _ = cli(t, testRules, "-o", "lint.txt"); code != 1 || out != "" {
		t.Errorf("-o stylish: status %d, stdout %q", code, out)
	}
	if got, _ = os.ReadFile("lint.txt"); !strings.HasPrefix(string(got), "a.ts\n  1:1  error  found BAD  no-bad\n") {
		t.Errorf("-o stylish wrote %q", got)
	}
	// A clean run still writes the file (an empty report), as ESLint does.
	if err := os.WriteFile("a.ts", []byte("ok\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ = cli(t, testRules, "-o", "lint.txt"); code != 0 {
		t.Errorf("clean -o: status %d", code)
	}
	if got, err = os.ReadFile("lint.txt"); err != nil || len(got) != 0 {
		t.Errorf("clean -o left %q (%v)", got, err)
	}
	// A directory is no place for a report; --diff has none.
	for args, want := range map[string]string{
		"-o reports":      "directivelint: cannot write the report to reports: it is a directory\n",
		"-o x.txt --diff": "directivelint: --output-file and --diff do not go together",
	} {
		if code, _, errOut = cli(t, testRules, strings.Fields(args)...); code != 2 || !strings.HasPrefix(errOut, want) {
			t.Errorf("%s: status %d, stderr %q", args, code, errOut)
		}
	}
}

func TestOutputFileInGitHubActions(t *testing.T) {
	project(t, map[string]string{"a.ts": "BAD\n"})
	t.Setenv("GITHUB_ACTIONS", "true")
	code, out, _ := cli(t, testRules, "-o", "lint.txt")
	got, _ := os.ReadFile("lint.txt")
	if code != 1 || out != "::error file=a.ts,line=1,col=1,endLine=1,endColumn=4,title=directivelint (no-bad)::found BAD\n" ||
		strings.Contains(string(got), "::error") || !strings.HasPrefix(string(got), "a.ts\n") {
		t.Errorf("status %d, stdout %q, file %q", code, out, got)
	}
}

func TestOutputFileSaysWhatFixChanged(t *testing.T) {
	project(t, map[string]string{"a.ts": "SAFE\n"})
	code, out, errOut := cli(t, fixRules, "--fix", "-o", "lint.txt")
	got, _ := os.ReadFile("lint.txt")
	if code != 0 || out != "" || errOut != "directivelint: fixed 1 problem in 1 file\n" ||
		string(got) != "✔ 1 problem fixed in 1 file, no problems remaining\n" {
		t.Errorf("status %d, stdout %q, stderr %q, file %q", code, out, errOut, got)
	}
}

func TestCIFormatsFromTheCommandLine(t *testing.T) {
	project(t, map[string]string{"a.ts": "BAD\n"})
	for format, want := range map[string]string{
		"junit":      `<testcase name="no-bad at 1:1" classname="a.ts" time="0">`,
		"checkstyle": `<file name="a.ts">`,
		"gitlab":     `"check_name": "no-bad",`,
	} {
		code, out, errOut := cli(t, testRules, "--format", format)
		if code != 1 || !strings.Contains(out, want) || errOut != "" {
			t.Errorf("--format %s: status %d, stdout %q, stderr %q", format, code, out, errOut)
		}
	}
}
