package resolve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/internal/testtree"
)

func TestResolve(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata", "graph"))
	if err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(root, "next-app")
	ws := filepath.Join(root, "workspace")
	tests := []struct {
		from, spec string
		want       string // relative to root, or a package name for externals
		res        Resolution
	}{
		{"next-app/components/button.tsx", "@/lib/db", "next-app/lib/db.ts", ResolvedModule},                     // paths from an extended config
		{"next-app/components/button.tsx", "@/lib/helpers.js", "next-app/lib/helpers.ts", ResolvedModule},        // .js written for .ts
		{"next-app/components/button.tsx", "../lib/ui", "next-app/lib/ui/index.ts", ResolvedModule},              // index file
		{"next-app/components/button.tsx", "#config", "next-app/lib/config.ts", ResolvedModule},                  // package.json imports
		{"next-app/components/button.tsx", "./icon", "next-app/components/icon.tsx", ResolvedModule},             // extension added
		{"next-app/components/button.tsx", "./icon.tsx", "next-app/components/icon.tsx", ResolvedModule},         // extension written
		{"next-app/components/button.tsx", "../package.json", "next-app/package.json", ResolvedAsset},            // not a module
		{"next-app/components/button.tsx", "../lib/ui/index.ts?raw", "next-app/lib/ui/index.ts", ResolvedModule}, // bundler query
		{"next-app/app/page.tsx", "./does-not-exist", "", Unresolved},
		{"next-app/app/page.tsx", "next/headers", "next", ResolvedExternal},
		{"next-app/app/page.tsx", "@scope/pkg/sub", "@scope/pkg", ResolvedExternal},
		{"next-app/app/page.tsx", "node:fs", "node:fs", ResolvedExternal},
		{"workspace/apps/web/app/page.tsx", "@acme/ui/button", "workspace/packages/ui/src/button.tsx", ResolvedModule},  // exports subpath
		{"workspace/apps/web/app/page.tsx", "@acme/ui", "workspace/packages/ui/src/index.ts", ResolvedModule},           // dist/ → src/
		{"workspace/apps/web/app/page.tsx", "~/title", "workspace/apps/web/app/title.tsx", ResolvedModule},              // baseUrl + paths
		{"workspace/packages/ui/src/panel.tsx", "@acme/db", "workspace/packages/db/src/index.ts", ResolvedModule},       // main
		{"workspace/apps/web/app/page.tsx", "@acme/config/env", "workspace/packages/config/src/env.ts", ResolvedModule}, // dist/src/ → src/
		{"workspace/packages/ui/src/panel.tsx", "@acme/nope", "@acme/nope", ResolvedExternal},
	}
	r := NewResolver(os.ReadFile)
	for _, tt := range tests {
		got, res := r.Resolve(filepath.Join(root, filepath.FromSlash(tt.from)), tt.spec)
		want := tt.want
		if tt.res == ResolvedModule || tt.res == ResolvedAsset {
			want = filepath.Join(root, filepath.FromSlash(tt.want))
		}
		if got != want || res != tt.res {
			t.Errorf("Resolve(%s, %q) = %q, %v; want %q, %v", tt.from, tt.spec, got, res, want, tt.res)
		}
	}
	if !r.IsRouteFile(filepath.Join(app, "app", "page.tsx")) || r.IsRouteFile(filepath.Join(app, "app", "error.tsx")) ||
		r.IsRouteFile(filepath.Join(app, "components", "button.tsx")) || !r.IsRouteFile(filepath.Join(ws, "apps", "web", "app", "page.tsx")) {
		t.Error("route files misjudged")
	}
}

func TestReadPnpmWorkspace(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "graph", "workspace", "pnpm-workspace.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := parsePnpmWorkspace(data)
	if len(got) != 2 || got[0] != "apps/*" || got[1] != "packages/*" {
		t.Errorf("packages = %q", got)
	}
}

