package lint

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Module is what the module graph keeps of one file once its source is
// dropped: its module directives, its imports (resolved, with the line
// text a report needs), and its functions that have a prologue.
type Module struct {
	// Path is the file's path as shown to the user.
	Path string
	// Abs is the file's absolute path, the key resolution works with.
	Abs string
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
	// Imports are the file's imports, in source order.
	Imports []ModuleImport
	// Functions are the file's functions whose body has a prologue. Their
	// Parent fields index the file's full function list, which is gone.
	Functions []Function

	spots []spot

	// Set by the graph.
	index     int
	clientVia link
	serverVia link
	inClient  bool
	inServer  bool
}

// ModuleImport is one import of a Module, with where it leads.
type ModuleImport struct {
	Import
	// Resolution says what the specifier was found to be.
	Resolution Resolution
	// Resolved is the absolute path of the file (for ResolvedModule and
	// ResolvedAsset), or the package name (for ResolvedExternal).
	Resolved string
	// Target is the module the import leads to when that module is in the
	// graph, else nil.
	Target *Module
	// Elided is true for an import declaration of a TypeScript file whose
	// bindings are all used as types only: TypeScript, SWC and Babel drop
	// it from the output (unless verbatimModuleSyntax is on), so it makes
	// no edge.
	Elided bool
}

// markElided sets Elided on the imports of a TypeScript file none of whose
// bindings is used as a value. To stay cheap it first decides by the text:
// a binding written in camelCase or ALL_CAPS is taken for a value, and so
// is one that appears as a JSX element ("<Name" not right after an
// identifier; JSX tags are not tokens). Only the imports left undecided
// (PascalCase names such as a type or a class) make it read the file's
// tokens, where a value use is an identifier outside types and imports.
// Every guess errs towards a value use, which only keeps edges.
func markElided(f *File, imports []ModuleImport) {
	undecided := func(im *ModuleImport) bool {
		if im.Resolution != ResolvedModule || im.IsTypeOnly() || im.Reexport || im.Dynamic || len(im.Names) == 0 {
			return false
		}
		for _, n := range im.Names {
			if !n.TypeOnly && (!looksLikeType(n.Local) || jsxUse(f.Source, n.Local)) {
				return false
			}
		}
		return true
	}
	var todo []*ModuleImport
	for i := range imports {
		if undecided(&imports[i]) {
			todo = append(todo, &imports[i])
		}
	}
	if len(todo) == 0 {
		return
	}
	inImport := func(s Span) bool {
		for i := range imports {
			if sp := imports[i].Span; !imports[i].Dynamic && s.Start >= sp.Start && s.End <= sp.End {
				return true
			}
		}
		return false
	}
	wanted := map[string]bool{}
	for _, im := range todo {
		for _, n := range im.Names {
			wanted[n.Local] = true
		}
	}
	values := map[string]bool{}
	toks := f.Tokens(Span{Start: 0, End: len(f.Source)})
	for i := 0; i < len(toks); i++ {
		if end := typeArguments(toks, i); end > i {
			i = end // the scanner does not mark call type arguments: f<T>(x)
			continue
		}
		t := &toks[i]
		if t.Kind == TokenIdentifier && !t.InType && wanted[t.Text] && !inImport(t.Span) {
			values[t.Text] = true
		}
	}
	for _, im := range todo {
		elided := true
		for _, n := range im.Names {
			if !n.TypeOnly && values[n.Local] {
				elided = false
				break
			}
		}
		im.Elided = elided
	}
}

// looksLikeType reports whether a binding name is written like a type or
// a class (PascalCase with a lower-case letter), not like a value
// (camelCase) or a constant (ALL_CAPS).
func looksLikeType(name string) bool {
	name = strings.TrimLeft(name, "_$")
	if name == "" || name[0] < 'A' || name[0] > 'Z' {
		return false
	}
	return strings.ContainsAny(name, "abcdefghijklmnopqrstuvwxyz")
}

// jsxUse reports whether src holds "<name" as a JSX element would: not
// right after an identifier (f<Name>() is a type argument) and not followed
// by more of an identifier.
func jsxUse(src []byte, name string) bool {
	tag := []byte("<" + name)
	for off := 0; ; {
		i := bytes.Index(src[off:], tag)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(tag)
		off = end
		if start > 0 && isIdentByte(src[start-1]) {
			continue
		}
		if end == len(src) || !isIdentByte(src[end]) {
			return true
		}
	}
}

// typeArguments returns the index of the closing > when toks[i] opens the
// type arguments of a call or tagged template (name<T, U>( … ) or
// name<T>`…`), else i. Only tokens that can stand in a type may come
// between the brackets.
func typeArguments(toks []Token, i int) int {
	if i == 0 || toks[i].Text != "<" || toks[i].InType || toks[i-1].Kind != TokenIdentifier {
		return i
	}
	depth := 0
	for j := i; j < len(toks); j++ {
		t := &toks[j]
		switch t.Text {
		case "<":
			depth++
		case ">", ">>", ">>>":
			depth -= len(t.Text)
			if depth < 0 {
				return i
			}
			if depth == 0 {
				if j+1 < len(toks) && (toks[j+1].Text == "(" || toks[j+1].Kind == TokenTemplate) {
					return j
				}
				return i
			}
		case ",", ".", "|", "&", "[", "]", "{", "}", ":", ";", "?", "(", ")", "=>", "typeof", "keyof", "readonly", "extends":
		default:
			if t.Kind != TokenIdentifier && t.Kind != TokenString && t.Kind != TokenNumber && t.Kind != TokenKeyword {
				return i
			}
		}
	}
	return i
}

