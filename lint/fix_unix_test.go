//go:build unix

package lint

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/directivelint/directivelint/lint/discover"
)

// TestWriteKeepsHardLinks checks that a file with another hard link is not
// replaced: the rename would leave the other name with the old content.
func TestWriteKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	path, other := filepath.Join(dir, "a.ts"), filepath.Join(dir, "b.ts")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(path, other); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	ff := FixedFile{Target: discover.Target{Path: path, Display: "a.ts"}, Before: []byte("old"), After: []byte("new")}
	if err := ff.Write(); err == nil || err.Error() != "a.ts not written: it has 2 hard links, which replacing it would split" {
		t.Errorf("err = %v", err)
	}
	for _, p := range []string{path, other} {
		if got, _ := os.ReadFile(p); string(got) != "old" {
			t.Errorf("%s = %q", p, got)
		}
	}
}

// TestWriteKeepsOwner checks that a rewritten file keeps its owner and
// group, which a rename would give to the user running directivelint
// (only root may give a file away).
func TestWriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can make a file owned by another user")
	}
	path := filepath.Join(t.TempDir(), "a.ts")
	if err := os.WriteFile(path, []byte("old"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 12345, 23456); err != nil {
		t.Skipf("cannot chown: %v", err)
	}
	if err := os.Chmod(path, 0o755|os.ModeSetuid); err != nil { // after chown, which clears it
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 12345 || st.Gid != 23456 || info.Mode()&(os.ModePerm|os.ModeSetuid) != 0o755|os.ModeSetuid {
		t.Errorf("owner %d:%d, mode %v; want 12345:23456, -rwsr-xr-x", st.Uid, st.Gid, info.Mode())
	}
}

// TestWriteHonoursPermission checks that a file the user may not write is
// not replaced, though its directory is writable (a rename needs only that).
func TestWriteHonoursPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file")
	}
	path := filepath.Join(t.TempDir(), "a.ts")
	if err := os.WriteFile(path, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, []byte("new"))
	if err == nil || !strings.HasSuffix(err.Error(), "not written: you may not write it (permission denied)") {
		t.Errorf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file = %q", got)
	}
}
