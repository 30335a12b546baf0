package cleanpath

import (
	"math/rand/v2"
	"path/filepath"
	"testing"
)

// allPaths returns every string of up to n bytes from a, b, . and /.
func allPaths(n int) []string {
	out := []string{""}
	for prev := []string{""}; n > 0; n-- {
		var next []string
		for _, p := range prev {
			for _, c := range []string{"a", "b", ".", "/"} {
				next = append(next, p+c)
			}
		}
		out = append(out, next...)
		prev = next
	}
	return out
}

func TestDirCleanAsFilepath(t *testing.T) {
	for _, p := range allPaths(7) {
		if got, want := Dir(p), filepath.Dir(p); got != want {
			t.Errorf("Dir(%q) = %q, want %q", p, got, want)
		}
		if got, want := Clean(p), filepath.Clean(p); got != want {
			t.Errorf("Clean(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestJoinAsFilepath(t *testing.T) {
	all := allPaths(4)
	for _, dir := range all {
		for _, rel := range all {
			if got, want := Join(dir, rel), filepath.Join(dir, rel); got != want {
				t.Fatalf("Join(%q, %q) = %q, want %q", dir, rel, got, want)
			}
		}
	}
	// Longer paths, of whole elements, as a run sees them.
	elems := []string{"a", "bc", ".", "..", "", "node_modules", "@x"}
	rnd := rand.New(rand.NewPCG(1, 2))
	path := func() string {
		p := ""
		if rnd.IntN(2) == 0 {
			p = "/"
		}
		for range rnd.IntN(8) {
			p += elems[rnd.IntN(len(elems))] + []string{"/", ""}[rnd.IntN(2)]
		}
		return p
	}
	for range 200_000 {
		dir, rel := path(), path()
		if got, want := Join(dir, rel), filepath.Join(dir, rel); got != want {
			t.Fatalf("Join(%q, %q) = %q, want %q", dir, rel, got, want)
		}
		if got, want := Dir(dir), filepath.Dir(dir); got != want {
			t.Fatalf("Dir(%q) = %q, want %q", dir, got, want)
		}
	}
}

func FuzzPaths(f *testing.F) {
	f.Add("/a/b", "../c")
	f.Add("a/..", "./b/")
	f.Add("../..", "../x")
	f.Fuzz(func(t *testing.T, dir, rel string) {
		if got, want := Join(dir, rel), filepath.Join(dir, rel); got != want {
			t.Fatalf("Join(%q, %q) = %q, want %q", dir, rel, got, want)
		}
		if got, want := Dir(dir), filepath.Dir(dir); got != want {
			t.Fatalf("Dir(%q) = %q, want %q", dir, got, want)
		}
	})
}

func TestAbs(t *testing.T) {
	for _, c := range []struct{ wd, p, want string }{
		{"/w", "a/../b", "/w/b"}, {"/w", "/x//y/", "/x/y"}, {"", "a/./b", "a/b"}, {"/w", "../..", "/"}, {"/w/v", ".", "/w/v"}, {"", "", "."}, {"/w", "", "/w"},
	} {
		if got := Abs(c.wd, c.p); got != c.want {
			t.Errorf("Abs(%q, %q) = %q, want %q", c.wd, c.p, got, c.want)
		}
	}
}
