package js

import (
	"fmt"

	"github.com/tdewolff/parse/v2/js"
)

// candidate follows a statement that may be a directive, or something
// written to look like one: 'x', `x`, ('x'), 'x' + 'y'.
type candidate struct {
	active     bool
	inPrologue bool
	ctrlBody   bool
	start      int
	end        int
	semiEnd    int
	parens     int
	closed     int
	expectPart bool
	template   bool
	tokens     int
	parts      [4]Span
	nparts     int
}

func (c *candidate) begin(fr *frame, t token, ctrlBody bool) {
	*c = candidate{active: true, inPrologue: fr.prologue && !ctrlBody, ctrlBody: ctrlBody, start: t.start, expectPart: true}
	c.feed(t)
}

// add feeds one more token of the statement.
func (c *candidate) add(_ *scanner, t token) {
	if !c.active {
		return
	}
	switch t.tt {
	case js.SemicolonToken:
		c.semiEnd = t.end
		return
	case js.CloseBraceToken:
		return // the end of the block ends the statement
	}
	c.feed(t)
}

func (c *candidate) feed(t token) {
	c.tokens++
	if c.tokens > 16 {
		c.active = false
		return
	}
	switch t.tt {
	case js.OpenParenToken:
		if !c.expectPart || c.nparts > 0 {
			c.active = false
		}
		c.parens++
	case js.StringToken, js.TemplateToken:
		if !c.expectPart || c.nparts == len(c.parts) {
			c.active = false
			return
		}
		c.parts[c.nparts] = Span{t.start, t.end}
		c.nparts++
		c.expectPart = false
		c.template = c.template || t.tt == js.TemplateToken
	case js.AddToken:
		if c.expectPart || c.closed > 0 {
			c.active = false
		}
		c.expectPart = true
	case js.CloseParenToken:
		if c.expectPart || c.closed >= c.parens {
			c.active = false
		}
		c.closed++
	default:
		c.active = false
	}
	c.end = t.end
}

// finishCandidate decides, at the end of a statement, whether it was a
// directive (kept in the prologue) or a directive-like statement.
func (s *scanner) finishCandidate(fr *frame) {
	fr.candStarted = false
	if s.candFrame < 0 || &s.frames[s.candFrame] != fr {
		// Another statement's candidate took over: this one was not a
		// lone string.
		fr.prologue = false
		return
	}
	c := s.cand
	s.candFrame = -1
	ok := c.active && c.nparts > 0 && !c.expectPart && c.closed == c.parens
	if !ok {
		fr.prologue = false
		return
	}
	d := Directive{Span: Span{c.start, c.end}, Block: fr.block, Func: fr.fn, StatementEnd: c.end}
	if c.semiEnd > 0 {
		d.StatementEnd = c.semiEnd
	}
	if c.ctrlBody {
		d.Block = BlockOther
	}
	var value []byte
	for i := 0; i < c.nparts; i++ {
		p := c.parts[i]
		if p.End-p.Start >= 2 {
			value = append(value, s.src[p.Start+1:p.End-1]...)
		}
	}
	d.Value = string(value)
	d.Quote = s.src[c.parts[0].Start]
	switch {
	case c.parens > 0:
		d.Form = FormParenthesized
	case c.nparts > 1:
		d.Form = FormConcatenation
	case c.template:
		d.Form = FormTemplate
	default:
		d.Form = FormQuoted
	}
	if s.directives++; s.directives == maxDirectives {
		s.problem(d.Span.Start, fmt.Sprintf("more than %d directive-like strings: the rest of the file is not read", maxDirectives))
		s.stopped = true
	}
	if d.Form == FormQuoted && c.inPrologue && fr.prologue {
		d.InPrologue = true
		if fr.block == BlockFunctionBody && fr.fn >= 0 {
			s.file.Functions[fr.fn].Prologue = append(s.file.Functions[fr.fn].Prologue, d)
		} else if fr.block == BlockModule {
			s.file.Prologue = append(s.file.Prologue, d)
		}
		return
	}
	// Not a directive: it stood where one would (InPrologue) or elsewhere.
	d.InPrologue = c.inPrologue && fr.prologue && fr.block != BlockOther
	fr.prologue = false
	s.file.Misplaced = append(s.file.Misplaced, d)
}

