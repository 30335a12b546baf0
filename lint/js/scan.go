package js

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tdewolff/parse/v2/js"
)

// LangOf returns the language of a file by its extension, and false when
// the file is not JavaScript or TypeScript (or is a .d.ts declaration file).
func LangOf(path string) (Lang, bool) {
	base := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(base, ".d.ts") || strings.HasSuffix(base, ".d.mts") || strings.HasSuffix(base, ".d.cts") {
		return 0, false
	}
	switch filepath.Ext(base) {
	case ".js", ".jsx", ".mjs", ".cjs":
		return LangJS, true
	case ".ts", ".mts", ".cts":
		return LangTS, true
	case ".tsx":
		return LangTSX, true
	}
	return 0, false
}

// maxFunctions, maxDirectives and maxEntries bound the functions, the
// directive-like strings and the exports and imports one file's model holds: a bundle or a crafted
// file would cost hundreds of bytes each, and no file gets more than a few
// reports. The scan stops there with a problem, as it does past maxDepth.
const (
	maxFunctions  = 20000
	maxDirectives = 20000
	maxEntries    = 20000 // exports, imports
)

// maxDepth bounds the nesting the scanner follows; deeper input is reported
// as a problem and the rest of the file is not scanned.
const maxDepth = 2000

// maxProblems bounds how many problems one file records.
const maxProblems = 5

// Scan turns a file's bytes into its model. It never fails: where it cannot
// follow the code it records a ScanProblem and goes on. For speed, give src
// one byte of spare capacity (cap(src) > len(src)): the lexer then needs no
// copy of it.
func Scan(path string, src []byte, lang Lang) *File {
	return scanWith(path, src, lang, scanPlan{limit: -1})
}

// scanPlan says how far scanWith reads and what it keeps.
type scanPlan struct {
	// limit: scanWith stops before the first statement at module level
	// that starts after limit (so an import there, or an import() call in
	// a function around it, is read whole) and marks the File Partial. A
	// negative limit reads the whole file.
	limit int
	// more, when set, is asked there up to where to read on after all
	// (-1: nowhere); the scan then stops at the first statement at module
	// level that starts after that.
	more func(*File) int
	// prologue, when checkPrologue, is the skim of src: the scanner reads
	// on there too when prologueHolds says a partial File would not do,
	// with clientExports.
	prologue      skim
	checkPrologue bool
	clientExports bool
	// tokens keeps every token read in File.tokens.
	tokens bool
	// jsx records the JSX elements in File.JSX.
	jsx bool
}

// scanWith scans src as plan says.
func scanWith(path string, src []byte, lang Lang, plan scanPlan) *File {
	f := newFile(path, src, lang)
	s := scanners.Get().(*scanner)
	frames, bindings, problem := s.frames[:0], s.bindings, s.problemFunc
	clear(bindings)
	*s = scanner{file: f, src: src, lang: lang, frames: frames, bindings: bindings, problemFunc: problem, limited: plan.limit >= 0, limit: plan.limit, more: plan.more,
		prologue: plan.prologue, checkPrologue: plan.checkPrologue, clientExports: plan.clientExports}
	s.toks = &s.ownTokens
	s.toks.reset(src, problem)
	if plan.tokens {
		s.toks.keep = &f.tokens
	}
	if plan.jsx {
		s.jsx = &f.JSX
	}
	s.run()
	f.tokensWhole = plan.tokens && !f.Partial
	f.tokensEnd = -1
	if plan.tokens {
		f.tokensEnd = 0
		if n := len(f.tokens); n > 0 {
			f.tokensEnd = int(f.tokens[n-1].end)
		}
	}
	s.toks.release()
	s.ownTokens = tokens{} // drop the source
	s.file, s.src, s.toks, s.more, s.jsx = nil, nil, nil, nil, nil
	scanners.Put(s)
	return f
}

// scanners keeps scanner state (its frame stack, binding table and tokens)
// for reuse across files.
var scanners = sync.Pool{New: func() any {
	s := &scanner{frames: make([]frame, 0, 64), bindings: map[string]binding{}}
	s.problemFunc = s.problem // a method value is made once, not per file
	return s
}}

// frameKind is the kind of bracketed region the scanner is inside.
type frameKind uint8

const (
	frStatements frameKind = iota // the module, a function body or another block: a statement list
	frParen                       // ( … )
	frBracket                     // [ … ]
	frObject                      // an object literal { … }
	frClass                       // a class body { … }
	frTemplate                    // ${ … } in a template literal
	frJSXExpr                     // { … } inside JSX
)

// parenKind tells what a parenthesis opens.
type parenKind uint8

const (
	parenGroup   parenKind = iota // a grouping, a call or arrow parameters
	parenParams                   // the parameters of a known function
	parenControl                  // the head of if, for, while, with, switch, catch
	parenImport                   // import( … ) or require( … )
)

// frame is one open bracketed region with the state the scanner keeps for it.
type frame struct {
	kind  frameKind
	open  int // offset of the opening token
	fn    int // innermost function, -1 at module level
	class bool

	// statement lists
	block       BlockKind
	prologue    bool // the prologue is still open
	stmt        bool // the next token starts a statement
	ctrlBody    bool // the statement starting is the body of if/else/loop without braces
	varDecl     bool // the current statement declares variables: ':' starts a type
	inCase      bool // after case/default: ':' ends the label
	stmtToks    int  // tokens of the current statement so far
	firstIdnt   bool // the current statement starts with an identifier
	candStarted bool // the current statement began as a directive candidate (see scanner.cand)

	// expressions
	pendingQ int // ternary '?' waiting for ':'

	// parentheses
	paren      parenKind
	pending    int // function whose parameters these are, or -1
	asyncAt    int // offset of an async keyword right before '(' , or -1
	dynStr     Span
	dynToks    int
	dynStart   int
	valueStart int // for a group: its '(' or the '<' of type parameters before it
	// wrapper is true for a group around the value of the module
	// declarator in progress, (() => 1) or ((function () {})); wrapFirst
	// is the offset of its first token, 0 until it is read.
	wrapper   bool
	wrapFirst int

	// objects and classes
	member    bool // the next token starts a member (object key or class member)
	classDecl bool // the class is a declaration statement
	className string

	// function bodies: closing it ends a declaration statement
	fnDecl bool
	// name is the assignment target whose value may start next in this frame.
	name pendingName
	// statement lists: only modifiers (export, default, async, abstract,
	// declare) came before the current token of the statement
	onlyMods bool
	declPos  bool // onlyMods as it was before the current token

	// JSX
	jsx jsxState
}

