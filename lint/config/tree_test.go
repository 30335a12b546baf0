package config

import (
	"maps"
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
