package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"

	"github.com/directivelint/directivelint/rules"
)

// cli runs the command line with ruleset and returns the exit status, stdout
// and stderr.
func cli(t *testing.T, ruleset []*lint.Rule, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := execute(args, &out, &errOut, ruleset)
	return code, out.String(), errOut.String()
}

func TestGitHubActionsAnnotations(t *testing.T) {
	project(t, map[string]string{"a,b:c.ts": "BAD\n"})
	t.Setenv("GITHUB_ACTIONS", "true")
	code, out, _ := cli(t, testRules, "--color", "never")
	if code != 1 || !strings.Contains(out, "  1:1  error  found BAD  no-bad") ||
		!strings.HasSuffix(out, "::error file=a%2Cb%3Ac.ts,line=1,col=1,endLine=1,endColumn=4,title=directivelint (no-bad)::found BAD\n") {
		t.Errorf("status %d, output:\n%s", code, out)
	}
	// An explicit --format is used alone.
	_, out, _ = cli(t, testRules, "--format", "compact")
	if out != "a,b:c.ts:1:1: error: found BAD [no-bad]\n" {
		t.Errorf("compact in Actions = %q", out)
	}
	t.Setenv("GITHUB_ACTIONS", "")
	if _, out, _ = cli(t, testRules, "--color", "never"); strings.Contains(out, "::error") {
		t.Errorf("annotations outside Actions:\n%s", out)
	}
}

func TestFormatsFromTheCommandLine(t *testing.T) {
	project(t, map[string]string{"a.ts": "BAD\n"})
	for format, want := range map[string]string{
		"github":  "::error file=a.ts,line=1,col=1,endLine=1,endColumn=4,title=directivelint (no-bad)::found BAD\n",
		"compact": "a.ts:1:1: error: found BAD [no-bad]\n",
		"sarif":   `"ruleId": "no-bad"`,
	} {
		code, out, errOut := cli(t, testRules, "--format", format)
		if code != 1 || !strings.Contains(out, want) || errOut != "" {
			t.Errorf("--format %s: status %d, stdout %q, stderr %q", format, code, out, errOut)
		}
	}
}