type scanner struct {
	file *File
	// jsx, when set, receives the JSX elements read (see ScanJSX).
	jsx  *[]Element
	src  []byte
	lang Lang
	toks *tokens
	// ownTokens are the tokens of scanWith, kept from file to file with
	// problemFunc, s.problem as a func.
	ownTokens   tokens
	problemFunc func(offset int, msg string)
	// limited is true when the scanner may stop once past limit; more may
	// say to read on (see scanPlan).
	limited bool
	limit   int
	more    func(*File) int
	asked   bool // more was asked
	// prologue is scanPlan.prologue, copied, when checkPrologue.
	prologue      skim
	checkPrologue bool
	clientExports bool

	frames []frame
	cur    *frame // the top of frames (see top)
	// prev is the previous significant token; prevEnds tells whether it
	// ends an expression (so / is division and < is not JSX).
	prev     token
	prev2    token
	prevEnds bool
	// lastParen remembers the last closed group parenthesis, for arrows.
	lastParen     parenInfo
	typeAfterParn bool // the tokens since lastParen closed were a return type

	// afterParams is the function whose parameter list just closed, waiting
	// for a return type and a body; -1 when none.
	afterParams int
	// arrowBody is the arrow whose => was just read; -1 when none.
	arrowBody int
	// classHeader is true between a class keyword and its body.
	// nameAtNext is true when the name just given to the top frame waits
	// for the next token's start.
	nameAtNext bool
	bindings   map[string]binding
	typeNames  map[string]bool // module-level type aliases and interfaces (see typeName)
	directives int             // directive-like strings found (see maxDirectives)
	stopped    bool
	// candFrame is the index of the frame whose statement may be a
	// directive, or -1.
	candFrame int
	// cand follows the statement of frame candFrame that may be a directive.
	cand candidate
	// decl follows the module-level declaration or export in progress.
	decl declarator
	// typeEnd is the end of the last type skipType skipped, or -1.
	typeEnd int
	// annotName is the identifier before the last type annotation.
	annotName Span
	// genericAt and genericEnd span the type parameters of a generic arrow
	// just read; genericEnd is -1 when none.
	genericAt, genericEnd int
	// genericAsync is the async keyword before those type parameters, or -1.
	genericAsync int
	// exprBodies are the arrows whose expression body is being read.
	exprBodies []exprBody
}

// exprBody is an arrow function whose expression body is open at a frame depth.
type exprBody struct {
	fn    int
	depth int
	qBase int // ternary '?' pending in the frame before the body began
}

// endExprBodies closes the expression bodies that t ends: a ',' or ';' at
// their depth, a closing bracket of the frame they stand in, a new
// statement or member after a line break, or the end of input.
func (s *scanner) endExprBodies(t token) {
	for n := len(s.exprBodies); n > 0; n = len(s.exprBodies) {
		b := s.exprBodies[n-1]
		depth := len(s.frames)
		ends := t.eof() || depth < b.depth
		if !ends && depth == b.depth {
			switch t.tt {
			case js.CommaToken, js.SemicolonToken, js.CloseParenToken, js.CloseBracketToken, js.CloseBraceToken,
				js.TemplateMiddleToken, js.TemplateEndToken:
				ends = true
			case js.ColonToken:
				ends = s.top().pendingQ > 0 && s.top().pendingQ <= b.qBase
			default:
				k := s.top().kind
				ends = t.nl() && s.prevEnds && !s.continues(t) && (k == frStatements || k == frClass)
			}
		}
		if !ends {
			return
		}
		end := s.prev.end
		if f := &s.file.Functions[b.fn]; end > f.ExprBody.Start {
			f.ExprBody.End = end
		}
		s.exprBodies = s.exprBodies[:n-1]
	}
}

// typeArgumentsLook is how many bytes after a '<' the looks for type
// arguments read (typeArgumentsAt, tokenText.typeArguments): real type
// arguments are short, and a bound keeps a file of many '<' linear.
const typeArgumentsLook = 512

// typeArgumentsAt reports whether the bytes after a '<' that follows a name
// look like type arguments followed by a call: f<A, B>( or f<T>` . Like
// TypeScript, it decides by what follows the matching '>'; it only looks at
// a short stretch of simple type syntax.
func typeArgumentsAt(src []byte, i int) bool {
	depth, braces, parens, brackets := 1, 0, 0, 0
	for end := min(len(src), i+typeArgumentsLook); i < end; i++ {
		switch c := src[i]; {
		case c == '"' || c == '\'':
			// A string literal type: skip it whole.
			for i++; i < end && src[i] != c && src[i] != '\n'; i++ {
			}
		case c == '{':
			braces++
		case c == '(':
			parens++
		case c == '[':
			brackets++
		case c == '}' || c == ')' || c == ']':
			switch c {
			case '}':
				braces--
			case ')':
				parens--
			default:
				brackets--
			}
			if braces < 0 || parens < 0 || brackets < 0 {
				return false // closes something opened before the '<': a comparison
			}
		case c == ';' && braces > 0:
			// a member separator inside an object type
		case c == '<':
			depth++
		case c == '>':
			depth--
			if depth == 0 {
				j := skipSpace(src, i+1)
				return braces == 0 && parens == 0 && brackets == 0 && j < len(src) && (src[j] == '(' || src[j] == '`')
			}
		case c == '=' && i+1 < len(src) && src[i+1] == '>':
			i++ // a function type's arrow
		case c == ';' || c == '=' || c == '!' || c == '&' && i+1 < len(src) && src[i+1] == '&' ||
			c == '|' && i+1 < len(src) && src[i+1] == '|':
			return false
		}
	}
	return false
}

