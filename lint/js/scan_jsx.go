package js

import "github.com/tdewolff/parse/v2/js"

// jsxState is where the JSX scanner stands: how many elements are open
// (their children being read) and whether it is inside a tag.
type jsxState struct {
	depth   int
	inTag   bool
	closing bool // inside a closing tag </…>
	// For File.JSX (ScanJSX): tagRead is set once the tag's name is read;
	// attr is the number (from 1) of the attribute of elem whose value is
	// being read, 0 for none.
	tagRead    bool
	elem       int // the number (from 1) of the element in File.JSX; 0 for none
	attr       int
	valueStart int // where the value of attribute attr starts, past its {
}

// angleInExpression handles '<' where an expression starts: JSX, or in
// TypeScript a type assertion or the type parameters of a generic arrow.
func (s *scanner) angleInExpression(t token) {
	if s.lang == LangTS || (s.lang == LangTSX && s.typeParamsAt(t.end)) {
		s.skipAngle()
		s.prevEnds = false
		s.genericAt, s.genericEnd, s.genericAsync = t.start, s.toks.offset(), -1
		return
	}
	s.advance(t, false)
	s.toks.moveTo(t.end)
	s.runJSX(jsxState{inTag: true})
}

// typeParamsAt reports whether the '<' ending at i in a .tsx file opens the
// type parameters of an arrow function rather than a JSX element. It
// follows TypeScript's parser (isParenthesizedArrowFunctionExpressionWorker
// in a JSX file): the '<' is followed by an identifier or const; after an
// optional const, the token after the next one decides: extends (unless
// '=', '>' or '/' follows it), ',' or '='. So <T,>, <T extends U>,
// <T = D> and <const T,> are type parameters; <T>, <const T> and
// <T extends> are elements.
func (s *scanner) typeParamsAt(i int) bool {
	src := s.src
	start, i := lookToken(src, i)
	second := src[start:i]
	if !isIdentStart(src, start) || reservedWord(second) && string(second) != "const" {
		return false
	}
	if string(second) == "const" {
		_, i = lookToken(src, i) // parseOptional(const): the name after it
	}
	start, i = lookToken(src, i)
	switch string(src[start:i]) {
	case "extends":
		start, i = lookToken(src, i)
		switch string(src[start:i]) {
		case "=", ">", "/":
			return false
		}
		return true
	case ",", "=":
		return true
	}
	return false
}

// lookToken returns the bounds of the token at i, after white space and
// comments, for typeParamsAt's lookahead. It reads names, strings and the
// punctuators that lookahead tells apart ('=' from '==', '===' and '=>',
// '/' from '/='); any other character is a token of its own. At the end
// of src the token is empty.
func lookToken(src []byte, i int) (start, end int) {
	i = skipJSXSpace(src, i)
	if i >= len(src) {
		return len(src), len(src)
	}
	j := i + 1
	switch c := src[i]; {
	case isIdentStart(src, i) || c >= '0' && c <= '9':
		for j < len(src) && (isJSXNameByte(src[j]) && src[j] != '-' && src[j] != ':' && src[j] != '.' || src[j] == '\\') {
			j++
		}
	case c == '"' || c == '\'':
		for j < len(src) && src[j] != c && src[j] != '\n' {
			if src[j] == '\\' {
				j++
			}
			j++
		}
		j = min(j+1, len(src))
	case c == '=':
		switch {
		case j < len(src) && src[j] == '>':
			j++
		case j < len(src) && src[j] == '=':
			j++
			if j < len(src) && src[j] == '=' {
				j++
			}
		}
	case c == '/':
		if j < len(src) && src[j] == '=' {
			j++
		}
	}
	return i, j
}

// isIdentStart reports whether an identifier starts at src[i]: a letter,
// '_', '$', a non-ASCII character or an escape.
func isIdentStart(src []byte, i int) bool {
	if i >= len(src) {
		return false
	}
	c := src[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c == '\\' || c >= 0x80
}

// reservedWord reports whether word is a reserved word, which TypeScript
// never takes for an identifier.
func reservedWord(word []byte) bool {
	switch string(word) {
	case "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
		"else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
		"instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
		"typeof", "var", "void", "while", "with":
		return true
	}
	return false
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

func isJSXNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '$' || c == '-' || c == ':' || c == '.' || c >= 0x80
}

// skipJSXSpace skips white space and comments inside a tag.
func skipJSXSpace(src []byte, i int) int {
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i += 2
			for i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/') {
				i++
			}
			i += 2
		default:
			return i
		}
	}
	return i
}

