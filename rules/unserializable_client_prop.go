package rules

import (
	"bytes"
	"slices"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/js"
)

// UnserializableClientProp reports props a server module hands to a
// component imported from a client module that React cannot send to the
// browser: functions that are not Server Functions, instances of the
// project's classes, and symbols.
var UnserializableClientProp = &lint.Rule{
	ID:      "unserializable-client-prop",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: "A Server Component passes a Client Component a prop React cannot send to the browser",
		What: `Reports, in a server module, a JSX element whose tag is a component imported ` +
			`from a client module (one with "use client" in its prologue, following ` +
			`re-exports) that receives: an inline function or arrow that is not a Server ` +
			`Function; an identifier bound in the module to a function that is not a Server ` +
			`Function; an identifier imported from a module without "use server" whose ` +
			`export is a function; new C(…) where C is a class the project declares; or ` +
			`Symbol(…). Spreads, member expressions (props.fn), built-in objects (Date, Map, ` +
			`Set, …) and anything the scanner cannot judge are not reported.`,
		Why: `Props that cross into a Client Component are serialized by React. Functions ` +
			`cannot be, unless they are Server Functions; instances of your classes lose ` +
			`their prototype; symbols other than Symbol.for(…) have no name to send. React ` +
			`fails at render time: "Functions cannot be passed directly to Client ` +
			`Components unless you explicitly expose it by marking it with "use server"".`,
		Example: `// app/page.tsx
import { SaveButton } from "../components/save-button";

export default function Page() {
  return <SaveButton onSave={() => console.log("saved")} />;
}

// components/save-button.tsx
"use client";
export function SaveButton({ onSave }: { onSave: () => void }) {
  return <button onClick={onSave}>Save</button>;
}`,
		Instead: `// app/page.tsx
import { SaveButton } from "../components/save-button";

async function save() {
  "use server";
  console.log("saved");
}

export default function Page() {
  return <SaveButton onSave={save} />;
}

// components/save-button.tsx
"use client";
export function SaveButton({ onSave }: { onSave: () => Promise<void> }) {
  return <button onClick={() => onSave()}>Save</button>;
}`,
		Fix: `None: make the function a Server Function ("use server" in its body, or import it ` +
			`from a "use server" module), pass plain data instead, or move the code into the ` +
			`client component.`,
	},
	RunGraph: runUnserializableClientProp,
}

// builtinClasses are the global classes whose instances React can send to
// the browser (or that the linter leaves alone).
var builtinClasses = map[string]bool{
	"Date": true, "Map": true, "Set": true, "URL": true, "URLSearchParams": true, "RegExp": true,
	"FormData": true, "Blob": true, "File": true, "ReadableStream": true, "Error": true, "Promise": true,
	"ArrayBuffer": true, "DataView": true, "Int8Array": true, "Uint8Array": true, "Uint8ClampedArray": true,
	"Int16Array": true, "Uint16Array": true, "Int32Array": true, "Uint32Array": true, "Float32Array": true,
	"Float64Array": true, "BigInt64Array": true, "BigUint64Array": true, "Headers": true, "Response": true,
}

func runUnserializableClientProp(pass *lint.GraphPass) {
	run := newClientPropRun(pass)
	var mods []*graph.Module
	for _, m := range pass.Graph.Modules {
		if m.ServerOnly() && !m.UseServer && m.PassesCode && run.reachesClientModule(m) {
			mods = append(mods, m)
		}
	}
	pass.Prefetch(mods)
	for _, m := range mods {
		f := pass.File(m)
		if f == nil {
			continue
		}
		sm := newServerModule(m, f)
		for _, el := range f.JSX {
			root, _, _ := strings.Cut(el.Tag, ".")
			t, imported := sm.importedModule(root)
			if t == nil || !run.clientExport(t, imported, 0) {
				continue
			}
			for _, a := range el.Attrs {
				what := run.unserializable(sm, a)
				if what == "" {
					continue
				}
				pass.Report(m, a.Span, "<"+el.Tag+"> is a Client Component (from "+t.Path+"), but its "+a.Name+
					" prop is "+what+", which React cannot send to the browser. Pass a Server Function "+
					"(\"use server\") or plain data, or move the code into the client component", m.ServerChain())
			}
		}
	}
}

// clientPropRun is one run of the rule over the graph: the answers it
// works out about modules, kept so that each is worked out once however
// many elements and attributes ask.
type clientPropRun struct {
	pass *lint.GraphPass
	// reaches and importsClient hold the answers of reachesClientModule
	// and importsClientModule by module.
	reaches, importsClient map[*graph.Module]bool
	// clientExports holds the answers of clientExport.
	clientExports map[exportQuery]bool
	// reexports holds what each module re-exports (see reexportsOf).
	reexports map[*graph.Module]*moduleReexports
	// exports indexes each file's exports by name (see exportOf).
	exports map[*js.File]map[string]int
}