// nameValue names the function, if any, that starts at the next token.
func (s *scanner) nameValue(name Span) {
	s.addName(pendingName{span: name})
}

// pendingName is one assignment target waiting for its value.
type pendingName struct {
	at   int    // offset where the value starts
	span Span   // the name in the source
	text string // the name, when it is not a span of the source
}

// addName remembers n, in the top frame, for the value that starts at the
// next token. Each frame has its own: an inner assignment (a default
// parameter, a key of an object in a default value) does not hide an
// outer one.
func (s *scanner) addName(n pendingName) {
	n.at = -1
	s.top().name = n
	s.nameAtNext = true
}

// nameAt returns the name of the value that starts at offset in the top
// frame, or "".
func (s *scanner) nameAt(offset int) string {
	if n := &s.top().name; n.at == offset && offset >= 0 {
		if n.text != "" {
			return n.text
		}
		return string(s.src[n.span.Start:n.span.End])
	}
	return ""
}

// destructuring notes that a module declaration binds a pattern
// (const { a, b } = …): it names no single value, so it is not classified.
// The names an exported pattern binds are read ahead.
func (s *scanner) destructuring(t token) {
	if len(s.frames) == 1 && s.decl.active && s.decl.expectName {
		s.decl.expectName = false
		s.decl.expectEq = true
		s.decl.pattern = true
		if s.decl.exported {
			s.decl.patternNames = patternNames(s.src, t)
		}
	}
}

// literalOpens notes that a module declarator's value starts with an object,
// array or template literal.
func (s *scanner) literalOpens(fr *frame, t token) {
	if len(s.frames) == 1 && s.decl.active && s.decl.initStart == t.start {
		s.decl.kind = ValueLiteral
		if t.tt == js.OpenBraceToken {
			s.decl.kind = ValueObject
		}
		s.decl.valueOpen = t.start
	}
}

type parenInfo struct {
	// valueStart is where the arrow these could be parameters of starts:
	// the '(' or the '<' of its type parameters.
	valueStart int
	open       int
	close      int
	asyncAt    int
	valid      bool
}

// binding is what a module-level name holds, for classifying exports.
type binding struct {
	kind ValueKind
	fn   int
	ref  string // another binding this one is an alias of
}

func (s *scanner) problem(offset int, msg string) {
	if len(s.file.Problems) < maxProblems {
		s.file.Problems = append(s.file.Problems, ScanProblem{Offset: offset, Message: msg})
	}
}

// top returns the innermost open frame: kept in cur by push and popFrame,
// as it is asked for several times a token.
func (s *scanner) top() *frame { return s.cur }

func (s *scanner) text(t token) string { return string(s.src[t.start:t.end]) }

func (s *scanner) is(t token, word string) bool {
	return t.end-t.start == len(word) && string(s.src[t.start:t.end]) == word
}

func (s *scanner) push(fr frame) bool {
	if len(s.frames) >= maxDepth {
		s.problem(fr.open, "nesting too deep to follow")
		s.stopped = true
		return false
	}
	if len(s.frames) > 0 {
		parent := s.top()
		if fr.kind != frStatements || fr.block != BlockFunctionBody {
			fr.fn = parent.fn
			fr.class = parent.class || parent.kind == frClass
		}
	}
	fr.pending = -1
	if fr.kind != frParen {
		fr.asyncAt = -1
	}
	s.frames = append(s.frames, fr)
	s.cur = &s.frames[len(s.frames)-1]
	return true
}

// nextTok reads the next token, deciding regex versus division from the
// previous token.
func (s *scanner) nextTok() token {
	return s.toks.next(!s.prevEnds)
}

// advance records t as the previous token.
func (s *scanner) advance(t token, ends bool) {
	if s.inDeclValue() {
		s.decl.lastEnd = t.end
	}
	s.prev2 = s.prev
	s.prev = t
	s.prevEnds = ends
}

func (s *scanner) run() {
	s.afterParams = -1
	s.arrowBody = -1
	s.candFrame = -1
	s.genericEnd, s.genericAsync = -1, -1
	s.frames = append(s.frames, frame{kind: frStatements, block: BlockModule, prologue: true, stmt: true, fn: -1, pending: -1, asyncAt: -1})
	s.cur = &s.frames[0]
	s.prevEnds = false
	for !s.stopped {
		t := s.nextTok()
		if t.eof() {
			s.endExprBodies(t)
			break
		}
		if s.limited && t.start > s.limit && s.atModuleStatement(t) && !s.readOn() {
			s.file.Partial = true
			break
		}
		s.step(t)
	}
	// Close whatever is open.
	for len(s.frames) > 1 {
		s.popFrame(len(s.src))
	}
	s.endStatement(&s.frames[0])
	s.resolveExports()
}

// readOn reports whether a scan that may stop here reads on after all (see
// scanPlan): to the end when the prologue does not hold, else as far as
// more says (asked once), past which it may stop again.
func (s *scanner) readOn() bool {
	if s.checkPrologue && !prologueHolds(s.file, &s.prologue, s.clientExports) {
		s.limited = false
		return true
	}
	if s.more == nil || s.asked {
		return false
	}
	s.asked = true
	if end := s.more(s.file); end > s.limit {
		s.limit = end
		return true
	}
	return false
}

// atModuleStatement reports whether t starts a statement at module level,
// with nothing left open before it (a function's parameters or body, an
// arrow's body), and no import or require just before it that would make a
// ( there an import call (import A("") leaves the import keyword behind).
// It ends the statement before t when t starts one.
func (s *scanner) atModuleStatement(t token) bool {
	if s.prev.tt == js.ImportToken || s.is(s.prev, "require") {
		return false
	}
	return len(s.frames) == 1 && s.afterParams < 0 && s.arrowBody < 0 && len(s.exprBodies) == 0 &&
		s.atStatementStart(&s.frames[0], t)
}

