package js

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkPartialScan checks the promise the runner's partial scans rest on,
// for one source: the skim finds every directive-like statement and every
// import that a whole scan finds, and a partial scan gives the same
// prologue and imports as a whole one, with no directive-like string past
// what it read.
func checkPartialScan(t *testing.T, name string, src []byte, lang Lang) {
	t.Helper()
	whole := Scan(name, src, lang)
	sk := skimSource(src)
	if sk.nCandidates <= len(sk.candidates) {
		found := func(d Directive) bool {
			for _, c := range sk.candidates[:sk.nCandidates] {
				if c >= d.Span.Start && c < d.Span.End {
					return true
				}
			}
			return false
		}
		each := func(ds []Directive) {
			for _, d := range ds {
				if DirectiveLike(d.Value) && !found(d) {
					t.Errorf("%s: the skim misses the directive-like %q at %d (candidates %v)", name, d.Value, d.Span.Start, sk.candidates[:sk.nCandidates])
				}
			}
		}
		each(whole.Prologue)
		each(whole.Misplaced)
		for i := range whole.Functions {
			each(whole.Functions[i].Prologue)
		}
	}
	for _, im := range whole.Imports {
		if im.Span.Start > sk.lastImport {
			t.Errorf("%s: the skim's last import word is at %d, but an import of %q starts at %d", name, sk.lastImport, im.Source, im.Span.Start)
		}
	}

	// The tokens a scan keeps (for type-only imports) are those File.Tokens
	// reads, and a scan told to read on past its limit is a whole scan.
	kept := scanWith(name, src, lang, scanPlan{limit: -1, tokens: true})
	var read []compactToken
	kept.eachToken(Span{0, len(src)}, func(t token, inType bool) {
		read = append(read, compactToken{int32(t.start), int32(t.end), t.tt, inType})
	})
	if !kept.tokensWhole || len(kept.tokens)+len(read) > 0 && !reflect.DeepEqual(kept.tokens, read) {
		t.Errorf("%s: the scan kept %d tokens (whole: %v), File.Tokens reads %d", name, len(kept.tokens), kept.tokensWhole, len(read))
	}
	on := ScanFor(name, src, lang, Plan{WantTokens: func(*File) int { return len(src) }})
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"prologue", on.Prologue, whole.Prologue}, {"misplaced", on.Misplaced, whole.Misplaced},
		{"functions", on.Functions, whole.Functions}, {"imports", on.Imports, whole.Imports},
		{"exports", on.Exports, whole.Exports}, {"this", on.ThisUses, whole.ThisUses},
	} {
		if !on.Partial && !reflect.DeepEqual(emptyNil(c.got), emptyNil(c.want)) {
			t.Errorf("%s: a scan that read on gives the %s %+v, a whole scan %+v", name, c.what, c.got, c.want)
		}
	}
	if on.Partial && on.tokensWhole {
		t.Errorf("%s: partial scan claims the whole file's tokens", name)
	}

	if exp := ScanFor(name, src, lang, Plan{ClientExports: true}); exp.Partial && exp.IsClient() {
		t.Errorf("%s: a scan asked for a client module's exports read only its start", name)
	}

	part := ScanFor(name, src, lang, Plan{})
	if !part.Partial {
		return
	}
	if !reflect.DeepEqual(directiveLikeOnly(part.Prologue), directiveLikeOnly(whole.Prologue)) {
		t.Errorf("%s: partial scan prologue %+v, whole %+v", name, part.Prologue, whole.Prologue)
	}
	if len(part.Imports) != len(whole.Imports) || len(whole.Imports) > 0 && !reflect.DeepEqual(part.Imports, whole.Imports) {
		t.Errorf("%s: partial scan imports %+v, whole %+v", name, part.Imports, whole.Imports)
	}
	for _, d := range whole.Misplaced {
		if DirectiveLike(d.Value) {
			t.Errorf("%s: partial scan, but %q stands at %d", name, d.Value, d.Span.Start)
		}
	}
	for _, fn := range whole.Functions {
		for _, d := range fn.Prologue {
			if DirectiveLike(d.Value) {
				t.Errorf("%s: partial scan, but function %q has %q", name, fn.Name, d.Value)
			}
		}
		if fn.Async && whole.IsClient() {
			t.Errorf("%s: partial scan of a client module with async function %q", name, fn.Name)
		}
	}
}

