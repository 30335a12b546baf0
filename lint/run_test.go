package lint

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/source"

	"github.com/directivelint/directivelint/internal/testtree"
)

// wordRule reports every occurrence of word in a file's source.
func wordRule(id, word string, def Severity) *Rule {
	return &Rule{ID: id, Default: def, Run: func(pass *Pass) {
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

func targetsIn(t *testing.T, files map[string]string) []discover.Target {
	t.Helper()
	root := t.TempDir()
	testtree.Write(t, root, files)
	t.Chdir(root)
	targets, _, err := discover.Targets(nil)
	if err != nil {
		t.Fatal(err)
	}
	return targets
}

type diagKey struct {
	File, Rule string
	Severity   Severity
	Pos, End   js.Position
	Excerpt    string
}

func keys(ds []Diagnostic) []diagKey {
	var out []diagKey
	for _, d := range ds {
		out = append(out, diagKey{d.File, d.Rule, d.Severity, d.Pos, d.End, d.Excerpt.Text})
	}
	return out
}

func TestRunPositionsAndOrder(t *testing.T) {
	targets := targetsIn(t, map[string]string{
		"b.js": "BAD + FOO\n",
		"a.ts": "x\r\n\t/*é😀*/ BAD + FOO\nBAD",
	})
	res := Run(targets, Options{Rules: []*Rule{
		wordRule("z-foo", "FOO", SeverityWarn),
		wordRule("a-bad", "BAD", SeverityError),
	}})
	want := []diagKey{
		{"a.ts", "a-bad", SeverityError, js.Position{Line: 2, Column: 10}, js.Position{Line: 2, Column: 13}, "\t/*é😀*/ BAD + FOO"},
		{"a.ts", "z-foo", SeverityWarn, js.Position{Line: 2, Column: 16}, js.Position{Line: 2, Column: 19}, "\t/*é😀*/ BAD + FOO"},
		{"a.ts", "a-bad", SeverityError, js.Position{Line: 3, Column: 1}, js.Position{Line: 3, Column: 4}, "BAD"},
		{"b.js", "a-bad", SeverityError, js.Position{Line: 1, Column: 1}, js.Position{Line: 1, Column: 4}, "BAD + FOO"},
		{"b.js", "z-foo", SeverityWarn, js.Position{Line: 1, Column: 7}, js.Position{Line: 1, Column: 10}, "BAD + FOO"},
	}
	if got := keys(res.Diagnostics); !slices.Equal(got, want) {
		t.Errorf("diagnostics =\n  %+v\nwant\n  %+v", got, want)
	}
	if res.Files != 2 || len(res.Notices) != 0 {
		t.Errorf("Files = %d, Notices = %v; want 2 and none", res.Files, res.Notices)
	}
}

func TestRunScanProblems(t *testing.T) {
	// The import makes the scanner read past the character it cannot follow.
	targets := targetsIn(t, map[string]string{"a.js": "x = 1;\n😀\nimport 'y';\nBAD"})
	res := Run(targets, Options{Rules: []*Rule{wordRule("bad", "BAD", SeverityError)}})
	if len(res.Notices) == 0 {
		t.Fatal("no notice for code the scanner cannot follow")
	}
	n := res.Notices[0].String()
	if !strings.HasPrefix(n, "a.js:2:1: could not follow the code here: ") || !strings.HasSuffix(n, "; results for this file may be incomplete") {
		t.Errorf("notice = %q", n)
	}
	// The file still counts as linted and the rules still ran.
	if res.Files != 1 || len(res.Diagnostics) != 1 {
		t.Errorf("Files = %d, diagnostics = %d; want 1 and 1", res.Files, len(res.Diagnostics))
	}
}

func TestRunSameResultWhateverTheWorkers(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".js")] = strings.Repeat("BAD\n", i%5)
	}
	targets := targetsIn(t, files)
	rules := []*Rule{wordRule("bad", "BAD", SeverityError)}
	one := Run(targets, Options{Rules: rules, Workers: 1})
	many := Run(targets, Options{Rules: rules, Workers: 7})
	if !slices.Equal(keys(one.Diagnostics), keys(many.Diagnostics)) {
		t.Error("results differ between 1 and 7 workers")
	}
	if one.Files != 40 || len(one.Diagnostics) != 80 {
		t.Errorf("Files = %d, diagnostics = %d; want 40 and 80", one.Files, len(one.Diagnostics))
	}
}

