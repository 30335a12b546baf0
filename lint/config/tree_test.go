package config

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/internal/testtree"
	"github.com/directivelint/directivelint/lint"
)

// writeTree writes files under a new directory, moves into it and returns a
// Tree for it.
func writeTree(t *testing.T, files map[string]string) *Tree {
	t.Helper()
	dir := t.TempDir()
	testtree.Write(t, dir, files)
	t.Chdir(dir)
	return NewTree(configRules, testPreset, []string{"recommended", "strict"})
}

func TestTreeNestedAndExtends(t *testing.T) {
	tree := writeTree(t, map[string]string{
		"directivelint.json": `{"preset": "strict", "rules": {"directive-typo": "warn", "directive-position": "warn"},
			"ignore": ["gen/"], "serverOnlyModules": ["server-only"], "cacheKinds": ["redis"]}`,
		"shared/base.json": `{"rules": {"directive-position": "off"},
			"overrides": [{"files": ["legacy/**"], "rules": {"async-server-function": "off"}}]}`,
		"pkg/directivelint.json": `{"extends": "../shared/base.json", "preset": "recommended",
			"rules": {"directive-typo": "error"}, "ignore": ["/skip.ts"], "cacheKinds": []}`,
	})
	root, err := tree.For("a.ts")
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := tree.For("pkg/src/deep/b.ts")
	if err != nil {
		t.Fatal(err)
	}
	if got := pkg.Files(); !slices.Equal(got, []string{"directivelint.json", filepath.Join("shared", "base.json"), filepath.Join("pkg", "directivelint.json")}) {
		t.Errorf("pkg files = %q", got)
	}
	if root.Preset() != "strict" || pkg.Preset() != "recommended" {
		t.Errorf("presets %q, %q", root.Preset(), pkg.Preset())
	}
	if !slices.Equal(pkg.ServerOnlyModules(), []string{"server-only"}) || len(pkg.CacheKinds()) != 0 || pkg.CacheKinds() == nil {
		t.Errorf("pkg: serverOnlyModules %q, cacheKinds %q", pkg.ServerOnlyModules(), pkg.CacheKinds())
	}
	abs := func(p string) string { return tree.Abs(p) }
	sev := pkg.Severities(abs("pkg/legacy/x.ts"), nil, nil)
	want := map[string]lint.Severity{"directive-typo": lint.SeverityError, "directive-position": lint.SeverityOff, "async-server-function": lint.SeverityOff}
	if !maps.Equal(sev, want) {
		t.Errorf("pkg/legacy/x.ts severities %v, want %v", sev, want)
	}
	// The extended file's override is relative to pkg/, which extends it.
	if sev := pkg.Severities(abs("pkg/src/x.ts"), nil, nil); sev["async-server-function"] != 0 || len(sev) != 2 {
		t.Errorf("pkg/src/x.ts severities %v", sev)
	}
	if high := pkg.Highest(nil, map[string]lint.Severity{"directive-position": lint.SeverityWarn}); high["directive-position"] != lint.SeverityWarn {
		t.Errorf("Highest %v", high)
	}
	for p, want := range map[string]bool{
		"pkg/gen/x.ts": true, "pkg/skip.ts": true, "pkg/src/skip.ts": false, "skip.ts": false, "gen/y.ts": true, "a.ts": false,
	} {
		ch, _ := tree.For(p)
		if got := ch.Ignored(abs(p)); got != want {
			t.Errorf("Ignored(%s) = %v, want %v", p, got, want)
		}
	}
	// A file outside any config: none applies.
	if ch, err := tree.For(filepath.Dir(t.TempDir())); err != nil || ch != nil {
		t.Errorf("outside: %v, %v", ch, err)
	}
	if got := tree.Loaded(); len(got) != 3 {
		t.Errorf("loaded %q", got)
	}
}