// emptyNil returns nil for an empty slice, so that lists compare equal
// whether or not they were ever allocated.
func emptyNil(list any) any {
	if v := reflect.ValueOf(list); v.Kind() == reflect.Slice && v.Len() == 0 {
		return nil
	}
	return list
}

func directiveLikeOnly(ds []Directive) []Directive {
	var out []Directive
	for _, d := range ds {
		if DirectiveLike(d.Value) {
			out = append(out, d)
		}
	}
	return out
}

// testdataSources returns every source file under testdata, and the
// scanner's table cases.
func testdataSources(t testing.TB) (names []string, srcs [][]byte, langs []Lang) {
	for _, tc := range scanCases {
		names, srcs, langs = append(names, tc.name), append(srcs, []byte(tc.src)), append(langs, tc.lang)
	}
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if lang, ok := LangOf(path); ok {
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			names, srcs, langs = append(names, path), append(srcs, src), append(langs, lang)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names, srcs, langs
}

func TestPartialScanOnTestdata(t *testing.T) {
	names, srcs, langs := testdataSources(t)
	for i := range names {
		checkPartialScan(t, names[i], srcs[i], langs[i])
	}
	for _, tc := range skimCases {
		checkPartialScan(t, tc.name, []byte(tc.src), LangTSX)
	}
}

// TestPartialScanOnCorpus runs the checks of TestPartialScanOnTestdata on
// the files of the directories DIRECTIVELINT_CORPUS names (separated by the
// OS's list separator), such as checkouts of real projects.
func TestPartialScanOnCorpus(t *testing.T) {
	dirs := filepath.SplitList(os.Getenv("DIRECTIVELINT_CORPUS"))
	if len(dirs) == 0 {
		t.Skip("DIRECTIVELINT_CORPUS is not set")
	}
	n := walkSources(t, dirs, func(path string, src []byte, lang Lang) {
		checkPartialScan(t, path, src, lang)
	})
	t.Logf("%d files", n)
}

// skimCases are sources where the skim must look closely.
var skimCases = []struct {
	name, src string
	// candidates and lastImport are what the skim must find.
	candidates []int
	lastImport int
}{
	{"nothing", "const a = 1\n", nil, -1},
	{"empty", "", nil, -1},
	{"one byte", "x", nil, -1},
	{"port alone", "port", nil, -1},
	{"import at the start", "import 'a'", nil, 0},
	{"words ending in port", "report(); support(x)\n", nil, -1},
	{"use client only", "'use client'\nexport function A() {}\n", []int{0}, -1},
	{"prologue and imports", "\"use client\";\nimport a from 'a'\nimport { b } from \"b\"\nconst c = 'x'\n", []int{0}, 32},
	{"misplaced after code", "import a from 'a'\nfoo()\n'use server'\n", []int{24}, 0},
	{"typo", "'use sever'\n", []int{0}, -1},
	{"template", "`use client`\n", []int{0}, -1},
	{"template with substitution", "`use ${x}`\n", nil, -1},
	{"parenthesised", "('use server')\n", []int{1}, -1},
	{"concatenation", "'use ' + 'server'\n", []int{0}, -1},
	{"increment after a line break", "'se Client'\n++x\n", []int{0}, -1},
	{"concatenation with comments", "'use ' /* a */ + // b\n 'server'\n", []int{0}, -1},
	{"concatenation of six", "'u' + 's' + 'e' + ' ' + 's' + 'erver'\n", nil, -1},
	{"concatenation of four", "'us' + 'e' + ' ' + 'server'\n", []int{0}, -1},
	{"no-break space in a concatenation", "'use ' +\u00a0'client'\n", []int{0}, -1},
	// From the escaped quote: "s" + "use client", a typo.
	{"escaped quote", `'it\'s' + 'use client'` + "\n", []int{4, 10}, -1},
	{"long cache kind", "'use cache: " + "averyveryveryverylongkindname" + "'\n", []int{0}, -1},
	{"cache kind without its colon", "async function f() {\n  'use cache private'\n}\n", []int{23}, -1},
	{"parenthesised typo after an import", "import 'react'\n;('use sevrer')\n", []int{17}, 0},
	{"long string", "'use client is what this long sentence is about'\n", nil, -1},
	{"JSX attribute", "const a = <A b=\"c\" />\n", nil, -1},
	{"unterminated string", "'use client\n", nil, -1},
	{"import.meta", "const u = import.meta.url\n", nil, -1},
	{"spread import", "f(...import('x'))\n", nil, 5},
	{"property import", "a.import('x')\n", nil, -1},
	{"optional property import", "a?.import('x')\n", nil, -1},
	{"require", "const a = 1\nconst b = require('b')\n", nil, 22},
	{"local export list", "const a = 1\nexport {\n  a,\n}\n", nil, -1},
	{"re-export list", "export { a } from 'a'\nexport {\n  b as c,\n}\nfrom 'b'\n", nil, 22},
	{"export star", "const a = 1\nexport * from 'x'\n", nil, 12},
	{"export type", "const a = 1\nexport type { T } from 'x'\n", nil, 12},
	{"export with a comment", "const a = 1\nexport /* c */ { a }\n", nil, -1},
	{"export list with a comment", "const a = 1\nexport { a /* } from 'x' */ }\n", nil, 12},
	{"identifier ending in import", "const reimport = 1\n", nil, -1},
	{"require in prose", "// we require it\nconst a = 1\n", nil, -1},
	{"require call with a comment", "const b = require /* c */ ('b')\n", nil, 10},
	{"import in prose", "// import: the data, import-able\nconst a = 1\n", nil, -1},
	{"import in markup", "const a = <b>import</b>\n", nil, -1},
	{"import with a comment", "import /* c */ { a } from 'a'\n", nil, 0},
	{"import equals require", "import x = require('y')\n", nil, 11},
	{"import at the end", "const a = 1\nimport", nil, -1},
	{"type alias export", "const a = 1\nexport type T = string\n", nil, -1},
	{"local type export list", "const a = 1\nexport type { T }\n", nil, -1},
	{"export type star", "const a = 1\nexport type * from 'x'\n", nil, 12},
	{"comment mentioning a directive", "// add 'use client' above\nconst a = 1\n", []int{7}, -1},
	{"operand after =", "const a = 'use client'\n", nil, -1},
	{"operands after , [ ? | &", "f(a, 'use server'); g(['use server', b ? 'use client' : c || 'use cache' && d])\n", nil, -1},
	{"after = on the line before", "x =\n'use server'\n", []int{4}, -1},
	{"statement after a control head", "if (x) 'use server'\n", []int{7}, -1},
	{"statement after else", "if (x) {} else 'use server'\n", []int{15}, -1},
	{"statement after a label or case", "a: 'use server'\nswitch (x) { case 1: 'use client' }\n", []int{3, 37}, -1},
	{"statement after a comment", "x /* = */ 'use server'\n", []int{10}, -1},
}

func TestSkim(t *testing.T) {
	for _, tc := range skimCases {
		sk := skimSource([]byte(tc.src))
		got := sk.candidates[:min(sk.nCandidates, len(sk.candidates))]
		if len(got) != len(tc.candidates) || len(got) > 0 && !reflect.DeepEqual(got, tc.candidates) {
			t.Errorf("%s: candidates %v, want %v", tc.name, got, tc.candidates)
		}
		if sk.lastImport != tc.lastImport {
			t.Errorf("%s: last import word at %d, want %d", tc.name, sk.lastImport, tc.lastImport)
		}
	}
}

// FuzzPartialScan checks checkPartialScan's promise on arbitrary valid
// UTF-8, the only text the runner scans.
func FuzzPartialScan(f *testing.F) {
	names, srcs, langs := testdataSources(f)
	for i := range names {
		f.Add(srcs[i], uint8(langs[i]))
	}
	for _, tc := range skimCases {
		f.Add([]byte(tc.src), uint8(LangTSX))
	}
	for _, tc := range scanCases {
		f.Add([]byte(tc.src), uint8(tc.lang))
	}
	f.Fuzz(func(t *testing.T, src []byte, lang uint8) {
		if !utf8.Valid(src) {
			return // the runner skips such files (on invalid bytes the lexer may take a neighbour into its error token)
		}
		checkPartialScan(t, "fuzz", src, Lang(lang%3))
	})
}

// TestTooPlain checks both sides of the skim's cheap filter: directive-like
// values pass it (FuzzSuggestDirective checks that on arbitrary strings),
// and the strings real files are full of stop there.
func TestTooPlain(t *testing.T) {
	for _, s := range []string{"use memo", "use no memo", "use action", "USE_CACHE:remote", "use cache:",
		"usecache:x", "use cache: a-b ", "use cache : remote", "Use-Client", "use sever", "us client", "use clîent",
		"use cache private", "Use_Cache-Remote", " use cache  my1kind "} {
		if tooPlain([]byte(s)) {
			t.Errorf("tooPlain(%q), but it may be directive-like", s)
		}
	}
	for _, s := range []string{"registry:example", ", value: ", ": ", " className=", "lucide-react", "horizontal",
		"font-medium", "use cache: a b", "https://example.com", "inline", "items-center gap-2",
		"use cache two words", "user-select-none", "use cache private!"} {
		if !tooPlain([]byte(s)) {
			t.Errorf("tooPlain(%q) is false: the skim sends it to DirectiveLike", s)
		}
	}
}

func TestIndexByTail(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"// directivelint-disable-next-line", true},
		{"directivelint-", true},
		{"directivelint", false},
		{"velint-", false},
		{"xdirectivelint-", true},
		{"directive lint- velint- directivelint-x", true},
		{"irectivelint-", false},
		{"", false},
	} {
		if got := indexByTail([]byte(c.src), 0, "directivelint-", "velint-") >= 0; got != c.want {
			t.Errorf("indexByTail(%q) >= 0 is %v, want %v", c.src, got, c.want)
		}
	}
}