// declarator follows one module-level binding or export so that the value
// it holds can be classified.
type declarator struct {
	active     bool
	exported   bool
	expectName bool
	expectEq   bool
	expectInit bool
	name       string
	stmtStart  int
	initStart  int
	kind       ValueKind
	fn         int
	ident      string
	valueOpen  int
	valueEnd   int
	lastEnd    int
	whole      bool // the value is certainly all of the initialiser
	typeOnly   bool
	pattern    bool // a destructuring pattern: no single name
	// patternNames are the names an exported pattern binds.
	patternNames []string
	// wrapNamed is true when the function fn, in parentheses, took its
	// name from the declarator: it loses it if it is not the whole value
	// (const x = (() => 1)()).
	wrapNamed bool
}

func newDeclarator(exported bool, stmtStart int) declarator {
	return declarator{active: true, exported: exported, stmtStart: stmtStart, initStart: -1, fn: -1, valueOpen: -1}
}

// finishDeclarator records the binding (and export) the declarator made.
func (s *scanner) finishDeclarator(_ *frame) {
	d := s.decl
	s.decl.active = false
	span := Span{d.stmtStart, max(d.lastEnd, d.stmtStart)}
	kind := ValueUnknown
	local := ""
	whole := d.whole || (d.valueEnd > 0 && d.valueEnd == d.lastEnd)
	if whole {
		kind = d.kind
		if kind == ValueUnknown && d.ident != "" {
			local = d.ident
		}
	}
	if d.wrapNamed && !whole {
		s.file.Functions[d.fn].Name = ""
	}
	if d.fn >= 0 && (kind == ValueFunction || kind == ValueAsyncFunction) && !s.file.Functions[d.fn].HasBody && s.file.Functions[d.fn].Kind != FuncArrow {
		kind = ValueType // an overload signature
	}
	if d.typeOnly {
		kind = ValueType
	}
	if d.pattern {
		// Each name of an exported pattern is an export whose value the
		// scanner cannot judge: export const { GET, POST } = handlers.
		for _, name := range d.patternNames {
			s.file.Exports = append(s.file.Exports, Export{Name: name, Value: ValueUnknown, Func: -1, Span: span})
		}
		return
	}
	name := d.name
	if name == "" && d.fn >= 0 && kind != ValueClass {
		name = s.file.Functions[d.fn].Name
	}
	if name == "" {
		return
	}
	if !d.exported || name != "default" {
		if _, seen := s.bindings[name]; !seen && kind != ValueType {
			s.bindings[name] = binding{kind: kind, fn: d.fn, ref: local}
		}
	}
	if !d.exported {
		return
	}
	fn := -1
	if kind == ValueFunction || kind == ValueAsyncFunction {
		fn = d.fn
	}
	s.file.Exports = append(s.file.Exports, Export{Name: name, Local: local, Value: kind, Func: fn, Span: span, TypeOnly: kind == ValueType})
}

// resolveExports classifies exports of local bindings (export { x },
// export default x) once the whole module is known.
func (s *scanner) resolveExports() {
	var typeOnly map[string]bool // built at the first unbound export
	for i := range s.file.Exports {
		e := &s.file.Exports[i]
		if e.Local == "" || e.From != "" || e.Value != ValueUnknown {
			continue
		}
		b, ok := s.bindings[e.Local]
		for hops := 0; ok && b.kind == ValueUnknown && b.ref != "" && hops < 8; hops++ {
			b, ok = s.bindings[b.ref]
		}
		if !ok {
			if typeOnly == nil && !s.typeNames[e.Local] {
				typeOnly = s.typeOnlyImports()
			}
			if s.typeNames[e.Local] || typeOnly[e.Local] {
				e.Value, e.TypeOnly = ValueType, true // a type: erased
			}
			continue
		}
		e.Value = b.kind
		if b.kind == ValueFunction || b.kind == ValueAsyncFunction {
			e.Func = b.fn
		}
	}
	for _, e := range s.file.Exports {
		if e.Func >= 0 && e.Func < len(s.file.Functions) {
			s.file.Functions[e.Func].Exported = true
		}
	}
}

// typeOnlyImports maps each name bound by an import to whether only
// type-only imports bind it (import type { name }, import { type name }):
// false when a value import binds it too. Looking through every import
// name for each unbound export took a square of the file's size (an import
// of many names and an export of many others); the map is built once.
func (s *scanner) typeOnlyImports() map[string]bool {
	typeOnly := make(map[string]bool)
	for _, im := range s.file.Imports {
		for _, n := range im.Names {
			if !im.TypeOnly && !n.TypeOnly {
				typeOnly[n.Local] = false
			} else if _, seen := typeOnly[n.Local]; !seen {
				typeOnly[n.Local] = true
			}
		}
	}
	return typeOnly
}