// runJSX scans JSX from the current input position. It returns when the
// outermost element has closed, or when it entered an expression container
// { … } (a frame is pushed and the main scanner reads the expression).
func (s *scanner) runJSX(st jsxState) {
	src := s.src
	i := s.toks.offset()
	for {
		if i > len(src) {
			i = len(src)
		}
		if st.inTag {
			i = skipJSXSpace(src, i)
			if i >= len(src) {
				s.problem(len(src), "unterminated JSX element")
				s.toks.moveTo(len(src))
				return
			}
			c := src[i]
			switch {
			case c == '/' && i+1 < len(src) && src[i+1] == '>':
				i += 2
				if st.depth == 0 {
					s.jsxDone(i)
					return
				}
				st.inTag = false
			case c == '>':
				i++
				if st.closing {
					st.closing = false
					if st.depth == 0 {
						s.jsxDone(i)
						return
					}
					st.inTag = false
					continue
				}
				st.depth++
				st.inTag = false
			case c == '{':
				if s.jsx != nil {
					st = s.jsxValueOpens(st, i)
				}
				s.jsxContainer(i, st)
				return
			case c == '"' || c == '\'':
				j := i + 1
				for j < len(src) && src[j] != c {
					j++
				}
				i = j + 1
				if s.jsx != nil {
					st = s.jsxValueEnds(st, min(i, len(src)), Span{})
				}
			case c == '<':
				// Type arguments of a tag, or an element as an attribute value.
				if st.depth >= maxDepth {
					s.problem(i, "JSX nested too deep")
					s.toks.moveTo(len(src))
					return
				}
				i = skipAngleBytes(src, i)
			case c == '/' && st.closing:
				i++
			default:
				j := i
				for j < len(src) && isJSXNameByte(src[j]) {
					j++
				}
				if j == i {
					j++ // '=' and anything unexpected
				} else if s.jsx != nil {
					st = s.jsxName(st, i, j)
				}
				i = j
			}
			continue
		}
		// Children: text up to '<' or '{'.
		j := i
		for j < len(src) && src[j] != '<' && src[j] != '{' {
			j++
		}
		if j >= len(src) {
			s.problem(len(src), "unterminated JSX element")
			s.toks.moveTo(len(src))
			return
		}
		if src[j] == '{' {
			s.jsxContainer(j, st)
			return
		}
		i = skipJSXSpace(src, j+1)
		st.inTag, st.tagRead, st.elem, st.attr = true, false, 0, 0
		if i < len(src) && src[i] == '/' {
			i++
			st.closing = true
			st.depth--
			if st.depth < 0 {
				st.depth = 0
			}
		}
	}
}

// skipAngleBytes skips <…> type arguments inside a tag.
func skipAngleBytes(src []byte, i int) int {
	depth := 0
	for i < len(src) {
		switch src[i] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return i
}

// jsxContainer enters { … } at offset i with the JSX state to resume.
func (s *scanner) jsxContainer(i int, st jsxState) {
	s.toks.moveTo(i)
	t := s.toks.next(false)
	if t.tt != js.OpenBraceToken {
		s.problem(i, "expected { in JSX")
		return
	}
	if !s.push(frame{kind: frJSXExpr, open: t.start, jsx: st}) {
		return
	}
	s.advance(t, false)
}

// jsxDone ends a JSX element at offset i: it is a complete expression.
func (s *scanner) jsxDone(i int) {
	s.toks.moveTo(i)
	s.advance(token{tt: js.IdentifierToken, start: i - 1, end: i}, true)
}

// resumeJSX goes on with JSX after an expression container closed.
func (s *scanner) resumeJSX(st jsxState) {
	if s.jsx != nil && st.attr > 0 {
		end := s.toks.offset() // just past the }
		st = s.jsxValueEnds(st, end, Span{Start: st.valueStart, End: end - 1})
	}
	s.runJSX(st)
}