// FuzzQuotedEnd compares quotedEnd with the byte-by-byte reading it
// replaced (quotedEndReference), from each quote of the input.
func FuzzQuotedEnd(f *testing.F) {
	for _, s := range []string{`'use client'`, `"use cache: a` + strings.Repeat("b", 5000) + `"`, "`a${b}`", "`a\r\nb`", `'a\` + "\r\n" + `b'`,
		`"` + strings.Repeat("x", 40) + `"`, `'\\'`, `"a` + "\n" + `"`, "'" + strings.Repeat("a", 32) + "\\'", "'" + strings.Repeat("a", 33) + "\\'", "`$`", "`$"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for q, c := range src {
			if c != '\'' && c != '"' && c != '`' {
				continue
			}
			end, ok := quotedEnd(src, q)
			wantEnd, wantOK := quotedEndReference(src, q)
			if end != wantEnd || ok != wantOK {
				t.Fatalf("quotedEnd(%q, %d) = %d, %v; want %d, %v", src, q, end, ok, wantEnd, wantOK)
			}
		}
	})
}

// quotedEndReference is quotedEnd as it first was: one byte at a time.
func quotedEndReference(src []byte, q int) (end int, ok bool) {
	quote := src[q]
	for i := q + 1; i < len(src); i++ {
		switch c := src[i]; c {
		case quote:
			return i, true
		case '\\':
			i++
			if i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n' {
				i++
			}
		case '\n', '\r':
			if quote != '`' {
				return 0, false
			}
		case '$':
			if quote == '`' && i+1 < len(src) && src[i+1] == '{' {
				return 0, false
			}
		}
		if i-q > maxTypoLen+1 && (!bytes.HasPrefix(src[q+1:], []byte("use cache: ")) || i-q > maxLook) {
			return i, true
		}
	}
	return 0, false
}