// step handles one token.
func (s *scanner) step(t token) {
	if s.nameAtNext {
		s.nameAtNext = false
		s.top().name.at = t.start
	}
	if fr := s.top(); fr.wrapper && fr.wrapFirst == 0 {
		// The value inside parentheses is named like the value itself.
		fr.wrapFirst = t.start
		fr.name = pendingName{text: s.decl.name, at: t.start}
	}

	// A function whose parameters closed: a return type and then a body.
	if s.afterParams >= 0 {
		fnIdx := s.afterParams
		s.afterParams = -1
		if t.tt == js.ColonToken && s.lang != LangJS {
			s.skipType()
			t = s.nextTok()
			if t.eof() {
				s.file.Functions[fnIdx].HasBody = false
				return
			}
		}
		if t.tt == js.OpenBraceToken {
			s.openFunctionBody(fnIdx, t)
			return
		}
		// No body: an overload, an abstract or declared member.
		s.file.Functions[fnIdx].HasBody = false
	}
	s.endExprBodies(t)
	if s.arrowBody >= 0 {
		fnIdx := s.arrowBody
		s.arrowBody = -1
		if t.tt == js.OpenBraceToken {
			s.openFunctionBody(fnIdx, t)
			return
		}
		// An expression body: it ends where the expression around it does.
		s.file.Functions[fnIdx].ExprBody = Span{t.start, t.start}
		s.exprBodies = append(s.exprBodies, exprBody{fn: fnIdx, depth: len(s.frames), qBase: s.top().pendingQ})
	}
	if s.candFrame >= 0 && s.candFrame != len(s.frames)-1 {
		s.cand.add(s, t)
	}

	fr := s.top()
	if fr.kind == frParen && fr.paren == parenImport && t.tt != js.CloseParenToken {
		fr.dynToks++
		if fr.dynToks == 1 && t.tt == js.StringToken {
			fr.dynStr = Span{t.start, t.end}
		}
	}
	if len(s.frames) == 1 && s.decl.active && s.decl.expectInit {
		s.decl.expectInit = false
		s.decl.initStart = t.start
		s.top().name = pendingName{text: s.decl.name, at: t.start}
	}
	switch fr.kind {
	case frStatements:
		if s.atStatementStart(fr, t) {
			fr.declPos = true
			fr.onlyMods = isModifier(s, t)
			if s.statementStart(fr, t) {
				return
			}
			fr = s.top()
		} else {
			if s.candFrame == len(s.frames)-1 {
				s.cand.add(s, t)
			}
			fr.stmtToks++
			fr.declPos = fr.onlyMods
			fr.onlyMods = fr.onlyMods && isModifier(s, t)
		}
	case frObject:
		if fr.member {
			fr.member = false
			if s.memberHeader(fr, t, false) {
				return
			}
			fr = s.top()
		}
	case frClass:
		if fr.member || (t.nl() && s.prevEnds && !s.continues(t)) {
			fr.member = false
			if s.memberHeader(fr, t, true) {
				return
			}
			fr = s.top()
		}
	}
	s.expression(fr, t)
}

// isModifier reports whether t may stand before a function or class
// keyword of a declaration statement.
func isModifier(s *scanner, t token) bool {
	switch t.tt {
	case js.ExportToken, js.DefaultToken, js.AsyncToken:
		return true
	case js.IdentifierToken:
		return s.is(t, "abstract") || s.is(t, "declare")
	}
	return false
}

// atStatementStart reports whether t begins a statement of the list fr,
// ending the previous statement if so.
func (s *scanner) atStatementStart(fr *frame, t token) bool {
	if fr.stmt {
		return true
	}
	if t.tt == js.SemicolonToken {
		return false
	}
	if t.nl() && (s.prevEnds && !s.continues(t) || restricted(s.prev.tt)) {
		s.endStatement(fr)
		return true
	}
	return false
}

// restricted reports whether a line break after tt always ends the
// statement (return, break, continue, throw and yield take nothing from the
// next line).
func restricted(tt js.TokenType) bool {
	switch tt {
	case js.ReturnToken, js.BreakToken, js.ContinueToken, js.YieldToken, js.ThrowToken:
		return true
	}
	return false
}

// continues reports whether t, after a line break, continues the expression
// before it (so no semicolon is inserted).
func (s *scanner) continues(t token) bool {
	switch t.tt {
	case js.OpenParenToken, js.OpenBracketToken, js.DotToken, js.OptChainToken,
		js.TemplateToken, js.TemplateStartToken, js.CommaToken, js.QuestionToken,
		js.ColonToken, js.ArrowToken, js.InToken, js.InstanceofToken:
		return true
	case js.IncrToken, js.DecrToken, js.NotToken, js.BitNotToken:
		return false
	}
	return js.IsOperator(t.tt)
}

// endStatement finishes the statement in progress in fr.
func (s *scanner) endStatement(fr *frame) {
	if fr.candStarted {
		s.finishCandidate(fr)
	}
	if s.decl.active && fr == &s.frames[0] {
		s.finishDeclarator(fr)
	}
	if n := max(len(s.file.Exports), len(s.file.Imports)); n >= maxEntries && !s.stopped {
		s.problem(s.toks.offset(), fmt.Sprintf("more than %d exports or imports: the rest of the file is not read", maxEntries))
		s.stopped = true
	}
	fr.varDecl = false
	fr.inCase = false
	fr.stmtToks = 0
	fr.firstIdnt = false
	fr.stmt = true
	fr.ctrlBody = false
}

