package resolve

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The reference matchers below are the straightforward ones the indexes
// replaced (each tries every pattern): the indexed matchers must give
// the same answers on every input.

// referenceMatchPaths is resolveTSPaths' choice of a paths pattern before
// the star patterns were indexed.
func referenceMatchPaths(paths map[string][]string, spec string) (best, star string) {
	var stars []starPattern
	for pattern := range paths {
		if prefix, suffix, ok := strings.Cut(pattern, "*"); ok {
			stars = append(stars, starPattern{pattern, prefix, suffix})
		}
	}
	slices.SortFunc(stars, func(a, b starPattern) int {
		return cmp.Or(cmp.Compare(len(b.prefix), len(a.prefix)), strings.Compare(a.pattern, b.pattern))
	})
	if _, ok := paths[spec]; ok {
		return spec, ""
	}
	for _, p := range stars {
		if len(spec) >= len(p.prefix)+len(p.suffix) && strings.HasPrefix(spec, p.prefix) && strings.HasSuffix(spec, p.suffix) {
			return p.pattern, spec[len(p.prefix) : len(spec)-len(p.suffix)]
		}
	}
	return "", ""
}

// referenceMatchExports is matchExports before exports were indexed.
func referenceMatchExports(field any, key string, allowTypes bool) (string, bool) {
	obj, isObj := field.([]member)
	if !isObj || len(obj) == 0 || !strings.HasPrefix(obj[0].key, ".") && !strings.HasPrefix(obj[0].key, "#") {
		if key != "." {
			return "", false
		}
		return exportTarget(field, "", allowTypes)
	}
	for _, m := range obj {
		if m.key == key {
			return exportTarget(m.value, "", allowTypes)
		}
	}
	best, bestLen, star := -1, -1, ""
	for i, m := range obj {
		prefix, suffix, ok := strings.Cut(m.key, "*")
		if !ok {
			if strings.HasSuffix(m.key, "/") && strings.HasPrefix(key, m.key) && len(m.key) > bestLen {
				best, bestLen, star = i, len(m.key), key[len(m.key):]
			}
			continue
		}
		if len(prefix) > bestLen && len(key) >= len(prefix)+len(suffix) && strings.HasPrefix(key, prefix) && strings.HasSuffix(key, suffix) {
			best, bestLen, star = i, len(prefix), key[len(prefix):len(key)-len(suffix)]
		}
	}
	if best < 0 {
		return "", false
	}
	target, ok := exportTarget(obj[best].value, star, allowTypes)
	if ok && !strings.Contains(obj[best].key, "*") {
		target += star
	}
	return target, ok
}

// referenceExcludedDir is the workspace exclusion test before exclusions
// were indexed.
func referenceExcludedDir(d string, excluded []string) bool {
	for _, ex := range excluded {
		if m, _ := filepath.Match(ex, d); m || d == ex {
			return true
		}
	}
	return false
}

// checkPaths compares tsconfig.matchPaths with the reference for the
// paths patterns (one a line) and spec.
func checkPaths(t *testing.T, patterns []string, spec string) {
	t.Helper()
	paths := map[string][]string{}
	for _, p := range patterns {
		paths[p] = []string{"./" + p}
	}
	cfg := &tsconfig{paths: paths, stars: starPatterns(paths)}
	cfg.starIndex = indexStars(cfg.stars)
	want, wantStar := referenceMatchPaths(paths, spec)
	got, star, ok := cfg.matchPaths(spec)
	if ok != (want != "") || got != want || star != wantStar {
		t.Fatalf("paths %q, spec %q: got %q, %q, %v; want %q, %q", patterns, spec, got, star, ok, want, wantStar)
	}
}

// checkExports compares exportsMap.match with the reference for a field
// of keys (each mapped to a target naming it) and key.
func checkExports(t *testing.T, keys []string, key string) {
	t.Helper()
	var obj []member
	for i, k := range keys {
		var v any = fmt.Sprintf("./t%d/*", i)
		if i%3 == 1 {
			v = []member{{"types", fmt.Sprintf("./d%d/*.d.ts", i)}}
		}
		obj = append(obj, member{k, v})
	}
	fields := []any{obj, nil, "./only.js"}
	for _, field := range fields {
		m := newExportsMap(field)
		for _, allowTypes := range []bool{false, true} {
			want, wantOK := referenceMatchExports(field, key, allowTypes)
			var got string
			var ok bool
			if m != nil {
				got, ok = m.match(key, allowTypes)
			}
			if got != want || ok != wantOK {
				t.Fatalf("keys %q, key %q, types %v: got %q, %v; want %q, %v", keys, key, allowTypes, got, ok, want, wantOK)
			}
		}
	}
}

// checkExclusions compares exclusions.excludes with the reference for the
// exclusions and directory d.
func checkExclusions(t *testing.T, excluded []string, d string) {
	t.Helper()
	if got, want := newExclusions(excluded).excludes(d), referenceExcludedDir(d, excluded); got != want {
		t.Fatalf("exclusions %q, directory %q: got %v, want %v", excluded, d, got, want)
	}
}