// exportQuery is one question clientExport answers: is module's export
// name a client reference, looked for from depth levels of re-exports.
type exportQuery struct {
	module *graph.Module
	name   string
	depth  int
}

// newClientPropRun returns a run with nothing worked out yet.
func newClientPropRun(pass *lint.GraphPass) *clientPropRun {
	return &clientPropRun{
		pass: pass, reaches: map[*graph.Module]bool{}, importsClient: map[*graph.Module]bool{},
		clientExports: map[exportQuery]bool{}, reexports: map[*graph.Module]*moduleReexports{},
		exports: map[*js.File]map[string]int{},
	}
}

// reachesClientModule reports whether m imports a client module, directly
// or through a module that imports one (a re-exporting index).
//
// Both answers are kept by module: asked again for each module that
// imports the same index, and for each name looked for in it, the search
// took the product of their imports.
func (r *clientPropRun) reachesClientModule(m *graph.Module) bool {
	if answer, ok := r.reaches[m]; ok {
		return answer
	}
	answer := r.importsClientModule(m)
	for i := range m.Imports {
		if t := m.Imports[i].Target(); t != nil && !answer {
			answer = r.importsClientModule(t)
		}
	}
	r.reaches[m] = answer
	return answer
}

// importsClientModule reports whether one of m's imports leads to a
// client module.
func (r *clientPropRun) importsClientModule(m *graph.Module) bool {
	if answer, ok := r.importsClient[m]; ok {
		return answer
	}
	answer := false
	for i := range m.Imports {
		if t := m.Imports[i].Target(); t != nil && t.UseClient {
			answer = true
			break
		}
	}
	r.importsClient[m] = answer
	return answer
}

// clientExport reports whether t's export name is a client reference: t is
// a "use client" module, or re-exports name from one (a few levels deep).
//
// Answers are kept by module, name and depth (the depth bounds the search,
// so it is part of the question): an index that re-exports itself many
// times was searched again along every path, a power of its size, and
// again for every element.
func (r *clientPropRun) clientExport(t *graph.Module, name string, depth int) bool {
	if t.UseClient {
		return true
	}
	if depth > 3 || t.UseServer || !r.reachesClientModule(t) {
		return false
	}
	q := exportQuery{module: t, name: name, depth: depth}
	if answer, ok := r.clientExports[q]; ok {
		return answer
	}
	answer := r.reexportsClient(t, name, depth)
	r.clientExports[q] = answer
	return answer
}

// reexportsClient reports whether t re-exports its export name from a
// module whose export is a client reference (see clientExport).
func (r *clientPropRun) reexportsClient(t *graph.Module, name string, depth int) bool {
	re := r.reexportsOf(t)
	if re == nil {
		return false
	}
	for _, from := range re.named[name] {
		if r.clientExportFrom(re, from.source, from.name, depth) {
			return true
		}
	}
	for _, source := range re.all {
		if r.clientExportFrom(re, source, name, depth) {
			return true
		}
	}
	return false
}

// clientExportFrom reports whether a module that the import of source
// leads to has a client reference as its export name.
func (r *clientPropRun) clientExportFrom(re *moduleReexports, source, name string, depth int) bool {
	for _, u := range re.targets[source] {
		if r.clientExport(u, name, depth+1) {
			return true
		}
	}
	return false
}

// moduleReexports is what a module re-exports, each thing once: by
// exported name, where from; the sources of its export * declarations;
// and by source, the modules its imports of that source lead to.
type moduleReexports struct {
	named   map[string][]reexport
	all     []string
	targets map[string][]*graph.Module
}

// reexport is a name re-exported from another module: the import source
// and the name it has there.
type reexport struct {
	source, name string
}

// reexportsOf returns what t re-exports, read from its file the first
// time; nil when t has no file.
//
// It replaces reading all of t's exports, and all of its imports for each,
// for every name asked: the same export repeated k times made k times k
// searches per name.
func (r *clientPropRun) reexportsOf(t *graph.Module) *moduleReexports {
	if re, ok := r.reexports[t]; ok {
		return re
	}
	var re *moduleReexports
	if f := r.pass.File(t); f != nil {
		re = newModuleReexports(t, f)
	}
	r.reexports[t] = re
	return re
}

