package discover

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/js"

	"github.com/directivelint/directivelint/internal/testtree"
)

func displays(targets []Target) []string {
	var out []string
	for _, t := range targets {
		out = append(out, t.Display)
	}
	return out
}

func TestDiscoverWalk(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"a.ts": "", "b.tsx": "", "c.js": "", "d.jsx": "", "e.mjs": "", "f.cjs": "", "g.mts": "", "h.cts": "",
		"types.d.ts": "", "more.d.mts": "", "README.md": "", "style.css": "", "noext": "",
		"node_modules/x.js": "", ".git/x.js": "", ".next/x.js": "", "dist/x.js": "",
		"build/x.js": "", "out/x.js": "", "coverage/x.js": "",
		"lib/node_modules/y.js": "", "lib/z.ts": "",
		".gitignore":     "# comment\n\ngenerated/\n*.gen.ts\n!keep.gen.ts\n/anchored.js\r\n",
		"generated/x.ts": "", "foo.gen.ts": "", "keep.gen.ts": "", "anchored.js": "",
		"lib/anchored.js": "",
		"sub/.gitignore":  "local.js\n",
		"sub/local.js":    "", "sub/other.js": "",
		"sub/deep/.gitignore": "!local.js\n",
		"sub/deep/local.js":   "",
		"other/local.js":      "",
		"linkdir":             "->sub",
		"linkfile.ts":         "->a.ts",
		"dangling.ts":         "->missing.ts",
		"looping.ts":          "->looping.ts",
		"linkmd.md":           "->a.ts",
	})
	t.Chdir(root)

	targets, notices, err := Targets(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(notices) != 0 {
		t.Errorf("notices = %v, want none", notices)
	}
	want := []string{
		"a.ts", "b.tsx", "c.js", "d.jsx", "dangling.ts", "e.mjs", "f.cjs", "g.mts", "h.cts",
		"keep.gen.ts", "lib/anchored.js", "lib/z.ts", "linkfile.ts", "looping.ts",
		"other/local.js", "sub/deep/local.js", "sub/other.js",
	}
	if got := displays(targets); !slices.Equal(got, want) {
		t.Errorf("Targets(.) =\n  %q\nwant\n  %q", got, want)
	}
	langs := map[string]js.Lang{"a.ts": js.LangTS, "b.tsx": js.LangTSX, "c.js": js.LangJS, "g.mts": js.LangTS}
	for _, tg := range targets {
		if want, ok := langs[tg.Display]; ok && tg.Lang != want {
			t.Errorf("%s: Lang = %v, want %v", tg.Display, tg.Lang, want)
		}
	}

	// Walking a subdirectory gives the same files as the whole walk does.
	targets, _, err = Targets([]string{"sub"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := displays(targets), []string{"sub/deep/local.js", "sub/other.js"}; !slices.Equal(got, want) {
		t.Errorf("Targets(sub) = %q, want %q", got, want)
	}
}

func TestDiscoverExplicit(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		".gitignore": "ignored.js\n",
		"ignored.js": "", "types.d.ts": "", "notes.txt": "", "dist/x.js": "", "a.tsx": "",
		"dangling.js": "->nowhere.js",
	})
	t.Chdir(root)

	targets, _, err := Targets([]string{"ignored.js", "types.d.ts", "notes.txt", "dist/x.js", "dist", "a.tsx", "./a.tsx", filepath.Join(root, "a.tsx"), "dangling.js"})
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	want := []Target{
		{Path: "a.tsx", Display: "a.tsx", Lang: js.LangTSX, Abs: filepath.Join(wd, "a.tsx")},
		{Path: "dangling.js", Display: "dangling.js", Lang: js.LangJS, Abs: filepath.Join(wd, "dangling.js")},
		{Path: "dist/x.js", Display: "dist/x.js", Lang: js.LangJS, Abs: filepath.Join(wd, "dist", "x.js")},
		{Path: "ignored.js", Display: "ignored.js", Lang: js.LangJS, Abs: filepath.Join(wd, "ignored.js")},
		{Path: "notes.txt", Display: "notes.txt", Lang: js.LangJS, Abs: filepath.Join(wd, "notes.txt")},
		{Path: "types.d.ts", Display: "types.d.ts", Lang: js.LangTS, Abs: filepath.Join(wd, "types.d.ts")},
	}
	if !slices.Equal(targets, want) {
		t.Errorf("Targets =\n  %+v\nwant\n  %+v", targets, want)
	}
}

