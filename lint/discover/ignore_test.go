package discover

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/internal/testtree"
	"github.com/directivelint/directivelint/lint/js"
)

// TestIgnoreLikeGit checks cases where an earlier matcher and git
// disagreed, with what git says.
func TestIgnoreLikeGit(t *testing.T) {
	for _, tc := range []struct {
		gitignore string
		files     []string
		want      []string
	}{
		// A name pattern matches the entry's own name, never a directory
		// above it: !*/ keeps directories, not the files in them.
		{"*\n!*/\n!*.ts\n", []string{"sub/a.js", "sub/b.ts", "c.js"}, []string{"sub/b.ts"}},
		// c/** matches what is in c, not c: a file in it can come back.
		{"c/**\n!*.ts\n", []string{"c/x.ts", "c/y.js", "c/d/z.ts"}, []string{"c/x.ts"}},
		// A file in an excluded directory cannot be re-included.
		{"d/\n!d/x.ts\n", []string{"d/x.ts", "e.ts"}, []string{"e.ts"}},
		{"/a/*.ts\n", []string{"a/x.ts", "b/a/x.ts", "a/b/x.ts"}, []string{"a/b/x.ts", "b/a/x.ts"}},
		{"a/**/b.ts\n", []string{"a/b.ts", "a/x/b.ts", "a/x/y/b.ts", "x/a/b.ts"}, []string{"x/a/b.ts"}},
		{"**/x/*.ts\n", []string{"x/a.ts", "p/x/a.ts", "p/x/q/a.ts"}, []string{"p/x/q/a.ts"}},
		{"\\!a.ts\n\\#b.ts\nc.ts\\ \nd.ts   \n[e-f].ts\n[!g].js\n", []string{"!a.ts", "#b.ts", "c.ts ", "d.ts", "e.ts", "g.ts", "g.js", "h.js"},
			[]string{"g.js", "g.ts"}},
		{"*.ts/\nx\r\n", []string{"a.ts/b.js", "c.ts", "x/y.js"}, []string{"c.ts"}},
	} {
		root := t.TempDir()
		tree := map[string]string{".gitignore": tc.gitignore}
		for _, f := range tc.files {
			tree[f] = ""
		}
		testtree.Write(t, root, tree)
		targets, _, err := Targets([]string{root})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tg := range targets {
			rel, _ := filepath.Rel(root, tg.Path)
			got = append(got, filepath.ToSlash(rel))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf(".gitignore %q: got %q, want %q", tc.gitignore, got, tc.want)
		}
	}
}