// stringValue returns the text between the quotes of a string token.
func (s *scanner) stringValue(t token) string {
	if t.end-t.start < 2 {
		return ""
	}
	return string(s.src[t.start+1 : t.end-1])
}

// importDeclaration reads an import declaration after its import keyword.
func (s *scanner) importDeclaration(kw token) {
	imp := Import{Span: Span{kw.start, kw.end}}
	names := len(s.file.importNames) // where this import's names start
	s.advance(kw, false)
	first := true
	for {
		p := s.toks.peek()
		switch {
		case p.tt == js.StringToken:
			s.toks.next(false)
			imp.Source = s.stringValue(p)
			imp.SourceSpan = Span{p.start, p.end}
			imp.Span.End = p.end
			s.importAttributes(&imp)
			imp.Names = s.namesSince(names)
			s.file.Imports = append(s.file.Imports, imp)
			s.advance(token{tt: js.StringToken, start: p.start, end: imp.Span.End}, true)
			return
		case p.tt == js.FromToken && !first:
			s.toks.next(false)
		case p.tt == js.OpenBraceToken:
			s.toks.next(false)
			s.namedList(imp.TypeOnly)
		case p.tt == js.MulToken:
			s.toks.next(false)
			if a := s.toks.peek(); a.tt == js.AsToken {
				s.toks.next(false)
				if n := s.toks.peek(); js.IsIdentifierName(n.tt) {
					s.toks.next(false)
					s.file.importNames = append(s.file.importNames, ImportName{Imported: "*", Local: s.text(n), TypeOnly: imp.TypeOnly})
				}
			}
		case p.tt == js.CommaToken:
			s.toks.next(false)
		case p.tt == js.EqToken:
			// import x = require('y') or import x = A.B
			s.toks.next(false)
			if r := s.toks.peek(); r.tt == js.StringToken || r.tt == js.TemplateToken {
				// import x = 'y' is no import, and the string an operand
				// of =: no statement starts with it (the skim agrees).
				s.toks.next(false)
			} else if s.is(r, "require") {
				s.toks.next(false)
				if o := s.toks.peek(); o.tt == js.OpenParenToken {
					s.toks.next(false)
					if str := s.toks.peek(); str.tt == js.StringToken {
						s.toks.next(false)
						imp.Source = s.stringValue(str)
						imp.SourceSpan = Span{str.start, str.end}
						imp.Span.End = str.end
						if c := s.toks.peek(); c.tt == js.CloseParenToken {
							s.toks.next(false)
							imp.Span.End = c.end
						}
						imp.Names = s.namesSince(names)
						s.file.Imports = append(s.file.Imports, imp)
					}
				}
			} else {
				// import x = A.B: the rest of the statement is a name, no
				// code (and import='x' holds no directive-like statement).
				s.skipDeclaration()
				return
			}
			s.prevEnds = false
			return
		case js.IsIdentifierName(p.tt):
			s.toks.next(false)
			if first && s.is(p, "type") {
				if n := s.toks.peek(); n.tt == js.OpenBraceToken || n.tt == js.MulToken || (js.IsIdentifierName(n.tt) && n.tt != js.FromToken) {
					imp.TypeOnly = true
					first = false
					continue
				}
			}
			s.file.importNames = append(s.file.importNames, ImportName{Imported: "default", Local: s.text(p), TypeOnly: imp.TypeOnly})
		default:
			// Not an import we understand; leave the token to the scanner.
			s.file.importNames = s.file.importNames[:names]
			s.prevEnds = true
			return
		}
		first = false
	}
}

// importAttributes skips `with { type: 'json' }` or `assert { … }` after an
// import's source, extending imp.Span.
func (s *scanner) importAttributes(imp *Import) {
	p := s.toks.peek()
	if (p.tt == js.WithToken || s.is(p, "assert")) && !p.nl() {
		s.toks.next(false)
		if o := s.toks.peek(); o.tt == js.OpenBraceToken {
			s.toks.next(false)
			imp.Span.End = s.skipBalanced()
		}
	}
}

