package js

import (
	"fmt"

	"github.com/tdewolff/parse/v2/js"
)

// openFunctionBody pushes the body of function fnIdx opened by brace t.
func (s *scanner) openFunctionBody(fnIdx int, t token) {
	fn := &s.file.Functions[fnIdx]
	fn.HasBody = true
	fn.Body = Span{Start: t.start, End: t.start + 1}
	decl := fn.Kind == FuncDeclaration
	if s.decl.active && s.decl.fn == fnIdx {
		s.decl.valueOpen = t.start
	}
	s.push(frame{kind: frStatements, block: BlockFunctionBody, prologue: true, stmt: true, open: t.start, fn: fnIdx, fnDecl: decl})
	s.advance(t, false)
}

// arrow handles '=>': it creates the arrow function whose parameters end
// just before it.
func (s *scanner) arrow(t token) {
	fr := s.top()
	var params Span
	asyncAt := -1
	valueStart := -1
	switch {
	case s.prev.tt == js.CloseParenToken && s.lastParen.valid && s.lastParen.close == s.prev.start:
		params = Span{s.lastParen.open, s.prev.end}
		asyncAt = s.lastParen.asyncAt
		valueStart = s.lastParen.valueStart
	case s.typeAfterParn && s.lastParen.valid:
		params = Span{s.lastParen.open, s.lastParen.close + 1}
		asyncAt = s.lastParen.asyncAt
		valueStart = s.lastParen.valueStart
	case js.IsIdentifierName(s.prev.tt):
		params = Span{s.prev.start, s.prev.end}
		if s.prev2.tt == js.AsyncToken && s.prev2.end < s.prev.start {
			asyncAt = s.prev2.start
		}
	default:
		s.advance(t, false)
		return
	}
	s.typeAfterParn = false
	start := params.Start
	if valueStart >= 0 && valueStart < start {
		start = valueStart
	}
	if asyncAt >= 0 {
		start = asyncAt
	}
	fn := Function{Kind: FuncArrow, Async: asyncAt >= 0, Start: start, Params: params, Parent: fr.fn, ClassBetween: fr.class || fr.kind == frClass}
	idx := s.addFunction(fn, start)
	s.arrowBody = idx
	s.advance(t, false)
	// A module declarator whose value starts with this arrow is the arrow;
	// in parentheses, when nothing follows it there.
	if s.declValueAt(start) {
		s.decl.kind = ValueFunction
		if asyncAt >= 0 {
			s.decl.kind = ValueAsyncFunction
		}
		s.decl.fn = idx
		s.decl.whole = len(s.frames) == 1
		s.decl.wrapNamed = !s.decl.whole
	}
}

// addFunction appends fn, naming it after the binding or property it is
// assigned to when it starts right where that value starts.
func (s *scanner) addFunction(fn Function, valueStart int) int {
	if fn.Name == "" {
		fn.Name = s.nameAt(valueStart)
	}
	s.file.Functions = append(s.file.Functions, fn)
	if len(s.file.Functions) == maxFunctions {
		s.problem(fn.Start, fmt.Sprintf("more than %d functions: the rest of the file is not read", maxFunctions))
		s.stopped = true
	}
	return len(s.file.Functions) - 1
}

