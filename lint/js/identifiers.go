package js

import "github.com/tdewolff/parse/v2/js"

// asciiIdentifier returns the length of the identifier src starts with
// when it is all ASCII and ends at an ASCII byte that cannot continue it,
// else 0: then the lexer reads it (a Unicode letter or an escape may
// start or continue an identifier).
func asciiIdentifier(src []byte) int {
	if len(src) == 0 || !identStart[src[0]] {
		return 0
	}
	for i := 1; i < len(src); i++ {
		switch c := src[i]; {
		case identPart[c]:
		case c >= 0x80 || c == '\\':
			return 0
		default:
			return i
		}
	}
	return 0 // at the end of src: the lexer reads it
}

// identStart and identPart are the ASCII bytes that may start and continue
// an identifier.
var identStart, identPart = identifierBytes()

func identifierBytes() (start, part [256]bool) {
	for c := range 256 {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '$' || c == '_'
		start[c] = letter
		part[c] = letter || '0' <= c && c <= '9'
	}
	return start, part
}

// maxKeywordLen is the length of the longest keyword (instanceof).
const maxKeywordLen = 10

// keywordSlots holds the lexer's keywords (js.Keywords) by length and first
// letter: all are lowercase ASCII.
var keywordSlots = keywordTable()

type keyword struct {
	word string
	tt   js.TokenType
}

func keywordTable() *[maxKeywordLen + 1][26][]keyword {
	var table [maxKeywordLen + 1][26][]keyword
	for word, tt := range js.Keywords {
		if len(word) > maxKeywordLen || word[0] < 'a' || word[0] > 'z' {
			panic("js: keyword out of keywordTable's range: " + word)
		}
		slot := &table[len(word)][word[0]-'a']
		*slot = append(*slot, keyword{word, tt})
	}
	return &table
}

// keywordOf returns the token type the lexer gives the identifier word:
// its keyword's, or js.IdentifierToken.
func keywordOf(word []byte) js.TokenType {
	if len(word) > maxKeywordLen || word[0] < 'a' || word[0] > 'z' {
		return js.IdentifierToken
	}
	for _, k := range keywordSlots[len(word)][word[0]-'a'] {
		if string(word) == k.word {
			return k.tt
		}
	}
	return js.IdentifierToken
}
