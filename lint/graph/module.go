package graph

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
)

// Module is what the module graph keeps of one file once its source is
// dropped: its module directives, the imports that matter to the graph
// (resolved, with their positions), and its functions that have a
// prologue. It is kept small: a large tree holds tens of thousands.
type Module struct {
	// Path is the file's path as shown to the user.
	Path string
	// Abs is the file's absolute path, the key resolution works with.
	Abs string
	// Imports are the file's imports that matter to the graph, in source
	// order: those that lead to a module of ours, those that could not be
	// resolved, and those of the packages graph rules report (see
	// Rule.GraphImports). Type-only imports, imports
	// of assets and of other external packages are left out.
	Imports []ModuleImport
	// Linted is true for files the run was asked to lint. Other files
	// (workspace sources reached by imports) are part of the graph but
	// get no diagnostics.
	Linted bool
	// UseClient and UseServer say whether the module prologue holds
	// 'use client' and 'use server'.
	UseClient, UseServer bool
	// Route is true for a Next.js app/ route file that is server code by
	// default (page, layout, route…).
	Route bool
	// ErrorFile is true for a Next.js app/ error or global-error file,
	// which Next.js requires to be a Client Component.
	ErrorFile bool
	// EventHandlers is true when the module's source may set an event
	// handler prop (on, an upper-case letter, a name, then =): only then
	// does a rule about them need the module's JSX. It is false for a
	// "use client" module, which is no server module (see ServerOnly).
	EventHandlers bool
	// PassesCode is true when the module's JSX may give an attribute a
	// value that is code rather than data: a function or arrow, new …(),
	// Symbol(…), or an identifier the module imports or declares with a
	// function or an assignment (see jsxHints). It errs only towards
	// true: rules about what crosses into a Client Component read the JSX
	// of the other modules no further. Like EventHandlers, it is false
	// for a "use client" module.
	PassesCode bool

	// extra holds what few modules have: functions with a prologue and
	// the code frames of reportable spans; nil for most modules.
	extra *moduleExtra

	// Set by the graph.
	inGraph   bool // scanned and part of the graph; false for a file only named by imports
	listed    bool // in Graph.Modules
	inClient  bool
	inServer  bool
	clientVia link
	serverVia link
}

// moduleExtra is the rarely needed part of a Module.
type moduleExtra struct {
	functions []js.Function
	// frames are the code frames of the imports of packages graph rules
	// report and of the directives of functions.
	frames []codeFrame
}

// Functions returns the file's functions whose body has a prologue. Their
// Parent fields index the file's full function list, which is gone.
func (m *Module) Functions() []js.Function {
	if m.extra == nil {
		return nil
	}
	return m.extra.functions
}

// ModuleImport is one import of a Module, with where it leads. It holds no
// type-only import: those make no edge. It is kept small (48 bytes): a
// large tree has hundreds of thousands.
type ModuleImport struct {
	// Source is the module specifier, without quotes. Equal specifiers
	// share one string.
	Source string
	target *Module
	// Where the import is: its span and the line and column of its start.
	start, end, line, col uint32
	// Resolution says what the specifier was found to be.
	Resolution resolve.Resolution
}

// Span returns the span of the import statement (or of the call, for a
// dynamic import).
func (im *ModuleImport) Span() js.Span {
	return js.Span{Start: int(im.start), End: int(im.end)}
}

// Pos returns the position where the import starts.
func (im *ModuleImport) Pos() js.Position {
	return js.Position{Line: int(im.line), Column: int(im.col)}
}

// ImportNames returns the bindings of import i of m when it imports a
// package graph rules report (see Module.Imports); nil for other imports.
func (m *Module) ImportNames(i int) []js.ImportName {
	if m.extra != nil {
		for j := range m.extra.frames {
			if f := &m.extra.frames[j]; f.imp == int32(i) {
				return f.names
			}
		}
	}
	return nil
}

// Target returns the module the import leads to when that module is in
// the graph, else nil.
func (im *ModuleImport) Target() *Module {
	if im.target != nil && im.target.inGraph {
		return im.target
	}
	return nil
}

// FileImports is what is known of the imports of one file: the graph asks
// about some of them while the file is scanned (TokensUpTo) and about all
// of them after (record), and works each answer out once. They are lent
// from one file to the next (see Builder.NewFileImports).
type FileImports struct {
	importer resolve.Importer
	known    []knownImport // by import number
	// recent is the Importer's table of recent resolutions, which stays
	// with the FileImports from file to file.
	recent resolve.RecentResolutions
}