// functionKeyword handles the function keyword: a declaration at statement
// start, an expression elsewhere.
func (s *scanner) functionKeyword(fr *frame, t token) {
	start := t.start
	async := false
	if s.prev.tt == js.AsyncToken && !t.nl() {
		async = true
		start = s.prev.start
	}
	kind := FuncExpression
	if fr.kind == frStatements && fr.declPos {
		kind = FuncDeclaration
	}
	fn := Function{Kind: kind, Async: async, Start: start, Parent: fr.fn, ClassBetween: fr.class || fr.kind == frClass}
	s.advance(t, false)
	p := s.toks.peek()
	if p.tt == js.MulToken {
		s.toks.next(false)
		fn.Generator = true
		p = s.toks.peek()
	}
	if js.IsIdentifierName(p.tt) {
		s.toks.next(false)
		fn.Name = s.text(p)
		p = s.toks.peek()
	}
	if p.tt == js.LtToken {
		s.toks.next(false)
		s.skipAngle()
		p = s.toks.peek()
	}
	idx := s.addFunction(fn, start)
	module := len(s.frames) == 1
	if s.declValueAt(start) {
		s.decl.kind = ValueFunction
		if async {
			s.decl.kind = ValueAsyncFunction
		}
		s.decl.fn = idx
		s.decl.wrapNamed = !module && fn.Name == ""
		if kind == FuncDeclaration {
			s.decl.whole = true
		}
	} else if module && kind == FuncDeclaration && fn.Name != "" {
		vk := ValueFunction
		if async {
			vk = ValueAsyncFunction
		}
		if _, seen := s.bindings[fn.Name]; !seen {
			s.bindings[fn.Name] = binding{kind: vk, fn: idx}
		}
	}
	if p.tt == js.OpenParenToken {
		p = s.toks.next(false)
		s.push(frame{kind: frParen, paren: parenParams, open: p.start})
		s.top().pending = idx
		s.file.Functions[idx].Params = Span{Start: p.start}
		s.advance(p, false)
		return
	}
	s.problem(t.start, "expected ( after function")
}

// classKeyword handles class: it skips the heritage clauses and opens the
// class body.
func (s *scanner) classKeyword(fr *frame, t token) {
	decl := fr.kind == frStatements && fr.declPos
	start := t.start
	if s.is(s.prev, "abstract") {
		start = s.prev.start
	}
	s.advance(t, false)
	name := ""
	if p := s.toks.peek(); js.IsIdentifierName(p.tt) && p.tt != js.ExtendsToken && p.tt != js.ImplementsToken {
		s.toks.next(false)
		name = s.text(p)
	}
	// Heritage: extends Base<T>, implements I — up to the body's brace.
	for {
		p := s.toks.next(false)
		switch p.tt {
		case js.ErrorToken:
			if p.eof() {
				return
			}
			if s.isAt(p) {
				s.skipDecorator()
			}
		case js.OpenBraceToken:
			module := len(s.frames) == 1
			if s.declValueAt(start) || s.declValueAt(t.start) {
				s.decl.kind = ValueClass
				s.decl.valueOpen = p.start
				if decl {
					s.decl.whole = true
				}
				if s.decl.name == "" {
					s.decl.name = name
				}
			} else if module && decl && name != "" {
				if _, seen := s.bindings[name]; !seen {
					s.bindings[name] = binding{kind: ValueClass, fn: -1}
				}
			}
			s.push(frame{kind: frClass, open: p.start, member: true, classDecl: decl, className: name})
			s.advance(p, false)
			return
		case js.OpenParenToken, js.OpenBracketToken, js.TemplateStartToken:
			s.skipBalanced()
		case js.LtToken:
			s.skipAngle()
		}
	}
}

// modifierWord returns b when it is a word that may stand before a class
// member's name (static, async, get, …), and "" otherwise. It does not
// allocate.
func modifierWord(b []byte) string {
	switch string(b) {
	case "static":
		return "static"
	case "public":
		return "public"
	case "private":
		return "private"
	case "protected":
		return "protected"
	case "readonly":
		return "readonly"
	case "abstract":
		return "abstract"
	case "override":
		return "override"
	case "declare":
		return "declare"
	case "accessor":
		return "accessor"
	case "async":
		return "async"
	case "get":
		return "get"
	case "set":
		return "set"
	}
	return ""
}