// newModuleReexports collects the re-exports of module t (file f).
func newModuleReexports(t *graph.Module, f *js.File) *moduleReexports {
	re := &moduleReexports{named: map[string][]reexport{}, targets: map[string][]*graph.Module{}}
	type namedReexport struct {
		exported string
		from     reexport
	}
	type sourceTarget struct {
		source string
		target *graph.Module
	}
	seenNamed, seenAll, seenTargets := map[namedReexport]bool{}, map[string]bool{}, map[sourceTarget]bool{}
	for _, e := range f.Exports {
		switch {
		case e.From == "" || e.TypeOnly:
		case e.Name == "*":
			if !seenAll[e.From] {
				seenAll[e.From] = true
				re.all = append(re.all, e.From)
			}
		default:
			from := reexport{source: e.From, name: e.Local}
			if from.name == "" {
				from.name = e.Name
			}
			if k := (namedReexport{e.Name, from}); !seenNamed[k] {
				seenNamed[k] = true
				re.named[e.Name] = append(re.named[e.Name], from)
			}
		}
	}
	for j := range t.Imports {
		mi := &t.Imports[j]
		if k := (sourceTarget{mi.Source, mi.Target()}); k.target != nil && !seenTargets[k] {
			seenTargets[k] = true
			re.targets[mi.Source] = append(re.targets[mi.Source], k.target)
		}
	}
	return re
}

// unserializable returns what attribute a of server module sm hands over
// that React cannot serialize ("an inline function", …), or "".
func (r *clientPropRun) unserializable(sm *serverModule, a js.Attribute) string {
	f := sm.f
	kind, name, fn := f.PropValue(a)
	switch kind {
	case js.PropFunction:
		if !f.Functions[fn].Has(js.UseServer) {
			return "an inline function (\"Functions cannot be passed directly to Client Components\")"
		}
	case js.PropSymbol:
		return "a symbol made by Symbol() (only Symbol.for() symbols are serializable)"
	case js.PropIdentifier:
		if fn := sm.moduleFunction(name); fn != nil {
			if !fn.Has(js.UseServer) {
				return "the function " + name + ", not a Server Function"
			}
			return ""
		}
		if t, imported := sm.importedModule(name); t != nil && !t.UseServer && !t.UseClient {
			tf := r.pass.File(t)
			if e := r.exportOf(tf, imported); e != nil && (e.Value == js.ValueFunction || e.Value == js.ValueAsyncFunction) &&
				(e.Func < 0 || !tf.Functions[e.Func].Has(js.UseServer)) {
				return "the function " + name + " from " + t.Path + " (not a Server Function: that module has no \"use server\")"
			}
		}
	case js.PropNew:
		if builtinClasses[name] {
			return ""
		}
		if sm.declaresClass(name) {
			return "an instance of the class " + name
		}
		if t, imported := sm.importedModule(name); t != nil {
			if e := r.exportOf(r.pass.File(t), imported); e != nil && e.Value == js.ValueClass {
				return "an instance of the class " + name
			}
		}
	}
	return ""
}

// exportOf returns f's export of name (the first, if several), or nil.
//
// Exports are indexed by name once per file: each attribute that names
// an import read all the exports of the module it comes from.
func (r *clientPropRun) exportOf(f *js.File, name string) *js.Export {
	if f == nil {
		return nil
	}
	index, ok := r.exports[f]
	if !ok {
		index = map[string]int{}
		for i := range f.Exports {
			if _, seen := index[f.Exports[i].Name]; !seen {
				index[f.Exports[i].Name] = i
			}
		}
		r.exports[f] = index
	}
	if i, ok := index[name]; ok {
		return &f.Exports[i]
	}
	return nil
}

// serverModule is a server module whose JSX the rule reads, with its
// file's bindings indexed by name: each element and attribute looks a
// name up, and searching the file's imports, functions or source for each
// took the file's size times the number of elements.
type serverModule struct {
	f *js.File
	// imports maps each name an import binds to where it comes from.
	imports map[string]importBinding
	// functions maps each name to the first top-level function declared
	// or assigned under it.
	functions map[string]*js.Function
	// classWords are the words after the class keyword in the source
	// (see classWordsOf), sorted; read the first time a new … asks.
	classWords     []string
	classWordsRead bool
}

// importBinding is where a name bound by an import comes from: the
// module import of the graph (nil when the graph has none for that
// import) and the name the binding has in the imported module.
type importBinding struct {
	from     *graph.ModuleImport
	imported string
}

// newServerModule indexes the imports and top-level functions of module m
// (file f).
func newServerModule(m *graph.Module, f *js.File) *serverModule {
	return &serverModule{f: f, imports: importBindings(m, f), functions: topLevelFunctions(f)}
}