// statementStart handles the first token of a statement. It returns true
// when it consumed the token entirely.
func (s *scanner) statementStart(fr *frame, t token) bool {
	ctrlBody := fr.ctrlBody
	fr.stmt = false
	fr.ctrlBody = false
	fr.stmtToks = 1
	fr.firstIdnt = false
	fr.candStarted = false
	if t.tt == js.StringToken || t.tt == js.TemplateToken || t.tt == js.OpenParenToken {
		fr.candStarted = true
		s.cand.begin(fr, t, ctrlBody)
		s.candFrame = len(s.frames) - 1
	}
	if fr.prologue && t.tt != js.StringToken && t.tt != js.TemplateToken && t.tt != js.OpenParenToken {
		fr.prologue = false
	}
	module := fr.block == BlockModule && len(s.frames) == 1
	switch t.tt {
	case js.SemicolonToken:
		fr.prologue = false
		s.endStatement(fr)
		s.advance(t, false)
		return true
	case js.OpenBraceToken:
		s.push(frame{kind: frStatements, block: BlockOther, stmt: true, open: t.start})
		s.advance(t, false)
		return true
	case js.ImportToken:
		if p := s.toks.peek(); p.tt != js.OpenParenToken && p.tt != js.DotToken {
			s.importDeclaration(t)
			s.endStatement(fr)
			return true
		}
	case js.ExportToken:
		if module {
			s.exportDeclaration(fr, t)
			return true
		}
		if s.lang != LangJS {
			// export in a namespace: a declaration statement follows.
			s.advance(t, false)
			fr.stmt, fr.stmtToks = true, 0
			return true
		}
	case js.VarToken, js.ConstToken, js.LetToken:
		if t.tt == js.ConstToken {
			if p := s.toks.peek(); s.is(p, "enum") {
				s.skipDeclaration()
				s.endStatement(fr)
				return true
			}
		}
		if t.tt == js.LetToken {
			// let as an identifier: let = 1, let.x
			if p := s.toks.peek(); !(js.IsIdentifierName(p.tt) || p.tt == js.OpenBraceToken || p.tt == js.OpenBracketToken) || p.nl() {
				break
			}
		}
		fr.varDecl = true
		if module {
			s.decl = newDeclarator(false, t.start)
			s.decl.expectName = true
		}
		s.advance(t, false)
		return true
	case js.IfToken, js.ForToken, js.WhileToken, js.WithToken, js.SwitchToken, js.CatchToken:
		s.advance(t, false)
		if p := s.toks.peek(); t.tt == js.ForToken && p.tt == js.AwaitToken {
			s.nextTok() // for await (…)
		}
		if p := s.toks.peek(); p.tt == js.OpenParenToken {
			p = s.nextTok()
			s.push(frame{kind: frParen, paren: parenControl, open: p.start})
			s.advance(p, false)
		}
		return true
	case js.ElseToken, js.DoToken, js.TryToken, js.FinallyToken:
		s.advance(t, false)
		fr.stmt = true
		fr.ctrlBody = t.tt == js.ElseToken || t.tt == js.DoToken
		fr.stmtToks = 0
		return true
	case js.CaseToken, js.DefaultToken:
		fr.inCase = true
	case js.ErrorToken:
		if s.isAt(t) {
			// Decorators of a class declaration, before its modifiers
			// (@dec export class C {}): the statement starts after them.
			s.skipDecorator()
			s.skipDecorators()
			fr.stmt = true
			fr.stmtToks = 0
			return true
		}
	case js.EnumToken:
		s.skipDeclaration()
		s.endStatement(fr)
		return true
	case js.InterfaceToken:
		if p := s.toks.peek(); js.IsIdentifierName(p.tt) && !p.nl() {
			s.typeName(p)
			s.skipTypeDeclaration()
			s.endStatement(fr)
			return true
		}
	case js.IdentifierToken:
		fr.firstIdnt = true
		if s.tsDeclaration(fr, t) {
			return true
		}
	}
	if t.tt == js.AsyncToken || js.IsIdentifier(t.tt) {
		fr.firstIdnt = true
	}
	return false
}

// expression handles a token inside an expression (or any token not
// consumed by a statement or member start), by token class.
func (s *scanner) expression(fr *frame, t token) {
	if (s.prev.tt == js.DotToken || s.prev.tt == js.OptChainToken) && js.IsIdentifierName(t.tt) {
		// A property name: x.class, x?.default, x.function.
		s.advance(t, true)
		return
	}
	switch t.tt {
	case js.OpenParenToken:
		s.openParen(t)
	case js.CloseParenToken, js.OpenBracketToken, js.CloseBracketToken, js.OpenBraceToken, js.CloseBraceToken,
		js.TemplateStartToken, js.TemplateMiddleToken, js.TemplateEndToken:
		s.bracket(fr, t)
	case js.SemicolonToken, js.CommaToken, js.QuestionToken, js.ColonToken, js.EqToken:
		s.separator(fr, t)
	case js.ArrowToken:
		s.arrow(t)
	case js.FunctionToken:
		s.functionKeyword(fr, t)
	case js.ClassToken:
		s.classKeyword(fr, t)
	case js.LtToken:
		s.lessThan(t)
	case js.ThisToken, js.SuperToken:
		s.thisOrSuper(fr, t)
	case js.NotToken:
		// x! is TypeScript's non-null assertion: the expression goes on.
		s.advance(t, s.prevEnds && !t.nl() && s.lang != LangJS)
	case js.IncrToken, js.DecrToken:
		s.advance(t, s.prevEnds)
	case js.StringToken, js.TemplateToken, js.RegExpToken, js.TrueToken, js.FalseToken, js.NullToken:
		s.literalToken(fr, t)
	case js.ErrorToken:
		if s.isAt(t) {
			s.skipDecorator()
			return
		}
		s.advance(t, true)
	default:
		s.word(fr, t)
	}
}

// openParen opens a grouping, a call's arguments, arrow parameters or a
// dynamic import's parentheses.
func (s *scanner) openParen(t token) {
	fr2 := frame{kind: frParen, paren: parenGroup, open: t.start, asyncAt: -1, valueStart: t.start}
	if s.genericEnd >= 0 && s.genericEnd <= t.start && skipJSXSpace(s.src, s.genericEnd) == t.start {
		fr2.valueStart = s.genericAt
		if s.genericAsync >= 0 {
			fr2.valueStart = s.genericAsync
			fr2.asyncAt = s.genericAsync
		}
	}
	s.genericEnd, s.genericAsync = -1, -1
	if s.prev.tt == js.AsyncToken && s.prev.end <= t.start && !t.nl() {
		fr2.asyncAt = s.prev.start
	}
	// import( and require( with only blanks and comments between (the
	// previous token is stale after a skipped type: import:0("")), and
	// not a member name (x.import(), even where the lexer took the dot into
	// an error token: 0A.import('')).
	if (s.prev.tt == js.ImportToken || s.is(s.prev, "require")) && s.prev2.tt != js.DotToken && s.prev2.tt != js.OptChainToken &&
		!afterDot(s.src, s.prev.start) && skipJSXSpace(s.src, s.prev.end) == t.start {
		fr2.paren = parenImport
		fr2.dynStart = s.prev.start
	} else {
		fr2.wrapper = s.declValueAt(t.start)
	}
	s.push(fr2)
	s.advance(t, false)
}