// memberHeader reads the start of an object member or class member: its
// modifiers and name, then a method's parameters, or a property's value.
// It returns false when t is not a member start (a spread, say), leaving it
// to the expression scanner.
func (s *scanner) memberHeader(fr *frame, t token, isClass bool) bool {
	var static, async, gen, get, set bool
	for {
		switch t.tt {
		case js.CloseBraceToken:
			s.closeBrace(t)
			return true
		case js.SemicolonToken, js.CommaToken:
			fr.member = true
			s.advance(t, false)
			return true
		case js.EllipsisToken:
			return false
		case js.MulToken:
			gen = true
			t = s.toks.next(false)
			continue
		case js.ErrorToken:
			if s.isAt(t) {
				s.skipDecorator()
				t = s.toks.next(false)
				continue
			}
		}
		if !js.IsIdentifierName(t.tt) {
			break
		}
		word := modifierWord(s.src[t.start:t.end])
		if word == "" || !(isClass || word == "async" || word == "get" || word == "set") {
			break
		}
		p := s.toks.peek()
		if isClass && word == "static" && p.tt == js.OpenBraceToken {
			s.toks.next(false)
			s.push(frame{kind: frStatements, block: BlockOther, stmt: true, open: p.start})
			s.advance(p, false)
			return true
		}
		nameNext := js.IsIdentifierName(p.tt) || p.tt == js.StringToken || js.IsNumeric(p.tt) ||
			p.tt == js.OpenBracketToken || p.tt == js.PrivateIdentifierToken || p.tt == js.MulToken ||
			(p.tt == js.ErrorToken && p.end-p.start == 1 && s.src[p.start] == '#')
		if !nameNext || (word == "async" && p.nl()) {
			break
		}
		switch word {
		case "static":
			static = true
		case "async":
			async = true
		case "get":
			get = true
		case "set":
			set = true
		}
		t = s.toks.next(false)
	}
	nameTok := t
	nameSpan := Span{} // the member's name, quotes excluded; empty when computed
	switch {
	case js.IsIdentifierName(t.tt) || t.tt == js.PrivateIdentifierToken || js.IsNumeric(t.tt):
		nameSpan = Span{t.start, t.end}
	case t.tt == js.StringToken:
		if t.end-t.start >= 2 {
			nameSpan = Span{t.start + 1, t.end - 1}
		}
	case t.tt == js.OpenBracketToken:
		s.skipBalanced()
	default:
		return false
	}
	s.advance(nameTok, true)
	p := s.toks.peek()
	if isClass && (p.tt == js.QuestionToken || p.tt == js.NotToken) {
		s.toks.next(false)
		p = s.toks.peek()
	}
	if p.tt == js.LtToken && s.lang != LangJS {
		s.toks.next(false)
		s.skipAngle()
		p = s.toks.peek()
	}
	if p.tt == js.OpenParenToken {
		kind := FuncObjectMethod
		if isClass {
			kind = FuncClassMethod
		}
		switch {
		case get:
			kind = FuncGetter
		case set:
			kind = FuncSetter
		case isClass && !static && string(s.src[nameSpan.Start:nameSpan.End]) == "constructor":
			kind = FuncConstructor
		}
		fn := Function{Kind: kind, Async: async, Generator: gen, Static: static, InClass: isClass, Name: string(s.src[nameSpan.Start:nameSpan.End]),
			Start: nameTok.start, Parent: fr.fn, ClassBetween: isClass || fr.class}
		s.file.Functions = append(s.file.Functions, fn)
		idx := len(s.file.Functions) - 1
		p = s.toks.next(false)
		s.push(frame{kind: frParen, paren: parenParams, open: p.start})
		s.top().pending = idx
		s.file.Functions[idx].Params = Span{Start: p.start}
		s.advance(p, false)
		return true
	}
	if isClass {
		if p.tt == js.ColonToken && s.lang != LangJS {
			s.toks.next(false)
			s.skipType()
			p = s.toks.peek()
		}
		if p.tt == js.EqToken {
			s.toks.next(false)
			s.nameValue(nameSpan)
			s.advance(p, false)
		}
		return true
	}
	// Object: key: value, shorthand, or a default in a pattern.
	if p.tt == js.ColonToken {
		s.toks.next(false)
		s.nameValue(nameSpan)
		s.advance(p, false)
	}
	return true
}