// namedList reads `a, b as c, type d }` after an opening brace. It adds
// the names to the file's list of import names and returns them.
func (s *scanner) namedList(typeOnly bool) []ImportName {
	start := len(s.file.importNames)
	for {
		t := s.toks.next(false)
		if t.tt == js.CloseBraceToken || t.eof() {
			return s.namesSince(start)
		}
		if t.tt == js.CommaToken {
			continue
		}
		if !js.IsIdentifierName(t.tt) && t.tt != js.StringToken {
			continue
		}
		n := ImportName{TypeOnly: typeOnly}
		if s.is(t, "type") {
			if p := s.toks.peek(); (js.IsIdentifierName(p.tt) || p.tt == js.StringToken) && p.tt != js.AsToken {
				n.TypeOnly = true
				t = s.toks.next(false)
			}
		}
		n.Imported = s.nameText(t)
		n.Local = n.Imported
		if p := s.toks.peek(); p.tt == js.AsToken {
			s.toks.next(false)
			a := s.toks.next(false)
			n.Local = s.nameText(a)
		}
		s.file.importNames = append(s.file.importNames, n)
	}
}

// namesSince returns the import names added to the file since there were
// start of them, as one import's own list (nil when there are none): the
// names of all a file's imports share one backing array, lent from file
// to file.
func (s *scanner) namesSince(start int) []ImportName {
	all := s.file.importNames
	if len(all) == start {
		return nil
	}
	return all[start:len(all):len(all)]
}

func (s *scanner) nameText(t token) string {
	if t.tt == js.StringToken {
		return s.stringValue(t)
	}
	return s.text(t)
}

