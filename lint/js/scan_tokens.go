package js

import (
	"errors"
	"io"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// token is one significant token: whitespace and comments are skipped.
type token struct {
	tt    js.TokenType
	start int
	end   int
	// flags says whether a line break stands before the token, and
	// whether it marks the end of input. (Four fields or fewer: the
	// compiler keeps such a struct in registers.)
	flags tokenFlags
}

// tokenFlags are the bits of token.flags.
type tokenFlags uint8

const (
	lineBefore tokenFlags = 1 << iota // a line break stands between the previous significant token and this one
	atEnd                             // the token marks the end of input
)

// nl reports whether a line break stands between the previous significant
// token and t.
func (t token) nl() bool { return t.flags&lineBefore != 0 }

// maxLexErrors is how many lexer errors a file may have before the rest of
// it is skipped: the lexer computes a line and column for each, by a pass
// over the file so far, so a long run of stray bytes would take quadratic
// time.
const maxLexErrors = 64

// tokenEOF marks the end of input: js.ErrorToken with start == end == len(src).
// Other error tokens (an unexpected character, a decorator's @) stand in
// the middle of the input; tell them apart with eof.
const tokenEOF = js.ErrorToken

// eof reports whether t is the end of input.
func (t token) eof() bool { return t.flags&atEnd != 0 }

// tokens drives tdewolff's lexer: it skips trivia, turns / into a regular
// expression when the scanner says an expression may start, keeps one token
// of lookahead, and lets the JSX scanner move the input itself.
type tokens struct {
	src    []byte
	in     *parse.Input
	lx     js.Lexer
	peeked bool
	peekT  token
	// afterNumber is true right after a numeric token.
	afterNumber bool
	// lexerNumber is true when the lexer's last token was read as a number,
	// if a malformed one (0e): then the lexer takes an identifier right
	// after it for an error, so it must read it.
	lexerNumber bool
	// lexerOnly leaves every token to the lexer (for tests of the tokens
	// read without it: asciiIdentifier, keywordOf, quickToken,
	// quickComment).
	lexerOnly bool
	// errors counts the lexer's errors (see maxLexErrors).
	errors int
	// inType is above zero while the scanner skips a TypeScript type.
	inType int
	// onToken, when set, sees every significant token read (see File.Tokens).
	onToken func(t token, inType bool)
	// keep, when set, receives every significant token read, compactly
	// (see File.tokens).
	keep *[]compactToken
	// problem is called for each lexer error the scanner should know of.
	problem func(offset int, msg string)
}

func newTokens(src []byte, problem func(int, string)) *tokens {
	t := new(tokens)
	t.reset(src, problem)
	return t
}

// reset makes t read src from its start, as a new tokens would: the
// scanner reuses one from file to file.
func (t *tokens) reset(src []byte, problem func(int, string)) {
	in := parse.NewInputBytes(src)
	*t = tokens{src: src, in: in, lx: *js.NewLexer(in), problem: problem}
	// A BOM is whitespace to the lexer; a hashbang line is skipped here.
	off := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		off = 3
	}
	if len(src) >= off+2 && src[off] == '#' && src[off+1] == '!' {
		i := off
		for i < len(src) && src[i] != '\n' && src[i] != '\r' {
			i++
		}
		in.Move(i)
		in.Skip()
	}
}

// release gives back the byte the input borrowed past the end of src.
func (t *tokens) release() { t.in.Restore() }

// offset is the input position: the end of the last token read.
func (t *tokens) offset() int { return min(t.in.Offset(), len(t.src)) }

// next returns the next significant token. regexOK says whether a / here
// starts a regular expression (an expression may start) or is division.
func (t *tokens) next(regexOK bool) token {
	if !t.peeked && t.onToken == nil {
		// The common case: the token stays in registers.
		tok := t.lex(regexOK)
		if t.keep != nil && !tok.eof() {
			*t.keep = append(*t.keep, compactToken{int32(tok.start), int32(tok.end), tok.tt, t.inType > 0})
		}
		return tok
	}
	return t.nextHooked(regexOK)
}

// nextHooked is next with a token peeked or someone to tell of it.
func (t *tokens) nextHooked(regexOK bool) token {
	var tok token
	if t.peeked {
		t.peeked = false
		tok = t.peekT
	} else {
		tok = t.lex(regexOK)
	}
	if t.onToken != nil && !tok.eof() {
		t.onToken(tok, t.inType > 0)
	}
	if t.keep != nil && !tok.eof() {
		*t.keep = append(*t.keep, compactToken{int32(tok.start), int32(tok.end), tok.tt, t.inType > 0})
	}
	return tok
}

// peek returns the next token without consuming it. A / is read as
// division: callers only peek where no expression can start.
func (t *tokens) peek() token {
	if !t.peeked {
		t.peekT = t.lex(false)
		t.peeked = true
	}
	return t.peekT
}

