package js

import (
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2/js"
)

// CacheHandlerKinds reads, without running it, the cache kinds a Next.js
// config file (next.config.js, .mjs, .cjs, .ts, .mts) declares: the keys of
// each object literal given as cacheHandlers, at the top of the config or
// under experimental (cacheHandlers: { remote: …, "my-kind": … }). ok is
// false when a cacheHandlers value cannot be read so: a variable, a call, a
// spread or a computed key in it, a shorthand cacheHandlers. A config
// without cacheHandlers declares no kind, and is read.
func CacheHandlerKinds(src []byte) (kinds []string, ok bool) {
	toks := newTokens(src, nil)
	defer toks.release()
	prev := token{tt: js.SemicolonToken}
	for {
		t := toks.next(regexMayFollow(prev.tt))
		if t.eof() {
			return kinds, true
		}
		if propertyName(src, t) == "cacheHandlers" && prev.tt != js.DotToken || prev.tt == js.DotToken && string(src[t.start:t.end]) == "cacheHandlers" && toks.peek().tt == js.EqToken {
			switch toks.next(false).tt {
			case js.ColonToken, js.EqToken:
			default:
				return nil, false // shorthand, a method, a getter…
			}
			if open := toks.next(true); open.tt != js.OpenBraceToken {
				return nil, false // a variable, a call…
			}
			more, ok := objectKeys(toks, src)
			if !ok {
				return nil, false
			}
			kinds = append(kinds, more...)
			prev = token{tt: js.CloseBraceToken}
			continue
		}
		prev = t
	}
}

// objectKeys reads the keys of an object literal whose { toks has just
// read, up to its }. ok is false at a spread or a computed key.
func objectKeys(toks *tokens, src []byte) (keys []string, ok bool) {
	depth := 0    // of brackets inside the object
	atKey := true // the next token at depth 0 starts a property
	prev := js.OpenBraceToken
	for {
		t := toks.next(regexMayFollow(prev))
		prev = t.tt
		switch {
		case t.eof():
			return nil, false
		case depth == 0 && atKey:
			switch t.tt {
			case js.CloseBraceToken:
				return keys, true
			case js.EllipsisToken, js.OpenBracketToken:
				return nil, false
			}
			name := propertyName(src, t)
			if name == "" {
				return nil, false
			}
			keys = append(keys, name)
			atKey = false
		case t.tt == js.OpenBraceToken || t.tt == js.OpenBracketToken || t.tt == js.OpenParenToken || t.tt == js.TemplateStartToken:
			depth++
		case t.tt == js.CloseBracketToken || t.tt == js.CloseParenToken || t.tt == js.TemplateEndToken:
			depth--
		case t.tt == js.CloseBraceToken:
			if depth == 0 {
				return keys, true
			}
			depth--
		case depth == 0 && t.tt == js.CommaToken:
			atKey = true
		}
	}
}

// propertyName returns the name an identifier, keyword, string or number
// token gives as an object key, or "".
func propertyName(src []byte, t token) string {
	text := string(src[t.start:t.end])
	switch {
	case js.IsIdentifierName(t.tt) || js.IsNumeric(t.tt):
		return text
	case t.tt == js.StringToken && len(text) >= 2:
		if text[0] == '\'' {
			text = `"` + strings.ReplaceAll(strings.ReplaceAll(text[1:len(text)-1], `\'`, `'`), `"`, `\"`) + `"`
		}
		if s, err := strconv.Unquote(text); err == nil {
			return s
		}
		return text[1 : len(text)-1]
	}
	return ""
}

// regexMayFollow reports whether a / after a token of type tt starts a
// regular expression: after an operator, an opening bracket, a comma, a
// colon or a keyword such as return, not after a name, a literal or a
// closing bracket.
func regexMayFollow(tt js.TokenType) bool {
	switch {
	case tt == js.CloseParenToken || tt == js.CloseBracketToken || tt == js.CloseBraceToken || tt == js.TemplateEndToken:
		return false
	case js.IsIdentifier(tt) || js.IsNumeric(tt) || tt == js.StringToken || tt == js.RegExpToken || tt == js.TemplateToken:
		return false
	case tt == js.ThisToken || tt == js.SuperToken || tt == js.NullToken || tt == js.TrueToken || tt == js.FalseToken:
		return false
	}
	return true
}