func TestTreeUse(t *testing.T) {
	tree := writeTree(t, map[string]string{
		"directivelint.json":     `{"rules": {"directive-typo": "off"}}`,
		"pkg/directivelint.json": `{"rules": {"directive-typo": "warn"}}`,
		"other/cfg.json":         `{"extends": ["./base.json"], "ignore": ["x.ts"]}`,
		"other/base.json":        `{"rules": {"directive-typo": "error"}}`,
	})
	if err := tree.Use("other/cfg.json"); err != nil {
		t.Fatal(err)
	}
	ch, err := tree.For("pkg/a.ts")
	if err != nil {
		t.Fatal(err)
	}
	if got := ch.Files(); !slices.Equal(got, []string{filepath.Join("other", "base.json"), "other/cfg.json"}) {
		t.Errorf("files %q", got)
	}
	if ch.Severities(tree.Abs("pkg/a.ts"), nil, nil)["directive-typo"] != lint.SeverityError {
		t.Error("--config's extends not applied")
	}
	if !ch.Ignored(tree.Abs("other/x.ts")) || ch.Ignored(tree.Abs("pkg/x.ts")) {
		t.Error("--config's globs are not relative to it")
	}
}

func TestTreeErrors(t *testing.T) {
	deep := map[string]string{}
	for i := range MaxExtendsDepth + 2 {
		deep[filepath.Join("deep", strings.Repeat("d", i+1)+".json")] = `{"extends": "./` + strings.Repeat("d", i+2) + `.json"}`
	}
	deep[filepath.Join("deep", strings.Repeat("d", MaxExtendsDepth+3)+".json")] = `{}`
	deep["deep/directivelint.json"] = `{"extends": "./d.json"}`
	for _, tc := range []struct {
		name  string
		files map[string]string
		file  string
		want  string
	}{
		{"cycle", map[string]string{
			"directivelint.json": "{\n  \"extends\": [\"./a.json\"]}",
			"a.json":             `{"extends": "./b.json"}`,
			"b.json":             `{"extends": ["./a.json"]}`,
		}, "x.ts", `b.json:1:14: "extends" makes a cycle: a.json → b.json → a.json`},
		{"self", map[string]string{"directivelint.json": `{"extends": "./directivelint.json"}`},
			"x.ts", `directivelint.json:1:13: "extends" makes a cycle: directivelint.json → directivelint.json`},
		{"missing", map[string]string{"p/directivelint.json": `{"extends": "../nope.json"}`},
			"p/x.ts", filepath.Join("p", "directivelint.json") + `:1:13: extends "../nope.json": no such file (nope.json)`},
		{"not relative", map[string]string{"directivelint.json": `{"extends": "@org/config"}`},
			"x.ts", `directivelint.json:1:13: invalid path "@org/config" in "extends": a path relative to this file starts with ./ or ../`},
		{"not a string", map[string]string{"directivelint.json": `{"extends": [1]}`},
			"x.ts", `directivelint.json:1:14: "extends" must be a path relative to this file, or an array of them`},
		{"nested error", map[string]string{"directivelint.json": `{}`, "p/q/directivelint.json": `{"extnds": []}`},
			"p/q/r/x.ts", filepath.Join("p", "q", "directivelint.json") + `:1:2: unknown key "extnds"; did you mean "extends"?`},
		{"too deep", deep, "deep/x.ts", `"extends" nests more than 16 files deep`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree := writeTree(t, tc.files)
			_, err := tree.For(tc.file)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}

// BenchmarkTreeFor looks up the chains of files in 100 directories under
// two config files: after the first file of a directory, a map lookup.
func BenchmarkTreeFor(b *testing.B) {
	files := map[string]string{"directivelint.json": `{"ignore": ["gen/"]}`, "pkg/directivelint.json": `{"rules": {"directive-typo": "warn"}}`}
	var paths []string
	for i := range 100 {
		dir := filepath.Join("pkg", "src", strings.Repeat("d", i%10+1), strings.Repeat("e", i/10+1))
		files[filepath.ToSlash(filepath.Join(dir, "keep"))] = ""
		paths = append(paths, filepath.Join(dir, "a.ts"), filepath.Join(dir, "b.tsx"))
	}
	dir := b.TempDir()
	testtree.Write(b, dir, files)
	b.Chdir(dir)
	tree := NewTree(configRules, testPreset, nil)
	for b.Loop() {
		for _, p := range paths {
			ch, err := tree.For(p)
			if err != nil || len(ch.Layers) != 2 || ch.Ignored(tree.Abs(p)) {
				b.Fatal(p, ch, err)
			}
		}
	}
}

// refExpand is Tree.expand as it was, kept as the reference: every file
// extended as many times as it is met, without memory.
func (t *Tree) refExpand(abs, shown, dir string, stack []string) ([]*Config, error) {
	c, err := t.load(abs, shown)
	if err != nil {
		return nil, err
	}
	stack = append(stack, abs)
	var out []*Config
	for i, e := range c.Extends {
		at := c.extendsAt[i]
		fail := func(format string, args ...any) error {
			return &Error{Path: c.Path, Line: at.line, Column: at.col, Message: fmt.Sprintf(format, args...)}
		}
		next := filepath.Join(filepath.Dir(abs), filepath.FromSlash(e))
		if j := slices.Index(stack, next); j >= 0 {
			names := make([]string, 0, len(stack)-j+1)
			for _, s := range append(stack[j:len(stack):len(stack)], next) {
				names = append(names, t.files[s].Path)
			}
			return nil, fail("\"extends\" makes a cycle: %s", strings.Join(names, " → "))
		}
		if len(stack) > MaxExtendsDepth {
			return nil, fail("\"extends\" nests more than %d files deep", MaxExtendsDepth)
		}
		if info, err := os.Stat(next); err != nil || !info.Mode().IsRegular() {
			return nil, fail("extends %q: no such file (%s)", e, t.display(next))
		}
		layers, err := t.refExpand(next, t.display(next), dir, stack)
		if err != nil {
			return nil, err
		}
		out = append(out, layers...)
	}
	own := *c
	own.setDir(dir)
	return append(out, &own), nil
}

// randomExtends returns n config files, f0.json to f{n-1}.json, that
// extend one another (mostly later ones, the same one again, now and then
// an earlier one or one that is not there) with random settings.
func randomExtends(r *rand.Rand, n int) map[string]string {
	sevs := []string{"error", "warn", "off"}
	files := map[string]string{}
	for i := range n {
		var ext []string
		for range r.IntN(4) {
			j := i + 1 + r.IntN(3)
			switch r.IntN(12) {
			case 0:
				j = r.IntN(i + 1)
			case 1:
				j = n + 5
			case 2, 3:
				j = i + 1 + r.IntN(n)
			}
			if j < n || j == n+5 {
				ext = append(ext, fmt.Sprintf(`"./f%d.json"`, j))
			}
			if r.IntN(3) == 0 && len(ext) > 0 {
				ext = append(ext, ext[r.IntN(len(ext))])
			}
		}
		rule := configRules[r.IntN(len(configRules))].ID
		text := fmt.Sprintf(`{"extends": [%s], "rules": {%q: %q}`, strings.Join(ext, ", "), rule, sevs[r.IntN(3)])
		if r.IntN(2) == 0 {
			text += fmt.Sprintf(`, "overrides": [{"files": ["%c/**"], "rules": {%q: %q}}]`, 'a'+r.IntN(3), configRules[r.IntN(3)].ID, sevs[r.IntN(3)])
		}
		if r.IntN(3) == 0 {
			text += fmt.Sprintf(`, "ignore": ["%c.ts"], "preset": %q, "cacheKinds": ["k%d"]`, 'a'+r.IntN(3), []string{"strict", "recommended"}[r.IntN(2)], i)
		}
		files[fmt.Sprintf("f%d.json", i)] = text + "}"
	}
	return files
}

// TestTreeExtendsRandom compares expand with the reference on random
// files that extend one another: the same error, or the same layers with
// each file at its last place only, which give every file the same
// settings.
func TestTreeExtendsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	errs := 0
	for round := range 100 {
		n := 2 + r.IntN(30)
		dir := t.TempDir()
		testtree.Write(t, dir, randomExtends(r, n))
		newTree := NewTree(configRules, testPreset, []string{"recommended", "strict"})
		refTree := NewTree(configRules, testPreset, []string{"recommended", "strict"})
		// The same Tree again: what a file met first found is taken again,
		// there or deeper.
		for _, top := range []int{n / 2, 0, 1} {
			abs := filepath.Join(dir, fmt.Sprintf("f%d.json", top))
			got, err := newTree.expand(abs, abs, dir)
			want, wantErr := refTree.refExpand(abs, abs, dir, nil)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Fatalf("round %d, f%d: error %v, want %v", round, top, err, wantErr)
			}
			if err != nil {
				errs++
				continue
			}
			compareChains(t, &Chain{Layers: got}, &Chain{Layers: want}, dir)
		}
	}
	if errs == 0 {
		t.Error("no round made an error")
	}
}

