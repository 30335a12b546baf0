package js

import "github.com/tdewolff/parse/v2/js"

// This file skips what TypeScript adds to JavaScript: type annotations,
// type parameters, declarations without code, decorators.

// typePrefixes are words that stand before a type operand.
var typePrefixes = map[string]bool{
	"keyof": true, "typeof": true, "infer": true, "readonly": true, "unique": true,
	"new": true, "abstract": true, "asserts": true,
}

// skipType consumes one type, starting at the next token, and stops before
// the first token that cannot continue it (that token stays peeked). It
// returns the end offset of the type, or -1 when it consumed nothing.
func (s *scanner) skipType() int {
	end := -1
	s.toks.inType++
	defer func() { s.typeEnd = end; s.toks.inType-- }()
	depth, angle := 0, 0
	expect := true        // an operand is expected
	groupParen := false   // the depth-0 group being read is a parenthesis
	groupToks := 0        // tokens read so far inside that parenthesis
	groupFirst := token{} // its first two tokens: do they look like parameters?
	groupParams := false
	groupAngle := false  // the depth-0 group being read is type parameters
	lastParen := false   // the last operand was a parenthesised group
	afterImport := false // the last operand was import, so import('x') goes on
	afterDot := false    // the last token was '.' of a qualified name
	cond, q := 0, 0
	for {
		p := s.toks.peek()
		if p.eof() {
			return end
		}
		if depth > 0 || angle > 0 {
			s.toks.next(false)
			end = p.end
			if groupParen && depth == 1 && angle == 0 {
				switch groupToks++; groupToks {
				case 1:
					groupFirst = p
					groupParams = looksLikeParams(p.tt, token{})
				case 2:
					groupParams = looksLikeParams(groupFirst.tt, p)
				}
			}
			switch p.tt {
			case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
				depth++
			case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken:
				depth--
			case js.LtToken:
				angle++
			case js.GtToken, js.GtEqToken:
				angle--
			case js.GtGtToken, js.GtGtEqToken:
				angle -= 2
			case js.GtGtGtToken, js.GtGtGtEqToken:
				angle -= 3
			}
			if depth < 0 {
				depth = 0
			}
			if angle < 0 {
				angle = 0
			}
			if depth == 0 && angle == 0 {
				if !groupAngle {
					expect = false
				}
				// (a: T) => U is a function type; ((a: T) => U) => … is a
				// parenthesised type followed by something else's arrow.
				lastParen = groupParen && groupParams
				groupParen, groupAngle, groupToks = false, false, 0
			}
			continue
		}
		if expect {
			switch {
			case p.tt == js.OpenParenToken:
				groupParen = true
				depth++
			case p.tt == js.OpenBracketToken, p.tt == js.OpenBraceToken, p.tt == js.TemplateStartToken:
				depth++
			case p.tt == js.LtToken:
				groupAngle = true
				angle++
			case p.tt == js.BitOrToken, p.tt == js.BitAndToken, p.tt == js.SubToken, p.tt == js.EllipsisToken:
			case p.tt == js.StringToken, p.tt == js.TemplateToken, js.IsNumeric(p.tt):
				expect = false
				lastParen = false
			case js.IsIdentifierName(p.tt):
				afterImport = p.tt == js.ImportToken
				// After a dot a word is a name (z.infer, X.readonly), never a prefix.
				if afterDot || !typePrefixes[string(s.src[p.start:p.end])] {
					expect = false
					lastParen = false
				}
			default:
				return end
			}
			afterDot = false
			s.toks.next(false)
			end = p.end
			continue
		}
		switch {
		case p.tt == js.DotToken:
			expect = true
			afterDot = true
			s.toks.next(false)
			end = p.end
			continue
		case p.tt == js.BitOrToken, p.tt == js.BitAndToken:
			expect = true
		case (p.tt == js.OpenBracketToken || p.tt == js.LtToken) && !p.nl():
			if p.tt == js.LtToken {
				angle++
			} else {
				depth++
			}
		case p.tt == js.OpenParenToken && afterImport:
			depth++
		case p.tt == js.ExtendsToken:
			cond++
			expect = true
		case p.tt == js.QuestionToken && cond > 0:
			cond--
			q++
			expect = true
		case p.tt == js.ColonToken && q > 0:
			q--
			expect = true
		case p.tt == js.ArrowToken && lastParen:
			expect = true
		case p.tt == js.IdentifierToken && s.is(p, "is") && !p.nl():
			expect = true
		default:
			return end
		}
		afterImport = false
		s.toks.next(false)
		end = p.end
	}
}