// isIdentByte reports whether c can continue an identifier (non-ASCII
// bytes count, to stay on the side of keeping edges).
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// Edge reports whether the import makes an edge of the module graph: it
// leads to a module of the graph and is not type-only.
func (im *ModuleImport) Edge() bool {
	return im.Target != nil && !im.IsTypeOnly()
}

// IsTypeOnly reports whether the import brings in types only and so
// disappears from the compiled code: `import type`, `export type … from`,
// braces holding only `type X` names, or (in TypeScript) an import whose
// bindings are only ever used as types (see Elided).
func (im *ModuleImport) IsTypeOnly() bool {
	if im.TypeOnly || im.Elided {
		return true
	}
	if len(im.Names) == 0 {
		return false
	}
	for _, n := range im.Names {
		if !n.TypeOnly {
			return false
		}
	}
	return true
}

// spot is a span whose position and line text were computed while the
// source was still there.
type spot struct {
	span     Span
	pos, end Position
	line     string
}

// Locate returns the position, end position and line text of a span that
// the module kept (an import, or a directive of one of its Functions).
// ok is false for any other span.
func (m *Module) Locate(span Span) (pos, end Position, line string, ok bool) {
	for i := range m.spots {
		if m.spots[i].span == span {
			s := &m.spots[i]
			return s.pos, s.end, s.line, true
		}
	}
	return Position{}, Position{}, "", false
}

// newModule keeps what the graph needs of f, which must still hold its
// source, and resolves its imports. abs is the file's absolute path.
func newModule(f *File, abs string, linted bool, r *Resolver) *Module {
	m := &Module{
		Path:      f.Path,
		Abs:       abs,
		Linted:    linted,
		UseClient: f.Has("use client"),
		UseServer: f.Has("use server"),
	}
	m.Route = r.isRouteFile(abs)
	m.spots = make([]spot, 0, len(f.Imports))
	m.Imports = make([]ModuleImport, len(f.Imports))
	elisionCandidates := false
	for i, im := range f.Imports {
		mi := &m.Imports[i]
		mi.Import = im
		mi.Resolved, mi.Resolution = r.Resolve(abs, im.Source)
		m.addSpot(f, im.Span)
		if mi.Resolution == ResolvedModule && !mi.IsTypeOnly() && !im.Reexport && !im.Dynamic && len(im.Names) > 0 {
			elisionCandidates = true
		}
	}
	if elisionCandidates && f.Lang != LangJS && !r.verbatimModuleSyntax(filepath.Dir(abs)) {
		markElided(f, m.Imports)
	}
	for _, fn := range f.Functions {
		if len(fn.Prologue) == 0 {
			continue
		}
		m.Functions = append(m.Functions, fn)
		for _, d := range fn.Prologue {
			m.addSpot(f, d.Span)
		}
	}
	return m
}

func (m *Module) addSpot(f *File, span Span) {
	pos := f.Position(span.Start)
	m.spots = append(m.spots, spot{span: span, pos: pos, end: f.Position(span.End), line: f.LineText(pos.Line)})
}

// routeNames are the Next.js app/ files that are Server Components (or
// server code) unless they say 'use client'. error and global-error must
// be client modules and are left out.
var routeNames = map[string]bool{
	"page": true, "layout": true, "template": true, "default": true, "not-found": true,
	"loading": true, "route": true, "head": true, "forbidden": true, "unauthorized": true,
	// Metadata files generated on the server.
	"opengraph-image": true, "twitter-image": true, "icon": true, "apple-icon": true,
	"sitemap": true, "robots": true, "manifest": true,
}

// isRouteFile reports whether abs is a Next.js app/ route file: its name is
// one of routeNames with a source extension, it lies under a directory
// named app (not inside a _private folder), and that app directory belongs
// to a Next.js project (a next.config file or a next dependency beside it,
// or beside the src directory holding it).
func (r *Resolver) isRouteFile(abs string) bool {
	base := filepath.Base(abs)
	ext := filepath.Ext(base)
	if !isCodeExt(ext) || !routeNames[strings.TrimSuffix(base, ext)] {
		return false
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		name := filepath.Base(dir)
		if name == "node_modules" || filepath.Dir(dir) == dir {
			return false
		}
		if strings.HasPrefix(name, "_") {
			return false
		}
		if name != "app" {
			continue
		}
		root := filepath.Dir(dir)
		if r.isNextRoot(root) || filepath.Base(root) == "src" && r.isNextRoot(filepath.Dir(root)) {
			return true
		}
	}
}