func (t *tokens) lex(regexOK bool) token {
	var nl tokenFlags // lineBefore once a line break is skipped
	for {
		in := t.in
		if in.Offset() >= len(t.src) {
			// Also guards the lexer, which can step over the final NUL
			// after a lone '#'.
			return token{tt: tokenEOF, start: len(t.src), end: len(t.src), flags: nl | atEnd}
		}
		// Skip blanks here: the lexer would return each run as a token. After
		// a number the lexer must see the blank itself (it rejects 1in).
		off := in.Offset()
		if !t.afterNumber {
		blanks:
			for off < len(t.src) {
				switch t.src[off] {
				case ' ', '\t':
				case '\n', '\r':
					nl = lineBefore
				default:
					break blanks
				}
				off++
			}
			if off != in.Offset() {
				in.Move(off - in.Offset())
				in.Skip()
				if off >= len(t.src) {
					return token{tt: tokenEOF, start: len(t.src), end: len(t.src), flags: nl | atEnd}
				}
			}
		}
		rest := t.src[off:]
		if !t.lexerNumber && !t.lexerOnly {
			if n := asciiIdentifier(rest); n > 0 {
				// The lexer would read the same bytes, then look them up
				// in its map of keywords: most tokens are identifiers.
				in.Move(n)
				in.Skip()
				return token{tt: keywordOf(rest[:n]), start: off, end: off + n, flags: nl}
			}
			if tt, n := quickToken(rest); n > 0 {
				in.Move(n)
				in.Skip()
				return token{tt: tt, start: off, end: off + n, flags: nl}
			}
			if n, lines := quickComment(rest); n > 0 {
				in.Move(n)
				in.Skip()
				if lines {
					nl = lineBefore
				}
				continue
			}
		}
		// In modules <!-- and --> are operators, not comments (none of the
		// tokens read above starts with < or -).
		if len(rest) >= 4 && rest[0] == '<' && rest[1] == '!' && rest[2] == '-' && rest[3] == '-' {
			start := in.Offset()
			in.Move(1)
			in.Skip()
			return token{tt: js.LtToken, start: start, end: start + 1, flags: nl}
		} else if len(rest) >= 3 && rest[0] == '-' && rest[1] == '-' && rest[2] == '>' {
			start := in.Offset()
			in.Move(2)
			in.Skip()
			return token{tt: js.DecrToken, start: start, end: start + 2, flags: nl}
		}
		if rest[0] == '@' {
			// A decorator's @: the lexer's error for it would cost a pass
			// over the file so far (it computes a line and column).
			start := in.Offset()
			in.Move(1)
			in.Skip()
			return token{tt: js.ErrorToken, start: start, end: start + 1, flags: nl}
		}
		tt, data := t.lx.Next()
		end := min(in.Offset(), len(t.src))
		start := max(min(in.Offset()-len(data), end), 0)
		t.afterNumber = js.IsNumeric(tt)
		t.lexerNumber = numberLike(tt, data)
		switch tt {
		case js.WhitespaceToken, js.CommentToken:
			continue
		case js.LineTerminatorToken, js.CommentLineTerminatorToken:
			nl = lineBefore
			continue
		case js.DivToken, js.DivEqToken:
			if regexOK {
				if rt, rdata := t.lx.RegExp(); rt == js.RegExpToken {
					end = in.Offset()
					return token{tt: js.RegExpToken, start: end - len(rdata), end: end, flags: nl}
				}
				// Not a regular expression after all: read it as division.
				in.Rewind(0)
				in.Move(start + len(data) - in.Offset())
				in.Skip()
			}
			return token{tt: tt, start: start, end: start + len(data), flags: nl}
		case js.ErrorToken:
			err := t.lx.Err()
			if errors.Is(err, io.EOF) || (len(data) == 0 && in.Offset() >= len(t.src)) {
				return token{tt: tokenEOF, start: len(t.src), end: len(t.src), flags: nl | atEnd}
			}
			// Each lexer error costs a pass over the file so far: past a
			// few, the rest is no JavaScript the scanner could follow.
			if t.errors++; t.errors > maxLexErrors {
				if t.problem != nil {
					t.problem(start, "too many characters that are not JavaScript; the rest of the file is not read")
				}
				in.Move(len(t.src) - in.Offset())
				in.Skip()
				return token{tt: tokenEOF, start: len(t.src), end: len(t.src), flags: nl | atEnd}
			}
			if err != nil && t.problem != nil {
				msg := err.Error()
				var perr *parse.Error
				if errors.As(err, &perr) {
					msg = perr.Message
				}
				t.problem(start, msg)
			}
			if len(data) == 0 {
				// The lexer could not move: step over one byte ourselves.
				if in.Offset() >= len(t.src) {
					return token{tt: tokenEOF, start: len(t.src), end: len(t.src), flags: nl | atEnd}
				}
				in.Move(1)
				in.Skip()
				end = in.Offset()
				start = end - 1
			}
			return token{tt: tt, start: start, end: end, flags: nl}
		}
		return token{tt: tt, start: start, end: end, flags: nl}
	}
}

// splitAfter shortens a token that the lexer read too long (such as >> or
// >= closing a generic type) so that reading goes on after its first n bytes.
func (t *tokens) splitAfter(tok token, n int) {
	if t.peeked {
		return
	}
	t.in.Move(tok.start + n - t.in.Offset())
	t.in.Skip()
}

// moveTo sets the input position for the JSX scanner, dropping any peeked
// token.
func (t *tokens) moveTo(offset int) {
	t.peeked = false
	t.in.Move(offset - t.in.Offset())
	t.in.Skip()
}

// numberLike reports whether the lexer read the token tt, data as a
// number, well formed or not (its prevNumericLiteral).
func numberLike(tt js.TokenType, data []byte) bool {
	return len(data) > 0 && ('0' <= data[0] && data[0] <= '9' || data[0] == '.') &&
		tt != js.DotToken && tt != js.EllipsisToken
}