// skipAngle consumes type parameters or arguments after their '<'.
func (s *scanner) skipAngle() {
	s.toks.inType++
	defer func() { s.toks.inType-- }()
	angle, depth := 1, 0
	for angle > 0 {
		p := s.toks.next(false)
		if p.eof() {
			return
		}
		switch p.tt {
		case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
			depth++
		case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken:
			depth--
			if depth < 0 {
				return
			}
		case js.LtToken:
			angle++
		case js.GtToken:
			angle--
		case js.GtEqToken:
			angle--
			if angle == 0 {
				s.toks.splitAfter(p, 1)
			}
		case js.GtGtToken, js.GtGtEqToken:
			if angle <= 1 {
				s.toks.splitAfter(p, 1)
				angle = 0
			} else {
				angle -= 2
			}
		case js.GtGtGtToken, js.GtGtGtEqToken:
			if angle < 3 {
				s.toks.splitAfter(p, angle)
				angle = 0
			} else {
				angle -= 3
			}
		}
	}
	s.prevEnds = false
}

// skipBalanced consumes tokens after an opening bracket up to the matching
// closing one and returns the offset just past it.
func (s *scanner) skipBalanced() int {
	depth := 1
	prevEnds := false
	for {
		p := s.toks.next(!prevEnds)
		if p.eof() {
			return p.end
		}
		switch p.tt {
		case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
			depth++
			prevEnds = false
		case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken:
			depth--
			prevEnds = true
			if depth == 0 {
				return p.end
			}
		default:
			prevEnds = isOperand(p.tt)
		}
	}
}

// isAt reports whether t is the @ of a decorator.
func (s *scanner) isAt(t token) bool {
	return t.tt == js.ErrorToken && t.end-t.start == 1 && s.src[t.start] == '@'
}

// skipDecorators consumes the decorators that come next, if any:
// export @dec class C {}.
func (s *scanner) skipDecorators() {
	for p := s.toks.peek(); s.isAt(p); p = s.toks.peek() {
		s.toks.next(false)
		s.skipDecorator()
	}
}

// skipDecorator consumes @name.path(args) after the @.
func (s *scanner) skipDecorator() {
	p := s.toks.peek()
	if p.tt == js.OpenParenToken {
		s.toks.next(false)
		s.skipBalanced()
		return
	}
	if !js.IsIdentifierName(p.tt) {
		return
	}
	s.toks.next(false)
	for {
		p = s.toks.peek()
		switch {
		case p.tt == js.DotToken:
			s.toks.next(false)
			if n := s.toks.peek(); js.IsIdentifierName(n.tt) {
				s.toks.next(false)
			}
		case p.tt == js.LtToken && !p.nl():
			s.toks.next(false)
			s.skipAngle()
		case p.tt == js.OpenParenToken && !p.nl():
			s.toks.next(false)
			s.skipBalanced()
			return
		default:
			return
		}
	}
}

// skipDeclaration consumes a declaration that holds no code: interface,
// enum, declare …, export = …. It ends at a ';', at a '}' closing its
// outermost braces, or at a line break after a complete part; braces
// inside type parameters or arguments at its top level (interface
// P<R extends { a: 1 }> { … }) do not end it.
func (s *scanner) skipDeclaration() {
	depth, angle := 0, 0
	var last token
	for {
		p := s.toks.peek()
		if p.eof() {
			break
		}
		if depth == 0 && angle == 0 && last.tt != 0 && p.nl() && declarationEnds(last) && !s.continuesDeclaration(p) {
			break
		}
		s.toks.next(false)
		last = p
		switch p.tt {
		case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
			depth++
		case js.CloseParenToken, js.CloseBracketToken, js.TemplateEndToken:
			if depth > 0 {
				depth--
			}
		case js.LtToken, js.GtToken, js.GtGtToken, js.GtGtGtToken:
			if depth == 0 {
				angle = max(angle+angleChange(p.tt), 0)
			}
		case js.CloseBraceToken:
			if depth > 0 {
				depth--
			}
			if depth == 0 && angle == 0 {
				if n := s.toks.peek(); !(n.tt == js.BitOrToken || n.tt == js.BitAndToken || n.tt == js.OpenBracketToken) || n.nl() {
					s.advance(p, false)
					return
				}
			}
		case js.SemicolonToken:
			if depth == 0 {
				s.advance(p, false)
				return
			}
		}
	}
	if last.tt != 0 {
		s.advance(last, true)
	}
}

// angleChange is how much tt opens (+1) or closes (-1 a '>') type
// parameters or arguments at the top level of a declaration.
func angleChange(tt js.TokenType) int {
	switch tt {
	case js.LtToken:
		return 1
	case js.GtGtToken:
		return -2
	case js.GtGtGtToken:
		return -3
	}
	return -1
}

// skipTypeDeclaration is skipDeclaration for declarations that are types
// only (interface, declare): their tokens are marked as type tokens.
func (s *scanner) skipTypeDeclaration() {
	s.toks.inType++
	s.skipDeclaration()
	s.toks.inType--
}