func TestRunSeverities(t *testing.T) {
	targets := targetsIn(t, map[string]string{"a.js": "BAD FOO"})
	var offRan atomic.Bool
	off := &Rule{ID: "off-by-default", Default: SeverityOff, Run: func(*Pass) { offRan.Store(true) }}
	rules := []*Rule{wordRule("bad", "BAD", SeverityError), wordRule("foo", "FOO", SeverityWarn), off}

	tests := []struct {
		name     string
		severity map[string]Severity
		quiet    bool
		want     map[string]Severity
	}{
		{"defaults", nil, false, map[string]Severity{"bad": SeverityError, "foo": SeverityWarn}},
		{"overrides", map[string]Severity{"bad": SeverityWarn, "foo": SeverityError}, false,
			map[string]Severity{"bad": SeverityWarn, "foo": SeverityError}},
		{"off", map[string]Severity{"bad": SeverityOff}, false, map[string]Severity{"foo": SeverityWarn}},
		{"quiet", nil, true, map[string]Severity{"bad": SeverityError}},
		{"quiet keeps a warning raised to error", map[string]Severity{"foo": SeverityError}, true,
			map[string]Severity{"bad": SeverityError, "foo": SeverityError}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Run(targets, Options{Rules: rules, Severity: tt.severity, Quiet: tt.quiet})
			got := map[string]Severity{}
			for _, d := range res.Diagnostics {
				got[d.Rule] = d.Severity
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for id, sev := range tt.want {
				if got[id] != sev {
					t.Errorf("%s: severity %v, want %v", id, got[id], sev)
				}
			}
		})
	}
	if offRan.Load() {
		t.Error("a rule that is off by default ran")
	}
}

func TestAdjustSeverity(t *testing.T) {
	tests := []struct{ reported, def, configured, want Severity }{
		{SeverityError, SeverityError, SeverityError, SeverityError},
		{SeverityError, SeverityError, SeverityWarn, SeverityWarn},
		{SeverityWarn, SeverityWarn, SeverityError, SeverityError},
		{SeverityWarn, SeverityError, SeverityError, SeverityWarn}, // the rule made it milder
		{SeverityWarn, SeverityError, SeverityWarn, SeverityWarn},
		{SeverityOff, SeverityError, SeverityWarn, SeverityWarn}, // not set by the rule
	}
	for _, tt := range tests {
		if got := adjustSeverity(tt.reported, tt.def, tt.configured); got != tt.want {
			t.Errorf("adjustSeverity(%v, %v, %v) = %v, want %v", tt.reported, tt.def, tt.configured, got, tt.want)
		}
	}
}

func TestRunBadInput(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"binary.js":   "var a = 1;\x00\x01\x02",
		"latin1.js":   "// caf\xe9\nBAD",
		"empty.js":    "",
		"good.js":     "BAD",
		"dangling.js": "->missing.js",
		"loop.js":     "->loop.js",
	})
	// A 50 MB file, sparse so the test stays cheap.
	if err := os.WriteFile(filepath.Join(root, "huge.js"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(filepath.Join(root, "huge.js"), 50<<20); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	targets, _, err := discover.Targets([]string{"binary.js", "latin1.js", "empty.js", "good.js", "dangling.js", "loop.js", "huge.js"})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(targets, Options{Rules: []*Rule{wordRule("bad", "BAD", SeverityError)}})

	var notices []string
	for _, n := range res.Notices {
		notices = append(notices, n.String())
	}
	want := []string{
		"binary.js: skipped: binary file (NUL byte)",
		"dangling.js: skipped: unreadable: dangling symbolic link",
		"huge.js: skipped: file too large (50.0 MiB; the limit is 8.0 MiB)",
		"latin1.js: skipped: invalid UTF-8 (first bad byte on line 1)",
		"loop.js: skipped: symbolic link loop",
	}
	if !slices.Equal(notices, want) {
		t.Errorf("notices =\n  %q\nwant\n  %q", notices, want)
	}
	if res.Files != 2 {
		t.Errorf("Files = %d, want 2 (empty.js and good.js)", res.Files)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].File != "good.js" {
		t.Errorf("diagnostics = %+v, want one in good.js", res.Diagnostics)
	}
}

func TestRunSmallSizeLimitAndLateNUL(t *testing.T) {
	targets := targetsIn(t, map[string]string{
		"big.js":     strings.Repeat("x", 101),
		"latenul.js": strings.Repeat("x", source.BinaryProbe) + "\x00",
	})
	res := Run(targets, Options{MaxFileSize: 100})
	if len(res.Notices) != 2 || res.Notices[0].String() != "big.js: skipped: file too large (101 bytes; the limit is 100 bytes)" ||
		!strings.Contains(res.Notices[1].Text, "too large") {
		t.Errorf("notices = %v", res.Notices)
	}
	// A NUL past the probed prefix is not taken for a binary file.
	res = Run(targets, Options{})
	for _, n := range res.Notices {
		if strings.Contains(n.Text, "skipped") {
			t.Errorf("unexpected notice %v", n)
		}
	}
	if res.Files != 2 {
		t.Errorf("files = %d, want 2", res.Files)
	}
}

func TestRunUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	targets := targetsIn(t, map[string]string{"secret.js": "BAD"})
	if err := os.Chmod("secret.js", 0); err != nil {
		t.Fatal(err)
	}
	res := Run(targets, Options{})
	if len(res.Notices) != 1 || res.Notices[0].String() != "secret.js: skipped: unreadable: permission denied" {
		t.Errorf("notices = %v", res.Notices)
	}
}