// afterDot reports whether the word at src[i] directly follows a '.' that
// is no spread's (x.import, a?.require): a member name, as the skim judges.
func afterDot(src []byte, i int) bool {
	return i > 0 && src[i-1] == '.' && (i < 2 || src[i-2] != '.')
}

// bracket handles the brackets other than an opening parenthesis: ) [ ] { }
// and the parts of a template literal.
func (s *scanner) bracket(fr *frame, t token) {
	switch t.tt {
	case js.CloseParenToken:
		s.closeParen(t)
	case js.OpenBracketToken:
		s.destructuring(t)
		s.literalOpens(fr, t)
		s.push(frame{kind: frBracket, open: t.start})
		s.advance(t, false)
	case js.CloseBracketToken:
		s.closeValue(frBracket, t)
	case js.OpenBraceToken:
		if fr.kind == frStatements && (s.prev.tt == js.CatchToken || s.prev.tt == js.TryToken || s.prev.tt == js.FinallyToken) {
			s.push(frame{kind: frStatements, block: BlockOther, stmt: true, open: t.start})
		} else {
			s.destructuring(t)
			s.literalOpens(fr, t)
			s.push(frame{kind: frObject, open: t.start, member: true})
		}
		s.advance(t, false)
	case js.CloseBraceToken:
		s.closeBrace(t)
	case js.TemplateStartToken:
		s.literalOpens(fr, t)
		s.push(frame{kind: frTemplate, open: t.start})
		s.advance(t, false)
	case js.TemplateMiddleToken:
		fr.pendingQ = 0
		s.advance(t, false)
	case js.TemplateEndToken:
		s.closeValue(frTemplate, t)
	}
}

// separator handles ; , ? : and =, which end or split statements,
// declarators, members and optional parameters.
func (s *scanner) separator(fr *frame, t token) {
	switch t.tt {
	case js.SemicolonToken:
		s.statementDone(fr, t)
	case js.CommaToken:
		if s.prev.tt == js.QuestionToken && fr.pendingQ > 0 {
			fr.pendingQ-- // an optional parameter: (a?, b)
		}
		switch fr.kind {
		case frObject:
			fr.member = true
			fr.pendingQ = 0
		case frStatements:
			if s.decl.active && len(s.frames) == 1 && fr.varDecl {
				d := s.decl
				s.finishDeclarator(fr)
				s.decl = newDeclarator(d.exported, d.stmtStart)
				s.decl.expectName = true
			}
		}
	case js.QuestionToken:
		fr.pendingQ++
	case js.ColonToken:
		s.colon(fr, t)
		return
	case js.EqToken:
		if s.prev.tt == js.QuestionToken && fr.pendingQ > 0 {
			fr.pendingQ--
		}
		if s.decl.active && s.decl.expectEq && len(s.frames) == 1 {
			s.decl.expectEq = false
			s.decl.expectInit = true
		}
		// Name what is assigned: const f = () => {}, let g: T = function () {}.
		if js.IsIdentifier(s.prev.tt) {
			s.nameValue(Span{Start: s.prev.start, End: s.prev.end})
		} else if s.annotName.End > 0 && s.typeEnd == s.prev.end {
			s.nameValue(s.annotName)
		}
	}
	s.advance(t, false)
}

// lessThan handles a < in an expression: a comparison, type parameters of
// an async arrow, type arguments, or (in JSX files) an element.
func (s *scanner) lessThan(t token) {
	if s.prev.tt == js.OptChainToken && s.lang != LangJS {
		// f?.<T>(x): type arguments of an optional call, never JSX.
		s.skipAngle()
		s.prevEnds = true
		return
	}
	if !s.prevEnds {
		s.angleInExpression(t)
		return
	}
	if s.lang != LangJS && !t.nl() && s.prev.tt == js.AsyncToken {
		// async <T>(x) => …: type parameters of an async arrow.
		asyncAt := s.prev.start
		s.skipAngle()
		s.genericAt, s.genericEnd, s.genericAsync = t.start, s.toks.offset(), asyncAt
		return
	}
	if s.lang != LangJS && !t.nl() && (js.IsIdentifierName(s.prev.tt) || s.prev.tt == js.GtToken) && typeArgumentsAt(s.src, t.end) {
		// f<A, B>(x), new Map<K, V>(): type arguments, not comparisons.
		s.skipAngle()
		s.prevEnds = true
		return
	}
	s.advance(t, false)
}

// thisOrSuper records a use of this or super (not TypeScript's this
// parameter).
func (s *scanner) thisOrSuper(fr *frame, t token) {
	if t.tt == js.ThisToken && fr.kind == frParen && s.lang != LangJS &&
		(s.prev.tt == js.OpenParenToken || s.prev.tt == js.CommaToken) && s.toks.peek().tt == js.ColonToken {
		s.advance(t, true) // TypeScript's this parameter: function f(this: T)
		return
	}
	kind := UseThis
	if t.tt == js.SuperToken {
		kind = UseSuper
	}
	s.thisUse(fr, t, kind)
	s.advance(t, true)
}

// word handles numbers, identifiers, as/satisfies and the other keywords
// in an expression.
func (s *scanner) word(fr *frame, t token) {
	switch {
	case js.IsNumeric(t.tt):
		s.literalToken(fr, t)
	case t.tt == js.AsToken || (t.tt == js.IdentifierToken && s.is(t, "satisfies")):
		if s.prevEnds && !t.nl() && s.lang != LangJS {
			s.skipType()
			s.typeAfterLiteral(fr)
			s.prevEnds = true
			return
		}
		s.identifier(fr, t)
	case js.IsIdentifier(t.tt):
		s.identifier(fr, t)
	default: // await, yield, other reserved words and operators
		s.advance(t, false)
	}
}

