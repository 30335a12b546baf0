// Package js is the file model and the scanner: it turns the bytes of a
// JavaScript or TypeScript file into a File (directives, functions,
// imports, exports, positions) with tdewolff's lexer, and never fails on
// any input. It also holds the facts that depend on the file alone: which
// strings look like directives (directives.go) and which imports
// TypeScript drops as type-only (elision.go).
//
// Before a file is scanned, ScanFor skims its bytes (skim.go) for the only
// text the rules and the module graph look at, directive-like strings and
// imports, and scans no further than that (File.Partial).
package js

import "sync"

// Span is a half-open byte range [Start, End) in a file's source.
type Span struct {
	Start, End int
}

// Lang is the source language of a file, decided by its extension.
type Lang uint8

// The languages the scanner understands.
const (
	LangJS  Lang = iota // .js .mjs .cjs .jsx: JavaScript, JSX allowed
	LangTS              // .ts .mts .cts: TypeScript, no JSX
	LangTSX             // .tsx: TypeScript with JSX
)

// DirectiveForm says how a directive-like statement is written.
type DirectiveForm uint8

// The ways a directive-like statement can be written. Only FormQuoted is a
// real directive, and only inside a prologue.
const (
	FormQuoted        DirectiveForm = iota // 'use server' or "use server"
	FormTemplate                           // `use server`
	FormParenthesized                      // ('use server')
	FormConcatenation                      // 'use ' + 'server'
)

// BlockKind tells what kind of statement list holds a statement.
type BlockKind uint8

// The statement lists a directive-like statement can stand in.
const (
	BlockModule       BlockKind = iota // the top level of the module
	BlockFunctionBody                  // the body of a function
	BlockOther                         // any other block: if, loop, try, switch, bare block, static block
)

// Directive is a string-literal expression statement, or something written
// to look like one (a template literal, a parenthesised string, a
// concatenation), standing where a statement starts.
type Directive struct {
	// Value is the text between the quotes (joined, for a concatenation).
	Value string
	// Span covers the statement's expression, quotes included.
	Span Span
	// Quote is the quote character used: ' or " (or ` for FormTemplate).
	Quote byte
	// Form says how it is written; only FormQuoted in a prologue is a directive.
	Form DirectiveForm
	// InPrologue is true when it stands in the directive prologue of its
	// module or function body.
	InPrologue bool
	// Block is the kind of statement list it stands in.
	Block BlockKind
	// Func is the index in File.Functions of the innermost function that
	// holds it, or -1 at module level.
	Func int
	// StatementEnd is the offset just past the statement, including a
	// trailing semicolon when there is one.
	StatementEnd int
}

// FunctionKind tells how a function is written.
type FunctionKind uint8

// The kinds of function the scanner tells apart.
const (
	FuncDeclaration  FunctionKind = iota // function f() {}
	FuncExpression                       // const f = function () {}
	FuncArrow                            // (x) => {} or (x) => x
	FuncObjectMethod                     // { m() {} }
	FuncClassMethod                      // class C { m() {} }
	FuncGetter                           // get x() {} in an object or class
	FuncSetter                           // set x(v) {} in an object or class
	FuncConstructor                      // class C { constructor() {} }
)

// String returns a short human name for the kind, used in messages.
func (k FunctionKind) String() string {
	switch k {
	case FuncDeclaration:
		return "function declaration"
	case FuncExpression:
		return "function expression"
	case FuncArrow:
		return "arrow function"
	case FuncObjectMethod:
		return "object method"
	case FuncClassMethod:
		return "class method"
	case FuncGetter:
		return "getter"
	case FuncSetter:
		return "setter"
	case FuncConstructor:
		return "constructor"
	}
	return "function"
}

// Function is one function of a file with the facts the rules need.
type Function struct {
	Kind      FunctionKind
	Async     bool
	Generator bool
	// Static is true for static class methods, getters and setters.
	Static bool
	// InClass is true for members of a class body.
	InClass bool
	// Name is the function's own name, its method name, or the name of the
	// variable or property it is assigned to; empty when it has none.
	Name string
	// Start is where a report about the function points: its function or
	// async keyword, its first parameter token for arrows, its name for methods.
	Start int
	// Params covers the parameter list, parentheses included (for a bare
	// arrow parameter, the identifier).
	Params Span
	// Body covers the braces of the body. It is empty (Start == End == 0)
	// when HasBody is false.
	Body Span
	// HasBody is false for arrows with an expression body and for
	// signatures without a body (overloads, abstract or declared members).
	HasBody bool
	// ExprBody covers the expression body of an arrow without braces.
	ExprBody Span
	// Prologue lists the directives at the start of the body.
	Prologue []Directive
	// Parent is the index of the enclosing function, or -1.
	Parent int
	// ClassBetween is true when a class body stands between this function
	// and its Parent (so this and arguments are not shared with it).
	ClassBetween bool
	// Exported is true when the function is the value of an export.
	Exported bool
}

