package config

import (
	"math/rand/v2"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bmatcuk/doublestar/v4"
)

// refMatchAny is the matcher globIndex replaced, kept as the reference:
// every glob against rel, or with dirs against each directory above it.
func refMatchAny(globs []string, rel string, dirs bool) bool {
	for _, g := range globs {
		pat := normalizeGlob(g)
		for p := rel; p != "." && p != ""; p = path.Dir(p) {
			if ok, _ := doublestar.Match(pat, p); ok {
				return true
			}
			if !dirs {
				break
			}
		}
	}
	return false
}

// refMatchLists returns the lists refMatchAny matches rel with, in order.
func refMatchLists(lists [][]string, rel string) []int32 {
	var out []int32
	for i, l := range lists {
		if refMatchAny(l, rel, false) {
			out = append(out, int32(i))
		}
	}
	return out
}

// validGlob reports whether Load takes g.
func validGlob(g string) bool {
	return g != "" && doublestar.ValidatePattern(normalizeGlob(g))
}

// checkGlobIndex compares the index of lists with the reference on rel.
// A path that starts with '/' is not tried: path.Dir never takes it to
// "." (and Config.rel never returns one).
func checkGlobIndex(t *testing.T, lists [][]string, rel string) {
	t.Helper()
	if strings.HasPrefix(rel, "/") {
		return
	}
	ix := newGlobIndex(lists)
	all := slices.Concat(lists...)
	for _, dirs := range []bool{false, true} {
		if got, want := newGlobIndex([][]string{all}).matchAny(rel, dirs), refMatchAny(all, rel, dirs); got != want {
			t.Fatalf("globs %q, path %q, dirs %v: matchAny %v, want %v", all, rel, dirs, got, want)
		}
	}
	if got, want := ix.matchLists(rel), refMatchLists(lists, rel); !slices.Equal(got, want) {
		t.Fatalf("lists %q, path %q: matchLists %v, want %v", lists, rel, got, want)
	}
}

// globParts and pathParts are what random globs and paths are made of:
// literals that share bytes, every wildcard, escapes, U+FFFD and invalid
// UTF-8 (which doublestar takes as equal), slashes where "**" goes.
var (
	globParts = []string{"a", "b", "ab", "ba", ".ts", "x", "é", "\ufffd", "\xff", "\xe9", "/", "/", "./", "*", "**", "**/", "/**", "?",
		"[ab]", "[!a]", "[^b]", "[a-c]", "[+-0]", "[\\]]", "{a,b}", "{,a}", "{a/b,x}", "{*.ts,b}", "{a,**}", "{**,b/}", "{/a,b}", "{a,}", "{[ab],x}", "{a\\,b,c}", "\\*", "\\a", "\\/", "\\[", "\\{", "\\}", "\\]", "\\\\", "\\é", ",", "]", "-", " "}
	pathParts = []string{"a", "b", "ab", "ba", "x", "a.ts", "b.ts", "é", "\ufffd", "\xff", "\xe9", "*", "[ab]", ",", "a,b", " ", "}", "{", "[", "]", "\\"}
)

// randomGlob returns a glob Load takes, or one time in 20 any glob (a
// Config made otherwise may hold it).
func randomGlob(r *rand.Rand) string {
	invalid := r.IntN(20) == 0
	for {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteString(globParts[r.IntN(len(globParts))])
			if invalid && r.IntN(3) == 0 {
				b.WriteString([]string{"{", "}", "[", "\\"}[r.IntN(4)])
			}
		}
		if g := b.String(); validGlob(g) || invalid {
			return g
		}
	}
}

// randomPath returns a relative path, mostly clean.
func randomPath(r *rand.Rand) string {
	segs := make([]string, 1+r.IntN(4))
	for i := range segs {
		segs[i] = pathParts[r.IntN(len(pathParts))]
		if r.IntN(3) == 0 {
			segs[i] += pathParts[r.IntN(len(pathParts))]
		}
	}
	p := strings.Join(segs, "/")
	switch r.IntN(15) {
	case 1:
		p += "/"
	case 2:
		p = strings.Replace(p, "/", "//", 1)
	case 3:
		p = []string{".", "", "..", "./a", "a/../b", "..a"}[r.IntN(6)]
	}
	return p
}

// TestGlobIndexRandom compares the index with the reference on random
// globs (with duplicates, in lists that share them) and paths.
func TestGlobIndexRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var lists [][]string
		var pool []string
		for range 1 + r.IntN(4) {
			var l []string
			for range 1 + r.IntN(4) {
				if len(pool) > 0 && r.IntN(4) == 0 {
					l = append(l, pool[r.IntN(len(pool))])
					continue
				}
				g := randomGlob(r)
				pool = append(pool, g)
				l = append(l, g)
			}
			lists = append(lists, l)
		}
		for range 8 {
			rel := randomPath(r)
			if r.IntN(3) == 0 { // a path a glob names, or one below it
				rel = strings.Trim(pool[r.IntN(len(pool))], "/")
				if r.IntN(2) == 0 {
					rel += "/" + randomPath(r)
				}
			}
			checkGlobIndex(t, lists, rel)
		}
	}
}