// knownImport is what is known of one import.
type knownImport struct {
	spec     string // the specifier the answers are for
	path     string
	res      resolve.Resolution
	resolved bool
	typeOnly int8 // mayBeTypeOnly's answer: 0 not asked yet, 1 yes, -1 no
}

// fileImportsPool lends FileImports, with their RecentResolutions: a pool's
// objects stay with the processor that put them back, so no two workers
// share one.
var fileImportsPool = sync.Pool{New: func() any { return new(FileImports) }}

// NewFileImports returns what is known, so far nothing, of the imports of
// the file at the absolute path abs. Call Release when done with it.
func (b *Builder) NewFileImports(abs string) *FileImports {
	fi := fileImportsPool.Get().(*FileImports)
	fi.importer = b.resolver.ImporterOf(abs, &fi.recent)
	return fi
}

// Release gives fi back for the next file; fi must not be used after.
func (fi *FileImports) Release() {
	clear(fi.known) // its strings may go
	fi.known = fi.known[:0]
	fi.importer = resolve.Importer{}
	fileImportsPool.Put(fi)
}

// entry returns the entry of import i of f, emptied when it was about
// another specifier (the file was scanned again).
func (fi *FileImports) entry(f *js.File, i int) *knownImport {
	if i >= len(fi.known) {
		// Only as long as this file needs: Release clears what it holds,
		// and one file with hundreds of imports must not make every later
		// file clear that many.
		fi.known = slices.Grow(fi.known, max(i+1, len(f.Imports))-len(fi.known))
		fi.known = fi.known[:max(i+1, len(f.Imports))]
	}
	k := &fi.known[i]
	if k.spec != f.Imports[i].Source {
		*k = knownImport{spec: f.Imports[i].Source}
	}
	return k
}

// resolve resolves import i of f.
func (fi *FileImports) resolve(f *js.File, i int) (string, resolve.Resolution) {
	k := fi.entry(f, i)
	if !k.resolved {
		k.path, k.res = fi.importer.Resolve(k.spec)
		k.resolved = true
	}
	return k.path, k.res
}

// path returns the path import i of f resolved to; resolve must have been
// called for it.
func (fi *FileImports) path(f *js.File, i int) string { return fi.entry(f, i).path }

// mayBeTypeOnly is f.MayBeTypeOnly(i), worked out once.
func (fi *FileImports) mayBeTypeOnly(f *js.File, i int) bool {
	k := fi.entry(f, i)
	if k.typeOnly == 0 {
		k.typeOnly = -1
		if f.MayBeTypeOnly(i) {
			k.typeOnly = 1
		}
	}
	return k.typeOnly > 0
}

// TokensUpTo answers what the scanner asks at the end of the imports of
// f: up to where the graph will need the file's tokens (-1: nowhere),
// because an import of a module may bring in types only (see
// js.File.MarkElided): up to the last place a binding of such an import is
// named (js.File.ElisionEnd), which is often in the imports themselves.
// The scan reads on that far and keeps them, and File.MarkElided needs no
// second scan. It resolves an import before it looks at its bindings:
// most imports that bind only capitalised names are of packages (icons,
// components), and record resolves every import anyway.
func (b *Builder) TokensUpTo(f *js.File, fi *FileImports) int {
	if f.Lang == js.LangJS {
		return -1
	}
	todo := fi.elisionTodo(f)
	if len(todo) == 0 || fi.importer.VerbatimModuleSyntax() {
		return -1
	}
	return f.ElisionEnd(todo)
}

// elisionTodo returns the imports of f that MarkElided decides: those of a
// module that may bring in types only.
func (fi *FileImports) elisionTodo(f *js.File) []int {
	var todo []int
	for i := range f.Imports {
		if !f.Imports[i].Elidable() {
			continue
		}
		if _, res := fi.resolve(f, i); res == resolve.ResolvedModule && fi.mayBeTypeOnly(f, i) {
			todo = append(todo, i)
		}
	}
	return todo
}

// Edge reports whether the import makes an edge of the module graph: it
// leads to a module of the graph.
func (im *ModuleImport) Edge() bool { return im.Target() != nil }