func TestMatchExports(t *testing.T) {
	exports := newExportsMap(decodeOrdered([]byte(`{".": {"types": "./a.d.ts", "import": "./a.mjs"}, "./x/*": {"default": "./src/x/*.ts"}, "./y": ["./bad", "./y.ts"]}`)))
	for _, tt := range []struct{ key, want string }{{".", "./a.mjs"}, {"./x/one", "./src/x/one.ts"}, {"./y", "./bad"}} {
		if got, ok := exports.match(tt.key, false); !ok || got != tt.want {
			t.Errorf("match(%q) = %q, %v; want %q", tt.key, got, ok, tt.want)
		}
	}
	if got, _ := newExportsMap(decodeOrdered([]byte(`{"types": "./t.d.ts"}`))).match(".", true); got != "./t.d.ts" {
		t.Errorf("types condition as a last resort = %q", got)
	}
	if _, ok := exports.match("./missing", true); ok {
		t.Error("matched a subpath the exports do not list")
	}
}

func TestCompareJoined(t *testing.T) {
	words := []string{"", "a", "b", "ab", "abc", "index", "index.ts", "index.tsx", "inde", "button.tsx", "button"}
	for _, s := range words {
		for _, a := range words {
			for _, b := range words {
				if got, want := compareJoined(s, a, b), strings.Compare(s, a+b); got != want {
					t.Errorf("compareJoined(%q, %q, %q) = %d, want %d", s, a, b, got, want)
				}
			}
		}
	}
}

// TestSubstitute checks the short cut of tsconfig.substitute against the
// plain join it stands for.
func TestSubstitute(t *testing.T) {
	subs := []string{"./src/*", "src/*", "./*", "*", "../../packages/ui/src/*", "${configDir}/src/*", "./src/*.ts", "/abs/dir/*", "./a/./b/*"}
	stars := []string{"components/ui/button", "a", "a/b", "", ".", "..", "a/../b", "./a", "a/", "a//b", "a/./b", "../x", "a/.."}
	for _, base := range []string{"/repo/app", "/"} {
		paths := map[string][]string{"@/*": subs}
		cfg := &tsconfig{paths: paths, pathsBase: base, starDirs: starDirs(paths, base)}
		for _, sub := range subs {
			for _, star := range stars {
				target := strings.Replace(strings.ReplaceAll(sub, "${configDir}", "."), "*", star, 1)
				want := target
				if !filepath.IsAbs(target) {
					want = filepath.Join(base, filepath.FromSlash(target))
				}
				if got := cfg.substitute(sub, star); got != want {
					t.Errorf("base %q: substitute(%q, %q) = %q, want %q", base, sub, star, got, want)
				}
			}
		}
	}
}

func TestSplitPackage(t *testing.T) {
	for _, c := range []struct{ spec, name, sub string }{
		{"react", "react", ""},
		{"next/headers", "next", "headers"},
		{"next/dist/server/x", "next", "dist/server/x"},
		{"@acme/ui", "@acme/ui", ""},
		{"@acme/ui/button", "@acme/ui", "button"},
		{"@acme/ui/a/b", "@acme/ui", "a/b"},
		{"@acme", "@acme", ""},
		{"@acme/", "@acme/", ""},
		{"@/components/ui/button", "@/components", "ui/button"},
	} {
		if name, sub := splitPackage(c.spec); name != c.name || sub != c.sub {
			t.Errorf("splitPackage(%q) = %q, %q; want %q, %q", c.spec, name, sub, c.name, c.sub)
		}
	}
}

func TestSplitClean(t *testing.T) {
	for _, p := range []string{"/repo/app/x.ts", "/x", "/", "x", "a/b", ".", "/a/b/c"} {
		dir, base := splitClean(p)
		if dir != filepath.Dir(p) || base != filepath.Base(p) {
			t.Errorf("splitClean(%q) = %q, %q; want %q, %q", p, dir, base, filepath.Dir(p), filepath.Base(p))
		}
	}
}