func TestDiscoverParentGitignore(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		".git/HEAD":      "",
		".gitignore":     "/app/skip.ts\nsecret/\n",
		"app/.gitignore": "*.local.ts\n",
		"app/skip.ts":    "", "app/keep.ts": "", "app/secret/x.ts": "",
		"app/ui/a.local.ts": "", "app/ui/b.ts": "",
		"app/ui/skip.ts": "",
	})
	t.Chdir(filepath.Join(root, "app"))

	targets, _, err := Targets([]string{"ui", "."})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"keep.ts", "ui/b.ts", "ui/skip.ts"}
	if got := displays(targets); !slices.Equal(got, want) {
		t.Errorf("Targets = %q, want %q", got, want)
	}
}

func TestDiscoverOutsideWorkingDir(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{"lib/a.js": "", "app/b.js": ""})
	t.Chdir(filepath.Join(root, "app"))
	targets, _, err := Targets([]string{"../lib", "b.js"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := displays(targets), []string{"../lib/a.js", "b.js"}; !slices.Equal(got, want) {
		t.Errorf("Targets = %q, want %q", got, want)
	}
}

func TestDiscoverMissingPath(t *testing.T) {
	t.Chdir(t.TempDir())
	_, _, err := Targets([]string{"nope"})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("Targets(nope) error = %v, want one naming the path", err)
	}
}

func TestDiscoverUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any directory")
	}
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{"locked/a.js": "", "b.js": ""})
	if err := os.Chmod(filepath.Join(root, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(root, "locked"), 0o755) })
	t.Chdir(root)
	targets, notices, err := Targets(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := displays(targets); !slices.Equal(got, []string{"b.js"}) {
		t.Errorf("targets = %q", got)
	}
	if len(notices) != 1 || !strings.HasPrefix(notices[0].String(), "locked: skipped: cannot read directory") {
		t.Errorf("notices = %v", notices)
	}
}

// TestDiscoverGitignoreBOM checks that a .gitignore may start with a byte
// order mark, as git allows: its first pattern still applies.
func TestDiscoverGitignoreBOM(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		".gitignore": "\uFEFFgenerated/\n", "generated/x.ts": "", "a.ts": "",
	})
	t.Chdir(root)
	targets, notices, err := Targets(nil)
	if got := displays(targets); err != nil || len(notices) != 0 || !slices.Equal(got, []string{"a.ts"}) {
		t.Errorf("Targets = %q, %v, %v; want a.ts only", got, notices, err)
	}
}

// TestUnreadableNamedFile: a file named on the command line in a directory
// the user may not search is skipped with a notice, not a failed run.
func TestUnreadableNamedFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may search any directory")
	}
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{"locked/a.js": "'use server';\n"})
	if err := os.Chmod(filepath.Join(root, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(root, "locked"), 0o755) })
	targets, notices, err := Targets([]string{filepath.Join(root, "locked", "a.js")})
	if err != nil || len(targets) != 0 || len(notices) != 1 || !strings.Contains(notices[0].Text, "skipped: unreadable") {
		t.Errorf("targets %v, notices %v, err %v", targets, notices, err)
	}
}

func TestTargetDirs(t *testing.T) {
	targets := []Target{{Path: "a/x.ts"}, {Path: "a/y.ts"}, {Path: "b/z.ts"}, {Path: "top.ts"}}
	if got, want := TargetDirs(targets), []string{"a", "b", "."}; !slices.Equal(got, want) {
		t.Errorf("TargetDirs = %v, want %v", got, want)
	}
}