func TestRunRecoversFromPanic(t *testing.T) {
	targets := targetsIn(t, map[string]string{"a.js": "BAD", "boom.js": "BOOM"})
	boom := &Rule{ID: "boom", Default: SeverityError, Run: func(p *Pass) {
		if bytes.Contains(p.File.Source, []byte("BOOM")) {
			panic("kaboom")
		}
	}}
	res := Run(targets, Options{Rules: []*Rule{wordRule("bad", "BAD", SeverityError), boom}})
	if res.InternalErrors != 1 || len(res.Notices) != 1 || !strings.Contains(res.Notices[0].String(), "boom.js: internal error") {
		t.Errorf("InternalErrors = %d, notices = %v", res.InternalErrors, res.Notices)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].File != "a.js" {
		t.Errorf("diagnostics = %+v, want one in a.js", res.Diagnostics)
	}
}

func TestRunDropsSource(t *testing.T) {
	targets := targetsIn(t, map[string]string{"a.js": "BAD"})
	var seen atomic.Pointer[js.File]
	keep := &Rule{ID: "keep", Default: SeverityError, Run: func(p *Pass) { seen.Store(p.File) }}
	Run(targets, Options{Rules: []*Rule{keep}})
	if f := seen.Load(); f == nil || f.Source != nil {
		t.Errorf("file source kept after the run: %v", f)
	}
}

func TestScanNotices(t *testing.T) {
	f := &js.File{Path: "app/x.tsx", Source: []byte("a\nbc😀d"), Problems: []js.ScanProblem{{Offset: 8, Message: "unterminated template"}}}
	got := scanNotices(f)
	want := "app/x.tsx:2:5: could not follow the code here: unterminated template; results for this file may be incomplete"
	if len(got) != 1 || got[0].String() != want {
		t.Errorf("scanNotices = %v, want %q", got, want)
	}
}

func TestRunLength(t *testing.T) {
	for _, c := range []struct{ targets, workers, want int }{
		{0, 2, 1}, {10, 2, 1}, {100, 2, 3}, {1000, 2, 31}, {4166, 2, 64}, {41660, 8, 64}, {41660, 64, 40},
	} {
		if got := runLength(c.targets, c.workers); got != int64(c.want) {
			t.Errorf("runLength(%d, %d) = %d, want %d", c.targets, c.workers, got, c.want)
		}
	}
}

// TestRunRoute checks that a rule learns which files are Next.js route
// files (Pass.Route), with and without the module graph, and sees every
// export of a "use client" one.
func TestRunRoute(t *testing.T) {
	targets := targetsIn(t, map[string]string{
		"web/package.json":          `{"dependencies": {"next": "15.0.0"}}`,
		"web/app/page.tsx":          "'use client'\nexport const metadata = {}\nexport default function Page() { return null }\n",
		"web/app/blog/layout.tsx":   "export const metadata = {}\n",
		"web/app/gallery.tsx":       "'use client'\nexport const metadata = {}\n",
		"web/pages/page.tsx":        "'use client'\nexport const metadata = {}\n",
		"plain/app/page.tsx":        "'use client'\nexport const metadata = {}\n",
		"web/src/app/default.js":    "",
		"web/app/_private/page.tsx": "",
	})
	for _, graph := range []bool{false, true} {
		var got []string
		rule := &Rule{ID: "route-rule", Default: SeverityError, Run: func(pass *Pass) {
			switch {
			case pass.Route != "" && pass.File.IsClient():
				pass.Report(js.Span{}, fmt.Sprintf("client %s with %d exports", pass.Route, len(pass.File.Exports)), nil)
			case pass.Route != "":
				pass.Report(js.Span{}, pass.Route, nil)
			}
		}}
		res := Run(targets, Options{Rules: []*Rule{rule}, Graph: graph, Workers: 1})
		for _, d := range res.Diagnostics {
			got = append(got, filepath.ToSlash(d.File)+": "+d.Message)
		}
		want := []string{"web/app/blog/layout.tsx: layout", "web/app/page.tsx: client page with 2 exports", "web/src/app/default.js: default"}
		if !slices.Equal(got, want) {
			t.Errorf("graph %v: got %q, want %q", graph, got, want)
		}
	}
}