// TestRecentResolutions checks that importers sharing a RecentResolutions
// resolve as importers without one, whatever the order: the same
// specifiers from files of different directories, tsconfigs and
// workspaces, twice over.
func TestRecentResolutions(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata", "graph"))
	if err != nil {
		t.Fatal(err)
	}
	froms := []string{"next-app/components/button.tsx", "next-app/app/page.tsx", "next-app/lib/ui/index.ts",
		"workspace/apps/web/app/page.tsx", "workspace/packages/ui/src/panel.tsx", "workspace/packages/ui/src/button.tsx"}
	specs := []string{"@/lib/db", "@/lib/helpers.js", "../lib/ui", "./icon", "./icon.tsx", "../package.json", "./index",
		"../lib/ui/index.ts?raw", "./does-not-exist", "next/headers", "@acme/ui", "@acme/ui/button", "~/title", "@acme/db", "./button", "../src/panel"}
	plain, cached := NewResolver(os.ReadFile), NewResolver(os.ReadFile)
	recent := new(RecentResolutions)
	for round := range 2 {
		for _, from := range froms {
			abs := filepath.Join(root, filepath.FromSlash(from))
			im := cached.Importer(abs)
			im.recent = recent
			for _, spec := range specs {
				wantPath, wantRes := plain.Resolve(abs, spec)
				if path, res := im.Resolve(spec); path != wantPath || res != wantRes {
					t.Errorf("round %d, %s imports %q: %q, %v with recent resolutions; %q, %v without", round, from, spec, path, res, wantPath, wantRes)
				}
			}
		}
	}
}

// TestAliasFixture checks the order TypeScript resolves in
// (moduleResolution bundler and node16): tsconfig paths first for every
// specifier they match, "#" ones included, then package.json imports; and
// that a specifier matching no file is unresolved, not a package, unless a
// package can have its name. The verdicts are those of
// testdata/resolve/aliases/expect.txt, which scripts/tsresolve/check.sh
// checks against TypeScript itself.
func TestAliasFixture(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata", "resolve", "aliases"))
	if err != nil {
		t.Fatal(err)
	}
	expect, err := os.ReadFile(filepath.Join(root, "expect.txt"))
	if err != nil {
		t.Fatal(err)
	}
	from := filepath.Join(root, "app", "page.ts")
	n := 0
	for _, line := range strings.Split(string(expect), "\n") {
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		fields := strings.Split(line, "\t")
		spec, verdict := fields[0], fields[1]
		wantPath, wantRes := filepath.Join(root, filepath.FromSlash(verdict)), ResolvedModule
		switch {
		case verdict == "unresolved":
			wantPath, wantRes = "", Unresolved
		case strings.HasPrefix(verdict, "package "):
			wantPath, wantRes = strings.TrimPrefix(verdict, "package "), ResolvedExternal
		}
		path, res := NewResolver(os.ReadFile).Resolve(from, spec)
		if path != wantPath || res != wantRes {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", spec, path, res, wantPath, wantRes)
		}
		n++
	}
	if n < 10 {
		t.Errorf("expect.txt has %d specifiers", n)
	}
}

// TestBrokenProjectFiles: a tsconfig.json or package.json that cannot be
// parsed counts as absent and is reported once, with the line of the error.
func TestBrokenProjectFiles(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"tsconfig.json": "{\n  \"compilerOptions\": {\n    \"paths\": { \"@/*\": [\"./*\"], }\n    \"x\": \n}\n",
		"package.json":  "{\"name\": \"x\",\n \"dependencies\": {\n}}}",
		"lib/a.ts":      "export const a = 1;",
	})
	r := NewResolver(os.ReadFile)
	from := filepath.Join(root, "app.ts")
	for range 2 {
		if _, res := r.Resolve(from, "@/lib/a"); res != Unresolved {
			t.Errorf("Resolve through a broken tsconfig = %v, want unresolved", res)
		}
		r.Resolve(from, "react")
	}
	problems := r.Problems()
	if len(problems) != 2 || !strings.Contains(problems[0].Reason, "line 3") || !strings.Contains(problems[1].Reason, "line 4") {
		t.Errorf("problems = %+v", problems)
	}
}