// declarationEnds reports whether a declaration may end after t.
func declarationEnds(t token) bool {
	switch t.tt {
	case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.GtToken, js.StringToken, js.TemplateToken:
		return true
	}
	return js.IsIdentifierName(t.tt) || js.IsNumeric(t.tt)
}

// continuesDeclaration reports whether p, after a line break, still belongs
// to the declaration.
func (s *scanner) continuesDeclaration(p token) bool {
	switch p.tt {
	case js.OpenBraceToken, js.BitOrToken, js.BitAndToken, js.DotToken, js.LtToken, js.EqToken,
		js.ExtendsToken, js.ImplementsToken, js.ColonToken, js.CommaToken, js.QuestionToken, js.ArrowToken:
		return true
	}
	return false
}

// typeAlias consumes `Name<T> = Type` after the type keyword.
func (s *scanner) typeAlias() {
	if p := s.toks.peek(); js.IsIdentifierName(p.tt) {
		s.toks.next(false)
		s.advance(p, true)
	}
	if p := s.toks.peek(); p.tt == js.LtToken {
		s.toks.next(false)
		s.skipAngle()
	}
	if p := s.toks.peek(); p.tt == js.EqToken {
		s.toks.next(false)
		s.advance(p, false)
		s.skipType()
	}
	s.prevEnds = true
}

// tsDeclaration handles TypeScript statements that start with a contextual
// keyword: type, declare, namespace, module, abstract. It returns true when
// it consumed the statement's first token.
func (s *scanner) tsDeclaration(fr *frame, t token) bool {
	if s.lang == LangJS {
		return false
	}
	switch s.text(t) {
	case "type":
		if p := s.toks.peek(); js.IsIdentifierName(p.tt) && !p.nl() {
			s.typeName(p)
			s.advance(t, false)
			s.typeAlias()
			return true
		}
	case "declare":
		if p := s.toks.peek(); js.IsIdentifierName(p.tt) && !p.nl() {
			s.advance(t, false)
			s.skipTypeDeclaration()
			s.endStatement(fr)
			return true
		}
	case "namespace", "module":
		if p := s.toks.peek(); (js.IsIdentifierName(p.tt) || p.tt == js.StringToken) && !p.nl() {
			s.advance(t, false)
			for {
				p := s.toks.next(false)
				if p.tt == js.OpenBraceToken {
					s.push(frame{kind: frStatements, block: BlockOther, stmt: true, open: p.start})
					s.advance(p, false)
					return true
				}
				if p.eof() || p.tt == js.SemicolonToken || p.nl() && p.tt != js.DotToken {
					return true
				}
			}
		}
	}
	return false
}

// typeAfterLiteral keeps a module declarator's literal whole when only a
// type assertion (as const, satisfies T) follows it.
func (s *scanner) typeAfterLiteral(fr *frame) {
	if s.inDeclValue() && s.decl.valueEnd > 0 && s.decl.valueEnd == s.decl.lastEnd && s.typeEnd > 0 {
		s.decl.valueEnd = s.typeEnd
		s.decl.lastEnd = s.typeEnd
	}
}

// isOperand reports whether a token of type tt is a whole operand (a name,
// a literal, this): after it a / divides. Used where the scanner skips code
// without following its structure.
func isOperand(tt js.TokenType) bool {
	return js.IsIdentifier(tt) || js.IsNumeric(tt) || tt == js.StringToken ||
		tt == js.TemplateToken || tt == js.RegExpToken || tt == js.ThisToken
}

// looksLikeParams reports whether a parenthesis whose first token is first
// (and second token second, when known) opens a parameter list rather than
// a parenthesised type, the way TypeScript decides for function types:
// (), (...x, (x: T, (x, (x?, (x = 1, (x), ({…}, ([…].
func looksLikeParams(first js.TokenType, second token) bool {
	switch {
	case first == js.CloseParenToken, first == js.EllipsisToken, first == js.OpenBraceToken, first == js.OpenBracketToken:
		return true
	case js.IsIdentifierName(first):
		if second.tt == 0 && second.end == 0 {
			return true // not known yet
		}
		switch second.tt {
		case js.ColonToken, js.CommaToken, js.QuestionToken, js.EqToken, js.CloseParenToken:
			return true
		}
	}
	return false
}

// typeName notes that the module declares a type (type alias or
// interface) named by t at its top level: export { t } is then a type
// export unless a value has the name too (see resolveExports).
func (s *scanner) typeName(t token) {
	if len(s.frames) != 1 {
		return
	}
	if s.typeNames == nil {
		s.typeNames = map[string]bool{}
	}
	s.typeNames[s.text(t)] = true
}