// globIndexSeeds are shapes the index treats each its own way.
var globIndexSeeds = []struct{ globs, path string }{
	{"q1\nq2\nq10", "src/q1"},
	{"q1", "q1"},
	{"q1", "src/q10"},
	{"*", "a/b"},
	{"**", "a/b"},
	{"/", "a"},
	{"./", "a"},
	{"gen/\n/legacy/**\n*.gen.ts", "a/gen/b/c.ts"},
	{"gen/", "a/gen"},
	{"/gen/", "gen"},
	{"src/**/*.test.ts\nsrc/*.ts", "src/a/b.test.ts"},
	{"a/b\na/b", "x/a/b"},
	{"**/a/b", "a/b"},
	{"a/**/b", "a/b"},
	{"a[!x]b", "a/b"},
	{"a[+-0]b", "x/a/b"},
	{"{a,b}/c", "b/c"},
	{"a{,/**}", "a/b"},
	{"\ufffd", "\xff"},
	{"a\ufffd", "a\xfe"},
	{"\xffb", "\xfeb"},
	{"é/", "x/é/y"},
	{"\\*a", "*a"},
	{"a\\\\", "a\\"},
	{"a,b", "a,b"},
	{"a]", "a]"},
	{"x/**", "x"},
	{"x/**/", "x"},
	{"**/x/**", "x"},
	{"a*/**", "ab/c"},
	{"{a,**}/x", "x"},
	{"*{*,a}/x", "x"},
	{"**{/x,b}", "x"},
	{"*.{ts,tsx}\n*.{t1,b}\n*.{,ts}", "a/b.tsx"},
	{"{a,b}/**", "b"},
	{"x{a,/b}", "x/b"},
	{"{a\\,b,c}d", "a,bd"},
	{"{[,}],x}y", "}y"},
	{"}{a,b}", "}b"}, // not valid: a Config not from Load
	{"a}", "a}"},
}

// TestGlobIndexSeeds compares the index with the reference on each seed
// and on every path below and above its.
func TestGlobIndexSeeds(t *testing.T) {
	for _, s := range globIndexSeeds {
		globs := strings.Split(s.globs, "\n")
		for _, rel := range []string{s.path, "d/" + s.path, s.path + "/f", "d/" + s.path + "/f"} {
			checkGlobIndex(t, [][]string{globs, globs[:1], slices.Clone(globs[1:])}, rel)
		}
	}
}

// FuzzGlobIndex compares the index with the reference: globs are the
// lines of the first argument (with those Load rejects, which a Config
// made otherwise may hold), each its own list too.
func FuzzGlobIndex(f *testing.F) {
	for _, s := range globIndexSeeds {
		f.Add(s.globs, s.path)
	}
	f.Fuzz(func(t *testing.T, globs, rel string) {
		var lists [][]string
		for _, g := range strings.Split(globs, "\n") {
			if g != "" && len(lists) < 64 { // invalid too: a Config not from Load
				lists = append(lists, []string{g})
			}
		}
		if len(rel) > 256 {
			return
		}
		lists = append(lists, slices.Concat(lists...))
		checkGlobIndex(t, lists, rel)
	})
}

// TestGlobIndexMany checks that many globs of one shape leave a path few
// candidates: each glob is found through a literal of its own.
func TestGlobIndexMany(t *testing.T) {
	paths := []string{"src/q1", "src/d1/a.ts", "a/b/x1y.ts", "a/b/c.tss", "q1/a/b.ts", "a/b.t1", "src/a/b/f1.ts"}
	for _, shape := range []string{"qN", "qN*", "*qN", "/src/dN/**", "qN/", "*xN*", "**/*.tN", "*.{tN,b}", "**/*x.{tN,ts}", "src/*/fN.ts"} {
		var globs []string
		for i := range 2000 {
			globs = append(globs, strings.ReplaceAll(shape, "N", strconv.Itoa(i)))
		}
		ix := newGlobIndex([][]string{globs})
		for _, rel := range paths {
			if got := ix.candidates(rel, true); len(got) > 12 {
				t.Errorf("%s: %s: %d candidates", shape, rel, len(got))
			}
		}
	}
}

// TestRelAbs compares relAbs with filepath.Rel, which it cuts short.
func TestRelAbs(t *testing.T) {
	ref := func(dir, abs string) (string, bool) {
		if abs == "" {
			return "", false
		}
		r, err := filepath.Rel(dir, abs)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", false
		}
		return filepath.ToSlash(r), true
	}
	dirs := []string{"/", "/a", "/a/b", "/a/b/", "/a//b", "/a/./b", "a/b", "", "/ab"}
	paths := []string{"", "/", "/a", "/a/b", "/a/bc", "/a/b/c", "/a/b/c/d.ts", "/ab/c", "/x/a/b", "/a/b/../c"}
	for _, dir := range dirs {
		for _, p := range paths {
			abs := absPath(p)
			got, gotOK := (&Config{Dir: dir}).relAbs(abs)
			if want, wantOK := ref(dir, abs); got != want || gotOK != wantOK {
				t.Errorf("relAbs(%q, %q) = %q, %v, want %q, %v", dir, abs, got, gotOK, want, wantOK)
			}
		}
	}
}

// TestCleanRel compares cleanRel with path.Clean: a path with ".." in it
// (only Config.rel's rejects start with it) is left to the slow way.
func TestCleanRel(t *testing.T) {
	for _, rel := range []string{"", ".", "..", "a", "a/b", "/a", "a/", "a//b", "./a", "a/.", "a/..", "../a", "..a", "a/.b", "a/b..", "é/\xff"} {
		want := rel != "" && rel != "." && rel[0] != '/' && path.Clean(rel) == rel && !slices.Contains(strings.Split(rel, "/"), "..")
		if got := cleanRel(rel); got != want {
			t.Errorf("cleanRel(%q) = %v, want %v", rel, got, want)
		}
	}
}