// Has reports whether the function's own prologue holds the directive value.
func (f *Function) Has(value string) bool {
	return hasDirective(f.Prologue, value)
}

// ValueKind classifies the value an export (or a top-level binding) holds,
// as far as the scanner can tell without evaluating anything.
type ValueKind uint8

// The kinds of exported value.
const (
	ValueUnknown       ValueKind = iota // a call or anything else the scanner cannot judge
	ValueAsyncFunction                  // an async function or async arrow
	ValueFunction                       // a function, arrow or generator that is not async
	ValueClass                          // a class
	ValueLiteral                        // a string, number, template, regex, array, boolean or null
	ValueType                           // a type-only export: type, interface, declare
	ValueReexportAll                    // export * from '…'
	ValueReexport                       // export { x } from '…'
	ValueObject                         // an object literal
)

// Export is one exported name.
type Export struct {
	// Name is the exported name ("default" for the default export and for
	// TypeScript's export =, "*" for export *).
	Name string
	// Local is the local binding exported, when the export names one.
	Local string
	// Value classifies the exported value.
	Value ValueKind
	// Func is the index in File.Functions of the exported function, or -1.
	Func int
	// Span covers the export statement (for a declaration, up to the end of
	// the declaration's first line of tokens is fine for reports).
	Span Span
	// From is the module specifier of a re-export, or empty.
	From string
	// TypeOnly is true for type exports (export type, interface, declare, { type X }).
	TypeOnly bool
}

// ImportName is one binding brought in by an import.
type ImportName struct {
	// Imported is the name in the other module: "default", "*" or a name.
	Imported string
	// Local is the local binding name.
	Local string
	// TypeOnly is true for `type X` inside the braces.
	TypeOnly bool
}

// Import is one import of another module: an import declaration, a
// re-export with a source, or a dynamic import()/require() of a string.
type Import struct {
	// Source is the module specifier, without quotes.
	Source string
	// Span covers the statement (or the call for dynamic imports).
	Span Span
	// SourceSpan covers the specifier string, quotes included.
	SourceSpan Span
	// Names lists the bindings; empty for side-effect imports and dynamic ones.
	Names []ImportName
	// TypeOnly is true for `import type …` and `export type … from`.
	TypeOnly bool
	// Reexport is true for `export … from`.
	Reexport bool
	// Dynamic is true for import('x') and require('x').
	Dynamic bool
}

// ThisUseKind is the keyword used by a ThisUse.
type ThisUseKind uint8

// The keywords that depend on how a function is called.
const (
	UseThis ThisUseKind = iota
	UseArguments
	UseSuper
)

// String returns the keyword.
func (k ThisUseKind) String() string {
	switch k {
	case UseArguments:
		return "arguments"
	case UseSuper:
		return "super"
	}
	return "this"
}

// ThisUse is an occurrence of this, arguments or super inside a function.
type ThisUse struct {
	Kind ThisUseKind
	Span Span
	// Func is the innermost function holding it, or -1 at module level.
	Func int
	// ClassBetween is true when a class body stands between the use and Func.
	ClassBetween bool
}

// ScanProblem is a place where the scanner could not follow the code. The
// rest of the model is still usable but may miss things after that point.
type ScanProblem struct {
	Offset  int
	Message string
}

