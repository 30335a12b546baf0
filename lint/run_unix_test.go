//go:build unix

package lint

import (
	"os"
	"slices"
	"syscall"
	"testing"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
)

func TestRunNotRegular(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := syscall.Mkfifo("pipe.js", 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	if err := os.Mkdir("dir.js", 0o755); err != nil {
		t.Fatal(err)
	}
	targets, _, err := discover.Targets([]string{"pipe.js"})
	if err != nil {
		t.Fatal(err)
	}
	// Opening a FIFO for reading would block until a writer comes: the
	// runner must decide from Stat alone.
	targets = append(targets, discover.Target{Path: "dir.js", Display: "dir.js", Lang: js.LangJS})
	res := Run(targets, Options{})
	var got []string
	for _, n := range res.Notices {
		got = append(got, n.String())
	}
	want := []string{
		"pipe.js: skipped: not a regular file (named pipe)",
		"dir.js: skipped: not a regular file (directory)",
	}
	if !slices.Equal(got, want) || res.Files != 0 {
		t.Errorf("notices = %q (files %d), want %q", got, res.Files, want)
	}
}

// TestRunProjectFileNotices checks that a project file the resolver cannot
// read gives one notice naming it, in a run without the module graph too
// (the route of each file is looked up all the same).
func TestRunProjectFileNotices(t *testing.T) {
	targets := targetsIn(t, map[string]string{"app/page.tsx": "BAD\n"})
	if err := syscall.Mkfifo("package.json", 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	res := Run(targets, Options{Rules: []*Rule{wordRule("no-bad", "BAD", SeverityError)}})
	var got []string
	for _, n := range res.Notices {
		got = append(got, n.String())
	}
	want := []string{"package.json: ignored: not a regular file (named pipe)"}
	if !slices.Equal(got, want) || len(res.Diagnostics) != 1 || res.Graph != nil {
		t.Errorf("notices = %q, %d diagnostics, graph %v; want %q", got, len(res.Diagnostics), res.Graph != nil, want)
	}
}
