package js

import "testing"

func TestElisionEnd(t *testing.T) {
	src := "import { Model, Other } from './m';\n// Model in a comment\nconst xModel = 1; let Model2: Other;\n"
	f := Scan("a.ts", []byte(src), LangTS)
	defer f.Recycle()
	other := len("import { Model, Other } from './m';\n// Model in a comment\nconst xModel = 1; let Model2: Other")
	if got := f.ElisionEnd([]int{0}); got != other {
		t.Errorf("ElisionEnd = %d, want %d (the end of Other)", got, other)
	}
	g := Scan("b.ts", []byte("import { Model } from './m';\n// Model in a comment\nconst xModel = 1;\n"), LangTS)
	comment := len("import { Model } from './m';\n// Model")
	defer g.Recycle()
	if got := g.ElisionEnd([]int{0}); got != comment {
		t.Errorf("ElisionEnd = %d, want %d (the comment: no word part of another)", got, comment)
	}
	if got := g.ElisionEnd(nil); got != -1 {
		t.Errorf("ElisionEnd of no import = %d, want -1", got)
	}
}

// TestReadOnAsFarAsNeeded checks that a scan asked for the tokens up to
// the last use of an import's names stops after it, and that MarkElided
// decides from those tokens as from a whole scan's.
func TestReadOnAsFarAsNeeded(t *testing.T) {
	head := "import { Props } from './types';\nimport { Button } from './button';\n" +
		"export function A(p: Props) { return <Button {...p} />; }\n"
	tail := "\nexport function B() { return 1; }\nexport function C() { return 2; }\n"
	for _, c := range []struct {
		name, src string
		elided    bool
		partial   bool
	}{
		{"type use only, early", head + tail, true, true},
		{"a value use at the end", head + tail + "console.log(Props);\n", false, false},
		{"named nowhere after its import", "import { Props } from './types';\nconst a = 1;\n" + tail, true, true},
	} {
		src := []byte(c.src)
		var end int
		f := ScanFor("a.tsx", src, LangTSX, Plan{WantTokens: func(f *File) int {
			end = f.ElisionEnd([]int{0})
			return end
		}})
		if f.Partial != c.partial {
			t.Errorf("%s: partial %v, want %v (tokens to %d, the names to %d)", c.name, f.Partial, c.partial, f.tokensEnd, end)
		}
		if f.tokensEnd < end {
			t.Errorf("%s: tokens to %d, but a name ends at %d", c.name, f.tokensEnd, end)
		}
		got := make([]bool, len(f.Imports))
		f.MarkElided([]int{0}, got)
		whole := scanWith("a.tsx", src, LangTSX, scanPlan{limit: -1, tokens: true})
		want := make([]bool, len(whole.Imports))
		whole.MarkElided([]int{0}, want)
		if got[0] != want[0] || got[0] != c.elided {
			t.Errorf("%s: elided %v from the tokens read, %v from a whole scan, want %v", c.name, got[0], want[0], c.elided)
		}
		f.Recycle()
		whole.Recycle()
	}
}

// TestLastWordInAsLastWordEnd checks the word lookup ElisionEnd uses for
// many names against the search it uses for a few.
func TestLastWordInAsLastWordEnd(t *testing.T) {
	src := []byte("import { A, Bc } from 'x';\nconst xA = A_1 + $A; // Bc\nlet A$ = 'A'; A\u0041 Bc9 _Bc\n")
	for _, names := range [][]string{{"A"}, {"Bc"}, {"A", "Bc"}, {"Z"}, {"A_1"}, {"x"}} {
		set := map[string]bool{}
		want := -1
		for _, n := range names {
			set[n] = true
			want = max(want, lastWordEnd(src, n))
		}
		if got := lastWordIn(src, set); got != want {
			t.Errorf("%v: lastWordIn %d, lastWordEnd %d", names, got, want)
		}
	}
}
