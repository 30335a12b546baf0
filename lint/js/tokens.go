package js

import "github.com/tdewolff/parse/v2/js"

// TokenKind is the broad class of a Token.
type TokenKind uint8

// The kinds of Token.
const (
	TokenPunct      TokenKind = iota // operators and punctuation: ( ) { } . , = => …
	TokenIdentifier                  // names, including contextual words such as async or of
	TokenKeyword                     // reserved words: this, typeof, await, return, …
	TokenString                      // '…' or "…"
	TokenTemplate                    // a template literal or one of its parts
	TokenNumber
	TokenRegExp
	TokenOther // anything the lexer could not classify (an error, a decorator's @)
)

// Token is one significant token of a file, as the scanner read it.
// JSX text and attribute strings are not tokens; expressions inside JSX are.
type Token struct {
	Kind TokenKind
	// Text is the token's source text.
	Text string
	Span Span
	// InType is true for tokens of a TypeScript type annotation, type
	// arguments or type parameters.
	InType bool
	// NewlineBefore is true when a line break precedes the token.
	NewlineBefore bool
}

// Tokens returns the significant tokens inside span (typically a function's
// Body), read by the same scanner that built the model, so regular
// expressions, templates, JSX and TypeScript types are told apart.
func (f *File) Tokens(span Span) []Token {
	var out []Token
	// One copy of the span as a string: each Token's Text is a slice of it.
	var text string
	f.eachToken(span, func(t token, inType bool) {
		if text == "" {
			text = string(f.Source[span.Start:span.End])
		}
		out = append(out, Token{Kind: tokenKind(t.tt), Text: text[t.start-span.Start : t.end-span.Start], Span: Span{t.start, t.end}, InType: inType, NewlineBefore: t.nl()})
	})
	return out
}

// eachToken calls fn for each significant token inside span, read by the
// scanner as in Tokens.
func (f *File) eachToken(span Span, fn func(t token, inType bool)) {
	if span.Start < 0 || span.End > len(f.Source) || span.Start >= span.End {
		return
	}
	// The lexer borrows the byte after the span (see Scan): no copy.
	sub := newFile(f.Path, f.Source[:span.End], f.Lang)
	defer sub.Recycle()
	s := &scanner{file: sub, src: sub.Source, lang: f.Lang, bindings: map[string]binding{}}
	s.toks = newTokens(sub.Source, nil)
	if span.Start > s.toks.offset() { // past a hashbang, which is no code
		s.toks.moveTo(span.Start)
	}
	s.toks.onToken = func(t token, inType bool) {
		if t.start >= span.Start && t.end <= span.End {
			fn(t, inType)
		}
	}
	s.run()
	s.toks.release()
}

func tokenKind(tt js.TokenType) TokenKind {
	switch {
	case tt == js.StringToken:
		return TokenString
	case tt == js.TemplateToken || tt == js.TemplateStartToken || tt == js.TemplateMiddleToken || tt == js.TemplateEndToken:
		return TokenTemplate
	case tt == js.RegExpToken:
		return TokenRegExp
	case js.IsNumeric(tt):
		return TokenNumber
	case js.IsReservedWord(tt):
		return TokenKeyword
	case js.IsIdentifier(tt):
		return TokenIdentifier
	case tt == js.ErrorToken || tt == js.PrivateIdentifierToken:
		return TokenOther
	}
	return TokenPunct
}
