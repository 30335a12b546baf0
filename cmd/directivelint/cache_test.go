package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directivelint/directivelint/rules"
)

// settle waits until files just written are old enough for their stamps
// to be trusted (source.Stamp.Racy): until then a run keeps no record of
// the project files, and a warm run would be a cold one.
func settle() { time.Sleep(3100 * time.Millisecond) }

// reusedLine is the line --verbose adds about the cache; snapshotLine the
// one it adds when the last run's result is given again (see replay).
var (
	reusedLine   = regexp.MustCompile(`(?m)^directivelint: (\d+) of (\d+) files taken from the cache in .*\n`)
	snapshotLine = regexp.MustCompile(`(?m)^directivelint: (no file|\d+ file\(s\)) changed since the last run with this command line.*\n`)
)

// runOutput is what a run printed, with the cache's own line cut out.
type runOutput struct {
	code           int
	stdout, stderr string
	reused         int
	// replayed: the last run's snapshot gave the result, nothing having
	// changed; patched: only changed files were checked again.
	replayed, patched bool
}

func lintWith(t *testing.T, args ...string) runOutput {
	t.Helper()
	code, out, errOut := cli(t, rules.All(), append([]string{"--verbose"}, args...)...)
	o := runOutput{code: code, stdout: out, stderr: snapshotLine.ReplaceAllString(reusedLine.ReplaceAllString(errOut, ""), "")}
	if m := reusedLine.FindStringSubmatch(errOut); m != nil {
		_, _ = fmt.Sscan(m[1], &o.reused)
	}
	if m := snapshotLine.FindStringSubmatch(errOut); m != nil {
		o.replayed, o.patched = m[1] == "no file", m[1] != "no file"
	}
	return o
}

func sameOutput(t *testing.T, what string, got, want runOutput) {
	t.Helper()
	if got.code != want.code || got.stdout != want.stdout || got.stderr != want.stderr {
		t.Errorf("%s: with the cache, status %d, stdout:\n%s\nstderr:\n%s\nwithout: status %d, stdout:\n%s\nstderr:\n%s",
			what, got.code, got.stdout, got.stderr, want.code, want.stdout, want.stderr)
	}
}

