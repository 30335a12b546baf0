package rules

import (
	"bytes"
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
	for _, m := range pass.Graph.Modules {
		if !m.ServerOnly() || m.UseServer || !m.PassesCode || !reachesClientModule(m) {
			continue
		}
		f := pass.File(m)
		if f == nil {
			continue
		}
		for _, el := range f.JSX {
			root, _, _ := strings.Cut(el.Tag, ".")
			t, imported := importedModule(m, f, root)
			if t == nil || !clientExport(pass, t, imported, 0) {
				continue
			}
			for _, a := range el.Attrs {
				what := unserializable(pass, m, f, a)
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

// reachesClientModule reports whether m imports a client module, directly
// or through a module that imports one (a re-exporting index).
func reachesClientModule(m *graph.Module) bool {
	for i := range m.Imports {
		t := m.Imports[i].Target()
		if t == nil {
			continue
		}
		if t.UseClient {
			return true
		}
		for j := range t.Imports {
			if u := t.Imports[j].Target(); u != nil && u.UseClient {
				return true
			}
		}
	}
	return false
}

// importedModule returns the module that the binding name of f (module m)
// is imported from, with the name it has there; nil when name is not
// bound by an import of a module of the graph.
func importedModule(m *graph.Module, f *js.File, name string) (*graph.Module, string) {
	for i := range f.Imports {
		im := &f.Imports[i]
		if im.Dynamic || im.Reexport || im.TypeOnly {
			continue
		}
		for _, n := range im.Names {
			if n.Local != name || n.TypeOnly {
				continue
			}
			for j := range m.Imports {
				if mi := &m.Imports[j]; mi.Span() == im.Span {
					return mi.Target(), n.Imported
				}
			}
			return nil, ""
		}
	}
	return nil, ""
}

// clientExport reports whether t's export name is a client reference: t is
// a "use client" module, or re-exports name from one (a few levels deep).
func clientExport(pass *lint.GraphPass, t *graph.Module, name string, depth int) bool {
	if t.UseClient {
		return true
	}
	if depth > 3 || t.UseServer || !reachesClientModule(t) {
		return false
	}
	f := pass.File(t)
	if f == nil {
		return false
	}
	for _, e := range f.Exports {
		if e.From == "" || e.TypeOnly || e.Name != name && e.Name != "*" {
			continue
		}
		inner := e.Local
		if e.Name == "*" || inner == "" {
			inner = name
		}
		for j := range t.Imports {
			if mi := &t.Imports[j]; mi.Source == e.From && mi.Target() != nil && clientExport(pass, mi.Target(), inner, depth+1) {
				return true
			}
		}
	}
	return false
}

// unserializable returns what attribute a of module m (file f) hands over
// that React cannot serialize ("an inline function", …), or "".
func unserializable(pass *lint.GraphPass, m *graph.Module, f *js.File, a js.Attribute) string {
	kind, name, fn := f.PropValue(a)
	switch kind {
	case js.PropFunction:
		if !f.Functions[fn].Has(js.UseServer) {
			return "an inline function (\"Functions cannot be passed directly to Client Components\")"
		}
	case js.PropSymbol:
		return "a symbol made by Symbol() (only Symbol.for() symbols are serializable)"
	case js.PropIdentifier:
		if fn := moduleFunction(f, name); fn != nil {
			if !fn.Has(js.UseServer) {
				return "the function " + name + ", not a Server Function"
			}
			return ""
		}
		if t, imported := importedModule(m, f, name); t != nil && !t.UseServer && !t.UseClient {
			if e := exportOf(pass.File(t), imported); e != nil && (e.Value == js.ValueFunction || e.Value == js.ValueAsyncFunction) &&
				(e.Func < 0 || !pass.File(t).Functions[e.Func].Has(js.UseServer)) {
				return "the function " + name + " from " + t.Path + " (not a Server Function: that module has no \"use server\")"
			}
		}
	case js.PropNew:
		if builtinClasses[name] {
			return ""
		}
		if declaresClass(f, name) {
			return "an instance of the class " + name
		}
		if t, imported := importedModule(m, f, name); t != nil {
			if e := exportOf(pass.File(t), imported); e != nil && e.Value == js.ValueClass {
				return "an instance of the class " + name
			}
		}
	}
	return ""
}

// moduleFunction returns the function declared at the top level of f under
// name (a declaration, or a function or arrow assigned to it), or nil.
func moduleFunction(f *js.File, name string) *js.Function {
	for i := range f.Functions {
		fn := &f.Functions[i]
		if fn.Parent == -1 && fn.Name == name &&
			(fn.Kind == js.FuncDeclaration || fn.Kind == js.FuncExpression || fn.Kind == js.FuncArrow) {
			return fn
		}
	}
	return nil
}

// exportOf returns f's export of name, or nil.
func exportOf(f *js.File, name string) *js.Export {
	if f == nil {
		return nil
	}
	for i := range f.Exports {
		if f.Exports[i].Name == name {
			return &f.Exports[i]
		}
	}
	return nil
}

// declaresClass reports whether f declares a class named name: the word
// class, blanks, then the name as a whole word.
func declaresClass(f *js.File, name string) bool {
	src := f.Source
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
		for b > 0 && (src[b-1] == ' ' || src[b-1] == '\t' || src[b-1] == '\n' || src[b-1] == '\r') {
			b--
		}
		if b < start && b >= 5 && string(src[b-5:b]) == "class" && (b == 5 || !isIdentByte(src[b-6])) {
			return true
		}
	}
}