// codeFrame is a span whose end position and excerpt (a code frame) were
// computed while the source was still there: a span a graph rule may
// report.
type codeFrame struct {
	start, end      uint32
	line, col       uint32
	endLine, endCol uint32
	imp             int32 // the number of the import it is, or -1
	excerpt         js.Excerpt
	names           []js.ImportName // the import's bindings
}

// newFrame computes the code frame of span in f. imp is the number of the
// import it covers, or -1.
func newFrame(f *js.File, span js.Span, imp int, names []js.ImportName) codeFrame {
	pos, end := f.Position(span.Start), f.Position(span.End)
	return codeFrame{
		start: uint32(span.Start), end: uint32(span.End),
		line: uint32(pos.Line), col: uint32(pos.Column), endLine: uint32(end.Line), endCol: uint32(end.Column),
		imp: int32(imp), excerpt: f.Excerpt(span.Start), names: names,
	}
}

// Locate returns the position, end position and excerpt of a span that
// the module kept a code frame for: an import of a package graph rules
// report, or a directive of one of its Functions. For another import it
// returns the import's start as both positions and no excerpt, and so it
// does for the empty span at the file's start (line 1, column 1); for any
// other span ok is false.
func (m *Module) Locate(span js.Span) (pos, end js.Position, excerpt js.Excerpt, ok bool) {
	if span == (js.Span{}) {
		return js.Position{Line: 1, Column: 1}, js.Position{Line: 1, Column: 1}, js.Excerpt{}, true // the start of the file
	}
	if m.extra != nil {
		for i := range m.extra.frames {
			if f := &m.extra.frames[i]; int(f.start) == span.Start && int(f.end) == span.End {
				return js.Position{Line: int(f.line), Column: int(f.col)}, js.Position{Line: int(f.endLine), Column: int(f.endCol)}, f.excerpt, true
			}
		}
	}
	for i := range m.Imports {
		if im := &m.Imports[i]; im.Span() == span {
			return im.Pos(), im.Pos(), js.Excerpt{}, true
		}
	}
	return js.Position{}, js.Position{}, js.Excerpt{}, false
}

// record fills m, a node of the builder, with what the graph needs of f,
// which must still hold its source, and resolves its imports: first which
// imports the graph keeps, then what it keeps of them and of f's functions
// while the source is there, and last, under the builder's lock, the links
// to other modules.
func (b *Builder) record(m *Module, f *js.File, fi *FileImports, linted bool) {
	kept := b.keptImports(f, fi)
	imports, extra := b.moduleParts(f, fi, kept)
	route := b.resolver.IsRouteFile(m.Abs)
	errorFile := !route && b.resolver.IsErrorFile(m.Abs)
	useClient, useServer := f.Has("use client"), f.Has("use server")
	events, passesCode := false, false
	if f.Lang != js.LangTS && (!useClient || useServer) {
		// .ts files hold no JSX, and the hints are of server modules
		// (Module.ServerOnly): a "use client" module is a client one.
		events, passesCode = jsxHints(f)
	}

	// Names and paths are interned under the lock: every import of the
	// same file shares one *Module, every use of a specifier one string.
	b.mu.Lock()
	defer b.mu.Unlock()
	j := 0
	for i := range f.Imports {
		if !kept[i] {
			continue
		}
		mi := &imports[j]
		j++
		mi.Source = b.intern(f.Imports[i].Source)
		if mi.Resolution == resolve.ResolvedModule {
			mi.target = b.node(fi.path(f, i))
		}
	}
	m.Path = f.Path
	if strings.HasSuffix(m.Abs, m.Path) {
		m.Path = m.Abs[len(m.Abs)-len(m.Path):] // one string for both
	}
	m.Linted = linted
	m.UseClient, m.UseServer, m.Route, m.ErrorFile = useClient, useServer, route, errorFile
	m.EventHandlers, m.PassesCode = events, passesCode
	m.Imports = imports
	m.extra = extra
	m.inGraph = true
}