// importBindings maps each name that a static, value import of f binds
// to where it comes from; the first import binding a name wins.
func importBindings(m *graph.Module, f *js.File) map[string]importBinding {
	bySpan := map[js.Span]*graph.ModuleImport{}
	for j := range m.Imports {
		if _, seen := bySpan[m.Imports[j].Span()]; !seen {
			bySpan[m.Imports[j].Span()] = &m.Imports[j]
		}
	}
	bindings := map[string]importBinding{}
	for i := range f.Imports {
		im := &f.Imports[i]
		if im.Dynamic || im.Reexport || im.TypeOnly {
			continue
		}
		for _, n := range im.Names {
			if _, seen := bindings[n.Local]; seen || n.TypeOnly {
				continue
			}
			bindings[n.Local] = importBinding{from: bySpan[im.Span], imported: n.Imported}
		}
	}
	return bindings
}

// importedModule returns the module that the binding name is imported
// from, with the name it has there; nil when name is not bound by an
// import of a module of the graph.
func (sm *serverModule) importedModule(name string) (*graph.Module, string) {
	b, ok := sm.imports[name]
	if !ok || b.from == nil {
		return nil, ""
	}
	return b.from.Target(), b.imported
}

// topLevelFunctions maps each name to the first function declared at the
// top level of f under it (a declaration, or a function or arrow assigned
// to it).
func topLevelFunctions(f *js.File) map[string]*js.Function {
	functions := map[string]*js.Function{}
	for i := range f.Functions {
		fn := &f.Functions[i]
		if fn.Parent != -1 || fn.Kind != js.FuncDeclaration && fn.Kind != js.FuncExpression && fn.Kind != js.FuncArrow {
			continue
		}
		if _, seen := functions[fn.Name]; !seen {
			functions[fn.Name] = fn
		}
	}
	return functions
}

// moduleFunction returns the function declared at the top level of the
// module under name (a declaration, or a function or arrow assigned to
// it), or nil.
func (sm *serverModule) moduleFunction(name string) *js.Function {
	return sm.functions[name]
}

// declaresClass reports whether the module's source declares a class
// named name: the word class, blanks, then the name as a whole word.
func (sm *serverModule) declaresClass(name string) bool {
	if !isClassWord(name) {
		return searchClassDeclaration(sm.f.Source, name)
	}
	if !sm.classWordsRead {
		sm.classWords = classWordsOf(sm.f.Source)
		sm.classWordsRead = true
	}
	return hasClassWord(sm.classWords, name)
}

// isClassWordByte reports whether c may be part of a class word: a byte of
// an identifier, or of an escape in one (\u0041, \u{41}).
func isClassWordByte(c byte) bool {
	return isIdentByte(c) || c == '\\' || c == '{' || c == '}'
}

// isClassWord reports whether all of name's bytes may be part of a class
// word, as all of an identifier's are.
func isClassWord(name string) bool {
	for i := range len(name) {
		if !isClassWordByte(name[i]) {
			return false
		}
	}
	return true
}

// classWordsOf returns, sorted, the words that follow the word class and
// blanks in src: each the longest run of class word bytes there.
//
// It reads src once, where searching it for each new … attribute took
// the file's size times their number.
func classWordsOf(src []byte) []string {
	var words []string
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("class"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + len("class")
		if at > 0 && isIdentByte(src[at-1]) {
			continue
		}
		start := i
		for start < len(src) && isBlankByte(src[start]) {
			start++
		}
		end := start
		for end < len(src) && isClassWordByte(src[end]) {
			end++
		}
		if start > i && end > start {
			words = append(words, string(src[start:end]))
		}
	}
	slices.Sort(words)
	return words
}

// hasClassWord reports whether name, a class word, follows class in the
// source whose class words (sorted) are words: a word is name, or starts
// with name and goes on with a byte that is not an identifier's (a class
// word holding an escape).
func hasClassWord(words []string, name string) bool {
	if _, found := slices.BinarySearch(words, name); found {
		return true
	}
	for _, next := range []string{"\\", "{", "}"} {
		i, _ := slices.BinarySearch(words, name+next)
		if i < len(words) && strings.HasPrefix(words[i], name+next) {
			return true
		}
	}
	return false
}

// isBlankByte reports whether c is one of the blanks declaresClass allows
// between class and the name.
func isBlankByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// searchClassDeclaration reports whether src declares a class named name,
// searching src for the name: the word class, blanks, then the name as a
// whole word. declaresClass uses it only for a name that cannot be a
// class word, which no identifier is.
func searchClassDeclaration(src []byte, name string) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(name))
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		i = end
		if end < len(src) && isIdentByte(src[end]) {
			continue
		}
		b := start
		for b > 0 && isBlankByte(src[b-1]) {
			b--
		}
		if b < start && b >= 5 && string(src[b-5:b]) == "class" && (b == 5 || !isIdentByte(src[b-6])) {
			return true
		}
	}
}