// exportDeclaration reads the head of an export statement at module level.
// Declarations (export const/function/class, export default …) go on in the
// main scanner with a declarator that records the export.
func (s *scanner) exportDeclaration(fr *frame, kw token) {
	s.advance(kw, false)
	p := s.toks.peek()
	if s.isAt(p) {
		// export @dec class C {}: decorators stand only before a class
		// (export@*from'' is no re-export).
		s.skipDecorators()
		if p = s.toks.peek(); p.tt != js.ClassToken && !s.is(p, "abstract") {
			return
		}
	}
	switch {
	case p.tt == js.MulToken:
		s.toks.next(false)
		name := "*"
		if a := s.toks.peek(); a.tt == js.AsToken {
			s.toks.next(false)
			name = s.nameText(s.toks.next(false))
		}
		s.reexport(fr, kw, []ImportName{{Imported: "*", Local: name}}, false)
	case p.tt == js.OpenBraceToken:
		s.toks.next(false)
		names := s.namedList(false)
		s.exportClause(fr, kw, names, false)
	case s.is(p, "type") && s.lang != LangJS:
		s.toks.next(false)
		n := s.toks.peek()
		switch n.tt {
		case js.OpenBraceToken:
			s.toks.next(false)
			s.exportClause(fr, kw, s.namedList(true), true)
		case js.MulToken:
			s.toks.next(false)
			name := "*"
			if a := s.toks.peek(); a.tt == js.AsToken {
				s.toks.next(false)
				name = s.nameText(s.toks.next(false))
			}
			s.reexport(fr, kw, []ImportName{{Imported: "*", Local: name, TypeOnly: true}}, true)
		default:
			name := s.text(n)
			s.typeAlias()
			s.file.Exports = append(s.file.Exports, Export{Name: name, Value: ValueType, Func: -1, Span: Span{kw.start, s.prev.end}, TypeOnly: true})
			fr.stmtToks = 1
		}
	case p.tt == js.InterfaceToken || s.is(p, "declare") || p.tt == js.EnumToken:
		s.toks.next(false)
		kind := ValueType
		if p.tt == js.EnumToken {
			kind = ValueUnknown
		}
		name := ""
		for {
			n := s.toks.peek()
			if !js.IsIdentifierName(n.tt) {
				break
			}
			if p.tt != js.EnumToken && p.tt != js.InterfaceToken && declareKeyword(s.src[n.start:n.end]) {
				s.toks.next(false) // declare const x, declare abstract class C, …
				continue
			}
			name = s.text(n)
			break
		}
		if kind == ValueType {
			s.skipTypeDeclaration()
		} else {
			s.skipDeclaration() // an enum: its members are values
		}
		if name != "" {
			s.file.Exports = append(s.file.Exports, Export{Name: name, Value: kind, Func: -1, Span: Span{kw.start, s.prev.end}, TypeOnly: kind == ValueType})
		}
		s.endStatement(fr)
	case p.tt == js.DefaultToken:
		s.toks.next(false)
		s.advance(p, false)
		s.decl = newDeclarator(true, kw.start)
		s.decl.name = "default"
		s.decl.expectInit = true
		s.skipDecorators() // export default @dec class C {}
		// export default interface Foo {}: a type-only default export.
		if n := s.toks.peek(); n.tt == js.InterfaceToken {
			s.decl.active = false
			s.toks.next(false)
			s.skipTypeDeclaration()
			s.file.Exports = append(s.file.Exports, Export{Name: "default", Value: ValueType, Func: -1, Span: Span{kw.start, s.prev.end}, TypeOnly: true})
			s.endStatement(fr)
		}
	case p.tt == js.VarToken || p.tt == js.ConstToken || p.tt == js.LetToken:
		s.toks.next(false)
		s.advance(p, false)
		if n := s.toks.peek(); n.tt == js.EnumToken {
			s.toks.next(false)
			name := ""
			if id := s.toks.peek(); js.IsIdentifierName(id.tt) {
				name = s.text(id)
			}
			s.skipDeclaration()
			s.file.Exports = append(s.file.Exports, Export{Name: name, Value: ValueType, Func: -1, Span: Span{kw.start, s.prev.end}, TypeOnly: true})
			s.endStatement(fr)
			return
		}
		fr.varDecl = true
		s.decl = newDeclarator(true, kw.start)
		s.decl.expectName = true
	case p.tt == js.FunctionToken || p.tt == js.AsyncToken || p.tt == js.ClassToken || s.is(p, "abstract"):
		s.decl = newDeclarator(true, kw.start)
		s.decl.expectInit = true
	case (s.is(p, "namespace") || s.is(p, "module")) && s.lang != LangJS:
		// export namespace X { … }: a value holding code; its body is a block.
		kwNS := s.toks.next(false)
		if n := s.toks.peek(); js.IsIdentifierName(n.tt) {
			s.file.Exports = append(s.file.Exports, Export{Name: s.text(n), Value: ValueUnknown, Func: -1, Span: Span{kw.start, n.end}})
		}
		if !s.tsDeclaration(fr, kwNS) {
			s.advance(kwNS, true)
		}
	case p.tt == js.EqToken && s.lang != LangJS:
		// export = x: the module's value, which a default import receives;
		// read like export default x.
		s.toks.next(false)
		s.advance(p, false)
		s.decl = newDeclarator(true, kw.start)
		s.decl.name = "default"
		s.decl.expectInit = true
	case p.tt == js.ImportToken && s.lang != LangJS:
		// export import A = B.C, export import fs = require('fs'): an
		// alias, exported; with require, an import too.
		s.toks.next(false)
		name := ""
		if n := s.toks.peek(); js.IsIdentifierName(n.tt) {
			name = s.text(n)
		}
		s.importDeclaration(p)
		if name != "" {
			s.file.Exports = append(s.file.Exports, Export{Name: name, Value: ValueUnknown, Func: -1, Span: Span{kw.start, s.prev.end}})
		}
		s.endStatement(fr)
	case p.tt == js.EqToken || p.tt == js.AsToken || p.tt == js.ImportToken:
		// export as namespace X (a global name for types); in JavaScript,
		// no declaration at all.
		s.skipDeclaration()
		s.endStatement(fr)
	}
}

// exportClause records export { … } [from '…'].
func (s *scanner) exportClause(fr *frame, kw token, names []ImportName, typeOnly bool) {
	if p := s.toks.peek(); p.tt == js.FromToken {
		s.reexport(fr, kw, names, typeOnly)
		return
	}
	end := s.toks.offset()
	for _, n := range names {
		e := Export{Name: n.Local, Local: n.Imported, Func: -1, Span: Span{kw.start, end}, TypeOnly: typeOnly || n.TypeOnly}
		if e.TypeOnly {
			e.Value = ValueType
		}
		s.file.Exports = append(s.file.Exports, e)
	}
	s.advance(token{tt: js.CloseBraceToken, start: end - 1, end: end}, true)
	fr.stmtToks = 1
}