// compareChains checks that got has want's layers, each at its last place
// only, and the same settings for files under dir.
func compareChains(t *testing.T, got, want *Chain, dir string) {
	t.Helper()
	var last []string
	for i, f := range want.Files() {
		if !slices.Contains(want.Files()[i+1:], f) {
			last = append(last, f)
		}
	}
	if !slices.Equal(got.Files(), last) {
		t.Fatalf("files %q, want %q", got.Files(), last)
	}
	if got.Preset() != want.Preset() || !slices.Equal(got.CacheKinds(), want.CacheKinds()) {
		t.Fatalf("preset %q, cache kinds %q, want %q, %q", got.Preset(), got.CacheKinds(), want.Preset(), want.CacheKinds())
	}
	for _, p := range []string{"a.ts", "a/x.ts", "b/c/d.ts", "c.ts"} {
		abs := filepath.Join(dir, p)
		if g, w := got.Severities(abs, nil, nil), want.Severities(abs, nil, nil); !maps.Equal(g, w) || got.Ignored(abs) != want.Ignored(abs) {
			t.Fatalf("%s: severities %v, ignored %v, want %v, %v", p, g, got.Ignored(abs), w, want.Ignored(abs))
		}
	}
	if g, w := got.Highest(nil, nil), want.Highest(nil, nil); !maps.Equal(g, w) {
		t.Fatalf("highest %v, want %v", g, w)
	}
}