// TestWorkspacePatternStaysInside: a workspace pattern that leaves the
// workspace's root names no package and walks nothing outside it.
func TestWorkspacePatternStaysInside(t *testing.T) {
	base := t.TempDir()
	testtree.Write(t, base, map[string]string{
		"outside/pkg/package.json": `{"name": "outside-pkg"}`,
		"outside/pkg/index.ts":     "export const x = 1;",
		"repo/package.json":        `{"workspaces": ["../outside/*", "../../**"]}`,
		"repo/app.ts":              "",
	})
	r := NewResolver(os.ReadFile)
	if path, res := r.Resolve(filepath.Join(base, "repo", "app.ts"), "outside-pkg"); res == ResolvedModule {
		t.Errorf("a package outside the workspace was found: %s", path)
	}
}

// TestRecentResolutionsOfAnotherResolver: a table of recent resolutions
// outlives a resolver (a long-lived process makes many, and the lint
// workers lend their tables from run to run); a resolver never takes
// another's answer, made when the files were not what they are now.
func TestRecentResolutionsOfAnotherResolver(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"card.tsx": "", "button.tsx": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var recent RecentResolutions
	from := filepath.Join(dir, "card.tsx")
	first := NewResolver(os.ReadFile).ImporterOf(from, &recent)
	if path, _ := first.Resolve("./button"); filepath.Base(path) != "button.tsx" {
		t.Fatalf("first: %s", path)
	}
	if err := os.WriteFile(filepath.Join(dir, "button.ts"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	second := NewResolver(os.ReadFile).ImporterOf(from, &recent)
	if path, _ := second.Resolve("./button"); filepath.Base(path) != "button.ts" {
		t.Errorf("second resolver, after button.ts was added: %s, want button.ts (TypeScript tries .ts first)", path)
	}
}

// TestSubstitutionsCapped: an import resolves through the first
// maxSubstitutions substitutions of a paths pattern, not the ones after,
// and the config is named once.
func TestSubstitutionsCapped(t *testing.T) {
	root := t.TempDir()
	var subs []string
	for i := range maxSubstitutions + 50 {
		subs = append(subs, fmt.Sprintf("%q", fmt.Sprintf("./s%d/*", i)))
	}
	testtree.Write(t, root, map[string]string{
		"tsconfig.json": `{"compilerOptions":{"paths":{"@/*":[` + strings.Join(subs, ",") + `],"~/*":["./s0/*"]}}}`,
		"package.json":  `{"name":"x"}`,
		"s10/near.ts":   "export const a = 1;",
		fmt.Sprintf("s%d/far.ts", maxSubstitutions+10): "export const b = 1;",
	})
	r := NewResolver(os.ReadFile)
	from := filepath.Join(root, "app.ts")
	if _, res := r.Resolve(from, "@/near"); res != ResolvedModule {
		t.Errorf("@/near through substitution 10: %v, want resolved", res)
	}
	if _, res := r.Resolve(from, "@/far"); res == ResolvedModule {
		t.Errorf("@/far through substitution %d: resolved, want it past the cap", maxSubstitutions+10)
	}
	problems := r.Problems()
	if len(problems) != 1 || problems[0].Reason != `paths substitutions of "@/*" past the first 100` {
		t.Errorf("problems = %+v", problems)
	}
}

// TestListedAbsent: a file is known absent only from a listing already
// read, and never when the listing holds its name.
func TestListedAbsent(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{"a/directivelint.json": "{}", "b/x.ts": ""})
	r := NewResolver(os.ReadFile)
	for _, dir := range []string{"a", "b"} {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			t.Fatal(err)
		}
		r.AddListing(filepath.Join(root, dir), entries)
	}
	for path, want := range map[string]bool{
		"a/directivelint.json": false, // there
		"b/directivelint.json": true,  // listed, not there
		"c/directivelint.json": false, // not listed: not known
	} {
		if got := r.ListedAbsent(filepath.Join(root, path)); got != want {
			t.Errorf("ListedAbsent(%s) = %v, want %v", path, got, want)
		}
	}
}