// TestIgnoreWorktreeExclude checks that the exclude file of a repository
// applies in its worktrees, whose .git is a file naming their git
// directory.
func TestIgnoreWorktreeExclude(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	repo, wt := filepath.Join(root, "repo"), filepath.Join(root, "wt")
	testtree.Write(t, repo, map[string]string{".git-placeholder": ""})
	git(t, repo, "init", "-q")
	git(t, repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "init")
	git(t, repo, "worktree", "add", "-q", wt)
	testtree.Write(t, repo, map[string]string{".git/info/exclude": "*.gen.ts\n"})
	testtree.Write(t, wt, map[string]string{"a.ts": "", "b.gen.ts": "", "sub/c.gen.ts": "", "sub/d.ts": ""})
	for _, dir := range []string{wt, filepath.Join(wt, "sub")} {
		targets, _, err := Targets([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, tg := range targets {
			if strings.HasSuffix(tg.Path, ".gen.ts") {
				t.Errorf("Targets(%s) lists %s, which .git/info/exclude excludes", dir, tg.Path)
			}
		}
		if len(targets) == 0 {
			t.Errorf("Targets(%s) lists nothing", dir)
		}
	}
}

// TestIgnoreAgreesWithGit builds random trees with random .gitignore files
// (nested ones too) and checks that the walk lists the files that
// git ls-files --others --exclude-standard lists. DIRECTIVELINT_GITIGNORE_ROUNDS
// sets the number of trees (2,000 by default) and DIRECTIVELINT_GITIGNORE_SEED
// the seed.
func TestIgnoreAgreesWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	rounds, seed := 2000, uint64(14)
	if n, err := strconv.Atoi(os.Getenv("DIRECTIVELINT_GITIGNORE_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	if n, err := strconv.ParseUint(os.Getenv("DIRECTIVELINT_GITIGNORE_SEED"), 10, 64); err == nil {
		seed = n
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	const batch = 250 // trees in one repository, each in a directory of its own
	disagreed, listed, wholeTrees := 0, 0, 0
	for start := 0; start < rounds && disagreed < 5; start += batch {
		repo := fastTempDir(t)
		git(t, repo, "init", "-q")
		// The repository's own exclude file, below every .gitignore.
		var exclude []string
		for range rng.IntN(3) {
			exclude = append(exclude, randomPattern(rng))
		}
		if err := os.WriteFile(filepath.Join(repo, ".git", "info", "exclude"), []byte(strings.Join(exclude, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		trees := map[string]map[string]string{}
		for i := start; i < min(start+batch, rounds); i++ {
			name := fmt.Sprintf("t%05d", i)
			trees[name] = randomTree(rng)
			testtree.Write(t, filepath.Join(repo, name), trees[name])
		}
		want := map[string][]string{}
		for _, f := range strings.Split(strings.TrimSuffix(git(t, repo, "ls-files", "-z", "--others", "--exclude-standard"), "\x00"), "\x00") {
			if _, ok := js.LangOf(f); ok {
				tree, rest, _ := strings.Cut(f, "/")
				want[tree] = append(want[tree], rest)
			}
		}
		// The walk of the whole repository, and of each tree that the
		// exclude file does not exclude (a directory named explicitly is
		// walked, where git would list nothing in it).
		whole, _, err := Targets([]string{repo})
		if err != nil {
			t.Fatal(err)
		}
		inRepo := map[string][]string{}
		for _, tg := range whole {
			tree, rest, _ := strings.Cut(filepath.ToSlash(strings.TrimPrefix(tg.Path, repo+string(filepath.Separator))), "/")
			inRepo[tree] = append(inRepo[tree], rest)
		}
		excluded := map[string]bool{}
		for _, f := range strings.Split(git(t, repo, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"), "\x00") {
			if tree, ok := strings.CutSuffix(f, "/"); ok && !strings.Contains(tree, "/") {
				excluded[tree] = true
				wholeTrees++
			}
		}
		for name, tree := range trees {
			dir := filepath.Join(repo, name)
			got := inRepo[name]
			if !excluded[name] {
				targets, _, err := Targets([]string{dir})
				if err != nil {
					t.Fatal(err)
				}
				var alone []string
				for _, tg := range targets {
					alone = append(alone, filepath.ToSlash(strings.TrimPrefix(tg.Path, dir+string(filepath.Separator))))
				}
				if !slices.Equal(alone, got) {
					t.Errorf("tree %s: walked alone, we list %q; in the repository, %q", name, alone, got)
				}
			}
			slices.Sort(want[name])
			listed += len(got)
			if !slices.Equal(got, want[name]) {
				disagreed++
				var files []string
				for f, text := range tree {
					if strings.HasSuffix(f, ".gitignore") {
						f += fmt.Sprintf(" %q", text)
					}
					files = append(files, f)
				}
				slices.Sort(files)
				t.Errorf("tree %s, .git/info/exclude %q:\n  %s\nwe list %q\ngit lists %q", name, exclude, strings.Join(files, "\n  "), got, want[name])
			}
		}
	}
	t.Logf("%d trees (seed %d): %d files listed, %d trees excluded whole by .git/info/exclude", rounds, seed, listed, wholeTrees)
}

// fastTempDir is t.TempDir, in memory where the system offers it: the test
// creates tens of thousands of files.
func fastTempDir(t *testing.T) string {
	dir, err := os.MkdirTemp("/dev/shm", "directivelint-gitignore-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// git runs git in dir with no configuration but the repository's.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir, "XDG_CONFIG_HOME="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// randomTree returns a small tree of files (paths to contents) with one to
// three .gitignore files of random patterns.
func randomTree(rng *rand.Rand) map[string]string {
	names := []string{"a", "b", "ab", "a.ts", "b.js", "c.tsx", "x y.ts", "[a].ts", "a*.js", "!a.ts", "#b.js", "a.ts "}
	dirs := []string{"a", "b", "c", "a.ts", "d"}
	tree := map[string]string{}
	var dirPaths []string
	var add func(prefix string, depth int)
	add = func(prefix string, depth int) {
		dirPaths = append(dirPaths, prefix)
		for range 1 + rng.IntN(4) {
			tree[prefix+names[rng.IntN(len(names))]] = ""
		}
		if depth < 3 {
			for range rng.IntN(3) {
				add(prefix+dirs[rng.IntN(len(dirs))]+"/", depth+1)
			}
		}
	}
	add("", 0)
	for f := range tree { // a file and a directory of the same name cannot both be
		for _, d := range dirPaths {
			if d == f+"/" {
				delete(tree, f)
			}
		}
	}
	for range 1 + rng.IntN(3) {
		dir := dirPaths[rng.IntN(len(dirPaths))]
		var lines []string
		for range 1 + rng.IntN(5) {
			lines = append(lines, randomPattern(rng))
		}
		tree[dir+".gitignore"] = strings.Join(lines, "\n") + "\n"
	}
	return tree
}

// randomPattern returns one .gitignore line built of the pieces patterns
// are made of.
func randomPattern(rng *rand.Rand) string {
	parts := []string{"a", "b", "c", "d", "*", "**", "?", "a*", "*.ts", "*.js", ".ts", "[ab]", "[!a]*", "[a-c].ts", "[[:alpha:]]", "\\a", "\\*", "x y.ts", "x\\ y.ts", "!a.ts", "\\!a.ts", "#b.js", "\\#b.js", "a?ts", "[]", "[a", "a.ts "}
	var b strings.Builder
	if rng.IntN(4) == 0 {
		b.WriteString("!")
	}
	if rng.IntN(4) == 0 {
		b.WriteString("/")
	}
	for i := range 1 + rng.IntN(3) {
		if i > 0 {
			b.WriteString("/")
		}
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	if rng.IntN(4) == 0 {
		b.WriteString("/")
	}
	if rng.IntN(8) == 0 {
		b.WriteString("  ")
	}
	return b.String()
}