// TestTreeExtendsWide checks that files that each extend the next one
// many times are read once: the layers were the product of the counts.
func TestTreeExtendsWide(t *testing.T) {
	files := map[string]string{}
	for i := range 10 {
		files[fmt.Sprintf("f%d.json", i)] = `{"extends": [` + strings.Repeat(fmt.Sprintf(`"./f%d.json", `, i+1), 100) + `"./last.json"]}`
	}
	files["f10.json"], files["last.json"] = `{}`, `{"rules": {"directive-typo": "warn"}}`
	files["directivelint.json"] = `{"extends": "./f0.json"}`
	tree := writeTree(t, files)
	ch, err := tree.For("a.ts")
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Layers) != 13 || ch.Severities(tree.Abs("a.ts"), nil, nil)["directive-typo"] != lint.SeverityWarn {
		t.Errorf("%d layers: %q", len(ch.Layers), ch.Files())
	}
}

// TestTreeExtendsDeeper checks that a file met again deeper than at first
// makes the error it makes there: g0 nests 15 files deep, fine on its
// own, one too many under t and u.
func TestTreeExtendsDeeper(t *testing.T) {
	files := map[string]string{"g15.json": `{}`, "t.json": `{"extends": "./u.json"}`, "u.json": `{"extends": "./g0.json"}`}
	for i := range 15 {
		files[fmt.Sprintf("g%d.json", i)] = fmt.Sprintf(`{"extends": "./g%d.json"}`, i+1)
	}
	dir := t.TempDir()
	testtree.Write(t, dir, files)
	tree, ref := NewTree(configRules, testPreset, nil), NewTree(configRules, testPreset, nil)
	for _, name := range []string{"g0.json", "t.json", "g0.json"} {
		abs := filepath.Join(dir, name)
		_, err := tree.expand(abs, abs, dir)
		_, want := ref.refExpand(abs, abs, dir, nil)
		if fmt.Sprint(err) != fmt.Sprint(want) {
			t.Errorf("%s: error %v, want %v", name, err, want)
		}
	}
}