// reexport reads `from '…'` and records the import and the exports.
func (s *scanner) reexport(fr *frame, kw token, names []ImportName, typeOnly bool) {
	if p := s.toks.peek(); p.tt != js.FromToken {
		s.prevEnds = true
		return
	}
	s.toks.next(false)
	src := s.toks.peek()
	if src.tt != js.StringToken {
		s.prevEnds = true
		return
	}
	s.toks.next(false)
	// For a re-export, Imported is the name there and Local the name here.
	for i := range names {
		names[i].TypeOnly = names[i].TypeOnly || typeOnly
	}
	imp := Import{Source: s.stringValue(src), Span: Span{kw.start, src.end}, SourceSpan: Span{src.start, src.end}, Reexport: true, TypeOnly: typeOnly, Names: names}
	s.importAttributes(&imp)
	s.file.Imports = append(s.file.Imports, imp)
	for _, n := range names {
		e := Export{Name: n.Local, Value: ValueReexport, Func: -1, Span: imp.Span, From: imp.Source, TypeOnly: typeOnly || n.TypeOnly}
		if n.Imported == "*" && n.Local == "*" {
			e.Value = ValueReexportAll
		}
		if e.TypeOnly {
			e.Value = ValueType
		}
		s.file.Exports = append(s.file.Exports, e)
	}
	s.advance(token{tt: js.StringToken, start: src.start, end: imp.Span.End}, true)
	fr.stmtToks = 1
}

// declareKeyword reports whether b is a keyword that may follow declare
// before the declared name.
func declareKeyword(b []byte) bool {
	switch string(b) {
	case "const", "let", "var", "function", "class", "abstract", "async", "namespace", "module", "enum", "global", "type", "interface":
		return true
	}
	return false
}

// patternNames returns the names that the destructuring pattern opened by
// open ({ or [) binds: { a, b: c, d = 1, ...e, f: [g] } binds a, c, d, e and
// g. It reads ahead with a lexer of its own, so the scanner's reading of
// the pattern (default values hold code) is left as it is.
func patternNames(src []byte, open token) []string {
	r := patternReader{toks: newTokens(src, nil), src: src}
	r.toks.moveTo(open.end)
	r.pattern(open.tt, 0)
	r.toks.release()
	return r.names
}

// patternReader reads a destructuring pattern ahead of the scanner.
type patternReader struct {
	toks  *tokens
	src   []byte
	names []string
}

// pattern reads the elements of an object or array pattern (open is its
// opening bracket) up to its closing bracket.
func (r *patternReader) pattern(open js.TokenType, depth int) {
	for {
		t := r.toks.next(false)
		switch {
		case t.eof(), t.tt == js.CloseBraceToken, t.tt == js.CloseBracketToken:
			return
		case t.tt == js.CommaToken:
			continue
		case t.tt == js.EllipsisToken:
			r.target(r.toks.next(false), depth)
		case open == js.OpenBracketToken:
			r.target(t, depth)
		case t.tt == js.OpenBracketToken || r.toks.peek().tt == js.ColonToken:
			// key: target, 'key': target, [computed]: target
			if t.tt == js.OpenBracketToken && r.skipTo(js.CloseBracketToken).tt != js.CloseBracketToken {
				return
			}
			if r.toks.peek().tt == js.ColonToken {
				r.toks.next(false)
				r.target(r.toks.next(false), depth)
			}
		case js.IsIdentifierName(t.tt):
			r.names = append(r.names, string(r.src[t.start:t.end])) // shorthand
		}
		if r.toks.peek().tt == js.EqToken {
			r.toks.next(false)
			if end := r.skipTo(js.CommaToken); end.tt != js.CommaToken {
				return // the pattern's closing bracket, or the end of input
			}
		}
	}
}

// target reads a binding target that starts with t: a name or a nested
// pattern.
func (r *patternReader) target(t token, depth int) {
	switch {
	case t.tt == js.OpenBraceToken || t.tt == js.OpenBracketToken:
		if depth < maxDepth {
			r.pattern(t.tt, depth+1)
		}
	case js.IsIdentifierName(t.tt):
		r.names = append(r.names, string(r.src[t.start:t.end]))
	}
}

// skipTo consumes an expression up to the token of type end at its level,
// or up to a bracket closing the level around it, and returns that token.
func (r *patternReader) skipTo(end js.TokenType) token {
	depth, prevEnds := 0, false
	for {
		t := r.toks.next(!prevEnds)
		switch t.tt {
		case js.OpenParenToken, js.OpenBracketToken, js.OpenBraceToken, js.TemplateStartToken:
			depth++
			prevEnds = false
			continue
		case js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken, js.TemplateEndToken:
			if depth == 0 {
				return t
			}
			depth--
			prevEnds = true
			continue
		}
		if t.eof() || depth == 0 && t.tt == end {
			return t
		}
		prevEnds = isOperand(t.tt)
	}
}
