package discover

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// ignoreCase is a directory, the ignore files in force in it and names to
// ask about.
type ignoreCase struct {
	files   [][]string // the patterns of each file, in their order
	domains [][]string // each file's directory: a prefix of dir
	dir     []string
	names   []string
}

// check compares, for each name as a file and as a directory, what the
// indexed files say with what the reference matcher says.
func (c ignoreCase) check(t *testing.T) {
	t.Helper()
	var files []*ignoreFile
	for i, lines := range c.files {
		if len(lines) > 0 {
			files = append(files, newIgnoreFile(lines, c.domains[i]))
		}
	}
	got, want := prepareIgnore(files, c.dir), refPrepare(refRules(c.files, c.domains), c.dir)
	for _, name := range c.names {
		for _, isDir := range []bool{false, true} {
			if g, w := got.ignored(name, isDir), want.ignored(name, isDir); g != w {
				t.Fatalf("files %q at %q, in %q: ignored(%q, dir %v) = %v, the reference says %v",
					c.files, c.domains, c.dir, name, isDir, g, w)
			}
		}
	}
}

// TestIgnoreIndexEdges checks precedence and keys on hand-picked cases.
func TestIgnoreIndexEdges(t *testing.T) {
	names := []string{"a", "a.ts", "b.ts", "q1", "q12", "xq1z", "src", "é.ts", "日本", "*", "[a]", "a b", "ab.log", "log"}
	for _, lines := range [][]string{
		{"*", "!a.ts", "*.ts", "!*.ts/"},
		{"a.ts", "a.ts", "!a.ts", "a.ts/"},
		{"q*", "!q1*", "q12", "*1*", "!*2"},
		{"src/**/q*", "!**/q1", "/q1*", "*/q1"},
		{"[a]", "\\[a]", "\\*", "[!a]*", "[", "a\\", "[[:nope:]]", "[]a]"},
		{"a[/]b", "a[!/]", "a\\/b", "**/a", "a/**", "**", "/**/"},
		{"日*", "*本", "é*", "*.log", "!ab*", "a b"},
		{"src/a*/b*", "src/a", "src/a/", "s*/x", "/src", "!src/"},
	} {
		for _, dir := range [][]string{nil, {"src"}, {"src", "a"}, {"src", "ab", "q1"}, {"x", "src"}} {
			for k := range len(dir) + 1 {
				ignoreCase{files: [][]string{{"*.log"}, lines}, domains: [][]string{nil, dir[:k]}, dir: dir, names: names}.check(t)
			}
		}
	}
}

// TestIgnoreIndexRandom compares the indexed files with the reference on
// random patterns, directories and names.
func TestIgnoreIndexRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for range 4000 {
		randomIgnoreCase(rng).check(t)
	}
}

// FuzzIgnoreIndex compares the indexed files with the reference: two
// files of patterns, the second found dirDepth components down dir.
func FuzzIgnoreIndex(f *testing.F) {
	f.Add("*.ts\n!a.ts\n", "src/**/q*\n!q1\n", "src/x", uint8(0), "a.ts\nq1\nq12\nb.js")
	f.Add("q*\n", "!q1*\nq12\n*1*\n!*2", "", uint8(0), "q1\nq12\nxq1z\nq2")
	f.Add("a[/]b\na[!/]\n", "a\\/b\n**/a\na/**\n", "a/b", uint8(1), "a\nb\nab")
	f.Add("/src\n", "src/a*/b*\nsrc/a/\n", "src/ab", uint8(2), "b\nbx\nsrc\na")
	f.Add("日*\n", "*本\né*\n[[:alpha:]]*\n[\n", "é", uint8(1), "日本\né\nab")
	f.Fuzz(func(t *testing.T, first, second, dir string, dirDepth uint8, names string) {
		c := ignoreCase{dir: fields(dir, "/"), names: fields(names, "\n/")}
		c.files = [][]string{ignoreLines(first), ignoreLines(second)}
		c.domains = [][]string{nil, c.dir[:int(dirDepth)%(len(c.dir)+1)]}
		c.check(t)
	})
}

// fields splits s at any of seps, without the empty parts.
func fields(s, seps string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
}

// randomIgnoreCase returns up to three files of random patterns at random
// depths of a random directory, and names: random ones and ones made to
// match some pattern's last segment.
func randomIgnoreCase(rng *rand.Rand) ignoreCase {
	comps := []string{"a", "b", "ab", "src", "q1", "x y", "é", "[a]", "a.ts"}
	var c ignoreCase
	for range rng.IntN(4) {
		c.dir = append(c.dir, comps[rng.IntN(len(comps))])
	}
	var all []string
	for range 1 + rng.IntN(3) {
		var lines []string
		for range rng.IntN(12) {
			if len(all) > 0 && rng.IntN(5) == 0 { // a pattern again
				lines = append(lines, all[rng.IntN(len(all))])
				continue
			}
			lines = append(lines, indexPattern(rng))
		}
		all = append(all, lines...)
		c.files = append(c.files, lines)
		c.domains = append(c.domains, c.dir[:rng.IntN(len(c.dir)+1)])
	}
	for range 12 {
		c.names = append(c.names, randomName(rng, comps))
	}
	for _, p := range all {
		if name := nameFor(rng, p); name != "" {
			c.names = append(c.names, name)
		}
	}
	return c
}