// File is the scanned model of one source file: everything the rules look at.
type File struct {
	// Path is the file's path as shown to the user (relative to the working directory when possible).
	Path string
	// Source is the file's content. Rules may read it; they must not change it.
	Source []byte
	Lang   Lang
	// Prologue lists the directives of the module prologue.
	Prologue []Directive
	// Misplaced lists directive-like statements that are not directives:
	// quoted strings outside any prologue, and every other form anywhere.
	Misplaced []Directive
	// Functions lists every function, mostly in source order of their
	// start: an arrow is listed when its => is read, after the functions
	// its parameters hold (sort a copy by start where the order matters).
	Functions []Function
	Imports   []Import
	Exports   []Export
	ThisUses  []ThisUse
	// Problems lists where the scanner lost track of the code.
	Problems []ScanProblem
	// JSX lists the JSX elements, in source order, when the file was
	// scanned by ScanJSX; nil otherwise.
	JSX []Element
	// Partial is true when the scanner read only the start of the file:
	// the runner found that the rest holds no import and no string a rule
	// looks at (see DirectiveLike). Functions, Exports, Misplaced,
	// ThisUses and Problems then cover only that start; Imports are
	// complete, and so is Prologue as far as directive-like strings go.
	Partial bool
	// MarkerAbsent is set by ScanFor when the skim found that Source does
	// not hold the Plan's Marker.
	MarkerAbsent bool

	lines   []int // start offsets of lines, built as far as positions are asked for
	scanned int   // bytes of Source already searched for line starts
	// units are the UTF-16 code units before every unitsStep bytes of
	// Source, built as far as columns on long lines are asked for.
	units []int
	// unitsCache and lineUnits are the last answers of unitsBefore for an
	// offset and for a line start.
	unitsCache, lineUnits unitsAnswer
	// longLines are the lines longer than an excerpt that excerpts were
	// cut from (see excerptText).
	longLines map[int]*longLine
	// tokens are the tokens the scanner read, when the runner asked for
	// them (scanPlan.tokens); tokensWhole says they cover the whole file.
	tokens      []compactToken
	tokensWhole bool
	// tokensEnd is where the last of the tokens ends: they hold every
	// token of the file that ends there or before; -1 when the scan kept
	// none.
	tokensEnd int
	// elision is the last answer of ElisionEnd, for the imports todo.
	elision struct {
		known bool
		todo  []int
		end   int
	}
	// jsxNames are the names Source uses as JSX elements, collected once
	// MayBeTypeOnly asked about more than a few (see jsxUse); jsxAsked
	// counts those searched for until then.
	jsxNames map[string]bool
	jsxAsked int
	// functionsByStart are the indexes of Functions sorted by Start,
	// built the first time PropValue needs them (see functionOrder).
	functionsByStart []int
	// importNames backs the Names of every import of the file (see
	// scanner.namesSince).
	importNames []ImportName
	// buffers lent the lists their backing arrays (see Recycle).
	buffers *fileBuffers
}

// fileBuffers are the backing arrays of a File's lists, lent from one file
// to the next: most files need a few entries each, and a run has tens of
// thousands of files.
type fileBuffers struct {
	functions   []Function
	imports     []Import
	importNames []ImportName
	exports     []Export
	misplaced   []Directive
	thisUses    []ThisUse
	lines       []int
	tokens      []compactToken
	file        File
}

var filePool = sync.Pool{New: func() any { return new(fileBuffers) }}

// maxLent bounds the entries of a backing array kept for the next file.
const maxLent = 1 << 12

// newFile returns an empty File whose lists use lent backing arrays.
func newFile(path string, src []byte, lang Lang) *File {
	b := filePool.Get().(*fileBuffers)
	b.file = File{
		Path: path, Source: src, Lang: lang,
		Functions: b.functions[:0], Imports: b.imports[:0], importNames: b.importNames[:0], Exports: b.exports[:0],
		Misplaced: b.misplaced[:0], ThisUses: b.thisUses[:0], lines: b.lines[:0],
		tokens: b.tokens[:0], buffers: b,
	}
	return &b.file
}

// Recycle gives the backing arrays of f's lists back for the next file and
// empties f (its source too). The caller must not use any list of f
// afterwards.
func (f *File) Recycle() {
	if b := f.buffers; b != nil {
		b.functions = lend(f.Functions)
		b.imports = lend(f.Imports)
		b.importNames = lend(f.importNames)
		b.exports = lend(f.Exports)
		b.misplaced = lend(f.Misplaced)
		b.thisUses = lend(f.ThisUses)
		b.lines = lend(f.lines)
		b.tokens = lendTokens(f.tokens)
		*f = File{}
		filePool.Put(b)
		return
	}
	*f = File{}
}

// lendTokens empties a token list for reuse (it holds no pointers), or
// drops it when it is too large to keep.
func lendTokens(list []compactToken) []compactToken {
	if cap(list) > 1<<16 {
		return nil
	}
	return list[:0]
}

// lend empties list for reuse, or drops it when it is too large to keep.
func lend[T any](list []T) []T {
	if cap(list) > maxLent {
		return nil
	}
	clear(list) // keep nothing alive through the next file
	return list[:0]
}

// Has reports whether the module prologue holds the directive value.
func (f *File) Has(value string) bool {
	return hasDirective(f.Prologue, value)
}

// IsClient reports whether the module prologue holds 'use client'.
func (f *File) IsClient() bool { return f.Has("use client") }

func hasDirective(ds []Directive, value string) bool {
	for i := range ds {
		if ds[i].Form == FormQuoted && ds[i].Value == value {
			return true
		}
	}
	return false
}
