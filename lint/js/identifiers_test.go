package js

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/directivelint/directivelint/internal/corpus"
	"github.com/tdewolff/parse/v2/js"
)

// FuzzFastIdentifiers checks that tokens read identifiers itself
// (asciiIdentifier, keywordOf) exactly as the lexer would: the same tokens
// with and without the lexer reading them, regular expressions allowed
// where the last token ends no expression. The seeds are the fixtures and
// the generated corpus.
func FuzzFastIdentifiers(f *testing.F) {
	for word := range js.Keywords {
		f.Add([]byte(word + " " + word + "x x" + word + " _" + word + " " + word + "\\u0061 " + word + "é"))
	}
	for _, s := range []string{"", "a", "1in", "1 in", "a\u00e9b", "ab\\u0063", "#private x", "$a _b a1 A", "x.import(y)", "`${a}b${c}`", "a<!--b", "c-->d", "a\xc3", "a\xbf"} {
		f.Add([]byte(s))
	}
	for _, cf := range corpus.Generate(200, 7) {
		f.Add(cf.Source)
	}
	_ = filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if _, ok := LangOf(path); ok && err == nil && !d.IsDir() {
			if src, err := os.ReadFile(path); err == nil {
				f.Add(src)
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, src []byte) {
		fast, slow := lexAll(src, false), lexAll(src, true)
		if len(fast) != len(slow) {
			t.Fatalf("%d tokens read fast, %d by the lexer", len(fast), len(slow))
		}
		for i := range fast {
			if fast[i] != slow[i] {
				t.Fatalf("token %d: %+v read fast, %+v by the lexer (%q in %q)", i, fast[i], slow[i], src[slow[i].start:slow[i].end], src[:min(len(src), 40)])
			}
		}
	})
}

// lexAll returns the tokens of src, the lexer reading every identifier
// when slow is set.
func lexAll(src []byte, slow bool) []token {
	toks := newTokens(src, nil)
	toks.slowIdentifiers = slow
	defer toks.release()
	var out []token
	regexOK := true
	for len(out) <= len(src) {
		tok := toks.next(regexOK)
		out = append(out, tok)
		if tok.eof() {
			break
		}
		regexOK = !endsExpression(tok)
	}
	return out
}

func TestKeywordOf(t *testing.T) {
	for word, tt := range js.Keywords {
		if got := keywordOf([]byte(word)); got != tt {
			t.Errorf("keywordOf(%q) = %v, want %v", word, got, tt)
		}
		for _, other := range []string{word + "s", word[:len(word)-1], "_" + word} {
			if _, kw := js.Keywords[other]; !kw && keywordOf([]byte(other)) != js.IdentifierToken {
				t.Errorf("keywordOf(%q) = %v, want an identifier", other, keywordOf([]byte(other)))
			}
		}
	}
}