// keptImports resolves every import of f and says, import by import,
// whether the graph keeps it: an import of a module that makes an edge
// (neither type-only as written nor dropped by TypeScript as type-only), an
// unresolved one, or one of a package that rules report (see reported).
func (b *Builder) keptImports(f *js.File, fi *FileImports) []bool {
	elidable := false
	for i := range f.Imports {
		_, res := fi.resolve(f, i) // the path stays in fi: see fi.path
		if res == resolve.ResolvedModule && f.Imports[i].Elidable() {
			elidable = true
		}
	}
	var elided []bool
	if elidable && f.Lang != js.LangJS && !fi.importer.VerbatimModuleSyntax() {
		elided = make([]bool, len(f.Imports))
		f.MarkElided(fi.elisionTodo(f), elided)
	}
	kept := make([]bool, len(f.Imports))
	for i := range f.Imports {
		im := &f.Imports[i]
		if im.OnlyTypes() || elided != nil && elided[i] {
			continue
		}
		_, res := fi.resolve(f, i)
		kept[i] = res == resolve.ResolvedModule || res == resolve.Unresolved || b.reported(im.Source)
	}
	return kept
}

// maxModuleFunctions bounds the functions with a prologue a module keeps:
// a minified or crafted file can hold hundreds of thousands, and no file
// gets more reports than that (see lint's maxFileDiagnostics).
const maxModuleFunctions = 1000

// moduleParts returns what the module of f keeps while f still holds its
// source: the kept imports with their positions (not linked yet), and the
// rarely needed part (nil when empty): f's functions that have a prologue
// and the code frames of the spans a graph rule may report.
func (b *Builder) moduleParts(f *js.File, fi *FileImports, kept []bool) ([]ModuleImport, *moduleExtra) {
	n := 0
	for _, k := range kept {
		if k {
			n++
		}
	}
	imports := make([]ModuleImport, 0, n)
	var functions []js.Function
	var frames []codeFrame
	for i := range f.Imports {
		if !kept[i] {
			continue
		}
		im := &f.Imports[i]
		_, res := fi.resolve(f, i)
		pos := f.Position(im.Span.Start)
		mi := ModuleImport{
			Resolution: res,
			start:      uint32(im.Span.Start), end: uint32(im.Span.End),
			line: uint32(pos.Line), col: uint32(pos.Column),
		}
		if b.reported(im.Source) {
			frames = append(frames, newFrame(f, im.Span, len(imports), slices.Clone(im.Names)))
		}
		imports = append(imports, mi)
	}
	for _, fn := range f.Functions {
		if len(fn.Prologue) == 0 {
			continue
		}
		if len(functions) == maxModuleFunctions {
			break
		}
		functions = append(functions, fn)
		for _, d := range fn.Prologue {
			frames = append(frames, newFrame(f, d.Span, -1, nil))
		}
	}
	if functions == nil && frames == nil {
		return imports, nil
	}
	return imports, &moduleExtra{functions: slices.Clip(functions), frames: slices.Clip(frames)}
}

// isNameByte reports whether c can continue an attribute name.
func isNameByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// jsxHints looks at f's source for what some rules need a module's JSX
// for. It reads every = that may start a JSX attribute's value: events is
// true when one follows a name on+Upper after a blank (an event handler,
// onClick=); code is true when one is followed by a {…} value that may be
// code rather than data (see Module.PassesCode): starting with ( async
// function new or Symbol, an arrow with one bare parameter, or a lone
// identifier that f imports or that its source declares with function or
// assigns with =. Both err only towards true. Time is linear in the size
// of the source: the names f binds are collected once, in one pass, the
// first time a lone identifier needs them.
func jsxHints(f *js.File) (events, code bool) {
	src := f.Source
	var bound boundNames
	for i := 0; i < len(src) && !(events && code); {
		j := bytes.IndexByte(src[i:], '=')
		if j < 0 {
			break
		}
		eq := i + j
		i = eq + 1
		if eq > 0 && strings.IndexByte("=!<>+-*/%&|^?", src[eq-1]) >= 0 || i < len(src) && (src[i] == '=' || src[i] == '>') {
			continue
		}
		if !events && eventHandlerBefore(src, eq) {
			events = true
		}
		if !code && codeValueAfter(f, eq, &bound) {
			code = true
		}
	}
	return events, code
}

// eventHandlerBefore reports whether the = at src[eq] follows a name
// on+Upper… that follows a blank.
func eventHandlerBefore(src []byte, eq int) bool {
	s := eq
	for s > 0 && isNameByte(src[s-1]) {
		s--
	}
	return eq-s > 2 && src[s] == 'o' && src[s+1] == 'n' && src[s+2] >= 'A' && src[s+2] <= 'Z' &&
		s > 0 && (src[s-1] == ' ' || src[s-1] == '\t' || src[s-1] == '\n' || src[s-1] == '\r')
}

