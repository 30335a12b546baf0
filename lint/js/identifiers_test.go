package js

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/directivelint/directivelint/internal/corpus"
	"github.com/tdewolff/parse/v2/js"
)

// FuzzQuickTokens checks that the tokens read without the lexer
// (identifiers by asciiIdentifier and keywordOf, quickToken, quickComment)
// are read exactly as the lexer would: the same tokens with and without
// it, regular expressions allowed where the last token ends no
// expression. The seeds are the fixtures and the generated corpus.
func FuzzQuickTokens(f *testing.F) {
	for word := range js.Keywords {
		f.Add([]byte(word + " " + word + "x x" + word + " _" + word + " " + word + "\\u0061 " + word + "é"))
	}
	for _, s := range []string{"", "a", "1in", "1 in", "a\u00e9b", "ab\\u0063", "#private x", "$a _b a1 A", "x.import(y)", "`${a}b${c}`", "a<!--b", "c-->d", "a\xc3", "a\xbf",
		"a.b ...c 1..2 .5 a.5 x?.y", "a = b == c === d => e =", "a, b; c: [d]", "1,2 1;x 1:y 1.e 1. 0x1.a",
		"'a' \"b\" 'c\\'d' \"e\nf\" 'g", "'\u2028' '\xe2\x80\xa8' \"\\\r\n\"",
		"a // b\nc // d\re //\xe2\x80\xa8f // g", "a /* b */ c /* d\ne */ f /* \xe2\x80\xa9 */ g /* h", "x = /* c */ /re/g", "1/* c */2", "//"} {
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
	toks.lexerOnly = slow
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
