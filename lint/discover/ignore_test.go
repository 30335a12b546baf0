package discover

import (
	"slices"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// TestIgnoreRulesAgreeWithGoGit checks the fast paths against go-git's own
// matcher on every combination of a few patterns and paths.
func TestIgnoreRulesAgreeWithGoGit(t *testing.T) {
	lines := []string{"node_modules", "build/", "*.log", "!keep.log", "*.tsx", "!a.tsx", "/root.js", "docs/*.md", "**/gen", "x\\*y", "out/", "!out/", ".env*.local", "npm-debug.log*", "!npm-debug.log.keep", "*", "a*a", "*/", "**/.next/", "**/*.pem", "!**/keep.pem", "**/coverage", "**/a/b", "**/x*", "/.next/", "/build", "/x*", "!/x1", "/pkg", "/"}
	domains := [][]string{nil, {"pkg"}}
	paths := [][]string{
		{"node_modules"}, {"a", "node_modules", "x.js"}, {"build"}, {"build", "a.js"}, {"a", "build"}, {"x.log"}, {"keep.log"},
		{"a", "keep.log"}, {"b.tsx"}, {"a.tsx"}, {"root.js"}, {"a", "root.js"}, {"docs", "a.md"}, {"pkg", "gen", "a.ts"},
		{"pkg", "x.tsx"}, {"pkg", "build", "y.ts"}, {"x*y"}, {"out"}, {"pkg", "out", "z.js"},
		{".next"}, {"apps", "web", ".next", "x.js"}, {"k.pem"}, {"d", "keep.pem"}, {"coverage", "c.js"}, {"pkg", "coverage"},
		{"a", "b"}, {"c", "a", "b"}, {"pkg", "x1", "y.js"}, {"pkg", "deep", "deeper", "x.ts"},
		{".env.local"}, {".env.production.local"}, {".envlocal"}, {"npm-debug.log.1"}, {"npm-debug.log.keep"}, {"a"}, {"aa"}, {"aba"}, {"pkg", "a", "b.ts"},
		{"x1"}, {"a", "x1"}, {"x2", "y.js"}, {"pkg", "x3"}, {"pkg", "build"}, {"pkg", "pkg", "a.js"}, {"build", "deep", "a.js"},
	}
	for _, domain := range domains {
		for n := 1; n <= len(lines); n++ {
			var ours []ignoreRule
			var theirs []gitignore.Pattern
			for _, l := range lines[:n] {
				ours = append(ours, parseIgnoreRule(l, domain))
				theirs = append(theirs, gitignore.ParsePattern(l, domain))
			}
			m := gitignore.NewMatcher(theirs)
			for _, p := range paths {
				for _, isDir := range []bool{false, true} {
					want := m.Match(p, isDir)
					if got := ignoredBy(ours, p, isDir); got != want {
						t.Errorf("patterns %q in %v, path %v dir=%v: got %v, go-git says %v", lines[:n], domain, p, isDir, got, want)
					}
					dir := prepareIgnore(ours, p[:len(p)-1])
					// The walk derives a subdirectory's decisions from its
					// parent's when the rules are in force there (the parent
					// is at or below the rules' directory).
					if len(p)-2 >= len(domain) && slices.Equal(p[:len(domain)], domain) {
						parent := prepareIgnore(ours, p[:len(p)-2])
						if got := parent.child(p[len(p)-2]); !slices.Equal(got, dir.decided) {
							t.Errorf("patterns %q in %v, path %v: decided from the parent %v, from the directory %v", lines[:n], domain, p, got, dir.decided)
						}
					}
					if got := dir.ignored(p[len(p)-1], isDir); got != want {
						t.Errorf("patterns %q in %v, path %v dir=%v: prepared for the directory, got %v, go-git says %v", lines[:n], domain, p, isDir, got, want)
					}
				}
			}
		}
	}
}