func (s *scanner) identifier(fr *frame, t token) {
	if s.is(t, "arguments") && s.prev.tt != js.DotToken && s.prev.tt != js.OptChainToken {
		s.thisUse(fr, t, UseArguments)
	}
	if len(s.frames) == 1 && s.decl.active {
		if s.decl.expectName {
			s.decl.expectName = false
			s.decl.expectEq = true
			s.decl.name = s.text(t)
		} else if s.decl.initStart == t.start && t.tt != js.AsyncToken {
			s.decl.ident = s.text(t)
			s.decl.valueEnd = t.end
		}
	}
	s.advance(t, true)
}

func (s *scanner) literalToken(fr *frame, t token) {
	if len(s.frames) == 1 && s.decl.active && s.decl.initStart == t.start {
		s.decl.kind = ValueLiteral
		s.decl.valueEnd = t.end
	}
	s.advance(t, true)
}

func (s *scanner) thisUse(fr *frame, t token, kind ThisUseKind) {
	s.file.ThisUses = append(s.file.ThisUses, ThisUse{Kind: kind, Span: Span{t.start, t.end}, Func: fr.fn, ClassBetween: fr.class || fr.kind == frClass})
}

// colon handles ':' by what it can mean where it stands.
func (s *scanner) colon(fr *frame, t token) {
	optional := s.prev.tt == js.QuestionToken && s.prev.end == t.start
	returnType := s.lang != LangJS && s.prev.tt == js.CloseParenToken && s.lastParen.valid &&
		s.lastParen.close == s.prev.start && arrowReturnTypeAt(s.src, t.end)
	if optional && fr.pendingQ > 0 {
		fr.pendingQ--
	} else if fr.pendingQ > 0 && !returnType {
		fr.pendingQ--
		s.advance(t, false)
		return
	}
	switch fr.kind {
	case frStatements:
		if fr.inCase {
			fr.inCase = false
			s.advance(t, false)
			fr.stmt = true
			fr.stmtToks = 0
			return
		}
		if fr.firstIdnt && fr.stmtToks == 2 && !fr.varDecl {
			// A label.
			s.advance(t, false)
			fr.stmt = true
			fr.stmtToks = 0
			return
		}
	case frObject:
		if !optional && s.lang == LangJS {
			s.advance(t, false)
			return
		}
	}
	if s.lang == LangJS && !optional {
		s.advance(t, false)
		return
	}
	// A type annotation: of a parameter, a variable, a field or a return type.
	afterParen := s.prev.tt == js.CloseParenToken && s.lastParen.valid && s.lastParen.close == s.prev.start
	s.annotName = Span{}
	if js.IsIdentifier(s.prev.tt) {
		s.annotName = Span{s.prev.start, s.prev.end}
	}
	s.skipType()
	if afterParen {
		s.typeAfterParn = true
	}
	s.prevEnds = true
}

// arrowReturnTypeLook and arrowBodyLook bound what arrowReturnTypeAt reads:
// the return type up to the =>, then the block body and the colon after
// it. Each "):" was read to the end of the file (a file of many took a
// square of its size). Return types are short, like type arguments
// (typeArgumentsLook); an arrow with a return type in a conditional's true
// branch is rare, and its body longer than arrowBodyLook rarer still (none
// in 68,000 files): past it the arrow is read as the conditional's else
// branch.
const (
	arrowReturnTypeLook = 512
	arrowBodyLook       = 2048
)

// arrowReturnTypeAt reports whether the bytes after a colon at i-1, in
// the true branch of a conditional, are an arrow function's return type
// and block body followed by the conditional's own colon:
// c ? (x): T => { … } : d. TypeScript takes the arrow only when that colon
// follows; an expression body is left to the conditional.
func arrowReturnTypeAt(src []byte, i int) bool {
	depth := 0
	for end := min(len(src), i+arrowReturnTypeLook); i < end; i++ {
		switch c := src[i]; c {
		case '(', '[', '{', '<':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return false
			}
			depth--
		case '>':
			if depth > 0 {
				depth--
				continue
			}
			return false
		case '=':
			if depth == 0 && i+1 < len(src) && src[i+1] == '>' {
				return blockBodyThenColon(src[:min(len(src), i+2+arrowBodyLook)], i+2)
			}
		case ';', ',', '?', '\'', '"', '`':
			if depth == 0 {
				return false
			}
		}
	}
	return false
}

// blockBodyThenColon reports whether src holds, from i on after white
// space, a block body and then a colon. The caller cuts src at the look's
// bound.
func blockBodyThenColon(src []byte, i int) bool {
	body := skipSpace(src, i)
	if body >= len(src) || src[body] != '{' {
		return false
	}
	end := matchingBrace(src, body)
	return end > 0 && skipSpace(src, end+1) < len(src) && src[skipSpace(src, end+1)] == ':'
}

// matchingBrace returns the offset of the } closing the { at src[open],
// or -1. Strings and comments are passed over. It reads to the end of src,
// which its caller cuts at a bound.
func matchingBrace(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		case '\'', '"', '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				if j := bytes.Index(src[i+2:], []byte("*/")); j >= 0 {
					i += j + 3
				} else {
					return -1
				}
			}
		}
	}
	return -1
}

// closeParen handles ')'.
func (s *scanner) closeParen(t token) {
	closed, ok := s.closeTo(frParen, t)
	if !ok {
		s.advance(t, true)
		return
	}
	switch closed.paren {
	case parenParams:
		s.advance(t, true)
		if closed.pending >= 0 {
			s.file.Functions[closed.pending].Params.End = t.end
			s.afterParams = closed.pending
		}
		return
	case parenControl:
		s.advance(t, false)
		parent := s.top()
		if parent.kind == frStatements {
			parent.stmt = true
			parent.ctrlBody = true
			parent.stmtToks = 0
		}
		return
	case parenImport:
		if closed.dynToks == 1 && closed.dynStr.End > 0 {
			src := s.src[closed.dynStr.Start+1 : closed.dynStr.End-1]
			s.file.Imports = append(s.file.Imports, Import{Source: string(src), Span: Span{closed.dynStart, t.end}, SourceSpan: closed.dynStr, Dynamic: true})
		}
	}
	if closed.wrapper {
		s.wrapperClosed(t)
	}
	s.lastParen = parenInfo{open: closed.open, close: t.start, asyncAt: closed.asyncAt, valueStart: closed.valueStart, valid: true}
	s.typeAfterParn = false
	s.advance(t, true)
}