func TestStdin(t *testing.T) {
	project(t, map[string]string{"directivelint.json": `{"ignore": ["gen/"]}`})
	stdinReader = strings.NewReader("'use sever';\nexport async function f() {}\n")
	t.Cleanup(func() { stdinReader = os.Stdin })
	code, out, errOut := cli(t, rules.All(), "--stdin", "--stdin-filename", "app/actions.ts", "--format", "compact")
	if code != 1 || !strings.HasPrefix(out, `app/actions.ts:1:1: error: "use sever" is not a directive`) || errOut != "" {
		t.Errorf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
	// --fix prints the fixed source; the report goes to stderr.
	stdinReader = strings.NewReader("`use client`;\nexport const a = 1;\n")
	code, out, errOut = cli(t, rules.All(), "--stdin", "--stdin-filename", "a.jsx", "--fix", "--format", "compact")
	if code != 0 || out != "\"use client\";\nexport const a = 1;\n" || errOut != "" {
		t.Errorf("--stdin --fix: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	// A file name the config ignores lints nothing.
	stdinReader = strings.NewReader("'use sever';\n")
	if code, out, _ = cli(t, rules.All(), "--stdin", "--stdin-filename", "gen/a.ts"); code != 0 || out != "" {
		t.Errorf("ignored stdin: status %d, %q", code, out)
	}
	for _, args := range [][]string{{"--stdin", "a.ts"}, {"--stdin-filename", "a.ts"}} {
		if code, _, errOut = cli(t, rules.All(), args...); code != 2 {
			t.Errorf("%v: status %d, %s", args, code, errOut)
		}
	}
}

func TestConfigFromTheCommandLine(t *testing.T) {
	project(t, map[string]string{
		"directivelint.json": `{
  // JSONC
  "rules": {"no-meh": "error"},
  "ignore": ["vendor/"],
  "overrides": [{"files": ["legacy/**"], "rules": {"no-bad": "off"}}],
}`,
		"sub/a.ts":       "MEH\n",
		"vendor/b.ts":    "BAD\n",
		"legacy/c.ts":    "BAD\n",
		"other/bad.json": `{"rules": {"no-bda": "off"}}`,
	})
	code, out, errOut := cli(t, testRules, "--format", "compact")
	if code != 1 || out != "sub/a.ts:1:1: error: found MEH [no-meh]\n" {
		t.Errorf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
	// --rule wins over the file; the config is found from a subdirectory.
	t.Chdir("sub")
	if code, out, _ = cli(t, testRules, "--format", "compact", "--rule", "no-meh=off", "."); code != 0 || out != "" {
		t.Errorf("--rule over config: status %d, %q", code, out)
	}
	t.Chdir("..")
	code, _, errOut = cli(t, testRules, "--config", "other/bad.json")
	want := "directivelint: other/bad.json:1:12: unknown rule \"no-bda\"; did you mean \"no-bad\"?\nRun 'directivelint --help' for usage.\n"
	if code != 2 || errOut != want {
		t.Errorf("bad config: status %d, stderr %q, want %q", code, errOut, want)
	}
}

func TestExplain(t *testing.T) {
	code, out, _ := cli(t, rules.All(), "explain", "directive-typo")
	if code != 0 || out != lint.RuleMarkdown(rules.DirectiveTypo) {
		t.Errorf("explain: status %d\n%s", code, out)
	}
	for _, h := range []string{"# directive-typo\n", "## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix"} {
		if !strings.Contains(out, h) {
			t.Errorf("explain lacks %q", h)
		}
	}
	if code, out, _ = cli(t, rules.All(), "explain", "invalid-suppression"); code != 0 || !strings.HasPrefix(out, "# invalid-suppression\n") {
		t.Errorf("explain invalid-suppression: %d %q", code, out)
	}
	code, _, errOut := cli(t, rules.All(), "explain", "directive-typos")
	if code != 2 || !strings.HasPrefix(errOut, "directivelint: unknown rule \"directive-typos\"; did you mean \"directive-typo\"?\n") {
		t.Errorf("explain unknown: %d %q", code, errOut)
	}
}

func TestReportUnusedDisable(t *testing.T) {
	project(t, map[string]string{"a.ts": "// directivelint-disable-next-line no-bad -- why\nok;\nBAD; // directivelint-disable-line no-bad\n// directivelint-disable-line no-bda\n"})
	code, out, _ := cli(t, testRules, "--format", "compact")
	want := `a.ts:4:31: error: unknown rule "no-bda" in a directivelint-disable-line comment; did you mean "no-bad"? [invalid-suppression]` + "\n"
	if code != 1 || out != want {
		t.Errorf("status %d, %q", code, out)
	}
	_, out, _ = cli(t, testRules, "--format", "compact", "--report-unused-disable")
	want = `a.ts:1:36: warning: unused directivelint-disable-next-line comment: no no-bad problem is reported on the next line; remove "no-bad" from the comment [unused-suppression]` + "\n" + want
	if out != want {
		t.Errorf("--report-unused-disable:\n%s\nwant\n%s", out, want)
	}
}

func TestFixFlagsNeedEachOther(t *testing.T) {
	project(t, map[string]string{"a.ts": "ok\n"})
	for args, want := range map[string]string{
		"--unsafe-fixes": "directivelint: --unsafe-fixes needs --fix or --diff\n",
		"--fix --diff":   "directivelint: --fix and --diff do not go together: --diff shows what --fix would write\n",
	} {
		code, _, errOut := cli(t, testRules, strings.Fields(args)...)
		if code != 2 || !strings.HasPrefix(errOut, want) {
			t.Errorf("%s: status %d, %q", args, code, errOut)
		}
	}
}

// fixableFixtures lists, for each rule with fixes, its fixtures that have a
// NAME.fixed.EXT golden file.
func fixableFixtures(t *testing.T) map[*lint.Rule][]string {
	t.Helper()
	out := map[*lint.Rule][]string{}
	for _, r := range rules.All() {
		if r.Fix == lint.FixNone || r.Run == nil {
			continue // graph-only rules' fixes: TestGraphRuleFix
		}
		dir := filepath.Join("..", "..", "testdata", "src", r.ID)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			ext := filepath.Ext(e.Name())
			if strings.HasSuffix(strings.TrimSuffix(e.Name(), ext), ".fixed") {
				p := filepath.Join(dir, strings.TrimSuffix(strings.TrimSuffix(e.Name(), ext), ".fixed")+ext)
				abs, _ := filepath.Abs(p)
				out[r] = append(out[r], abs)
			}
		}
		if len(out[r]) == 0 {
			t.Errorf("%s offers fixes but has no NAME.fixed.EXT fixture", r.ID)
		}
	}
	return out
}

// TestFixRoundTrip applies --fix to every fixable fixture, as LF and as
// CRLF, through the command line: the result is the golden file, lints
// clean of fixable problems for that rule, a second --fix changes nothing,
// --diff writes nothing, and the permissions, BOM and line endings stay.
func TestFixRoundTrip(t *testing.T) {
	for r, fixtures := range fixableFixtures(t) {
		for _, fixture := range fixtures {
			for _, crlf := range []bool{false, true} {
				name := r.ID + "/" + filepath.Base(fixture)
				if crlf {
					name += "/crlf"
				}
				t.Run(name, func(t *testing.T) {
					fixRoundTrip(t, r, fixture, crlf)
				})
			}
		}
	}
}

func toCRLF(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

func fixRoundTrip(t *testing.T, r *lint.Rule, fixture string, crlf bool) {
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	ext := filepath.Ext(fixture)
	golden, err := os.ReadFile(strings.TrimSuffix(fixture, ext) + ".fixed" + ext)
	if err != nil {
		t.Fatal(err)
	}
	if crlf {
		if bytes.Contains(src, []byte("\r")) {
			t.Skip("already CRLF")
		}
		src, golden = toCRLF(src), toCRLF(golden)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	name := filepath.Base(fixture)
	if err := os.WriteFile(name, src, 0o600); err != nil {
		t.Fatal(err)
	}
	ruleset := []*lint.Rule{r}
	flags := []string{"--fix", "--unsafe-fixes", "--format", "json", name}

	// --diff shows the change and writes nothing.
	code, out, errOut := cli(t, ruleset, "--diff", "--unsafe-fixes", name)
	if code != 1 || !strings.HasPrefix(out, "--- a/"+name+"\n+++ b/"+name+"\n@@ ") || errOut != "" {
		t.Errorf("--diff: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	if now, _ := os.ReadFile(name); !bytes.Equal(now, src) {
		t.Fatal("--diff wrote the file")
	}

	cli(t, ruleset, flags...)
	fixed, _ := os.ReadFile(name)
	if !bytes.Equal(fixed, golden) {
		t.Errorf("after --fix:\n%q\nwant (golden)\n%q", fixed, golden)
	}
	if crlf && bytes.Contains(bytes.ReplaceAll(fixed, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("a lone LF in a CRLF file after --fix: %q", fixed)
	}
	if bytes.HasPrefix(src, []byte("\uFEFF")) != bytes.HasPrefix(fixed, []byte("\uFEFF")) {
		t.Error("the BOM changed")
	}
	if info, err := os.Stat(name); err != nil || (runtime.GOOS != "windows" && info.Mode().Perm() != 0o600) {
		t.Errorf("mode after --fix = %v, %v", info.Mode().Perm(), err)
	}
	// Clean for that rule: nothing fixable is left.
	res := lint.Run([]discover.Target{{Path: name, Display: name, Lang: lintLang(name)}}, lint.Options{Rules: ruleset})
	for _, d := range res.Diagnostics {
		if d.Fix != nil {
			t.Errorf("fixable problem left after --fix: %d:%d %s", d.Pos.Line, d.Pos.Column, d.Message)
		}
	}
	// A second --fix is a no-op.
	before, _ := os.Stat(name)
	cli(t, ruleset, flags...)
	again, _ := os.ReadFile(name)
	after, _ := os.Stat(name)
	if !bytes.Equal(again, fixed) || !os.SameFile(before, after) {
		t.Errorf("second --fix changed the file")
	}
	if code, out, _ := cli(t, ruleset, "--diff", "--unsafe-fixes", name); code != 0 || out != "" {
		t.Errorf("--diff after --fix: %d %q", code, out)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func lintLang(name string) js.Lang {
	l, _ := js.LangOf(name)
	return l
}

// TestFixSafeOnly checks that --fix alone leaves unsafe fixes alone.
func TestFixSafeOnly(t *testing.T) {
	project(t, map[string]string{"a.ts": "import x from 'x';\n'use sever';\nexport const a = x;\n"})
	info, _ := os.Stat("a.ts")
	cli(t, rules.All(), "--fix", "a.ts")
	if got, _ := os.ReadFile("a.ts"); string(got) != "import x from 'x';\n'use sever';\nexport const a = x;\n" {
		t.Errorf("--fix applied an unsafe fix: %q", got)
	}
	if now, _ := os.Stat("a.ts"); !os.SameFile(info, now) || now.Mode() != info.Mode() {
		t.Error("--fix rewrote a file it did not change")
	}
}

// TestCleanExample keeps testdata/clean clean: the dogfooding workflow
// expects the action to pass there.
func TestCleanExample(t *testing.T) {
	code, out, errOut := cli(t, rules.All(), "--report-unused-disable", filepath.Join("..", "..", "testdata", "clean"))
	if code != 0 || out != "" || errOut != "" {
		t.Errorf("testdata/clean: status %d\n%s%s", code, out, errOut)
	}
}

// TestConfigCacheKinds checks that "cacheKinds" of directivelint.json
// reaches unknown-cache-kind, beside the kinds of next.config.
func TestConfigCacheKinds(t *testing.T) {
	project(t, map[string]string{
		"package.json":       `{"dependencies": {"next": "16.0.0"}}`,
		"next.config.mjs":    "export default { cacheHandlers: { redis: './redis.mjs' } }\n",
		"lib/data.ts":        "export async function a() {\n  'use cache: redis'\n}\nexport async function b() {\n  'use cache: disk'\n}\nexport async function c() {\n  'use cache: edge'\n}\n",
		"directivelint.json": `{"cacheKinds": ["disk"]}`,
	})
	code, out, errOut := cli(t, rules.All(), "--format", "compact")
	if code != 1 || !strings.HasPrefix(out, `lib/data.ts:8:3: error: Unknown cache kind "edge"`) || strings.Count(out, "\n") != 1 {
		t.Errorf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
}