// copyTestdata copies the repository's fixtures to a temporary directory
// and returns it.
func copyTestdata(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCacheColdWarmFixtures runs every fixture and the graph fixtures
// without the cache, with an empty cache and with the cache it left, and
// compares the outputs byte for byte; the warm run must take every file
// from the cache.
func TestCacheColdWarmFixtures(t *testing.T) {
	tree := copyTestdata(t)
	settle()
	dirs := []string{".", "graph/partial", "graph/workspace", "graph/next-app", "graph/client-props", "config-monorepo", "nextjs", "demo", "eslint-migration"}
	variants := [][]string{{"--format", "json"}, {"--format", "sarif"}, {"--format", "stylish"}, {"--format", "json", "--report-unused-disable"}}
	for _, dir := range dirs {
		for _, args := range variants {
			t.Chdir(filepath.Join(tree, dir))
			location := t.TempDir()
			what := dir + " " + strings.Join(args, " ")
			plain := lintWith(t, append(args, "--no-cache")...)
			cold := lintWith(t, append(args, "--cache-location", location)...)
			warm := lintWith(t, append(args, "--cache-location", location)...)
			sameOutput(t, what+" cold", cold, plain)
			sameOutput(t, what+" warm", warm, plain)
			if cold.reused != 0 || warm.reused == 0 {
				t.Errorf("%s: %d files from the cache cold, %d warm", what, cold.reused, warm.reused)
			}
			if dir == "graph/partial" { // a partial run: its project is context
				one := append(args, "components/widget.tsx")
				part := lintWith(t, append(one, "--cache-location", location)...)
				sameOutput(t, what+" one file warm", part, lintWith(t, append(one, "--no-cache")...))
				if part.reused == 0 {
					t.Errorf("%s: a partial run took nothing from the cache", what)
				}
			}
		}
	}
}

// randomProject is the project TestCacheRandomized starts from: a Next.js
// app with an alias, client and server modules, server-only code and a
// config file.
var randomProject = map[string]string{
	"package.json":              `{"name": "app", "dependencies": {"next": "15.0.0"}}`,
	"tsconfig.json":             `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
	"directivelint.json":        `{"rules": {}}`,
	"app/page.tsx":              "import { Button } from '@/components/button';\nimport { save } from '@/lib/actions';\nexport default function Page() { return <Button onClick={() => 1} action={save} />; }\n",
	"app/layout.tsx":            "import { helper } from '../lib/helper';\nexport default function Layout({ children }) { return <div onClick={helper}>{children}</div>; }\n",
	"app/error.tsx":             "export default function Error() { return null; }\n",
	"components/button.tsx":     "'use client';\nimport { helper } from '@/lib/helper';\nexport function Button(props) { return <button {...props} />; }\n",
	"components/card.tsx":       "'use client';\nimport { Button } from './button';\nexport const Card = () => <Button />;\n",
	"lib/helper.ts":             "import 'server-only';\nexport function helper() { return 1; }\n",
	"lib/actions.ts":            "'use server';\nexport async function save() {}\nexport function sync() {}\n",
	"lib/util.ts":               "export const util = () => { 'use server'; return 1; };\n",
	"lib/types.ts":              "export type Props = { a: string };\n",
	"components/server-part.ts": "import type { Props } from '@/lib/types';\nimport { util } from '@/lib/util';\nexport const part = (p: Props) => util();\n",
	"lib/outside.ts":            "'use client';\nimport { o } from '../../outside/o';\nexport const p = o;\n", // outside the project: see outsideFile
}

// outsideFile is where lib/outside.ts of randomProject looks, outside the
// project dir: a directory the walk does not list, only the resolver.
func outsideFile(dir string) string { return filepath.Join(dir, "..", "outside", "o.ts") }

// snippets are contents a randomized step may give a file.
var snippets = []string{
	"'use client';\nimport { helper } from '@/lib/helper';\nexport function Button(props) { return <button {...props} />; }\n",
	"'use client';\nexport function Button(props) { return <button {...props} />; }\n",
	"'use server';\nexport async function save() {}\nexport const x = 1;\n",
	"export async function save() { 'use server'; }\n",
	"import 'server-only';\nexport function helper() { return 1; }\n",
	"export function helper() { return 1; }\n",
	"'use cache: nope';\nexport default async function Page() { return null; }\n",
	"// directivelint-disable-next-line\n'use server';\nexport const y = 2;\n",
	"import { Card } from '@/components/card';\nimport { helper } from '@/lib/helper';\nexport default function P() { return <Card onClick={helper} />; }\n",
	"export const broken = (;\n",
}

// mutation changes the project in dir the way a user does between runs.
type mutation func(r *rand.Rand, dir string) string

func sourceFiles(dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".tsx")) {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// sourceMutations is how many of mutations, the first, change source
// files only.
const sourceMutations = 8

var mutations = []mutation{
	func(r *rand.Rand, dir string) string { // append a line: what the graph keeps of the file may stay the same
		f := pick(r, sourceFiles(dir))
		line := pick(r, []string{"// a comment\n", "const n = 1;\n", "export const More = () => <div onClick={() => 1} />;\n",
			"export const Extra = () => <Card onClick={helper} />;\n", "export const S = async () => { 'use server'; };\n"})
		appendFile(filepath.Join(dir, f), line)
		return "append to " + f
	},
	func(r *rand.Rand, dir string) string { // edit inside the last body: after the imports, perhaps before a directive
		f := pick(r, sourceFiles(dir))
		p := filepath.Join(dir, f)
		data, _ := os.ReadFile(p)
		if i := bytes.LastIndex(data, []byte("{ ")); i >= 0 {
			data = slices.Concat(data[:i+2], []byte(pick(r, []string{"/* edited */ ", "void 0; ", "'use server'; "})), data[i+2:])
		}
		_ = os.WriteFile(p, data, 0o644)
		return "edit the body of " + f
	},
	func(r *rand.Rand, dir string) string { // edit
		f := pick(r, sourceFiles(dir))
		_ = os.WriteFile(filepath.Join(dir, f), []byte(pick(r, snippets)), 0o644)
		return "edit " + f
	},
	func(r *rand.Rand, dir string) string { // edit keeping the size
		f := pick(r, sourceFiles(dir))
		p := filepath.Join(dir, f)
		data, _ := os.ReadFile(p)
		if i := bytes.IndexAny(data, "'\""); i >= 0 {
			data[i+1] ^= 0x20 // 'use client' → 'Use client'
		}
		_ = os.WriteFile(p, data, 0o644)
		return "same-size edit " + f
	},
	func(r *rand.Rand, dir string) string { // touch
		f := pick(r, sourceFiles(dir))
		now := time.Now()
		_ = os.Chtimes(filepath.Join(dir, f), now, now)
		return "touch " + f
	},
	func(r *rand.Rand, dir string) string { // rename
		f := pick(r, sourceFiles(dir))
		to := strings.TrimSuffix(f, filepath.Ext(f)) + fmt.Sprintf("-%d", r.IntN(3)) + filepath.Ext(f)
		_ = os.Rename(filepath.Join(dir, f), filepath.Join(dir, to))
		return "rename " + f + " " + to
	},
	func(r *rand.Rand, dir string) string { // delete
		files := sourceFiles(dir)
		if len(files) < 4 {
			return "nothing deleted"
		}
		f := pick(r, files)
		_ = os.Remove(filepath.Join(dir, f))
		return "delete " + f
	},
	func(r *rand.Rand, dir string) string { // add, perhaps where an import looks
		f := pick(r, []string{"lib/helper.ts", "components/button.tsx", "lib/helper/index.ts", "lib/new.ts", "src/lib/helper.ts", "components/button.ts", "app/other/page.tsx"})
		p := filepath.Join(dir, f)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.WriteFile(p, []byte(pick(r, snippets)), 0o644)
		return "add " + f
	},
	func(r *rand.Rand, dir string) string { // tsconfig
		c := pick(r, []string{`{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`, `{"compilerOptions": {"paths": {"@/*": ["./src/*"]}}}`, `{"compilerOptions": {}}`, `{"compilerOptions": {"paths": {"@/*": ["./*"]}, "verbatimModuleSyntax": true}}`})
		_ = os.WriteFile(filepath.Join(dir, "tsconfig.json"), []byte(c), 0o644)
		return "tsconfig " + c
	},
	func(r *rand.Rand, dir string) string { // config
		c := pick(r, []string{`{"rules": {}}`, `{"preset": "strict"}`, `{"rules": {"server-only-in-client": "warn"}}`, `{"rules": {"missing-use-client": "off"}, "serverOnlyModules": ["server-only", "@/lib/helper"]}`})
		_ = os.WriteFile(filepath.Join(dir, "directivelint.json"), []byte(c), 0o644)
		return "config " + c
	},
	func(r *rand.Rand, dir string) string { // package.json: a Next.js app or not
		c := pick(r, []string{`{"name": "app", "dependencies": {"next": "15.0.0"}}`, `{"name": "app"}`})
		_ = os.WriteFile(filepath.Join(dir, "package.json"), []byte(c), 0o644)
		return "package.json " + c
	},
	func(r *rand.Rand, dir string) string { // the file an import looks for outside the project comes and goes
		p := outsideFile(dir)
		if _, err := os.Stat(p); err == nil {
			_ = os.Remove(p)
			return "remove ../outside/o.ts"
		}
		_ = os.WriteFile(p, []byte("import 'server-only';\nexport const o = 1;\n"), 0o644)
		return "add ../outside/o.ts"
	},
	func(r *rand.Rand, dir string) string { // a config file appears below
		p := filepath.Join(dir, "components", "directivelint.json")
		if _, err := os.Stat(p); err == nil {
			_ = os.Remove(p)
			return "remove components/directivelint.json"
		}
		_ = os.WriteFile(p, []byte(`{"rules": {"server-only-in-client": "off"}}`), 0o644)
		return "add components/directivelint.json"
	},
}

// TestCacheRandomized edits, touches, renames, deletes and adds files and
// config between runs, mostly within the same second as the cache's write,
// and checks that a run with the cache prints what a run without prints,
// every time.
func TestCacheRandomized(t *testing.T) {
	if testing.Short() {
		t.Skip("sleeps: files must age for the cache to trust them")
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("DIRECTIVELINT_CACHE_SEED"); s != "" {
		_, _ = fmt.Sscan(s, &seed)
	}
	t.Logf("seed %d (DIRECTIVELINT_CACHE_SEED)", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	replayed, patched := 0, 0
	for round := range 2 {
		project(t, randomProject) // chdirs to a new temporary directory
		dir, _ := os.Getwd()
		// Where lib/outside.ts looks: a directory that holds other files.
		if err := os.MkdirAll(filepath.Dir(outsideFile(dir)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(filepath.Dir(outsideFile(dir)), "readme.md"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		location := t.TempDir()
		settle()
		lintWith(t, "--format", "json", "--cache-location", location)
		reused := 0
		var steps []string
		for step := range 32 {
			if step%8 == 7 {
				settle() // let the changes age: the next runs trust them
			}
			// Mostly source files: a changed project file keeps the next
			// runs from trusting records until it ages.
			m := mutations[r.IntN(sourceMutations)]
			if r.IntN(6) == 0 {
				m = mutations[sourceMutations+r.IntN(len(mutations)-sourceMutations)]
			}
			what := m(r, dir)
			steps = append(steps, what)
			for _, args := range [][]string{{"--format", "json", "--report-unused-disable"}, {"--format", "compact", "components/button.tsx", "app/page.tsx"}} {
				want := lintWith(t, append(args, "--no-cache")...)
				got := lintWith(t, append(args, "--cache-location", location)...)
				reused += got.reused
				if os.Getenv("DIRECTIVELINT_CACHE_TRACE") != "" {
					t.Logf("%s %v: %d reused", what, args, got.reused)
				}
				sameOutput(t, fmt.Sprintf("round %d, after %s", round, strings.Join(steps, "; ")), got, want)
				if got.patched {
					patched++
				}
				if r.IntN(2) == 0 { // nothing changed since
					again := lintWith(t, append(args, "--cache-location", location)...)
					sameOutput(t, fmt.Sprintf("round %d, again after %s", round, strings.Join(steps, "; ")), again, want)
					if again.replayed {
						replayed++
					}
				}
				if t.Failed() {
					if keep := os.Getenv("DIRECTIVELINT_CACHE_KEEP"); keep != "" {
						_ = os.CopyFS(filepath.Join(keep, "tree"), os.DirFS(dir))
						_ = os.CopyFS(filepath.Join(keep, "cache"), os.DirFS(location))
						t.Logf("kept the tree and the cache in %s", keep)
					}
					return
				}
			}
		}
		if reused == 0 {
			t.Errorf("round %d: no run took a file from the cache: the test proves nothing", round)
		}
	}
	// Patches are rare here: the two command lines share the records, and
	// each run that writes them keeps the other's snapshot from patching
	// (TestCacheSnapshot patches for sure).
	t.Logf("%d runs given again from their snapshot, %d patched", replayed, patched)
	if replayed == 0 {
		t.Error("no run given again from its snapshot: the test proves nothing of them")
	}
}

// TestCacheSnapshot: a run with nothing changed since the last is given
// again from its snapshot; after an edit the module graph does not see,
// only the edited file is checked again; after one it sees, every file is.
// Each run's output is that of a run without the cache.
func TestCacheSnapshot(t *testing.T) {
	project(t, randomProject)
	dir, _ := os.Getwd()
	outside := filepath.Dir(outsideFile(dir))
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "readme.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	location := t.TempDir()
	settle()
	args := []string{"--format", "json", "--report-unused-disable", "--cache-location", location}
	check := func(what string, replayed, patched bool) {
		t.Helper()
		want := lintWith(t, "--format", "json", "--report-unused-disable", "--no-cache")
		got := lintWith(t, args...)
		sameOutput(t, what, got, want)
		if got.replayed != replayed || got.patched != patched {
			t.Errorf("%s: given again from the snapshot %v, patched %v; want %v, %v", what, got.replayed, got.patched, replayed, patched)
		}
	}
	check("the first run", false, false)
	check("nothing changed", true, false)
	appendFile("lib/actions.ts", "export const more = 1;\n")
	check("a line appended to a \"use server\" file", false, true)
	check("nothing changed since", true, false)
	appendFile("lib/actions.ts", "// directivelint-disable-next-line server-file-exports\nexport const more2 = 2;\n")
	check("a suppressed report appended", false, true)
	if err := os.WriteFile("components/button.tsx", []byte("'use client';\nexport function Button(props) { return <button {...props} />; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("an import removed", false, false)
	check("nothing changed since the import was removed", true, false)
	// The last run that made the snapshot took every other file's record
	// as it was, resolutions included: it did not look again where those
	// imports looked.
	if err := os.WriteFile(outsideFile(dir), []byte("import 'server-only';\nexport const o = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("a file an import looks for added outside the project", false, false)
	if err := os.WriteFile("lib/new.ts", []byte("export const n = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("a file added", false, false)
}

// appendFile appends text to the file at path.
func appendFile(path, text string) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return
	}
	_, _ = f.WriteString(text)
	_ = f.Close()
}

// TestCacheConcurrentRuns starts runs at once on one cache: each prints
// what a run without the cache prints, and the cache left is whole.
func TestCacheConcurrentRuns(t *testing.T) {
	tree := copyTestdata(t)
	settle()
	t.Chdir(tree)
	location := t.TempDir()
	want := lintWith(t, "--format", "json", "--no-cache")
	start := func() (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "--format", "json", "--cache-location", location)
		cmd.Env = append(os.Environ(), "DIRECTIVELINT_AS_CLI=1")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &out, &errOut
	}
	for round := range 3 {
		var cmds []*exec.Cmd
		var outs, errs []*bytes.Buffer
		for range 4 {
			c, o, e := start()
			cmds, outs, errs = append(cmds, c), append(outs, o), append(errs, e)
		}
		for i, c := range cmds {
			_ = c.Wait()
			if outs[i].String() != want.stdout || c.ProcessState.ExitCode() != want.code {
				t.Errorf("round %d, run %d: status %d, stdout differs from a run without the cache", round, i, c.ProcessState.ExitCode())
			}
			if strings.Contains(errs[i].String(), "cache") {
				t.Errorf("round %d, run %d: stderr %q", round, i, errs[i])
			}
		}
	}
	after := lintWith(t, "--format", "json", "--cache-location", location)
	sameOutput(t, "after concurrent runs", after, want)
	if after.reused == 0 {
		t.Error("the cache left by concurrent runs gave nothing")
	}
}

// TestCacheCorruptFile: a truncated or garbage cache file, of records or
// of a run's snapshot, is ignored with one notice, the run is right, and
// the file is rebuilt.
func TestCacheCorruptFile(t *testing.T) {
	tree := copyTestdata(t)
	settle()
	t.Chdir(filepath.Join(tree, "graph", "partial"))
	location := t.TempDir()
	want := lintWith(t, "--format", "json", "--no-cache")
	lintWith(t, "--format", "json", "--cache-location", location)
	for _, kind := range []string{".cache", ".snapshot"} {
		files, _ := filepath.Glob(filepath.Join(location, "*"+kind))
		if len(files) != 1 {
			t.Fatalf("%s files: %v", kind, files)
		}
		data, _ := os.ReadFile(files[0])
		for name, bad := range map[string][]byte{"truncated": data[:len(data)-7], "garbage": []byte("not a cache at all"), "one bit flipped": flipBit(data)} {
			name = kind + " " + name
			if err := os.WriteFile(files[0], bad, 0o644); err != nil {
				t.Fatal(err)
			}
			if kind == ".cache" {
				removeSnapshots(t, location) // else the snapshot gives the run, without the records
			}
			got := lintWith(t, "--format", "json", "--cache-location", location)
			notice := "directivelint: " + files[0] + ": cache ignored: "
			if strings.Count(got.stderr, notice) != 1 {
				t.Errorf("%s: stderr %q, want one notice", name, got.stderr)
			}
			got.stderr = regexp.MustCompile(`(?m)^directivelint: .*cache ignored.*\n`).ReplaceAllString(got.stderr, "")
			sameOutput(t, name, got, want)
			again := lintWith(t, "--format", "json", "--cache-location", location)
			sameOutput(t, name+", rebuilt", again, want)
			if again.reused == 0 {
				t.Errorf("%s: the rebuilt cache gave nothing", name)
			}
		}
	}
	// cache clean removes both.
	if code, out, _ := cli(t, rules.All(), "cache", "clean", "--cache-location", location); code != 0 || !strings.Contains(out, "removed 2 cache file") {
		t.Errorf("cache clean: %d %q", code, out)
	}
	if left, _ := filepath.Glob(filepath.Join(location, "*")); len(left) != 0 {
		t.Errorf("left after clean: %v", left)
	}
}

// flipBit returns data with one bit of its middle byte flipped.
func flipBit(data []byte) []byte {
	out := bytes.Clone(data)
	out[len(out)/2] ^= 0x10
	return out
}

// removeSnapshots removes the snapshots of runs from the cache directory.
func removeSnapshots(t *testing.T, location string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(location, "*.snapshot"))
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCacheFollowsImports: a file removed, added back or moved changes
// where the imports of unchanged files lead; warm runs right after each
// change (in the same second) print what cold runs print, and still take
// the unchanged files from the cache.
func TestCacheFollowsImports(t *testing.T) {
	project(t, randomProject)
	location := t.TempDir()
	settle()
	lintWith(t, "--format", "json", "--cache-location", location)
	helper, _ := os.ReadFile("lib/helper.ts")
	steps := []struct {
		what string
		do   func()
	}{
		{"remove lib/helper.ts", func() { os.Remove("lib/helper.ts") }},
		{"add lib/helper/index.ts", func() {
			_ = os.Mkdir("lib/helper", 0o755)
			_ = os.WriteFile("lib/helper/index.ts", helper, 0o644)
		}},
		{"add lib/helper.ts back", func() { _ = os.WriteFile("lib/helper.ts", []byte("export const helper = 1;\n"), 0o644) }},
		{"move components/button.tsx", func() { _ = os.Rename("components/button.tsx", "components/button.jsx") }},
		// components/card.tsx imports "./button": a button.ts now comes
		// first. The next run re-resolves; the one after it trusts the
		// listings, and must not take card's import from before.
		{"add components/button.ts", func() {
			_ = os.WriteFile("components/button.ts", []byte("export async function save() { 'use server'; }\n"), 0o644)
		}},
		{"touch app/layout.tsx", func() {
			now := time.Now()
			_ = os.Chtimes("app/layout.tsx", now, now)
		}},
		{"remove components/button.ts", func() { _ = os.Remove("components/button.ts") }},
		{"touch app/layout.tsx again", func() {
			now := time.Now().Add(time.Second)
			_ = os.Chtimes("app/layout.tsx", now, now)
		}},
		{"remove lib/helper/index.ts and lib/helper.ts", func() { os.RemoveAll("lib/helper"); os.Remove("lib/helper.ts") }},
	}
	for _, step := range steps {
		step.do()
		want := lintWith(t, "--format", "json", "--no-cache")
		got := lintWith(t, "--format", "json", "--cache-location", location)
		sameOutput(t, step.what, got, want)
		if got.reused == 0 {
			t.Errorf("%s: nothing taken from the cache", step.what)
		}
	}
}

// TestCacheFreshCheckout: a project checked out again (every file
// written anew: new inodes and times, the same content), as in CI with a
// restored cache, takes every file from the cache, by content.
func TestCacheFreshCheckout(t *testing.T) {
	project(t, randomProject)
	dir, _ := os.Getwd()
	location := t.TempDir()
	settle()
	want := lintWith(t, "--format", "json", "--no-cache")
	lintWith(t, "--format", "json", "--cache-location", location)
	for name, text := range randomProject {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	settle()
	got := lintWith(t, "--format", "json", "--cache-location", location)
	sameOutput(t, "after a fresh checkout", got, want)
	if files := len(sourceFiles(dir)); got.reused != files {
		t.Errorf("%d of %d files taken from the cache", got.reused, files)
	}
}

// TestCacheConfigAboveTargetsOutsideTheWorkingDirectory: a config file
// added above targets that lie outside the working directory is seen.
func TestCacheConfigAboveTargetsOutsideTheWorkingDirectory(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{
		"proj/package.json":   `{"name": "p"}`,
		"proj/src/a/f.ts":     "`use client`;\nexport const a = 1;\n",
		"elsewhere/README.md": "cwd\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(root, "elsewhere"))
	location := t.TempDir()
	target := filepath.Join("..", "proj", "src", "a")
	settle()
	first := lintWith(t, "--format", "json", "--cache-location", location, target)
	if first.code != 1 {
		t.Fatalf("first run: %+v", first)
	}
	if err := os.WriteFile(filepath.Join(root, "proj", "src", "directivelint.json"), []byte(`{"rules": {"directive-syntax": "off"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	want := lintWith(t, "--format", "json", "--no-cache", target)
	got := lintWith(t, "--format", "json", "--cache-location", location, target)
	sameOutput(t, "after a config file was added above the target", got, want)
	if want.code != 0 {
		t.Errorf("the config file did not turn the rule off: %+v", want)
	}
}

// TestCacheSymlinkRefused: a checked-out tree whose cache directory is a
// symbolic link gets no cache, neither records nor a snapshot, with one
// notice a run; nothing is written where the link leads.
func TestCacheSymlinkRefused(t *testing.T) {
	project(t, randomProject)
	elsewhere := t.TempDir()
	if err := os.MkdirAll("node_modules", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join("node_modules", ".cache")); err != nil {
		t.Skip(err)
	}
	settle()
	want := lintWith(t, "--format", "json", "--no-cache")
	for run := range 2 {
		got := lintWith(t, "--format", "json")
		if n := strings.Count(got.stderr, "directivelint: no cache: "); n != 1 {
			t.Errorf("run %d: %d notices in %q, want one", run, n, got.stderr)
		}
		got.stderr = regexp.MustCompile(`(?m)^directivelint: no cache: .*\n`).ReplaceAllString(got.stderr, "")
		sameOutput(t, fmt.Sprintf("run %d", run), got, want)
		if got.replayed || got.reused > 0 {
			t.Errorf("run %d took something from a cache", run)
		}
	}
	if left, _ := os.ReadDir(elsewhere); len(left) != 0 {
		t.Errorf("written through the link: %v", left)
	}
}

// TestCacheExtendedConfig: a tsconfig.json that extends a file of another
// name (as turborepo's shared configs are): a change to that file reaches
// the records, also after a run that took every file from them and so
// read no config.
func TestCacheExtendedConfig(t *testing.T) {
	project(t, map[string]string{
		"package.json":          `{"name": "app"}`,
		"tsconfig.json":         `{"extends": "./configs/shared.json"}`,
		"configs/shared.json":   `{"compilerOptions": {"paths": {"@/*": ["../*"]}}}`, // relative to this file
		"components/button.tsx": "'use client';\nimport { helper } from '@/lib/helper';\nexport const Button = () => helper();\n",
		"lib/helper.ts":         "import 'server-only';\nexport const helper = () => 1;\n",
	})
	location := t.TempDir()
	settle()
	check := func(what string, paths ...string) runOutput {
		t.Helper()
		want := lintWith(t, append([]string{"--format", "json", "--no-cache"}, paths...)...)
		got := lintWith(t, append([]string{"--format", "json", "--cache-location", location}, paths...)...)
		sameOutput(t, what, got, want)
		return got
	}
	check("the first run")
	if got := check("a run over one file", "lib/helper.ts"); got.reused != 2 {
		t.Errorf("a run over one file took %d files from the records, want 2", got.reused)
	}
	if err := os.WriteFile(filepath.Join("configs", "shared.json"), []byte(`{"compilerOptions": {"paths": {"@/*": ["../nowhere/*"]}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	settle()
	check("the extended config changed")
}