// closeTo pops frames until one of kind k is popped and returns that frame
// (see popFrame). It returns false and pops nothing when no such frame is
// open.
func (s *scanner) closeTo(k frameKind, t token) (*frame, bool) {
	for i := len(s.frames) - 1; i >= 1; i-- {
		if s.frames[i].kind == k {
			if i != len(s.frames)-1 {
				s.problem(t.start, "unbalanced brackets")
			}
			for len(s.frames)-1 > i {
				s.popFrame(t.start)
			}
			return s.popFrame(t.start), true
		}
		if s.frames[i].kind == frStatements || s.frames[i].kind == frClass {
			break
		}
	}
	if k != frTemplate {
		s.problem(t.start, "unbalanced brackets")
	}
	return nil, false
}

// popFrame removes the top frame, finishes what it held and returns it: a
// pointer into the frame stack past its top, valid until the next push
// (frames are large: copying each one out cost more than the rest of a
// pop).
func (s *scanner) popFrame(at int) *frame {
	fr := s.top()
	if fr.kind == frStatements {
		s.endStatement(fr)
		if fr.block == BlockFunctionBody && fr.fn >= 0 {
			s.file.Functions[fr.fn].Body.End = min(at+1, len(s.src))
		}
	}
	s.frames = s.frames[:len(s.frames)-1]
	s.cur = nil
	if n := len(s.frames); n > 0 {
		s.cur = &s.frames[n-1]
	}
	return fr
}

// closeBrace handles '}'.
func (s *scanner) closeBrace(t token) {
	idx := len(s.frames) - 1
	fr := s.top()
	switch fr.kind {
	case frParen, frBracket, frTemplate:
		// Unbalanced: close up to the nearest brace.
		for idx > 0 && (s.frames[idx].kind == frParen || s.frames[idx].kind == frBracket || s.frames[idx].kind == frTemplate) {
			idx--
		}
		if idx == 0 {
			s.problem(t.start, "unbalanced brackets")
			s.advance(t, true)
			return
		}
		s.problem(t.start, "unbalanced brackets")
		for len(s.frames)-1 > idx {
			s.popFrame(t.start)
		}
		fr = s.top()
	}
	if len(s.frames) == 1 {
		s.problem(t.start, "unexpected }")
		s.advance(t, false)
		s.endStatement(fr)
		return
	}
	closed := s.popFrame(t.start)
	parent := s.top()
	switch closed.kind {
	case frStatements:
		if closed.block == BlockFunctionBody {
			if closed.fnDecl {
				s.advance(t, false)
				s.statementDone(parent, t)
			} else {
				s.advance(t, true)
				s.valueClosed(parent, closed.open, t)
			}
			return
		}
		s.advance(t, false)
		s.statementDone(parent, t)
	case frClass:
		if closed.classDecl {
			s.advance(t, false)
			s.statementDone(parent, t)
			return
		}
		s.advance(t, true)
		s.valueClosed(parent, closed.open, t)
	case frObject:
		s.advance(t, true)
		s.valueClosed(parent, closed.open, t)
	case frJSXExpr:
		s.advance(t, true)
		s.resumeJSX(closed.jsx)
	}
}

// closeValue handles the end of an array literal or template literal: a
// value that a module declaration may hold.
func (s *scanner) closeValue(k frameKind, t token) {
	closed, ok := s.closeTo(k, t)
	s.advance(t, true)
	if ok {
		s.valueClosed(s.top(), closed.open, t)
	}
}

// statementDone marks that a block-like statement ended at t in fr.
func (s *scanner) statementDone(fr *frame, t token) {
	switch fr.kind {
	case frStatements:
		fr.stmtToks++
		s.endStatement(fr)
	case frClass:
		fr.member = true
	}
}

// inDeclValue reports whether the scanner reads, at module level or in
// parentheses around it, the value of the module declarator in progress.
func (s *scanner) inDeclValue() bool {
	return s.decl.active && (len(s.frames) == 1 || s.top().wrapper)
}

// declValueAt reports whether a value that starts at offset start in the
// top frame is the value of the module declarator in progress: it starts
// the initialiser, or only parentheses stand before it (export const f =
// (() => 1)).
func (s *scanner) declValueAt(start int) bool {
	if !s.decl.active || start < 0 {
		return false
	}
	if len(s.frames) == 1 {
		return s.decl.initStart == start
	}
	fr := s.top()
	return fr.wrapper && fr.wrapFirst == start
}

// wrapperClosed notes that parentheses around the value of the module
// declarator closed at t: when they hold the function or class alone, the
// value goes on to t (and may go on to a type assertion after it).
func (s *scanner) wrapperClosed(t token) {
	d := &s.decl
	if !d.active || d.kind != ValueFunction && d.kind != ValueAsyncFunction && d.kind != ValueClass {
		return
	}
	end := d.valueEnd
	if end <= 0 && d.fn >= 0 && !s.file.Functions[d.fn].HasBody {
		end = s.file.Functions[d.fn].ExprBody.End // an arrow's expression body
	}
	if end > 0 && end == d.lastEnd {
		d.valueEnd = t.end
	}
}

// valueClosed notes that a value (object, function, class) that opened at
// open just closed at t, for the classification of module declarations.
func (s *scanner) valueClosed(fr *frame, open int, t token) {
	if fr.kind == frClass {
		fr.member = true // a method body closed
	}
	if s.decl.active && s.decl.initStart >= 0 && s.decl.valueOpen == open {
		s.decl.valueEnd = t.end
	}
}
