package js

import (
	"bytes"

	"github.com/tdewolff/parse/v2/js"
)

// Besides identifiers (asciiIdentifier), tokens reads the commonest
// tokens that leave the lexer's state as it was without the lexer: the
// punctuators , ; : [ ] . = =>, strings without escapes, and comments.
// Parentheses and braces are left to it: it counts them to find where a
// template literal's substitution ends. Each case here reads the same
// bytes as the lexer would, or leaves them to it (FuzzQuickTokens).

// quickToken returns the type and length of the token src starts with
// when it is one tokens reads itself, else a length of 0. The caller has
// checked that the lexer's last token was no number (after one, the lexer
// must see what follows).
func quickToken(src []byte) (js.TokenType, int) {
	switch src[0] {
	case ',':
		return js.CommaToken, 1
	case ';':
		return js.SemicolonToken, 1
	case ':':
		return js.ColonToken, 1
	case '[':
		return js.OpenBracketToken, 1
	case ']':
		return js.CloseBracketToken, 1
	case '.':
		// Not .5 (a number) nor ... (an ellipsis).
		if len(src) > 1 && (src[1] == '.' || '0' <= src[1] && src[1] <= '9') {
			return 0, 0
		}
		return js.DotToken, 1
	case '=':
		if len(src) > 1 {
			switch src[1] {
			case '=':
				return 0, 0 // == or ===
			case '>':
				return js.ArrowToken, 2
			}
		}
		return js.EqToken, 1
	case '\'', '"':
		// To the closing quote, unless an escape or a line break (an
		// error) comes first.
		stops := &quoteStops[quoteKind(src[0])]
		for i := 1; i < len(src); i++ {
			if stops[src[i]] {
				if src[i] == src[0] {
					return js.StringToken, i + 1
				}
				return 0, 0
			}
		}
	}
	return 0, 0
}

// quickComment returns the length of the comment src starts with, and
// whether it holds a line break, or a length of 0 when src starts with no
// comment or with one left to the lexer: a line comment that a Unicode
// line separator may end, a block comment that is not closed.
func quickComment(src []byte) (n int, lines bool) {
	if len(src) < 2 || src[0] != '/' {
		return 0, false
	}
	switch src[1] {
	case '/':
		for i := 2; i < len(src); i++ {
			switch src[i] {
			case '\n', '\r':
				return i, false
			case 0xE2: // may start U+2028 or U+2029
				return 0, false
			}
		}
		return 0, false // at the end of src: the lexer reads it
	case '*':
		end := bytes.Index(src[2:], []byte("*/"))
		if end < 0 {
			return 0, false
		}
		body := src[2 : 2+end]
		lines = bytes.IndexByte(body, '\n') >= 0 || bytes.IndexByte(body, '\r') >= 0 ||
			bytes.Contains(body, []byte("\u2028")) || bytes.Contains(body, []byte("\u2029"))
		return end + 4, lines
	}
	return 0, false
}