// indexPattern returns a random pattern of up to three segments made of
// literals, wildcards and sets, with '!', a leading '/' or a trailing one
// at random.
func indexPattern(rng *rand.Rand) string {
	pieces := []string{"a", "b", "ab", "q", "1", "12", "src", ".ts", ".log", "é", "日本", "x y",
		"*", "**", "?", "[ab]", "[!a]", "[/]", "[!/]", "[a-c]", "[[:alpha:]]", "[]a]", "[", "\\", "\\*", "\\[", "\\/", "\\a", "\\ "}
	var b strings.Builder
	if rng.IntN(4) == 0 {
		b.WriteString("!")
	}
	if rng.IntN(5) == 0 {
		b.WriteString("/")
	}
	for i := range 1 + rng.IntN(3) {
		if i > 0 {
			b.WriteString("/")
		}
		for range 1 + rng.IntN(3) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
	}
	if rng.IntN(4) == 0 {
		b.WriteString("/")
	}
	return trimTrailingSpaces(b.String())
}

// randomName returns a name of one to three pieces.
func randomName(rng *rand.Rand, comps []string) string {
	pieces := append([]string{"q", "1", "2", ".ts", ".log", "*", "?", "!", "\\", "日本"}, comps...)
	var b strings.Builder
	for range 1 + rng.IntN(3) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// nameFor returns a name the last segment of pattern p may match: its
// wildcards and sets replaced by bytes or runs of them.
func nameFor(rng *rand.Rand, p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "!"), "/")
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '*':
			b.WriteString([]string{"", "a", "xb", "1"}[rng.IntN(4)])
		case '?':
			b.WriteString([]string{"a", "b", "1"}[rng.IntN(3)])
		case '[':
			if end := strings.IndexByte(p[i+1:], ']'); end >= 0 {
				i += end + 1
			}
			b.WriteString([]string{"a", "b", "c"}[rng.IntN(3)])
		case '\\':
			if i+1 < len(p) {
				i++
				b.WriteByte(p[i])
			}
		case '/':
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	if strings.Contains(b.String(), "/") {
		return ""
	}
	return b.String()
}

// TestLastSegmentKeys checks the keys read from patterns.
func TestLastSegmentKeys(t *testing.T) {
	for _, tc := range []struct {
		glob string
		want string // fmt of nameKeys, or "none" for a pattern that matches nothing
	}{
		{"a.ts", "{true a.ts  }"},
		{"*.ts", "{false  .ts .ts}"},
		{"q*12*z", "{false q z 12}"},
		{"src/**/q1*", "{false q1  q1}"},
		{"a\\*b", "{true a*b  }"},
		{"a\\/b*", "{false b  b}"},
		{"a[/]b*", "{false a  a}"},
		{"x/**", "{false   }"},
		{"[]a]bc", "{false  bc bc}"},
		{"a[", "none"},
		{"a[[:nope:]]", "none"},
		{"a\\", "none"},
	} {
		k, ok := lastSegmentKeys(tc.glob)
		got := fmt.Sprint(k)
		if !ok {
			got = "none"
		}
		if got != tc.want {
			t.Errorf("lastSegmentKeys(%q) = %s, want %s", tc.glob, got, tc.want)
		}
	}
}

// nextGitignore is the .gitignore create-next-app writes.
const nextGitignore = `/node_modules
/.pnp
.pnp.*
.yarn/*
!.yarn/patches
!.yarn/plugins
!.yarn/releases
!.yarn/versions
/coverage
/.next/
/out/
/build
.DS_Store
*.pem
npm-debug.log*
yarn-debug.log*
yarn-error.log*
.pnpm-debug.log*
.env*
.vercel
*.tsbuildinfo
next-env.d.ts
`

// BenchmarkIgnored prepares a directory of an app below create-next-app's
// .gitignore and asks about its entries, with the index and with the
// reference (the file read beforehand).
func BenchmarkIgnored(b *testing.B) {
	lines, dir := ignoreLines(nextGitignore), []string{"app", "(marketing)", "blog"}
	names := []string{"page.tsx", "layout.tsx", "components", "utils.ts", "index.ts", "button.tsx", "loading.tsx", "[slug]"}
	b.Run("indexed", func(b *testing.B) {
		files := []*ignoreFile{newIgnoreFile(lines, nil)}
		for b.Loop() {
			d := prepareIgnore(files, dir)
			for _, name := range names {
				d.ignored(name, false)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		rules := refRules([][]string{lines}, [][]string{nil})
		for b.Loop() {
			d := refPrepare(rules, dir)
			for _, name := range names {
				d.ignored(name, false)
			}
		}
	})
}