// probes returns strings to try against patterns: each with its *
// standing for several texts, with a byte more or less at either end, and
// extra.
func probes(patterns []string, extra ...string) []string {
	out := slices.Clone(extra)
	for _, p := range patterns {
		for _, star := range []string{"", "a", "/b/", "é", "*"} {
			s := strings.ReplaceAll(p, "*", star)
			out = append(out, s, "a"+s, s+"a", "/"+s)
			if s != "" {
				out = append(out, s[1:], s[:len(s)-1])
			}
		}
	}
	return out
}

// randomPatterns returns up to max patterns written with pieces.
func randomPatterns(rng *rand.Rand, pieces []string, maxCount, maxLen int) []string {
	out := make([]string, rng.IntN(maxCount+1))
	for i := range out {
		var b strings.Builder
		for range rng.IntN(maxLen + 1) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out[i] = b.String()
		if i > 0 && rng.IntN(8) == 0 {
			out[i] = out[rng.IntN(i)] // a duplicate
		}
	}
	return out
}

// pathPieces write paths patterns and specifiers: shared prefixes, one or
// two *, separators, unicode.
var pathPieces = []string{"a", "b", "@", "/", "*", "~", "é", "ab", "@/", "."}

// exportPieces write exports keys; globPieces exclusions and directories.
var (
	exportPieces = []string{".", "./", "#", "a", "b", "/", "*", "é", "x/"}
	globPieces   = []string{"/", "a", "b", "*", "?", "[a-b]", "[^a]", "]", "\\", "\\*", "[", "é", "pk"}
)

// TestAffixIndexMatchesReference compares the indexed matchers with the
// references on random pattern sets.
func TestAffixIndexMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		patterns := randomPatterns(rng, pathPieces, 12, 5)
		for _, spec := range probes(patterns, randomPatterns(rng, pathPieces, 6, 7)...) {
			checkPaths(t, patterns, spec)
		}
		keys := randomPatterns(rng, exportPieces, 12, 5)
		if rng.IntN(2) == 0 && len(keys) > 0 {
			keys[0] = "./" + keys[0]
		}
		for _, key := range probes(keys, append(randomPatterns(rng, exportPieces, 6, 7), ".")...) {
			checkExports(t, keys, key)
		}
		excluded := randomPatterns(rng, globPieces, 10, 4)
		for i := range excluded {
			if rng.IntN(4) > 0 {
				excluded[i] = "/r/" + excluded[i]
			}
		}
		for _, d := range probes(excluded, randomPatterns(rng, globPieces, 6, 6)...) {
			checkExclusions(t, excluded, d)
		}
	}
}

// TestAffixIndexEdges compares the indexed matchers with the references on
// chosen shapes: a lone *, empty patterns, ties, prefixes of each other.
func TestAffixIndexEdges(t *testing.T) {
	sets := [][]string{
		nil,
		{""},
		{"*"},
		{"*", ""},
		{"a*", "*a", "a*a", "*", "aa*", "a**", "*a*"},
		{"@/*", "@/a/*", "@/a*", "@/*.ts", "@/*s", "@/a/b", "@/a/"},
		{"./*", "./a/", "./a/*", "./a/b/", "./a/b*", "./a/*", "./*.js", "./a/"},
		{"#a/*", "#a/", "#*", "#a/*.js", "#a/*/x"},
		{"é*", "é/*", "*é", "ée*"},
	}
	specs := []string{"", "a", "aa", "aaa", "@/a", "@/a/b", "@/a/b.ts", "./a/b/c", "./a/b", "./x.js", "#a/b.js", "#a/b/x", "é/é", "ée"}
	for _, set := range sets {
		for _, spec := range probes(set, specs...) {
			checkPaths(t, set, spec)
			checkExports(t, set, spec)
			checkExports(t, append([]string{"./x"}, set...), spec)
		}
	}
	globs := []string{"/r/p/*", "/r/p/a*", "/r/p/*a", "/r/p/[ab]", "/r/p/\\*", "/r/p/[", "/r/p/a\\", "/r/*/x", "/r/p/[]a]", "/r/p/a", "/r/p/a[", "/r/p/?"}
	dirs := []string{"/r/p/a", "/r/p/b", "/r/p/*", "/r/p/[", "/r/p/a\\", "/r/p/ba", "/r/q/x", "/r/p/]", "/r/p/a[", "/r/p/é"}
	for i := range globs {
		for _, d := range dirs {
			checkExclusions(t, globs[i:i+1], d)
			checkExclusions(t, globs[:i+1], d)
		}
	}
}

// FuzzAffixIndex compares the indexed matchers with the references:
// patterns are the lines of the first argument, tried with the second
// and with strings made from the patterns.
func FuzzAffixIndex(f *testing.F) {
	f.Add("@/*\n@/a/*\n*", "@/a/b")
	f.Add("./*\n./a/\n./a/*.js\n./a/", "./a/b.js")
	f.Add("#*\n#a\n#a*a", "#aa")
	f.Add("/r/p/*\n/r/p/[ab]\n/r/p/\\*", "/r/p/a")
	f.Add("*é\né*", "éé")
	f.Fuzz(func(t *testing.T, lines, s string) {
		patterns := strings.Split(lines, "\n")
		if len(patterns) > 64 {
			return
		}
		for _, p := range probes(patterns, s) {
			checkPaths(t, patterns, p)
			checkExports(t, patterns, p)
			checkExclusions(t, patterns, p)
		}
	})
}