// codeValueAfter reports whether the = at f.Source[eq] starts a {…} value
// that may be code (see jsxHints). bound holds the names f binds, once
// collected.
func codeValueAfter(f *js.File, eq int, bound *boundNames) bool {
	src := f.Source
	k := skipBlanks(src, eq+1)
	if k >= len(src) || src[k] != '{' {
		return false
	}
	v := skipBlanks(src, k+1)
	e := v
	for e < len(src) && isNameByte(src[e]) {
		e++
	}
	word := string(src[v:e])
	switch {
	case v < len(src) && src[v] == '(',
		word == "async" || word == "function" || word == "new" || word == "Symbol":
		return true
	case word == "":
		return false
	}
	next := skipBlanks(src, e)
	if bytes.HasPrefix(src[next:], []byte("=>")) {
		return true
	}
	return next < len(src) && src[next] == '}' && bound.has(f, word)
}

// boundNames answers whether a file binds a name: by its imports, after
// function (and blanks or stars), or before an = that is not == or =>.
// The first few names asked are searched for in the source (most files
// ask about one or two, and one vector search is cheaper than a set of
// every name); past searchedNames, the answers come from the set of all
// the names the file binds, collected in one pass: a file asking about
// many names took a square of its size.
type boundNames struct {
	asked int
	names map[string]bool
}

// searchedNames is how many names boundNames searches the source for
// before it collects them all.
const searchedNames = 8

// has reports whether f binds name (see boundNames).
func (b *boundNames) has(f *js.File, name string) bool {
	if b.names == nil && b.asked < searchedNames {
		b.asked++
		return importsName(f, name) || declaresName(f.Source, name)
	}
	if b.names == nil {
		b.names = collectBoundNames(f)
	}
	return b.names[name]
}

// importsName reports whether one of f's imports binds name.
func importsName(f *js.File, name string) bool {
	for i := range f.Imports {
		for _, n := range f.Imports[i].Names {
			if n.Local == name {
				return true
			}
		}
	}
	return false
}

// declaresName reports whether src holds "function name" or "name =" (not
// ==, =>): a function or a value assigned to the name.
func declaresName(src []byte, name string) bool {
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte(name))
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		i = end
		if start > 0 && isNameByte(src[start-1]) || end < len(src) && isNameByte(src[end]) {
			continue
		}
		if p := bytes.TrimRight(src[:start], " \t\r\n*"); bytes.HasSuffix(p, []byte("function")) {
			return true
		}
		if n := skipBlanks(src, end); n < len(src) && src[n] == '=' && (n+1 == len(src) || src[n+1] != '=' && src[n+1] != '>') {
			return true
		}
	}
	return false
}

// collectBoundNames returns the names f binds (see boundNames), in one pass
// over its source for each way of binding one: for any name, the same
// answer as importsName or declaresName.
func collectBoundNames(f *js.File) map[string]bool {
	names := map[string]bool{}
	for i := range f.Imports {
		for _, n := range f.Imports[i].Names {
			names[n.Local] = true
		}
	}
	src := f.Source
	// name = (not == or =>), blanks allowed between: the whole name
	// before the =.
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '=')
		if j < 0 {
			break
		}
		eq := i + j
		i = eq + 1
		if i < len(src) && (src[i] == '=' || src[i] == '>') {
			i++ // == or =>: its second byte starts nothing either
			continue
		}
		end := eq
		for end > 0 && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\n' || src[end-1] == '\r') {
			end--
		}
		start := end
		for start > 0 && isNameByte(src[start-1]) {
			start--
		}
		if start < end {
			names[string(src[start:end])] = true
		}
	}
	// function name, function* name: the whole name after the keyword and
	// at least one blank or star.
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte("function"))
		if j < 0 {
			break
		}
		i += j + len("function")
		start := i
		for start < len(src) && (src[start] == ' ' || src[start] == '\t' || src[start] == '\n' || src[start] == '\r' || src[start] == '*') {
			start++
		}
		end := start
		for end < len(src) && isNameByte(src[end]) {
			end++
		}
		if start > i && end > start {
			names[string(src[start:end])] = true
		}
	}
	return names
}

// skipBlanks returns the offset of the first byte at or after i that is
// not a space, tab or line break.
func skipBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}
